//! Findings: the analysis grouped by severity, then rule, with the alignment score; a click
//! selects the node and shows it on the map.
import type { Finding } from "../../bindings/Finding";
import type { Rule } from "../../bindings/Rule";
import { ScoreGauge } from "../../components/ScoreGauge";
import { usePlan } from "../../state/store";
import { KindGlyph, SeverityIcon } from "../../theme/icons";
import { RULE, RULE_ORDER, SCORE_SENTENCE } from "../../model/rules";
import { SEVERITIES, SEVERITY_STYLE } from "../../theme/severity";

export function FindingsView() {
  const { planState, index, dispatch } = usePlan();
  const { findings, summary, as_of } = planState.analysis;
  const open = (f: Finding) => {
    dispatch({ type: "select", id: f.node, focus: true });
    dispatch({ type: "view", view: "map" });
  };
  return (
    <div className="findings-view scroll-view">
      <div className="view-header">
        <h1>Findings</h1>
        <ScoreGauge summary={summary} countsText={planState.score_counts_text} onOpenFindings={() => undefined} />
        <p className="muted">
          Judged as of {as_of}. {SCORE_SENTENCE}
        </p>
      </div>
      {findings.length === 0 ? (
        <div className="empty-view">
          <h2>No findings</h2>
          <p>{planState.plan.nodes.length === 0
            ? "Add your first organizational goal: the analysis runs after every change."
            : "Every goal has work and resources behind it, and every piece of work leads up to a goal."}</p>
        </div>
      ) : null}
      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const byRule = new Map<Rule, Finding[]>();
        for (const f of ofSeverity) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
        return (
          <section key={severity} className={`severity-group sev-${severity}`} data-testid={`findings-${severity}`}>
            <h2>
              <SeverityIcon severity={severity} size={18} />
              {SEVERITY_STYLE[severity].plural} <span className="count-pill">{ofSeverity.length}</span>
            </h2>
            {RULE_ORDER.filter((r) => byRule.has(r)).map((rule) => (
              <div key={rule} className="rule-group">
                <h3>{RULE[rule].title} <span className="muted">· {byRule.get(rule)!.length}</span></h3>
                <p className="hint">{RULE[rule].hint}</p>
                <ul>
                  {byRule.get(rule)!.map((f) => {
                    const node = index.nodes.get(f.node);
                    return (
                      <li key={f.node}>
                        <button type="button" className="finding-row" data-testid={`finding-${f.rule}-${f.node}`}
                          title="Show on the map" onClick={() => open(f)}>
                          <SeverityIcon severity={f.severity} size={14} />
                          {node ? <KindGlyph kind={node.kind} size={10} /> : null}
                          <strong>{f.title}</strong>
                          <span className="muted">{f.message}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
