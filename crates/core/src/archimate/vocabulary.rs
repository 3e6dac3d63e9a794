//! What ArchiMate's element and relationship types mean to Throughline: the mapping
//! table of the README, in code. 2.1 and 3.x spellings are read alike.

use crate::model::{NodeKind, ResourceType};

/// The relationship types, with 2.1's names (`Realisation`, `UsedBy`, the
/// `...Relationship` suffix) folded into 3.x's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    Realization,
    Serving,
    Influence,
    Association,
    Aggregation,
    Composition,
    Assignment,
    /// Access, flow, triggering, specialization and anything unknown: no part of a
    /// chain toward a goal.
    Other,
}

pub fn relation_kind(written: &str) -> RelationKind {
    let name = written.strip_suffix("Relationship").unwrap_or(written);
    match name {
        "Realization" | "Realisation" => RelationKind::Realization,
        "Serving" | "UsedBy" => RelationKind::Serving,
        "Influence" => RelationKind::Influence,
        "Association" => RelationKind::Association,
        "Aggregation" => RelationKind::Aggregation,
        "Composition" => RelationKind::Composition,
        "Assignment" => RelationKind::Assignment,
        _ => RelationKind::Other,
    }
}

/// What an element becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementRole {
    /// Goal, Outcome: an org_goal or a team_goal, decided by where it leads.
    Goal,
    Strategy,
    Initiative,
    Resource(ResourceType),
    /// Every other type (Principle, Requirement, Deliverable, ApplicationComponent,
    /// BusinessService, ...): not imported, but `supports` chains run through it.
    Chain,
}

impl ElementRole {
    /// The node kind, once goals are told apart.
    pub fn node_kind(self, is_team_goal: bool) -> Option<NodeKind> {
        match self {
            ElementRole::Goal if is_team_goal => Some(NodeKind::TeamGoal),
            ElementRole::Goal => Some(NodeKind::OrgGoal),
            ElementRole::Strategy => Some(NodeKind::Strategy),
            ElementRole::Initiative => Some(NodeKind::Initiative),
            ElementRole::Resource(_) => Some(NodeKind::Resource),
            ElementRole::Chain => None,
        }
    }
}

pub fn element_role(element_type: &str) -> ElementRole {
    match element_type {
        "Goal" | "Outcome" => ElementRole::Goal,
        "CourseOfAction" => ElementRole::Strategy,
        "WorkPackage" => ElementRole::Initiative,
        "Resource" => ElementRole::Resource(ResourceType::Funding),
        "Capability" => ElementRole::Resource(ResourceType::Skill),
        _ => ElementRole::Chain,
    }
}

/// Whether `relationship` carries "helps reach" from its source to its target, so
/// that a `supports` link may be derived through it (ArchiMate's derivation rules
/// for dependency and realization chains). A negative influence does not help.
pub fn helps_reach(kind: RelationKind, directed: bool, modifier: Option<&str>) -> bool {
    match kind {
        RelationKind::Realization | RelationKind::Serving => true,
        RelationKind::Influence => !is_negative(modifier),
        RelationKind::Association => directed,
        _ => false,
    }
}

/// `-`, `--` or a negative number: the source works against the target.
pub fn is_negative(modifier: Option<&str>) -> bool {
    modifier.is_some_and(|modifier| {
        let modifier = modifier.trim();
        modifier.starts_with('-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archimate_2_1_names_read_as_3_x() {
        assert_eq!(
            relation_kind("RealisationRelationship"),
            RelationKind::Realization
        );
        assert_eq!(relation_kind("UsedByRelationship"), RelationKind::Serving);
        assert_eq!(relation_kind("Realization"), RelationKind::Realization);
        assert_eq!(relation_kind("Serving"), RelationKind::Serving);
        assert_eq!(
            relation_kind("AggregationRelationship"),
            RelationKind::Aggregation
        );
        assert_eq!(relation_kind("Triggering"), RelationKind::Other);
    }

    #[test]
    fn negative_influence_does_not_help_reach() {
        assert!(helps_reach(RelationKind::Influence, true, Some("+")));
        assert!(helps_reach(RelationKind::Influence, true, None));
        assert!(!helps_reach(RelationKind::Influence, true, Some("--")));
        assert!(!helps_reach(RelationKind::Association, false, None));
        assert!(helps_reach(RelationKind::Association, true, None));
    }
}
