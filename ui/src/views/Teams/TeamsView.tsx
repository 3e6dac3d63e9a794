//! Teams: pick a team; see how much of its work traces up, then its strategies and initiatives,
//! each with its path up to the org goals and its findings — the line a team lead shows to prove
//! the work is aligned. A big team's goals and work come a page at a time.
import { useEffect, useState } from "react";
import type { Node } from "../../bindings/Node";
import { AcceptedNote } from "../../components/AcceptFinding";
import { KindChip, NodeRef } from "../../components/KindChip";
import { kindRank } from "../../model/planIndex";
import { isOrphan, traceSummary } from "../../model/teams";
import { pathsUp } from "../../model/throughline";
import { usePlan } from "../../state/store";
import { Icon, SeverityIcon } from "../../theme/icons";
import { STATUS_LABEL } from "../../theme/kinds";
import { RULE } from "../../model/rules";

export function TeamsView() {
  const { planState, index, state, dispatch } = usePlan();
  const teams = index.teams;
  const team = teams.includes(state.team) ? state.team : (teams[0] ?? "");
  useEffect(() => {
    if (team !== state.team) dispatch({ type: "team", team });
  }, [team, state.team, dispatch]);

  const ofTeam = planState.plan.nodes.filter((n) => (n.team ?? "").trim() === team);
  const goals = ofTeam.filter((n) => n.kind === "team_goal" || n.kind === "org_goal");
  const work = ofTeam
    .filter((n) => n.kind === "strategy" || n.kind === "initiative")
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || index.order.get(a.id)! - index.order.get(b.id)!);
  const select = (id: string) => dispatch({ type: "select", id });
  const [allGoals, setAllGoals] = useState(false);
  const [workShown, setWorkShown] = useState(WORK_PAGE);
  // A new team starts at its first page.
  useEffect(() => {
    setAllGoals(false);
    setWorkShown(WORK_PAGE);
  }, [team]);
  const goalsShown = allGoals ? goals : goals.slice(0, GOALS_SHOWN);

  return (
    <div className="teams-view scroll-view">
      <div className="view-header">
        <h1>Teams</h1>
        {teams.length ? (
          <label className="team-picker">Team
            <select data-testid="team-select" value={team} onChange={(e) => dispatch({ type: "team", team: e.target.value })}>
              {teams.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
        ) : null}
        {team ? (
          <button type="button" data-testid="team-briefing" title={`A full-window walkthrough from the organization's goals down to ${team}'s work`}
            onClick={() => dispatch({ type: "briefing", scope: { team } })}>
            <Icon name="briefing" size={15} /> Brief {team}
          </button>
        ) : null}
      </div>
      {teams.length === 0 ? (
        <div className="empty-view">
          <h2>No teams yet</h2>
          <p>Set the Team field of goals, strategies and initiatives in the inspector; each team then gets its page here.</p>
        </div>
      ) : (
        <>
          <p className="team-summary" data-testid="team-summary">{traceSummary(work, (id) => isOrphan(index.findings.get(id)))}</p>
          {goals.length ? (
            <p className="team-goals">
              <strong>Goals of {team}:</strong>
              {goalsShown.map((g) => <NodeRef key={g.id} node={g} onSelect={select} />)}
              {goals.length > GOALS_SHOWN ? (
                <button type="button" className="link-button" data-testid="team-goals-more" onClick={() => setAllGoals(!allGoals)}>
                  {allGoals ? "Show fewer" : `and ${goals.length - GOALS_SHOWN} more`}
                </button>
              ) : null}
            </p>
          ) : null}
          {work.length === 0 ? (
            <p className="empty-hint">{team} has no strategies or initiatives yet. Add one and set its team to {team}.</p>
          ) : null}
          <ul className="team-work">
            {work.slice(0, workShown).map((node) => <WorkCard key={node.id} node={node} selected={state.selected === node.id} onSelect={select} />)}
          </ul>
          {work.length > workShown ? (
            <button type="button" className="more-work" data-testid="team-work-more" onClick={() => setWorkShown(workShown + WORK_PAGE)}>
              Show {Math.min(WORK_PAGE, work.length - workShown)} more of {work.length - workShown} left
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

const GOALS_SHOWN = 8;
const WORK_PAGE = 20;

function WorkCard({ node, selected, onSelect }: { node: Node; selected: boolean; onSelect: (id: string) => void }) {
  const { index } = usePlan();
  const findings = index.findings.get(node.id) ?? [];
  const paths = pathsUp(index, node.id).filter((p) => p.length > 1);
  // Whether the line reaches an org goal is the core's judgement (its orphan finding): it is
  // said where the line is drawn, once, and in the core's words.
  const broken = findings.find((f) => f.rule === "orphan" && !f.accepted);
  const listed = findings.filter((f) => f !== broken);
  return (
    <li className={`work-card${selected ? " selected" : ""}`} data-testid={`team-item-${node.id}`}>
      <div className="work-head" onClick={() => onSelect(node.id)}>
        <KindChip kind={node.kind} node={node} />
        <strong>{node.title}</strong>
        {node.status !== "active" ? <span className="status-pill">{STATUS_LABEL[node.status]}</span> : null}
        {node.owner ? <span className="muted">{node.owner}</span> : null}
      </div>
      <div className="paths">
        {paths.map((path) => (
          <div key={path.join(">")} className="path">
            {path.slice(1).map((id) => {
              const step = index.nodes.get(id);
              return step ? (
                <span key={id} className="path-step">
                  <Icon name="chevronRight" size={11} />
                  <NodeRef node={step} onSelect={onSelect} />
                </span>
              ) : null;
            })}
          </div>
        ))}
        {broken ? (
          <p className="broken-path" data-testid={`team-item-broken-${node.id}`}>
            <SeverityIcon severity={broken.severity} size={13} /> <span><strong>{RULE[broken.rule].title}.</strong> {broken.hint}</span>
          </p>
        ) : null}
      </div>
      {listed.length ? (
        <ul className="work-findings">
          {listed.map((f) => (
            <li key={f.rule} className={f.accepted ? "accepted" : undefined}>
              <SeverityIcon severity={f.severity} size={13} />
              <span><strong>{RULE[f.rule].title}:</strong> {f.accepted ? <AcceptedNote finding={f} /> : f.hint}</span>
            </li>
          ))}
        </ul>
      ) : node.status === "dropped" ? (
        // The analysis leaves dropped work out: no findings here means nothing was judged.
        <p className="muted" data-testid={`team-item-dropped-${node.id}`}>Dropped: not counted in the plan's alignment.</p>
      ) : broken ? null : (
        <p className="all-clear"><Icon name="check" size={13} /> Aligned and resourced.</p>
      )}
    </li>
  );
}
