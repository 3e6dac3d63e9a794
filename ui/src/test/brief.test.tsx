import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Inspector } from "../components/Inspector";
import { Toast } from "../components/Toast";
import { RULE_BOOK } from "../bindings/rule_book";
import * as ipc from "../ipc/commands";
import { StoreProvider, useStore } from "../state/store";
import { planState, SAMPLE } from "./fixtures";

function Harness({ select }: { select: string }) {
  const { state, dispatch } = useStore();
  useEffect(() => {
    void ipc.currentPlan().then((planState) => {
      dispatch({ type: "loaded", planState });
      dispatch({ type: "select", id: select });
    });
  }, [dispatch, select]);
  if (!state.planState) return null;
  return (
    <>
      <Inspector />
      <Toast />
    </>
  );
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("share brief", () => {
  it("asks Rust for the selected initiative's brief without naming a file, and says where it went", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return planState(SAMPLE);
      if (cmd === "share_brief") {
        sent.push(args);
        return { path: "/tmp/brief-portal.pdf", left_out: null };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness select="I-PORTAL" /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("share-brief"));
    await waitFor(() => expect(sent, "the node and the format, never a path").toEqual([{ node: "I-PORTAL", format: "pdf" }]));
    expect((await screen.findByTestId("toast")).textContent).toContain("Brief written to /tmp/brief-portal.pdf");
  });

  it("offers the formats the core writes a brief in, PDF first, and sends the one chosen", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "current_plan") return planState(SAMPLE);
      if (cmd === "share_brief") {
        sent.push(args);
        return { path: "/tmp/brief-cloud.md", left_out: null };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness select="S-CLOUD" /></StoreProvider>);
    const menu = (await screen.findByTestId("share-brief-format")) as HTMLSelectElement;
    const offered = [...menu.options].map((option) => option.value);
    expect(offered, "exactly the core's brief formats, in its order").toEqual(RULE_BOOK.brief_formats);
    expect(offered, "no format the core refuses for a brief").not.toContain("csv");
    expect([...menu.options].map((option) => option.textContent)).toEqual(["PDF, one page", "HTML page", "Markdown"]);
    expect(menu.value, "PDF until the user picks another").toBe("pdf");
    fireEvent.change(menu, { target: { value: "md" } });
    fireEvent.click(screen.getByTestId("share-brief"));
    await waitFor(() => expect(sent).toEqual([{ node: "S-CLOUD", format: "md" }]));
    expect((await screen.findByTestId("toast")).textContent).toContain("Brief written to /tmp/brief-cloud.md");
  });

  it("says what the one-page brief left out when it did not fit", async () => {
    mockIPC((cmd) => {
      if (cmd === "current_plan") return planState(SAMPLE);
      if (cmd === "share_brief") return { path: "/tmp/b.pdf", left_out: "2 findings" };
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness select="S-CLOUD" /></StoreProvider>);
    fireEvent.click(await screen.findByTestId("share-brief"));
    expect((await screen.findByTestId("toast")).textContent).toContain("did not fit on one page: left out 2 findings");
  });

  it("is offered only for the kinds the core writes a brief for", async () => {
    mockIPC((cmd) => {
      if (cmd === "current_plan") return planState(SAMPLE);
      throw new Error(`unexpected ${cmd}`);
    });
    render(<StoreProvider><Harness select="TG-FCR" /></StoreProvider>);
    await screen.findByTestId("inspector-title");
    expect(screen.queryByTestId("share-brief"), "a team goal has no brief").toBeNull();
  });
});
