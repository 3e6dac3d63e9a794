//! Export: pick a report format and, optionally, one team; Rust writes the file where the user chose.
import { useCallback, useRef, useState } from "react";
import { REPORT_FORMATS, type ReportFormat } from "../ipc/types";
import { useActions } from "../state/actions";
import { usePlan, useStore } from "../state/store";
import { Icon } from "../theme/icons";
import { useDismiss } from "./useDismiss";

export function ExportMenu() {
  const { index } = usePlan();
  const { state } = useStore();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ReportFormat>("html");
  const [team, setTeam] = useState("");
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  return (
    <div className="menu" ref={box}>
      <button type="button" data-testid="export-button" aria-haspopup="dialog" aria-expanded={open}
        disabled={state.exporting !== null}
        title="Export a report for the board, a review or a script" onClick={() => setOpen(!open)}>
        <Icon name="export" size={15} /> {state.exporting ? "Exporting…" : "Export"}
      </button>
      {open ? (
        <div className="popover export-popover" role="dialog" aria-label="Export report">
          <fieldset>
            <legend>Format</legend>
            {REPORT_FORMATS.map((f) => (
              <label key={f.format} className="radio">
                <input type="radio" name="export-format" value={f.format} data-testid={`export-format-${f.format}`}
                  checked={format === f.format} onChange={() => setFormat(f.format)} />
                {f.label}
              </label>
            ))}
          </fieldset>
          <label>Limit to one team
            <select data-testid="export-team" value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">Whole plan</option>
              {index.teams.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <div className="popover-actions">
            <button type="button" onClick={close}>Cancel</button>
            <button type="button" className="primary" data-testid="export-submit"
              onClick={() => {
                setOpen(false);
                void actions.exportReport(format, team || null);
              }}>
              Export…
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
