//! The UI tests' plan, as the real core answered it (recorded/small.json, written by
//! crates/core/tests/recorded_for_ui.rs): two org goals, a chain down to resources, one loose
//! initiative and one strategy without a why, with the findings the core found.
import type { Finding } from "../bindings/Finding";
import type { Plan } from "../bindings/Plan";
import { SMALL } from "../dev/recordings";
import type { RecordedState, Recording } from "../dev/replay";
import type { PlanState } from "../ipc/types";

export { RESOURCES, SAMPLE, SMALL } from "../dev/recordings";

export const PLAN: Plan = SMALL.states.start.plan;

export const FINDINGS: Finding[] = SMALL.states.start.analysis.findings;

/** A recorded state as `current_plan` returns it. */
export function planState(recording: Recording, state: RecordedState = recording.states[recording.start]): PlanState {
  return {
    path: "/plans/test.throughline",
    plan: state.plan,
    analysis: state.analysis,
    score_counts_text: state.score_counts_text,
    allocated: state.allocated,
    can_undo: false,
    can_redo: false,
    read_only: false,
    as_of: recording.as_of,
    recent: [],
    scenario: null,
  };
}

/** PLAN as `current_plan` returns it. */
export const STATE: PlanState = planState(SMALL);

/** The recorded edit of that name, with what the core answered. */
export function recorded(recording: Recording, name: string) {
  const tried = recording.edits.find((edit) => edit.name === name);
  if (!tried) throw new Error(`no recorded edit named ${JSON.stringify(name)}: run cargo test -p throughline-core`);
  return tried;
}
