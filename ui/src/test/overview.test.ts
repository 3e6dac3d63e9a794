import { describe, expect, it } from "vitest";
import type { Plan } from "../bindings/Plan";
import { groupByOrgGoal, groupOf, matchesPerGroup, summarize, UNALIGNED } from "../model/overview";
import { buildIndex } from "../model/planIndex";
import { FINDINGS, PLAN } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);
const groups = groupByOrgGoal(index);
const byId = new Map(groups.map((g) => [g.id, g]));

describe("overview groups", () => {
  it("gives each org goal what traces up to it and the resources allocated to that", () => {
    expect(groups.map((g) => g.id), "one group per org goal in plan order, the unaligned last").toEqual(["G1", "G2", UNALIGNED]);
    expect(byId.get("G1")!.members, "G1's chain, R1 funding I1 on it").toEqual(["G1", "TG1", "S1", "I1", "R1"]);
    expect(byId.get("G2")!.members, "S2 and the resource funding it").toEqual(["G2", "S2", "R2"]);
  });

  it("puts work reaching no org goal in a group of its own", () => {
    expect(byId.get(UNALIGNED)!.members, "the loose initiative").toEqual(["I2"]);
  });

  it("counts kinds and standing errors and warnings per group", () => {
    expect(summarize(byId.get("G1")!, index), "S1's missing why is G1's one warning; infos are not counted").toEqual({
      counts: { team_goal: 1, strategy: 1, initiative: 1, resource: 1 },
      errors: 0,
      warnings: 1,
    });
    expect(summarize(byId.get(UNALIGNED)!, index), "the orphan error and the unresourced warning").toMatchObject({ errors: 1, warnings: 1 });
    const accepted = buildIndex(PLAN, FINDINGS.map((f) => ({ ...f, accepted: f.node === "I2" ? { reason: "known" } : f.accepted })));
    expect(summarize(groupByOrgGoal(accepted).at(-1)!, accepted), "accepted findings are not counted").toMatchObject({ errors: 0, warnings: 0 });
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
    const both = groupByOrgGoal(buildIndex(plan, []));
    expect(both.find((g) => g.id === "G2")!.members, "I1 now also serves G2, with the rest of the cycle under it").toEqual(
      ["G2", "TG1", "S1", "S2", "I1", "R1", "R2"],
    );
    expect(groupOf(both, "I1")!.id, "the first group holding I1 opens for it").toBe("G1");
  });

  it("counts a search's matches per group", () => {
    const counts = matchesPerGroup(groups, new Set(["S1", "R1", "I2"]));
    expect(Object.fromEntries(counts), "two in G1, none in G2, one unaligned").toEqual({ G1: 2, G2: 0, [UNALIGNED]: 1 });
  });
});
