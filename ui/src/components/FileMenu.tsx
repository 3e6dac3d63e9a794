//! The File menu: New, Open, Save As, Import and the spreadsheet template (Rust shows the
//! native dialogs), and the recent plans. An import's summary is shown in a dialog.
import { useCallback, useRef, useState } from "react";
import type { ImportedPlan } from "../ipc/types";
import { fileStem, useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { Modal } from "./Modal";
import { useScenarioActions } from "../state/scenario";
import { TakeBaselineDialog } from "./TakeBaseline";
import { useDismiss } from "./useDismiss";

export function FileMenu() {
  const { planState } = usePlan();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [imported, setImported] = useState<ImportedPlan | null>(null);
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
          <div className="menu-section">From other tools</div>
          <button type="button" role="menuitem" data-testid="file-import"
            title="An ArchiMate model (.xml) or a spreadsheet (.xlsx, .ods, .csv) into a new plan file"
            onClick={pick(async () => setImported(await actions.importPlan()))}>
            Import ArchiMate or spreadsheet…
          </button>
          <button type="button" role="menuitem" data-testid="file-save-template" onClick={pick(actions.saveSpreadsheetTemplate)}
            title="An Excel workbook with the columns an import reads and one worked example of each kind">
            Save spreadsheet template…
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
      {imported ? <ImportSummary imported={imported} onClose={() => setImported(null)} /> : null}
      {taking ? <TakeBaselineDialog onClose={() => setTaking(false)} /> : null}
    </div>
  );
}

/** What the import made of the file, in the core's words: one line each, indented lines under their heading. */
function ImportSummary({ imported, onClose }: { imported: ImportedPlan; onClose: () => void }) {
  const [heading, ...lines] = imported.summary;
  return (
    <Modal title={`Imported ${fileName(imported.imported_from)}`} onClose={onClose} testId="import-summary">
      <p>{heading}</p>
      <ul className="import-summary">
        {lines.map((line, at) => (
          <li key={at} className={line.startsWith("  ") ? "detail" : undefined}>{line.trim()}</li>
        ))}
      </ul>
      <p className="import-saved">Saved as {imported.state.path}. Every change is saved as you make it.</p>
      <div className="modal-actions">
        <button type="button" className="primary" data-testid="import-summary-ok" onClick={onClose}>OK</button>
      </div>
    </Modal>
  );
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
