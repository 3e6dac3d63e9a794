//! A node's findings at a glance: the worst standing finding's colour and icon, and how many
//! stand. Accepted findings fail nothing, so a node whose findings are all accepted shows a
//! quiet check with their count instead (the map, outline, resources and inspector alike).
import type { Finding } from "../bindings/Finding";
import { worstSeverity } from "../model/planIndex";
import { Icon, SeverityIcon } from "../theme/icons";
import { SEVERITY_STYLE } from "../theme/severity";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function FindingBadge({ findings }: { findings: Finding[] | undefined }) {
  if (!findings || findings.length === 0) return null;
  const standing = findings.filter((f) => !f.accepted);
  const accepted = findings.length - standing.length;
  const worst = worstSeverity(standing);
  if (!worst) {
    const label = `${plural(accepted, "finding")}, all accepted knowingly`;
    return (
      <span className="finding-badge accepted" title={label} aria-label={label} data-severity="accepted">
        <Icon name="check" size={11} />
        <span>{accepted}</span>
      </span>
    );
  }
  const also = accepted ? `, and ${accepted} accepted` : "";
  const label = `${plural(standing.length, "finding")}, worst: ${SEVERITY_STYLE[worst].label.toLowerCase()}${also}`;
  return (
    <span className={`finding-badge sev-${worst}`} title={label} aria-label={label} data-severity={worst}>
      <SeverityIcon severity={worst} size={12} title={label} />
      <span>{standing.length}</span>
    </span>
  );
}
