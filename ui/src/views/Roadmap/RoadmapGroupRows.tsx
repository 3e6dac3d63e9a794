//! One roadmap group (an org goal's or a team's work) and its rows: each strategy or initiative
//! with a marker at its target date that moves by drag or by keyboard, or "Unscheduled".
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { RoadmapGroup } from "../../bindings/RoadmapGroup";
import type { RoadmapGrouping } from "../../bindings/RoadmapGrouping";
import type { RoadmapItem } from "../../bindings/RoadmapItem";
import { shiftDate, shiftMonths, type TimelineScale } from "../../model/timeline";
import { useActions } from "../../state/actions";
import { usePlan } from "../../state/store";
import { KindGlyph, SeverityIcon } from "../../theme/icons";
import { KIND_STYLE, STATUS_LABEL } from "../../theme/kinds";

type RowProps = { item: RoadmapItem; scale: TimelineScale; today: number };

export function RoadmapGroupRows({ group, grouping, scale, today }: { group: RoadmapGroup; grouping: RoadmapGrouping } & Omit<RowProps, "item">) {
  const title = group.title || (grouping === "team" ? "No team" : "Not linked to an organizational goal");
  return (
    <>
      <div className={`roadmap-group${group.title ? "" : " loose"}`} data-testid={`roadmap-group-${group.goal ?? group.team ?? "none"}`}>
        {grouping === "org_goal" && group.goal ? <KindGlyph kind="org_goal" size={13} /> : null}
        <span>{title}</span>
        <span className="muted">{group.items.length} {group.items.length === 1 ? "item" : "items"}</span>
      </div>
      {group.items.map((item) => <RoadmapRow key={item.id} item={item} scale={scale} today={today} />)}
    </>
  );
}

function RoadmapRow({ item, scale, today }: RowProps) {
  const { state, dispatch, index } = usePlan();
  const actions = useActions();
  const lane = useRef<HTMLDivElement>(null);
  // While dragging: the date under the pointer, shown before it is saved on release.
  const [dragged, setDragged] = useState<string | null>(null);
  const date = dragged ?? item.target_date;

  const moveTo = (target: string) => {
    const node = index.nodes.get(item.id);
    if (node && target !== node.target_date) void actions.edit({ op: "update_node", node: { ...node, target_date: target } });
  };
  const dateUnder = (event: PointerEvent) => {
    const box = lane.current!.getBoundingClientRect();
    return scale.dateAt((event.clientX - box.left) / box.width);
  };
  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragged(item.target_date);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (dragged !== null) setDragged(dateUnder(event));
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (dragged === null) return;
    const target = dateUnder(event);
    setDragged(null);
    if (target !== item.target_date) moveTo(target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!item.target_date || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) return;
    event.preventDefault();
    const step = event.key === "ArrowRight" ? 1 : -1;
    moveTo(event.shiftKey ? shiftMonths(item.target_date, step) : shiftDate(item.target_date, 7 * step));
  };

  const style = KIND_STYLE[item.kind];
  const selected = state.selected === item.id;
  const at = date ? scale.at(date) : 0;
  return (
    <div className={`roadmap-row${selected ? " selected" : ""}${item.past_target ? " late" : ""}`} data-testid={`roadmap-item-${item.id}`}>
      <button type="button" className="roadmap-label" onClick={() => dispatch({ type: "select", id: item.id })}
        title={`${style.label}: ${item.title}${item.owner ? `, ${item.owner}` : ""}`}>
        <KindGlyph kind={item.kind} size={11} />
        <span className="roadmap-title">{item.title}</span>
        {item.status === "proposed" || item.status === "done" ? <span className="status-pill">{STATUS_LABEL[item.status]}</span> : null}
      </button>
      <div className="roadmap-lane" ref={lane}>
        <span className="roadmap-today" style={{ left: `${today * 100}%` }} />
        {date ? (
          <>
            <button type="button" className={`roadmap-marker${dragged !== null ? " dragging" : ""}`} data-testid={`roadmap-marker-${item.id}`}
              style={{ left: `${at * 100}%`, background: item.past_target ? undefined : style.color }}
              aria-label={`${item.title}: target date ${date}. Drag, or press the left and right arrows to move it a week, with Shift a month.`}
              title={`Target date ${date}: drag, or ←/→ to move a week (Shift: a month)`}
              onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}
              onPointerCancel={() => setDragged(null)} onKeyDown={onKeyDown} />
            <span className={`roadmap-date${at > 0.82 ? " before" : ""}`} data-testid={`roadmap-date-${item.id}`} style={{ left: `${at * 100}%` }}>
              {item.past_target ? <SeverityIcon severity="warning" size={13} /> : null}
              {date}{item.past_target ? " · past target" : ""}
            </span>
          </>
        ) : (
          <span className="roadmap-unscheduled" data-testid={`roadmap-unscheduled-${item.id}`}>
            Unscheduled: no target date. Select it and set one in the Inspector.
          </span>
        )}
      </div>
    </div>
  );
}
