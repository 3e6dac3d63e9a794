//! Briefing mode: a full-window walkthrough from the organization's goals down to a team's
//! work (or one node's throughline), one slide per goal, strategy and initiative, for the
//! meeting where a leader explains the plan; it ends with "Record this briefing".
//! Arrows, PageUp/PageDown (a presenter's clicker), Space, Home and End move; Esc leaves.
import { useEffect, useRef, useState } from "react";
import { briefingSteps, type BriefingScope } from "../../model/briefing";
import { usePlan } from "../../state/store";
import { Icon } from "../../theme/icons";
import { BriefingSlide } from "./BriefingSlide";
import { RecordBriefing } from "./RecordBriefing";
import "./briefing.css";

const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"]);
const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp", "Backspace"]);

/** Keys the focused element keeps: a field types (a clicker's PageUp/PageDown still move), a button clicks. */
function keptByTarget(target: EventTarget | null, key: string) {
  if (!(target instanceof HTMLElement)) return false;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return !/^Page(Up|Down)$/.test(key);
  return target.tagName === "BUTTON" && (key === " " || key === "Enter");
}

export function BriefingView({ scope }: { scope: BriefingScope }) {
  const { index, dispatch } = usePlan();
  // The walk is fixed when the briefing starts: recording it must not reshuffle the slides.
  const [steps] = useState(() => briefingSteps(index, scope));
  const last = steps.length; // the slide after the steps: Record this briefing
  const [at, setAt] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const leave = () => dispatch({ type: "briefing", scope: null });

  useEffect(() => root.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopImmediatePropagation();
        leave();
        return;
      }
      if (keptByTarget(event.target, event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      const move = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
      const jump = event.key === "Home" ? -Infinity : event.key === "End" ? Infinity : 0;
      if (!move && !jump) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      setAt((now) => Math.min(last, Math.max(0, jump || now + move)));
    };
    // Capture: the window's own shortcuts (Esc deselects, Alt+digit switches views) wait.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  });

  const title = "team" in scope ? `${scope.team}: how our work serves the organization` : `The line through “${index.nodes.get(scope.node)?.title ?? scope.node}”`;
  const step = steps[at];
  return (
    <div className="briefing" ref={root} tabIndex={-1} role="dialog" aria-modal="true" aria-label="Briefing" data-testid="briefing">
      <header className="briefing-top">
        <span className="briefing-title">{title}</span>
        <span className="briefing-progress" data-testid="briefing-progress">
          {at < last ? `${at + 1} of ${steps.length}` : "Record"}
        </span>
        <button type="button" className="icon-button" data-testid="briefing-close" aria-label="Leave the briefing (Esc)"
          title="Leave the briefing (Esc)" onClick={leave}>
          <Icon name="close" size={18} />
        </button>
      </header>
      <div className="briefing-dots" aria-hidden>
        {Array.from({ length: steps.length + 1 }, (_, i) => <span key={i} className={i === at ? "on" : i < at ? "done" : ""} />)}
      </div>
      <main className="briefing-stage">
        {steps.length === 0 ? (
          <div className="briefing-slide"><p className="briefing-why">There is nothing to brief here yet: no goals, strategies or initiatives.</p></div>
        ) : step ? (
          <BriefingSlide key={step.id} step={step} />
        ) : (
          <RecordBriefing scope={scope} steps={steps} onRecorded={leave} />
        )}
      </main>
      <footer className="briefing-nav">
        <button type="button" data-testid="briefing-previous" disabled={at === 0} onClick={() => setAt(Math.max(0, at - 1))}>
          <span className="flip"><Icon name="chevronRight" size={16} /></span> Previous
        </button>
        <span className="muted">Arrow keys, Page Up/Down or Space to move · Esc to leave</span>
        <button type="button" className="primary" data-testid="briefing-next" disabled={at === last} onClick={() => setAt(Math.min(last, at + 1))}>
          {at === last - 1 ? "Record this briefing" : "Next"} <Icon name="chevronRight" size={16} />
        </button>
      </footer>
    </div>
  );
}
