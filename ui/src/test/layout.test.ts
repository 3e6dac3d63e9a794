import { describe, expect, it } from "vitest";
import type { Plan } from "../bindings/Plan";
import { bands, elkGraph, layeredLayout, layoutFromOrder, NODE_HEIGHT, NODE_WIDTH, type Positions } from "../model/layout";
import { PLAN } from "./fixtures";
import { syntheticPlan } from "../dev/syntheticPlan";

describe("layered layout", () => {
  it("stacks kinds top to bottom: org goals, team goals, strategies, initiatives, resources", () => {
    const at = layeredLayout(PLAN);
    const y = (id: string) => at.get(id)!.y;
    expect(y("G1"), "org goal above team goal").toBeLessThan(y("TG1"));
    expect(y("TG1"), "team goal above strategy").toBeLessThan(y("S1"));
    expect(y("S1"), "strategy above initiative").toBeLessThan(y("I1"));
    expect(y("I1"), "initiative above resource").toBeLessThan(y("R1"));
    expect(y("G1"), "both org goals in one band").toBe(y("G2"));
  });

  it("puts an org goal that supports another org goal one band lower", () => {
    const plan: Plan = { ...PLAN, links: [...PLAN.links, { kind: "supports", from: "G2", to: "G1" }] };
    const band = bands(plan);
    expect(band.get("G2"), "G2 sits below G1").toBe(band.get("G1")! + 1);
    expect(band.get("TG1")!, "team goals stay below every org goal band").toBeGreaterThan(band.get("G2")!);
  });

  it("gives ELK one partition per band, resources first because edges point up", () => {
    const graph = elkGraph(PLAN);
    const partition = (id: string) => Number(graph.children.find((c) => c.id === id)!.layoutOptions["elk.partitioning.partition"]);
    expect(partition("R1"), "resources in the lowest partition").toBeLessThan(partition("I1"));
    expect(partition("S1"), "strategies below team goals").toBeLessThan(partition("TG1"));
    expect(partition("TG1"), "team goals below org goals").toBeLessThan(partition("G1"));
    expect(graph.layoutOptions["elk.direction"], "edges point up").toBe("UP");
  });

  it("wraps a wide band column by column, so order runs left to right", () => {
    const plan: Plan = {
      ...PLAN,
      nodes: [PLAN.nodes[0], ...Array.from({ length: 10 }, (_, i) => ({ ...PLAN.nodes[2], id: `T${i}` }))],
      links: [],
    };
    const at = layoutFromOrder(plan, new Map(plan.nodes.map((n, i) => [n.id, i])));
    expect(new Set(plan.nodes.slice(1).map((n) => at.get(n.id)!.y)).size, "10 team goals at 7 a row make 2 rows").toBe(2);
    expect(at.get("T1")!.x - at.get("T0")!.x, "the second team goal sits under the first, half a column on").toBe((NODE_WIDTH + 26) / 2);
    expect(at.get("T1")!.y, "the second team goal is on the second row").toBeGreaterThan(at.get("T0")!.y);
    expect(at.get("T2")!.x, "the third starts the next column").toBeGreaterThan(at.get("T0")!.x);
    const xs = plan.nodes.slice(1).map((n) => at.get(n.id)!.x);
    expect(Math.min(...xs) + Math.max(...xs) + NODE_WIDTH, "the band is centred on x = 0").toBeCloseTo(0);
  });

  it("keeps ELK's order within each band and the fallback's bands and rows", () => {
    const reversed = new Map(PLAN.nodes.map((n, i) => [n.id, -i]));
    const refined = layoutFromOrder(PLAN, reversed);
    const fallback = layeredLayout(PLAN);
    expect(refined.get("G2")!.x, "G2 comes first when ELK puts it first").toBeLessThan(refined.get("G1")!.x);
    for (const node of PLAN.nodes) expect(refined.get(node.id)!.y, `${node.id} stays in its row`).toBe(fallback.get(node.id)!.y);
  });

  it("never puts two nodes on top of each other, in wrapped and shifted rows alike", () => {
    const plan = syntheticPlan(2000);
    const at = layeredLayout(plan);
    const rows = new Map<number, number[]>();
    for (const { x, y } of at.values()) (rows.get(y) ?? rows.set(y, []).get(y)!).push(x);
    for (const [y, xs] of rows) {
      xs.sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++)
        expect(xs[i] - xs[i - 1], `nodes in the row at y=${y} should not overlap`).toBeGreaterThanOrEqual(NODE_WIDTH);
    }
    const ys = [...rows.keys()].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1], "rows should not overlap").toBeGreaterThanOrEqual(NODE_HEIGHT);
  });

  it("untangles crossings with sweeps up and down", () => {
    const plan = syntheticPlan(400);
    const once = crossings(plan, layeredLayout(plan, 0));
    const swept = crossings(plan, layeredLayout(plan));
    expect(swept, `sweeps should cross fewer links than one pass (${once})`).toBeLessThan(once);
  });

  it("lays out 10,000 nodes quickly and keeps every node placed", () => {
    const plan = syntheticPlan(10000);
    const started = performance.now();
    const at = layeredLayout(plan);
    const took = performance.now() - started;
    expect(at.size, "every node has a position").toBe(plan.nodes.length);
    expect(took, "the fallback layout must not block the UI for long").toBeLessThan(1500);
  });
});

/** Pairs of links whose straight lines cross, among links between the same two bands. */
function crossings(plan: Plan, at: Positions): number {
  const band = bands(plan);
  const pairs = new Map<string, { a: number; b: number }[]>();
  for (const link of plan.links) {
    const key = `${band.get(link.from)}>${band.get(link.to)}`;
    const list = pairs.get(key) ?? [];
    pairs.set(key, list);
    list.push({ a: at.get(link.from)!.x, b: at.get(link.to)!.x });
  }
  let count = 0;
  for (const list of pairs.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if ((list[i].a - list[j].a) * (list[i].b - list[j].b) < 0) count++;
  return count;
}
