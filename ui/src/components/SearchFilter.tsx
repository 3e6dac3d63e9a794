//! Search box and the filter popover (kind, team, owner, status, severity) for the map and outline.
import { useCallback, useMemo, useRef, useState } from "react";
import type { NodeKind } from "../bindings/NodeKind";
import { isFilterActive, searchMatches, type NodeFilter } from "../model/filter";
import { KIND_ORDER } from "../model/planIndex";
import { usePlan } from "../state/store";
import { Icon, KindGlyph } from "../theme/icons";
import { KIND_STYLE, STATUSES, STATUS_LABEL } from "../theme/kinds";
import { SEVERITIES, SEVERITY_STYLE } from "../theme/severity";
import { useDismiss } from "./useDismiss";
import { Input } from "./Input";

/** The matches listed under the search box as you type; the map and Outline show them all. */
const SHOWN_AS_YOU_TYPE = 8;

export function SearchFilter() {
  const { state, dispatch, index, planState } = usePlan();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const filter = state.filter;
  const set = (change: Partial<NodeFilter>) => dispatch({ type: "filter", filter: change });
  const activeFields = Object.entries(filter).filter(([key, v]) => key !== "text" && v !== "").length;
  const [typing, setTyping] = useState(false);
  const nodes = planState.plan.nodes;
  const matches = useMemo(
    () => (isFilterActive(filter) ? searchMatches(nodes, filter, index, SHOWN_AS_YOU_TYPE) : null),
    [nodes, filter, index],
  );
  const count = matches?.count ?? null;

  const show = (id: string) => {
    dispatch({ type: "select", id, focus: true });
    if (state.view !== "map" && state.view !== "outline") dispatch({ type: "view", view: "map" });
  };
  const jumpToFirst = () => {
    const first = matches?.first[0];
    if (first) show(first.id);
  };

  return (
    <div className="search" ref={box}>
      <Icon name="search" size={15} />
      <Input data-testid="search-input" type="search" placeholder="Search nodes…" value={filter.text}
        aria-label="Search nodes" title="Search titles, ids, owners, teams (Ctrl+F). Enter selects the first match."
        onChange={(e) => set({ text: e.target.value })}
        onFocus={() => setTyping(true)}
        // Late enough that a click on a listed match lands first.
        onBlur={() => setTimeout(() => setTyping(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter") jumpToFirst();
          if (e.key === "Escape") dispatch({ type: "clear_filter" });
        }} />
      {count !== null ? <span className="search-count" title="Nodes matching" data-testid="search-count">{count}</span> : null}
      {typing && matches && filter.text.trim() ? (
        <ul className="popover search-results" data-testid="search-results" aria-label="Matching nodes">
          {matches.first.map((node) => (
            <li key={node.id}>
              <button type="button" data-testid={`search-result-${node.id}`} onMouseDown={(e) => e.preventDefault()}
                onClick={() => show(node.id)}>
                <KindGlyph kind={node.kind} size={10} />
                <span className="search-result-title">{node.title}</span>
                <code>{node.id}</code>
              </button>
            </li>
          ))}
          <li className="muted search-results-more">
            {matches.count === 0
              ? "Nothing matches."
              : matches.count > matches.first.length
                ? `${matches.count - matches.first.length} more highlighted on the map and in the Outline. Enter selects the first.`
                : "Enter selects the first."}
          </li>
        </ul>
      ) : null}
      <button type="button" className={`icon-button filter-button${activeFields ? " active" : ""}`} data-testid="filter-button"
        title="Filter by kind, team, owner, status, severity" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="filter" size={15} />
        {activeFields ? <span className="dot-count">{activeFields}</span> : null}
      </button>
      {open ? (
        <div className="popover filter-popover" role="dialog" aria-label="Filter">
          <label>Kind
            <select data-testid="filter-kind" value={filter.kind} onChange={(e) => set({ kind: e.target.value as NodeKind | "" })}>
              <option value="">Any kind</option>
              {KIND_ORDER.map((k) => <option key={k} value={k}>{KIND_STYLE[k].label}</option>)}
            </select>
          </label>
          <label>Team
            <select data-testid="filter-team" value={filter.team} onChange={(e) => set({ team: e.target.value })}>
              <option value="">Any team</option>
              {index.teams.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <label>Owner
            <select data-testid="filter-owner" value={filter.owner} onChange={(e) => set({ owner: e.target.value })}>
              <option value="">Any owner</option>
              {index.owners.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          </label>
          <label>Status
            <select data-testid="filter-status" value={filter.status} onChange={(e) => set({ status: e.target.value as NodeFilter["status"] })}>
              <option value="">Any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
            </select>
          </label>
          <label>Findings
            <select data-testid="filter-severity" value={filter.severity} onChange={(e) => set({ severity: e.target.value as NodeFilter["severity"] })}>
              <option value="">Any</option>
              {SEVERITIES.map((s) => <option key={s} value={s}>Has {SEVERITY_STYLE[s].label.toLowerCase()}</option>)}
              <option value="none">No findings</option>
            </select>
          </label>
          <div className="popover-actions">
            <button type="button" onClick={() => dispatch({ type: "clear_filter" })}>Clear all</button>
            <button type="button" className="primary" onClick={close}>Done</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
