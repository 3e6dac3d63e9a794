//! The recordings of the real core the preview and the tests replay (see replay.ts).
import type { Recording } from "./replay";
import resources from "../test/recorded/resources.json";
import sample from "../test/recorded/sample.json";
import small from "../test/recorded/small.json";

// JSON imports widen string literals ("org_goal" becomes string); the files are written by Rust
// from the very types the bindings describe.
export const SAMPLE = sample as unknown as Recording;
export const SMALL = small as unknown as Recording;
export const RESOURCES = resources as unknown as Recording;
