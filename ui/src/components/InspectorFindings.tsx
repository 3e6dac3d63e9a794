//! The selected node's findings, each with its one-line hint on how to fix it, and the choice
//! to accept it knowingly (or take an acceptance back).
import type { Finding } from "../bindings/Finding";
import { SeverityIcon } from "../theme/icons";
import { RULE } from "../model/rules";
import { AcceptedNote, AcceptFinding } from "./AcceptFinding";

export function InspectorFindings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0)
    return <p className="all-clear">No findings: this node is aligned.</p>;
  return (
    <ul className="inspector-findings">
      {findings.map((f) => (
        <li key={f.rule} className={`sev-${f.severity}${f.accepted ? " accepted" : ""}`} data-testid={`inspector-finding-${f.rule}`}>
          <SeverityIcon severity={f.severity} size={15} />
          <div>
            <strong>{RULE[f.rule].title}</strong>
            <p>{f.message}</p>
            {f.accepted ? <p><AcceptedNote finding={f} /></p> : <p className="hint">{f.hint}</p>}
            <AcceptFinding finding={f} />
          </div>
        </li>
      ))}
    </ul>
  );
}
