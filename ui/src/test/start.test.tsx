import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { StartProblem } from "../components/StartProblem";
import { StatusLine } from "../components/StatusLine";
import * as ipc from "../ipc/commands";
import { toAppError } from "../ipc/types";
import { StoreProvider, useStore } from "../state/store";
import { STATE } from "./fixtures";

/** Starts as App does, and shows what App shows around the map: the start problem, or the status line. */
function Harness() {
  const { state, dispatch } = useStore();
  useEffect(() => {
    ipc.currentPlan().then(
      (planState) => dispatch({ type: "loaded", planState }),
      (error) => dispatch({ type: "load_failed", error: toAppError(error) }),
    );
  }, [dispatch]);
  if (state.planState) return <div data-testid="app-ready"><StatusLine /></div>;
  return state.loadError ? <StartProblem error={state.loadError} /> : null;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

/** The start plan is refused with `error`; every other command is recorded and answered. */
function refusedAtStart(error: { code: string; message: string }, answers: Record<string, () => unknown>) {
  const sent: string[] = [];
  mockIPC((cmd) => {
    if (cmd === "current_plan") throw error;
    sent.push(cmd);
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected ${cmd}`);
    return answer();
  });
  return sent;
}

describe("a plan that could not be opened at start", () => {
  it("held by another window: says so and opens it read-only on request", async () => {
    const sent = refusedAtStart(
      { code: "plan_in_use", message: "plan.throughline: this plan is open for editing in another Throughline window (process 42) since 09:15" },
      { open_read_only: () => ({ ...STATE, read_only: true }) },
    );
    render(<StoreProvider><Harness /></StoreProvider>);
    expect(await screen.findByText("This plan is open somewhere else")).toBeTruthy();
    expect(screen.getByTestId("start-problem-message").textContent).toContain("since 09:15");
    fireEvent.click(screen.getByTestId("open-read-only"));
    await screen.findByTestId("app-ready");
    expect(sent).toEqual(["open_read_only"]);
    expect(screen.getByTestId("status-read-only").textContent).toContain("Read-only");
    expect(screen.queryByTestId("status-saved")).toBeNull();
  });

  it("damaged or missing: no read-only offer, but Open, New and the sample", async () => {
    const sent = refusedAtStart(
      { code: "corrupt", message: "plan.throughline: the plan file is damaged (it is cut short)" },
      { open_sample: () => STATE },
    );
    render(<StoreProvider><Harness /></StoreProvider>);
    expect(await screen.findByText("The plan could not be opened")).toBeTruthy();
    expect(screen.queryByTestId("open-read-only")).toBeNull();
    expect(screen.getByTestId("start-open")).toBeTruthy();
    expect(screen.getByTestId("start-new")).toBeTruthy();
    fireEvent.click(screen.getByTestId("start-sample"));
    await waitFor(() => expect(screen.getByTestId("status-saved")).toBeTruthy());
    expect(sent).toEqual(["open_sample"]);
  });
});
