import { describe, expect, it } from "vitest";
import { answerBetween } from "../dev/replay";
import type { Recording } from "../dev/replay";
import { buildIndex, updateIndex, type PlanIndex } from "../model/planIndex";
import { applyEditAnswer } from "../state/editAnswer";
import { initialState, reducer } from "../state/store";
import { RESOURCES, SAMPLE, SMALL, planState } from "./fixtures";

/** The index with plan order as ranks (an update numbers new nodes on, a build from 0). */
function comparable(index: PlanIndex) {
  const ranked = [...index.order].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const sorted = <V>(map: ReadonlyMap<string, V>) => new Map([...map].sort((a, b) => a[0].localeCompare(b[0])));
  return {
    ...index,
    order: ranked,
    nextOrder: undefined,
    nodes: sorted(index.nodes),
    up: sorted(index.up),
    down: sorted(index.down),
    allocationsFrom: sorted(index.allocationsFrom),
    allocationsTo: sorted(index.allocationsTo),
    findings: sorted(index.findings),
    teamCounts: sorted(index.teamCounts),
    ownerCounts: sorted(index.ownerCounts),
  };
}

describe("the index updated by an edit's answer", () => {
  it("equals the index built anew, for every recorded edit and its undo", () => {
    let checked = 0;
    for (const recording of [SMALL, SAMPLE, RESOURCES] as Recording[]) {
      for (const edit of recording.edits.filter((tried) => tried.answer)) {
        const before = planState(recording, recording.states[edit.from]);
        const after = planState(recording, recording.states[edit.answer!]);
        for (const [from, to, name] of [[before, after, edit.name], [after, before, `undo of ${edit.name}`]] as const) {
          const answer = answerBetween(from, to);
          const applied = applyEditAnswer(from, answer);
          const updated = updateIndex(buildIndex(from.plan, from.analysis.findings), answer.plan, answer.findings);
          expect(comparable(updated), name).toEqual(comparable(buildIndex(applied.plan, applied.analysis.findings)));
          checked++;
        }
      }
    }
    expect(checked, "recorded edits to check").toBeGreaterThanOrEqual(10);
  });

  it("equals the index built anew when a node goes with its links, findings and team, and comes back", () => {
    const before = planState(SMALL);
    const gone = before.plan.nodes.find((n) => (before.plan.links.some((l) => l.from === n.id) && before.plan.links.some((l) => l.to === n.id)))!;
    const after = {
      ...before,
      plan: {
        ...before.plan,
        nodes: [...before.plan.nodes.filter((n) => n.id !== gone.id), { id: "NEW", kind: "initiative" as const, title: "New", status: "active" as const, team: "Brand new team" }],
        links: before.plan.links.filter((l) => l.from !== gone.id && l.to !== gone.id),
      },
      analysis: { ...before.analysis, findings: before.analysis.findings.filter((f) => f.node !== gone.id) },
    };
    for (const [from, to] of [[before, after], [after, before]]) {
      const answer = answerBetween(from, to);
      const applied = applyEditAnswer(from, answer);
      const updated = updateIndex(buildIndex(from.plan, from.analysis.findings), answer.plan, answer.findings);
      expect(comparable(updated)).toEqual(comparable(buildIndex(applied.plan, applied.analysis.findings)));
    }
    const answer = answerBetween(before, after);
    expect(updateIndex(buildIndex(before.plan, before.analysis.findings), answer.plan, answer.findings).teams).toContain("Brand new team");
  });

  it("leaves the index it was given as it was, and shares what an edit did not touch", () => {
    const edit = SMALL.edits.find((tried) => tried.answer && tried.edit.op === "update_node")!;
    const before = planState(SMALL, SMALL.states[edit.from]);
    const answer = answerBetween(before, planState(SMALL, SMALL.states[edit.answer!]));
    const index = buildIndex(before.plan, before.analysis.findings);
    const snapshot = comparable(index);
    const updated = updateIndex(index, answer.plan, answer.findings);
    expect(comparable(index), "the old index unchanged").toEqual(snapshot);
    expect(updated.up, "a field edit leaves the links' maps shared").toBe(index.up);
    expect(updated.nodes).not.toBe(index.nodes);
  });

  it("bumps the structure version only when the answer says the structure changed", () => {
    const loaded = reducer(initialState, { type: "loaded", planState: planState(SMALL) });
    const field = SMALL.edits.find((tried) => tried.answer && tried.edit.op === "update_node")!;
    const added = SMALL.edits.find((tried) => tried.answer && tried.edit.op === "add_link")!;
    const answerOf = (edit: typeof field) =>
      answerBetween(planState(SMALL, SMALL.states[edit.from]), planState(SMALL, SMALL.states[edit.answer!]));
    const afterField = reducer(loaded, { type: "edited", answer: answerOf(field) });
    expect(afterField.structureVersion).toBe(loaded.structureVersion);
    const afterAdd = reducer(loaded, { type: "edited", answer: answerOf(added) });
    expect(afterAdd.structureVersion).toBe(loaded.structureVersion + 1);
    const link = (added.edit as { link: { from: string; to: string } }).link;
    expect(afterAdd.index!.allocationsFrom.get(link.from)?.some((l) => l.to === link.to) ?? afterAdd.index!.up.get(link.from)?.includes(link.to)).toBe(true);
  });
});
