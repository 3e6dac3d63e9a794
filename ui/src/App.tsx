//! The window: top bar, left rail, the current view, the inspector and the status line.
import { useEffect } from "react";
import { Inspector } from "./components/Inspector";
import { LeftRail, VIEWS } from "./components/LeftRail";
import { ScenarioBar } from "./components/ScenarioBar";
import { StartProblem } from "./components/StartProblem";
import { StatusLine } from "./components/StatusLine";
import { Toast } from "./components/Toast";
import { TopBar } from "./components/TopBar";
import * as ipc from "./ipc/commands";
import { useActions } from "./state/actions";
import { useStore } from "./state/store";
import { milestone } from "./timing";
import { BriefingView } from "./views/Briefing/BriefingView";
import { CompareView } from "./views/Compare/CompareView";
import { FindingsView } from "./views/Findings/FindingsView";
import { MapView } from "./views/Map/MapView";
import { OutlineView } from "./views/Outline/OutlineView";
import { ResourcesView } from "./views/Resources/ResourcesView";
import { RoadmapView } from "./views/Roadmap/RoadmapView";
import { TeamsView } from "./views/Teams/TeamsView";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function useGlobalShortcuts() {
  const { dispatch } = useStore();
  const actions = useActions();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      // In a text field, Ctrl+Z is the field's own undo.
      if (mod && key === "z" && !isTyping(event.target)) {
        event.preventDefault();
        void (event.shiftKey ? actions.redo() : actions.undo());
      } else if (mod && key === "y" && !isTyping(event.target)) {
        event.preventDefault();
        void actions.redo();
      } else if (mod && key === "f") {
        event.preventDefault();
        document.querySelector<HTMLInputElement>("[data-testid=search-input]")?.focus();
      } else if (mod && key === "o") {
        event.preventDefault();
        void actions.open();
      } else if (mod && key === "n") {
        event.preventDefault();
        void actions.newPlan();
      } else if (mod && event.shiftKey && key === "s") {
        event.preventDefault();
        void actions.saveAs();
      } else if (event.altKey && /^[1-9]$/.test(event.key) && Number(event.key) <= VIEWS.length) {
        event.preventDefault();
        dispatch({ type: "view", view: VIEWS[Number(event.key) - 1].view });
      } else if (event.key === "Escape" && !isTyping(event.target) && !document.querySelector(".modal, .popover")) {
        dispatch({ type: "select", id: null });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, dispatch]);
}

export function App() {
  const { state, dispatch } = useStore();
  useGlobalShortcuts();
  const ready = state.planState !== null;
  useEffect(() => {
    if (ready) milestone("plan-shown");
  }, [ready]);

  useEffect(() => {
    let live = true;
    ipc.startPlan().then(
      (planState) => {
        milestone("plan-received");
        if (live) dispatch({ type: "loaded", planState });
      },
      (error) => live && dispatch({ type: "load_failed", error }),
    );
    return () => {
      live = false;
    };
  }, [dispatch]);

  if (!state.planState)
    return (
      <div className="app loading" data-testid="app-loading">
        {state.loadError ? (
          <StartProblem error={state.loadError} />
        ) : (
          <p className="muted">Opening your plan…</p>
        )}
        <Toast />
      </div>
    );

  return (
    <div className={`app${state.briefing ? " briefing-open" : ""}${state.planState.scenario ? " in-scenario" : ""}`} data-testid="app-ready">
      <TopBar />
      <ScenarioBar />
      <LeftRail />
      <main className="view" aria-label={state.view}>
        {state.view === "map" ? <MapView /> : null}
        {state.view === "outline" ? <OutlineView /> : null}
        {state.view === "findings" ? <FindingsView /> : null}
        {state.view === "resources" ? <ResourcesView /> : null}
        {state.view === "teams" ? <TeamsView /> : null}
        {state.view === "roadmap" ? <RoadmapView /> : null}
        {state.view === "compare" ? <CompareView /> : null}
      </main>
      <Inspector />
      <StatusLine />
      {state.briefing ? <BriefingView scope={state.briefing} /> : null}
      <Toast />
    </div>
  );
}
