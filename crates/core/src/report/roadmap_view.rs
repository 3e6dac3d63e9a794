//! Geometry of the roadmap's inline SVG in the HTML report: one row per goal, item or
//! note, markers placed on the time axis at the fractions [`super::roadmap`] computed.
//! The `roadmap.svg` template writes the SVG and escapes every label.

use serde::Serialize;

use crate::analysis::Severity;
use crate::model::Status;

use super::font::FontMetrics;
use super::roadmap::Roadmap;
use super::svg::{corner_radius, kind_style, polygon, severity_color, truncate};

const MARGIN: f64 = 12.0;
/// Wide enough for most titles in full: the SVG then fills the report's 1,044-pixel column.
const LABEL_W: f64 = 436.0;
const AXIS_W: f64 = 560.0;
const HEADER_H: f64 = 34.0;
const ROW_H: f64 = 20.0;
const GROUP_H: f64 = 30.0;
const MARKER: f64 = 12.0;
const FONT: f32 = 12.0;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoadmapView {
    pub width: f64,
    pub height: f64,
    pub axis_x: f64,
    pub axis_w: f64,
    pub today_x: f64,
    pub ticks: Vec<(f64, String)>,
    pub rows: Vec<RoadmapRow>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoadmapRow {
    /// "group", "item" or "note".
    pub role: &'static str,
    /// The row's text baseline.
    pub y: f64,
    pub label: String,
    /// The whole text, as a tooltip.
    pub title: String,
    pub marker_x: f64,
    pub marker_y: f64,
    pub points: String,
    pub rx: f64,
    pub color: &'static str,
    pub tint: &'static str,
    pub text_color: &'static str,
}

pub(crate) fn roadmap_view(roadmap: &Roadmap) -> RoadmapView {
    let metrics = FontMetrics::new();
    let fit = |text: &str, width: f64| match &metrics {
        Some(metrics) => metrics.fit(text, FONT, width as f32),
        None => truncate(text, 40),
    };
    let axis_x = MARGIN + LABEL_W;
    let mut rows = Vec::new();
    let mut y = HEADER_H;
    let note = |rows: &mut Vec<RoadmapRow>, y: &mut f64, text: String| {
        rows.push(RoadmapRow {
            role: "note",
            y: *y + ROW_H - 6.0,
            label: fit(&text, LABEL_W + AXIS_W - 24.0),
            title: text,
            marker_x: 0.0,
            marker_y: 0.0,
            points: String::new(),
            rx: 0.0,
            color: "",
            tint: "",
            text_color: "#5f6368",
        });
        *y += ROW_H;
    };
    for group in &roadmap.groups {
        let goal = kind_style(crate::model::NodeKind::OrgGoal);
        rows.push(RoadmapRow {
            role: "group",
            y: y + GROUP_H - 8.0,
            label: fit(&group.title, LABEL_W + AXIS_W - 30.0),
            title: group.title.clone(),
            marker_x: MARGIN,
            marker_y: y + GROUP_H - 19.0,
            points: if group.reaches_goal {
                polygon(goal.shape, MARGIN, y + GROUP_H - 19.0, MARKER + 4.0, MARKER)
            } else {
                String::new()
            },
            rx: 0.0,
            color: if group.reaches_goal {
                goal.color
            } else {
                severity_color(Severity::Error)
            },
            tint: goal.tint,
            text_color: if group.reaches_goal {
                "#1d1d1f"
            } else {
                severity_color(Severity::Error)
            },
        });
        y += GROUP_H;
        for item in &group.items {
            let style = kind_style(item.kind);
            let mut text = format!("{} {}", item.target_date, item.title);
            if item.past_target {
                text = format!("\u{2716} {text}, past its target");
            } else if item.status == Status::Done {
                text.push_str(" (done)");
            }
            let marker_x = axis_x + item.at * AXIS_W - MARKER / 2.0;
            let marker_y = y + (ROW_H - MARKER) / 2.0;
            let color = if item.past_target {
                severity_color(Severity::Error)
            } else {
                style.color
            };
            rows.push(RoadmapRow {
                role: "item",
                y: y + ROW_H - 6.0,
                label: fit(&text, LABEL_W - 28.0),
                title: format!(
                    "{}: {} ({}), target {}{}",
                    item.kind_label,
                    item.title,
                    item.team.as_deref().unwrap_or("no team"),
                    item.target_date,
                    if item.past_target {
                        ", past its target"
                    } else {
                        ""
                    }
                ),
                marker_x,
                marker_y,
                points: polygon(style.shape, marker_x, marker_y, MARKER, MARKER),
                rx: corner_radius(style.shape, MARKER),
                color,
                tint: if item.past_target {
                    "#fdecec"
                } else {
                    style.tint
                },
                text_color: if item.past_target {
                    severity_color(Severity::Error)
                } else if item.status == Status::Done {
                    "#5f6368"
                } else {
                    "#1d1d1f"
                },
            });
            y += ROW_H;
        }
        if group.items_omitted > 0 {
            note(
                &mut rows,
                &mut y,
                format!(
                    "\u{2026} and {} more dated items under this goal",
                    group.items_omitted
                ),
            );
        }
        if !group.unscheduled.is_empty() {
            let mut text = format!("No target date: {}", group.unscheduled.join("; "));
            if group.unscheduled_omitted > 0 {
                text.push_str(&format!("; and {} more", group.unscheduled_omitted));
            }
            note(&mut rows, &mut y, text);
        }
    }
    RoadmapView {
        width: MARGIN * 2.0 + LABEL_W + AXIS_W,
        height: y + MARGIN,
        axis_x,
        axis_w: AXIS_W,
        today_x: axis_x + roadmap.today_at * AXIS_W,
        ticks: roadmap
            .ticks
            .iter()
            .map(|tick| (axis_x + tick.at * AXIS_W, tick.label.clone()))
            .collect(),
        rows,
    }
}
