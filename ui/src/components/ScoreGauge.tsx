//! The alignment score as a half-circle gauge, with the error / warning / info counts beside it.
import type { Summary } from "../bindings/Summary";
import { SeverityIcon } from "../theme/icons";
import { SEVERITIES, SEVERITY_STYLE } from "../theme/severity";

export const scoreText = (score: number | null) => (score === null ? "n/a" : `${Math.round(score * 100)}%`);

function scoreColor(score: number | null) {
  if (score === null) return "#8a94a3";
  if (score >= 0.8) return "#2f7d32";
  if (score >= 0.5) return "#b26a00";
  return "#c62828";
}

export function ScoreGauge({ summary, onOpenFindings }: { summary: Summary; onOpenFindings: () => void }) {
  const score = summary.alignment_score;
  const radius = 20;
  const arc = Math.PI * radius;
  const filled = score === null ? 0 : arc * Math.min(1, Math.max(0, score));
  const tip =
    score === null
      ? "Alignment score: no organizational goals yet"
      : `Alignment score: ${scoreText(score)} of organizational goals have work and resources behind them`;
  return (
    <div className="score">
      <button type="button" className="gauge" data-testid="score-gauge" title={tip} onClick={onOpenFindings}>
        <svg width="52" height="30" viewBox="0 0 52 30" aria-hidden>
          <path d="M6 26 A20 20 0 0 1 46 26" fill="none" stroke="#e3e6ea" strokeWidth="6" strokeLinecap="round" />
          <path d="M6 26 A20 20 0 0 1 46 26" fill="none" stroke={scoreColor(score)} strokeWidth="6" strokeLinecap="round"
            strokeDasharray={`${filled} ${arc}`} />
        </svg>
        <span className="gauge-text">
          <strong style={{ color: scoreColor(score) }}>{scoreText(score)}</strong>
          <small>aligned</small>
        </span>
      </button>
      <div className="counts">
        {SEVERITIES.map((severity) => (
          <button key={severity} type="button" className={`count count-${severity}`} data-testid={`count-${severity}`}
            title={`${summary[severity]} ${SEVERITY_STYLE[severity].plural.toLowerCase()}: open Findings`}
            onClick={onOpenFindings}>
            <SeverityIcon severity={severity} size={14} />
            <span>{summary[severity]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
