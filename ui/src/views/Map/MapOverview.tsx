//! The map of a big plan, before a group is opened: one card per org goal with what traces up to
//! it, and one for what reaches none. A card opens its group on the map (click, or Enter on it).
//! Only the cards near the view are drawn: a 100,000-node plan has thousands of org goals.
import { useLayoutEffect, useMemo } from "react";
import { summarize, UNALIGNED, type GroupSummary, type Grouping, type MapGroup } from "../../model/overview";
import type { PlanIndex } from "../../model/planIndex";
import { KindGlyph, SeverityIcon } from "../../theme/icons";
import { KIND_STYLE } from "../../theme/kinds";
import { useGridWindow } from "./useGridWindow";

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const groupTitle = (group: MapGroup, index: PlanIndex) =>
  group.id === UNALIGNED ? "Not linked to any org goal" : index.nodes.get(group.id)?.title ?? group.id;

const cardTestId = (id: string) => `overview-card-${id === UNALIGNED ? "unaligned" : id}`;

/** Cards are one height (a title of two lines at most), so the grid knows where each row is. */
const CARD = { minCellWidth: 250, cellHeight: 150, gap: 12, overscanRows: 2 };
/** With a search, each card says how many of its nodes match: one line more. */
const CARD_SEARCHED = { ...CARD, cellHeight: 172 };

/**
 * The cards' counts, worked out for the cards drawn and kept past the overview's unmount: a
 * switch back to the map, or a scroll back up, reuses them. They follow the findings and the
 * structure, not a keystroke in the search.
 */
let remembered: { grouping: Grouping; index: PlanIndex; summaries: Map<string, GroupSummary> } | null = null;

function summaryOf(grouping: Grouping, index: PlanIndex, group: MapGroup): GroupSummary {
  if (remembered?.grouping !== grouping || remembered.index !== index) remembered = { grouping, index, summaries: new Map() };
  let summary = remembered.summaries.get(group.id);
  if (!summary) remembered.summaries.set(group.id, (summary = summarize(group, index)));
  return summary;
}

/** Where the overview of each plan was scrolled, so closing a group comes back to its card. */
const scrolledTo = new Map<string, number>();

export function MapOverview({ grouping, index, matches, onOpen, path }: {
  grouping: Grouping;
  index: PlanIndex;
  /** Matches of the active search per group id; null when no search is active. */
  matches: Map<string, number> | null;
  onOpen: (groupId: string) => void;
  path: string;
}) {
  const shape = matches ? CARD_SEARCHED : CARD;
  const { scroller, grid, cells } = useGridWindow(grouping.size, shape, scrolledTo.get(path));
  useLayoutEffect(() => {
    const view = scroller.current;
    return () => {
      if (view) scrolledTo.set(path, view.scrollTop);
    };
  }, [path, scroller]);
  const shown = useMemo(() => grouping.ids.slice(cells.first, cells.end), [grouping, cells.first, cells.end]);
  return (
    <div className="map-overview" data-testid="map-overview" ref={scroller}>
      <ul className="overview-cards" ref={grid} aria-label={`${grouping.size.toLocaleString()} groups by org goal`}
        style={{
          gridTemplateColumns: `repeat(${cells.columns}, minmax(0, 1fr))`,
          gridAutoRows: `${shape.cellHeight}px`,
          gap: `${shape.gap}px`,
          paddingTop: `${cells.offset}px`,
          height: `${cells.height}px`,
        }}>
        {shown.map((id, at) => {
          const group = grouping.group(id)!;
          return (
            <li key={id} aria-setsize={grouping.size} aria-posinset={cells.first + at + 1}>
              <OverviewCard group={group} summary={summaryOf(grouping, index, group)} index={index}
                found={matches ? (matches.get(id) ?? 0) : null} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function OverviewCard({ group, summary, index, found, onOpen }: {
  group: MapGroup;
  summary: GroupSummary;
  index: PlanIndex;
  /** How many of its nodes match the active search; null when none is active. */
  found: number | null;
  onOpen: (groupId: string) => void;
}) {
  const unaligned = group.id === UNALIGNED;
  const title = groupTitle(group, index);
  return (
    <button type="button" data-testid={cardTestId(group.id)} title={title}
      className={`overview-card${unaligned ? " unaligned" : ""}${found === 0 ? " dim" : ""}`}
      onClick={() => onOpen(group.id)}>
      <span className="overview-card-kind">
        {unaligned ? <span>Unaligned work</span> : <><KindGlyph kind="org_goal" size={9} /><span>{KIND_STYLE.org_goal.label}</span></>}
        <span className="overview-card-findings">
          {summary.errors > 0 ? <span className="finding-badge sev-error" title={count(summary.errors, "error", "errors")}>
            <SeverityIcon severity="error" size={12} /><span>{summary.errors.toLocaleString()}</span></span> : null}
          {summary.warnings > 0 ? <span className="finding-badge sev-warning" title={count(summary.warnings, "warning", "warnings")}>
            <SeverityIcon severity="warning" size={12} /><span>{summary.warnings.toLocaleString()}</span></span> : null}
        </span>
      </span>
      <span className="overview-card-title">{title}</span>
      <span className="overview-card-counts">
        {count(summary.counts.team_goal, "team goal", "team goals")}, {count(summary.counts.strategy, "strategy", "strategies")},{" "}
        {count(summary.counts.initiative, "initiative", "initiatives")}
      </span>
      <span className="overview-card-counts">{count(summary.counts.resource, "resource", "resources")} behind {unaligned ? "this work" : "it"}</span>
      {found !== null ? <span className="overview-card-match" data-testid={`${cardTestId(group.id)}-matches`}>
        {found > 0 ? `${count(found, "node matches", "nodes match")} the search` : "Nothing here matches the search"}</span> : null}
    </button>
  );
}
