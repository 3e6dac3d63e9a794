//! Compare: the plan (or the scenario in progress) against a baseline kept in the plan file, or
//! against another plan (last quarter's export, a colleague's draft), in sentences with titles.
//! The changed nodes are marked on the map until another plan is opened.
import { useEffect, useState } from "react";
import type { Baseline } from "../../bindings/Baseline";
import { DiffSummary } from "../../components/DiffSummary";
import { TakeBaselineDialog } from "../../components/TakeBaseline";
import * as ipc from "../../ipc/commands";
import { showError } from "../../state/actions";
import { usePlan } from "../../state/store";
import { Icon } from "../../theme/icons";

export function CompareView() {
  const { planState, state, dispatch } = usePlan();
  const [baselines, setBaselines] = useState<Baseline[] | null>(null);
  const [taking, setTaking] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const againstFile = state.comparison !== null && state.comparison.baseline === null;
  const chosen = againstFile ? null : (picked ?? state.comparison?.baseline ?? baselines?.at(-1)?.name ?? null);

  useEffect(() => {
    let live = true;
    ipc.listBaselines().then(
      (list) => live && setBaselines(list),
      (error) => live && showError(dispatch, error),
    );
    return () => {
      live = false;
    };
  }, [dispatch, planState.path]);

  // Compared again whenever what is shown changes (an edit, an undo, a scenario).
  useEffect(() => {
    if (!chosen || !baselines?.some((b) => b.name === chosen)) return;
    let live = true;
    ipc.compareBaseline(chosen).then(
      (reading) => live && dispatch({ type: "compared", comparison: { baseline: chosen, reading } }),
      (error) => live && showError(dispatch, error),
    );
    return () => {
      live = false;
    };
  }, [chosen, baselines, planState, dispatch]);

  // The other plan is read again too: it may have changed on disk, and the plan here has.
  useEffect(() => {
    if (!againstFile) return;
    let live = true;
    ipc.compareFileAgain().then(
      (reading) => live && reading && dispatch({ type: "compared", comparison: { baseline: null, reading } }),
      (error) => live && showError(dispatch, error),
    );
    return () => {
      live = false;
    };
  }, [againstFile, planState, dispatch]);

  const compareWithFile = async () => {
    try {
      const reading = await ipc.compareFile();
      if (reading) dispatch({ type: "compared", comparison: { baseline: null, reading } });
    } catch (error) {
      showError(dispatch, error);
    }
  };
  const pickBaseline = (name: string) => {
    setPicked(name);
    if (againstFile) dispatch({ type: "compared", comparison: null });
  };

  const reading = againstFile || state.comparison?.baseline === chosen ? state.comparison?.reading : undefined;
  const taken = baselines?.find((b) => b.name === chosen);
  return (
    <div className="compare-view scroll-view" data-testid="compare-view">
      <div className="view-header">
        <h1>Compare</h1>
        {baselines && baselines.length > 0 ? (
          <label className="compare-pick">
            <span className="muted">Since</span>
            <select data-testid="compare-baseline" value={chosen ?? ""}
              onChange={(event) => pickBaseline(event.target.value)}>
              {againstFile ? <option value="" disabled>{reading?.old_label ?? "Another plan"}</option> : null}
              {baselines.map((b) => <option key={b.name} value={b.name}>{b.name} ({b.taken_on})</option>)}
            </select>
          </label>
        ) : null}
        <p className="muted" data-testid="compare-sides">
          {againstFile && reading
            ? `${reading.old_label} against ${reading.new_label}, both as of ${reading.new_as_of}.`
            : taken && reading
              ? `${reading.old_label} as the board saw it on ${taken.taken_on}, against ${reading.new_label} as of ${reading.new_as_of}.`
              : "What changed since a baseline, or from another plan: nodes, links, allocations, findings and acceptances."}
        </p>
        <button type="button" data-testid="compare-take-baseline" onClick={() => setTaking(true)}>
          <Icon name="plus" size={14} /> Take a baseline…
        </button>
        <button type="button" data-testid="compare-file" title="Compare with a plan file or a JSON plan: last quarter's export, a colleague's draft"
          onClick={() => void compareWithFile()}>
          <Icon name="file" size={14} /> Another plan…
        </button>
        {reading && Object.keys(reading.marks).length > 0 ? (
          <button type="button" data-testid="compare-show-map" onClick={() => dispatch({ type: "view", view: "map" })}>
            <Icon name="map" size={14} /> See the changes on the map
          </button>
        ) : null}
      </div>
      {baselines && baselines.length === 0 && !againstFile ? (
        <div className="empty-view" data-testid="compare-empty">
          <h2>No baseline yet</h2>
          <p>Take a baseline before a board review or a planning round: a named, read-only copy of the plan kept in the plan file. Compare then shows everything that changed since, in sentences. Or compare with another plan file.</p>
          <button type="button" className="primary" onClick={() => setTaking(true)}>Take a baseline…</button>
        </div>
      ) : null}
      {reading ? <div className="compare-body"><DiffSummary reading={reading} testId="compare-diff" /></div> : null}
      {taking ? (
        <TakeBaselineDialog onClose={() => setTaking(false)}
          onTaken={(list, name) => {
            setBaselines(list);
            pickBaseline(name);
          }} />
      ) : null}
    </div>
  );
}
