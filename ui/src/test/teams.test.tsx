//! The Teams page on the sample as the core analysed it: a line's verdict is the core's orphan
//! finding, said once where the line is drawn, and dropped work is not called aligned.
import { cleanup, render, screen, within } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import * as ipc from "../ipc/commands";
import { buildIndex } from "../model/planIndex";
import { pathsUp } from "../model/throughline";
import { StoreProvider, useStore } from "../state/store";
import { TeamsView } from "../views/Teams/TeamsView";
import { FINDINGS, PLAN, SAMPLE, planState } from "./fixtures";

afterEach(() => {
  cleanup();
  clearMocks();
});

function TeamPage({ team }: { team: string }) {
  const { state, dispatch } = useStore();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => {
      dispatch({ type: "loaded", planState });
      dispatch({ type: "team", team });
    });
  }, [dispatch, team]);
  return state.planState && state.team === team ? <TeamsView /> : null;
}

async function showTeam(team: string) {
  mockIPC((cmd) => {
    if (cmd === "current_plan") return planState(SAMPLE);
    throw new Error(`unexpected ${cmd}`);
  });
  render(<StoreProvider><TeamPage team={team} /></StoreProvider>);
  return screen.findByTestId("team-summary");
}

describe("the Teams page", () => {
  it("does not call dropped work aligned and resourced", async () => {
    await showTeam("Infrastructure");
    const exchange = screen.getByTestId("team-item-I-EXCHANGE");
    expect(exchange.textContent, "the dropped initiative says it is not counted").toContain("Dropped: not counted");
    expect(exchange.textContent).not.toContain("Aligned and resourced");
    const landingZone = screen.getByTestId("team-item-I-LANDINGZONE");
    expect(
      within(landingZone).queryByTestId("team-item-broken-I-LANDINGZONE"),
      "a line the core found reaching an org goal has no verdict against it",
    ).toBeNull();
  });

  it("says an orphan's broken line once, in the core's words", async () => {
    await showTeam("Applications");
    const card = screen.getByTestId("team-item-I-CONFLUENCE");
    const broken = within(card).getByTestId("team-item-broken-I-CONFLUENCE");
    const orphan = SAMPLE.states[SAMPLE.start].analysis.findings.find((f) => f.rule === "orphan" && f.node === "I-CONFLUENCE");
    expect(orphan, "the core found I-CONFLUENCE an orphan").toBeDefined();
    expect(broken.textContent).toContain(orphan!.hint);
    expect(card.textContent!.split(orphan!.hint).length - 1, "said once, not again in the findings list").toBe(1);
    expect(card.textContent).not.toContain("Aligned and resourced");
  });
});

describe("paths up", () => {
  it("go through present nodes only", () => {
    const dropped = { ...PLAN, nodes: PLAN.nodes.map((n) => (n.id === "S1" ? { ...n, status: "dropped" as const } : n)) };
    expect(pathsUp(buildIndex(PLAN, FINDINGS), "I1"), "I1 -> S1 -> TG1 -> G1").toEqual([["I1", "S1", "TG1", "G1"]]);
    expect(pathsUp(buildIndex(dropped, FINDINGS), "I1"), "a dropped strategy carries no line").toEqual([["I1"]]);
  });
});
