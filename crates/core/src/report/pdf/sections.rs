//! What the PDF says, section by section, in the order a board reads it: the
//! summary and score, the most pressing findings, then the goals and what supports
//! them, all findings, resources and teams.
//!
//! A PDF is read on paper, and its cost grows with every row drawn, so each listing
//! is capped: past its cap it says how many more there are and which report holds
//! them all (HTML for trees and teams, CSV for findings). Whatever the plan's size,
//! the summary, the score and the worst findings open the first page, and the
//! document stays a few dozen pages that render in a fraction of a second.

use crate::analysis::Severity;
use crate::model::{NodeKind, Status};
use crate::report::content::{
    FindingRow, GoalSection, Report, ResourceRow, TeamKindGroup, TreeRow,
};
use crate::report::svg::{kind_style, severity_icon};
use crate::text::format_amount;

use super::chart::chart;
use super::layout::{Align, BODY, CONTENT_W, INK, LINE, Layout, MUTED, Rgb, SMALL, column};
use super::review_log::review_log;
use super::roadmap::roadmap;

/// Findings on the first page, right after the summary.
pub(super) const PRESSING_FINDINGS: usize = 10;
/// Organizational goals shown with their tree; the rest are only counted.
pub(super) const GOAL_SECTIONS: usize = 20;
/// Lines of each goal's support tree, from the top down.
pub(super) const TREE_ROWS_PER_GOAL: usize = 25;
/// Findings listed per severity.
pub(super) const FINDINGS_PER_SEVERITY: usize = 50;
/// Rows of the resources table; over-allocated resources come first when there are more.
pub(super) const RESOURCE_ROWS: usize = 60;
/// Nodes of one kind listed per team.
pub(super) const TEAM_ROWS_PER_KIND: usize = 6;

pub(super) fn severity_rgb(severity: Severity) -> Rgb {
    match severity {
        Severity::Error => (0xc6, 0x28, 0x28),
        Severity::Warning => (0xb2, 0x6a, 0x00),
        Severity::Info => (0x1f, 0x5f, 0xbf),
    }
}

/// Lays out the whole report, section by section.
pub(super) fn lay_out(layout: &mut Layout, report: &Report) {
    title(layout, report);
    summary(layout, report);
    pressing_findings(layout, report);
    changes(layout, report);
    goals(layout, report);
    layout.new_page();
    roadmap(layout, report);
    review_log(layout, report);
    layout.new_page();
    findings(layout, report);
    resources(layout, report);
    teams(layout, report);
}

/// "3 more ... : see ..." under a listing cut at its cap.
pub(super) fn more(layout: &mut Layout, count: usize, what: &str, where_: &str) {
    layout.paragraph(
        &format!(
            "\u{2026} and {} more {what}: {where_}",
            format_amount(count as f64)
        ),
        SMALL,
        MUTED,
        0.0,
    );
    layout.space(4.0);
}

fn title(layout: &mut Layout, report: &Report) {
    let kicker = match &report.team {
        Some(team) => format!("ALIGNMENT REPORT \u{00b7} TEAM {team}"),
        None => "ALIGNMENT REPORT".to_owned(),
    };
    layout.paragraph(&kicker, SMALL, MUTED, 0.0);
    layout.heading(&report.plan_name, 20.0);
    layout.paragraph(&format!("As of {}", report.as_of), BODY, MUTED, 0.0);
}

fn summary(layout: &mut Layout, report: &Report) {
    layout.heading("Summary", 15.0);
    let summary = &report.summary;
    layout.table(
        &[
            column("Alignment score", 0.25, Align::Right),
            column("\u{2716} Errors", 0.25, Align::Right),
            column("\u{25b2} Warnings", 0.25, Align::Right),
            column("i Info", 0.25, Align::Right),
        ],
        &[vec![
            report.score_text.clone(),
            summary.error.to_string(),
            summary.warning.to_string(),
            summary.info.to_string(),
        ]],
        &[],
    );
    layout.paragraph(
        &format!("{} ({})", report.score_sentence, report.score_counts_text),
        SMALL,
        MUTED,
        0.0,
    );
    layout.space(4.0);
    let kinds: Vec<_> = report
        .kind_counts
        .iter()
        .map(|k| column(k.label, 0.2, Align::Right))
        .collect();
    let counts = report
        .kind_counts
        .iter()
        .map(|k| k.count.to_string())
        .collect();
    layout.table(&kinds, &[counts], &[]);
}

