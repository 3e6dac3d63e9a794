//! Escaping for Markdown: every value from the plan becomes literal text.
//!
//! Markdown and HTML punctuation is backslash-escaped and line breaks become spaces, so
//! a title cannot open a link, start a list, inject markup or break a table row. The
//! template engine applies it to every `.md` template ([`super::templates`]).
//! GitHub-flavoured Markdown also turns bare URLs, `www.` names and e-mail addresses
//! into links; escaping the `:` of `://`, the `.` of `www.` and every `@` keeps them
//! text, and renders the same.

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
