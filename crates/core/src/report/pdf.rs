//! The PDF report, drawn with krilla: real text (selectable and extractable), tables
//! and the allocation chart, in an embedded DejaVu Sans so that accented, Greek,
//! Cyrillic, Arabic and Hebrew titles print and extract in any reader.
//!
//! Layout is two steps: the report is first laid out into pages of simple drawing
//! operations (text, rectangles, lines), measured with the font's own advances; the
//! pages are then drawn. Keeping layout apart from drawing keeps page breaks,
//! repeated table headers and wrapping testable and the krilla part small.
//! Characters the font lacks (most emoji) print as an empty box; they never stop the
//! report, and the rest of the line stays extractable.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer, ttf_parser};

use crate::analysis::Severity;
use crate::error::Result;
use crate::model::NodeKind;

use super::content::Report;
use super::svg::{chart_text, charted, kind_style, severity_icon, share};
use super::{ReportFormat, render_error};

/// DejaVu Sans (Bitstream Vera licence, see assets/DejaVuSans-LICENSE.txt).
const FONT_BYTES: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

const PAGE_W: f32 = 595.0; // A4 in points
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 48.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;
const LINE: f32 = 1.3; // line height as a multiple of the font size
const CELL_PAD: f32 = 3.0;

type Rgb = (u8, u8, u8);
const INK: Rgb = (0x1d, 0x1d, 0x1f);
const MUTED: Rgb = (0x5f, 0x63, 0x68);
const RULE: Rgb = (0xd9, 0xd9, 0xde);
const HEADER_BG: Rgb = (0xf1, 0xf2, 0xf4);
const TRACK: Rgb = (0xec, 0xef, 0xf3);
const BAR: Rgb = (0x4a, 0x6f, 0xa5);

fn severity_rgb(severity: Severity) -> Rgb {
    match severity {
        Severity::Error => (0xc6, 0x28, 0x28),
        Severity::Warning => (0xb2, 0x6a, 0x00),
        Severity::Info => (0x1f, 0x5f, 0xbf),
    }
}

/// One thing to draw on a page, in points from the page's top left.
#[derive(Debug, Clone)]
enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
    },
}

/// The font, parsed once: text widths for layout and shaping for drawing.
///
/// Shaping goes through one rustybuzz face for the whole document rather than
/// krilla's `draw_text`, which parses the font again for every line of text.
struct Metrics<'a> {
    face: rustybuzz::Face<'a>,
    units_per_em: f32,
}

impl Metrics<'_> {
    /// Glyphs for one line, shaped in the direction of its script (Arabic and Hebrew
    /// right to left); each glyph keeps its cluster's text so the PDF extracts as text.
    fn shape(&self, text: &str) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let ltr = buffer.direction() != Direction::RightToLeft;
        let output = rustybuzz::shape(&self.face, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let em = self.units_per_em;
        (0..output.len())
            .map(|i| {
                let cluster = infos[i].cluster;
                // A cluster ends where the next cluster in logical order starts.
                let neighbours: Box<dyn Iterator<Item = usize>> = if ltr {
                    Box::new(i + 1..infos.len())
                } else {
                    Box::new((0..i).rev())
                };
                let end = neighbours
                    .map(|j| infos[j].cluster)
                    .find(|&other| other != cluster)
                    .map_or(text.len(), |other| other as usize);
                let position = positions[i];
                KrillaGlyph::new(
                    GlyphId::new(infos[i].glyph_id),
                    position.x_advance as f32 / em,
                    position.x_offset as f32 / em,
                    position.y_offset as f32 / em,
                    position.y_advance as f32 / em,
                    cluster as usize..end.max(cluster as usize),
                    None,
                )
            })
            .collect()
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|ch| {
                let glyph = self.face.glyph_index(ch).unwrap_or(ttf_parser::GlyphId(0));
                u32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0))
            })
            .sum();
        units as f32 / self.units_per_em * size
    }

    /// Breaks text into lines no wider than `width`, at spaces where it can.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split(['\n', '\r']) {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the column is cut where it must be.
                for ch in word.chars() {
                    line.push(ch);
                    if self.width(&line, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(ch);
                    }
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Right,
}

struct Column<'a> {
    header: &'a str,
    /// Share of the content width.
    share: f32,
    align: Align,
}

