//! The Markdown report, written to read well on GitHub.
//!
//! Rendered through the same template engine as the HTML, with an escaper that turns
//! every value from the plan into literal text: Markdown and HTML punctuation is
//! backslash-escaped and line breaks become spaces, so a title cannot open a link,
//! start a list, inject markup or break a table row. GitHub-flavoured Markdown also
//! turns bare URLs, `www.` names and e-mail addresses into links; escaping the `:`
//! of `://`, the `.` of `www.` and every `@` keeps them text, and renders the same.

use minijinja::context;
use minijinja::value::{Serde, Value};

use crate::analysis::Severity;
use crate::error::Result;

use super::html::severity_words;
use super::model::Report;
use super::svg::{chart_text, charted};
use super::templates::environment;
use super::{ReportFormat, render_error};

/// Text as literal Markdown: safe inside a paragraph, a heading, a list item or a table cell.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '@' => {
                out.push('\\');
                out.push(ch);
            }
            ':' if chars.peek() == Some(&'/') => out.push_str("\\:"),
            '.' if ends_with_www(&out) => out.push_str("\\."),
            // Only an entity (`&lt;`, `&#60;`) needs it; "R&D" and "skills & tools" read as they are.
            '&' if chars
                .peek()
                .is_some_and(|next| next.is_alphanumeric() || *next == '#') =>
            {
                out.push_str("\\&");
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Whether the text so far ends in a word `www` (any case), which GFM links with a
/// following `.`.
fn ends_with_www(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 3
        && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"www")
        && (bytes.len() == 3 || !bytes[bytes.len() - 4].is_ascii_alphanumeric())
}

pub(crate) fn render(report: &Report) -> Result<String> {
    let env = environment().map_err(|error| render_error(ReportFormat::Markdown, error))?;
    let template = env
        .get_template("report.md")
        .map_err(|error| render_error(ReportFormat::Markdown, error))?;
    let (charted, omitted, unlimited) = charted(report);
    let chart: Vec<Value> = charted
        .iter()
        .map(|resource| {
            context! {
                title => resource.title.as_str(),
                text => chart_text(resource),
                bar => bar(super::svg::share(resource)),
            }
        })
        .collect();
    let mut text = template
        .render(context! {
            r => Value::from(Serde(report)),
            chart => chart,
            chart_omitted => omitted,
            chart_unlimited => unlimited,
            icons => severity_words(severity_emoji),
        })
        .map_err(|error| render_error(ReportFormat::Markdown, error))?;
    text.push('\n');
    Ok(text)
}

/// GitHub shows these as coloured icons, and the words beside them say the same.
fn severity_emoji(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\u{1f534}",
        Severity::Warning => "\u{1f7e0}",
        Severity::Info => "\u{1f535}",
    }
}

/// A text bar of 20 cells for a share of capacity (capped at 150%).
fn bar(share: f64) -> String {
    let cells = (share.clamp(0.0, 1.5) * 20.0).round() as usize;
    let full = cells.min(20);
    let over = cells.saturating_sub(20);
    format!(
        "{}{}{}",
        "\u{2588}".repeat(full),
        "\u{2591}".repeat(20 - full),
        "\u{2593}".repeat(over)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_and_line_breaks_are_neutralized() {
        assert_eq!(escape_markdown("a|b"), "a\\|b");
        assert_eq!(escape_markdown("<script>"), "\\<script\\>");
        assert_eq!(escape_markdown("[x](http://e)"), "\\[x\\](http\\://e)");
        assert_eq!(escape_markdown("&lt; R&D & co"), "\\&lt; R\\&D & co");
        assert_eq!(escape_markdown("*b* _i_ `c`"), "\\*b\\* \\_i\\_ \\`c\\`");
        assert_eq!(escape_markdown("one\r\ntwo\nthree"), "one two three");
        assert_eq!(escape_markdown("Café – مرحبا"), "Café – مرحبا");
        assert_eq!(
            escape_markdown("see https://e.example, WWW.e.example, a@e.example; Note: x"),
            "see https\\://e.example, WWW\\.e.example, a\\@e.example; Note: x"
        );
        assert_eq!(escape_markdown("awww.x"), "awww.x");
    }
}
