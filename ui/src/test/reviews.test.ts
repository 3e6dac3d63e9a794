import { describe, expect, it } from "vitest";
import type { Node } from "../bindings/Node";
import { withWhy } from "../model/reviews";

const goal: Node = { id: "G9", kind: "org_goal", title: "Grow", status: "active" };

describe("writing a why", () => {
  it("gives a never-reviewed node its first review on the day the why is written", () => {
    expect(withWhy(goal, "Growth funds the roadmap", "2026-11-23")).toEqual({
      ...goal,
      why: "Growth funds the roadmap",
      reviews: [{ date: "2026-11-23", note: "Why written" }],
    });
  });
  it("adds no review to a node already reviewed, or when the why only changes", () => {
    const reviewed = { ...goal, last_reviewed: "2026-01-05" };
    expect(withWhy(reviewed, "Because", "2026-11-23").reviews).toBeUndefined();
    const explained = { ...goal, why: "Old reason" };
    expect(withWhy(explained, "New reason", "2026-11-23").reviews).toBeUndefined();
  });
  it("removes a blank why and adds nothing", () => {
    expect(withWhy({ ...goal, why: "x" }, "  ", "2026-11-23")).toEqual({ ...goal, why: undefined });
  });
});
