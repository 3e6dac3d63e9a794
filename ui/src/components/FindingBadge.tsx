//! A node's findings at a glance: worst severity's colour and icon, and how many there are.
import type { Finding } from "../bindings/Finding";
import { worstSeverity } from "../model/planIndex";
import { SeverityIcon } from "../theme/icons";
import { SEVERITY_STYLE } from "../theme/severity";

export function FindingBadge({ findings }: { findings: Finding[] | undefined }) {
  const worst = worstSeverity(findings);
  if (!worst || !findings) return null;
  const label = `${findings.length} finding${findings.length === 1 ? "" : "s"}, worst: ${SEVERITY_STYLE[worst].label.toLowerCase()}`;
  return (
    <span className={`finding-badge sev-${worst}`} title={label} aria-label={label} data-severity={worst}>
      <SeverityIcon severity={worst} size={12} title={label} />
      <span>{findings.length}</span>
    </span>
  );
}
