//! The map of a big plan, before a group is opened: one card per org goal with what traces up to
//! it, and one for what reaches none. A card opens its group on the map (click, or Enter on it).
import { useMemo } from "react";
import { summarize, UNALIGNED, type GroupSummary, type MapGroup } from "../../model/overview";
import type { PlanIndex } from "../../model/planIndex";
import { KindGlyph, SeverityIcon } from "../../theme/icons";
import { KIND_STYLE } from "../../theme/kinds";

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export const groupTitle = (group: MapGroup, index: PlanIndex) =>
  group.id === UNALIGNED ? "Not linked to any org goal" : index.nodes.get(group.id)?.title ?? group.id;

export const groupTestId = (group: MapGroup) => `overview-card-${group.id === UNALIGNED ? "unaligned" : group.id}`;

/** The last cards' counts, kept past the overview's unmount: a switch back to the map reuses them. */
let remembered: { groups: MapGroup[]; index: PlanIndex; summaries: Map<string, GroupSummary> } | null = null;

function summariesOf(groups: MapGroup[], index: PlanIndex): Map<string, GroupSummary> {
  if (remembered?.groups !== groups || remembered.index !== index) {
    remembered = { groups, index, summaries: new Map(groups.map((g) => [g.id, summarize(g, index)])) };
  }
  return remembered.summaries;
}

export function MapOverview({ groups, index, matches, onOpen }: {
  groups: MapGroup[];
  index: PlanIndex;
  /** Matches of the active search per group id; null when no search is active. */
  matches: Map<string, number> | null;
  onOpen: (group: MapGroup) => void;
}) {
  // Counts follow the findings and the structure, not a keystroke in the search, nor a switch
  // away from the map and back.
  const summaries = useMemo(() => summariesOf(groups, index), [groups, index]);
  return (
    <div className="map-overview" data-testid="map-overview">
      <ul className="overview-cards">
        {groups.map((group) => {
          const summary = summaries.get(group.id)!;
          const found = matches?.get(group.id) ?? 0;
          const unaligned = group.id === UNALIGNED;
          return (
            <li key={group.id}>
              <button type="button" data-testid={groupTestId(group)}
                className={`overview-card${unaligned ? " unaligned" : ""}${matches && found === 0 ? " dim" : ""}`}
                onClick={() => onOpen(group)}>
                <span className="overview-card-kind">
                  {unaligned ? <span>Unaligned work</span> : <><KindGlyph kind="org_goal" size={9} /><span>{KIND_STYLE.org_goal.label}</span></>}
                  <span className="overview-card-findings">
                    {summary.errors > 0 ? <span className="finding-badge sev-error" title={count(summary.errors, "error", "errors")}>
                      <SeverityIcon severity="error" size={12} /><span>{summary.errors.toLocaleString()}</span></span> : null}
                    {summary.warnings > 0 ? <span className="finding-badge sev-warning" title={count(summary.warnings, "warning", "warnings")}>
                      <SeverityIcon severity="warning" size={12} /><span>{summary.warnings.toLocaleString()}</span></span> : null}
                  </span>
                </span>
                <span className="overview-card-title">{groupTitle(group, index)}</span>
                <span className="overview-card-counts">
                  {count(summary.counts.team_goal, "team goal", "team goals")}, {count(summary.counts.strategy, "strategy", "strategies")},{" "}
                  {count(summary.counts.initiative, "initiative", "initiatives")}
                </span>
                <span className="overview-card-counts">{count(summary.counts.resource, "resource", "resources")} behind {unaligned ? "this work" : "it"}</span>
                {matches ? <span className="overview-card-match" data-testid={`${groupTestId(group)}-matches`}>
                  {found > 0 ? `${count(found, "node matches", "nodes match")} the search` : "Nothing here matches the search"}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
