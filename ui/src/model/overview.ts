//! The map's overview of a big plan: its nodes grouped by the org goal they serve. A group holds
//! the org goal, everything whose supports links lead up to it, and the resources allocated to
//! those; a node serving two goals is in both. What reaches no org goal forms one more group, so
//! no node is left out of the overview.
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { PlanIndex } from "./planIndex";

/** The id of the group of work (and resources) that reaches no org goal. */
export const UNALIGNED = "";

export type MapGroup = {
  /** The org goal's id, or UNALIGNED. */
  id: string;
  /** In plan order. */
  members: string[];
  memberSet: Set<string>;
};

/**
 * Who belongs to which org goal: walks supports links down from each org goal (the index's
 * `down`), then adds the resources allocated to what it reached. Depends on the structure only,
 * so the map computes it once per change of structure. Groups in plan order of their goal, the
 * unaligned group last (and only when it has members).
 */
export function groupByOrgGoal(index: PlanIndex): MapGroup[] {
  // The index's nodes iterate in plan order: goals, and each group's members, come out in it
  // from one pass, with no sort of 100,000 ids by their rank.
  const goals: string[] = [];
  for (const node of index.nodes.values()) if (node.kind === "org_goal") goals.push(node.id);
  /** The groups each reached node belongs to, by their goal's place in `goals`. */
  const groupsOf = new Map<string, number[]>();
  const reached = goals.map((goal, at) => {
    // A visited set per goal: plans may hold cycles (the analysis reports them), the walk must end.
    const members = new Set<string>([goal]);
    const stack = [goal];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const child of index.down.get(id) ?? []) {
        if (!members.has(child)) {
          members.add(child);
          stack.push(child);
        }
      }
    }
    for (const id of [...members]) for (const link of index.allocationsTo.get(id) ?? []) members.add(link.from);
    for (const id of members) {
      const list = groupsOf.get(id);
      if (list) list.push(at);
      else groupsOf.set(id, [at]);
    }
    return members;
  });
  const groups: MapGroup[] = goals.map((goal, at) => ({ id: goal, members: [], memberSet: reached[at] }));
  const rest: string[] = [];
  for (const id of index.nodes.keys()) {
    const list = groupsOf.get(id);
    if (!list) rest.push(id);
    else for (const at of list) groups[at].members.push(id);
  }
  if (rest.length > 0) groups.push({ id: UNALIGNED, members: rest, memberSet: new Set(rest) });
  return groups;
}

export type GroupSummary = {
  counts: Record<Exclude<NodeKind, "org_goal">, number>;
  /** Standing (not accepted) findings on the group's nodes, by severity. */
  errors: number;
  warnings: number;
};

/** What a group's card says: how many of each kind it holds and its standing findings. */
export function summarize(group: MapGroup, index: PlanIndex): GroupSummary {
  const summary: GroupSummary = { counts: { team_goal: 0, strategy: 0, initiative: 0, resource: 0 }, errors: 0, warnings: 0 };
  for (const id of group.members) {
    const node: Node | undefined = index.nodes.get(id);
    if (node && node.kind !== "org_goal") summary.counts[node.kind]++;
    for (const finding of index.findings.get(id) ?? []) {
      if (finding.accepted) continue;
      if (finding.severity === "error") summary.errors++;
      else if (finding.severity === "warning") summary.warnings++;
    }
  }
  return summary;
}

/** The first group holding `id` (its own org goal's, for an org goal), to open when the map is asked to show it. */
export function groupOf(groups: MapGroup[], id: string): MapGroup | undefined {
  return groups.find((group) => group.memberSet.has(id));
}

/** How many of each group's members are in `matches`: the overview lists the cards a search finds. */
export function matchesPerGroup(groups: MapGroup[], matches: Set<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    let n = 0;
    for (const id of group.members) if (matches.has(id)) n++;
    counts.set(group.id, n);
  }
  return counts;
}
