import { describe, expect, it } from "vitest";
import { buildIndex } from "../model/planIndex";
import { linkId, pathsUp, throughline } from "../model/throughline";
import { FINDINGS, PLAN } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);

describe("throughline", () => {
  it("runs from a strategy up to its org goal and down to the resources under it", () => {
    const line = throughline(index, "S1");
    expect([...line.nodes].sort(), "S1's line: its goals above, its initiative and that initiative's resource below").toEqual(
      ["G1", "I1", "R1", "S1", "TG1"],
    );
    expect(line.links.has(linkId("allocates", "R1", "I1")), "the allocation under I1 is on the line").toBe(true);
    expect(line.nodes.has("G2"), "the other org goal is not on S1's line").toBe(false);
  });

  it("runs from a resource through what it funds up to the goals", () => {
    const line = throughline(index, "R2");
    expect([...line.nodes].sort(), "R2 funds S2, which supports G2").toEqual(["G2", "R2", "S2"]);
    expect(line.nodes.has("R1"), "a sibling resource is not on the line").toBe(false);
  });

  it("is just the node itself for a node with no links", () => {
    expect([...throughline(index, "I2").nodes], "a loose initiative has nothing above or below").toEqual(["I2"]);
  });

  it("lists each path up to the top", () => {
    expect(pathsUp(index, "I1"), "I1 -> S1 -> TG1 -> G1 is the only path").toEqual([["I1", "S1", "TG1", "G1"]]);
  });
});
