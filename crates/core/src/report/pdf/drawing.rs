//! Drawing laid-out pages with krilla: each operation becomes PDF text (the glyphs
//! shaped by `report::font`, with their characters, so the PDF extracts as text) or a path.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::Font;

use crate::error::Result;
use crate::report::{ReportFormat, ReportStep, render_error};

use super::layout::{Op, PAGE_H, PAGE_W, Rgb};
use crate::report::font::{FONT_BYTES, FontMetrics};

/// The PDF of the given pages; `progress` hears of each page drawn.
pub(super) fn draw(
    pages: &[Vec<Op>],
    title: String,
    metrics: &FontMetrics,
    progress: &mut dyn FnMut(ReportStep),
) -> Result<Vec<u8>> {
    let font = Font::new(FONT_BYTES.into(), 0)
        .ok_or_else(|| render_error(ReportFormat::Pdf, "the bundled font could not be read"))?;
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| render_error(ReportFormat::Pdf, "invalid page size"))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title)
            .creator("Throughline".to_owned())
            .language("en".to_owned()),
    );
    for (number, ops) in pages.iter().enumerate() {
        progress(ReportStep::DrawingPage {
            page: number + 1,
            pages: pages.len(),
        });
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, op, &font, metrics);
        }
        surface.finish();
        page.finish();
    }
    progress(ReportStep::FinishingPdf);
    document
        .finish()
        .map_err(|error| render_error(ReportFormat::Pdf, format!("{error:?}")))
}

fn draw_op(surface: &mut Surface, op: &Op, font: &Font, metrics: &FontMetrics) {
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
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            if let Some(path) = builder.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
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

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}
