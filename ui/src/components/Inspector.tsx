//! The Inspector: every field of the selected node, its links and findings, its review log,
//! and "Share brief" for an initiative or strategy.
import { useLayoutEffect, useRef, useState } from "react";
import type { Node } from "../bindings/Node";
import type { ReportFormat } from "../bindings/ReportFormat";
import type { ResourceType } from "../bindings/ResourceType";
import type { Status } from "../bindings/Status";
import { useActions, showInfo } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { formatAmount, parseAmount } from "../model/format";
import { withWhy } from "../model/reviews";
import { KIND_STYLE, RESOURCE_TYPES, RESOURCE_TYPE_LABEL, STATUSES, STATUS_LABEL } from "../theme/kinds";
import { DateField, optional, SelectField, TextField } from "./Fields";
import { FindingBadge } from "./FindingBadge";
import { InspectorFindings } from "./InspectorFindings";
import { InspectorLinks } from "./InspectorLinks";
import { KindChip } from "./KindChip";
import { BRIEF_FORMATS, briefable } from "../model/rules";
import { PlanOverview } from "./PlanOverview";
import { ReviewLog } from "./ReviewLog";
import { WhatIf } from "./WhatIf";

export function Inspector() {
  const { state, index } = usePlan();
  const node = state.selected ? index.nodes.get(state.selected) : undefined;
  const panel = useRef<HTMLElement>(null);
  // Kept across selections: someone sharing Markdown briefs shares several.
  const [briefFormat, setBriefFormat] = useState<ReportFormat>(BRIEF_FORMATS[0]);
  // A new selection opens at its title, not where the last one was scrolled to.
  useLayoutEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [state.selected]);
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector" ref={panel}>
      {node ? (
        <NodeInspector key={node.id} node={node} briefFormat={briefFormat} onBriefFormat={setBriefFormat} />
      ) : (
        <PlanOverview />
      )}
    </aside>
  );
}

/** How each brief format reads in the "Share brief" menu. */
const BRIEF_FORMAT_LABEL: Partial<Record<ReportFormat, string>> = {
  pdf: "PDF, one page",
  html: "HTML page",
  md: "Markdown",
};

interface NodeInspectorProps {
  node: Node;
  briefFormat: ReportFormat;
  onBriefFormat: (format: ReportFormat) => void;
}

function NodeInspector({ node, briefFormat, onBriefFormat }: NodeInspectorProps) {
  const { index, planState, dispatch } = usePlan();
  const actions = useActions();
  const findings = index.findings.get(node.id) ?? [];
  /** Resolves to Rust's answer, or null when the edit was refused. */
  const save = (change: Partial<Node>) => actions.edit({ op: "update_node", node: { ...node, ...change } });
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
        {!isResource ? (
          <button type="button" className="icon-button" data-testid="inspector-briefing"
            title="Start a briefing on this: from the organization's goals down to it and the work under it"
            aria-label="Start a briefing" onClick={() => dispatch({ type: "briefing", scope: { node: node.id } })}>
            <Icon name="briefing" size={15} />
          </button>
        ) : null}
        <button type="button" className="icon-button danger" data-testid="inspector-delete"
          title="Delete this node and its links (Undo brings it back)" aria-label="Delete node" onClick={() => void remove()}>
          <Icon name="trash" size={15} />
        </button>
        <button type="button" className="icon-button" title="Close (Esc)" aria-label="Close inspector"
          onClick={() => dispatch({ type: "select", id: null })}>
          <Icon name="close" size={15} />
        </button>
      </div>

      {briefable(node.kind) ? (
        <div className="inspector-actions">
          <select data-testid="share-brief-format" aria-label="Brief format" title="The file format of the brief"
            value={briefFormat} onChange={(e) => onBriefFormat(e.target.value as ReportFormat)}>
            {BRIEF_FORMATS.map((format) => (
              <option key={format} value={format}>{BRIEF_FORMAT_LABEL[format] ?? format}</option>
            ))}
          </select>
          <button type="button" data-testid="share-brief"
            title="A brief on why this is done: every line up to the organization's goals, its resources and findings"
            onClick={() => void actions.shareBrief(node.id, briefFormat)}>
            <Icon name="share" size={14} /> Share brief
          </button>
        </div>
      ) : null}
      <TextField label="Title" testId="inspector-title" value={node.title}
        onCommit={(title) => (title.trim() ? save({ title }) : undefined)} />
      {!isResource ? (
        <TextField label="Why it matters" testId="inspector-why" multiline value={node.why ?? ""}
          placeholder="One or two sentences on why this matters to the organization"
          onCommit={(why) => void actions.edit({ op: "update_node", node: withWhy(node, why, planState.as_of) })} />
      ) : null}
      {/* One per line: an owner is often a name and a role, too long for half the panel. */}
      <TextField label="Owner" testId="inspector-owner" value={node.owner ?? ""} list="owners"
        onCommit={(owner) => save({ owner: optional(owner) })} />
      <TextField label="Team" testId="inspector-team" value={node.team ?? ""} list="teams"
        onCommit={(team) => save({ team: optional(team) })} />
      <datalist id="owners">{index.owners.map((o) => <option key={o} value={o} />)}</datalist>
      <datalist id="teams">{index.teams.map((t) => <option key={t} value={t} />)}</datalist>
      <div className="field-row">
        <SelectField<Status> label="Status" testId="inspector-status" value={node.status}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onCommit={(status) => save({ status })} />
        {!isResource ? (
          <DateField label="Target date" testId="inspector-target-date" value={node.target_date ?? ""}
            onCommit={(d) => save({ target_date: optional(d) })} />
        ) : (
          <SelectField<ResourceType> label="Type" testId="inspector-resource-type" value={node.resource_type ?? "funding"}
            options={RESOURCE_TYPES.map((t) => ({ value: t, label: RESOURCE_TYPE_LABEL[t] }))}
            onCommit={(resource_type) => save({ resource_type })} />
        )}
      </div>
      {isResource ? (
        <div className="field-row">
          <TextField label="Capacity" testId="inspector-capacity" value={node.capacity === undefined ? "" : formatAmount(node.capacity)}
            placeholder="Unlimited"
            onCommit={(c) => {
              if (c.trim() === "") return save({ capacity: undefined });
              const capacity = parseAmount(c);
              if (capacity !== null) save({ capacity });
            }} />
          <TextField label="Unit" testId="inspector-unit" value={node.unit ?? ""} placeholder="EUR, hours, seats…"
            onCommit={(unit) => save({ unit: optional(unit) })} />
        </div>
      ) : null}
      <TextField label="Notes" testId="inspector-notes" multiline value={node.notes ?? ""}
        onCommit={(notes) => save({ notes: optional(notes) })} />

      {!isResource ? <ReviewLog node={node} /> : null}
      <section className="inspector-section">
        <h3>Findings</h3>
        <InspectorFindings findings={findings} />
      </section>
      <InspectorLinks key={node.id} node={node} />
      <WhatIf key={`what-if-${node.id}`} node={node} />
    </div>
  );
}
