//! The brief as one A4 page: what it is and why, its lines up to the organization's
//! goals with each level's why, the resources behind it, the findings on its path.
//!
//! Everything is laid out in that order, one piece at a time, each kept only if it ends
//! above the room kept for a closing notice. What does not fit is counted, and the
//! notice says on the page what was left out and where to read it all; the caller
//! hears the same (the CLI prints it on stderr). A brief never runs onto a second page.

use crate::analysis::Severity;
use crate::model::NodeKind;
use crate::report::brief::{Brief, BriefNode, LineRow};
use crate::report::svg::{kind_style, severity_icon};
use crate::text::format_amount;

use super::layout::{
    Align, BODY, CONTENT_W, INK, LINE, Layout, MARGIN, MUTED, PAGE_H, SMALL, column,
};
use super::sections::severity_rgb;

/// An initiative need not say why: it is done for the strategy it carries out.
pub(crate) const INITIATIVE_WITHOUT_WHY: &str =
    "It has no why of its own: it is done for what it supports, below.";

/// Room kept at the foot of the page for the notice saying what did not fit.
const NOTICE_H: f32 = 3.0 * SMALL * LINE + 6.0;
/// Where the last piece laid out may end.
const LIMIT: f32 = PAGE_H - MARGIN - NOTICE_H;

/// The pieces left out, by what they are ("3 levels of its lines up").
#[derive(Default)]
struct LeftOut(Vec<String>);

impl LeftOut {
    fn add(&mut self, count: usize, one: &str, many: &str) {
        if count > 0 {
            let what = if count == 1 { one } else { many };
            self.0
                .push(format!("{} {what}", format_amount(count as f64)));
        }
    }

    fn whole(&mut self, what: &str) {
        self.0.push(what.to_owned());
    }
}

/// Lays out `place` and keeps it if it ends on this page above [`LIMIT`]; otherwise
/// takes it back whole and answers false.
fn fits(layout: &mut Layout, place: impl FnOnce(&mut Layout)) -> bool {
    let (pages, y) = (layout.pages.len(), layout.y);
    let ops = layout.pages.last().map_or(0, Vec::len);
    place(layout);
    if layout.pages.len() == pages && layout.y <= LIMIT {
        return true;
    }
    layout.pages.truncate(pages);
    if let Some(page) = layout.pages.last_mut() {
        page.truncate(ops);
    }
    layout.y = y;
    false
}

/// Lays the brief out on one page; answers what was left out, if anything.
pub(super) fn lay_out(layout: &mut Layout, brief: &Brief) -> Option<String> {
    let mut left_out = LeftOut::default();
    header(layout, brief, &mut left_out);
    lines_up(layout, brief, &mut left_out);
    resources(layout, brief, &mut left_out);
    findings(layout, brief, &mut left_out);
    if left_out.0.is_empty() {
        return None;
    }
    let what = left_out.0.join(", ");
    layout.y = LIMIT;
    layout.space(4.0);
    layout.paragraph(
        &format!(
            "This brief did not fit on one page. Left out: {what}. The HTML or Markdown brief has all of it."
        ),
        SMALL,
        severity_rgb(Severity::Warning),
        0.0,
    );
    Some(what)
}

