//! The File menu: New, Open, Save As (Rust shows the native dialogs) and the recent plans.
import { useCallback, useRef, useState } from "react";
import { fileStem, useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { useScenarioActions } from "../state/scenario";
import { TakeBaselineDialog } from "./TakeBaseline";
import { useDismiss } from "./useDismiss";

export function FileMenu() {
  const { planState } = usePlan();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [taking, setTaking] = useState(false);
  const scenario = useScenarioActions();
  const inScenario = planState.scenario !== null;
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  // Rust opens a recent plan by its index in its own list, so the index is kept through the filter.
  const recent = planState.recent
    .map((path, index) => ({ path, index }))
    .filter(({ path }) => path !== planState.path);
  const pick = (run: () => unknown) => () => {
    setOpen(false);
    void run();
  };
  return (
    <div className="menu" ref={box}>
      <button type="button" data-testid="file-menu-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}
        title="New, open or save a copy of a plan">
        <Icon name="file" size={15} /> File <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <div className="popover menu-list" role="menu">
          <button type="button" role="menuitem" data-testid="file-new" onClick={pick(actions.newPlan)}>
            New plan… <kbd>Ctrl+N</kbd>
          </button>
          <button type="button" role="menuitem" data-testid="file-open" onClick={pick(actions.open)}>
            Open… <kbd>Ctrl+O</kbd>
          </button>
          <button type="button" role="menuitem" data-testid="file-save-as" onClick={pick(actions.saveAs)}>
            Save a copy as… <kbd>Ctrl+Shift+S</kbd>
          </button>
          <button type="button" role="menuitem" data-testid="file-take-baseline" disabled={inScenario}
            title={inScenario ? "A baseline keeps the plan: apply or discard the scenario first" : undefined}
            onClick={pick(() => setTaking(true))}>
            Take a baseline…
          </button>
          <button type="button" role="menuitem" data-testid="file-start-scenario" disabled={inScenario}
            title="Try changes out on a copy of the plan; apply them as one step or discard them"
            onClick={pick(scenario.start)}>
            Start a scenario
          </button>
          <div className="menu-section">Recent plans</div>
          {recent.length === 0 ? <div className="menu-empty">Plans you open appear here.</div> : null}
          {recent.map(({ path, index }) => (
            <button key={path} type="button" role="menuitem" className="recent" title={path} data-testid={`file-recent-${index}`}
              onClick={pick(() => actions.openRecent(index))}>
              <strong>{fileStem(path)}</strong>
              <small>{path}</small>
            </button>
          ))}
          <div className="menu-note">Every change is saved as you make it.</div>
        </div>
      ) : null}
      {taking ? <TakeBaselineDialog onClose={() => setTaking(false)} /> : null}
    </div>
  );
}
