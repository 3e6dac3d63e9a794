//! The roadmap drawn as vectors: per organizational goal, a row per initiative or
//! strategy with a marker at its target date on a shared time axis, quarter lines, and
//! the as-of date as a red line. Positions are the fractions `report::roadmap`
//! computed for every format; each row draws its own piece of the lines, so the
//! roadmap can break across pages anywhere.

use crate::analysis::Severity;
use crate::model::{NodeKind, Status};
use crate::report::content::Report;
use crate::report::roadmap::{RoadmapGroup, RoadmapItem};
use crate::report::svg::kind_style;
use crate::text::format_amount;

use super::layout::{BODY, CONTENT_W, INK, LINE, Layout, MARGIN, MUTED, Op, Rgb, SMALL};
use super::sections::severity_rgb;

const LABEL_W: f32 = CONTENT_W * 0.44;
const AXIS_X: f32 = MARGIN + LABEL_W + 8.0;
const AXIS_W: f32 = MARGIN + CONTENT_W - 6.0 - AXIS_X;
const ROW_H: f32 = SMALL * LINE + 3.0;
const MARKER: f32 = 6.5;
const GRID: Rgb = (0xdd, 0xdf, 0xe4);

pub(super) fn roadmap(layout: &mut Layout, report: &Report) {
    let roadmap = &report.roadmap;
    layout.heading("Roadmap", 15.0);
    if roadmap.item_count == 0 {
        layout.paragraph(
            "No initiative or strategy in this report.",
            BODY,
            MUTED,
            0.0,
        );
        return;
    }
    layout.paragraph(
        &format!(
            "{} initiatives and strategies by target date, each under the organizational goals it reaches. \
             The red line is {}. \u{2716} {} past target \u{00b7} {} without a target date.",
            format_amount(roadmap.item_count as f64),
            roadmap.as_of,
            format_amount(roadmap.past_target_count as f64),
            format_amount(roadmap.unscheduled_count as f64),
        ),
        SMALL,
        MUTED,
        0.0,
    );
    layout.space(4.0);
    for group in &roadmap.groups {
        draw_group(layout, report, group);
    }
    if roadmap.groups_omitted > 0 {
        layout.paragraph(
            &format!(
                "\u{2026} and {} more organizational goals with work under them: the team sections list every target date.",
                format_amount(roadmap.groups_omitted as f64)
            ),
            SMALL,
            MUTED,
            0.0,
        );
    }
    layout.space(4.0);
}

fn draw_group(layout: &mut Layout, report: &Report, group: &RoadmapGroup) {
    // The goal, the axis and a few rows stay together.
    layout.ensure(BODY * LINE + ROW_H * 4.0);
    layout.space(3.0);
    let marker = if group.reaches_goal {
        kind_style(NodeKind::OrgGoal).rgb
    } else {
        severity_rgb(Severity::Error)
    };
    layout.marked(marker, &group.title, BODY, 0.0);
    axis_labels(layout, report);
    for item in &group.items {
        item_row(layout, report, item);
    }
    let mut notes = Vec::new();
    if group.items_omitted > 0 {
        notes.push(format!(
            "\u{2026} and {} more dated items under this goal (past-target work is shown first).",
            format_amount(group.items_omitted as f64)
        ));
    }
    if !group.unscheduled.is_empty() {
        let mut text = format!("No target date: {}", group.unscheduled.join("; "));
        if group.unscheduled_omitted > 0 {
            text.push_str(&format!(
                "; and {} more",
                format_amount(group.unscheduled_omitted as f64)
            ));
        }
        notes.push(format!("{text}."));
    }
    for note in notes {
        layout.paragraph(&note, SMALL, MUTED, 12.0);
    }
}

/// The quarter (or year) labels over the axis, and "as of" over the red line.
fn axis_labels(layout: &mut Layout, report: &Report) {
    layout.ensure(ROW_H * 2.0);
    let baseline = layout.y + SMALL * LINE;
    let right = MARGIN + CONTENT_W;
    let mut free_from = AXIS_X;
    for tick in &report.roadmap.ticks {
        let x = AXIS_X + tick.at as f32 * AXIS_W + 1.5;
        let width = layout.metrics.width(&tick.label, SMALL - 1.0);
        if x >= free_from && x + width <= right {
            layout.text(x, baseline, SMALL - 1.0, MUTED, &tick.label);
            free_from = x + width + 3.0;
        }
    }
    layout.y += ROW_H;
    grid(layout, report, layout.y - 3.0, 3.0);
}

fn item_row(layout: &mut Layout, report: &Report, item: &RoadmapItem) {
    layout.ensure(ROW_H);
    let top = layout.y;
    grid(layout, report, top, ROW_H);
    let mut text = format!("{} {}", item.target_date, item.title);
    let color = if item.past_target {
        text = format!("\u{2716} {text}");
        severity_rgb(Severity::Error)
    } else if item.status == Status::Done {
        text.push_str(" (done)");
        MUTED
    } else {
        INK
    };
    let label = layout.metrics.fit(&text, SMALL, LABEL_W - 12.0);
    let baseline = top + ROW_H - 3.5;
    let style = kind_style(item.kind);
    layout.rect(MARGIN + 2.0, baseline - 5.5, 5.5, 5.5, style.rgb);
    layout.text(MARGIN + 12.0, baseline, SMALL, color, &label);
    let x = AXIS_X + item.at as f32 * AXIS_W;
    let marker = if item.past_target {
        severity_rgb(Severity::Error)
    } else {
        style.rgb
    };
    layout.rect(
        x - MARKER / 2.0,
        top + (ROW_H - MARKER) / 2.0,
        MARKER,
        MARKER,
        marker,
    );
    layout.y += ROW_H;
}

/// This row's piece of the quarter lines and of the as-of line.
fn grid(layout: &mut Layout, report: &Report, top: f32, height: f32) {
    for tick in &report.roadmap.ticks {
        let x = AXIS_X + tick.at as f32 * AXIS_W;
        layout.push(Op::Line {
            x1: x,
            y1: top,
            x2: x,
            y2: top + height,
            color: GRID,
        });
    }
    let today = AXIS_X + report.roadmap.today_at as f32 * AXIS_W;
    layout.push(Op::Line {
        x1: today,
        y1: top,
        x2: today,
        y2: top + height,
        color: severity_rgb(Severity::Error),
    });
}
