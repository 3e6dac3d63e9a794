//! What each rule of ALIGNMENT-RULES.md is called, how severe it is, how to resolve it,
//! and whether it lowers the alignment score: the catalogue every view, report and the
//! UI read (the UI through [`crate::rule_book`]), so that no copy of it can drift.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Plural heading for grouped output: "Errors", "Warnings", "Info".
    pub fn heading(self) -> &'static str {
        match self {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Info",
        }
    }
}

/// The rules, in the order ALIGNMENT-RULES.md lists them (findings are sorted so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rule {
    Orphan,
    UnsupportedGoal,
    UnresourcedGoal,
    OverAllocated,
    UnresourcedStrategy,
    UnresourcedInitiative,
    MissingWhy,
    StaleReview,
    PastTarget,
    CapabilityGap,
    IdleResource,
    SinglePointOfFailure,
    StaleAcceptance,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::Orphan,
        Rule::UnsupportedGoal,
        Rule::UnresourcedGoal,
        Rule::OverAllocated,
        Rule::UnresourcedStrategy,
        Rule::UnresourcedInitiative,
        Rule::MissingWhy,
        Rule::StaleReview,
        Rule::PastTarget,
        Rule::CapabilityGap,
        Rule::IdleResource,
        Rule::SinglePointOfFailure,
        Rule::StaleAcceptance,
    ];

    /// The rule with this id (`"orphan"`, `"stale_review"`, ...).
    pub fn parse(text: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Orphan => "orphan",
            Rule::UnsupportedGoal => "unsupported_goal",
            Rule::UnresourcedGoal => "unresourced_goal",
            Rule::OverAllocated => "over_allocated",
            Rule::UnresourcedStrategy => "unresourced_strategy",
            Rule::UnresourcedInitiative => "unresourced_initiative",
            Rule::MissingWhy => "missing_why",
            Rule::StaleReview => "stale_review",
            Rule::PastTarget => "past_target",
            Rule::CapabilityGap => "capability_gap",
            Rule::IdleResource => "idle_resource",
            Rule::SinglePointOfFailure => "single_point_of_failure",
            Rule::StaleAcceptance => "stale_acceptance",
        }
    }

    /// A short title for people, used as a group heading.
    pub fn title(self) -> &'static str {
        match self {
            Rule::Orphan => "Not linked to an organizational goal",
            Rule::UnsupportedGoal => "Goal with nothing working toward it",
            Rule::UnresourcedGoal => "Goal with no resources behind it",
            Rule::OverAllocated => "Resource over-allocated",
            Rule::UnresourcedStrategy => "Strategy without resources",
            Rule::UnresourcedInitiative => "Initiative without resources",
            Rule::MissingWhy => "Why it matters is not written down",
            Rule::StaleReview => "Review overdue",
            Rule::PastTarget => "Past its target date",
            Rule::CapabilityGap => "Capability gap",
            Rule::IdleResource => "Resource not allocated",
            Rule::SinglePointOfFailure => "Single point of failure",
            Rule::StaleAcceptance => "Accepted finding no longer found",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::Orphan | Rule::UnsupportedGoal | Rule::UnresourcedGoal | Rule::OverAllocated => {
                Severity::Error
            }
            Rule::UnresourcedStrategy
            | Rule::UnresourcedInitiative
            | Rule::MissingWhy
            | Rule::StaleReview
            | Rule::PastTarget => Severity::Warning,
            Rule::CapabilityGap
            | Rule::IdleResource
            | Rule::SinglePointOfFailure
            | Rule::StaleAcceptance => Severity::Info,
        }
    }

    /// Whether a finding of this rule keeps its node from counting as aligned.
    ///
    /// ALIGNMENT-RULES.md, alignment score (version 2): "*Aligned*: a scored node for
    /// which none of `orphan`, `unsupported_goal`, `unresourced_goal`,
    /// `unresourced_strategy`, `unresourced_initiative` fires. The hygiene rules
    /// (`missing_why`, `stale_review`, `past_target`) and the resource rules do not lower it."
    pub fn lowers_alignment(self) -> bool {
        matches!(
            self,
            Rule::Orphan
                | Rule::UnsupportedGoal
                | Rule::UnresourcedGoal
                | Rule::UnresourcedStrategy
                | Rule::UnresourcedInitiative
        )
    }

    /// One line on how to resolve a finding of this rule.
    pub fn hint(self) -> &'static str {
        match self {
            Rule::Orphan => {
                "Add a supports link from it to a strategy or goal that leads up to an organizational goal."
            }
            Rule::UnsupportedGoal => {
                "Link a strategy or initiative to it, or drop the goal if nobody will work on it."
            }
            Rule::UnresourcedGoal => {
                "Allocate funding, tools, skills or time to one of the strategies or initiatives under it."
            }
            Rule::OverAllocated => {
                "Lower the allocations, raise the capacity, or add a second resource."
            }
            Rule::UnresourcedStrategy => {
                "Allocate a resource to it, or to an initiative that carries it out."
            }
            Rule::UnresourcedInitiative => "Allocate funding, tools, skills or time to it.",
            Rule::MissingWhy => {
                "Write one or two sentences on why this matters to the organization."
            }
            Rule::StaleReview => "Re-explain it with the team, then mark it reviewed today.",
            Rule::PastTarget => "Set a new target date, or mark it done or dropped.",
            Rule::CapabilityGap => {
                "Check whether it needs the missing capabilities, and allocate them if it does."
            }
            Rule::IdleResource => "Allocate it to a strategy or initiative, or drop it.",
            Rule::SinglePointOfFailure => {
                "Put a second resource behind these goals, or accept the risk knowingly."
            }
            Rule::StaleAcceptance => {
                "The finding it accepted is gone: take the acceptance back so it does not outlive its reason."
            }
        }
    }
}
