import { describe, expect, it } from "vitest";
import { briefingSteps, recordBriefing, review } from "../model/briefing";
import { buildIndex } from "../model/planIndex";
import { SAMPLE } from "./fixtures";

const start = SAMPLE.states[SAMPLE.start];
const index = buildIndex(start.plan, start.analysis.findings);
const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe("briefing step order", () => {
  it("walks a team's briefing from the org goals down, depth first, each node once", () => {
    const steps = briefingSteps(index, { team: "Infrastructure" });
    expect(ids(steps), "org goals first, then down each throughline; the dropped Exchange upgrade is left out").toEqual([
      "G-SERVICE", "TG-AVAIL", "S-OBSERVE", "I-MONITORING", "TG-RECOVERY",
      "G-COST", "TG-DCEXIT", "S-CLOUD", "I-LANDINGZONE", "I-MIGRATE", "S-FINOPS", "I-TAGGING",
    ]);
    expect(steps[3].trail, "the trail runs from the org goal down to the step").toEqual(["G-SERVICE", "TG-AVAIL", "S-OBSERVE", "I-MONITORING"]);
  });

  it("from one node, shows the line above it and the work below it", () => {
    expect(ids(briefingSteps(index, { node: "S-ZEROTRUST" }))).toEqual(["G-SECURE", "TG-MFA", "S-ZEROTRUST", "I-FIDO2", "I-PAM"]);
  });

  it("from an org goal, shows everything under it", () => {
    expect(ids(briefingSteps(index, { node: "G-SECURE" }))).toEqual([
      "G-SECURE", "TG-MFA", "S-ZEROTRUST", "I-FIDO2", "I-PAM", "TG-PATCH", "S-VULNMGMT", "I-SCANNING",
    ]);
  });

  it("an unknown team or node has nothing to show", () => {
    expect(briefingSteps(index, { team: "Nobody" })).toEqual([]);
    expect(briefingSteps(index, { node: "I-EXCHANGE" }), "dropped work is not briefed").toEqual([]);
  });
});

describe("recording a briefing", () => {
  it("is one batch adding the review to every goal and strategy shown, not to initiatives", () => {
    const steps = briefingSteps(index, { node: "S-ZEROTRUST" });
    const entry = review("2026-11-23", "  Security team ", "");
    expect(entry, "blank fields are left out, text is trimmed").toEqual({ date: "2026-11-23", audience: "Security team" });
    const edit = recordBriefing(index, steps, entry);
    if (edit.op !== "batch") throw new Error("a batch");
    expect(edit.edits.map((e) => (e.op === "update_node" ? e.node.id : e.op))).toEqual(["G-SECURE", "TG-MFA", "S-ZEROTRUST"]);
    const goal = edit.edits[0];
    if (goal.op !== "update_node") throw new Error("an update");
    const earlier = start.plan.nodes.find((n) => n.id === "G-SECURE")?.reviews ?? [];
    expect(earlier.length, "the sample logs earlier reviews of this goal").toBeGreaterThan(0);
    expect(goal.node.reviews, "appended after the earlier entries").toEqual([...earlier, entry]);
    expect(goal.node.last_reviewed, "the rest of the node is unchanged").toBe("2026-10-06");
  });
});
