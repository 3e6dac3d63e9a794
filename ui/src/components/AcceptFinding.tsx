//! Accepting a finding knowingly, and taking it back (ALIGNMENT-RULES.md, accepted findings):
//! the Inspector and the Findings view both show this beside a finding. The edit is the plan's
//! acceptance list as the core will judge it (set_acceptances); the core marks the finding.
import { useState } from "react";
import type { Finding } from "../bindings/Finding";
import { acceptEdit, takeBackEdit } from "../model/acceptances";
import { isIsoDate } from "../model/format";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";

const slug = (finding: Finding) => `${finding.rule}-${finding.node}`;

/** "Accepted until 2027-06-30: the reason", or without the date when it holds until taken back. */
export function AcceptedNote({ finding }: { finding: Finding }) {
  if (!finding.accepted) return null;
  const until = finding.accepted.until ? ` until ${finding.accepted.until}` : "";
  return (
    <span className="accepted-note" data-testid={`accepted-${slug(finding)}`}
      title={`Accepted${until}: ${finding.accepted.reason}`}>
      <Icon name="check" size={12} /> Accepted{until}: {finding.accepted.reason}
    </span>
  );
}

export function AcceptFinding({ finding }: { finding: Finding }) {
  const { planState } = usePlan();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const accepted = planState.plan.accepted;
  if (planState.read_only) return null;

  if (finding.rule === "stale_acceptance") {
    // The acceptance this finding is about names its rule in `related`.
    const rule = finding.related?.[0];
    if (!rule) return null;
    return (
      <button type="button" className="link-button" data-testid={`take-back-${slug(finding)}`}
        onClick={() => void actions.edit(takeBackEdit(accepted, { rule, node: finding.node }))}>
        Take the acceptance back
      </button>
    );
  }
  if (finding.accepted) {
    return (
      <button type="button" className="link-button" data-testid={`take-back-${slug(finding)}`}
        title="Count this finding again"
        onClick={() => void actions.edit(takeBackEdit(accepted, finding))}>
        Take back
      </button>
    );
  }
  if (!open) {
    return (
      <button type="button" className="link-button" data-testid={`accept-${slug(finding)}`}
        title="Live with this finding knowingly: it stays listed with your reason, and no longer fails the check"
        onClick={() => setOpen(true)}>
        Accept…
      </button>
    );
  }
  const untilValid = until.trim() === "" || isIsoDate(until.trim());
  const submit = async () => {
    if (!reason.trim() || !untilValid) return;
    if (await actions.edit(acceptEdit(accepted, finding, reason, until))) {
      setOpen(false);
      setReason("");
      setUntil("");
    }
  };
  return (
    <form className="accept-form" aria-label="Accept this finding"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          setOpen(false);
        }
      }}>
      <label>Why the plan lives with it
        <input data-testid="accept-reason" autoFocus value={reason} placeholder="The reason a board would accept"
          onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>Until <small>(optional)</small>
        <input data-testid="accept-until" value={until} placeholder="YYYY-MM-DD" aria-invalid={!untilValid}
          className={untilValid ? undefined : "invalid"} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <div className="accept-actions">
        <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        <button type="submit" className="primary" data-testid="accept-submit" disabled={!reason.trim() || !untilValid}>
          Accept
        </button>
      </div>
    </form>
  );
}
