//! Dev/test stand-in for the Rust shell: holds a plan, applies Edits with the same refusals
//! (codes of IPC.md), keeps undo/redo, and answers with PlanStates.
//! It does not analyse: the alignment rules live once, in crates/core. Findings in the browser
//! dev server are those passed in (none by default); the real window shows the real ones.
import type { Edit } from "../bindings/Edit";
import type { Link } from "../bindings/Link";
import type { NodeKind } from "../bindings/NodeKind";
import type { Plan } from "../bindings/Plan";
import type { AppError, PlanState } from "../ipc/types";
import type { Analysis } from "../bindings/Analysis";

const ALLOWED: Record<string, [NodeKind, NodeKind][]> = {
  supports: [
    ["org_goal", "org_goal"],
    ["team_goal", "org_goal"],
    ["team_goal", "team_goal"],
    ["strategy", "team_goal"],
    ["strategy", "org_goal"],
    ["initiative", "strategy"],
    ["initiative", "team_goal"],
    ["initiative", "org_goal"],
  ],
  allocates: [
    ["resource", "strategy"],
    ["resource", "initiative"],
  ],
};

const fail = (code: string, message: string): never => {
  throw { code, message } satisfies AppError;
};

const sameKey = (a: Link, b: { kind: string; from: string; to: string }) =>
  a.kind === b.kind && a.from === b.from && a.to === b.to;

function checkLink(plan: Plan, link: Link) {
  const from = plan.nodes.find((n) => n.id === link.from);
  const to = plan.nodes.find((n) => n.id === link.to);
  if (!from) fail("unknown_node", `There is no node "${link.from}".`);
  if (!to) fail("unknown_node", `There is no node "${link.to}".`);
  if (link.from === link.to) fail("wrong_kinds", `A node cannot ${link.kind === "supports" ? "support" : "allocate to"} itself.`);
  if (!ALLOWED[link.kind].some(([f, t]) => f === from!.kind && t === to!.kind))
    fail("wrong_kinds", `A ${from!.kind.replace("_", " ")} cannot ${link.kind === "supports" ? "support" : "allocate to"} a ${to!.kind.replace("_", " ")}.`);
  if (link.kind === "allocates" && !(typeof link.amount === "number" && link.amount >= 0))
    fail("invalid_field", "An allocation needs an amount of 0 or more.");
  if (link.kind === "supports") {
    // Would to reach from? Then from -> to closes a loop.
    const stack = [link.to];
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (id === link.from)
        fail("loop", `"${from!.title}" cannot support "${to!.title}": "${to!.title}" already leads up to it, so the link would close a loop.`);
      if (seen.has(id)) continue;
      seen.add(id);
      for (const l of plan.links) if (l.kind === "supports" && l.from === id) stack.push(l.to);
    }
  }
}

export function applyToPlan(plan: Plan, edit: Edit): Plan {
  const next: Plan = { ...plan, nodes: [...plan.nodes], links: [...plan.links] };
  switch (edit.op) {
    case "add_node":
      if (!edit.node.title.trim()) fail("invalid_field", "A node needs a title.");
      if (next.nodes.some((n) => n.id === edit.node.id)) fail("duplicate_id", `A node "${edit.node.id}" already exists.`);
      next.nodes.push(edit.node);
      return next;
    case "update_node": {
      const at = next.nodes.findIndex((n) => n.id === edit.node.id);
      if (at < 0) fail("unknown_node", `There is no node "${edit.node.id}".`);
      if (!edit.node.title.trim()) fail("invalid_field", `node "${edit.node.id}": title must not be blank.`);
      next.nodes[at] = edit.node;
      for (const l of next.links)
        if (l.from === edit.node.id || l.to === edit.node.id) {
          try {
            checkLink({ ...next, links: [] }, l);
          } catch {
            fail("kind_change_breaks_link", `Changing "${edit.node.title}" to ${edit.node.kind} would break its ${l.kind} link ${l.from} -> ${l.to}.`);
          }
        }
      return next;
    }
    case "remove_node":
      if (!next.nodes.some((n) => n.id === edit.id)) fail("unknown_node", `There is no node "${edit.id}".`);
      next.nodes = next.nodes.filter((n) => n.id !== edit.id);
      next.links = next.links.filter((l) => l.from !== edit.id && l.to !== edit.id);
      return next;
    case "add_link":
      if (next.links.some((l) => sameKey(l, edit.link))) fail("duplicate_link", `That ${edit.link.kind} link already exists.`);
      checkLink(next, edit.link);
      next.links.push(edit.link);
      return next;
    case "update_link": {
      const at = next.links.findIndex((l) => sameKey(l, edit.link));
      if (at < 0) fail("unknown_link", "There is no such link.");
      if (edit.link.kind === "allocates" && !((edit.link.amount ?? -1) >= 0))
        fail("invalid_field", "An allocation needs an amount of 0 or more.");
      next.links[at] = edit.link;
      return next;
    }
    case "remove_link":
      if (!next.links.some((l) => sameKey(l, edit.key))) fail("unknown_link", "There is no such link.");
      next.links = next.links.filter((l) => !sameKey(l, edit.key));
      return next;
    case "update_settings":
      if (!edit.settings.name.trim()) fail("invalid_field", "A plan needs a name.");
      return { ...next, ...edit.settings };
    case "batch":
      return edit.edits.reduce(applyToPlan, next);
  }
}

export class MockPlanEngine {
  private undoStack: Plan[] = [];
  private redoStack: Plan[] = [];
  recent: string[] = [];

  constructor(
    public plan: Plan,
    public path: string,
    public asOf: string,
    private analysis: Analysis = {
      as_of: asOf,
      summary: { error: 0, warning: 0, info: 0, alignment_score: null },
      findings: [],
    },
  ) {}

  state(): PlanState {
    return {
      path: this.path,
      plan: this.plan,
      analysis: this.analysis,
      can_undo: this.undoStack.length > 0,
      can_redo: this.redoStack.length > 0,
      read_only: false,
      as_of: this.asOf,
      recent: this.recent,
    };
  }

  apply(edit: Edit): PlanState {
    const next = applyToPlan(this.plan, edit);
    this.undoStack.push(this.plan);
    this.redoStack = [];
    this.plan = next;
    return this.state();
  }

  undo(): PlanState {
    const previous = this.undoStack.pop();
    if (!previous) fail("nothing_to_do", "There is nothing to undo.");
    this.redoStack.push(this.plan);
    this.plan = previous!;
    return this.state();
  }

  redo(): PlanState {
    const next = this.redoStack.pop();
    if (!next) fail("nothing_to_do", "There is nothing to redo.");
    this.undoStack.push(this.plan);
    this.plan = next!;
    return this.state();
  }

  switchTo(plan: Plan, path: string): PlanState {
    this.recent = [path, ...this.recent.filter((p) => p !== path)].slice(0, 8);
    this.plan = plan;
    this.path = path;
    this.undoStack = [];
    this.redoStack = [];
    return this.state();
  }
}
