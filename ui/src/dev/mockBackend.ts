//! Dev-only IPC backend: answers the app's commands in a plain browser via mockIPC by replaying
//! answers recorded from the core (replay.ts), so the UI can be developed and screenshotted with
//! `npm run dev` without the Rust shell, and tested without a copy of the rules.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Edit } from "../bindings/Edit";
import type { AppError } from "../ipc/types";
import { SAMPLE } from "./recordings";
import { ReplayEngine, unanalysed, type Recording } from "./replay";
import { syntheticPlan } from "./syntheticPlan";

export function installMockBackend(recording: Recording, options: { path?: string; latencyMs?: number } = {}) {
  const engine = new ReplayEngine(recording, options.path ?? "/home/cio/plans/sample.throughline");
  engine.recent = [engine.path, "/home/cio/plans/it-strategy-2026.throughline", "/home/cio/plans/board-review.throughline"];
  const latency = options.latencyMs ?? 0;
  const empty = (name: string) => unanalysed({ name, review_cadence_days: 90, nodes: [], links: [] }, recording.as_of, recording);
  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    switch (cmd) {
      case "current_plan":
        return engine.state();
      case "open_plan": {
        const path = String(args.path);
        return engine.switchTo(path.includes("big") ? unanalysed(syntheticPlan(10000), recording.as_of, recording) : SAMPLE, path);
      }
      case "import_plan":
        return engine.switchTo(SAMPLE, String(args.path));
      case "new_plan":
        return engine.switchTo(empty(String(args.name)), String(args.path));
      case "save_plan_as":
        return engine.switchTo(recording, String(args.path));
      case "apply_edit":
        return engine.apply(args.edit as Edit);
      case "undo":
        return engine.undo();
      case "redo":
        return engine.redo();
      case "export_report":
        return null;
      case "test_save_path":
        return null;
      case "plugin:dialog|save": {
        const options = (args.options ?? {}) as { defaultPath?: string };
        return `/home/cio/plans/${options.defaultPath ?? "plan.throughline"}`;
      }
      case "plugin:dialog|open":
        return "/home/cio/plans/it-strategy-2026.throughline";
      default:
        throw { code: "internal", message: `The mock backend does not know ${cmd}.` } satisfies AppError;
    }
  });
  return engine;
}

/** Installs the dev backend; the URL can ask for ?nodes=N (synthetic, unanalysed plan) or ?empty. */
export function installDevBackend() {
  const params = new URLSearchParams(window.location.search);
  const nodes = Number(params.get("nodes") ?? 0);
  const recording = params.has("empty")
    ? unanalysed({ name: "New plan", review_cadence_days: 90, nodes: [], links: [] }, SAMPLE.as_of, SAMPLE)
    : nodes > 0
      ? unanalysed(syntheticPlan(nodes), SAMPLE.as_of, SAMPLE)
      : SAMPLE;
  installMockBackend(recording, { latencyMs: 15 });
}
