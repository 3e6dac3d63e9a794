//! The briefing's last slide: record it (date, audience, what came up) in the review log of
//! every goal and strategy shown, as one undoable edit.
import { useState } from "react";
import { isReviewed, recordBriefing, review, type BriefingScope, type BriefingStep } from "../../model/briefing";
import { showInfo, useActions } from "../../state/actions";
import { usePlan } from "../../state/store";
import type { Node } from "../../bindings/Node";
import { Icon, KindGlyph } from "../../theme/icons";

export function RecordBriefing({ scope, steps, onRecorded }: { scope: BriefingScope; steps: BriefingStep[]; onRecorded: () => void }) {
  const { index, planState, dispatch } = usePlan();
  const actions = useActions();
  const [audience, setAudience] = useState("team" in scope ? `${scope.team} team` : "");
  const [note, setNote] = useState("");
  const reviewedNodes = steps.map((s) => index.nodes.get(s.id)).filter((node): node is Node => !!node && isReviewed(node));
  const reviewed = reviewedNodes.length;

  const record = async () => {
    const entry = review(planState.as_of, audience, note);
    const done = await actions.edit(recordBriefing(index, steps, entry));
    if (!done) return;
    onRecorded();
    const who = entry.audience ? ` with ${entry.audience}` : "";
    showInfo(dispatch, `Recorded the briefing${who} in the review log of ${reviewed} goals and strategies.`, {
      label: "Undo",
      run: () => void actions.undo(),
    });
  };

  return (
    <form className="briefing-slide briefing-record" data-testid="briefing-record"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}>
      <p className="briefing-kind">The end of the walk</p>
      <h1 className="briefing-heading">Record this briefing</h1>
      <p className="briefing-lead">
        Adds a review dated {planState.as_of} to the log of the {reviewed} goals and strategies shown, so the plan
        remembers that their why was explained again.
      </p>
      <ul className="briefing-reviewed" aria-label="Goals and strategies shown">
        {reviewedNodes.map((node) => <li key={node.id}><KindGlyph kind={node.kind} size={12} /> {node.title}</li>)}
      </ul>
      <label className="briefing-field">
        <span>Date</span>
        <input value={planState.as_of} readOnly data-testid="briefing-date" />
      </label>
      <label className="briefing-field">
        <span>Audience</span>
        <input data-testid="briefing-audience" value={audience} placeholder="Who was in the room"
          onChange={(e) => setAudience(e.target.value)} />
      </label>
      <label className="briefing-field">
        <span>What came up</span>
        <textarea data-testid="briefing-note" value={note} rows={3} placeholder="Questions, concerns, what the team asked for"
          onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="briefing-submit" disabled={reviewed === 0}>
        <Icon name="check" size={18} /> Record this briefing
      </button>
    </form>
  );
}
