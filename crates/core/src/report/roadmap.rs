//! The roadmap in reports: initiatives and strategies on a timeline by target date,
//! each under every organizational goal it reaches, with the as-of date marked and
//! past-target and unscheduled work called out.
//!
//! Positions on the time axis are computed here once, as fractions of the axis, so the
//! HTML's SVG and the PDF's vectors draw the same roadmap at their own widths. Whether
//! work is past its target is the analysis's judgement (`past_target`). A big plan's
//! roadmap is capped: a few goals, a few items each (past-target work first), and the
//! rest counted, so a 10,000-node PDF stays as fast as a small one.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{NodeKind, Status};

use super::content::{FindingTally, Index, Reach};

/// Organizational goals drawn; the others are counted.
pub const ROADMAP_GROUPS: usize = 12;
/// Dated items drawn under each goal; past-target work is kept first.
pub const ROADMAP_ITEMS: usize = 10;
/// The group of work that reaches no organizational goal: after every goal.
const NO_GOAL: usize = usize::MAX;
/// Unscheduled items named under each goal; the others are counted.
const UNSCHEDULED_NAMED: usize = 4;

#[derive(Debug, Clone, Serialize)]
pub struct Roadmap {
    pub as_of: NaiveDate,
    /// Where the as-of date falls on the axis, 0 to 1.
    pub today_at: f64,
    /// Quarter (or year) starts on the axis.
    pub ticks: Vec<Tick>,
    pub groups: Vec<RoadmapGroup>,
    /// Organizational goals (or "reaches none") left out past [`ROADMAP_GROUPS`].
    pub groups_omitted: usize,
    /// Initiatives and strategies in the roadmap, each counted once.
    pub item_count: usize,
    pub past_target_count: usize,
    pub unscheduled_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoadmapGroup {
    /// The organizational goal's title, or a sentence for work that reaches none.
    pub title: String,
    pub reaches_goal: bool,
    /// Dated items, by target date.
    pub items: Vec<RoadmapItem>,
    /// Dated items left out past [`ROADMAP_ITEMS`].
    pub items_omitted: usize,
    /// Titles of items with no target date, the first few.
    pub unscheduled: Vec<String>,
    pub unscheduled_omitted: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoadmapItem {
    pub id: String,
    pub kind: NodeKind,
    pub kind_label: &'static str,
    pub title: String,
    pub team: Option<String>,
    pub status: Status,
    pub target_date: NaiveDate,
    /// Where the target date falls on the axis, 0 to 1.
    pub at: f64,
    pub past_target: bool,
}

/// Gathers the roadmap of the present initiatives and strategies in scope.
pub(super) fn roadmap(
    index: &Index,
    scope: &[bool],
    tally: &FindingTally,
    reaches: &[Reach],
    as_of: NaiveDate,
) -> Roadmap {
    let work: Vec<usize> = (0..index.nodes.len())
        .filter(|&at| {
            scope[at]
                && index.present(at)
                && matches!(
                    index.nodes[at].kind,
                    NodeKind::Initiative | NodeKind::Strategy
                )
        })
        .collect();
    let dates = work.iter().filter_map(|&at| index.nodes[at].target_date);
    let (start, end) = axis_bounds(dates.clone().min(), dates.max(), as_of);
    let span = (end - start).num_days().max(1) as f64;
    let at = |date: NaiveDate| ((date - start).num_days() as f64 / span).clamp(0.0, 1.0);

    // Each item under every goal it reaches, goals in plan order; work that reaches
    // none goes last, under NO_GOAL.
    let mut by_goal: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &item in &work {
        if reaches[item].goals.is_empty() {
            by_goal.entry(NO_GOAL).or_default().push(item);
        }
        for &goal in &reaches[item].goals {
            if scope[goal] {
                by_goal.entry(goal).or_default().push(item);
            }
        }
    }
    let total_groups = by_goal.len();
    let groups = by_goal
        .into_iter()
        .take(ROADMAP_GROUPS)
        .map(|(goal, items)| group(index, tally, goal, &items, &at))
        .collect();
    Roadmap {
        as_of,
        today_at: at(as_of),
        ticks: ticks(start, end, &at),
        groups,
        groups_omitted: total_groups.saturating_sub(ROADMAP_GROUPS),
        item_count: work.len(),
        past_target_count: work.iter().filter(|&&at| tally.past_target[at]).count(),
        unscheduled_count: work
            .iter()
            .filter(|&&at| index.nodes[at].target_date.is_none())
            .count(),
    }
}

fn group(
    index: &Index,
    tally: &FindingTally,
    goal: usize,
    items: &[usize],
    at: &impl Fn(NaiveDate) -> f64,
) -> RoadmapGroup {
    let (mut dated, unscheduled): (Vec<usize>, Vec<usize>) = items
        .iter()
        .partition(|&&item| index.nodes[item].target_date.is_some());
    let items_omitted = dated.len().saturating_sub(ROADMAP_ITEMS);
    if items_omitted > 0 {
        // Keep what a reader must act on: past-target work, then the soonest.
        dated.sort_by_key(|&item| (!tally.past_target[item], index.nodes[item].target_date));
        dated.truncate(ROADMAP_ITEMS);
    }
    dated.sort_by_key(|&item| (index.nodes[item].target_date, item));
    let (title, reaches_goal) = if goal == NO_GOAL {
        ("Reaching no organizational goal".to_owned(), false)
    } else {
        (index.nodes[goal].title.clone(), true)
    };
    RoadmapGroup {
        title,
        reaches_goal,
        items: dated
            .into_iter()
            .filter_map(|item| {
                let node = &index.nodes[item];
                let target_date = node.target_date?;
                Some(RoadmapItem {
                    id: node.id.clone(),
                    kind: node.kind,
                    kind_label: node.kind.label(),
                    title: node.title.clone(),
                    team: node.team.clone(),
                    status: node.status,
                    target_date,
                    at: at(target_date),
                    past_target: tally.past_target[item],
                })
            })
            .collect(),
        items_omitted,
        unscheduled: unscheduled
            .iter()
            .take(UNSCHEDULED_NAMED)
            .map(|&item| index.nodes[item].title.clone())
            .collect(),
        unscheduled_omitted: unscheduled.len().saturating_sub(UNSCHEDULED_NAMED),
    }
}

/// The axis runs from the start of the quarter holding the earliest of the target dates
/// and the as-of date to the start of the quarter after the latest.
fn axis_bounds(
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    as_of: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let first = earliest.map_or(as_of, |date| date.min(as_of));
    let last = latest.map_or(as_of, |date| date.max(as_of));
    (quarter_start(first), next_quarter(quarter_start(last)))
}

fn quarter_start(date: NaiveDate) -> NaiveDate {
    let month = (date.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

fn next_quarter(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_months(chrono::Months::new(3))
        .unwrap_or(start)
}

/// A tick per quarter ("2027 Q1"), or per year when quarters would crowd the axis.
fn ticks(start: NaiveDate, end: NaiveDate, at: &impl Fn(NaiveDate) -> f64) -> Vec<Tick> {
    let mut quarters = Vec::new();
    let mut date = start;
    while date < end && quarters.len() < 400 {
        quarters.push(date);
        date = next_quarter(date);
    }
    let yearly = quarters.len() > 12;
    quarters
        .into_iter()
        .filter(|date| !yearly || date.month() == 1)
        .map(|date| Tick {
            at: at(date),
            label: if yearly {
                date.year().to_string()
            } else {
                format!("{} Q{}", date.year(), date.month0() / 3 + 1)
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn the_axis_covers_today_and_every_target_in_whole_quarters() {
        let (start, end) = axis_bounds(
            Some(date(2027, 2, 28)),
            Some(date(2027, 10, 31)),
            date(2026, 11, 23),
        );
        assert_eq!((start, end), (date(2026, 10, 1), date(2028, 1, 1)));
        let (start, end) = axis_bounds(None, None, date(2026, 11, 23));
        assert_eq!((start, end), (date(2026, 10, 1), date(2027, 1, 1)));
    }

    #[test]
    fn ticks_are_quarters_until_they_would_crowd_then_years() {
        let at = |_: NaiveDate| 0.0;
        let quarters = ticks(date(2026, 10, 1), date(2028, 1, 1), &at);
        let labels: Vec<&str> = quarters.iter().map(|tick| tick.label.as_str()).collect();
        assert_eq!(
            labels,
            ["2026 Q4", "2027 Q1", "2027 Q2", "2027 Q3", "2027 Q4"]
        );
        let years = ticks(date(2026, 1, 1), date(2031, 1, 1), &at);
        let labels: Vec<&str> = years.iter().map(|tick| tick.label.as_str()).collect();
        assert_eq!(labels, ["2026", "2027", "2028", "2029", "2030"]);
    }
}
