//! Dev-only IPC backend: answers the commands of IPC.md in a plain browser via mockIPC by
//! replaying answers recorded from the core (replay.ts), so the UI can be developed and
//! screenshotted with `npm run dev` without the Rust shell, and tested without a copy of the
//! rules. Where Rust would show a file dialog, the mock answers as if the user had picked a
//! file in /home/cio/plans.
import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Edit } from "../bindings/Edit";
import type { AppError } from "../ipc/types";
import { SAMPLE } from "./recordings";
import { ReplayEngine, unanalysed, type Recording } from "./replay";
import { syntheticPlan } from "./syntheticPlan";

const FOLDER = "/home/cio/plans";

export function installMockBackend(recording: Recording, options: { path?: string; latencyMs?: number } = {}) {
  const engine = new ReplayEngine(recording, options.path ?? `${FOLDER}/sample.throughline`);
  engine.recent = [engine.path, `${FOLDER}/it-strategy-2026.throughline`, `${FOLDER}/board-review.throughline`];
  const latency = options.latencyMs ?? 0;
  const empty = (name: string) => unanalysed({ name, review_cadence_days: 90, nodes: [], links: [] }, recording.as_of, recording);
  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    switch (cmd) {
      case "current_plan":
        return engine.state();
      case "open_plan":
        return { state: engine.switchTo(SAMPLE, `${FOLDER}/it-strategy-2026.throughline`), imported_from: null };
      case "open_recent": {
        const path = engine.recent[Number(args.index)];
        if (!path) throw { code: "unknown_recent", message: `There is no recent plan number ${Number(args.index) + 1}.` };
        return engine.switchTo(path.includes("big") ? unanalysed(syntheticPlan(10000), recording.as_of, recording) : SAMPLE, path);
      }
      case "open_sample":
        return engine.switchTo(SAMPLE, `${FOLDER}/sample.throughline`);
      case "new_plan":
        return engine.switchTo(empty("New plan"), `${FOLDER}/new-plan.throughline`);
      case "save_plan_as":
        return engine.switchTo(recording, `${FOLDER}/copy.throughline`);
      case "apply_edit":
        return engine.apply(args.edit as Edit);
      case "undo":
        return engine.undo();
      case "redo":
        return engine.redo();
      case "export_report": {
        const name = `report.${String(args.format)}`;
        (args.onChosen as Channel<string>).onmessage(name);
        return `${FOLDER}/${name}`;
      }
      case "share_brief":
        return { path: `${FOLDER}/brief-${String(args.node).toLowerCase()}.${String(args.format)}`, left_out: null };
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
