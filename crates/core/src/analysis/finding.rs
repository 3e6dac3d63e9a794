//! What the analysis answers: findings, their summary and the alignment score.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Node, NodeKind, ResourceType};

use super::rule::{Rule, Severity};

/// One allocation, as evidence of over-allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Allocation {
    pub to: String,
    pub amount: f64,
}

/// One thing the analysis found about one node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub node: String,
    /// The node's title, so that a finding reads on its own.
    pub title: String,
    pub message: String,
    pub hint: String,
    /// `orphan`: where its chains of links stop (nodes with no way further up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stops_at: Option<Vec<String>>,
    /// `unresourced_goal`: the strategies and initiatives under it (all without resources).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unresourced_actions: Option<Vec<String>>,
    /// `over_allocated`: the counting allocations, their sum and the capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub allocations: Option<Vec<Allocation>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub allocated: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capacity: Option<f64>,
    /// `capability_gap`: the resource types it lacks, in the order funding, tool, skill, time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub missing: Option<Vec<ResourceType>>,
    /// `single_point_of_failure`: the goals that depend on this resource alone, sorted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub related: Option<Vec<String>>,
    /// The plan's leaders accepted this finding knowingly, for this reason and until
    /// this date (ALIGNMENT-RULES.md, accepted findings): still reported, never failing
    /// a check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub accepted: Option<AcceptedAs>,
}

/// Why, and until when, a finding was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcceptedAs {
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub until: Option<chrono::NaiveDate>,
}

impl Finding {
    pub(super) fn new(rule: Rule, node: &Node, message: String) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            node: node.id.clone(),
            title: node.title.clone(),
            message,
            hint: rule.hint().to_owned(),
            stops_at: None,
            unresourced_actions: None,
            allocations: None,
            allocated: None,
            capacity: None,
            missing: None,
            related: None,
            accepted: None,
        }
    }
}

/// Counts by severity and the alignment score of what an analysis or a report covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// `aligned / scored` exactly; `None` when nothing is scored.
    pub alignment_score: Option<f64>,
    /// Scored nodes on which no rule that lowers alignment fires.
    pub aligned: usize,
    /// Present goals, strategies and initiatives.
    pub scored: usize,
}

impl Summary {
    /// Counts `findings` by severity, beside the score tallied over the same nodes.
    pub fn new(findings: &[Finding], score: ScoreTally) -> Summary {
        let mut counts = [0usize; 3];
        for finding in findings {
            counts[finding.severity as usize] += 1;
        }
        Summary::from_counts(counts, score)
    }

    /// The summary of findings already counted by severity (indexed by `Severity as usize`).
    pub fn from_counts(counts: [usize; 3], score: ScoreTally) -> Summary {
        Summary {
            error: counts[Severity::Error as usize],
            warning: counts[Severity::Warning as usize],
            info: counts[Severity::Info as usize],
            alignment_score: (score.scored > 0).then(|| score.aligned as f64 / score.scored as f64),
            aligned: score.aligned,
            scored: score.scored,
        }
    }

    /// The score as a whole percentage rounded down (ALIGNMENT-RULES.md: "so a plan
    /// shows 100% only when all of its work is aligned"). Integer arithmetic: 29 of 100
    /// is 29%, where `0.29 * 100.0` would floor to 28.
    pub fn score_percent(&self) -> Option<usize> {
        (self.scored > 0).then(|| self.aligned * 100 / self.scored)
    }

    /// The score as people read it everywhere: "62%", or "n/a" when nothing is scored.
    pub fn score_text(&self) -> String {
        match self.score_percent() {
            Some(percent) => format!("{percent}%"),
            None => "n/a".to_owned(),
        }
    }

    /// "18 of 29 goals, strategies and initiatives aligned", or why there is no score.
    pub fn score_counts_text(&self) -> String {
        if self.scored == 0 {
            "the plan has no goal, strategy or initiative yet".to_owned()
        } else {
            // Thousands separated, as every other count people read (a big plan's 6,620).
            format!(
                "{} of {} goals, strategies and initiatives aligned",
                crate::text::format_amount(self.aligned as f64),
                crate::text::format_amount(self.scored as f64)
            )
        }
    }
}

/// What the alignment score means, in one sentence for people: reports, the CLI and the
/// app's Findings view all show this one.
pub const SCORE_SENTENCE: &str = "The alignment score is the share of goals, strategies and initiatives that are aligned: each leads up to an organizational goal, with work toward it and resources behind it.";

/// The alignment score (version 2 of ALIGNMENT-RULES.md) counted node by node:
/// "*Scored*: every present goal, strategy and initiative. *Aligned*: a scored node for
/// which none of [the rules that lower alignment] fires." Acceptances do not change it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScoreTally {
    pub aligned: usize,
    pub scored: usize,
}

impl ScoreTally {
    /// Counts one present node of `kind`; `misaligned` when a finding of a rule that
    /// [lowers alignment](Rule::lowers_alignment) names it.
    pub fn count(&mut self, kind: NodeKind, misaligned: bool) {
        if is_scored(kind) {
            self.scored += 1;
            if !misaligned {
                self.aligned += 1;
            }
        }
    }
}

/// Goals, strategies and initiatives are scored; resources are not.
pub fn is_scored(kind: NodeKind) -> bool {
    kind != NodeKind::Resource
}

/// The result of analysing a plan on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Analysis {
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub summary: Summary,
    /// Sorted by severity, then rule, then node id.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// Whether an error finding stands that nobody accepted: what fails `check` and a
    /// diff gate. An accepted error is still counted and shown, but does not fail.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == Severity::Error && finding.accepted.is_none())
    }

    /// The findings about one node.
    pub fn findings_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings
            .iter()
            .filter(move |finding| finding.node == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_counts_read_with_thousands_separated() {
        let summary = Summary {
            error: 0,
            warning: 0,
            info: 0,
            alignment_score: Some(6620.0 / 7823.0),
            aligned: 6620,
            scored: 7823,
        };
        assert_eq!(
            summary.score_counts_text(),
            "6,620 of 7,823 goals, strategies and initiatives aligned"
        );
    }
}
