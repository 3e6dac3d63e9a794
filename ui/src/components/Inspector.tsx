//! The Inspector: every field of the selected node, its links and findings, "Mark reviewed today".
import type { Node } from "../bindings/Node";
import type { ResourceType } from "../bindings/ResourceType";
import type { Status } from "../bindings/Status";
import { useActions, showInfo } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { KIND_STYLE, RESOURCE_TYPES, RESOURCE_TYPE_LABEL, STATUSES, STATUS_LABEL } from "../theme/kinds";
import { optional, SelectField, TextField } from "./Fields";
import { FindingBadge } from "./FindingBadge";
import { InspectorFindings } from "./InspectorFindings";
import { InspectorLinks } from "./InspectorLinks";
import { KindChip } from "./KindChip";
import { PlanOverview } from "./PlanOverview";
import { WhatIf } from "./WhatIf";

export function Inspector() {
  const { state, index } = usePlan();
  const node = state.selected ? index.nodes.get(state.selected) : undefined;
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {node ? <NodeInspector key={node.id} node={node} /> : <PlanOverview />}
    </aside>
  );
}

function NodeInspector({ node }: { node: Node }) {
  const { index, planState, dispatch } = usePlan();
  const actions = useActions();
  const findings = index.findings.get(node.id) ?? [];
  const save = (change: Partial<Node>) => void actions.edit({ op: "update_node", node: { ...node, ...change } });
  const isResource = node.kind === "resource";
  const style = KIND_STYLE[node.kind];

  const remove = async () => {
    const done = await actions.edit({ op: "remove_node", id: node.id });
    if (done) {
      dispatch({ type: "select", id: null });
      showInfo(dispatch, `Deleted "${node.title}" and its links.`, { label: "Undo", run: () => void actions.undo() });
    }
  };

  return (
    <div className="inspector-body">
      <div className="inspector-head" style={{ borderTopColor: style.color }}>
        <KindChip kind={node.kind} node={node} />
        <code className="node-id" title="Node id">{node.id}</code>
        <FindingBadge findings={findings} />
        <span className="spacer" />
        <button type="button" className="icon-button danger" data-testid="inspector-delete"
          title="Delete this node and its links (Undo brings it back)" aria-label="Delete node" onClick={() => void remove()}>
          <Icon name="trash" size={15} />
        </button>
        <button type="button" className="icon-button" title="Close (Esc)" aria-label="Close inspector"
          onClick={() => dispatch({ type: "select", id: null })}>
          <Icon name="close" size={15} />
        </button>
      </div>

      <TextField label="Title" testId="inspector-title" value={node.title}
        onCommit={(title) => (title.trim() ? save({ title }) : undefined)} />
      {!isResource ? (
        <TextField label="Why it matters" testId="inspector-why" multiline value={node.why ?? ""}
          placeholder="One or two sentences on why this matters to the organization"
          onCommit={(why) => save({ why: optional(why) })} />
      ) : null}
      <div className="field-row">
        <TextField label="Owner" testId="inspector-owner" value={node.owner ?? ""} list="owners"
          onCommit={(owner) => save({ owner: optional(owner) })} />
        <TextField label="Team" testId="inspector-team" value={node.team ?? ""} list="teams"
          onCommit={(team) => save({ team: optional(team) })} />
      </div>
      <datalist id="owners">{index.owners.map((o) => <option key={o} value={o} />)}</datalist>
      <datalist id="teams">{index.teams.map((t) => <option key={t} value={t} />)}</datalist>
      <div className="field-row">
        <SelectField<Status> label="Status" testId="inspector-status" value={node.status}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onCommit={(status) => save({ status })} />
        {!isResource ? (
          <TextField label="Target date" testId="inspector-target-date" type="date" value={node.target_date ?? ""}
            onCommit={(d) => save({ target_date: optional(d) })} />
        ) : (
          <SelectField<ResourceType> label="Type" testId="inspector-resource-type" value={node.resource_type ?? "funding"}
            options={RESOURCE_TYPES.map((t) => ({ value: t, label: RESOURCE_TYPE_LABEL[t] }))}
            onCommit={(resource_type) => save({ resource_type })} />
        )}
      </div>
      {isResource ? (
        <div className="field-row">
          <TextField label="Capacity" testId="inspector-capacity" type="number" value={node.capacity?.toString() ?? ""}
            placeholder="Unlimited"
            onCommit={(c) => {
              const capacity = c.trim() === "" ? undefined : Number(c);
              if (capacity === undefined || (Number.isFinite(capacity) && capacity >= 0)) save({ capacity });
            }} />
          <TextField label="Unit" testId="inspector-unit" value={node.unit ?? ""} placeholder="EUR, hours, seats…"
            onCommit={(unit) => save({ unit: optional(unit) })} />
        </div>
      ) : (
        <div className="field-row reviewed">
          <TextField label="Last reviewed" testId="inspector-last-reviewed" type="date" value={node.last_reviewed ?? ""}
            onCommit={(d) => save({ last_reviewed: optional(d) })} />
          <button type="button" data-testid="mark-reviewed" disabled={node.last_reviewed === planState.as_of}
            title={`Set last reviewed to ${planState.as_of} after re-explaining it with the team`}
            onClick={() => save({ last_reviewed: planState.as_of })}>
            <Icon name="check" size={14} /> Mark reviewed today
          </button>
        </div>
      )}
      <TextField label="Notes" testId="inspector-notes" multiline value={node.notes ?? ""}
        onCommit={(notes) => save({ notes: optional(notes) })} />

      <section className="inspector-section">
        <h3>Findings</h3>
        <InspectorFindings findings={findings} />
      </section>
      <InspectorLinks key={node.id} node={node} />
      <WhatIf key={`what-if-${node.id}`} node={node} />
    </div>
  );
}