/// The findings a board should hear first: those of the highest severity present,
/// one of each rule before a second of any (so that ten orphans do not hide an
/// over-allocated budget), and within a rule the nodes highest in the plan first
/// (org goals before the work under them).
pub(super) fn most_pressing(report: &Report) -> Vec<&FindingRow> {
    let Some(worst) = report.findings.first() else {
        return Vec::new();
    };
    let mut by_rule: Vec<Vec<&FindingRow>> = Vec::new();
    // The analysis sorts findings by rule, so each rule's findings are one run.
    for finding in &worst.findings {
        match by_rule.last_mut() {
            Some(run) if run[0].rule == finding.rule => run.push(finding),
            _ => by_rule.push(vec![finding]),
        }
    }
    for run in &mut by_rule {
        // Stable: within a kind, the analysis's order (by node) stays.
        run.sort_by_key(|row| row.kind.map_or(NodeKind::ALL.len(), |kind| kind as usize));
    }
    let mut chosen = Vec::with_capacity(PRESSING_FINDINGS);
    for round in 0.. {
        let before = chosen.len();
        chosen.extend(by_rule.iter().filter_map(|run| run.get(round).copied()));
        if chosen.len() == before || chosen.len() >= PRESSING_FINDINGS {
            break;
        }
    }
    chosen.truncate(PRESSING_FINDINGS);
    chosen
}

fn pressing_findings(layout: &mut Layout, report: &Report) {
    let rows = most_pressing(report);
    let Some(first) = rows.first() else {
        return;
    };
    layout.heading("Most pressing findings", 15.0);
    let shown = format!(
        "The most severe of {} findings: one of each problem before a second, goals before the work under them.",
        format_amount(report.finding_count() as f64)
    );
    layout.paragraph(&shown, SMALL, MUTED, 0.0);
    layout.space(2.0);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|f| {
            vec![
                format!("{} {}", severity_icon(f.severity), f.rule_title),
                format!("{} ({})", f.title, f.node),
                f.what_is_wrong(),
            ]
        })
        .collect();
    let emphasis = vec![Some(severity_rgb(first.severity)); cells.len()];
    layout.table(
        &[
            column("Rule", 0.2, Align::Left),
            column("Node", 0.3, Align::Left),
            column("What is wrong", 0.5, Align::Left),
        ],
        &cells,
        &emphasis,
    );
}

/// How many changes of one kind the PDF lists before it says how many more there are.
pub(super) const CHANGES_PER_SECTION: usize = 25;

fn changes(layout: &mut Layout, report: &Report) {
    let Some(changes) = &report.changes else {
        return;
    };
    layout.heading(&changes.heading, 15.0);
    layout.paragraph(
        &format!("Alignment score: {}.", changes.score_trend),
        BODY,
        INK,
        0.0,
    );
    layout.paragraph(&changes.score_sentence, BODY, INK, 0.0);
    layout.paragraph(&changes.counts_sentence, BODY, INK, 0.0);
    if changes.sections.is_empty() {
        layout.paragraph("Nothing changed.", BODY, MUTED, 0.0);
    }
    for section in &changes.sections {
        layout.heading(
            &format!("{} ({})", section.heading, section.lines.len()),
            12.0,
        );
        for line in section.lines.iter().take(CHANGES_PER_SECTION) {
            layout.paragraph(&format!("\u{2022} {line}"), SMALL, INK, 8.0);
        }
        if section.lines.len() > CHANGES_PER_SECTION {
            more(
                layout,
                section.lines.len() - CHANGES_PER_SECTION,
                "changes",
                "throughline diff lists them all",
            );
        }
    }
    layout.space(4.0);
    layout.paragraph(&changes.gate_sentence, BODY, INK, 0.0);
}

fn goals(layout: &mut Layout, report: &Report) {
    layout.heading("Organizational goals and what supports them", 15.0);
    if report.goals.is_empty() {
        layout.paragraph(
            "No organizational goal is in this report.",
            BODY,
            MUTED,
            0.0,
        );
    }
    for goal in report.goals.iter().take(GOAL_SECTIONS) {
        goal_section(layout, goal);
    }
    if report.goals.len() > GOAL_SECTIONS {
        more(
            layout,
            report.goals.len() - GOAL_SECTIONS,
            "organizational goals",
            "the HTML report has every goal and what supports it.",
        );
    }
}

