import { describe, expect, it } from "vitest";
import type { Link } from "../bindings/Link";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { Plan } from "../bindings/Plan";
import { Grouping, summarize, UNALIGNED, type MapGroup } from "../model/overview";
import { buildIndex, type PlanIndex } from "../model/planIndex";
import { FINDINGS, PLAN } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);
const grouping = new Grouping(index);
const group = (id: string) => grouping.group(id)!;

/** The overview's definition, worked out the plain way: walk down from every goal, all at once. */
function everyGroup(index: PlanIndex): MapGroup[] {
  const nodes = [...index.nodes.values()];
  const groups: MapGroup[] = nodes.filter((n) => n.kind === "org_goal").map((goal) => {
    const reached = new Set([goal.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of [...reached]) for (const child of index.down.get(id) ?? []) if (!reached.has(child)) reached.add(child), (grew = true);
    }
    for (const id of [...reached]) for (const link of index.allocationsTo.get(id) ?? []) reached.add(link.from);
    return { id: goal.id, members: nodes.filter((n) => reached.has(n.id)).map((n) => n.id), memberSet: reached };
  });
  const rest = nodes.filter((n) => !groups.some((g) => g.memberSet.has(n.id))).map((n) => n.id);
  if (rest.length > 0) groups.push({ id: UNALIGNED, members: rest, memberSet: new Set(rest) });
  return groups;
}

/** A small random plan of every kind, with links of any direction (cycles included) and allocations. */
function randomPlan(seed: number): Plan {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
  const kinds: NodeKind[] = ["org_goal", "team_goal", "strategy", "initiative", "resource"];
  const nodes: Node[] = Array.from({ length: 12 + next(20) }, (_, i) => ({ id: `N${i}`, kind: kinds[next(5)], title: `Node ${i}`, status: "active" }));
  const links: Link[] = [];
  for (let i = 0; i < nodes.length * 1.3; i++) {
    const from = nodes[next(nodes.length)];
    const to = nodes[next(nodes.length)];
    if (from === to) continue;
    links.push(from.kind === "resource" ? { kind: "allocates", from: from.id, to: to.id } : { kind: "supports", from: from.id, to: to.id });
  }
  return { ...PLAN, nodes, links };
}

describe("overview groups", () => {
  it("gives each org goal what traces up to it and the resources allocated to that", () => {
    expect(grouping.ids, "one group per org goal in plan order, the unaligned last").toEqual(["G1", "G2", UNALIGNED]);
    expect(group("G1").members, "G1's chain, R1 funding I1 on it").toEqual(["G1", "TG1", "S1", "I1", "R1"]);
    expect(group("G2").members, "S2 and the resource funding it").toEqual(["G2", "S2", "R2"]);
    expect(grouping.group("I1"), "only org goals (and the unaligned) have groups").toBeUndefined();
  });

  it("puts work reaching no org goal in a group of its own", () => {
    expect(group(UNALIGNED).members, "the loose initiative").toEqual(["I2"]);
    const aligned = buildIndex({ ...PLAN, nodes: PLAN.nodes.filter((n) => n.id !== "I2") }, []);
    expect(new Grouping(aligned).ids, "no unaligned card when everything serves a goal").toEqual(["G1", "G2"]);
  });

  it("counts kinds and standing errors and warnings per group", () => {
    expect(summarize(group("G1"), index), "S1's missing why is G1's one warning; infos are not counted").toEqual({
      counts: { team_goal: 1, strategy: 1, initiative: 1, resource: 1 },
      errors: 0,
      warnings: 1,
    });
    expect(summarize(group(UNALIGNED), index), "the orphan error and the unresourced warning").toMatchObject({ errors: 1, warnings: 1 });
    const accepted = buildIndex(PLAN, FINDINGS.map((f) => ({ ...f, accepted: f.node === "I2" ? { reason: "known" } : f.accepted })));
    expect(summarize(new Grouping(accepted).group(UNALIGNED)!, accepted), "accepted findings are not counted").toMatchObject({ errors: 0, warnings: 0 });
  });

  it("puts a node serving two goals in both, and ends on a cycle", () => {
    const plan: Plan = {
      ...PLAN,
      links: [
        ...PLAN.links,
        { kind: "supports", from: "I1", to: "S2" },
        // A cycle the analysis would report: the walk must still end.
        { kind: "supports", from: "TG1", to: "I1" },
      ],
    };
    const both = new Grouping(buildIndex(plan, []));
    expect(both.group("G2")!.members, "I1 now also serves G2, with the rest of the cycle under it").toEqual(
      ["G2", "TG1", "S1", "S2", "I1", "R1", "R2"],
    );
    expect(both.holderOf("I1")!.id, "the first group holding I1 opens for it").toBe("G1");
    expect(both.holderOf("R1")!.id, "a resource opens the first group of what it funds").toBe("G1");
    expect(both.holderOf("R2")!.id, "R2 funds only S2, under G2").toBe("G2");
    expect(both.holderOf("G2")!.id, "an org goal opens its own group").toBe("G2");
    expect(both.holderOf("I2")!.id, "loose work opens the unaligned group").toBe(UNALIGNED);
  });

  it("counts a search's matches per group", () => {
    const counts = grouping.matchesPerGroup(new Set(["S1", "R1", "I2"]));
    expect(Object.fromEntries(counts), "two in G1, none in G2, one unaligned").toEqual({ G1: 2, G2: 0, [UNALIGNED]: 1 });
  });

  it("works out each group, its holder and its matches as the plain walk from every goal does", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = buildIndex(randomPlan(seed), []);
      const lazy = new Grouping(random);
      const all = everyGroup(random);
      expect(lazy.ids, `seed ${seed}: the cards`).toEqual(all.map((g) => g.id));
      for (const expected of all) expect(lazy.group(expected.id)!.members, `seed ${seed}: group ${expected.id}`).toEqual(expected.members);
      for (const id of random.nodes.keys()) {
        const holders = all.filter((g) => g.memberSet.has(id)).map((g) => g.id);
        const own = random.nodes.get(id)!.kind === "org_goal" ? id : holders[0];
        expect(lazy.holderOf(id)!.id, `seed ${seed}: the group opened for ${id}`).toBe(own);
      }
      const searched = new Set([...random.nodes.keys()].filter((_, i) => i % 3 === seed % 3));
      const counts = new Map(all.map((g) => [g.id, g.members.filter((id) => searched.has(id)).length]));
      expect(lazy.matchesPerGroup(searched), `seed ${seed}: matches per group`).toEqual(counts);
    }
  });
});
