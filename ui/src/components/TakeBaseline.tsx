//! "Take a baseline…": names a read-only copy of the plan kept in the plan file ("Board review
//! 2027-Q1"), for Compare. Rust checks the name and refuses a duplicate.
import { useState } from "react";
import type { Baseline } from "../bindings/Baseline";
import * as ipc from "../ipc/commands";
import { showError, showInfo } from "../state/actions";
import { usePlan } from "../state/store";
import { Modal } from "./Modal";

export function TakeBaselineDialog({ onClose, onTaken }: { onClose: () => void; onTaken?: (baselines: Baseline[], name: string) => void }) {
  const { planState, dispatch } = usePlan();
  const [name, setName] = useState(`Baseline ${planState.as_of}`);
  const submit = async () => {
    try {
      const baselines = await ipc.takeBaseline(name.trim());
      showInfo(dispatch, `Baseline “${name.trim()}” taken: the plan as it is on ${planState.as_of}, kept in the plan file.`);
      onTaken?.(baselines, name.trim());
      onClose();
    } catch (error) {
      showError(dispatch, error);
    }
  };
  return (
    <Modal title="Take a baseline" onClose={onClose} testId="baseline-dialog">
      <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <p className="muted">A baseline is a read-only copy of the plan as it is today, kept inside the plan file. Compare shows what changed since.</p>
        <label className="field">
          <span className="field-label">Name</span>
          <input data-testid="baseline-name" value={name} maxLength={120} onChange={(event) => setName(event.target.value)}
            placeholder="Board review 2027-Q1" />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="baseline-take" disabled={name.trim() === ""}>Take baseline</button>
        </div>
      </form>
    </Modal>
  );
}
