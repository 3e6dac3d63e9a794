import { describe, expect, it } from "vitest";
import { answerBetween } from "../dev/replay";
import { buildIndex } from "../model/planIndex";
import { applyEditAnswer } from "../state/editAnswer";
import { initialState, reducer } from "../state/store";
import { SMALL, planState, recorded } from "./fixtures";
import type { PlanState } from "../ipc/types";

/** The state with its lists in one order: an answer appends what is new. */
function inOrder(state: PlanState) {
  const by = <T>(key: (item: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
  return {
    ...state,
    plan: {
      ...state.plan,
      nodes: [...state.plan.nodes].sort(by((n) => n.id)),
      links: [...state.plan.links].sort(by((l) => `${l.kind}|${l.from}|${l.to}`)),
    },
    analysis: { ...state.analysis, findings: [...state.analysis.findings].sort(by((f) => `${f.rule}|${f.node}`)) },
  };
}

describe("an edit's answer applied to the state held", () => {
  it("gives the state the core answered, for every edit recorded, and back again", () => {
      const recording = SMALL;
      const answered = recording.edits.filter((edit) => edit.answer);
      expect(answered.length, "the recording holds answered edits").toBeGreaterThan(0);
      for (const edit of answered) {
        const before = planState(recording, recording.states[edit.from]);
        const after = planState(recording, recording.states[edit.answer!]);
        expect(inOrder(applyEditAnswer(before, answerBetween(before, after))), edit.name).toEqual(inOrder(after));
        expect(inOrder(applyEditAnswer(after, answerBetween(after, before))), `undo of ${edit.name}`).toEqual(inOrder(before));
      }
  });

  it("keeps every untouched node, link and finding where it was, the very same object", () => {
    const edit = SMALL.edits.find((tried) => tried.answer && tried.edit.op === "update_node")!;
    const before = planState(SMALL, SMALL.states[edit.from]);
    const after = applyEditAnswer(before, answerBetween(before, planState(SMALL, SMALL.states[edit.answer!])));
    expect(after.plan.nodes.map((n) => n.id)).toEqual(before.plan.nodes.map((n) => n.id));
    const untouched = before.plan.nodes.filter((n) => n.id !== (edit.edit as { node: { id: string } }).node.id);
    for (const node of untouched) expect(after.plan.nodes).toContain(node);
  });

  it("keeps the order of what stays, with what is new at the end, for every recorded edit", () => {
    const ids = (state: PlanState) => ({
      nodes: state.plan.nodes.map((n) => n.id),
      links: state.plan.links.map((l) => `${l.kind}|${l.from}|${l.to}`),
      findings: state.analysis.findings.map((f) => `${f.rule}|${f.node}`),
    });
    for (const edit of SMALL.edits.filter((tried) => tried.answer)) {
      const before = planState(SMALL, SMALL.states[edit.from]);
      const answer = answerBetween(before, planState(SMALL, SMALL.states[edit.answer!]));
      const applied = applyEditAnswer(before, answer);
      expect(applyEditAnswer(before, answer, buildIndex(before.plan, before.analysis.findings)), `${edit.name}: found through the index`)
        .toEqual(applied);
      const after = ids(applied);
      const was = ids(before);
      for (const list of ["nodes", "links", "findings"] as const) {
        const stayed = was[list].filter((key) => after[list].includes(key));
        const added = after[list].filter((key) => !was[list].includes(key));
        expect(after[list], `${edit.name}: ${list}`).toEqual([...stayed, ...added]);
      }
    }
  });

  it("forgets the selection when the selected node is removed, and keeps it otherwise", () => {
    const before = planState(SMALL);
    const [removed, other] = before.plan.nodes;
    const after: PlanState = {
      ...before,
      plan: {
        ...before.plan,
        nodes: before.plan.nodes.filter((n) => n !== removed),
        links: before.plan.links.filter((l) => l.from !== removed.id && l.to !== removed.id),
      },
    };
    const answer = answerBetween(before, after);
    const held = (selected: string) => ({ ...initialState, planState: before, selected });
    expect(reducer(held(removed.id), { type: "edited", answer }).selected).toBeNull();
    expect(reducer(held(other.id), { type: "edited", answer }).selected).toBe(other.id);
    expect(answer.plan.structure_changed, "a removal changes the structure").toBe(true);
  });

  it("says a rename leaves the structure (and so the layout) as it was", () => {
    const rename = recorded(SMALL, SMALL.edits.find((tried) => tried.answer && tried.edit.op === "update_node")!.name);
    const before = planState(SMALL, SMALL.states[rename.from]);
    const answer = answerBetween(before, planState(SMALL, SMALL.states[rename.answer!]));
    expect(answer.plan.structure_changed).toBe(false);
  });
});
