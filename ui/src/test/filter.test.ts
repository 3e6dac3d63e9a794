import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, matchesText, matchingIds, searchMatches } from "../model/filter";
import { buildIndex } from "../model/planIndex";
import { FINDINGS, PLAN } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);
const ids = (filter: Partial<typeof EMPTY_FILTER>) => {
  const set = matchingIds(PLAN.nodes, { ...EMPTY_FILTER, ...filter }, index);
  return set ? [...set].sort() : null;
};

describe("filter", () => {
  it("matches everything (null) when no filter is set", () => {
    expect(ids({}), "an empty filter means no filtering").toBeNull();
  });
  it("matches every word of the text, case-insensitively, in title, id, owner or team", () => {
    expect(ids({ text: "SELF portal" }), "both words occur in I1's title").toEqual(["I1"]);
    expect(ids({ text: "priya" }), "owner text matches").toEqual(["S1", "TG1"]);
  });
  it("filters by kind, team, owner and status together", () => {
    expect(ids({ kind: "strategy" }), "the two strategies").toEqual(["S1", "S2"]);
    expect(ids({ kind: "strategy", team: "Security" }), "the Security strategy").toEqual(["S2"]);
    expect(ids({ status: "proposed" }), "only S2 is proposed").toEqual(["S2"]);
    expect(ids({ owner: "Noah" }), "Noah owns I2").toEqual(["I2"]);
  });
  it("filters by severity of findings, or by having none", () => {
    expect(ids({ severity: "error" }), "only I2 has an error").toEqual(["I2"]);
    expect(ids({ severity: "warning" }), "I2 and S1 have warnings").toEqual(["I2", "S1"]);
    expect(ids({ severity: "none", kind: "initiative" }), "I1 is the initiative without findings").toEqual(["I1"]);
  });
  it("matches words in any order and anywhere in the why and notes", () => {
    const node = PLAN.nodes.find((n) => n.id === "I1")!;
    expect(matchesText(node, "portal self"), "order does not matter").toBe(true);
    expect(matchesText(node, "portal zzz"), "every word must occur").toBe(false);
    expect(matchesText(node, "   "), "blank matches everything").toBe(true);
  });
  it("searches a node as it is now, after an edit gave it a new title", () => {
    const before = PLAN.nodes.find((n) => n.id === "I1")!;
    expect(matchesText(before, "quantum")).toBe(false);
    const after = { ...before, title: "Quantum help desk" };
    expect(matchesText(after, "quantum"), "the edited node is searched by its new title").toBe(true);
    expect(matchesText(before, "quantum"), "the old object keeps its own text").toBe(false);
  });
});

describe("matches listed as you type", () => {
  it("counts every match and lists the first ones in plan order", () => {
    const found = searchMatches(PLAN.nodes, { ...EMPTY_FILTER, text: "s" }, index, 2);
    const all = matchingIds(PLAN.nodes, { ...EMPTY_FILTER, text: "s" }, index)!;
    expect(found.count, "the count is of all matches, not of those listed").toBe(all.size);
    expect(found.first.map((n) => n.id), "the first two matches in plan order").toEqual(
      PLAN.nodes.filter((n) => all.has(n.id)).slice(0, 2).map((n) => n.id),
    );
  });
});
