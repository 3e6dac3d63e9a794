//! A briefing slide's gaps are the core's findings in its words: the ones nobody accepted, and
//! nothing else called out. An empty list only says it is empty.
import { cleanup, render, screen } from "@testing-library/react";
import { useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { PlanState } from "../bindings/PlanState";
import { StoreProvider, useStore } from "../state/store";
import { BriefingSlide } from "../views/Briefing/BriefingSlide";
import { SAMPLE, planState } from "./fixtures";

afterEach(cleanup);

function Slide({ state, id }: { state: PlanState; id: string }) {
  const { state: ui, dispatch } = useStore();
  useEffect(() => dispatch({ type: "loaded", planState: state }), [dispatch, state]);
  return ui.planState ? <BriefingSlide step={{ id, trail: [id] }} /> : null;
}

const gapsOn = (state: PlanState, id: string) =>
  state.analysis.findings.filter((f) => f.node === id && !f.accepted).map((f) => f.message);

describe("a briefing slide", () => {
  it("calls out the core's unaccepted findings, in its words", async () => {
    const state = planState(SAMPLE);
    render(<StoreProvider><Slide state={state} id="TG-RECOVERY" /></StoreProvider>);
    const gaps = await screen.findByTestId("briefing-gaps");
    const shown = [...gaps.querySelectorAll("li")].map((li) => li.textContent ?? "");
    const expected = gapsOn(state, "TG-RECOVERY");
    expect(shown.length).toBe(expected.length);
    // Each line is the severity's icon (named for screen readers), then the core's sentence.
    shown.forEach((text, at) => expect(text.endsWith(expected[at]), text).toBe(true));
    expect(screen.getByTestId("briefing-none-under").textContent).toBe("Nothing is working toward this yet.");
  });

  it("does not call out a gap the CIO accepted knowingly", async () => {
    const start = planState(SAMPLE);
    const accepted = { reason: "Recovery plans are next year's work" };
    const state: PlanState = {
      ...start,
      analysis: {
        ...start.analysis,
        findings: start.analysis.findings.map((f) =>
          f.node === "TG-RECOVERY" && f.rule === "unsupported_goal" ? { ...f, accepted } : f,
        ),
      },
    };
    render(<StoreProvider><Slide state={state} id="TG-RECOVERY" /></StoreProvider>);
    const slide = await screen.findByTestId("briefing-step-TG-RECOVERY");
    const unsupported = start.analysis.findings.find((f) => f.node === "TG-RECOVERY" && f.rule === "unsupported_goal")!;
    expect(slide.textContent, "the accepted finding is not on the slide").not.toContain(unsupported.message);
    expect(slide.querySelectorAll(".briefing-findings li").length).toBe(gapsOn(state, "TG-RECOVERY").length);
    expect(slide.textContent, "no verdict of the UI's own stands in for it").not.toMatch(/Nothing is funded/);
  });
});
