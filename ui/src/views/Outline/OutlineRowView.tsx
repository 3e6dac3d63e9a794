//! One row of the outline: indentation, collapse toggle, kind, title (editable in place), findings.
import { memo, useEffect, useRef, useState } from "react";
import type { Finding } from "../../bindings/Finding";
import type { Node } from "../../bindings/Node";
import { FindingBadge } from "../../components/FindingBadge";
import { KindChip } from "../../components/KindChip";
import type { OutlineRow } from "../../model/outline";
import { Icon } from "../../theme/icons";
import { KIND_STYLE, STATUS_LABEL } from "../../theme/kinds";

type Props = {
  row: OutlineRow;
  node: Node;
  findings: Finding[] | undefined;
  selected: boolean;
  collapsed: boolean;
  /** Shown only for context: it leads to a match but does not match itself. */
  context: boolean;
  /** The text the edit starts with, or null when not editing. */
  editing: string | null;
  alsoTitles: string[];
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onStartEdit: (id: string) => void;
  onCommit: (id: string, title: string | null, then?: "indent" | "outdent") => void;
};

function TitleEditor({ initial, selectAll, onCommit }: {
  initial: string;
  selectAll: boolean;
  onCommit: (title: string | null, then?: "indent" | "outdent") => void;
}) {
  const [text, setText] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    if (selectAll) el.select();
    else el.setSelectionRange(el.value.length, el.value.length);
  }, [selectAll]);
  const finish = (title: string | null, then?: "indent" | "outdent") => {
    if (done.current) return;
    done.current = true;
    onCommit(title, then);
  };
  return (
    <input ref={input} className="outline-edit" data-testid="outline-edit" value={text} aria-label="Title"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(text)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(text);
        if (e.key === "Escape") finish(null);
        if (e.key === "Tab") {
          e.preventDefault();
          finish(text, e.shiftKey ? "outdent" : "indent");
        }
      }} />
  );
}

function RowView({ row, node, findings, selected, collapsed, context, editing, alsoTitles, onSelect, onToggle, onStartEdit, onCommit }: Props) {
  const style = KIND_STYLE[node.kind];
  return (
    <div role="treeitem" aria-level={row.depth + 1} aria-selected={selected}
      aria-expanded={row.hasChildren ? !collapsed : undefined}
      className={`outline-row${selected ? " selected" : ""}${context ? " context" : ""} status-${node.status}`}
      data-testid={`outline-row-${node.id}`} style={{ paddingLeft: 12 + row.depth * 24, ["--kind" as string]: style.color }}
      onClick={() => onSelect(node.id)} onDoubleClick={() => onStartEdit(node.id)}>
      <button type="button" className="twisty" tabIndex={-1} aria-label={collapsed ? "Expand" : "Collapse"}
        style={{ visibility: row.hasChildren ? "visible" : "hidden" }}
        onClick={(e) => {
          e.stopPropagation();
          onToggle(node.id);
        }}>
        <Icon name={collapsed ? "chevronRight" : "chevronDown"} size={12} />
      </button>
      <KindChip kind={node.kind} node={node} compact />
      {editing !== null ? (
        <TitleEditor initial={editing} selectAll={editing === node.title}
          onCommit={(title, then) => onCommit(node.id, title, then)} />
      ) : (
        <span className="outline-title">{node.title}</span>
      )}
      {row.depth === 0 && (node.kind === "team_goal" || node.kind === "strategy" || node.kind === "initiative") ? (
        // At the root beside the goals and resources, work that supports nothing says so.
        <span className="unlinked-tag" title="It supports nothing yet: Tab moves it under the item above">Not linked to a goal</span>
      ) : null}
      {alsoTitles.length ? (
        <span className="also" title={`Also supports: ${alsoTitles.join("; ")}`}>
          +{alsoTitles.length} more link{alsoTitles.length === 1 ? "" : "s"} up
        </span>
      ) : null}
      <span className="outline-meta">
        {node.status !== "active" ? <span className="status-pill">{STATUS_LABEL[node.status]}</span> : null}
        {node.team ? <span>{node.team}</span> : null}
        {node.owner ? <span className="muted">{node.owner}</span> : null}
      </span>
      <FindingBadge findings={findings} />
    </div>
  );
}

export const OutlineRowView = memo(RowView);
