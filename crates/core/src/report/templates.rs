//! The template engine set up for reports: templates compiled in, escaping by file type.
//!
//! Escaping is decided by the template's extension, never left to each template:
//! `.html` and `.svg` escape for HTML/XML, `.md` for Markdown. A value only reaches
//! the output raw when Rust marks it safe (numbers and shapes we computed ourselves).

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::analysis::Severity;

use super::escape::escape_markdown;

const MARKDOWN: &str = "markdown";

const TEMPLATES: [(&str, &str); 8] = [
    ("report.html", include_str!("templates/report.html")),
    ("style.css.html", include_str!("templates/style.css.html")),
    ("map.svg", include_str!("templates/map.svg")),
    ("chart.svg", include_str!("templates/chart.svg")),
    ("roadmap.svg", include_str!("templates/roadmap.svg")),
    ("report.md", include_str!("templates/report.md")),
    ("brief.html", include_str!("templates/brief.html")),
    ("brief.md", include_str!("templates/brief.md")),
];

/// A fresh environment holding every report template.
pub(crate) fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()?,
    );
    // A misspelt field in a template is a defect to catch in tests, not an empty cell.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") || name.ends_with(".svg") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == MARKDOWN) {
            if value.is_safe() {
                return out
                    .write_str(&value.to_string())
                    .map_err(minijinja::Error::from);
            }
            let text = if value.is_none() || value.is_undefined() {
                String::new()
            } else {
                value.to_string()
            };
            return out
                .write_str(&escape_markdown(&text))
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_filter("percent", |value: f64| format!("{value:.1}"));
    env.add_filter("repeat_str", |text: String, times: usize| {
        text.repeat(times)
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// A map from severity name to a word or icon, for templates to index.
pub(crate) fn severity_words(word: fn(Severity) -> &'static str) -> Value {
    let words: std::collections::BTreeMap<&str, &str> = Severity::ALL
        .into_iter()
        .map(|severity| (severity.as_str(), word(severity)))
        .collect();
    Value::from(Serde(words))
}
