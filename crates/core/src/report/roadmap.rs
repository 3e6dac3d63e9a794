//! The roadmap in reports, drawn from [`crate::roadmap`]: which initiatives and
//! strategies it holds, the organizational goals they sit under, which are past their
//! target and which are unscheduled are decided there, once, for the app and the reports.
//! What is left here is about drawing on a page: the report's team scope, caps for big
//! plans, and positions on the time axis.
//!
//! Positions are computed here once, as fractions of the axis, so the HTML's SVG and the
//! PDF's vectors draw the same roadmap at their own widths. A big plan's roadmap is
//! capped: a few goals, a few items each (past-target work first), and the rest counted,
//! so a 10,000-node PDF stays as fast as a small one.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{NodeKind, Plan, Status};
use crate::roadmap::{self as road, RoadmapGrouping};

/// Organizational goals drawn; the others are counted.
pub const ROADMAP_GROUPS: usize = 12;
/// Dated items drawn under each goal; past-target work is kept first.
pub const ROADMAP_ITEMS: usize = 10;
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

/// The plan's roadmap by organizational goal, limited to the work `in_scope` (a team's
/// report) and laid out for a page.
///
/// A team's scope holds everything its work supports, so every goal its work reaches
/// is in scope too: limiting the items is enough.
pub(super) fn roadmap(plan: &Plan, in_scope: impl Fn(&str) -> bool, as_of: NaiveDate) -> Roadmap {
    let whole = road::roadmap(plan, as_of, RoadmapGrouping::OrgGoal);
    let groups: Vec<(&road::RoadmapGroup, Vec<&road::RoadmapItem>)> = whole
        .groups
        .iter()
        .filter_map(|group| {
            let items: Vec<&road::RoadmapItem> = group
                .items
                .iter()
                .filter(|item| in_scope(&item.id))
                .collect();
            (!items.is_empty()).then_some((group, items))
        })
        .collect();

    // Work under two goals shows twice but counts once.
    let mut seen = HashSet::new();
    let work: Vec<&road::RoadmapItem> = groups
        .iter()
        .flat_map(|(_, items)| items.iter().copied())
        .filter(|item| seen.insert(item.id.as_str()))
        .collect();
    let dates = work.iter().filter_map(|item| item.target_date);
    let (start, end) = axis_bounds(dates.clone().min(), dates.max(), as_of);
    let span = (end - start).num_days().max(1) as f64;
    let at = |date: NaiveDate| ((date - start).num_days() as f64 / span).clamp(0.0, 1.0);

    let total_groups = groups.len();
    Roadmap {
        as_of,
        today_at: at(as_of),
        ticks: ticks(start, end, &at),
        groups: groups
            .into_iter()
            .take(ROADMAP_GROUPS)
            .map(|(group, items)| drawn_group(group, &items, &at))
            .collect(),
        groups_omitted: total_groups.saturating_sub(ROADMAP_GROUPS),
        item_count: work.len(),
        past_target_count: work.iter().filter(|item| item.past_target).count(),
        unscheduled_count: work
            .iter()
            .filter(|item| item.target_date.is_none())
            .count(),
    }
}

/// A group as drawn: its dated items capped, its unscheduled ones named in a line.
fn drawn_group(
    group: &road::RoadmapGroup,
    items: &[&road::RoadmapItem],
    at: &impl Fn(NaiveDate) -> f64,
) -> RoadmapGroup {
    // Items come scheduled first, by target date, then unscheduled.
    let (mut dated, unscheduled): (Vec<&road::RoadmapItem>, Vec<&road::RoadmapItem>) =
        items.iter().partition(|item| item.target_date.is_some());
    let items_omitted = dated.len().saturating_sub(ROADMAP_ITEMS);
    if items_omitted > 0 {
        // Keep what a reader must act on: past-target work, then the soonest; draw the
        // kept ones in the roadmap's order.
        let mut kept: Vec<usize> = (0..dated.len()).collect();
        kept.sort_by_key(|&item| (!dated[item].past_target, dated[item].target_date));
        kept.truncate(ROADMAP_ITEMS);
        kept.sort_unstable();
        dated = kept.into_iter().map(|item| dated[item]).collect();
    }
    RoadmapGroup {
        title: if group.goal.is_some() {
            group.title.clone()
        } else {
            "Reaching no organizational goal".to_owned()
        },
        reaches_goal: group.goal.is_some(),
        items: dated
            .into_iter()
            .filter_map(|item| {
                let target_date = item.target_date?;
                Some(RoadmapItem {
                    id: item.id.clone(),
                    kind: item.kind,
                    kind_label: item.kind.label(),
                    title: item.title.clone(),
                    team: item.team.clone(),
                    status: item.status,
                    target_date,
                    at: at(target_date),
                    past_target: item.past_target,
                })
            })
            .collect(),
        items_omitted,
        unscheduled: unscheduled
            .iter()
            .take(UNSCHEDULED_NAMED)
            .map(|item| item.title.clone())
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
