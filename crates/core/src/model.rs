//! The plan's vocabulary: node and link kinds, statuses, and the plain data of a plan.
//!
//! These types are what crosses every boundary (JSON interchange, the SQLite store,
//! the desktop app's IPC), so they derive `serde` and `ts_rs::TS` and hold no logic
//! beyond small, obvious predicates. Validation lives in [`crate::graph`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The review cadence a plan gets when it does not name one.
pub const DEFAULT_REVIEW_CADENCE_DAYS: u32 = 90;

/// What a node stands for in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NodeKind {
    OrgGoal,
    TeamGoal,
    Strategy,
    Initiative,
    Resource,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [
        NodeKind::OrgGoal,
        NodeKind::TeamGoal,
        NodeKind::Strategy,
        NodeKind::Initiative,
        NodeKind::Resource,
    ];

    /// The name used in the interchange format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::OrgGoal => "org_goal",
            NodeKind::TeamGoal => "team_goal",
            NodeKind::Strategy => "strategy",
            NodeKind::Initiative => "initiative",
            NodeKind::Resource => "resource",
        }
    }

    /// A label for people: "organizational goal", "initiative", ...
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::OrgGoal => "organizational goal",
            NodeKind::TeamGoal => "team goal",
            NodeKind::Strategy => "strategy",
            NodeKind::Initiative => "initiative",
            NodeKind::Resource => "resource",
        }
    }

    pub fn parse(text: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    pub fn is_goal(self) -> bool {
        matches!(self, NodeKind::OrgGoal | NodeKind::TeamGoal)
    }

    /// Goals and strategies: what a leader must re-explain on the plan's cadence, and what
    /// the `stale_review` rule reads the review log of (ALIGNMENT-RULES.md).
    pub fn is_reviewed(self) -> bool {
        self.is_goal() || self == NodeKind::Strategy
    }

    /// Strategies and initiatives: the things that *do* something for a goal.
    pub fn is_action(self) -> bool {
        matches!(self, NodeKind::Strategy | NodeKind::Initiative)
    }
}

/// The two relations of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkKind {
    /// The `from` node contributes to the `to` node (upward in the plan).
    Supports,
    /// A resource gives `amount` of its capacity to a strategy or initiative.
    Allocates,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Supports => "supports",
            LinkKind::Allocates => "allocates",
        }
    }

    pub fn parse(text: &str) -> Option<LinkKind> {
        [LinkKind::Supports, LinkKind::Allocates]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }

    /// Whether the rules allow a link of this kind between these node kinds.
    pub fn allows(self, from: NodeKind, to: NodeKind) -> bool {
        use NodeKind::*;
        match self {
            LinkKind::Supports => matches!(
                (from, to),
                (OrgGoal, OrgGoal)
                    | (TeamGoal, OrgGoal | TeamGoal)
                    | (Strategy, TeamGoal | OrgGoal)
                    | (Initiative, Strategy | TeamGoal | OrgGoal)
            ),
            LinkKind::Allocates => matches!((from, to), (Resource, Strategy | Initiative)),
        }
    }
}

/// Where a node stands in its life.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    Proposed,
    #[default]
    Active,
    Done,
    /// Kept for the record, but ignored by the analysis as if absent.
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Proposed,
        Status::Active,
        Status::Done,
        Status::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Active => "active",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }

    /// Proposed and active work is still open: it can be stale or late.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Proposed | Status::Active)
    }
}

/// The four kinds of capability a team can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ResourceType {
    Funding,
    Tool,
    /// Knowledge and skills.
    Skill,
    Time,
}

impl ResourceType {
    /// In the order the rules list them (and `capability_gap` reports them).
    pub const ALL: [ResourceType; 4] = [
        ResourceType::Funding,
        ResourceType::Tool,
        ResourceType::Skill,
        ResourceType::Time,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceType::Funding => "funding",
            ResourceType::Tool => "tool",
            ResourceType::Skill => "skill",
            ResourceType::Time => "time",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ResourceType::Funding => "funding",
            ResourceType::Tool => "tools",
            ResourceType::Skill => "knowledge & skills",
            ResourceType::Time => "time",
        }
    }

    pub fn parse(text: &str) -> Option<ResourceType> {
        ResourceType::ALL.into_iter().find(|ty| ty.as_str() == text)
    }

    /// A bit for small sets of resource types.
    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// One time a goal's or strategy's *why* was explained again: when, to whom, and what
/// came up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    #[ts(type = "string")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub audience: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<String>,
}

