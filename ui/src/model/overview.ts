//! The map's overview of a big plan: its nodes grouped by the org goal they serve. A group holds
//! the org goal, everything whose supports links lead up to it, and the resources allocated to
//! those; a node serving two goals is in both. What reaches no org goal forms one more group, so
//! no node is left out of the overview.
//!
//! A 100,000-node plan has thousands of org goals, and the overview shows a screenful of their
//! cards: a group's members are worked out when something asks for them (a card in view, an
//! opened group), not all at once when the plan opens.
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

/** The org goals above `id` (itself, for an org goal), by walking supports links up. */
function goalsAbove(index: PlanIndex, id: string, into: Set<string>) {
  // A visited set per walk: plans may hold cycles (the analysis reports them), the walk must end.
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (index.nodes.get(at)?.kind === "org_goal") into.add(at);
    for (const parent of index.up.get(at) ?? []) {
      if (!seen.has(parent)) {
        seen.add(parent);
        stack.push(parent);
      }
    }
  }
}

/**
 * Who belongs to which org goal, for one structure of the plan (its nodes and links): the map
 * makes a new one when nodes or links come or go, not on an edit of a field.
 */
export class Grouping {
  /** The cards in order: org goals in plan order, then UNALIGNED when some node reaches none. */
  readonly ids: readonly string[];
  private readonly index: PlanIndex;
  /** Every node some org goal reaches, with the resources allocated to those. */
  private readonly aligned: Set<string>;
  private readonly made = new Map<string, MapGroup>();

  constructor(index: PlanIndex) {
    this.index = index;
    const goals: string[] = [];
    for (const node of index.nodes.values()) if (node.kind === "org_goal") goals.push(node.id);
    // One walk down from all goals at once decides what is unaligned, without a set per goal.
    const aligned = new Set<string>(goals);
    const stack = [...goals];
    while (stack.length > 0) {
      for (const child of index.down.get(stack.pop()!) ?? []) {
        if (!aligned.has(child)) {
          aligned.add(child);
          stack.push(child);
        }
      }
    }
    for (const id of [...aligned]) for (const link of index.allocationsTo.get(id) ?? []) aligned.add(link.from);
    this.aligned = aligned;
    this.ids = aligned.size < index.nodes.size ? [...goals, UNALIGNED] : goals;
  }

  get size() {
    return this.ids.length;
  }

  /** The group of an org goal (or UNALIGNED), or undefined when the plan holds no such goal. */
  group(id: string): MapGroup | undefined {
    const made = this.made.get(id);
    if (made) return made;
    const group = id === UNALIGNED ? this.unaligned() : this.underGoal(id);
    if (group) this.made.set(id, group);
    return group;
  }

  /** The group to open to show `id`: an org goal's own, else the first holding it in card order. */
  holderOf(id: string): MapGroup | undefined {
    const node = this.index.nodes.get(id);
    if (!node) return undefined;
    if (node.kind === "org_goal") return this.group(id);
    const goals = this.goalsHolding(id);
    if (goals.size === 0) return this.group(UNALIGNED);
    const order = this.index.order;
    let first: string | undefined;
    for (const goal of goals) if (first === undefined || order.get(goal)! < order.get(first)!) first = goal;
    return this.group(first!);
  }

  /**
   * How many of `matches` each group holds, by group id (every group, zero for none): the
   * overview marks the cards a search finds. Walks up from each match rather than down from
   * every goal, so a narrow search costs little however many goals the plan has.
   */
  matchesPerGroup(matches: Set<string>): Map<string, number> {
    const counts = new Map<string, number>(this.ids.map((id) => [id, 0]));
    for (const id of matches) {
      if (!this.index.nodes.has(id)) continue;
      if (!this.aligned.has(id)) counts.set(UNALIGNED, counts.get(UNALIGNED)! + 1);
      else for (const goal of this.goalsHolding(id)) counts.set(goal, counts.get(goal)! + 1);
    }
    return counts;
  }

  /** The org goals whose groups hold `id`: those above it, and for a resource those above what it funds. */
  private goalsHolding(id: string): Set<string> {
    const goals = new Set<string>();
    goalsAbove(this.index, id, goals);
    for (const link of this.index.allocationsFrom.get(id) ?? []) goalsAbove(this.index, link.to, goals);
    return goals;
  }

  private underGoal(goal: string): MapGroup | undefined {
    if (this.index.nodes.get(goal)?.kind !== "org_goal") return undefined;
    const memberSet = new Set<string>([goal]);
    const stack = [goal];
    while (stack.length > 0) {
      for (const child of this.index.down.get(stack.pop()!) ?? []) {
        if (!memberSet.has(child)) {
          memberSet.add(child);
          stack.push(child);
        }
      }
    }
    for (const id of [...memberSet]) for (const link of this.index.allocationsTo.get(id) ?? []) memberSet.add(link.from);
    const order = this.index.order;
    const members = [...memberSet].sort((a, b) => order.get(a)! - order.get(b)!);
    return { id: goal, members, memberSet };
  }

  private unaligned(): MapGroup | undefined {
    if (this.aligned.size === this.index.nodes.size) return undefined;
    const members: string[] = [];
    for (const id of this.index.nodes.keys()) if (!this.aligned.has(id)) members.push(id);
    return { id: UNALIGNED, members, memberSet: new Set(members) };
  }
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