fn goal_section(layout: &mut Layout, goal: &GoalSection) {
    let badge = goal
        .severity
        .map(|s| format!("  {} {}", severity_icon(s), goal.finding_count))
        .unwrap_or_default();
    layout.heading(&format!("{} ({}){badge}", goal.title, goal.id), 12.0);
    let mut meta = vec![goal.status.as_str().to_owned()];
    if let Some(owner) = &goal.owner {
        meta.push(format!("owner {owner}"));
    }
    if let Some(team) = &goal.team {
        meta.push(team.clone());
    }
    meta.push(goal.review_text.clone());
    layout.paragraph(&meta.join(" \u{00b7} "), SMALL, MUTED, 0.0);
    match &goal.why {
        Some(why) => layout.paragraph(&format!("Why: {why}"), BODY, INK, 0.0),
        None => layout.paragraph(
            "Why it matters is not written down.",
            BODY,
            severity_rgb(Severity::Warning),
            0.0,
        ),
    }
    if goal.resources.is_empty() {
        layout.paragraph(
            "No resources are allocated to anything under this goal.",
            BODY,
            MUTED,
            0.0,
        );
    } else {
        let sums: Vec<String> = goal
            .resources
            .iter()
            .map(|s| format!("{} {}", s.type_label, s.amount_text))
            .collect();
        layout.paragraph(
            &format!("Resources behind it: {}", sums.join("; ")),
            BODY,
            INK,
            0.0,
        );
    }
    layout.space(2.0);
    for row in goal.rows.iter().take(TREE_ROWS_PER_GOAL) {
        let indent = ((row.depth - 1) as f32 * 12.0).min(CONTENT_W / 2.0);
        layout.marked(kind_style(row.kind).rgb, &tree_line(row), BODY, indent);
    }
    if goal.rows.len() > TREE_ROWS_PER_GOAL {
        more(
            layout,
            goal.rows.len() - TREE_ROWS_PER_GOAL,
            "lines of this goal's tree",
            "the HTML report has the whole tree.",
        );
    }
    if goal.rows.is_empty() {
        layout.paragraph("Nothing supports this goal yet.", BODY, MUTED, 0.0);
    }
}

fn tree_line(row: &TreeRow) -> String {
    let mut text = format!("{}: {}", row.kind_label, row.title);
    if row.status != Status::Active {
        text.push_str(&format!(" ({})", row.status.as_str()));
    }
    if let Some(team) = &row.team {
        text.push_str(&format!(" \u{00b7} {team}"));
    }
    if let Some(severity) = row.severity {
        text.push_str(&format!(
            "  {} {}",
            severity_icon(severity),
            row.finding_count
        ));
    }
    if row.repeat {
        text.push_str(" (shown above)");
    } else if !row.resources_text.is_empty() {
        text.push_str(&format!(" \u{00b7} {}", row.resources_text));
    }
    text
}

fn findings(layout: &mut Layout, report: &Report) {
    layout.heading("Findings", 15.0);
    if report.findings.is_empty() {
        layout.paragraph("No findings: every rule is satisfied.", BODY, MUTED, 0.0);
    }
    for group in &report.findings {
        layout.heading(
            &format!(
                "{} {} ({})",
                severity_icon(group.severity),
                group.heading,
                group.findings.len()
            ),
            12.0,
        );
        let rows: Vec<Vec<String>> = group
            .findings
            .iter()
            .take(FINDINGS_PER_SEVERITY)
            .map(|f| {
                vec![
                    f.rule_title.to_owned(),
                    format!("{} ({})", f.title, f.node),
                    f.what_is_wrong(),
                    f.hint.clone(),
                ]
            })
            .collect();
        layout.table(
            &[
                column("Rule", 0.17, Align::Left),
                column("Node", 0.23, Align::Left),
                column("What is wrong", 0.32, Align::Left),
                column("How to fix it", 0.28, Align::Left),
            ],
            &rows,
            &[],
        );
        if group.findings.len() > FINDINGS_PER_SEVERITY {
            more(
                layout,
                group.findings.len() - FINDINGS_PER_SEVERITY,
                &group.heading.to_lowercase(),
                "the CSV report lists every finding.",
            );
        }
    }
}

