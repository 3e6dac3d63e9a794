//! Laying the report out into pages of simple drawing operations (text, rectangles,
//! lines), measured with the font's own advances: page breaks, headings kept with
//! what follows, wrapped paragraphs and tables whose header repeats on every page.
//!
//! Nothing here knows what a report says (that is `sections`) or how a page becomes
//! PDF (that is `drawing`), which keeps page breaking and wrapping testable alone.

use crate::report::font::FontMetrics;

pub(super) const PAGE_W: f32 = 595.0; // A4 in points
pub(super) const PAGE_H: f32 = 842.0;
pub(super) const MARGIN: f32 = 48.0;
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
pub(super) const BODY: f32 = 9.5;
pub(super) const SMALL: f32 = 8.0;
/// Line height as a multiple of the font size.
pub(super) const LINE: f32 = 1.3;
const CELL_PAD: f32 = 3.0;
/// Room for a marker (node kind or severity) before a marked line.
const MARKER_W: f32 = 12.0;

pub(super) type Rgb = (u8, u8, u8);
pub(super) const INK: Rgb = (0x1d, 0x1d, 0x1f);
pub(super) const MUTED: Rgb = (0x5f, 0x63, 0x68);
const RULE: Rgb = (0xd9, 0xd9, 0xde);
const HEADER_BG: Rgb = (0xf1, 0xf2, 0xf4);

/// One thing to draw on a page, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
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

#[derive(Debug, Clone, Copy)]
pub(super) enum Align {
    Left,
    Right,
}

#[derive(Debug)]
pub(super) struct Column<'a> {
    pub header: &'a str,
    /// Share of the content width.
    pub share: f32,
    pub align: Align,
}

pub(super) fn column(header: &str, share: f32, align: Align) -> Column<'_> {
    Column {
        header,
        share,
        align,
    }
}

/// The pages laid out so far and where the next line goes.
pub(super) struct Layout<'a> {
    pub metrics: &'a FontMetrics,
    pub pages: Vec<Vec<Op>>,
    /// The top of the next line, in points from the top of the current page.
    pub y: f32,
}

