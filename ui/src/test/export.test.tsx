import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { Channel } from "@tauri-apps/api/core";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ExportMenu } from "../components/ExportMenu";
import { StatusLine } from "../components/StatusLine";
import { Toast } from "../components/Toast";
import * as ipc from "../ipc/commands";
import { StoreProvider, useStore } from "../state/store";
import { STATE } from "./fixtures";

function Harness() {
  const { state, dispatch } = useStore();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => dispatch({ type: "loaded", planState }));
  }, [dispatch]);
  if (!state.planState) return null;
  return (
    <>
      <ExportMenu />
      <StatusLine />
      <Toast />
    </>
  );
}

afterEach(() => {
  cleanup();
  clearMocks();
});

type ExportArgs = { format: string; team: string | null; onChosen: Channel<string> };

describe("export", () => {
  it("asks Rust without naming a file, shows progress once the file is chosen, and the result when it is done", async () => {
    let finish: () => void = () => {};
    let chosen: (name: string) => void = () => {};
    const sent: Omit<ExportArgs, "onChosen">[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "export_report") {
        const { onChosen, ...rest } = args as ExportArgs;
        sent.push(rest);
        chosen = (name) => onChosen.onmessage(name);
        return new Promise<string>((resolve) => (finish = () => resolve("/tmp/saved/board.pdf")));
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("export-button"));
    fireEvent.click(screen.getByTestId("export-format-pdf"));
    fireEvent.click(screen.getByTestId("export-submit"));

    await waitFor(() => expect(sent, "the page sends the format and team, never a path").toEqual([{ format: "pdf", team: null }]));
    expect(screen.queryByTestId("status-exporting"), "no progress while the user is still choosing").toBeNull();
    await act(async () => chosen("board.pdf"));
    const progress = await screen.findByTestId("status-exporting");
    expect(progress.textContent, "the status line names the file being written").toContain("board.pdf");
    expect((screen.getByTestId("export-button") as HTMLButtonElement).disabled, "no second export meanwhile").toBe(true);

    await act(async () => finish());
    await waitFor(() => expect(screen.queryByTestId("status-exporting"), "progress ends with the export").toBeNull());
    expect(screen.getByTestId("toast").textContent, "the user is told where it went").toContain("/tmp/saved/board.pdf");
    expect((screen.getByTestId("export-button") as HTMLButtonElement).disabled).toBe(false);
  });

  it("says nothing when the user cancels the save dialog", async () => {
    let answered = false;
    mockIPC((cmd) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "export_report") {
        answered = true;
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("export-button"));
    fireEvent.click(screen.getByTestId("export-submit"));
    await waitFor(() => expect(answered).toBe(true));
    await act(async () => {});
    expect(screen.queryByTestId("toast"), "a cancelled export is not an error nor a success").toBeNull();
    expect((screen.getByTestId("export-button") as HTMLButtonElement).disabled).toBe(false);
  });

  it("ends the progress and shows Rust's message when the export is refused", async () => {
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "export_report") {
        (args as ExportArgs).onChosen.onmessage("board.md");
        throw { code: "io", message: "/tmp/saved/board.md: permission denied" };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("export-button"));
    fireEvent.click(screen.getByTestId("export-submit"));
    const toast = await screen.findByTestId("toast");
    expect(toast.getAttribute("data-code")).toBe("io");
    expect(toast.textContent).toContain("permission denied");
    expect(screen.queryByTestId("status-exporting"), "no progress left behind").toBeNull();
  });
});
