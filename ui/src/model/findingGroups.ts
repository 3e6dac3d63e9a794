//! The Findings view's rows: findings grouped by rule (in the rule book's order), then by the
//! team of the node they name, each group collapsible, flattened into the one list the view
//! renders as it scrolls (only the rows on screen become elements).
import type { Finding } from "../bindings/Finding";
import type { Rule } from "../bindings/Rule";
import type { Severity } from "../bindings/Severity";

export type FindingRow =
  | { type: "rule"; key: string; rule: Rule; severity: Severity; count: number; accepted: number; collapsed: boolean }
  | { type: "team"; key: string; rule: Rule; team: string; count: number; accepted: number; collapsed: boolean }
  | { type: "finding"; key: string; finding: Finding };

export const ruleKey = (rule: Rule) => `rule:${rule}`;
export const teamKey = (rule: Rule, team: string) => `team:${rule}:${team}`;
export const findingKey = (finding: { rule: string; node: string }) => `finding:${finding.rule}:${finding.node}`;

/** Above this many findings, team groups start collapsed: a rule's teams read as a list of counts first. */
export const COLLAPSE_TEAMS_ABOVE = 200;

/** A rule with fewer findings lists them without team headings (each row names its team). */
export const TEAM_GROUPS_FROM = 4;

export type Grouping = {
  /** Rules in the order their groups appear. */
  ruleOrder: Rule[];
  /** The team a node belongs to, "" when it has none. */
  teamOf: (node: string) => string;
  /** Whether the group with this key is collapsed. */
  collapsed: (key: string) => boolean;
  /** The fewest findings a rule needs for team headings; TEAM_GROUPS_FROM unless said. */
  teamGroupsFrom?: number;
};

const count = (findings: Finding[]) => ({
  count: findings.length,
  accepted: findings.reduce((n, f) => n + (f.accepted ? 1 : 0), 0),
});

/** Teams by name, the findings of nodes without a team last. */
function byTeam(findings: Finding[], teamOf: (node: string) => string): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const team = teamOf(finding.node);
    const list = groups.get(team);
    if (list) list.push(finding);
    else groups.set(team, [finding]);
  }
  return [...groups].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
}

/**
 * One header row per rule, one per team within it (left out when all of the rule's findings
 * share one team, or when they are few), and the findings of every group that is not collapsed.
 */
export function findingRows(findings: Finding[], grouping: Grouping): FindingRow[] {
  const byRule = new Map<Rule, Finding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule);
    if (list) list.push(finding);
    else byRule.set(finding.rule, [finding]);
  }
  const rows: FindingRow[] = [];
  for (const rule of grouping.ruleOrder) {
    const ofRule = byRule.get(rule);
    if (!ofRule) continue;
    const key = ruleKey(rule);
    const collapsed = grouping.collapsed(key);
    rows.push({ type: "rule", key, rule, severity: ofRule[0].severity, ...count(ofRule), collapsed });
    if (collapsed) continue;
    const teams = byTeam(ofRule, grouping.teamOf);
    const headed = teams.length > 1 && ofRule.length >= (grouping.teamGroupsFrom ?? TEAM_GROUPS_FROM);
    for (const [team, ofTeam] of teams) {
      let teamCollapsed = false;
      if (headed) {
        const key = teamKey(rule, team);
        teamCollapsed = grouping.collapsed(key);
        rows.push({ type: "team", key, rule, team, ...count(ofTeam), collapsed: teamCollapsed });
      }
      if (!teamCollapsed) for (const finding of ofTeam) rows.push({ type: "finding", key: findingKey(finding), finding });
    }
  }
  return rows;
}
