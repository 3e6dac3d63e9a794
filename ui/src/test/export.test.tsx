import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ExportMenu } from "../components/ExportMenu";
import { StatusLine } from "../components/StatusLine";
import { Toast } from "../components/Toast";
import { withExtension } from "../ipc/dialogs";
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

describe("export", () => {
  it("shows progress while Rust writes the report, and the result when it is done", async () => {
    let finish: () => void = () => {};
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "test_save_path") return "/tmp/saved/board.pdf";
      if (cmd === "export_report") {
        sent.push(args);
        return new Promise<null>((resolve) => (finish = () => resolve(null)));
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("export-button"));
    fireEvent.click(screen.getByTestId("export-format-pdf"));
    fireEvent.click(screen.getByTestId("export-submit"));

    const progress = await screen.findByTestId("status-exporting");
    expect(progress.textContent, "the status line names the file being written").toContain("board.pdf");
    expect((screen.getByTestId("export-button") as HTMLButtonElement).disabled, "no second export meanwhile").toBe(true);
    expect(sent, "the export went to Rust with the hooked path").toEqual([
      { path: "/tmp/saved/board.pdf", format: "pdf", team: null },
    ]);

    await act(async () => finish());
    await waitFor(() => expect(screen.queryByTestId("status-exporting"), "progress ends with the export").toBeNull());
    expect(screen.getByTestId("toast").textContent, "the user is told where it went").toContain("/tmp/saved/board.pdf");
    expect((screen.getByTestId("export-button") as HTMLButtonElement).disabled).toBe(false);
  });

  it("ends the progress and shows Rust's message when the export is refused", async () => {
    mockIPC((cmd) => {
      if (cmd === "current_plan") return STATE;
      if (cmd === "test_save_path") return "/tmp/saved/board.md";
      if (cmd === "export_report") throw { code: "io", message: "/tmp/saved/board.md: permission denied" };
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

describe("save paths", () => {
  it("adds the expected extension only when the typed name has none", () => {
    expect(withExtension("/home/cio/board", "html")).toBe("/home/cio/board.html");
    expect(withExtension("/home/cio/board.pdf", "html"), "a typed extension is the user's choice").toBe("/home/cio/board.pdf");
    expect(withExtension("/home/c.io/board", "throughline"), "a dot in a folder name is not an extension").toBe(
      "/home/c.io/board.throughline",
    );
  });
});
