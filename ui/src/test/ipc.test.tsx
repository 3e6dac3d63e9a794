import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { Edit } from "../bindings/Edit";
import { Inspector } from "../components/Inspector";
import { Toast } from "../components/Toast";
import { installMockBackend } from "../dev/mockBackend";
import * as ipc from "../ipc/commands";
import { useActions } from "../state/actions";
import { StoreProvider, useStore } from "../state/store";
import { PLAN, SMALL, STATE, recorded } from "./fixtures";

/** Loads the plan like App does, then renders the Inspector and the toast. */
function Harness({ select, onReady }: { select?: string; onReady?: (edit: (e: Edit) => void) => void }) {
  const { state, dispatch } = useStore();
  const actions = useActions();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => {
      dispatch({ type: "loaded", planState });
      if (select) dispatch({ type: "select", id: select });
    });
  }, [dispatch, select]);
  useEffect(() => onReady?.((e) => void actions.edit(e)), [actions, onReady]);
  if (!state.planState) return null;
  return (
    <>
      <span data-testid="link-count">{state.planState.plan.links.length}</span>
      <Inspector />
      <Toast />
    </>
  );
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("edits through IPC, answered as the core recorded them", () => {
  it("shows Rust's message in a toast with the error code when an edit is refused, and changes nothing", async () => {
    installMockBackend(SMALL);
    let edit: ((e: Edit) => void) | undefined;
    render(<StoreProvider><Harness onReady={(e) => (edit = e)} /></StoreProvider>);
    await screen.findByTestId("link-count");
    const goalUnderGoal = recorded(SMALL, "put G2 under G1");
    const loop = recorded(SMALL, "close a loop");
    await act(async () => edit!(goalUnderGoal.edit));
    await waitFor(() => expect(screen.getByTestId("link-count").textContent, "G2 now supports G1").toBe(String(PLAN.links.length + 1)));
    await act(async () => edit!(loop.edit));
    const toast = await screen.findByTestId("toast");
    expect(toast.getAttribute("data-code"), "the toast carries the AppError code").toBe("loop");
    expect(toast.textContent, "the toast shows Rust's message").toContain(loop.refusal!.message);
    expect(screen.getByTestId("link-count").textContent, "the plan is unchanged").toBe(String(PLAN.links.length + 1));
  });

  it("toasts every refusal the core recorded with its own code and message", async () => {
    installMockBackend(SMALL);
    let edit: ((e: Edit) => void) | undefined;
    render(<StoreProvider><Harness onReady={(e) => (edit = e)} /></StoreProvider>);
    await screen.findByTestId("link-count");
    const refusals = SMALL.edits.filter((tried) => tried.from === SMALL.start && tried.refusal);
    expect(refusals.length, "the recording refuses edits of many kinds").toBeGreaterThan(5);
    for (const tried of refusals) {
      await act(async () => edit!(tried.edit));
      await waitFor(() => expect(screen.getByTestId("toast").textContent, tried.name).toContain(tried.refusal!.message));
      expect(screen.getByTestId("toast").getAttribute("data-code"), tried.name).toBe(tried.refusal!.code);
    }
    expect(screen.getByTestId("link-count").textContent, "no refusal changed the plan").toBe(String(PLAN.links.length));
  });

  it("commits a title edit on Enter as the update_node the core accepted", async () => {
    const engine = installMockBackend(SMALL);
    render(<StoreProvider><Harness select="S1" /></StoreProvider>);
    const renamed = "Shift left, for real";
    await screen.findByTestId("inspector-title");
    // The inspector may still be settling on the selection; type until the field holds it.
    const title = () => screen.getByTestId("inspector-title") as HTMLInputElement;
    await waitFor(() => {
      if (title().value !== renamed) fireEvent.change(title(), { target: { value: renamed } });
      expect(title().value).toBe(renamed);
    });
    fireEvent.keyDown(title(), { key: "Enter" });
    // The replay answers only the exact edit the core was given: the whole node, new title.
    await waitFor(() => expect(engine.plan.nodes.find((n) => n.id === "S1")?.title, "renamed").toBe("Shift left, for real"));
    expect(screen.queryByTestId("toast"), "nothing was refused").toBeNull();
  });

  it("marks a node reviewed by adding an entry dated the PlanState's as-of date to its review log", async () => {
    const engine = installMockBackend(SMALL);
    render(<StoreProvider><Harness select="G1" /></StoreProvider>);
    fireEvent.change(await screen.findByTestId("review-audience"), { target: { value: "Board" } });
    fireEvent.click(screen.getByTestId("mark-reviewed"));
    await waitFor(() =>
      expect(engine.plan.nodes.find((n) => n.id === "G1")?.reviews, "one entry, blank note left out").toEqual([{ date: SMALL.as_of, audience: "Board" }]),
    );
    await waitFor(() => expect(screen.getAllByTestId("review-entry").map((e) => e.textContent), "newest first, the old date kept").toEqual([`${SMALL.as_of}Board`, "2026-11-01Reviewed"]));
    expect(screen.getByTestId<HTMLInputElement>("review-audience").value, "the fields clear for the next entry").toBe("");
  });

  it("adds an allocation from the inspector's link form with its amount", async () => {
    const engine = installMockBackend(SMALL);
    render(<StoreProvider><Harness select="R2" /></StoreProvider>);
    fireEvent.change(await screen.findByTestId("link-add-target"), { target: { value: "I1" } });
    fireEvent.mouseDown(await screen.findByTestId("link-option-I1"));
    fireEvent.change(screen.getByTestId("link-add-amount"), { target: { value: "25" } });
    fireEvent.click(screen.getByTestId("link-add-submit"));
    await screen.findByTestId("link-row-allocates-R2-I1");
    expect(engine.plan.links.find((l) => l.from === "R2" && l.to === "I1"), "the allocation is in the plan").toEqual({
      kind: "allocates", from: "R2", to: "I1", amount: 25,
    });
  });

  it("refuses an edit the core never answered, rather than guess", () => {
    const engine = installMockBackend(SMALL);
    expect(() => engine.apply({ op: "remove_node", id: "I2" }), "not recorded").toThrow();
    try {
      engine.apply({ op: "remove_node", id: "I2" });
    } catch (error) {
      expect((error as { code: string }).code).toBe("internal");
    }
    expect(engine.plan, "nothing changed").toBe(PLAN);
  });
});

describe("the start plan", () => {
  it("is asked for once before React renders and handed to the first taker only", async () => {
    let asked = 0;
    mockIPC((cmd) => {
      if (cmd === "current_plan") {
        asked++;
        return STATE;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    ipc.prefetchStartPlan();
    expect(asked, "the request goes out at once").toBe(1);
    expect((await ipc.startPlan()).path, "the first taker gets the prefetched plan").toBe(STATE.path);
    expect(asked, "taking it sends nothing new").toBe(1);
    await ipc.startPlan();
    expect(asked, "a later taker asks again rather than reuse a stale plan").toBe(2);
  });
});
