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
import { PLAN, STATE } from "./fixtures";

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

describe("edits through IPC", () => {
  it("shows Rust's message in a toast with the error code when an edit is refused, and changes nothing", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "apply_edit") {
        sent.push(args);
        throw { code: "loop", message: 'The link would close a loop: "G1" -> "TG1" -> "G1".' };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    let edit: ((e: Edit) => void) | undefined;
    render(<StoreProvider><Harness onReady={(e) => (edit = e)} /></StoreProvider>);
    await screen.findByTestId("link-count");
    await act(async () => edit!({ op: "add_link", link: { kind: "supports", from: "G1", to: "TG1" } }));
    const toast = await screen.findByTestId("toast");
    expect(toast.getAttribute("data-code"), "the toast carries the AppError code").toBe("loop");
    expect(toast.textContent, "the toast shows Rust's message").toContain("would close a loop");
    expect(sent, "the edit went to apply_edit as {edit}").toEqual([
      { edit: { op: "add_link", link: { kind: "supports", from: "G1", to: "TG1" } } },
    ]);
    expect(screen.getByTestId("link-count").textContent, "the plan is unchanged").toBe(String(PLAN.links.length));
  });

  it("commits a title edit on Enter as update_node with the whole node", async () => {
    const sent: Edit[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "apply_edit") {
        const edit = (args as { edit: Edit }).edit;
        sent.push(edit);
        return { ...STATE, plan: { ...PLAN, nodes: PLAN.nodes.map((n) => (n.id === "S1" && edit.op === "update_node" ? edit.node : n)) } };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness select="S1" /></StoreProvider>);
    const title = (await screen.findByTestId("inspector-title")) as HTMLInputElement;
    fireEvent.change(title, { target: { value: "Shift left, for real" } });
    fireEvent.keyDown(title, { key: "Enter" });
    await waitFor(() => expect(sent.length, "one edit sent").toBe(1));
    expect(sent[0], "the full node with the new title").toEqual({
      op: "update_node",
      node: { ...PLAN.nodes[3], title: "Shift left, for real" },
    });
  });

  it("marks a node reviewed on the as-of date of the PlanState", async () => {
    const engine = installMockBackend(structuredClone(PLAN), { asOf: "2026-11-23" });
    render(<StoreProvider><Harness select="G1" /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("mark-reviewed"));
    await waitFor(() => expect(engine.plan.nodes.find((n) => n.id === "G1")?.last_reviewed, "set to as_of").toBe("2026-11-23"));
  });

  it("adds an allocation from the inspector's link form with its amount", async () => {
    const engine = installMockBackend(structuredClone(PLAN));
    render(<StoreProvider><Harness select="R2" /></StoreProvider>);
    fireEvent.change(await screen.findByTestId("link-add-target"), { target: { value: "I1" } });
    fireEvent.change(screen.getByTestId("link-add-amount"), { target: { value: "25" } });
    fireEvent.click(screen.getByTestId("link-add-submit"));
    await screen.findByTestId("link-row-allocates-R2-I1");
    expect(engine.plan.links.find((l) => l.from === "R2" && l.to === "I1"), "the allocation is in the plan").toEqual({
      kind: "allocates", from: "R2", to: "I1", amount: 25,
    });
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
