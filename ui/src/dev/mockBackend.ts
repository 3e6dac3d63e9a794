//! Dev-only IPC backend: answers the commands of IPC.md in a plain browser via mockIPC, so the
//! UI can be developed and screenshotted with `npm run dev` without the Rust shell. Where Rust
//! would show a file dialog, the mock answers as if the user had picked a file in /home/cio/plans.
import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Edit } from "../bindings/Edit";
import type { Plan } from "../bindings/Plan";
import { MockPlanEngine } from "./mockPlanEngine";
import { samplePlan, syntheticPlan } from "./samplePlans";

const FOLDER = "/home/cio/plans";

export function installMockBackend(plan: Plan, options: { path?: string; asOf?: string; latencyMs?: number } = {}) {
  const engine = new MockPlanEngine(plan, options.path ?? `${FOLDER}/sample.throughline`, options.asOf ?? "2026-11-23");
  engine.recent = [engine.path, `${FOLDER}/it-strategy-2026.throughline`, `${FOLDER}/board-review.throughline`];
  const latency = options.latencyMs ?? 0;
  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    switch (cmd) {
      case "current_plan":
        return engine.state();
      case "open_plan":
        return { state: engine.switchTo(samplePlan(), `${FOLDER}/it-strategy-2026.throughline`), imported_from: null };
      case "open_recent": {
        const path = engine.recent[Number(args.index)];
        if (!path) throw { code: "unknown_recent", message: `There is no recent plan number ${Number(args.index) + 1}.` };
        return engine.switchTo(samplePlan(), path);
      }
      case "new_plan":
        return engine.switchTo({ name: "New plan", review_cadence_days: 90, nodes: [], links: [] }, `${FOLDER}/new-plan.throughline`);
      case "save_plan_as":
        return engine.switchTo(engine.plan, `${FOLDER}/copy.throughline`);
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
      default:
        throw { code: "unknown_command", message: `The mock backend does not know ${cmd}.` };
    }
  });
  return engine;
}

/** Installs the dev backend; the URL can ask for ?nodes=N (synthetic plan), ?empty, or ?as_of=DATE. */
export function installDevBackend() {
  const params = new URLSearchParams(window.location.search);
  const nodes = Number(params.get("nodes") ?? 0);
  const plan = params.has("empty")
    ? { name: "New plan", review_cadence_days: 90, nodes: [], links: [] }
    : nodes > 0
      ? syntheticPlan(nodes)
      : samplePlan();
  installMockBackend(plan, { asOf: params.get("as_of") ?? "2026-11-23", latencyMs: 15 });
}
