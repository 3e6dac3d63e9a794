//! The selected node's findings, each with its one-line hint on how to fix it.
import type { Finding } from "../bindings/Finding";
import { SeverityIcon } from "../theme/icons";
import { RULE } from "../model/rules";

export function InspectorFindings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return <p className="all-clear">No findings: this node is aligned.</p>;
  return (
    <ul className="inspector-findings">
      {findings.map((f) => (
        <li key={f.rule} className={`sev-${f.severity}`} data-testid={`inspector-finding-${f.rule}`}>
          <SeverityIcon severity={f.severity} size={15} />
          <div>
            <strong>{RULE[f.rule].title}</strong>
            <p>{f.message}</p>
            <p className="hint">{f.hint}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
