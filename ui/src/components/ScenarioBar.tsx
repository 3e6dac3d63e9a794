//! While a scenario is in progress: a bar over every view saying so, with the difference to the
//! plan always in sight (score before and after, findings, goals and over-allocations), the whole
//! difference on demand, and Apply or Discard.
import { useState } from "react";
import { useScenarioActions } from "../state/scenario";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { DiffSummary } from "./DiffSummary";
import { ConfirmDialog } from "./Modal";

export function ScenarioBar() {
  const { planState } = usePlan();
  const actions = useScenarioActions();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const reading = planState.scenario;
  if (!reading) return null;
  const losing = reading.support_lost.length;
  const over = reading.over_allocations_created.length;
  const facts = [
    `${reading.findings_appeared} ${reading.findings_appeared === 1 ? "finding" : "findings"} appeared, ${reading.findings_resolved} resolved`,
    losing > 0 ? `${losing} ${losing === 1 ? "goal loses" : "goals lose"} support` : null,
    reading.support_gained.length > 0 ? `${reading.support_gained.length} gain support` : null,
    over > 0 ? `${over} ${over === 1 ? "resource" : "resources"} over-allocated` : null,
    reading.over_allocations_cleared.length > 0 ? `${reading.over_allocations_cleared.length} over-allocation${reading.over_allocations_cleared.length === 1 ? "" : "s"} cleared` : null,
  ].filter(Boolean);
  return (
    <div className="scenario-bar" data-testid="scenario-bar" role="region" aria-label="Scenario in progress">
      <span className="scenario-tag"><Icon name="scenario" size={14} /> Scenario</span>
      <span className="scenario-text">
        {reading.is_empty ? (
          <span data-testid="scenario-summary">No changes yet. Edit freely: the plan file is untouched until you apply.</span>
        ) : (
          <span data-testid="scenario-summary">
            Score <strong data-testid="scenario-score">{reading.score_before} in the plan, {reading.score_after} here</strong>; {facts.join("; ")}.
          </span>
        )}
      </span>
      <button type="button" data-testid="scenario-details" aria-expanded={open} onClick={() => setOpen(!open)} disabled={reading.is_empty}>
        {open ? "Hide the difference" : "Show the difference"}
      </button>
      <button type="button" className="primary" data-testid="scenario-apply" disabled={reading.is_empty || planState.read_only}
        title={planState.read_only ? "This plan is open read-only" : "Apply every change to the plan as one step (Undo takes it back)"}
        onClick={() => void actions.apply()}>
        <Icon name="check" size={14} /> Apply to the plan
      </button>
      <button type="button" data-testid="scenario-discard" onClick={() => (reading.is_empty ? void actions.discard() : setConfirming(true))}>
        Discard
      </button>
      {open ? (
        <div className="scenario-panel popover" data-testid="scenario-panel">
          <DiffSummary reading={reading} testId="scenario-diff" />
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog title="Discard the scenario?" confirmLabel="Discard"
          message="Every change made in this scenario is dropped. The plan stays as it is."
          onConfirm={() => void actions.discard()} onClose={() => setConfirming(false)} />
      ) : null}
    </div>
  );
}
