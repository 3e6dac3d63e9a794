//! The PDF report, drawn with krilla: real text (selectable and extractable), tables
//! and the allocation chart, in an embedded DejaVu Sans so that accented, Greek,
//! Cyrillic, Arabic and Hebrew titles print and extract in any reader.
//!
//! Three steps, one module each: `sections` says what goes in the report and in
//! which order (capping long listings), `layout` breaks it into pages of simple
//! drawing operations measured with the font (`report::font`), and `drawing` turns those
//! pages into PDF. Keeping layout apart from drawing keeps page breaks, repeated
//! table headers and wrapping testable and the krilla part small.
//! Characters the font lacks (most emoji) print as an empty box; they never stop the
//! report, and the rest of the line stays extractable.

mod brief;
mod chart;
mod drawing;
mod layout;
mod review_log;
mod roadmap;
mod sections;

use crate::error::Result;

use super::brief::Brief;
use super::content::Report;
use super::{ReportFormat, ReportStep, render_error};

use super::font::FontMetrics;
use layout::{Layout, Op};

pub(crate) fn render(report: &Report, progress: &mut dyn FnMut(ReportStep)) -> Result<Vec<u8>> {
    let metrics = FontMetrics::new()
        .ok_or_else(|| render_error(ReportFormat::Pdf, "the bundled font could not be read"))?;
    let pages = lay_out(report, &metrics);
    let mut title = format!("{}: alignment report", report.plan_name);
    if let Some(team) = &report.team {
        title.push_str(&format!(" for {team}"));
    }
    drawing::draw(&pages, title, &metrics, progress)
}

/// The one-page brief, and what it had to leave out to stay on one page.
pub(crate) fn render_brief(brief: &Brief) -> Result<(Vec<u8>, Option<String>)> {
    let metrics = FontMetrics::new()
        .ok_or_else(|| render_error(ReportFormat::Pdf, "the bundled font could not be read"))?;
    let (pages, left_out) = lay_out_brief(brief, &metrics);
    let title = format!("Alignment brief: {}", brief.subject.title);
    let bytes = drawing::draw(&pages, title, &metrics, &mut |_| {})?;
    Ok((bytes, left_out))
}

fn lay_out_brief(brief: &Brief, metrics: &FontMetrics) -> (Vec<Vec<Op>>, Option<String>) {
    let mut layout = Layout::new(metrics);
    let left_out = brief::lay_out(&mut layout, brief);
    let footer = format!(
        "{} \u{2014} brief on {} \u{2014} as of {}",
        brief.plan_name, brief.subject.id, brief.as_of
    );
    (layout.finish(&footer), left_out)
}