/// One goal, strategy, initiative or resource.
///
/// A flat record rather than an enum per kind: the app edits any field of any node,
/// and the interchange format is flat too. Which fields a kind may carry is checked
/// by [`Node::check_fields`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub why: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub team: Option<String>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub target_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string")]
    pub last_reviewed: Option<NaiveDate>,
    /// Each time the *why* was explained again, oldest first (PLAN-FORMAT.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Review>>", optional)]
    pub reviews: Vec<Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub resource_type: Option<ResourceType>,
    /// Absent means unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capacity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
}

impl Node {
    /// When the node was last reviewed: the later of `last_reviewed` and the dates of
    /// its review log (ALIGNMENT-RULES.md, `stale_review`).
    pub fn latest_review(&self) -> Option<NaiveDate> {
        self.reviews
            .iter()
            .map(|review| review.date)
            .chain(self.last_reviewed)
            .max()
    }

    /// Its target date has passed while it is still open: `past_target` of
    /// ALIGNMENT-RULES.md, read by the analysis and the roadmap alike.
    pub fn is_past_target(&self, as_of: NaiveDate) -> bool {
        self.kind != NodeKind::Resource
            && self.status.is_open()
            && self.target_date.is_some_and(|target| target < as_of)
    }

    /// A node with just the required fields; the rest are absent and status is active.
    pub fn new(id: impl Into<String>, kind: NodeKind, title: impl Into<String>) -> Node {
        Node {
            id: id.into(),
            kind,
            title: title.into(),
            why: None,
            owner: None,
            team: None,
            status: Status::default(),
            target_date: None,
            last_reviewed: None,
            reviews: Vec::new(),
            notes: None,
            resource_type: None,
            capacity: None,
            unit: None,
        }
    }

    /// A resource of the given type with unlimited capacity.
    pub fn resource(
        id: impl Into<String>,
        resource_type: ResourceType,
        title: impl Into<String>,
    ) -> Node {
        Node {
            resource_type: Some(resource_type),
            ..Node::new(id, NodeKind::Resource, title)
        }
    }

    /// Present nodes count in the analysis; dropped ones are ignored as if absent.
    pub fn is_present(&self) -> bool {
        self.status != Status::Dropped
    }
}

/// A directed relation between two nodes, identified by `(kind, from, to)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Link {
    pub kind: LinkKind,
    pub from: String,
    pub to: String,
    /// Required for `allocates`, absent for `supports`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub why: Option<String>,
}

impl Link {
    pub fn supports(from: impl Into<String>, to: impl Into<String>) -> Link {
        Link {
            kind: LinkKind::Supports,
            from: from.into(),
            to: to.into(),
            amount: None,
            why: None,
        }
    }

    pub fn allocates(from: impl Into<String>, to: impl Into<String>, amount: f64) -> Link {
        Link {
            kind: LinkKind::Allocates,
            from: from.into(),
            to: to.into(),
            amount: Some(amount),
            why: None,
        }
    }

    pub fn key(&self) -> LinkKey {
        LinkKey {
            kind: self.kind,
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// What identifies a link: no two links share kind, from and to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkKey {
    pub kind: LinkKind,
    pub from: String,
    pub to: String,
}

impl std::fmt::Display for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} link {} -> {}",
            self.kind.as_str(),
            crate::text::Bare(&self.from),
            crate::text::Bare(&self.to)
        )
    }
}

/// A whole plan as plain data, in the order it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Plan {
    pub name: String,
    pub review_cadence_days: u32,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    /// Findings the plan's leaders decided to live with (ALIGNMENT-RULES.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Acceptance>>", optional)]
    pub accepted: Vec<Acceptance>,
}

/// A leader's decision to live with one finding knowingly: its rule and node, why, and
/// until when it holds (absent: until taken back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Acceptance {
    pub rule: crate::analysis::Rule,
    pub node: String,
    pub reason: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::interchange::optional_date"
    )]
    #[ts(optional, type = "string")]
    pub until: Option<NaiveDate>,
}

impl Acceptance {
    /// In force on `as_of`: no end date, or one not before it.
    pub fn holds_on(&self, as_of: NaiveDate) -> bool {
        self.until.is_none_or(|until| until >= as_of)
    }
}

impl Plan {
    pub fn new(name: impl Into<String>) -> Plan {
        Plan {
            name: name.into(),
            review_cadence_days: DEFAULT_REVIEW_CADENCE_DAYS,
            nodes: Vec::new(),
            links: Vec::new(),
            accepted: Vec::new(),
        }
    }
}

/// The plan-level settings, edited apart from nodes and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanSettings {
    pub name: String,
    pub review_cadence_days: u32,
}
