import { describe, expect, it } from "vitest";
import type { Node } from "../bindings/Node";
import { RULE_BOOK } from "../bindings/rule_book";
import { linkForDrag, linkSentence } from "../views/Map/linkForDrag";

const node = (id: string, kind: Node["kind"], title: string): Node => ({ id, kind, title, status: "active" });
const goal = node("G1", "org_goal", "Grow revenue");
const teamGoal = node("TG1", "team_goal", "Answer within a day");
const portal = node("I1", "initiative", "Portal");
const budget = node("R1", "resource", "Cloud budget");

describe("a drag between two nodes on the map", () => {
  it("makes the link the rules allow, in whichever direction they allow it", () => {
    expect(linkForDrag(portal, goal)).toEqual({ link: { kind: "supports", from: "I1", to: "G1" } });
    expect(linkForDrag(goal, portal), "a goal dragged onto an initiative: the initiative supports it").toEqual({
      link: { kind: "supports", from: "I1", to: "G1" },
    });
    expect(linkForDrag(portal, budget)).toEqual({ link: { kind: "allocates", from: "R1", to: "I1" } });
  });

  it("offers every link the core's table allows, and only those", () => {
    const kinds = ["org_goal", "team_goal", "strategy", "initiative", "resource"] as const;
    for (const a of kinds)
      for (const b of kinds) {
        const outcome = linkForDrag(node("A", a, "A"), node("B", b, "B"));
        const allowed = RULE_BOOK.links.filter((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
        if ("link" in outcome) {
          const made = outcome.link;
          const kindOf = (id: string) => (id === "A" ? a : b);
          expect(allowed, `${a} to ${b}`).toContainEqual({ kind: made.kind, from: kindOf(made.from), to: kindOf(made.to) });
        } else expect(allowed, `${a} to ${b} refused`).toEqual([]);
      }
  });

  it("says why a refused drag is refused, by titles and what each kind links to", () => {
    const outcome = linkForDrag(budget, goal);
    expect(outcome).toEqual({
      refused:
        "Cloud budget and Grow revenue cannot be linked: a resource is allocated only to strategies or initiatives, " +
        "and an org goal supports only organizational goals.",
    });
    expect("refused" in outcome && outcome.refused).not.toMatch(/R1|G1|->|→/);
  });

  it("says what was made, by titles", () => {
    expect(linkSentence({ kind: "supports", from: "TG1", to: "G1" }, teamGoal, goal)).toBe("Answer within a day supports Grow revenue");
    expect(linkSentence({ kind: "allocates", from: "R1", to: "I1" }, budget, portal)).toBe("Cloud budget is allocated to Portal");
  });
});
