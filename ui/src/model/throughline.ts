//! The throughline of a node: every path up to the org goals and every resource below, for highlighting.
import type { PlanIndex } from "./planIndex";

export type Throughline = {
  nodes: Set<string>;
  /** Link keys "kind|from|to" on the highlighted paths. */
  links: Set<string>;
};

export const linkId = (kind: string, from: string, to: string) => `${kind}|${from}|${to}`;

/**
 * Walks supports links upward (to the org goals) and downward (to what supports it), then adds
 * the resources allocated to anything on the downward side. For a resource, the start is what it
 * funds, so its line runs up through those actions to the goals.
 */
export function throughline(index: PlanIndex, start: string): Throughline {
  const nodes = new Set<string>([start]);
  const links = new Set<string>();
  const startNode = index.nodes.get(start);
  if (!startNode) return { nodes: new Set(), links };

  const upFrom: string[] = [start];
  const downFrom: string[] = [];
  if (startNode.kind === "resource") {
    for (const link of index.allocationsFrom.get(start) ?? []) {
      links.add(linkId("allocates", link.from, link.to));
      if (!nodes.has(link.to)) {
        nodes.add(link.to);
        upFrom.push(link.to);
      }
    }
  } else {
    downFrom.push(start);
  }

  const seenUp = new Set<string>(upFrom);
  while (upFrom.length > 0) {
    const id = upFrom.pop()!;
    for (const parent of index.up.get(id) ?? []) {
      links.add(linkId("supports", id, parent));
      nodes.add(parent);
      if (!seenUp.has(parent)) {
        seenUp.add(parent);
        upFrom.push(parent);
      }
    }
  }

  const seenDown = new Set<string>(downFrom);
  while (downFrom.length > 0) {
    const id = downFrom.pop()!;
    for (const link of index.allocationsTo.get(id) ?? []) {
      links.add(linkId("allocates", link.from, link.to));
      nodes.add(link.from);
    }
    for (const child of index.down.get(id) ?? []) {
      links.add(linkId("supports", child, id));
      nodes.add(child);
      if (!seenDown.has(child)) {
        seenDown.add(child);
        downFrom.push(child);
      }
    }
  }
  return { nodes, links };
}

/**
 * Every chain of supports links from a node up to a node that supports nothing (an org goal,
 * normally), through present nodes only: a dropped goal or strategy carries no line
 * (ALIGNMENT-RULES.md).
 */
export function pathsUp(index: PlanIndex, start: string, limit = 12): string[][] {
  const paths: string[][] = [];
  const present = (id: string) => index.nodes.get(id)?.status !== "dropped";
  const walk = (id: string, path: string[]) => {
    if (paths.length >= limit) return;
    const parents = (index.up.get(id) ?? []).filter((p) => !path.includes(p) && present(p));
    if (parents.length === 0) {
      paths.push(path);
      return;
    }
    for (const parent of parents) walk(parent, [...path, parent]);
  };
  walk(start, [start]);
  return paths;
}
