import { describe, expect, it } from "vitest";
import type { Plan } from "../bindings/Plan";
import { bands, elkGraph, layeredLayout, wrapWideLayers } from "../model/layout";
import { PLAN } from "./fixtures";
import { syntheticPlan } from "../dev/samplePlans";

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

  it("wraps a wide layer into rows, keeping its order", () => {
    const wide = new Map(Array.from({ length: 10 }, (_, i) => [`n${i}`, { x: i * 300, y: 0 }]));
    const out = wrapWideLayers(wide, 4);
    expect(new Set([...out.values()].map((p) => p.y)).size, "10 nodes at 4 a row make 3 rows").toBe(3);
    expect(out.get("n1")!.x, "order kept within a row").toBeGreaterThan(out.get("n0")!.x);
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