impl<'a> Layout<'a> {
    pub(super) fn new(metrics: &'a FontMetrics) -> Layout<'a> {
        Layout {
            metrics,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    pub(super) fn push(&mut self, op: Op) {
        match self.pages.last_mut() {
            Some(page) => page.push(op),
            None => self.pages.push(vec![op]),
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    pub(super) fn text(&mut self, x: f32, baseline: f32, size: f32, color: Rgb, text: &str) {
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

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.push(Op::Rect { x, y, w, h, color });
    }

    pub(super) fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// The pages, each with its footer: `footer` (cut to fit if it must) and
    /// "page N of M".
    pub(super) fn finish(mut self, footer: &str) -> Vec<Vec<Op>> {
        let total = self.pages.len();
        for (number, page) in self.pages.iter_mut().enumerate() {
            let page_number = format!(" \u{2014} page {} of {total}", number + 1);
            let room = CONTENT_W - self.metrics.width(&page_number, SMALL);
            let line = format!("{}{page_number}", self.metrics.fit(footer, SMALL, room));
            page.push(Op::Text {
                x: MARGIN,
                y: PAGE_H - MARGIN / 2.0,
                size: SMALL,
                color: MUTED,
                text: line,
            });
        }
        self.pages
    }

    /// A heading kept with at least a few lines of what follows it.
    pub(super) fn heading(&mut self, text: &str, size: f32) {
        self.space(size * 0.6);
        let lines = self.metrics.wrap(text, size, CONTENT_W);
        self.ensure(lines.len() as f32 * size * LINE + 4.0 * BODY * LINE);
        for line in lines {
            self.y += size * LINE;
            self.text(MARGIN, self.y - size * 0.25, size, INK, &line);
        }
        self.space(size * 0.3);
    }

    pub(super) fn paragraph(&mut self, text: &str, size: f32, color: Rgb, indent: f32) {
        for line in self.metrics.wrap(text, size, CONTENT_W - indent) {
            self.ensure(size * LINE);
            self.y += size * LINE;
            self.text(MARGIN + indent, self.y - size * 0.25, size, color, &line);
        }
    }

    /// A line of text after a small coloured marker (a node kind or a severity).
    pub(super) fn marked(&mut self, marker: Rgb, text: &str, size: f32, indent: f32) {
        let lines = self.metrics.wrap(text, size, CONTENT_W - indent - MARKER_W);
        for (number, line) in lines.iter().enumerate() {
            self.ensure(size * LINE);
            self.y += size * LINE;
            let baseline = self.y - size * 0.25;
            if number == 0 {
                let box_size = size * 0.7;
                self.rect(
                    MARGIN + indent,
                    baseline - box_size,
                    box_size,
                    box_size,
                    marker,
                );
            }
            self.text(MARGIN + indent + MARKER_W, baseline, size, INK, line);
        }
    }

    /// A table with a shaded header row, repeated at the top of every page it runs
    /// onto. `emphasis` colours whole rows (by index); other rows are in ink.
    pub(super) fn table(
        &mut self,
        columns: &[Column],
        rows: &[Vec<String>],
        emphasis: &[Option<Rgb>],
    ) {
        let widths: Vec<f32> = columns.iter().map(|c| c.share * CONTENT_W).collect();
        let header: Vec<String> = columns.iter().map(|c| c.header.to_owned()).collect();
        let header = self.wrap_row(&widths, &header, SMALL);
        // A header alone at the foot of a page says nothing: keep the first row with it.
        let first_row = rows.first().map_or(0.0, |row| {
            row_height(&self.wrap_row(&widths, row, BODY), BODY)
        });
        self.ensure(row_height(&header, SMALL) + first_row);
        self.table_row(columns, &widths, &header, SMALL, MUTED, Some(HEADER_BG));
        for (index, row) in rows.iter().enumerate() {
            let cells = self.wrap_row(&widths, row, BODY);
            if self.y + row_height(&cells, BODY) > PAGE_H - MARGIN {
                self.new_page();
                self.table_row(columns, &widths, &header, SMALL, MUTED, Some(HEADER_BG));
            }
            let color = emphasis.get(index).copied().flatten().unwrap_or(INK);
            self.table_row(columns, &widths, &cells, BODY, color, None);
        }
        self.space(BODY * 0.8);
    }

    /// Each cell's lines, wrapped once: the row's height and its drawing both use them.
    fn wrap_row(&self, widths: &[f32], row: &[String], size: f32) -> Vec<Vec<String>> {
        row.iter()
            .zip(widths)
            .map(|(cell, width)| self.metrics.wrap(cell, size, width - 2.0 * CELL_PAD))
            .collect()
    }

    fn table_row(
        &mut self,
        columns: &[Column],
        widths: &[f32],
        cells: &[Vec<String>],
        size: f32,
        color: Rgb,
        background: Option<Rgb>,
    ) {
        let height = row_height(cells, size);
        let top = self.y;
        if let Some(background) = background {
            self.rect(MARGIN, top, CONTENT_W, height, background);
        }
        let mut x = MARGIN;
        for ((lines, width), column) in cells.iter().zip(widths).zip(columns) {
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

fn row_height(cells: &[Vec<String>], size: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    lines as f32 * size * LINE + 2.0 * CELL_PAD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_breaks_across_pages_and_repeats_its_header() {
        let metrics = FontMetrics::new().expect("the bundled font parses");
        let mut layout = Layout::new(&metrics);
        let rows: Vec<Vec<String>> = (0..200)
            .map(|n| {
                vec![
                    format!("row {n}"),
                    "a cell that wraps onto a second line at this width".to_owned(),
                ]
            })
            .collect();
        layout.table(
            &[
                column("Name", 0.3, Align::Left),
                column("Detail", 0.2, Align::Left),
            ],
            &rows,
            &[],
        );
        assert!(
            layout.pages.len() > 2,
            "200 two-line rows need several pages"
        );
        for (number, page) in layout.pages.iter().enumerate() {
            let headers = page
                .iter()
                .filter(|op| matches!(op, Op::Text { text, .. } if text == "Name"))
                .count();
            assert_eq!(
                headers, 1,
                "page {number} should start with the table's header"
            );
            for op in page {
                if let Op::Text { y, .. } = op {
                    assert!(
                        *y <= PAGE_H - MARGIN,
                        "text below the bottom margin on page {number}"
                    );
                }
            }
        }
    }
}
