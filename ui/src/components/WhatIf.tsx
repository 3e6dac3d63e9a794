//! Quick what-ifs from the Inspector: drop this node, remove this resource, or scale its
//! allocations (all of them, or the one to a chosen strategy or initiative), with the impact
//! the core works out shown first; nothing changes until "Do it".
import { useState } from "react";
import type { DiffReading } from "../bindings/DiffReading";
import type { Node } from "../bindings/Node";
import type { WhatIfChange } from "../bindings/WhatIfChange";
import * as ipc from "../ipc/commands";
import { showError, showInfo, useActions } from "../state/actions";
import { useScenarioActions } from "../state/scenario";
import { usePlan } from "../state/store";
import { KIND_STYLE } from "../theme/kinds";
import { DiffSummary } from "./DiffSummary";

type Asked = { what: string; changes: WhatIfChange[]; reading: DiffReading };

export function WhatIf({ node }: { node: Node }) {
  const { dispatch, index } = usePlan();
  const actions = useScenarioActions();
  const { undo } = useActions();
  const [percent, setPercent] = useState("70");
  // "" scales every allocation of the resource; an id, only the one to that node.
  const [only, setOnly] = useState("");
  const [asked, setAsked] = useState<Asked | null>(null);
  const isResource = node.kind === "resource";
  const factor = Number(percent) / 100;

  const ask = async (what: string, changes: WhatIfChange[]) => {
    try {
      setAsked({ what, changes, reading: await ipc.whatIfImpact(changes) });
    } catch (error) {
      showError(dispatch, error);
    }
  };
  const doIt = async () => {
    if (!asked) return;
    const done = await actions.makeWhatIf(asked.changes);
    setAsked(null);
    if (done) showInfo(dispatch, `Done: ${asked.what}.`, { label: "Undo", run: () => void undo() });
  };
  const drop = isResource ? "Remove this resource" : `Drop this ${KIND_STYLE[node.kind].label.toLowerCase()}`;
  const allocations = isResource ? (index.allocationsFrom.get(node.id) ?? []) : [];
  const target = allocations.some((link) => link.to === only) ? index.nodes.get(only) : undefined;
  const scale = (): [string, WhatIfChange[]] =>
    target
      ? [`scale what “${node.title}” gives “${target.title}” to ${percent}%`,
        [{ op: "scale_allocation", resource: node.id, to: target.id, factor }]]
      : [`scale what “${node.title}” gives out to ${percent}%`, [{ op: "scale", resource: node.id, factor }]];

  return (
    <section className="inspector-section what-if" data-testid="what-if">
      <h3>What if…</h3>
      {asked ? (
        <div className="what-if-answer" data-testid="what-if-impact">
          <p><strong>If you {asked.what}:</strong></p>
          <DiffSummary reading={asked.reading} details={false} testId="what-if-diff" />
          <div className="modal-actions">
            <button type="button" data-testid="what-if-cancel" onClick={() => setAsked(null)}>Cancel</button>
            <button type="button" className="primary" data-testid="what-if-do" onClick={() => void doIt()}>Do it</button>
          </div>
        </div>
      ) : (
        <div className="what-if-asks">
          <button type="button" data-testid="what-if-drop"
            onClick={() => void ask(`${isResource ? "remove" : "drop"} “${node.title}”`, [{ op: "drop", id: node.id }])}>
            {drop}
          </button>
          {isResource ? (
            <div className="what-if-scale">
              <select data-testid="what-if-scale-target" aria-label="Which allocations" value={target ? only : ""}
                onChange={(event) => setOnly(event.target.value)}>
                <option value="">All its allocations</option>
                {allocations.map((link) => (
                  <option key={link.to} value={link.to}>What goes to {index.nodes.get(link.to)?.title ?? link.to}</option>
                ))}
              </select>
              <span className="what-if-scale-row">
                <button type="button" data-testid="what-if-scale" disabled={!Number.isFinite(factor) || factor < 0}
                  onClick={() => void ask(...scale())}>
                  Scale to
                </button>
                <input type="number" min={0} step={5} aria-label="Percent" data-testid="what-if-percent" value={percent}
                  onChange={(event) => setPercent(event.target.value)} />
                <span>%</span>
              </span>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
