//! The top bar: plan name, score gauge and counts, search and filter, add, undo/redo, file and export.
import { useMemo } from "react";
import { acceptedCounts } from "../model/acceptances";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { AddNodeForm } from "./AddNodeForm";
import { ExportMenu } from "./ExportMenu";
import { FileMenu } from "./FileMenu";
import { PlanName } from "./PlanName";
import { ScoreGauge } from "./ScoreGauge";
import { SearchFilter } from "./SearchFilter";

export function TopBar() {
  const { planState, dispatch } = usePlan();
  const actions = useActions();
  const findings = planState.analysis.findings;
  const accepted = useMemo(() => acceptedCounts(findings), [findings]);
  return (
    <header className="topbar">
      <div className="brand" title="Throughline">
        <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden>
          <path d="M3 19L11 3l8 16" fill="none" stroke="#5b3cc4" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M6.5 13h9" stroke="#0e7c86" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      </div>
      <PlanName />
      <ScoreGauge summary={planState.analysis.summary} countsText={planState.score_counts_text} accepted={accepted}
        onOpenFindings={() => dispatch({ type: "view", view: "findings" })} />
      <SearchFilter />
      <div className="spacer" />
      <AddNodeForm />
      <div className="button-group">
        <button type="button" className="icon-button" data-testid="undo-button" disabled={!planState.can_undo}
          title="Undo (Ctrl+Z)" aria-label="Undo" onClick={() => void actions.undo()}>
          <Icon name="undo" size={16} />
        </button>
        <button type="button" className="icon-button" data-testid="redo-button" disabled={!planState.can_redo}
          title="Redo (Ctrl+Shift+Z)" aria-label="Redo" onClick={() => void actions.redo()}>
          <Icon name="redo" size={16} />
        </button>
      </div>
      <FileMenu />
      <ExportMenu />
    </header>
  );
}
