//! Geometry for the report's inline SVG: the layered map and the allocation chart.
//!
//! This module only computes positions, shapes and (truncated) labels; the SVG text is
//! written by the `map.svg` and `chart.svg` templates, which escape every label. The
//! map is drawn only up to [`MAP_NODE_LIMIT`] nodes so that a report of a huge plan
//! stays readable and bounded; above it the report shows counts per kind instead.

use serde::Serialize;

use crate::analysis::Severity;
use crate::model::{LinkKind, NodeKind};

use super::content::{Report, ResourceRow};
use super::font::FontMetrics;

/// Above this many nodes the map is not drawn: a few hundred boxes is the most a
/// printed page or a screen can show legibly.
pub(crate) const MAP_NODE_LIMIT: usize = 300;
/// Resources with a capacity shown in the allocation chart; the most loaded first
/// when there are more.
pub(crate) const CHART_LIMIT: usize = 40;

const PER_ROW: usize = 10;
const BOX_W: f64 = 150.0;
const BOX_H: f64 = 44.0;
const GAP_X: f64 = 18.0;
const ROW_GAP: f64 = 22.0;
const LAYER_GAP: f64 = 64.0;
const MARGIN: f64 = 16.0;
const LEGEND_H: f64 = 40.0;
const LABEL_CHARS: usize = 22;

/// One colour, one shape per kind, as in the app (ui/src/theme/kinds.ts).
#[derive(Debug, Clone, Copy)]
pub(crate) struct KindStyle {
    pub color: &'static str,
    pub tint: &'static str,
    pub shape: Shape,
    /// RGB of `color`, for the PDF.
    pub rgb: (u8, u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Hexagon,
    Pill,
    Parallelogram,
    Rect,
    Cut,
}

pub(crate) fn kind_style(kind: NodeKind) -> KindStyle {
    match kind {
        NodeKind::OrgGoal => KindStyle {
            color: "#5b3cc4",
            tint: "#efeafd",
            shape: Shape::Hexagon,
            rgb: (0x5b, 0x3c, 0xc4),
        },
        NodeKind::TeamGoal => KindStyle {
            color: "#0e7c86",
            tint: "#e3f4f5",
            shape: Shape::Pill,
            rgb: (0x0e, 0x7c, 0x86),
        },
        NodeKind::Strategy => KindStyle {
            color: "#b4306e",
            tint: "#fbe9f1",
            shape: Shape::Parallelogram,
            rgb: (0xb4, 0x30, 0x6e),
        },
        NodeKind::Initiative => KindStyle {
            color: "#2f7d32",
            tint: "#e8f4e8",
            shape: Shape::Rect,
            rgb: (0x2f, 0x7d, 0x32),
        },
        NodeKind::Resource => KindStyle {
            color: "#6b5a48",
            tint: "#f3efe9",
            shape: Shape::Cut,
            rgb: (0x6b, 0x5a, 0x48),
        },
    }
}

/// Severity colour and icon, as in the app (ui/src/theme/severity.ts): never colour alone.
pub(crate) fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\u{2716}",   // heavy multiplication x
        Severity::Warning => "\u{25b2}", // triangle
        Severity::Info => "i",
    }
}

pub(crate) fn severity_color(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "#c62828",
        Severity::Warning => "#b26a00",
        Severity::Info => "#1f5fbf",
    }
}