/// Lays text out into pages.
struct Layout<'a> {
    metrics: Metrics<'a>,
    pages: Vec<Vec<Op>>,
    y: f32,
    footer: String,
}

impl<'a> Layout<'a> {
    fn new(metrics: Metrics<'a>, footer: String) -> Layout<'a> {
        Layout {
            metrics,
            pages: vec![Vec::new()],
            y: MARGIN,
            footer,
        }
    }

    fn push(&mut self, op: Op) {
        match self.pages.last_mut() {
            Some(page) => page.push(op),
            None => self.pages.push(vec![op]),
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, baseline: f32, size: f32, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push(Op::Text {
            x,
            y: baseline,
            size,
            color,
            text: text.to_owned(),
        });
    }

    fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// A heading kept with at least a few lines of what follows it.
    fn heading(&mut self, text: &str, size: f32) {
        self.space(size * 0.6);
        let lines = self.metrics.wrap(text, size, CONTENT_W);
        self.ensure(lines.len() as f32 * size * LINE + 4.0 * BODY * LINE);
        for line in lines {
            self.y += size * LINE;
            self.text(MARGIN, self.y - size * 0.25, size, INK, &line);
        }
        self.space(size * 0.3);
    }

    fn paragraph(&mut self, text: &str, size: f32, color: Rgb, indent: f32) {
        for line in self.metrics.wrap(text, size, CONTENT_W - indent) {
            self.ensure(size * LINE);
            self.y += size * LINE;
            self.text(MARGIN + indent, self.y - size * 0.25, size, color, &line);
        }
    }

    /// A line of text after a small coloured marker (a node kind or a severity).
    fn marked(&mut self, marker: Rgb, text: &str, size: f32, indent: f32) {
        let lines = self.metrics.wrap(text, size, CONTENT_W - indent - 12.0);
        for (number, line) in lines.iter().enumerate() {
            self.ensure(size * LINE);
            self.y += size * LINE;
            if number == 0 {
                let box_size = size * 0.7;
                self.push(Op::Rect {
                    x: MARGIN + indent,
                    y: self.y - size * 0.25 - box_size,
                    w: box_size,
                    h: box_size,
                    color: marker,
                });
            }
            self.text(
                MARGIN + indent + 12.0,
                self.y - size * 0.25,
                size,
                INK,
                line,
            );
        }
    }

    fn table(&mut self, columns: &[Column], rows: &[Vec<String>], emphasis: &[Option<Rgb>]) {
        let widths: Vec<f32> = columns.iter().map(|c| c.share * CONTENT_W).collect();
        let header: Vec<String> = columns.iter().map(|c| c.header.to_owned()).collect();
        self.ensure(3.0 * BODY * LINE);
        self.table_row(columns, &widths, &header, SMALL, MUTED, Some(HEADER_BG));
        for (index, row) in rows.iter().enumerate() {
            let height = self.row_height(&widths, row, BODY);
            if self.y + height > PAGE_H - MARGIN {
                self.new_page();
                self.table_row(columns, &widths, &header, SMALL, MUTED, Some(HEADER_BG));
            }
            let color = emphasis.get(index).copied().flatten().unwrap_or(INK);
            self.table_row(columns, &widths, row, BODY, color, None);
        }
        self.space(BODY * 0.8);
    }

    fn row_height(&self, widths: &[f32], row: &[String], size: f32) -> f32 {
        let lines = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| self.metrics.wrap(cell, size, width - 2.0 * CELL_PAD).len())
            .max()
            .unwrap_or(1)
            .max(1);
        lines as f32 * size * LINE + 2.0 * CELL_PAD
    }

    fn table_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        row: &[String],
        size: f32,
        color: Rgb,
        background: Option<Rgb>,
    ) {
        let height = self.row_height(widths, row, size);
        let top = self.y;
        if let Some(background) = background {
            self.push(Op::Rect {
                x: MARGIN,
                y: top,
                w: CONTENT_W,
                h: height,
                color: background,
            });
        }
        let mut x = MARGIN;
        for ((cell, width), column) in row.iter().zip(widths).zip(columns) {
            let lines = self.metrics.wrap(cell, size, width - 2.0 * CELL_PAD);
            for (number, line) in lines.iter().enumerate() {
                let baseline = top + CELL_PAD + (number as f32 + 1.0) * size * LINE - size * 0.3;
                let left = match column.align {
                    Align::Left => x + CELL_PAD,
                    Align::Right => x + width - CELL_PAD - self.metrics.width(line, size),
                };
                self.text(left, baseline, size, color, line);
            }
            x += width;
        }
        self.y = top + height;
        self.push(Op::Line {
            x1: MARGIN,
            y1: self.y,
            x2: MARGIN + CONTENT_W,
            y2: self.y,
            color: RULE,
        });
    }
}