fn header(layout: &mut Layout, brief: &Brief, left_out: &mut LeftOut) {
    let subject = &brief.subject;
    layout.paragraph(
        &format!(
            "ALIGNMENT BRIEF \u{00b7} {} \u{00b7} {}",
            subject.kind_label.to_uppercase(),
            brief.plan_name
        ),
        SMALL,
        MUTED,
        0.0,
    );
    layout.heading(&subject.title, 17.0);
    layout.paragraph(&meta(subject, brief), SMALL, MUTED, 0.0);
    layout.space(4.0);
    match &subject.why {
        Some(why) => {
            layout.paragraph("Why we are doing it", BODY, MUTED, 0.0);
            // Line by line: a why of several pages keeps what fits and says the rest.
            let lines = layout.metrics.wrap(why, 11.0, CONTENT_W);
            let total = lines.len();
            for (shown, line) in lines.iter().enumerate() {
                let kept = fits(layout, |layout| {
                    layout.y += 11.0 * LINE;
                    let baseline = layout.y - 11.0 * 0.25;
                    layout.text(MARGIN, baseline, 11.0, INK, line);
                });
                if !kept {
                    left_out.add(total - shown, "line of its why", "lines of its why");
                    break;
                }
            }
        }
        None if subject.kind == NodeKind::Initiative => {
            layout.paragraph(INITIATIVE_WITHOUT_WHY, BODY, MUTED, 0.0)
        }
        None => layout.paragraph(
            "Why it is done is not written down: the plan should say.",
            BODY,
            severity_rgb(Severity::Warning),
            0.0,
        ),
    }
    if let Some(notes) = &subject.notes
        && !fits(layout, |layout| {
            layout.space(2.0);
            layout.paragraph(&format!("Notes: {notes}"), SMALL, MUTED, 0.0);
        })
    {
        left_out.whole("its notes");
    }
    let reach = match brief.reaches.as_slice() {
        [] => "It reaches no organizational goal.".to_owned(),
        [goal] => format!("It reaches one organizational goal: {goal}."),
        goals => format!(
            "It reaches {} organizational goals: {}.",
            goals.len(),
            goals.join("; ")
        ),
    };
    let color = if brief.reaches.is_empty() {
        severity_rgb(Severity::Error)
    } else {
        INK
    };
    if !fits(layout, |layout| {
        layout.space(4.0);
        layout.paragraph(&reach, BODY, color, 0.0);
        if !brief.carried_by.is_empty() {
            layout.paragraph(
                &format!("Carried out by: {}.", brief.carried_by.join("; ")),
                BODY,
                INK,
                0.0,
            );
        }
    }) {
        left_out.whole("the goals it reaches");
    }
}

/// "Initiative · active · owner Priya · Service Desk · target 2027-03-31 · last reviewed …"
fn meta(node: &BriefNode, brief: &Brief) -> String {
    let mut parts = vec![
        format!("{} {}", node.kind_label, node.id),
        node.status.as_str().to_owned(),
    ];
    if let Some(owner) = &node.owner {
        parts.push(format!("owner {owner}"));
    }
    if let Some(team) = &node.team {
        parts.push(format!("team {team}"));
    }
    if let Some(target) = node.target_date {
        parts.push(format!("target {target}"));
    }
    parts.extend(node.review_text.clone());
    parts.push(format!("judged as of {}", brief.as_of));
    parts.join(" \u{00b7} ")
}

fn lines_up(layout: &mut Layout, brief: &Brief, left_out: &mut LeftOut) {
    if brief.lines.is_empty() {
        return;
    }
    for (shown, row) in brief.lines.iter().enumerate() {
        let kept = fits(layout, |layout| {
            if shown == 0 {
                layout.heading("How it traces up to the organization's goals", 12.0);
            }
            line_row(layout, row);
        });
        if !kept {
            left_out.add(
                brief.lines.len() - shown,
                "level of its lines up",
                "levels of its lines up",
            );
            return;
        }
    }
}

fn line_row(layout: &mut Layout, row: &LineRow) {
    let indent = ((row.depth - 1) as f32 * 12.0).min(CONTENT_W / 3.0);
    let node = &row.node;
    let lead = if row.depth == 1 {
        "It supports"
    } else {
        "which supports"
    };
    let mut text = format!(
        "{lead} the {} \u{201c}{}\u{201d}",
        node.kind_label, node.title
    );
    if row.repeat {
        text.push_str(" (its lines are shown above)");
    }
    layout.marked(kind_style(node.kind).rgb, &text, BODY, indent);
    if row.repeat {
        return;
    }
    let review = node
        .review_text
        .as_ref()
        .map_or_else(String::new, |review| format!(" ({review})"));
    match &node.why {
        Some(why) => layout.paragraph(&format!("Why: {why}{review}"), SMALL, MUTED, indent + 12.0),
        None => layout.paragraph(
            &format!("Why it matters is not written down{review}."),
            SMALL,
            severity_rgb(Severity::Warning),
            indent + 12.0,
        ),
    }
}

