//! Resources: capacity, allocated and remaining per resource with a bar, red only where the analysis
//! found over-allocation, and each allocation's amount editable in place.
import { Fragment, useState } from "react";
import { AmountInput } from "../../components/AmountInput";
import { FindingBadge } from "../../components/FindingBadge";
import { NodeRef } from "../../components/KindChip";
import { formatAmount } from "../../model/format";
import { overAllocation } from "../../model/planIndex";
import { usePlan } from "../../state/store";
import { Icon, ResourceIcon, SeverityIcon } from "../../theme/icons";
import { KIND_STYLE, RESOURCE_TYPE_LABEL } from "../../theme/kinds";

const fmt = (n: number) => formatAmount(n);

/** Resources drawn at first, and added per "Show more": a big plan's table opens at once. */
const PAGE = 50;

export function ResourcesView() {
  const { planState, index, state, dispatch } = usePlan();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [shown, setShown] = useState(PAGE);
  // Over-allocated resources first: they are what needs a decision. Plan order otherwise.
  const all = planState.plan.nodes.filter((n) => n.kind === "resource");
  const resources = [...all.filter((r) => overAllocation(index, r.id)), ...all.filter((r) => !overAllocation(index, r.id))];
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <div className="resources-view scroll-view">
      <div className="view-header">
        <h1>Resources</h1>
        <p className="muted">Funding, tools, knowledge & skills and time given to the teams, and where each goes.
          {resources.some((r) => overAllocation(index, r.id)) ? " Over-allocated resources come first." : ""}</p>
      </div>
      {resources.length === 0 ? (
        <div className="empty-view">
          <h2>No resources yet</h2>
          <p>Add the budgets, tools, skills and time your teams have (Add → Resource), then allocate them to strategies and initiatives.</p>
        </div>
      ) : (
        <table className="resource-table">
          <thead>
            <tr>
              <th>Resource</th>
              <th>Type</th>
              <th className="num">Capacity</th>
              <th className="num">Allocated</th>
              <th className="num">Remaining</th>
              <th className="bar-col">Use</th>
            </tr>
          </thead>
          <tbody>
            {resources.slice(0, shown).map((r) => {
              // The core's sum of counting allocations; over capacity, the figure its finding quotes.
              const allocated = overAllocation(index, r.id)?.allocated ?? planState.allocated[r.id] ?? 0;
              const capacity = r.capacity;
              const over = overAllocation(index, r.id) !== undefined;
              const share = capacity ? allocated / capacity : allocated > 0 ? 1 : 0;
              const allocations = index.allocationsFrom.get(r.id) ?? [];
              const expanded = open.has(r.id);
              const unit = r.unit ? ` ${r.unit}` : "";
              return (
                <Fragment key={r.id}>
                  <tr className={`resource-row${over ? " over" : ""}${state.selected === r.id ? " selected" : ""}`}
                    data-testid={`resource-row-${r.id}`} onClick={() => dispatch({ type: "select", id: r.id })}>
                    <td><div className="resource-name">
                      <button type="button" className="twisty" data-testid={`resource-toggle-${r.id}`} aria-label={expanded ? "Hide allocations" : "Show allocations"}
                        onClick={(e) => { e.stopPropagation(); toggle(r.id); }}>
                        <Icon name={expanded ? "chevronDown" : "chevronRight"} size={12} />
                      </button>
                      <ResourceIcon type={r.resource_type} size={16} color={KIND_STYLE.resource.color} />
                      <strong>{r.title}</strong>
                      <FindingBadge findings={index.findings.get(r.id)} />
                    </div></td>
                    <td>{r.resource_type ? RESOURCE_TYPE_LABEL[r.resource_type] : ""}</td>
                    <td className="num">{capacity === undefined ? "Unlimited" : fmt(capacity) + unit}</td>
                    <td className="num">{fmt(allocated) + unit}</td>
                    <td className={`num${over ? " over-text" : ""}`}>
                      {capacity === undefined ? "—" : (
                        <>
                          {over ? <SeverityIcon severity="error" size={13} title="Over-allocated" /> : null}
                          {fmt(capacity - allocated) + unit}
                        </>
                      )}
                    </td>
                    <td className="bar-col">
                      <div className="bar" title={capacity === undefined ? "No capacity set" : `${Math.round(share * 100)}% allocated`}
                        role="img" aria-label={capacity === undefined ? "No capacity set" : `${Math.round(share * 100)}% allocated${over ? ", over-allocated" : ""}`}>
                        <div className={`bar-fill${over ? " over" : ""}${capacity === undefined ? " unlimited" : ""}`}
                          style={{ width: `${Math.min(100, share * 100)}%` }} />
                        {over ? <div className="bar-over" style={{ left: `${(100 / share).toFixed(1)}%` }} /> : null}
                      </div>
                      <span className="bar-pct">{capacity === undefined ? "" : `${Math.round(share * 100)}%`}</span>
                    </td>
                  </tr>
                  {expanded ? (
                    <tr className="allocations-row">
                      <td colSpan={6}>
                        {allocations.length === 0 ? (
                          <p className="empty-hint">Not allocated yet. Select it and use Links in the inspector, or drag from it on the map.</p>
                        ) : (
                          <ul className="allocation-list">
                            {allocations.map((link) => {
                              const to = index.nodes.get(link.to);
                              return (
                                <li key={link.to} data-testid={`allocation-${r.id}-${link.to}`}>
                                  {to ? <NodeRef node={to} onSelect={(id) => dispatch({ type: "select", id })} /> : link.to}
                                  <AmountInput link={link} unit={r.unit} />
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {resources.length > shown ? (
        <button type="button" className="more-work" data-testid="resources-more" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, resources.length - shown)} more of {resources.length - shown} left
        </button>
      ) : null}
    </div>
  );
}