pub(crate) fn render(report: &Report) -> Result<Vec<u8>> {
    let face = rustybuzz::Face::from_slice(FONT_BYTES, 0)
        .ok_or_else(|| render_error(ReportFormat::Pdf, "the bundled font could not be read"))?;
    let metrics = Metrics {
        units_per_em: face.units_per_em() as f32,
        face,
    };
    let footer = match &report.team {
        Some(team) => format!(
            "{} \u{2014} team {} \u{2014} as of {}",
            report.plan_name, team, report.as_of
        ),
        None => format!("{} \u{2014} as of {}", report.plan_name, report.as_of),
    };
    let mut layout = Layout::new(metrics, footer);
    lay_out(&mut layout, report);
    draw(&layout, report)
}

fn lay_out(layout: &mut Layout, report: &Report) {
    layout.paragraph(
        &match &report.team {
            Some(team) => format!("ALIGNMENT REPORT \u{00b7} TEAM {team}"),
            None => "ALIGNMENT REPORT".to_owned(),
        },
        SMALL,
        MUTED,
        0.0,
    );
    layout.heading(&report.plan_name, 20.0);
    layout.paragraph(&format!("As of {}", report.as_of), BODY, MUTED, 0.0);

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
        "The alignment score is the share of organizational goals with work and resources behind them.",
        SMALL,
        MUTED,
        0.0,
    );
    layout.space(4.0);
    let kinds: Vec<Column> = report
        .kind_counts
        .iter()
        .map(|k| column(k.label, 0.2, Align::Right))
        .collect();
    layout.table(
        &kinds,
        &[report
            .kind_counts
            .iter()
            .map(|k| k.count.to_string())
            .collect()],
        &[],
    );

    layout.heading("Organizational goals and what supports them", 15.0);
    if report.goals.is_empty() {
        layout.paragraph(
            "No organizational goal is in this report.",
            BODY,
            MUTED,
            0.0,
        );
    }
    for goal in &report.goals {
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
        for row in &goal.rows {
            let mut text = format!("{}: {}", row.kind_label, row.title);
            if row.status != crate::model::Status::Active {
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
            let indent = ((row.depth - 1) as f32 * 12.0).min(CONTENT_W / 2.0);
            layout.marked(kind_style(row.kind).rgb, &text, BODY, indent);
        }
        if goal.rows.is_empty() {
            layout.paragraph("Nothing supports this goal yet.", BODY, MUTED, 0.0);
        }
    }

    layout.new_page();
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
            .map(|f| {
                vec![
                    f.rule_title.to_owned(),
                    format!("{} ({})", f.title, f.node),
                    f.message.clone(),
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
    }

    layout.heading("Resources", 15.0);
    if report.resources.is_empty() {
        layout.paragraph("No resources in this report.", BODY, MUTED, 0.0);
    } else {
        chart(layout, report);
        let rows: Vec<Vec<String>> = report
            .resources
            .iter()
            .map(|r| {
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
            })
            .collect();
        let emphasis: Vec<Option<Rgb>> = report
            .resources
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
    }

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
            layout.space(2.0);
            layout.marked(
                kind_style(group.kind).rgb,
                &format!("{} ({})", group.label, group.nodes.len()),
                BODY,
                0.0,
            );
            let rows: Vec<Vec<String>> = group
                .nodes
                .iter()
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
        }
    }
}

fn column(header: &str, share: f32, align: Align) -> Column<'_> {
    Column {
        header,
        share,
        align,
    }
}

