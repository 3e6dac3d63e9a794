//! The outline tree (org goals > what supports them) and its keyboard operations as plan Edits.
import type { Edit } from "../bindings/Edit";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import { DEFAULT_TITLE, freshId, isFreshIdOf } from "./ids";
import { KIND_ORDER, kindRank, type PlanIndex } from "./planIndex";
import { allows } from "./rules";

export type OutlineRow = {
  id: string;
  depth: number;
  /** The parent this row sits under (its first supports link), null at the top. */
  parent: string | null;
  hasChildren: boolean;
  /** Other nodes it also supports, shown as a note since each node appears once. */
  alsoSupports: string[];
};

const byKindThenOrder = (index: PlanIndex) => (a: string, b: string) => {
  const na = index.nodes.get(a)!;
  const nb = index.nodes.get(b)!;
  return kindRank(na.kind) - kindRank(nb.kind) || index.order.get(a)! - index.order.get(b)!;
};

/**
 * Each node appears once, under its first parent (the first supports link in plan order),
 * so that ids stay unique rows the keyboard can move through. Nodes that support nothing
 * are at the top: org goals first, then unlinked work, then the resources.
 */
export function outlineRows(index: PlanIndex, collapsed: ReadonlySet<string> = new Set()): OutlineRow[] {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of index.nodes.keys()) {
    const parent = (index.up.get(id) ?? []).find((p) => index.nodes.has(p));
    if (parent === undefined) roots.push(id);
    else {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    }
  }
  const sort = byKindThenOrder(index);
  roots.sort(sort);
  for (const list of children.values()) list.sort(sort);

  const rows: OutlineRow[] = [];
  const placed = new Set<string>();
  const visit = (id: string, depth: number, parent: string | null) => {
    if (placed.has(id)) return;
    placed.add(id);
    const kids = children.get(id) ?? [];
    rows.push({
      id,
      depth,
      parent,
      hasChildren: kids.length > 0,
      alsoSupports: (index.up.get(id) ?? []).filter((p) => p !== parent),
    });
    if (!collapsed.has(id)) for (const kid of kids) visit(kid, depth + 1, id);
  };
  for (const root of roots) visit(root, 0, null);
  return rows;
}

/**
 * The kind one level below a parent of this kind, or null when nothing can sit under it: the
 * first kind after it (in the plan's order of kinds) that the core's rules let support it.
 */
export function childKind(kind: NodeKind): NodeKind | null {
  const below = KIND_ORDER.slice(KIND_ORDER.indexOf(kind) + 1);
  return below.find((child) => allows("supports", child, kind)) ?? null;
}

export type OutlineOp = { edit: Edit; select: string } | { refused: string };

/** Enter: a new node of the same kind under the same parent. */
export function addSibling(index: PlanIndex, row: OutlineRow): OutlineOp {
  const like = index.nodes.get(row.id)!;
  const node = blankNode(index, like.kind);
  if (like.kind === "resource") node.resource_type = like.resource_type ?? "funding";
  if (like.team) node.team = like.team;
  if (!row.parent) return { edit: { op: "add_node", node }, select: node.id };
  return {
    edit: {
      op: "batch",
      edits: [
        { op: "add_node", node },
        { op: "add_link", link: { kind: "supports", from: node.id, to: row.parent } },
      ],
    },
    select: node.id,
  };
}

/** The first node of an empty plan (or of an empty outline). */
export function addFirst(index: PlanIndex, kind: NodeKind = "org_goal"): OutlineOp {
  const node = blankNode(index, kind);
  if (kind === "resource") node.resource_type = "funding";
  return { edit: { op: "add_node", node }, select: node.id };
}

function blankNode(index: PlanIndex, kind: NodeKind): Node {
  return { id: freshId(kind, index.nodes), kind, title: DEFAULT_TITLE[kind], status: "active" };
}

/**
 * A node that changes kind keeps its id, unless the outline made that id for its old kind a
 * moment ago and nothing but its parent link holds it: then it is made again under an id of
 * its new kind, so a strategy is never called "TG-2". Its title follows when it was the default.
 */
function remadeForKind(index: PlanIndex, node: Node, from: string | null, kind: NodeKind): Node | null {
  if (kind === node.kind || !isFreshIdOf(node.id, node.kind)) return null;
  const onlyParent = (index.up.get(node.id) ?? []).every((to) => to === from);
  const held =
    (index.down.get(node.id)?.length ?? 0) + (index.allocationsTo.get(node.id)?.length ?? 0) + (index.allocationsFrom.get(node.id)?.length ?? 0);
  if (!onlyParent || held > 0) return null;
  const title = node.title === DEFAULT_TITLE[node.kind] ? DEFAULT_TITLE[kind] : node.title;
  return { ...node, id: freshId(kind, index.nodes), kind, title };
}

function moveEdits(index: PlanIndex, node: Node, from: string | null, to: string | null, kind: NodeKind): { edit: Edit; select: string } {
  const remade = remadeForKind(index, node, from, kind);
  if (remade) {
    const edits: Edit[] = [{ op: "remove_node", id: node.id }, { op: "add_node", node: remade }];
    if (to) edits.push({ op: "add_link", link: { kind: "supports", from: remade.id, to } });
    return { edit: { op: "batch", edits }, select: remade.id };
  }
  const edits: Edit[] = [];
  // Unlink first, so the old link never has to be valid for the new kind.
  if (from) edits.push({ op: "remove_link", key: { kind: "supports", from: node.id, to: from } });
  if (kind !== node.kind) edits.push({ op: "update_node", node: { ...node, kind } });
  if (to) edits.push({ op: "add_link", link: { kind: "supports", from: node.id, to } });
  return { edit: { op: "batch", edits }, select: node.id };
}

/** Tab: the row moves under its previous sibling and takes the kind one level below it. */
export function indent(index: PlanIndex, rows: OutlineRow[], id: string): OutlineOp {
  const at = rows.findIndex((r) => r.id === id);
  const row = rows[at];
  const node = index.nodes.get(id);
  if (!row || !node) return { refused: "Select a row first." };
  if (node.kind === "resource") return { refused: "Resources are allocated, not nested: use Link in the inspector." };
  let previous: OutlineRow | undefined;
  for (let i = at - 1; i >= 0 && rows[i].depth >= row.depth; i--) {
    if (rows[i].depth === row.depth && rows[i].parent === row.parent) {
      previous = rows[i];
      break;
    }
  }
  if (!previous) return { refused: "There is no row above at this level to move it under." };
  const parent = index.nodes.get(previous.id)!;
  const kind = childKind(parent.kind);
  if (!kind) return { refused: `Nothing can sit under ${parent.kind === "resource" ? "a resource" : "an initiative"}.` };
  return moveEdits(index, node, row.parent, parent.id, kind);
}

/** Shift+Tab: the row moves up beside its parent and takes the parent's kind. */
export function outdent(index: PlanIndex, id: string, rows: OutlineRow[]): OutlineOp {
  const row = rows.find((r) => r.id === id);
  const node = index.nodes.get(id);
  if (!row || !node) return { refused: "Select a row first." };
  if (!row.parent) return { refused: "It is already at the top level." };
  const parent = index.nodes.get(row.parent)!;
  const grandparent = rows.find((r) => r.id === parent.id)?.parent ?? null;
  return moveEdits(index, node, parent.id, grandparent, parent.kind);
}

export const renameEdit = (node: Node, title: string): Edit => ({ op: "update_node", node: { ...node, title } });
export const removeEdit = (id: string): Edit => ({ op: "remove_node", id });