/// The report's pages, each ending with its footer.
fn lay_out(report: &Report, metrics: &FontMetrics) -> Vec<Vec<Op>> {
    let footer = match &report.team {
        Some(team) => format!(
            "{} \u{2014} team {} \u{2014} as of {}",
            report.plan_name, team, report.as_of
        ),
        None => format!("{} \u{2014} as of {}", report.plan_name, report.as_of),
    };
    let mut layout = Layout::new(metrics);
    sections::lay_out(&mut layout, report);
    layout.finish(&footer)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::layout::{MARGIN, PAGE_W};
    use super::*;
    use crate::generate::generate;
    use crate::graph::PlanGraph;
    use crate::report::ReportOptions;
    use crate::sample::sample_plan;

    fn report_of(plan: &PlanGraph) -> Report {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a valid date");
        Report::build(plan, &ReportOptions::new(as_of)).expect("the report builds")
    }

    /// The sample with everything as long as it gets: a long plan name (footers), long
    /// resource titles (chart labels) and big amounts in long units (chart figures).
    fn stretched_sample() -> PlanGraph {
        let mut plan = sample_plan().to_plan();
        plan.name = format!("Northwind {}", "information technology strategy ".repeat(6));
        for node in &mut plan.nodes {
            if node.kind == crate::model::NodeKind::Resource {
                node.title = format!("{} for every site, region and subsidiary", node.title);
                node.unit = Some("person-days of senior engineering".to_owned());
                node.capacity = node.capacity.map(|capacity| capacity * 1_000.0);
            }
        }
        for link in &mut plan.links {
            link.amount = link.amount.map(|amount| amount * 1_000.0);
        }
        PlanGraph::from_plan(plan).expect("still a valid plan")
    }

    fn texts(pages: &[Vec<Op>]) -> impl Iterator<Item = (usize, f32, f32, &str)> {
        pages.iter().enumerate().flat_map(|(page, ops)| {
            ops.iter().filter_map(move |op| match op {
                Op::Text { x, size, text, .. } => Some((page + 1, *x, *size, text.as_str())),
                _ => None,
            })
        })
    }

    #[test]
    fn no_text_runs_past_the_page_margins() {
        let metrics = FontMetrics::new().expect("the bundled font parses");
        for plan in [sample_plan(), stretched_sample(), generate(600, 3)] {
            let pages = lay_out(&report_of(&plan), &metrics);
            for (page, x, size, text) in texts(&pages) {
                let right = x + metrics.width(text, size);
                assert!(
                    x >= MARGIN - 0.01 && right <= PAGE_W - MARGIN + 0.01,
                    "{text:?} on page {page} spans {x:.1}..{right:.1} pt, outside the margins {MARGIN}..{}",
                    PAGE_W - MARGIN
                );
            }
        }
    }

    #[test]
    fn the_chart_shows_an_over_allocated_resource_in_full() {
        // The case: "...(113%), ove" ran off the page's right edge.
        let metrics = FontMetrics::new().expect("the bundled font parses");
        let pages = lay_out(&report_of(&stretched_sample()), &metrics);
        let all_text: Vec<&str> = texts(&pages).map(|(_, _, _, text)| text).collect();
        let figure = all_text
            .iter()
            .position(|text| text.starts_with("\u{2716} 6,800,000 person-days"))
            .expect("the over-allocated resource's figures are in the chart");
        let figures = all_text[figure..(figure + 6).min(all_text.len())].join(" ");
        assert!(
            figures.contains("(113%), over capacity"),
            "the whole figure is drawn, over a few lines if need be: {figures:?}"
        );
    }

    #[test]
    fn the_first_page_leads_with_summary_score_and_worst_findings() {
        let metrics = FontMetrics::new().expect("the bundled font parses");
        let report = report_of(&generate(2_000, 7));
        let pages = lay_out(&report, &metrics);
        let first: Vec<&str> = texts(&pages[..1]).map(|(_, _, _, text)| text).collect();
        for expected in ["Summary", "Alignment score", "Most pressing findings"] {
            assert!(
                first.contains(&expected),
                "{expected:?} should be on the first page: {first:?}"
            );
        }
        let worst = sections::most_pressing(&report);
        assert!(!worst.is_empty(), "a generated plan has findings");
        for finding in &worst {
            let node = format!("({})", finding.node);
            assert!(
                first.iter().any(|text| text.contains(&node)),
                "pressing finding on {} should be on the first page",
                finding.node
            );
        }
    }

    #[test]
    fn the_most_pressing_findings_show_every_worst_rule_before_a_second_of_any() {
        let report = report_of(&generate(2_000, 7));
        let worst = &report.findings[0];
        let rules: std::collections::BTreeSet<_> =
            worst.findings.iter().map(|finding| finding.rule).collect();
        let chosen = sections::most_pressing(&report);
        assert_eq!(
            chosen.len(),
            sections::PRESSING_FINDINGS.min(worst.findings.len())
        );
        assert!(
            chosen
                .iter()
                .all(|finding| finding.severity == worst.severity)
        );
        let first_round: std::collections::BTreeSet<_> = chosen
            .iter()
            .take(rules.len())
            .map(|finding| finding.rule)
            .collect();
        assert_eq!(
            first_round, rules,
            "each rule of the worst severity should appear once before any appears twice"
        );
    }

    #[test]
    fn a_bigger_plan_does_not_make_a_longer_pdf() {
        // Every listing is capped, so past a few thousand nodes the page count stays put.
        let metrics = FontMetrics::new().expect("the bundled font parses");
        let pages = |nodes| lay_out(&report_of(&generate(nodes, 7)), &metrics).len();
        let (big, bigger) = (pages(3_000), pages(12_000));
        assert!(
            bigger <= big + 5 && bigger < 90,
            "3,000 nodes gave {big} pages, 12,000 gave {bigger}: a listing is not capped"
        );
    }
}