/// Horizontal bars of allocation against capacity (100% marked), as in the HTML.
fn chart(layout: &mut Layout, report: &Report) {
    let (rows, omitted, unlimited) = charted(report);
    if rows.is_empty() {
        return;
    }
    let label_w = CONTENT_W * 0.3;
    let track_w = CONTENT_W * 0.3;
    let bar_h = 9.0;
    let row_h = 15.0;
    layout.paragraph("Allocation against capacity", BODY, INK, 0.0);
    for resource in rows {
        layout.ensure(row_h);
        let top = layout.y + 3.0;
        let label = super::svg::truncate(&resource.title, 34);
        layout.text(MARGIN, top + bar_h - 1.0, SMALL, INK, &label);
        let x = MARGIN + label_w;
        layout.push(Op::Rect {
            x,
            y: top,
            w: track_w,
            h: bar_h,
            color: TRACK,
        });
        let fill = (share(resource).min(1.5) * track_w as f64) as f32;
        let color = if resource.over {
            severity_rgb(Severity::Error)
        } else {
            BAR
        };
        if fill > 0.0 {
            layout.push(Op::Rect {
                x,
                y: top,
                w: fill,
                h: bar_h,
                color,
            });
        }
        layout.push(Op::Line {
            x1: x + track_w,
            y1: top - 2.0,
            x2: x + track_w,
            y2: top + bar_h + 2.0,
            color: INK,
        });
        let text = if resource.over {
            format!("\u{2716} {}", chart_text(resource))
        } else {
            chart_text(resource)
        };
        let text_color = if resource.over {
            severity_rgb(Severity::Error)
        } else {
            INK
        };
        layout.text(
            x + track_w * 1.5 + 6.0,
            top + bar_h - 1.0,
            SMALL,
            text_color,
            &text,
        );
        layout.y += row_h;
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

fn draw(layout: &Layout, report: &Report) -> Result<Vec<u8>> {
    let (pages, footer, metrics) = (&layout.pages, &layout.footer, &layout.metrics);
    let font = Font::new(FONT_BYTES.into(), 0)
        .ok_or_else(|| render_error(ReportFormat::Pdf, "the bundled font could not be read"))?;
    let mut document = Document::new();
    let mut title = format!("{}: alignment report", report.plan_name);
    if let Some(team) = &report.team {
        title.push_str(&format!(" for {team}"));
    }
    document.set_metadata(
        Metadata::new()
            .title(title)
            .creator("Throughline".to_owned())
            .language("en".to_owned()),
    );
    let total = pages.len();
    for (number, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| render_error(ReportFormat::Pdf, "invalid page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_glyphs(
                        Point::from_xy(*x, *y),
                        &metrics.shape(text),
                        font.clone(),
                        text,
                        *size,
                        false,
                    );
                }
                Op::Rect { x, y, w, h, color } => {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        let mut builder = PathBuilder::new();
                        builder.push_rect(rect);
                        if let Some(path) = builder.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(fill(*color)));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                } => {
                    let mut builder = PathBuilder::new();
                    builder.move_to(*x1, *y1);
                    builder.line_to(*x2, *y2);
                    if let Some(path) = builder.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(color.0, color.1, color.2).into(),
                            width: 0.6,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.set_fill(Some(fill(MUTED)));
        let footer_line = format!("{footer} \u{2014} page {} of {total}", number + 1);
        surface.draw_glyphs(
            Point::from_xy(MARGIN, PAGE_H - MARGIN / 2.0),
            &metrics.shape(&footer_line),
            font.clone(),
            &footer_line,
            SMALL,
            false,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| render_error(ReportFormat::Pdf, format!("{error:?}")))
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> Metrics<'static> {
        let face = rustybuzz::Face::from_slice(FONT_BYTES, 0).expect("bundled font parses");
        Metrics {
            units_per_em: face.units_per_em() as f32,
            face,
        }
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let metrics = metrics();
        let text = "Reduce the cost of running the data centre by moving workloads to the cloud";
        let lines = metrics.wrap(text, 10.0, 120.0);
        assert!(lines.len() > 1, "a long sentence should wrap: {lines:?}");
        for line in &lines {
            assert!(
                metrics.width(line, 10.0) <= 120.0,
                "{line:?} is wider than the column"
            );
        }
        assert_eq!(lines.join(" "), text, "wrapping should lose no word");
    }

    #[test]
    fn an_unbreakable_word_is_cut_rather_than_overflowing() {
        let metrics = metrics();
        let word = "x".repeat(200);
        let lines = metrics.wrap(&word, 10.0, 50.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }
}
