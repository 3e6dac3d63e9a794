//! The road ahead: the core's roadmap (strategies and initiatives by target date, grouped by
//! org goal or by team) on a month axis with today marked, past-target and unscheduled work
//! called out. Dragging a marker, or ←/→ on it, moves its target date (one undoable edit).
import { useEffect, useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapGrouping } from "../../bindings/RoadmapGrouping";
import * as ipc from "../../ipc/commands";
import { timelineScale } from "../../model/timeline";
import { showError } from "../../state/actions";
import { usePlan } from "../../state/store";
import { Icon } from "../../theme/icons";
import { RoadmapGroupRows } from "./RoadmapGroupRows";
import "./roadmap.css";

const GROUPINGS: { grouping: RoadmapGrouping; label: string }[] = [
  { grouping: "org_goal", label: "Organizational goal" },
  { grouping: "team", label: "Team" },
];

/** The core's roadmap of the plan as it is now: asked again after every change. */
function useRoadmap(grouping: RoadmapGrouping): Roadmap | null {
  const { planState, dispatch } = usePlan();
  const [roadmap, setRoadmap] = useState<Roadmap | null>(null);
  useEffect(() => {
    let live = true;
    ipc.roadmap(grouping).then(
      (answer) => live && setRoadmap(answer),
      (error) => live && showError(dispatch, error),
    );
    return () => {
      live = false;
    };
  }, [planState, grouping, dispatch]);
  return roadmap;
}

export function RoadmapView() {
  const [grouping, setGrouping] = useState<RoadmapGrouping>("org_goal");
  const roadmap = useRoadmap(grouping);
  const items = roadmap?.groups.flatMap((g) => g.items) ?? [];
  // An item under two goals is one piece of work: count it once.
  const unique = new Map(items.map((item) => [item.id, item]));
  const late = [...unique.values()].filter((i) => i.past_target).length;
  const unscheduled = [...unique.values()].filter((i) => !i.target_date).length;

  return (
    <div className="roadmap-view" data-testid="roadmap">
      <div className="view-header">
        <h1>Roadmap</h1>
        <div className="segmented" role="group" aria-label="Group by">
          <span className="muted">Group by</span>
          {GROUPINGS.map(({ grouping: g, label }) => (
            <button key={g} type="button" data-testid={`roadmap-group-${g}`} className={grouping === g ? "active" : ""}
              aria-pressed={grouping === g} onClick={() => setGrouping(g)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {roadmap ? (
        <p className="roadmap-summary" data-testid="roadmap-summary">
          <span><span className="roadmap-key today" /> Today, {roadmap.as_of}</span>
          <span className={late ? "late" : ""}><Icon name="calendar" size={14} /> {late} past target</span>
          <span>{unscheduled} unscheduled</span>
          <span className="muted">Drag a marker, or press ← → on it, to move a target date.</span>
        </p>
      ) : null}
      {!roadmap ? (
        <p className="muted roadmap-empty">Laying out the road ahead…</p>
      ) : roadmap.groups.length === 0 ? (
        <div className="empty-view">
          <h2>Nothing on the road ahead yet</h2>
          <p>Add strategies and initiatives and give them target dates; they appear here by date.</p>
        </div>
      ) : (
        <RoadmapBody roadmap={roadmap} />
      )}
    </div>
  );
}

function RoadmapBody({ roadmap }: { roadmap: Roadmap }) {
  const scale = timelineScale([roadmap.earliest, roadmap.latest], roadmap.as_of);
  const today = scale.at(roadmap.as_of);
  // Month names need about 30 px each: past two years of axis, name every quarter.
  const labelEvery = scale.months.length > 24 ? 3 : 1;
  return (
    <div className="roadmap-scroll">
      <div className="roadmap-grid">
        <div className="roadmap-axis-row">
          <div className="roadmap-label-head">{roadmap.grouping === "team" ? "Team and work" : "Goal and work"}</div>
          <div className="roadmap-axis" aria-hidden>
            {scale.months.map((m, at) => (
              <span key={m.date} className={`roadmap-month${m.yearStart ? " year" : ""}`} style={{ left: `${m.at * 100}%` }}>
                {at % labelEvery === 0 ? m.label : ""}
              </span>
            ))}
            {scale.months.filter((m, at) => m.yearStart || at === 0).map((m) => (
              <span key={`year-${m.date}`} className="roadmap-year" style={{ left: `${m.at * 100}%` }}>{m.date.slice(0, 4)}</span>
            ))}
            <span className="roadmap-today-label" style={{ left: `${today * 100}%` }}>Today</span>
          </div>
        </div>
        {roadmap.groups.map((group) => (
          <RoadmapGroupRows key={`${group.goal ?? ""}|${group.team ?? ""}`} group={group} grouping={roadmap.grouping} scale={scale} today={today} />
        ))}
      </div>
    </div>
  );
}
