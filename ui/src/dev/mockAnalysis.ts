//! Dev-only stand-in for the Rust analysis, so `npm run dev` in a browser shows realistic findings.
// The real rules live in crates/core/src/analysis.rs; this follows ALIGNMENT-RULES.md closely
// enough to develop the UI against, and is never bundled into the app.
import type { Analysis } from "../bindings/Analysis";
import type { Finding } from "../bindings/Finding";
import type { Node } from "../bindings/Node";
import type { Plan } from "../bindings/Plan";
import type { ResourceType } from "../bindings/ResourceType";
import type { Rule } from "../bindings/Rule";
import type { Severity } from "../bindings/Severity";

const RULES: [Rule, Severity, string][] = [
  ["orphan", "error", "Add a supports link from it to a strategy or goal that leads up to an organizational goal."],
  ["unsupported_goal", "error", "Link a strategy or initiative to it, or drop the goal if nobody will work on it."],
  ["unresourced_goal", "error", "Allocate funding, tools, skills or time to one of the strategies or initiatives under it."],
  ["over_allocated", "error", "Lower the allocations, raise the capacity, or add a second resource."],
  ["unresourced_strategy", "warning", "Allocate a resource to it, or to an initiative that carries it out."],
  ["unresourced_initiative", "warning", "Allocate funding, tools, skills or time to it."],
  ["missing_why", "warning", "Write one or two sentences on why this matters to the organization."],
  ["stale_review", "warning", "Re-explain it with the team, then mark it reviewed today."],
  ["past_target", "warning", "Set a new target date, or mark it done or dropped."],
  ["capability_gap", "info", "Check whether it needs the missing capabilities, and allocate them if it does."],
  ["idle_resource", "info", "Allocate it to a strategy or initiative, or drop it."],
  ["single_point_of_failure", "info", "Put a second resource behind these goals, or accept the risk knowingly."],
];
const RULE_ORDER = new Map(RULES.map(([rule], i) => [rule, i]));
const SEV_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;

