//! The alignment score as a half-circle gauge, with the error / warning / info counts beside it.
//! The counts are of findings that stand: an accepted finding is still listed, but fails nothing
//! (ALIGNMENT-RULES.md), so it leaves the count and the gauge's colour; the score keeps it.
import type { Severity } from "../bindings/Severity";
import type { Summary } from "../bindings/Summary";
import { SCORE_SENTENCE, scoreText } from "../model/rules";
import { SeverityIcon } from "../theme/icons";
import { SEVERITIES, SEVERITY_STYLE } from "../theme/severity";

type Tone = "good" | "fair" | "poor" | "none";

const TONE_COLOR: Record<Tone, string> = { good: "#2f7d32", fair: "#b26a00", poor: "#c62828", none: "#8a94a3" };

/**
 * Good (green) only for a high score with no error finding: over-allocation is an error that does
 * not lower the score, and the gauge must not look healthy above errors.
 */
function scoreTone(summary: Summary, standingErrors: number): Tone {
  const score = summary.alignment_score;
  if (score === null) return "none";
  if (score >= 0.8 && standingErrors === 0) return "good";
  if (score >= 0.5) return "fair";
  return "poor";
}

const NONE_ACCEPTED: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

export function ScoreGauge({ summary, countsText, onOpenFindings, accepted = NONE_ACCEPTED }: {
  summary: Summary;
  /** Findings of each severity the core marked accepted (model/acceptances.ts, acceptedCounts). */
  accepted?: Record<Severity, number>;
  /** The core's words for the counts (`PlanState.score_counts_text`). */
  countsText: string;
  onOpenFindings: () => void;
}) {
  const score = summary.alignment_score;
  const radius = 20;
  const arc = Math.PI * radius;
  const filled = score === null ? 0 : arc * Math.min(1, Math.max(0, score));
  const standing = (severity: Severity) => summary[severity] - accepted[severity];
  const tone = scoreTone(summary, standing("error"));
  const color = TONE_COLOR[tone];
  const tip =
    score === null
      ? "Alignment score: nothing to score yet"
      : `Alignment score ${scoreText(summary)}: ${countsText}. ${SCORE_SENTENCE}`;
  return (
    <div className="score">
      <button type="button" className="gauge" data-testid="score-gauge" data-tone={tone} title={tip} onClick={onOpenFindings}>
        <svg width="52" height="30" viewBox="0 0 52 30" aria-hidden>
          <path d="M6 26 A20 20 0 0 1 46 26" fill="none" stroke="#e3e6ea" strokeWidth="6" strokeLinecap="round" />
          <path d="M6 26 A20 20 0 0 1 46 26" fill="none" stroke={color} strokeWidth="6" strokeLinecap="round"
            strokeDasharray={`${filled} ${arc}`} />
        </svg>
        <span className="gauge-text">
          <strong style={{ color }} data-testid="score-text">{scoreText(summary)}</strong>
          <small>aligned</small>
        </span>
      </button>
      <div className="counts">
        {SEVERITIES.map((severity) => {
          const plural = SEVERITY_STYLE[severity].plural.toLowerCase();
          const also = accepted[severity] ? `, and ${accepted[severity]} accepted knowingly` : "";
          return (
            <button key={severity} type="button" className={`count count-${severity}`} data-testid={`count-${severity}`}
              data-accepted={accepted[severity]} title={`${standing(severity)} ${plural}${also}: open Findings`}
              onClick={onOpenFindings}>
              <SeverityIcon severity={severity} size={14} />
              <span>{standing(severity)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
