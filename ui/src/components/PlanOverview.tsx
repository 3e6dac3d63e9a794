//! What the Inspector shows with nothing selected: the plan at a glance, the legend, and what to do next.
import { acceptedCounts } from "../model/acceptances";
import { addFirst } from "../model/outline";
import { KIND_ORDER } from "../model/planIndex";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon, KindGlyph, ResourceIcon, SeverityIcon } from "../theme/icons";
import { KIND_STYLE, RESOURCE_TYPES, RESOURCE_TYPE_LABEL } from "../theme/kinds";
import { SEVERITIES, SEVERITY_STYLE } from "../theme/severity";

export function PlanOverview() {
  const { planState, index, dispatch } = usePlan();
  const actions = useActions();
  const nodes = planState.plan.nodes;
  const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
  const accepted = acceptedCounts(planState.analysis.findings);

  if (nodes.length === 0)
    return (
      <div className="inspector-body empty-state">
        <h2>Start your plan</h2>
        <p>Begin at the top: what must the organization achieve? Then add the team goals, strategies and
          initiatives that serve it, and the funding, tools, skills and time behind them.</p>
        <button type="button" className="primary" data-testid="add-first-goal"
          onClick={async () => {
            const op = addFirst(index);
            if ("edit" in op && (await actions.edit(op.edit))) {
              dispatch({ type: "view", view: "outline" });
              dispatch({ type: "select", id: op.select });
            }
          }}>
          <Icon name="plus" size={15} /> Add your first organizational goal
        </button>
      </div>
    );

  return (
    <div className="inspector-body overview">
      <h2>{planState.plan.name}</h2>
      <p className="muted">Select a node to see why it matters, what it serves and what stands behind it.</p>
      <ul className="legend">
        {KIND_ORDER.map((kind) => (
          <li key={kind}>
            <KindGlyph kind={kind} size={12} />
            <span style={{ color: KIND_STYLE[kind].color }}>{KIND_STYLE[kind].plural}</span>
            <strong>{count(kind)}</strong>
          </li>
        ))}
      </ul>
      <h3>Resource types</h3>
      <ul className="legend inline">
        {RESOURCE_TYPES.map((t) => (
          <li key={t}><ResourceIcon type={t} size={14} color={KIND_STYLE.resource.color} /> {RESOURCE_TYPE_LABEL[t]}</li>
        ))}
      </ul>
      <h3>Findings</h3>
      <ul className="legend">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <SeverityIcon severity={s} size={14} />
            <span>{SEVERITY_STYLE[s].plural}</span>
            <strong>{planState.analysis.summary[s] - accepted[s]}</strong>
            {accepted[s] ? <small className="muted">+{accepted[s]} accepted</small> : null}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dispatch({ type: "view", view: "findings" })}>Review the findings</button>
      <h3>Keyboard</h3>
      <ul className="shortcuts">
        <li><kbd>Ctrl+Z</kbd> undo · <kbd>Ctrl+Shift+Z</kbd> redo</li>
        <li><kbd>Ctrl+F</kbd> search · <kbd>Alt+1…7</kbd> views</li>
        <li>Outline: <kbd>Enter</kbd> new · <kbd>Tab</kbd> / <kbd>Shift+Tab</kbd> level · <kbd>F2</kbd> rename</li>
      </ul>
    </div>
  );
}
