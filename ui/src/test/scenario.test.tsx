import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { DiffReading } from "../bindings/DiffReading";
import type { EditAnswer } from "../bindings/EditAnswer";
import { ScenarioBar } from "../components/ScenarioBar";
import type { PlanState } from "../ipc/types";
import { applyEditAnswer } from "../state/editAnswer";
import { StoreProvider } from "../state/store";
import { STATE } from "./fixtures";

/** A scenario's difference as Rust words it (the wording is the core's; the UI only lays it out). */
const READING: DiffReading = {
  old_label: "the plan",
  new_label: "the scenario",
  old_as_of: "2026-11-23",
  new_as_of: "2026-11-23",
  score_before: "62%",
  score_after: "55%",
  score_sentence: "The alignment score went from 62% to 55%: 18 of 29 aligned, then 16 of 29.",
  counts_sentence: "Findings: 1 error, 2 warnings, 0 info before, 2 errors, 2 warnings, 0 info after.",
  sections: [{ heading: "Nodes removed", lines: ["Initiative “Portal” (active)."] }],
  support_lost: ["No strategy or initiative works toward the team goal “Self-service”."],
  support_gained: [],
  over_allocations_created: [],
  over_allocations_cleared: [],
  findings_appeared: 1,
  findings_resolved: 0,
  passes_gate: false,
  gate_sentence: "1 new error finding in the scenario that the plan did not have.",
  marks: {},
  is_empty: false,
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("a scenario in progress", () => {
  it("keeps the difference Rust sent with each edit, and drops it when an edit is to the plan", () => {
    const answer = (scenario: DiffReading | null): EditAnswer => ({
      plan: { upserted_nodes: [], removed_nodes: [], upserted_links: [], removed_links: [], allocated: {}, accepted: null, settings: null, structure_changed: false },
      findings: { removed: [], upserted: [], summary: STATE.analysis.summary },
      score_counts_text: STATE.score_counts_text,
      can_undo: true,
      can_redo: false,
      as_of: STATE.as_of,
      scenario,
    });
    const during = applyEditAnswer(STATE, answer(READING));
    expect(during.scenario?.score_after).toBe("55%");
    expect(applyEditAnswer(during, answer(null)).scenario).toBeNull();
  });

  it("shows the score before and after and what a leader asks first, and discards only once confirmed", async () => {
    const asked: string[] = [];
    const shown: PlanState = { ...STATE, scenario: READING };
    mockIPC((cmd) => {
      asked.push(cmd);
      if (cmd === "discard_scenario") return { ...STATE, scenario: null };
      throw { code: "internal", message: `unexpected ${cmd}` };
    });
    render(<StoreProvider initial={{ planState: shown }}><ScenarioBar /></StoreProvider>);
    expect(screen.getByTestId("scenario-score").textContent).toBe("62% in the plan, 55% here");
    expect(screen.getByTestId("scenario-summary").textContent).toContain("1 finding appeared, 0 resolved; 1 goal loses support");
    fireEvent.click(screen.getByTestId("scenario-details"));
    expect(screen.getByTestId("impact-support-lost").textContent).toContain("“Self-service”");
    expect(screen.getByTestId("scenario-panel").textContent).toContain("Initiative “Portal” (active).");
    fireEvent.click(screen.getByTestId("scenario-discard"));
    expect(asked, "nothing is discarded before the leader confirms").toEqual([]);
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(asked).toEqual(["discard_scenario"]));
    await waitFor(() => expect(screen.queryByTestId("scenario-bar")).toBeNull());
  });
});
