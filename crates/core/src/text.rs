//! Small text helpers shared by messages and reports.

/// A title in typographic quotes, as messages show it.
pub fn quoted(title: &str) -> String {
    Quoted(title).to_string()
}

/// [`quoted`] as a value to format, made into text only if it is used: the analysis
/// quotes every node's title for messages that most nodes never get.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\u{201c}{}\u{201d}", self.0)
    }
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
