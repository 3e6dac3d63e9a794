//! The status line: where the plan lives, whether every change is saved, and the as-of date.
import { useStore } from "../state/store";
import { Icon } from "../theme/icons";

export function StatusLine() {
  const { state } = useStore();
  const planState = state.planState;
  if (!planState) return <footer className="statusline" />;
  const saving = state.pending > 0;
  return (
    <footer className="statusline">
      <span className="status-path" data-testid="status-path" title={planState.path}>
        <Icon name="file" size={13} /> {planState.path}
      </span>
      {planState.read_only ? (
        <span className="status-read-only" data-testid="status-read-only"
          title="Another window or program is editing this plan, or its folder cannot be written: changes are not possible here">
          Read-only: open elsewhere for editing
        </span>
      ) : (
        <span className={`status-saved${saving ? " saving" : ""}`} data-testid="status-saved"
          title="Every change is written to the plan file as you make it">
          {saving ? "Saving…" : <><Icon name="check" size={13} /> Saved</>}
        </span>
      )}
      {state.exporting ? (
        <span className="status-exporting" role="status" data-testid="status-exporting">
          <span className="progress-indeterminate" aria-hidden="true" /> Writing {state.exporting}…
        </span>
      ) : null}
      <span className="spacer" />
      <span data-testid="status-counts">{planState.plan.nodes.length} nodes · {planState.plan.links.length} links</span>
      <span data-testid="status-as-of" title="Date-based findings (stale reviews, past targets) are judged on this date">
        <Icon name="calendar" size={13} /> As of {planState.as_of}
      </span>
    </footer>
  );
}
