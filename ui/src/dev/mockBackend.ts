//! Dev-only IPC backend: answers the commands of IPC.md in a plain browser via mockIPC, so the
//! UI can be developed and screenshotted with `npm run dev` without the Rust shell.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Edit } from "../bindings/Edit";
import type { Plan } from "../bindings/Plan";
import { MockPlanEngine } from "./mockPlanEngine";
import { samplePlan, syntheticPlan } from "./samplePlans";

export function installMockBackend(plan: Plan, options: { path?: string; asOf?: string; latencyMs?: number } = {}) {
  const engine = new MockPlanEngine(plan, options.path ?? "/home/cio/plans/sample.throughline", options.asOf ?? "2026-11-23");
  engine.recent = [engine.path, "/home/cio/plans/it-strategy-2026.throughline", "/home/cio/plans/board-review.throughline"];
  const latency = options.latencyMs ?? 0;
  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    switch (cmd) {
      case "current_plan":
        return engine.state();
      case "open_plan": {
        const path = String(args.path);
        return engine.switchTo(path.includes("big") ? syntheticPlan(10000) : samplePlan(), path);
      }
      case "import_plan":
        return engine.switchTo(samplePlan(), String(args.path));
      case "new_plan":
        return engine.switchTo({ name: String(args.name), review_cadence_days: 90, nodes: [], links: [] }, String(args.path));
      case "save_plan_as":
        return engine.switchTo(engine.plan, String(args.path));
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
