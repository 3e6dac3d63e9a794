//! The scenario the window shows instead of the plan while the leader tries changes out
//! (issue 11): the core's [`Scenario`] with its analysis kept up to date edit by edit,
//! and the plan's analysis as it was at the start, to say what differs from the plan.

use chrono::NaiveDate;
use throughline_core::analysis::{Analysis, AnalysisChange, IncrementalAnalysis};
use throughline_core::diff::{DiffReading, Side, diff_analysed};
use throughline_core::graph::PlanGraph;
use throughline_core::history::Applied;
use throughline_core::scenario::Scenario;

/// What the difference calls each side.
pub const PLAN_LABEL: &str = "the plan";
pub const SCENARIO_LABEL: &str = "the scenario";

#[derive(Debug)]
pub struct ActiveScenario {
    pub scenario: Scenario,
    analysis: IncrementalAnalysis,
    /// The plan's analysis when the scenario started: the plan does not change while a
    /// scenario is shown (every edit goes to the scenario).
    plan_analysis: Analysis,
}

impl ActiveScenario {
    pub fn start(plan: &PlanGraph, plan_analysis: Analysis) -> throughline_core::Result<Self> {
        let as_of = plan_analysis.as_of;
        Ok(ActiveScenario {
            scenario: Scenario::start(plan)?,
            analysis: IncrementalAnalysis::new(plan, as_of),
            plan_analysis,
        })
    }

    pub fn graph(&self) -> &PlanGraph {
        self.scenario.graph()
    }

    /// Brings the scenario's analysis up to date with an edit applied to it.
    pub fn follow(&mut self, applied: &Applied, as_of: NaiveDate) -> AnalysisChange {
        follow(&mut self.analysis, self.scenario.graph(), applied, as_of)
    }

    pub fn analysis(&self) -> Analysis {
        self.analysis.analysis()
    }

    /// The scenario compared with the plan, in words, on `as_of`.
    pub fn reading(&self, plan: &PlanGraph, as_of: NaiveDate) -> DiffReading {
        let plan_analysis = if self.plan_analysis.as_of == as_of {
            self.plan_analysis.clone()
        } else {
            throughline_core::analyse(plan, as_of)
        };
        let diff = diff_analysed(
            Side::new(plan, PLAN_LABEL, as_of),
            &plan_analysis,
            Side::new(self.graph(), SCENARIO_LABEL, as_of),
            &self.analysis(),
        );
        DiffReading::of(&diff)
    }
}

/// Brings `analysis` up to date with an edit applied to `plan`: only what the edit
/// reaches, unless the date moved on since, when every rule is read again.
pub fn follow(
    analysis: &mut IncrementalAnalysis,
    plan: &PlanGraph,
    applied: &Applied,
    as_of: NaiveDate,
) -> AnalysisChange {
    if analysis.as_of() == as_of {
        return analysis.update(plan, &applied.edit, &applied.inverse);
    }
    let before = analysis.analysis();
    *analysis = IncrementalAnalysis::new(plan, as_of);
    AnalysisChange::between(&before, &analysis.analysis())
}