export function mockAnalyse(plan: Plan, asOf: string): Analysis {
  const present = new Map(plan.nodes.filter((n) => n.status !== "dropped").map((n) => [n.id, n]));
  const up = new Map<string, string[]>();
  const allocTo = new Map<string, { from: string; amount: number }[]>();
  const allocFrom = new Map<string, { to: string; amount: number }[]>();
  for (const l of plan.links) {
    if (!present.has(l.from) || !present.has(l.to)) continue;
    if (l.kind === "supports") up.set(l.from, [...(up.get(l.from) ?? []), l.to]);
    else if ((l.amount ?? 0) > 0) {
      allocTo.set(l.to, [...(allocTo.get(l.to) ?? []), { from: l.from, amount: l.amount ?? 0 }]);
      allocFrom.set(l.from, [...(allocFrom.get(l.from) ?? []), { to: l.to, amount: l.amount ?? 0 }]);
    }
  }
  const ancestors = (id: string) => {
    const seen = new Set<string>();
    const stack = [...(up.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(up.get(next) ?? []));
    }
    return seen;
  };
  const anc = new Map([...present.keys()].map((id) => [id, ancestors(id)]));
  const resourced = (id: string) => (allocTo.get(id) ?? []).length > 0;
  const isAction = (n: Node) => n.kind === "strategy" || n.kind === "initiative";
  const isGoal = (n: Node) => n.kind === "org_goal" || n.kind === "team_goal";
  const reachedBy = new Map<string, Node[]>();
  for (const node of present.values())
    for (const a of anc.get(node.id)!) {
      const list = reachedBy.get(a);
      if (list) list.push(node);
      else reachedBy.set(a, [node]);
    }
  const reachers = (id: string) => reachedBy.get(id) ?? [];

  const findings: Finding[] = [];
  const add = (rule: Rule, node: Node, message: string, extra: Partial<Finding> = {}) => {
    const [, severity, hint] = RULES[RULE_ORDER.get(rule)!];
    findings.push({ rule, severity, node: node.id, title: node.title, message, hint, ...extra });
  };
  const goalBacking = new Map<string, Set<string>>();
  for (const node of present.values()) {
    const q = `"${node.title}"`;
    if (["team_goal", "strategy", "initiative"].includes(node.kind)) {
      if (![...anc.get(node.id)!].some((a) => present.get(a)?.kind === "org_goal"))
        add("orphan", node, `${q} does not lead up to any organizational goal.`);
    }
    if (isGoal(node)) {
      const actions = reachers(node.id).filter(isAction);
      if (actions.length === 0) add("unsupported_goal", node, `No strategy or initiative works toward ${q}.`);
      else if (!actions.some((a) => resourced(a.id)))
        add("unresourced_goal", node, `None of the work toward ${q} has resources.`, {
          unresourced_actions: actions.map((a) => a.id).sort(),
        });
      const backing = new Set<string>();
      for (const a of actions) for (const al of allocTo.get(a.id) ?? []) backing.add(al.from);
      goalBacking.set(node.id, backing);
    }
    if (node.kind === "resource") {
      const allocs = allocFrom.get(node.id) ?? [];
      const sum = allocs.reduce((s, a) => s + a.amount, 0);
      if (node.capacity !== undefined && sum > node.capacity)
        add("over_allocated", node, `${q} is allocated ${sum} ${node.unit ?? ""} of ${node.capacity}.`, {
          allocations: allocs.map((a) => ({ to: a.to, amount: a.amount })),
          allocated: sum,
          capacity: node.capacity,
        });
      if (allocs.length === 0) add("idle_resource", node, `${q} is not allocated to anything.`);
    }
    if (node.kind === "strategy" && !resourced(node.id)) {
      if (!reachers(node.id).some((r) => r.kind === "initiative" && resourced(r.id)))
        add("unresourced_strategy", node, `Neither ${q} nor any initiative under it has resources.`);
    }
    if (node.kind === "initiative" && !resourced(node.id))
      add("unresourced_initiative", node, `${q} has no funding, tools, skills or time allocated.`);
    if ((isGoal(node) || node.kind === "strategy") && !node.why?.trim())
      add("missing_why", node, `${q} does not say why it matters.`);
    const open = node.status === "proposed" || node.status === "active";
    if ((isGoal(node) || node.kind === "strategy") && open) {
      if (!node.last_reviewed || days(asOf, node.last_reviewed) > plan.review_cadence_days)
        add("stale_review", node, node.last_reviewed
          ? `${q} was last reviewed on ${node.last_reviewed}, more than ${plan.review_cadence_days} days ago.`
          : `${q} has never been reviewed.`);
    }
    if (node.kind !== "resource" && open && node.target_date && node.target_date < asOf)
      add("past_target", node, `${q} was due on ${node.target_date}.`);
    if (node.kind === "strategy") {
      const sources = [node, ...reachers(node.id).filter((r) => r.kind === "initiative")];
      const types = new Set<ResourceType>();
      for (const s of sources)
        for (const al of allocTo.get(s.id) ?? []) {
          const t = present.get(al.from)?.resource_type;
          if (t) types.add(t);
        }
      const all: ResourceType[] = ["funding", "tool", "skill", "time"];
      const missing = all.filter((t) => !types.has(t));
      if (types.size > 0 && missing.length > 0)
        add("capability_gap", node, `${q} has no ${missing.join(", ")} behind it.`, { missing });
    }
  }
  for (const node of present.values()) {
    if (node.kind !== "resource") continue;
    const related = [...goalBacking.entries()]
      .filter(([, set]) => set.size === 1 && set.has(node.id))
      .map(([goal]) => goal)
      .sort();
    if (related.length > 0)
      add("single_point_of_failure", node, `"${node.title}" is the only resource behind ${related.length} goal(s).`, { related });
  }
  findings.sort(
    (a, b) =>
      SEV_ORDER[a.severity] - SEV_ORDER[b.severity] ||
      RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
      a.node.localeCompare(b.node),
  );
  const orgGoals = [...present.values()].filter((n) => n.kind === "org_goal");
  const bad = new Set(
    findings.filter((f) => f.rule === "unsupported_goal" || f.rule === "unresourced_goal").map((f) => f.node),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    as_of: asOf,
    summary: {
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
      alignment_score: orgGoals.length ? orgGoals.filter((g) => !bad.has(g.id)).length / orgGoals.length : null,
    },
    findings,
  };
}