fn resources(layout: &mut Layout, brief: &Brief, left_out: &mut LeftOut) {
    let heading = "Resources behind it";
    if brief.allocations.is_empty() {
        if !fits(layout, |layout| {
            layout.heading(heading, 12.0);
            layout.paragraph(
                "No resources are allocated to it.",
                BODY,
                severity_rgb(Severity::Warning),
                0.0,
            );
        }) {
            left_out.whole("the resources section");
        }
        return;
    }
    let sums: Vec<String> = brief
        .resources
        .iter()
        .map(|sum| format!("{} {}", sum.type_label, sum.amount_text))
        .collect();
    let rows: Vec<Vec<String>> = brief
        .allocations
        .iter()
        .map(|a| {
            vec![
                a.resource_title.clone(),
                a.type_label.to_owned(),
                a.amount_text.clone(),
                a.to_title.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let shown = (1..=rows.len()).rev().find(|&count| {
        fits(layout, |layout| {
            layout.heading(heading, 12.0);
            layout.paragraph(&format!("In all: {}.", sums.join("; ")), BODY, INK, 0.0);
            layout.space(2.0);
            layout.table(
                &[
                    column("Resource", 0.42, Align::Left),
                    column("Type", 0.16, Align::Left),
                    column("Amount", 0.18, Align::Right),
                    column("Through", 0.24, Align::Left),
                ],
                &rows[..count],
                &[],
            );
        })
    });
    left_out.add(rows.len() - shown.unwrap_or(0), "allocation", "allocations");
}

fn findings(layout: &mut Layout, brief: &Brief, left_out: &mut LeftOut) {
    let counts = Severity::ALL
        .into_iter()
        .map(|severity| {
            let count = brief.count(severity);
            let word = match (severity, count) {
                (Severity::Error, 1) => "error",
                (Severity::Error, _) => "errors",
                (Severity::Warning, 1) => "warning",
                (Severity::Warning, _) => "warnings",
                (Severity::Info, _) => "info",
            };
            format!("{} {count} {word}", severity_icon(severity))
        })
        .collect::<Vec<_>>()
        .join(" \u{00b7} ");
    let heading = "Findings on its path";
    if brief.findings.is_empty() {
        if !fits(layout, |layout| {
            layout.heading(heading, 12.0);
            layout.paragraph(
                "No findings on it, on what it supports or on what funds it.",
                BODY,
                MUTED,
                0.0,
            );
        }) {
            left_out.whole("the findings section");
        }
        return;
    }
    let rows: Vec<Vec<String>> = brief
        .findings
        .iter()
        .map(|f| {
            vec![
                format!("{} {}", severity_icon(f.severity), f.rule_title),
                f.title.clone(),
                f.message.clone(),
            ]
        })
        .collect();
    let emphasis: Vec<_> = brief
        .findings
        .iter()
        .map(|f| Some(severity_rgb(f.severity)).filter(|_| f.severity == Severity::Error))
        .collect();
    let shown = (1..=rows.len()).rev().find(|&count| {
        fits(layout, |layout| {
            layout.heading(heading, 12.0);
            layout.paragraph(&counts, SMALL, MUTED, 0.0);
            layout.space(2.0);
            layout.table(
                &[
                    column("Rule", 0.22, Align::Left),
                    column("On", 0.3, Align::Left),
                    column("What is wrong", 0.48, Align::Left),
                ],
                &rows[..count],
                &emphasis[..count],
            );
        })
    });
    left_out.add(rows.len() - shown.unwrap_or(0), "finding", "findings");
}
