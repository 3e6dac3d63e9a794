//! What the window shows when no plan could be opened: why, and every way forward.
import type { AppError } from "../ipc/types";
import { OPENS_READ_ONLY } from "../state/actions";
import { useActions } from "../state/actions";

export function StartProblem({ error }: { error: AppError }) {
  const actions = useActions();
  const heldElsewhere = OPENS_READ_ONLY.has(error.code);
  return (
    <div className="empty-view start-problem" data-testid="start-problem">
      <h2>{heldElsewhere ? "This plan is open somewhere else" : "The plan could not be opened"}</h2>
      <p data-testid="start-problem-message">{error.message}</p>
      <div className="start-actions">
        {heldElsewhere ? (
          <button type="button" className="primary" data-testid="open-read-only" onClick={() => void actions.openReadOnly()}>
            Open read-only
          </button>
        ) : null}
        <button type="button" data-testid="start-open" onClick={() => void actions.open()}>
          Open a plan…
        </button>
        <button type="button" data-testid="start-new" onClick={() => void actions.newPlan()}>
          New plan…
        </button>
        <button type="button" data-testid="start-sample" onClick={() => void actions.openSample()}>
          Open the sample plan
        </button>
      </div>
    </div>
  );
}
