import { describe, expect, it } from "vitest";
import type { Node } from "../bindings/Node";
import type { Plan } from "../bindings/Plan";
import { layeredLayout, NODE_HEIGHT, NODE_WIDTH, type Positions } from "../model/layout";
import { keepLayout, placedLayout } from "../model/stableLayout";
import { syntheticPlan } from "../dev/syntheticPlan";
import { PLAN } from "./fixtures";

const first = () => placedLayout(PLAN, layeredLayout(PLAN));

function overlapping(positions: Positions): string[] {
  const list = [...positions];
  const clashes: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, p] = list[i];
      const [b, q] = list[j];
      if (Math.abs(p.x - q.x) < NODE_WIDTH && Math.abs(p.y - q.y) < NODE_HEIGHT) clashes.push(`${a}/${b}`);
    }
  return clashes;
}

const node = (id: string, kind: Node["kind"]): Node => ({ id, kind, title: id, status: "active" });

describe("stable layout", () => {
  it("keeps every node where it was when a node and a link are added", () => {
    const before = first();
    const plan: Plan = {
      ...PLAN,
      nodes: [...PLAN.nodes, node("I-NEW", "initiative")],
      links: [...PLAN.links, { kind: "supports", from: "I-NEW", to: "S1" }],
    };
    const { layout, placed } = keepLayout(before, plan);
    for (const n of PLAN.nodes) expect(layout.positions.get(n.id), `${n.id} stays put`).toBe(before.positions.get(n.id));
    expect(placed).toEqual(["I-NEW"]);
  });

  it("keeps the layout object itself when only fields changed", () => {
    const before = first();
    const retitled: Plan = { ...PLAN, nodes: PLAN.nodes.map((n) => ({ ...n, title: `${n.title}!` })) };
    expect(keepLayout(before, retitled).layout).toBe(before);
  });

  it("puts a new node in its kind's row beside what it supports, on a free spot", () => {
    const before = first();
    const plan: Plan = {
      ...PLAN,
      nodes: [...PLAN.nodes, node("I-NEW", "initiative")],
      links: [...PLAN.links, { kind: "supports", from: "I-NEW", to: "S1" }],
    };
    const { layout } = keepLayout(before, plan);
    const at = layout.positions.get("I-NEW")!;
    const initiativeRows = new Set(PLAN.nodes.filter((n) => n.kind === "initiative").map((n) => before.positions.get(n.id)!.y));
    expect(initiativeRows.has(at.y), "in an initiative row").toBe(true);
    expect(Math.abs(at.x - before.positions.get("S1")!.x), "within two columns of the strategy it supports").toBeLessThanOrEqual(2 * (NODE_WIDTH + 26));
    expect(overlapping(layout.positions), "on a free spot").toEqual([]);
  });

  it("places an unlinked node at the end of its kind's row, then once beside its first link", () => {
    const before = first();
    const added = keepLayout(before, { ...PLAN, nodes: [...PLAN.nodes, node("G-NEW", "org_goal"), node("TG-NEW", "team_goal")] });
    const orgGoalXs = PLAN.nodes.filter((n) => n.kind === "org_goal").map((n) => before.positions.get(n.id)!.x);
    expect(added.layout.positions.get("G-NEW")!.x, "right of the org goals").toBeGreaterThan(Math.max(...orgGoalXs));
    expect(added.layout.positions.get("G-NEW")!.y).toBe(before.positions.get("G1")!.y);

    const linkedPlan: Plan = {
      ...PLAN,
      nodes: [...PLAN.nodes, node("G-NEW", "org_goal"), node("TG-NEW", "team_goal")],
      links: [...PLAN.links, { kind: "supports", from: "TG-NEW", to: "G1" }],
    };
    const linked = keepLayout(added.layout, linkedPlan);
    expect(linked.placed, "only the node that got its first link moves").toEqual(["TG-NEW"]);
    const g1 = before.positions.get("G1")!;
    expect(Math.abs(linked.layout.positions.get("TG-NEW")!.x - g1.x), "beside the goal it supports").toBeLessThanOrEqual(2 * (NODE_WIDTH + 26));
    expect(linked.layout.positions.get("G-NEW"), "the still unlinked goal stays").toBe(added.layout.positions.get("G-NEW"));
    // Linked once, it stays put from then on.
    const again = keepLayout(linked.layout, { ...linkedPlan, links: [...linkedPlan.links, { kind: "supports", from: "TG-NEW", to: "G2" }] });
    expect(again.placed).toEqual([]);
  });

  it("moves a node that changed kind into its new kind's rows, and drops removed nodes", () => {
    const before = first();
    const plan: Plan = {
      ...PLAN,
      nodes: PLAN.nodes.filter((n) => n.id !== "R1").map((n) => (n.id === "I2" ? { ...n, kind: "strategy" as const } : n)),
      links: PLAN.links.filter((l) => l.from !== "R1" && l.to !== "R1"),
    };
    const { layout, placed } = keepLayout(before, plan);
    expect(placed).toEqual(["I2"]);
    expect(layout.positions.get("I2")!.y, "now in the strategy row").toBe(before.positions.get("S1")!.y);
    expect(layout.positions.has("R1")).toBe(false);
  });

  it("keeps a 2,000-node map still and overlap-free through many additions", () => {
    const plan = syntheticPlan(2000);
    let layout = placedLayout(plan, layeredLayout(plan));
    const start = layout.positions;
    let current = plan;
    for (let i = 0; i < 30; i++) {
      const target = current.nodes[(i * 37) % 200];
      const kind = target.kind === "resource" || target.kind === "org_goal" ? "team_goal" : "initiative";
      const to = kind === "team_goal" ? current.nodes.find((n) => n.kind === "org_goal")!.id : target.kind === "initiative" ? current.nodes.find((n) => n.kind === "strategy")!.id : target.id;
      current = {
        ...current,
        nodes: [...current.nodes, node(`NEW-${i}`, kind)],
        links: [...current.links, { kind: "supports", from: `NEW-${i}`, to }],
      };
      layout = keepLayout(layout, current).layout;
    }
    for (const n of plan.nodes) expect(layout.positions.get(n.id)).toBe(start.get(n.id));
    const added = new Map([...layout.positions].filter(([id]) => id.startsWith("NEW-")));
    // Each new node is clear of every other node (checked pairwise against the whole map).
    for (const [id, at] of added)
      for (const [other, p] of layout.positions)
        if (other !== id) expect(Math.abs(p.x - at.x) < NODE_WIDTH && Math.abs(p.y - at.y) < NODE_HEIGHT, `${id} on ${other}`).toBe(false);
  });
});
