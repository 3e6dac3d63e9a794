//! The review log in reports: for each goal and strategy, when its *why* was last
//! explained again and to whom, from the node's `reviews` (PLAN-FORMAT.md).
//!
//! Whether a review is overdue is the analysis's judgement (`stale_review`), read from
//! its findings rather than re-derived from the cadence here.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::NodeKind;

use super::brief::review_text;
use super::content::{FindingTally, Index};

/// One goal or strategy and its reviews.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewLogRow {
    pub id: String,
    pub kind: NodeKind,
    pub kind_label: &'static str,
    pub title: String,
    pub team: Option<String>,
    pub latest: Option<NaiveDate>,
    pub count: usize,
    /// "last reviewed 2026-10-01 (3 reviews)" or "never reviewed".
    pub text: String,
    /// The analysis found its review overdue.
    pub overdue: bool,
    /// Its reviews, newest first.
    pub entries: Vec<ReviewEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewEntry {
    pub date: NaiveDate,
    pub audience: Option<String>,
    pub note: Option<String>,
}

/// Every present goal and strategy in scope, by kind then in plan order.
pub(super) fn review_log(index: &Index, scope: &[bool], tally: &FindingTally) -> Vec<ReviewLogRow> {
    let reviewed = [NodeKind::OrgGoal, NodeKind::TeamGoal, NodeKind::Strategy];
    let mut rows: Vec<(NodeKind, usize)> = (0..index.nodes.len())
        .filter(|&at| scope[at] && index.present(at) && reviewed.contains(&index.nodes[at].kind))
        .map(|at| (index.nodes[at].kind, at))
        .collect();
    rows.sort_unstable();
    rows.into_iter()
        .map(|(_, at)| {
            let node = &index.nodes[at];
            let latest = node.latest_review();
            ReviewLogRow {
                id: node.id.clone(),
                kind: node.kind,
                kind_label: node.kind.label(),
                title: node.title.clone(),
                team: node.team.clone(),
                latest,
                count: node.reviews.len(),
                text: review_text(latest, node.reviews.len()),
                overdue: tally.stale_review[at],
                entries: node
                    .reviews
                    .iter()
                    .rev()
                    .map(|review| ReviewEntry {
                        date: review.date,
                        audience: review.audience.clone(),
                        note: review.note.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}
