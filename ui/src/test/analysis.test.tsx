//! What the UI shows of the analysis, on answers recorded from the core: the score reads as the
//! core shows it, the gauge is never green above errors, and a resource is red only when the
//! analysis found it over-allocated.
import { cleanup, render, screen } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ScoreGauge } from "../components/ScoreGauge";
import type { Recording } from "../dev/replay";
import * as ipc from "../ipc/commands";
import { StoreProvider, useStore } from "../state/store";
import { ResourcesView } from "../views/Resources/ResourcesView";
import { RESOURCES, SAMPLE, SMALL, planState } from "./fixtures";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("the score gauge", () => {
  const states = [SAMPLE, SMALL, RESOURCES].flatMap((recording) =>
    Object.entries(recording.states).map(([name, state]) => ({ name, state })),
  );

  it.each(states)("reads as the core shows it: $name", ({ state }) => {
    render(<ScoreGauge summary={state.analysis.summary} countsText={state.score_counts_text} onOpenFindings={() => undefined} />);
    expect(state.score_text, "the recording carries the core's text").toBeTruthy();
    expect(screen.getByTestId("score-text").textContent, "the percentage rounded down, as the core has it").toBe(state.score_text);
  });

  it("is not green when the plan has errors, even at 100%", () => {
    const summary = RESOURCES.states.start.analysis.summary;
    expect(summary.aligned, "every goal and initiative is aligned").toBe(summary.scored);
    expect(summary.error, "but a resource is over-allocated").toBeGreaterThan(0);
    render(<ScoreGauge summary={summary} countsText={RESOURCES.states.start.score_counts_text} onOpenFindings={() => undefined} />);
    expect(screen.getByTestId("score-text").textContent).toBe("100%");
    expect(screen.getByTestId("score-gauge").getAttribute("data-tone"), "an error keeps the gauge from looking healthy").not.toBe("good");
  });

  it("counts the findings that stand: accepted errors leave the count and the colour, not the score", () => {
    const summary = RESOURCES.states.start.analysis.summary;
    const accepted = { error: summary.error, warning: 0, info: 0 };
    render(<ScoreGauge summary={summary} countsText={RESOURCES.states.start.score_counts_text} accepted={accepted}
      onOpenFindings={() => undefined} />);
    expect(screen.getByTestId("count-error").textContent?.match(/\d+/)?.[0], "no error stands once all are accepted").toBe("0");
    expect(screen.getByTestId("count-error").getAttribute("title"), "the tooltip says they are accepted").toContain(
      `${summary.error} accepted`,
    );
    expect(screen.getByTestId("score-text").textContent, "the score keeps the accepted gap").toBe("100%");
    expect(screen.getByTestId("score-gauge").getAttribute("data-tone"), "only accepted errors: the gauge may be green").toBe("good");
  });
});

function Loaded({ recording }: { recording: Recording }) {
  const { state, dispatch } = useStore();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => dispatch({ type: "loaded", planState }));
  }, [dispatch, recording]);
  return state.planState ? <ResourcesView /> : null;
}

describe("the resources view", () => {
  it("draws a bar red only where the analysis found over-allocation", async () => {
    mockIPC((cmd) => {
      if (cmd === "current_plan") return planState(RESOURCES);
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Loaded recording={RESOURCES} /></StoreProvider>);
    const over = await screen.findByTestId("resource-row-R-over");
    expect(over.classList.contains("over"), "R-over has an over_allocated finding").toBe(true);
    const droppedWork = screen.getByTestId("resource-row-R-dropped-work");
    expect(droppedWork.classList.contains("over"), "work that was dropped takes no capacity").toBe(false);
    expect(droppedWork.textContent, "60 of 100 days: the dropped initiative's 80 are not counted").toContain("60 days");
    expect(
      screen.getByTestId("resource-row-R-decimal").classList.contains("over"),
      "0.1 + 0.2 against a capacity of 0.3 is not over, as the core judges",
    ).toBe(false);
  });
});
