//! One briefing slide: where it sits on the line, its title, the why in large type, owner and
//! target date, what supports it and what stands behind it, and its gaps said plainly. The gaps
//! are the analysis's own findings in its own sentences: an empty list is only said to be empty,
//! so a gap the CIO accepted knowingly is not called out on the board-room screen again.
import type { Node } from "../../bindings/Node";
import type { BriefingStep } from "../../model/briefing";
import { usePlan } from "../../state/store";
import { KindGlyph, ResourceIcon, SeverityIcon } from "../../theme/icons";
import { KIND_STYLE, STATUS_LABEL } from "../../theme/kinds";
import { backing, supporters } from "./briefingFacts";

const amount = (value: number, unit: string | undefined) =>
  `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ""}`;

/** What a slide says when nothing supports a node, by kind: a fact, not a verdict. */
function nothingSupports(node: Node): string | null {
  if (node.kind === "initiative") return null;
  if (node.kind === "strategy") return "No initiative carries this out yet.";
  return "Nothing is working toward this yet.";
}

export function BriefingSlide({ step }: { step: BriefingStep }) {
  const { index } = usePlan();
  const node = index.nodes.get(step.id);
  if (!node) return <div className="briefing-slide"><p className="briefing-why">This node was removed.</p></div>;
  const style = KIND_STYLE[node.kind];
  const under = supporters(index, node.id);
  const behind = backing(index, node.id);
  const findings = (index.findings.get(node.id) ?? []).filter((f) => !f.accepted);
  const trail = step.trail.slice(0, -1).map((id) => index.nodes.get(id)).filter((n): n is Node => !!n);

  return (
    <article className="briefing-slide" data-testid={`briefing-step-${node.id}`} style={{ borderTopColor: style.color }}>
      {trail.length ? (
        <ol className="briefing-trail" aria-label="Where this sits">
          {trail.map((n) => (
            <li key={n.id}><KindGlyph kind={n.kind} size={12} /> {n.title}</li>
          ))}
        </ol>
      ) : null}
      <p className="briefing-kind" style={{ color: style.color }}><KindGlyph kind={node.kind} size={16} /> {style.label}</p>
      <h1 className="briefing-heading">{node.title}</h1>
      {node.why?.trim() ? (
        <p className="briefing-why">{node.why}</p>
      ) : (
        <p className="briefing-why missing">Why this matters is not written down yet.</p>
      )}
      <dl className="briefing-facts">
        <div><dt>Owner</dt><dd>{node.owner ?? "Nobody named"}</dd></div>
        {node.team ? <div><dt>Team</dt><dd>{node.team}</dd></div> : null}
        <div><dt>Target date</dt><dd>{node.target_date ?? "Not set"}</dd></div>
        {node.status !== "active" ? <div><dt>Status</dt><dd>{STATUS_LABEL[node.status]}</dd></div> : null}
      </dl>
      <div className="briefing-columns">
        <section>
          <h2>What supports it</h2>
          {under.length ? (
            <ul className="briefing-list">
              {under.map((n) => <li key={n.id}><KindGlyph kind={n.kind} size={12} /> {n.title}</li>)}
            </ul>
          ) : nothingSupports(node) ? (
            <p className="briefing-empty" data-testid="briefing-none-under">{nothingSupports(node)}</p>
          ) : (
            <p className="muted">It is the work itself.</p>
          )}
        </section>
        <section>
          <h2>What stands behind it</h2>
          {behind.length ? (
            <ul className="briefing-list">
              {behind.map(({ resource, amount: sum }) => (
                <li key={resource.id}>
                  <ResourceIcon type={resource.resource_type} size={18} color={KIND_STYLE.resource.color} /> {resource.title}
                  <span className="briefing-amount">{amount(sum, resource.unit)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="briefing-empty" data-testid="briefing-none-behind">No money, tools, skills or time are given to it or to the work under it.</p>
          )}
        </section>
      </div>
      {findings.length ? (
        <ul className="briefing-findings" aria-label="Gaps" data-testid="briefing-gaps">
          {findings.map((f) => (
            <li key={f.rule} className={`sev-${f.severity}`}><SeverityIcon severity={f.severity} size={20} /> {f.message}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
