//! The allocation chart: one horizontal bar of allocation against capacity per
//! resource (100% marked), as in the HTML, sized to the page.
//!
//! Each part has its own column (label, track with room for bars past 100%, and the
//! figures), and nothing is drawn wider than its column: labels are cut with an
//! ellipsis, the figures wrap onto a second line. Figures such as "6,800 hours of
//! 6,000 hours (113%), over capacity" used to run off the page's right edge.

use crate::analysis::Severity;
use crate::report::content::Report;
use crate::report::svg::{chart_text, charted, share};

use super::layout::{BODY, CONTENT_W, INK, LINE, Layout, MARGIN, MUTED, Op, SMALL};
use super::sections::severity_rgb;

const TRACK: (u8, u8, u8) = (0xec, 0xef, 0xf3);
const BAR: (u8, u8, u8) = (0x4a, 0x6f, 0xa5);

const LABEL_W: f32 = CONTENT_W * 0.3;
const TRACK_W: f32 = CONTENT_W * 0.24;
/// Bars stop at 150% of the capacity so one extreme resource does not squash the rest.
const MAX_SHARE: f32 = 1.5;
const GAP: f32 = 6.0;
const TRACK_X: f32 = MARGIN + LABEL_W;
const FIGURES_X: f32 = TRACK_X + TRACK_W * MAX_SHARE + GAP;
const FIGURES_W: f32 = MARGIN + CONTENT_W - FIGURES_X;
const BAR_H: f32 = 9.0;
const ROW_GAP: f32 = 6.0;

pub(super) fn chart(layout: &mut Layout, report: &Report) {
    let (rows, omitted, unlimited) = charted(report);
    if rows.is_empty() {
        return;
    }
    layout.paragraph("Allocation against capacity", BODY, INK, 0.0);
    let line_h = SMALL * LINE;
    for resource in rows {
        let (figures, color) = if resource.over {
            (
                format!("\u{2716} {}", chart_text(resource)),
                severity_rgb(Severity::Error),
            )
        } else {
            (chart_text(resource), INK)
        };
        let figure_lines = layout.metrics.wrap(&figures, SMALL, FIGURES_W);
        let height = (figure_lines.len() as f32 * line_h).max(BAR_H) + ROW_GAP;
        layout.ensure(height);
        let top = layout.y + ROW_GAP / 2.0;
        let baseline = top + BAR_H - 1.0;
        let label = layout.metrics.fit(&resource.title, SMALL, LABEL_W - GAP);
        layout.text(MARGIN, baseline, SMALL, INK, &label);
        layout.rect(TRACK_X, top, TRACK_W, BAR_H, TRACK);
        let fill = share(resource).min(f64::from(MAX_SHARE)) as f32 * TRACK_W;
        if fill > 0.0 {
            let bar = if resource.over {
                severity_rgb(Severity::Error)
            } else {
                BAR
            };
            layout.rect(TRACK_X, top, fill, BAR_H, bar);
        }
        layout.push(Op::Line {
            x1: TRACK_X + TRACK_W,
            y1: top - 2.0,
            x2: TRACK_X + TRACK_W,
            y2: top + BAR_H + 2.0,
            color: INK,
        });
        for (number, line) in figure_lines.iter().enumerate() {
            let line_baseline = baseline + number as f32 * line_h;
            layout.text(FIGURES_X, line_baseline, SMALL, color, line);
        }
        layout.y += height;
    }
    let mut note = "The vertical mark is 100% of capacity.".to_owned();
    if omitted > 0 {
        note.push_str(&format!(
            " The most loaded resources are shown; {omitted} more have a capacity."
        ));
    }
    if unlimited > 0 {
        note.push_str(&format!(
            " {unlimited} resource(s) without a capacity are in the table only."
        ));
    }
    layout.paragraph(&note, SMALL, MUTED, 0.0);
    layout.space(4.0);
}
