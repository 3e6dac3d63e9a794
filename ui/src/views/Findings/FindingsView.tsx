//! Findings: the analysis grouped by rule, then by team, each group collapsible, with the search
//! and filters of the top bar applied. Only the rows on screen are rendered, so a plan with
//! thousands of findings opens as fast as a small one. A click selects the node on the map;
//! each finding can be accepted knowingly, or its acceptance taken back.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import type { Finding } from "../../bindings/Finding";
import { AcceptedNote, AcceptFinding } from "../../components/AcceptFinding";
import { findingMatches, isFilterActive } from "../../model/filter";
import { formatAmount } from "../../model/format";
import { COLLAPSE_TEAMS_ABOVE, findingRows, type FindingRow } from "../../model/findingGroups";
import { RULE, RULE_ORDER, SCORE_SENTENCE, scoreText } from "../../model/rules";
import { usePlan } from "../../state/store";
import { Icon, KindGlyph, SeverityIcon } from "../../theme/icons";

/** Small plans render every row (nothing to save, and every row stays findable); big ones what is on screen. */
const RENDER_ALL_UP_TO = 200;

export function FindingsView() {
  const { planState, index, state, dispatch } = usePlan();
  const { findings, as_of } = planState.analysis;
  // Typing in the search box stays quick: the list follows once React has time.
  const filter = useDeferredValue(state.filter);
  const filtering = isFilterActive(filter);
  const shown = useMemo(
    () => (filtering ? findings.filter((f) => findingMatches(f, filter, index)) : findings),
    [findings, filter, filtering, index],
  );
  // Groups the user opened or closed, against how they start.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const teamsStartCollapsed = findings.length > COLLAPSE_TEAMS_ABOVE;
  const rows = useMemo(
    () =>
      findingRows(shown, {
        ruleOrder: RULE_ORDER,
        teamOf: (node) => index.nodes.get(node)?.team?.trim() ?? "",
        collapsed: (key) => toggled.has(key) !== (teamsStartCollapsed && key.startsWith("team:")),
      }),
    [shown, index, toggled, teamsStartCollapsed],
  );
  const toggle = (key: string) =>
    setToggled((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const open = (f: Finding) => {
    dispatch({ type: "select", id: f.node, focus: true });
    dispatch({ type: "view", view: "map" });
  };

  const list = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => list.current,
    estimateSize: (i) => (rows[i].type === "finding" ? 40 : rows[i].type === "rule" ? 64 : 34),
    getItemKey: (i) => rows[i].key,
    overscan: rows.length <= RENDER_ALL_UP_TO ? rows.length : 12,
  });

  const accepted = findings.reduce((n, f) => n + (f.accepted ? 1 : 0), 0);
  return (
    <div className="findings-view" data-testid="findings-view">
      <div className="view-header">
        <h1>Findings</h1>
        <p className="muted">
          <strong className="findings-score" data-testid="findings-score">
            Alignment score {scoreText(planState.analysis.summary)}: {planState.score_counts_text}.
          </strong>{" "}
          {formatAmount(findings.length)} finding{findings.length === 1 ? "" : "s"}
          {accepted ? `, ${formatAmount(accepted)} of them accepted knowingly` : ""}, judged as of {as_of}.
          {filtering ? ` ${formatAmount(shown.length)} match the search and filters.` : ""} {SCORE_SENTENCE}
        </p>
      </div>
      {findings.length === 0 ? (
        <div className="empty-view">
          <h2>No findings</h2>
          <p>{planState.plan.nodes.length === 0
            ? "Add your first organizational goal: the analysis runs after every change."
            : "Every goal has work and resources behind it, and every piece of work leads up to a goal."}</p>
        </div>
      ) : shown.length === 0 ? (
        <div className="empty-view">
          <h2>No finding matches</h2>
          <p>None of the {findings.length} findings is about a node that matches the search and filters.</p>
          <button type="button" onClick={() => dispatch({ type: "clear_filter" })}>Clear search and filters</button>
        </div>
      ) : (
        <div className="findings-list" ref={list} data-testid="findings-list">
          <div className="findings-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div key={item.key} className="findings-slot" data-index={item.index} ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}>
                <Row row={rows[item.index]} onToggle={toggle} onOpen={open} />
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function Row({ row, onToggle, onOpen }: { row: FindingRow; onToggle: (key: string) => void; onOpen: (f: Finding) => void }) {
  const { index } = usePlan();
  const acceptedText = (n: number) => (n ? <span className="muted"> · {n} accepted</span> : null);
  if (row.type === "rule") {
    return (
      <div className={`rule-head sev-${row.severity}`}>
        <button type="button" className="group-toggle" data-testid={`findings-group-${row.rule}`} aria-expanded={!row.collapsed}
          onClick={() => onToggle(row.key)}>
          <Icon name={row.collapsed ? "chevronRight" : "chevronDown"} size={13} />
          <SeverityIcon severity={row.severity} size={16} />
          <strong>{RULE[row.rule].title}</strong>
          <span className="count-pill">{formatAmount(row.count)}</span>
          {acceptedText(row.accepted)}
        </button>
        {row.collapsed ? null : <p className="hint">{RULE[row.rule].hint}</p>}
      </div>
    );
  }
  if (row.type === "team") {
    return (
      <button type="button" className="group-toggle team-head" data-testid={`findings-team-${row.rule}-${row.team || "none"}`}
        aria-expanded={!row.collapsed} onClick={() => onToggle(row.key)}>
        <Icon name={row.collapsed ? "chevronRight" : "chevronDown"} size={12} />
        <span>{row.team || "No team"}</span>
        <span className="muted">· {row.count}</span>
        {acceptedText(row.accepted)}
      </button>
    );
  }
  const f = row.finding;
  const node = index.nodes.get(f.node);
  return (
    <div className={`finding-line${f.accepted ? " accepted" : ""}`}>
      <button type="button" className="finding-row" data-testid={`finding-${f.rule}-${f.node}`}
        data-accepted={f.accepted ? "true" : undefined} title="Show on the map" onClick={() => onOpen(f)}>
        <SeverityIcon severity={f.severity} size={14} />
        {node ? <KindGlyph kind={node.kind} size={10} /> : null}
        <strong>{f.title}</strong>
        {f.accepted ? <AcceptedNote finding={f} /> : <span className="muted">{f.message}</span>}
      </button>
      {node?.team ? <span className="finding-team">{node.team}</span> : null}
      <AcceptFinding finding={f} />
    </div>
  );
}
