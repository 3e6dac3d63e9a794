import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { FileMenu } from "../components/FileMenu";
import { Toast } from "../components/Toast";
import * as ipc from "../ipc/commands";
import type { PlanState } from "../ipc/types";
import { StoreProvider, useStore } from "../state/store";
import { PLAN, STATE } from "./fixtures";

/** Loads the plan like App does, then renders the File menu, the open plan's path and the toast. */
function Harness() {
  const { state, dispatch } = useStore();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => dispatch({ type: "loaded", planState }));
  }, [dispatch]);
  if (!state.planState) return null;
  return (
    <>
      <span data-testid="open-path">{state.planState.path}</span>
      <FileMenu />
      <Toast />
    </>
  );
}

const RECENT = ["/plans/test.throughline", "/plans/q3.throughline", "/plans/board.throughline"];
const START: PlanState = { ...STATE, recent: RECENT };
const stateAt = (path: string): PlanState => ({ ...START, path, plan: { ...PLAN, name: path } });

/** Records every command and its arguments; `answers` gives what each command returns. */
function backend(answers: Record<string, (args: unknown) => unknown>) {
  const sent: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "current_plan") return START;
    sent.push({ cmd, args });
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected ${cmd}`);
    return answer(args);
  });
  return sent;
}

async function choose(item: string) {
  fireEvent.click(await screen.findByTestId("file-menu-button"));
  fireEvent.click(screen.getByTestId(item));
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("the File menu", () => {
  it("asks Rust to open without naming a file, and says when a JSON plan was imported", async () => {
    const sent = backend({
      open_plan: () => ({ state: stateAt("/plans/saved/board.throughline"), imported_from: "/plans/board.json" }),
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    await choose("file-open");
    await waitFor(() => expect(screen.getByTestId("open-path").textContent).toBe("/plans/saved/board.throughline"));
    expect(sent, "the page names no path").toEqual([{ cmd: "open_plan", args: {} }]);
    expect(screen.getByTestId("toast").textContent).toContain("Imported /plans/board.json into /plans/saved/board.throughline");
  });

  it("imports without naming a file, opens the new plan and shows the summary until OK", async () => {
    const sent = backend({
      import_plan: () => ({
        state: stateAt("/plans/saved/model.throughline"),
        imported_from: "/plans/model.xml",
        summary: ["Imported \"Model\" (ArchiMate 3.1):", "Elements:", "  Goal: 2 org_goal", "Skipped: 1", "  negative influence"],
      }),
      save_spreadsheet_template: () => "/plans/saved/throughline-template.xlsx",
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    await choose("file-import");
    const dialog = await screen.findByTestId("import-summary");
    expect(sent, "the page names no path").toEqual([{ cmd: "import_plan", args: {} }]);
    expect(screen.getByTestId("open-path").textContent).toBe("/plans/saved/model.throughline");
    expect(dialog.querySelector("h2")?.textContent).toBe("Imported model.xml");
    const details = [...dialog.querySelectorAll("li.detail")].map((item) => item.textContent);
    expect(details, "indented lines are the details of the line above").toEqual(["Goal: 2 org_goal", "negative influence"]);
    fireEvent.click(screen.getByTestId("import-summary-ok"));
    expect(screen.queryByTestId("import-summary")).toBeNull();

    await choose("file-save-template");
    await waitFor(() => expect(screen.getByTestId("toast").textContent).toContain("template saved to /plans/saved/throughline-template.xlsx"));
  });

  it("keeps the open plan and stays quiet when the user cancels a dialog", async () => {
    const sent = backend({
      open_plan: () => null, new_plan: () => null, save_plan_as: () => null, import_plan: () => null, save_spreadsheet_template: () => null,
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    for (const item of ["file-open", "file-new", "file-save-as", "file-import", "file-save-template"]) {
      await choose(item);
    }
    await waitFor(() => expect(sent.map((s) => s.cmd)).toEqual(["open_plan", "new_plan", "save_plan_as", "import_plan", "save_spreadsheet_template"]));
    expect(screen.queryByTestId("import-summary"), "a cancelled import shows no summary").toBeNull();
    await act(async () => {});
    expect(sent.every((s) => Object.keys(s.args ?? {}).length === 0), "no command carries a path").toBe(true);
    expect(screen.getByTestId("open-path").textContent, "the plan stays open").toBe(START.path);
    expect(screen.queryByTestId("toast"), "a cancelled dialog is neither an error nor a success").toBeNull();
  });

  it("opens a recent plan by its index in Rust's list, not by its path", async () => {
    const sent = backend({ open_recent: (args) => stateAt(RECENT[(args as { index: number }).index]) });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("file-menu-button"));
    expect(screen.queryByTestId("file-recent-0"), "the open plan is not offered as a recent one").toBeNull();
    fireEvent.click(screen.getByTestId("file-recent-2"));
    await waitFor(() => expect(screen.getByTestId("open-path").textContent).toBe("/plans/board.throughline"));
    expect(sent).toEqual([{ cmd: "open_recent", args: { index: 2 } }]);
  });

  it("shows Rust's refusal when a recent plan is gone", async () => {
    backend({
      open_recent: () => {
        throw { code: "io", message: "/plans/q3.throughline: No such file or directory" };
      },
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("file-menu-button"));
    fireEvent.click(screen.getByTestId("file-recent-1"));
    const toast = await screen.findByTestId("toast");
    expect(toast.getAttribute("data-code")).toBe("io");
    expect(screen.getByTestId("open-path").textContent).toBe(START.path);
  });
});
