//! Small text helpers shared by messages and reports.
//!
//! Every value a message repeats goes through one cut ([`shown`]): a mistaken value of
//! megabytes (a whole file pasted into an id) must still give a message of one short
//! line, which names the place and says how long the value was.

use std::borrow::Cow;

/// Most characters of a value that a message repeats. Ids may be 64 characters, so
/// every valid id is shown whole.
pub const SHOWN_CHARS: usize = 100;

/// The part of `value` a message shows, and its length in characters when that is
/// not all of it.
fn shown(value: &str) -> (&str, Option<usize>) {
    match value.char_indices().nth(SHOWN_CHARS) {
        None => (value, None),
        Some((end, _)) => (
            &value[..end],
            Some(SHOWN_CHARS + value[end..].chars().count()),
        ),
    }
}

/// Says how long a cut value was, after its closing quote.
fn write_length(f: &mut std::fmt::Formatter<'_>, length: Option<usize>) -> std::fmt::Result {
    match length {
        Some(length) => write!(f, " ({length} characters)"),
        None => Ok(()),
    }
}

/// A title in typographic quotes, as messages show it.
pub fn quoted(title: &str) -> String {
    Quoted(title).to_string()
}

/// [`quoted`] as a value to format, made into text only if it is used: the analysis
/// quotes every node's title for messages that most nodes never get. A long title is
/// cut: `“The first hundred characters…” (2400 characters)`.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (part, length) = shown(self.0);
        let ellipsis = if length.is_some() { "\u{2026}" } else { "" };
        write!(f, "\u{201c}{part}{ellipsis}\u{201d}")?;
        write_length(f, length)
    }
}

/// A value as written in a file or on a command line (an id, a date, a field name), in
/// straight quotes with Rust's escapes, so that invisible and look-alike characters
/// show: `"G1"`, `"zero\u{200b}width"`. A long value is cut like [`Quoted`].
#[derive(Debug, Clone, Copy)]
pub struct Literal<'a>(pub &'a str);

impl std::fmt::Display for Literal<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (part, length) = shown(self.0);
        match length {
            None => write!(f, "{part:?}"),
            Some(_) => {
                let escaped = format!("{part:?}");
                let open = &escaped[..escaped.len() - 1];
                write!(f, "{open}\u{2026}\"")?;
                write_length(f, length)
            }
        }
    }
}

/// A value shown bare, as in `supports link S1 -> G1`, cut like [`Quoted`].
#[derive(Debug, Clone, Copy)]
pub struct Bare<'a>(pub &'a str);

impl std::fmt::Display for Bare<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (part, length) = shown(self.0);
        f.write_str(part)?;
        if length.is_some() {
            f.write_str("\u{2026}")?;
        }
        write_length(f, length)
    }
}

/// A message written by a parser (serde's), with every value it quotes (in
/// `backticks`, or in "double quotes" with escapes) cut as [`Literal`] cuts: those
/// messages repeat a bad value whole, however long.
pub fn shorten_quoted(message: &str) -> Cow<'_, str> {
    if message.len() <= SHOWN_CHARS {
        return Cow::Borrowed(message);
    }
    let mut shortened = String::with_capacity(SHOWN_CHARS * 4);
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = &rest[open..=open];
        shortened.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let close = closing_quote(inside, quote.as_bytes()[0]).unwrap_or(inside.len());
        let (part, length) = shown(&inside[..close]);
        shortened.push_str(part);
        if let Some(length) = length {
            shortened.push('\u{2026}');
            shortened.push_str(quote);
            shortened.push_str(&format!(" ({length} characters)"));
        } else if close < inside.len() {
            shortened.push_str(quote);
        }
        rest = inside.get(close + 1..).unwrap_or_default();
    }
    shortened.push_str(rest);
    Cow::Owned(shortened)
}

/// Where the quote that closes a quoted value is: the next backtick, or the next
/// double quote that no backslash escapes.
fn closing_quote(inside: &str, quote: u8) -> Option<usize> {
    let bytes = inside.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if quote == b'"' => at += 2,
            byte if byte == quote => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// An amount as people read it: thousands separated, no needless decimals
/// (`250000` -> `250,000`, `12.5` -> `12.5`).
pub fn format_amount(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (position, digit) in whole.chars().enumerate() {
        if position > 0 && (whole.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// "a", "a or b", "a, b or c".
pub fn join_or<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_shown_whole() {
        let id = "a".repeat(SHOWN_CHARS);
        assert_eq!(Literal(&id).to_string(), format!("{id:?}"));
        assert_eq!(
            Literal("zero\u{200b}width \"q\"").to_string(),
            r#""zero\u{200b}width \"q\"""#
        );
        assert_eq!(Quoted("Goal").to_string(), "\u{201c}Goal\u{201d}");
        assert_eq!(Bare("S1").to_string(), "S1");
        let message = format!("unknown field `{id}`, expected `id`");
        assert_eq!(shorten_quoted(&message), message);
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis_and_their_length() {
        // Multi-byte characters: the cut must fall between characters, not bytes.
        let long = "é🎯".repeat(SHOWN_CHARS);
        let shown = "é🎯".repeat(SHOWN_CHARS / 2);
        let length = 2 * SHOWN_CHARS;
        assert_eq!(
            Literal(&long).to_string(),
            format!("\"{shown}\u{2026}\" ({length} characters)")
        );
        assert_eq!(
            Quoted(&long).to_string(),
            format!("\u{201c}{shown}\u{2026}\u{201d} ({length} characters)")
        );
        assert_eq!(
            Bare(&long).to_string(),
            format!("{shown}\u{2026} ({length} characters)")
        );
    }

    #[test]
    fn values_quoted_in_a_parser_message_are_cut_and_the_rest_kept() {
        let long = "x".repeat(5000);
        let message = format!(
            "unknown variant `{long}`, expected `supports` or `allocates`; invalid type: string \"{long}\\\"{long}\", expected a string"
        );
        let shortened = shorten_quoted(&message);
        let cut = "x".repeat(SHOWN_CHARS);
        assert_eq!(
            shortened,
            format!(
                "unknown variant `{cut}\u{2026}` (5000 characters), expected `supports` or `allocates`; invalid type: string \"{cut}\u{2026}\" (10002 characters), expected a string"
            ),
            "an escaped quote does not end a value; text outside quotes is kept"
        );
        let unclosed = format!("value `{long}");
        assert_eq!(
            shorten_quoted(&unclosed),
            format!("value `{cut}\u{2026}` (5000 characters)")
        );
    }

    #[test]
    fn amounts_read_like_money() {
        assert_eq!(format_amount(250000.0), "250,000");
        assert_eq!(format_amount(12.5), "12.5");
        assert_eq!(format_amount(0.0), "0");
        assert_eq!(format_amount(999.0), "999");
        assert_eq!(format_amount(1000.0), "1,000");
        assert_eq!(format_amount(-1234.25), "-1,234.25");
        assert_eq!(format_amount(0.1 + 0.2), "0.3");
    }
}
