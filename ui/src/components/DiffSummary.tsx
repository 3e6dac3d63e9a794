//! A difference as the core words it (DiffReading): the score before and after, what a leader
//! asks first (goals losing or gaining support, over-allocations), then every change by heading.
//! Compare, the scenario bar and the quick what-ifs all show it; nothing here re-derives a rule.
import type { DiffReading } from "../bindings/DiffReading";

function Impact({ title, lines, tone, testId }: { title: string; lines: string[]; tone: "bad" | "good"; testId: string }) {
  if (lines.length === 0) return null;
  return (
    <div className={`diff-impact ${tone}`} data-testid={testId}>
      <h4>{title} <span className="count-pill">{lines.length}</span></h4>
      <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>
    </div>
  );
}

/** The headline and the impact lists; `details` adds every section. */
export function DiffSummary({ reading, details = true, testId }: { reading: DiffReading; details?: boolean; testId?: string }) {
  const findings = `${reading.findings_appeared} ${reading.findings_appeared === 1 ? "finding" : "findings"} appeared, ${reading.findings_resolved} resolved.`;
  return (
    <div className="diff-summary" data-testid={testId}>
      <div className="diff-score" data-testid={testId ? `${testId}-score` : undefined}>
        <span className="diff-score-figure">{reading.score_before}</span>
        <span className="muted">{reading.score_before === reading.score_after ? "stays at" : "becomes"}</span>
        <span className={`diff-score-figure ${scoreTone(reading)}`}>{reading.score_after}</span>
        <span className="diff-score-text">{findings}</span>
      </div>
      <p className="diff-sentence">{reading.score_sentence}</p>
      {reading.is_empty ? <p className="muted" data-testid={testId ? `${testId}-empty` : undefined}>No differences.</p> : null}
      <div className="diff-impacts">
        <Impact title="Goals losing support" lines={reading.support_lost} tone="bad" testId="impact-support-lost" />
        <Impact title="Over-allocations created" lines={reading.over_allocations_created} tone="bad" testId="impact-over-created" />
        <Impact title="Goals gaining support" lines={reading.support_gained} tone="good" testId="impact-support-gained" />
        <Impact title="Over-allocations cleared" lines={reading.over_allocations_cleared} tone="good" testId="impact-over-cleared" />
      </div>
      {details
        ? reading.sections.map((section) => (
            <section key={section.heading} className="diff-section">
              <h3>{section.heading} <span className="muted">· {section.lines.length}</span></h3>
              <ul>{section.lines.map((line, at) => <li key={at}>{line}</li>)}</ul>
            </section>
          ))
        : null}
      {details && !reading.is_empty ? <p className={`diff-gate ${reading.passes_gate ? "good" : "bad"}`}>{reading.gate_sentence}</p> : null}
    </div>
  );
}

function scoreTone(reading: DiffReading) {
  const before = parseFloat(reading.score_before);
  const after = parseFloat(reading.score_after);
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === after) return "";
  return after > before ? "good" : "bad";
}
