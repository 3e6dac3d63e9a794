//! Scenario and what-if actions: each asks Rust, shows what it answers, and says what happened.
import { useMemo } from "react";
import type { WhatIfChange } from "../bindings/WhatIfChange";
import * as ipc from "../ipc/commands";
import { run, runEdit, showInfo } from "./actions";
import { useStore } from "./store";

export function useScenarioActions() {
  const { dispatch } = useStore();
  return useMemo(
    () => ({
      start: async () => {
        const shown = await run(dispatch, ipc.startScenario);
        if (shown) showInfo(dispatch, "Scenario started: edit freely, the plan file is not touched until you apply it.");
      },
      apply: async () => {
        const shown = await run(dispatch, ipc.applyScenario);
        if (shown) showInfo(dispatch, "The scenario's changes are now in the plan. Undo takes them all back.");
      },
      discard: async () => {
        const shown = await run(dispatch, ipc.discardScenario);
        if (shown) showInfo(dispatch, "Scenario discarded: the plan is as it was.");
      },
      makeWhatIf: (changes: WhatIfChange[]) => runEdit(dispatch, () => ipc.applyWhatIf(changes)),
    }),
    [dispatch],
  );
}
