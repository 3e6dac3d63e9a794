//! The plan's name in the top bar; click to rename (an update_settings edit).
import { useState } from "react";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";

export function PlanName() {
  const { planState } = usePlan();
  const actions = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  const { name, review_cadence_days } = planState.plan;
  const commit = () => {
    const next = draft?.trim();
    setDraft(null);
    if (next && next !== name) void actions.edit({ op: "update_settings", settings: { name: next, review_cadence_days } });
  };
  if (draft !== null)
    return (
      <input className="plan-name-input" autoFocus value={draft} aria-label="Plan name"
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }} />
    );
  return (
    <button type="button" className="plan-name" data-testid="plan-name" title="Rename the plan" onClick={() => setDraft(name)}>
      {name}
    </button>
  );
}
