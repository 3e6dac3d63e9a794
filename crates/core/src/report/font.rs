//! The reports' font, DejaVu Sans, parsed once: how wide text is, where lines break,
//! and the glyphs krilla draws. The PDF embeds it; the HTML's SVG names it first, and
//! sizes its chart with it so that no figure is cut at the chart's edge.
//!
//! PDF layout measures with the font's advances and wraps in one pass over the words;
//! drawing shapes each distinct string once. Both used to dominate a big plan's PDF
//! (every candidate line re-measured from its start, and the same column headers and
//! statuses shaped again on every row).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use krilla::text::{GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer, ttf_parser};

/// DejaVu Sans (Bitstream Vera licence, see assets/DejaVuSans-LICENSE.txt).
pub(crate) const FONT_BYTES: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

/// The glyphs of one line, shaped once and shared by every place that draws it.
pub(crate) type GlyphRun = Rc<[KrillaGlyph]>;

pub(crate) struct FontMetrics {
    face: rustybuzz::Face<'static>,
    units_per_em: f32,
    /// Advance of each character in font units; the font's cmap lookup is a binary
    /// search, and report text repeats a small alphabet over and over.
    advances: RefCell<HashMap<char, u16>>,
    shaped: RefCell<HashMap<String, GlyphRun>>,
}

impl FontMetrics {
    /// `None` when the bundled font cannot be parsed (a broken build, not bad input).
    pub(crate) fn new() -> Option<FontMetrics> {
        let face = rustybuzz::Face::from_slice(FONT_BYTES, 0)?;
        Some(FontMetrics {
            units_per_em: face.units_per_em() as f32,
            face,
            advances: RefCell::default(),
            shaped: RefCell::default(),
        })
    }

    fn advance(&self, ch: char) -> u16 {
        *self.advances.borrow_mut().entry(ch).or_insert_with(|| {
            let glyph = self.face.glyph_index(ch).unwrap_or(ttf_parser::GlyphId(0));
            self.face.glyph_hor_advance(glyph).unwrap_or(0)
        })
    }

    fn units(&self, text: &str) -> u32 {
        text.chars().map(|ch| u32::from(self.advance(ch))).sum()
    }

    /// The width of `text` set at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.units(text) as f32 / self.units_per_em * size
    }

    /// Breaks text into lines no wider than `width`, at spaces where it can; a word
    /// wider than the column is cut where it must be. Paragraph breaks are kept.
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let limit = width / size * self.units_per_em;
        let space = f32::from(self.advance(' '));
        let mut lines = Vec::new();
        for paragraph in text.split(['\n', '\r']) {
            let mut line = String::new();
            let mut line_units = 0.0f32;
            for word in paragraph.split_whitespace() {
                let word_units = self.units(word) as f32;
                if !line.is_empty() && line_units + space + word_units <= limit {
                    line.push(' ');
                    line.push_str(word);
                    line_units += space + word_units;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_units <= limit {
                    line.push_str(word);
                    line_units = word_units;
                    continue;
                }
                line_units = 0.0;
                for ch in word.chars() {
                    let ch_units = f32::from(self.advance(ch));
                    if !line.is_empty() && line_units + ch_units > limit {
                        lines.push(std::mem::take(&mut line));
                        line_units = 0.0;
                    }
                    line.push(ch);
                    line_units += ch_units;
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    /// `text` on one line no wider than `width`: cut with an ellipsis when it is
    /// wider (for labels that have a fixed place, such as the chart's).
    pub(crate) fn fit(&self, text: &str, size: f32, width: f32) -> String {
        let one_line: String = text
            .chars()
            .map(|ch| if ch.is_control() { ' ' } else { ch })
            .collect();
        if self.width(&one_line, size) <= width {
            return one_line;
        }
        let limit = width / size * self.units_per_em - f32::from(self.advance('\u{2026}'));
        let mut cut = String::new();
        let mut units = 0.0;
        for ch in one_line.chars() {
            units += f32::from(self.advance(ch));
            if units > limit {
                break;
            }
            cut.push(ch);
        }
        let mut cut = cut.trim_end().to_owned();
        cut.push('\u{2026}');
        cut
    }

    /// The glyphs of one line, shaped in the direction of its script (Arabic and
    /// Hebrew right to left); each glyph keeps its cluster's text so that the PDF
    /// extracts as text. Shaped once per distinct string.
    pub(crate) fn shape(&self, text: &str) -> GlyphRun {
        if let Some(run) = self.shaped.borrow().get(text) {
            return Rc::clone(run);
        }
        let run: GlyphRun = self.shape_uncached(text).into();
        self.shaped
            .borrow_mut()
            .insert(text.to_owned(), Rc::clone(&run));
        run
    }

    fn shape_uncached(&self, text: &str) -> Vec<KrillaGlyph> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let ltr = buffer.direction() != Direction::RightToLeft;
        let output = rustybuzz::shape(&self.face, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let em = self.units_per_em;
        (0..infos.len())
            .map(|i| {
                let cluster = infos[i].cluster as usize;
                // A cluster ends where the next cluster in logical order starts:
                // after this glyph in a left-to-right run, before it in a right-to-left one.
                let next_cluster = |j: usize| {
                    let other = infos[j].cluster as usize;
                    (other != cluster).then_some(other)
                };
                let end = if ltr {
                    (i + 1..infos.len()).find_map(next_cluster)
                } else {
                    (0..i).rev().find_map(next_cluster)
                }
                .unwrap_or(text.len());
                let position = positions[i];
                KrillaGlyph::new(
                    GlyphId::new(infos[i].glyph_id),
                    position.x_advance as f32 / em,
                    position.x_offset as f32 / em,
                    position.y_offset as f32 / em,
                    position.y_advance as f32 / em,
                    cluster..end.max(cluster),
                    None,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> FontMetrics {
        FontMetrics::new().expect("the bundled font parses")
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
    fn wrapping_fills_each_line_as_far_as_it_can() {
        let metrics = metrics();
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = metrics.wrap(text, 10.0, 100.0);
        for pair in lines.windows(2) {
            let first_word_of_next = pair[1].split(' ').next().unwrap_or_default();
            assert!(
                metrics.width(&format!("{} {first_word_of_next}", pair[0]), 10.0) > 100.0,
                "{first_word_of_next:?} would have fit on {:?}",
                pair[0]
            );
        }
    }

    #[test]
    fn an_unbreakable_word_is_cut_rather_than_overflowing() {
        let metrics = metrics();
        let word = "x".repeat(200);
        let lines = metrics.wrap(&word, 10.0, 50.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(metrics.width(line, 10.0) <= 50.0, "{line:?} overflows");
        }
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn a_fitted_label_stays_within_its_width_and_says_it_was_cut() {
        let metrics = metrics();
        let title = "Infrastructure engineers' project time for the Leeds data centre exit";
        let fitted = metrics.fit(title, 8.0, 100.0);
        assert!(metrics.width(&fitted, 8.0) <= 100.0, "{fitted:?} overflows");
        assert!(
            fitted.ends_with('\u{2026}'),
            "a cut label ends in an ellipsis"
        );
        assert_eq!(metrics.fit("Short", 8.0, 100.0), "Short");
    }

    #[test]
    fn shaping_the_same_text_twice_gives_the_same_glyphs() {
        let metrics = metrics();
        let first = metrics.shape("Resources behind it");
        let again = metrics.shape("Resources behind it");
        assert!(
            Rc::ptr_eq(&first, &again),
            "the second shaping is the cached run"
        );
        assert_eq!(first.len(), "Resources behind it".chars().count());
    }
}
