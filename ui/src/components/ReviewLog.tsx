//! A goal's or strategy's review log in the Inspector: each time its why was explained again
//! (date, audience, what came up), newest first, and "Mark reviewed today" adding an entry.
import { useState } from "react";
import type { Node } from "../bindings/Node";
import type { Review } from "../bindings/Review";
import { review, withReview } from "../model/briefing";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import "./reviewLog.css";
import { Input } from "./Input";

/**
 * The log newest first. A `last_reviewed` date set before the log existed (or by an import)
 * shows as an entry of its own, unless a logged review has that date.
 */
export function reviewEntries(node: Node): Review[] {
  const logged = node.reviews ?? [];
  const dateOnly = node.last_reviewed && !logged.some((r) => r.date === node.last_reviewed) ? [{ date: node.last_reviewed }] : [];
  return [...logged, ...dateOnly].map((entry, at) => ({ entry, at }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || b.at - a.at)
    .map(({ entry }) => entry);
}

export function ReviewLog({ node }: { node: Node }) {
  const { planState } = usePlan();
  const actions = useActions();
  const [audience, setAudience] = useState("");
  const [note, setNote] = useState("");
  const entries = reviewEntries(node);

  const markReviewed = async () => {
    const done = await actions.edit({ op: "update_node", node: withReview(node, review(planState.as_of, audience, note)) });
    if (done) {
      setAudience("");
      setNote("");
    }
  };

  return (
    <section className="inspector-section review-log" data-testid="review-log">
      <h3>Review log</h3>
      {entries.length === 0 ? (
        <p className="muted">Never reviewed. Explain why it matters to the team, then mark it reviewed.</p>
      ) : (
        <ol className="review-entries">
          {entries.map((entry, at) => (
            <li key={`${entry.date}-${at}`} data-testid="review-entry">
              <span className="review-date">{entry.date}</span>
              <span className="review-audience">{entry.audience ?? (entry.note ? "" : "Reviewed")}</span>
              {entry.note ? <p className="review-note">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <div className="review-add">
        <Input data-testid="review-audience" value={audience} placeholder="Audience (optional)" aria-label="Audience"
          onChange={(e) => setAudience(e.target.value)} />
        <Input data-testid="review-note" value={note} placeholder="What came up (optional)" aria-label="What came up"
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && void markReviewed()} />
        <button type="button" data-testid="mark-reviewed"
          title={`Add a review dated ${planState.as_of} to the log, after re-explaining it with the team`}
          onClick={() => void markReviewed()}>
          <Icon name="check" size={14} /> Mark reviewed today
        </button>
      </div>
    </section>
  );
}