fn resources(layout: &mut Layout, report: &Report) {
    layout.heading("Resources", 15.0);
    if report.resources.is_empty() {
        layout.paragraph("No resources in this report.", BODY, MUTED, 0.0);
        return;
    }
    chart(layout, report);
    let listed = listed_resources(&report.resources);
    let rows: Vec<Vec<String>> = listed.iter().map(|r| resource_cells(r)).collect();
    let emphasis: Vec<Option<Rgb>> = listed
        .iter()
        .map(|r| r.over.then_some(severity_rgb(Severity::Error)))
        .collect();
    layout.table(
        &[
            column("Resource", 0.32, Align::Left),
            column("Type", 0.16, Align::Left),
            column("Capacity", 0.17, Align::Right),
            column("Allocated", 0.18, Align::Right),
            column("Remaining", 0.17, Align::Right),
        ],
        &rows,
        &emphasis,
    );
    if report.resources.len() > listed.len() {
        more(
            layout,
            report.resources.len() - listed.len(),
            "resources",
            "the HTML report lists them all.",
        );
    }
}

/// The resources the table lists, in plan order: all of them up to the cap; past
/// it, the over-allocated ones first, since those are what a reader must act on.
fn listed_resources(resources: &[ResourceRow]) -> Vec<&ResourceRow> {
    if resources.len() <= RESOURCE_ROWS {
        return resources.iter().collect();
    }
    let mut chosen: Vec<(usize, &ResourceRow)> = resources.iter().enumerate().collect();
    chosen.sort_by_key(|(position, resource)| (!resource.over, *position));
    chosen.truncate(RESOURCE_ROWS);
    chosen.sort_by_key(|(position, _)| *position);
    chosen.into_iter().map(|(_, resource)| resource).collect()
}

fn resource_cells(r: &ResourceRow) -> Vec<String> {
    vec![
        format!("{} ({})", r.title, r.id),
        r.type_label.to_owned(),
        r.capacity_text.clone(),
        match r.percent {
            Some(percent) => format!("{} ({percent}%)", r.allocated_text),
            None => r.allocated_text.clone(),
        },
        if r.over {
            format!("{} \u{2716} over", r.remaining_text)
        } else {
            r.remaining_text.clone()
        },
    ]
}

fn teams(layout: &mut Layout, report: &Report) {
    layout.heading("Teams", 15.0);
    if report.teams.is_empty() {
        layout.paragraph("No node names a team.", BODY, MUTED, 0.0);
    }
    for team in &report.teams {
        layout.heading(&team.name, 12.0);
        layout.paragraph(
            &format!(
                "\u{2716} {} errors \u{00b7} \u{25b2} {} warnings \u{00b7} i {} info",
                team.error, team.warning, team.info
            ),
            SMALL,
            MUTED,
            0.0,
        );
        for group in &team.groups {
            team_group(layout, group);
        }
    }
}

fn team_group(layout: &mut Layout, group: &TeamKindGroup) {
    layout.space(2.0);
    // The group's label, the table's header and a row or two stay together.
    layout.ensure(5.0 * BODY * LINE);
    layout.marked(
        kind_style(group.kind).rgb,
        &format!("{} ({})", group.label, group.nodes.len()),
        BODY,
        0.0,
    );
    let rows: Vec<Vec<String>> = group
        .nodes
        .iter()
        .take(TEAM_ROWS_PER_KIND)
        .map(|n| {
            let mut reaches = n.reaches.join("; ");
            if n.reaches_more {
                reaches.push_str("; and more");
            }
            vec![
                n.title.clone(),
                n.status.as_str().to_owned(),
                n.owner.clone().unwrap_or_default(),
                n.supports.join("; "),
                reaches,
                n.severity.map_or_else(
                    || "0".to_owned(),
                    |s| format!("{} {}", severity_icon(s), n.finding_count),
                ),
            ]
        })
        .collect();
    let target_header = if group.kind == NodeKind::Resource {
        "Allocated to"
    } else {
        "Supports"
    };
    layout.table(
        &[
            column("Title", 0.26, Align::Left),
            column("Status", 0.1, Align::Left),
            column("Owner", 0.13, Align::Left),
            column(target_header, 0.21, Align::Left),
            column("Reaches", 0.21, Align::Left),
            column("Findings", 0.09, Align::Right),
        ],
        &rows,
        &[],
    );
    if group.nodes.len() > TEAM_ROWS_PER_KIND {
        more(
            layout,
            group.nodes.len() - TEAM_ROWS_PER_KIND,
            &group.label.to_lowercase(),
            "the HTML report lists the whole team.",
        );
    }
}
