import { describe, expect, it } from "vitest";
import type { Node } from "../bindings/Node";
import { allowedKinds, linkChoices, linkTargets } from "../model/linkTargets";

const node = (id: string, kind: Node["kind"], title: string): Node => ({ id, kind, title, status: "active" }) as Node;

const PLAN: Node[] = [
  node("G1", "org_goal", "Grow revenue"),
  node("G2", "org_goal", "Reduce risk"),
  node("TG1", "team_goal", "Revenue from the portal"),
  node("S1", "strategy", "Cloud first"),
  node("I1", "initiative", "Portal rebuild"),
  node("I2", "initiative", "Grow the partner portal"),
  node("R1", "resource", "Cloud budget"),
];

describe("link targets", () => {
  it("lists only the kinds the core's link table allows at the far end", () => {
    expect(allowedKinds("supports", "initiative"), "an initiative supports strategies and goals").not.toContain("initiative");
    expect(allowedKinds("supports", "initiative")).not.toContain("resource");
    expect(allowedKinds("supported_by", "org_goal"), "nothing under an org goal is a resource").not.toContain("resource");
    expect(allowedKinds("allocates", "resource")).toEqual(["strategy", "initiative"]);
    expect(allowedKinds("allocates", "initiative"), "an initiative gets resources only from resources").toEqual(["resource"]);
  });

  it("matches title or id in any case, titles starting with the text first, then by kind", () => {
    const found = linkTargets(PLAN, PLAN[4], "supports", "grow", new Set());
    expect(found.shown.map((n) => n.id), "the other initiative is not a target; G1 starts with the text").toEqual(["G1"]);
    const byId = linkTargets(PLAN, PLAN[6], "allocates", "i2", new Set());
    expect(byId.shown.map((n) => n.id)).toEqual(["I2"]);
    const rev = linkTargets(PLAN, PLAN[3], "supports", "rev", new Set());
    expect(rev.shown.map((n) => n.id), "prefix first (TG1), then the org goal that only contains it").toEqual(["TG1", "G1"]);
  });

  it("leaves out the node itself and what it is already linked to, and keeps the best few of many", () => {
    const empty = linkTargets(PLAN, PLAN[2], "supports", "", new Set(["G2"]));
    expect(empty.shown.map((n) => n.id)).toEqual(["G1"]);
    const many: Node[] = Array.from({ length: 500 }, (_, i) => node(`G${1000 - i}`, "org_goal", `Goal ${String(1000 - i).padStart(4, "0")}`));
    const best = linkTargets(many, PLAN[3], "supports", "goal", new Set(), 3);
    expect(best.total).toBe(500);
    expect(best.shown.map((n) => n.title), "the first three by title, without sorting all 500").toEqual(["Goal 0501", "Goal 0502", "Goal 0503"]);
  });
});

describe("the kinds of link the Inspector offers", () => {
  it("are those the core's rule book allows each kind of node", () => {
    expect(linkChoices("org_goal"), "an org goal may support another, and be supported").toEqual(["supports", "supported_by"]);
    expect(linkChoices("strategy")).toEqual(["supports", "supported_by", "allocates"]);
    expect(linkChoices("initiative"), "nothing supports an initiative").toEqual(["supports", "allocates"]);
    expect(linkChoices("resource"), "a resource only allocates").toEqual(["allocates"]);
  });
});