/// The shape's outline in a 100x100 box (same points as the app).
fn unit_points(shape: Shape) -> Option<&'static [(f64, f64)]> {
    match shape {
        Shape::Hexagon => Some(&[
            (6.0, 0.0),
            (94.0, 0.0),
            (100.0, 50.0),
            (94.0, 100.0),
            (6.0, 100.0),
            (0.0, 50.0),
        ]),
        Shape::Parallelogram => Some(&[(5.0, 0.0), (100.0, 0.0), (95.0, 100.0), (0.0, 100.0)]),
        Shape::Cut => Some(&[
            (5.0, 0.0),
            (95.0, 0.0),
            (100.0, 12.0),
            (100.0, 88.0),
            (95.0, 100.0),
            (5.0, 100.0),
            (0.0, 88.0),
            (0.0, 12.0),
        ]),
        Shape::Pill | Shape::Rect => None,
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapView {
    /// False when the plan is over the limit: the template then shows counts per kind.
    pub drawn: bool,
    pub node_count: usize,
    pub limit: usize,
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<MapBox>,
    pub edges: Vec<MapEdge>,
    pub legend: Vec<LegendItem>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// Polygon points in page coordinates, or empty for a (rounded) rectangle.
    pub points: String,
    pub rx: f64,
    pub color: &'static str,
    pub tint: &'static str,
    pub kind_label: &'static str,
    /// The title cut to fit the box; `title` is the whole of it (shown as a tooltip).
    pub label: String,
    pub title: String,
    pub id: String,
    pub badge: Option<Badge>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Badge {
    pub icon: &'static str,
    pub color: &'static str,
    pub severity: Severity,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MapEdge {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub allocates: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LegendItem {
    pub label: &'static str,
    pub x: f64,
    pub y: f64,
    pub points: String,
    pub rx: f64,
    pub color: &'static str,
    pub tint: &'static str,
}

/// Lays the map out in five layers, org goals on top and resources at the bottom.
pub(crate) fn map_view(report: &Report) -> MapView {
    let graph = &report.graph;
    let count = graph.nodes.len();
    let legend = legend();
    if count > MAP_NODE_LIMIT || count == 0 {
        return MapView {
            drawn: false,
            node_count: count,
            limit: MAP_NODE_LIMIT,
            width: 0.0,
            height: 0.0,
            boxes: Vec::new(),
            edges: Vec::new(),
            legend,
        };
    }

    // Parents of each node in the layers above it: supports targets, allocation targets.
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(from, to, _) in &graph.links {
        parents[from].push(to);
    }

    // Order each layer by the mean position of its parents (one top-down sweep of the
    // barycenter heuristic): enough to keep most lines short without a layout engine.
    let mut order_value = vec![f64::NAN; count];
    let mut layers: Vec<Vec<usize>> = Vec::new();
    for kind in NodeKind::ALL {
        let mut layer: Vec<(f64, usize)> = (0..count)
            .filter(|&at| graph.nodes[at].kind == kind)
            .map(|at| {
                let known: Vec<f64> = parents[at]
                    .iter()
                    .map(|&parent| order_value[parent])
                    .filter(|value| !value.is_nan())
                    .collect();
                let value = if known.is_empty() {
                    f64::INFINITY
                } else {
                    known.iter().sum::<f64>() / known.len() as f64
                };
                (value, at)
            })
            .collect();
        layer.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let len = layer.len().max(1) as f64;
        for (position, &(_, at)) in layer.iter().enumerate() {
            order_value[at] = (position as f64 + 0.5) / len;
        }
        layers.push(layer.into_iter().map(|(_, at)| at).collect());
    }

    let columns = layers
        .iter()
        .map(|layer| layer.len().min(PER_ROW))
        .max()
        .unwrap_or(1)
        .max(1);
    let inner_width = columns as f64 * (BOX_W + GAP_X) - GAP_X;
    let width = (inner_width + 2.0 * MARGIN).max(legend_width() + 2.0 * MARGIN);

    let mut place = vec![(0.0f64, 0.0f64); count];
    let mut y = MARGIN + LEGEND_H;
    for layer in layers.iter().filter(|layer| !layer.is_empty()) {
        for row in layer.chunks(PER_ROW) {
            let row_width = row.len() as f64 * (BOX_W + GAP_X) - GAP_X;
            let start = (width - row_width) / 2.0;
            for (column, &at) in row.iter().enumerate() {
                place[at] = (start + column as f64 * (BOX_W + GAP_X), y);
            }
            y += BOX_H + ROW_GAP;
        }
        y += LAYER_GAP - ROW_GAP;
    }
    let height = y - LAYER_GAP + ROW_GAP + MARGIN;

    let boxes = (0..count)
        .map(|at| {
            let node = &graph.nodes[at];
            let style = kind_style(node.kind);
            let (x, y) = place[at];
            MapBox {
                x,
                y,
                w: BOX_W,
                h: BOX_H,
                points: polygon(style.shape, x, y, BOX_W, BOX_H),
                rx: corner_radius(style.shape, BOX_H),
                color: style.color,
                tint: style.tint,
                kind_label: node.kind.label(),
                label: truncate(&node.title, LABEL_CHARS),
                title: node.title.clone(),
                id: node.id.clone(),
                badge: node.severity.map(|severity| Badge {
                    icon: severity_icon(severity),
                    color: severity_color(severity),
                    severity,
                }),
            }
        })
        .collect();
    let edges = graph
        .links
        .iter()
        .map(|&(from, to, kind)| {
            let (fx, fy) = place[from];
            let (tx, ty) = place[to];
            MapEdge {
                x1: fx + BOX_W / 2.0,
                y1: fy,
                x2: tx + BOX_W / 2.0,
                y2: ty + BOX_H,
                allocates: kind == LinkKind::Allocates,
            }
        })
        .collect();
    MapView {
        drawn: true,
        node_count: count,
        limit: MAP_NODE_LIMIT,
        width,
        height,
        boxes,
        edges,
        legend,
    }
}

fn legend_width() -> f64 {
    NodeKind::ALL.len() as f64 * 170.0
}

fn legend() -> Vec<LegendItem> {
    NodeKind::ALL
        .into_iter()
        .enumerate()
        .map(|(position, kind)| {
            let style = kind_style(kind);
            let (x, y) = (MARGIN + position as f64 * 170.0, MARGIN);
            LegendItem {
                label: kind.label(),
                x,
                y,
                points: polygon(style.shape, x, y, 28.0, 16.0),
                rx: corner_radius(style.shape, 16.0),
                color: style.color,
                tint: style.tint,
            }
        })
        .collect()
}

pub(crate) fn polygon(shape: Shape, x: f64, y: f64, w: f64, h: f64) -> String {
    let Some(points) = unit_points(shape) else {
        return String::new();
    };
    points
        .iter()
        .map(|(px, py)| format!("{:.1},{:.1}", x + px / 100.0 * w, y + py / 100.0 * h))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn corner_radius(shape: Shape, h: f64) -> f64 {
    match shape {
        Shape::Pill => h / 2.0,
        Shape::Rect => 3.0,
        _ => 0.0,
    }
}

/// Cuts text to at most `limit` characters, with an ellipsis when cut.
pub(crate) fn truncate(text: &str, limit: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= limit {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(limit.saturating_sub(1)).collect();
    cut.push('\u{2026}');
    cut
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartView {
    pub bars: Vec<ChartBar>,
    pub width: f64,
    pub height: f64,
    /// Resources with a capacity left out of the chart (over [`CHART_LIMIT`]).
    pub omitted: usize,
    /// Resources without a capacity, which a chart against capacity cannot show.
    pub unlimited: usize,
    /// Where 100% of the capacity ends, in chart coordinates.
    pub full_x: f64,
    pub track_x: f64,
    pub bar_height: f64,
    pub row_height: f64,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChartBar {
    pub y: f64,
    pub label: String,
    pub title: String,
    pub fill_width: f64,
    pub track_width: f64,
    pub color: &'static str,
    /// "120 / 500 days (24%)" and, when over, " over capacity".
    pub text: String,
    pub over: bool,
    pub percent: u32,
}

const CHART_LABEL_W: f64 = 220.0;
const CHART_TRACK_W: f64 = 300.0;
const CHART_BAR_H: f64 = 18.0;
const CHART_ROW_H: f64 = 26.0;
/// Bars stop at 150% of the capacity so one extreme resource does not squash the rest.
const CHART_MAX_SHARE: f64 = 1.5;
/// The chart's font size (chart.svg) and the room between a label or figure and its bar.
const CHART_FONT: f32 = 12.0;
const CHART_GAP: f64 = 8.0;
/// The figures' column is at least this wide, so that charts of a plan look alike.
const CHART_FIGURES_W: f64 = 320.0;

/// Which resources the chart shows: those with a capacity, the most loaded first
/// when there are more than [`CHART_LIMIT`].
pub(crate) fn charted(report: &Report) -> (Vec<&ResourceRow>, usize, usize) {
    let mut limited: Vec<&ResourceRow> = report
        .resources
        .iter()
        .filter(|resource| resource.capacity.is_some())
        .collect();
    let unlimited = report.resources.len() - limited.len();
    let mut omitted = 0;
    if limited.len() > CHART_LIMIT {
        limited.sort_by(|a, b| share(b).total_cmp(&share(a)));
        omitted = limited.len() - CHART_LIMIT;
        limited.truncate(CHART_LIMIT);
    }
    (limited, omitted, unlimited)
}

/// Allocated share of the capacity (over 1 when over-allocated).
pub(crate) fn share(resource: &ResourceRow) -> f64 {
    match resource.capacity {
        Some(capacity) if capacity > 0.0 => resource.allocated / capacity,
        Some(_) if resource.allocated > 0.0 => f64::INFINITY,
        _ => 0.0,
    }
}

pub(crate) fn chart_text(resource: &ResourceRow) -> String {
    let percent = resource
        .percent
        .map_or_else(String::new, |p| format!(" ({p}%)"));
    let over = if resource.over { ", over capacity" } else { "" };
    format!(
        "{} of {}{percent}{over}",
        resource.allocated_text, resource.capacity_text
    )
}

/// The chart's geometry. Labels are cut and the chart is made wide enough by the
/// width of the text in DejaVu Sans, the first font the SVG names and one of the
/// widest sans-serif fonts, so that no label or figure is cut at the chart's edge
/// ("...(113%), ove").
pub(crate) fn chart_view(report: &Report) -> ChartView {
    let metrics = FontMetrics::new();
    let width_of = |text: &str| match &metrics {
        Some(metrics) => f64::from(metrics.width(text, CHART_FONT)),
        // Without the font (a broken build), a wide character's advance for each.
        None => text.chars().count() as f64 * f64::from(CHART_FONT),
    };
    let label_of = |title: &str| match &metrics {
        Some(metrics) => metrics.fit(title, CHART_FONT, (CHART_LABEL_W - 2.0 * CHART_GAP) as f32),
        None => truncate(title, 16),
    };
    let (rows, omitted, unlimited) = charted(report);
    let bars: Vec<ChartBar> = rows
        .iter()
        .enumerate()
        .map(|(position, resource)| {
            let share = share(resource).min(CHART_MAX_SHARE);
            ChartBar {
                y: position as f64 * CHART_ROW_H,
                label: label_of(&resource.title),
                title: resource.title.clone(),
                fill_width: (share * CHART_TRACK_W).max(0.0),
                track_width: CHART_TRACK_W,
                color: if resource.over {
                    severity_color(Severity::Error)
                } else {
                    "#4a6fa5"
                },
                text: chart_text(resource),
                over: resource.over,
                percent: resource.percent.unwrap_or(0),
            }
        })
        .collect();
    let figures_w = bars
        .iter()
        .map(|bar| width_of(&format!("\u{2716} {}", bar.text)) + CHART_GAP)
        .fold(CHART_FIGURES_W, f64::max);
    ChartView {
        height: bars.len() as f64 * CHART_ROW_H + 24.0,
        width: (CHART_LABEL_W + CHART_TRACK_W * CHART_MAX_SHARE + CHART_GAP + figures_w).ceil(),
        bars,
        omitted,
        unlimited,
        full_x: CHART_LABEL_W + CHART_TRACK_W,
        track_x: CHART_LABEL_W,
        bar_height: CHART_BAR_H,
        row_height: CHART_ROW_H,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportOptions;

    #[test]
    fn chart_labels_and_figures_stay_inside_the_chart() {
        let mut plan = crate::sample::sample_plan().to_plan();
        for node in &mut plan.nodes {
            if node.kind == NodeKind::Resource {
                node.title = format!("{} for every site and subsidiary", node.title);
                node.unit = Some("person-days of senior engineering".to_owned());
                node.capacity = node.capacity.map(|capacity| capacity * 1_000.0);
            }
        }
        for link in &mut plan.links {
            link.amount = link.amount.map(|amount| amount * 1_000.0);
        }
        let plan = crate::graph::PlanGraph::from_plan(plan).expect("still a valid plan");
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
        let report = Report::build(&plan, &ReportOptions::new(as_of)).expect("builds");
        let chart = chart_view(&report);
        let metrics = FontMetrics::new().expect("the bundled font parses");
        let width = |text: &str| f64::from(metrics.width(text, CHART_FONT));
        assert!(
            chart.bars.iter().any(|bar| bar.over),
            "the sample over-allocates"
        );
        for bar in &chart.bars {
            // As chart.svg places them: labels end before the track, figures after the
            // longest bar.
            let label_left = chart.track_x - CHART_GAP - width(&bar.label);
            assert!(
                label_left >= 0.0,
                "{:?} starts left of the chart",
                bar.label
            );
            let figures = format!("\u{2716} {}", bar.text);
            let right = chart.track_x + bar.track_width * 1.5 + CHART_GAP + width(&figures);
            assert!(
                right <= chart.width,
                "{figures:?} ends at {right:.0}, past the chart's width {:.0}",
                chart.width
            );
        }
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("مرحبا بالعالم الكبير", 6), "مرحبا\u{2026}");
        assert_eq!(
            truncate("a\nb", 10),
            "a b",
            "control characters become spaces"
        );
    }
}
