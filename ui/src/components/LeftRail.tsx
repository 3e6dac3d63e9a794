//! The left rail: the views, with the findings count on Findings.
import { useMemo } from "react";
import { acceptedCounts } from "../model/acceptances";
import { useStore, type View } from "../state/store";
import { Icon, type IconName } from "../theme/icons";

const VIEWS: { view: View; label: string; icon: IconName; key: string }[] = [
  { view: "map", label: "Map", icon: "map", key: "1" },
  { view: "outline", label: "Outline", icon: "outline", key: "2" },
  { view: "findings", label: "Findings", icon: "findings", key: "3" },
  { view: "resources", label: "Resources", icon: "resources", key: "4" },
  { view: "teams", label: "Teams", icon: "teams", key: "5" },
  { view: "roadmap", label: "Roadmap", icon: "roadmap", key: "6" },
  { view: "compare", label: "Compare", icon: "compare", key: "7" },
];

export { VIEWS };

export function LeftRail() {
  const { state, dispatch } = useStore();
  const analysis = state.planState?.analysis;
  // The errors that stand: an accepted one is still listed, but asks for nothing.
  const findings = analysis?.findings;
  const accepted = useMemo(() => (findings ? acceptedCounts(findings).error : 0), [findings]);
  const errors = (analysis?.summary.error ?? 0) - accepted;
  return (
    <nav className="rail" aria-label="Views">
      {VIEWS.map(({ view, label, icon, key }) => (
        <button key={view} type="button" data-testid={`nav-${view}`} className={state.view === view ? "active" : ""}
          aria-current={state.view === view ? "page" : undefined} title={`${label} (Alt+${key})`}
          onClick={() => dispatch({ type: "view", view })}>
          <Icon name={icon} size={20} />
          <span>{label}</span>
          {view === "findings" && errors > 0 ? <span className="rail-badge" aria-label={`${errors} errors`}>{errors}</span> : null}
        </button>
      ))}
    </nav>
  );
}
