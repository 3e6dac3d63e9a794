//! Plans written the way other programs write them: a plan exported by Throughline,
//! written again with its keys in another order, its strings escaped, other
//! whitespace and line ends, a byte order mark. The reader must read them all as the
//! same plan.

use serde_json::Value;

/// In what order an object's keys are written.
#[derive(Debug, Clone, Copy)]
pub enum KeyOrder {
    /// As `json.dump(..., sort_keys=True)`: the links before the nodes, the version last.
    Sorted,
    /// The reverse of sorted: a node's id after all its other fields.
    Reversed,
    /// Each object in its own order, from this seed.
    Shuffled(u64),
}

/// How a program writes its JSON.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub key_order: KeyOrder,
    /// Every character outside ASCII as a `\u` escape (surrogate pairs beyond the BMP),
    /// as Python's `json.dump` writes by default.
    pub ascii_only: bool,
    /// These characters as `\u` escapes wherever they appear, keys included.
    pub escaped: &'static [char],
    /// One value per line with this indent; `None` for everything on one line.
    pub indent: Option<&'static str>,
    pub line_end: &'static str,
    pub byte_order_mark: bool,
}

impl Style {
    /// Python's `json.dump(plan, file, indent=2, sort_keys=True)`.
    pub const PYTHON_SORTED: Style = Style {
        key_order: KeyOrder::Sorted,
        ascii_only: true,
        escaped: &[],
        indent: Some("  "),
        line_end: "\n",
        byte_order_mark: false,
    };
}

/// The JSON text `json`, written again in `style`.
pub fn rewrite(json: &str, style: &Style) -> String {
    let value: Value = serde_json::from_str(json).expect("the text to rewrite is JSON");
    let mut out = String::new();
    if style.byte_order_mark {
        out.push('\u{feff}');
    }
    let mut shuffle = match style.key_order {
        KeyOrder::Shuffled(seed) => seed | 1,
        _ => 0,
    };
    write_value(&value, style, 0, &mut shuffle, &mut out);
    out.push_str(style.line_end);
    out
}

fn write_value(value: &Value, style: &Style, depth: usize, shuffle: &mut u64, out: &mut String) {
    let (open, close, items): (char, char, Vec<(Option<&String>, &Value)>) = match value {
        Value::Object(map) => {
            let mut entries: Vec<(Option<&String>, &Value)> =
                map.iter().map(|(key, value)| (Some(key), value)).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            match style.key_order {
                KeyOrder::Sorted => {}
                KeyOrder::Reversed => entries.reverse(),
                KeyOrder::Shuffled(_) => {
                    for at in (1..entries.len()).rev() {
                        // xorshift: enough to mix a handful of keys, the same every run.
                        *shuffle ^= *shuffle << 13;
                        *shuffle ^= *shuffle >> 7;
                        *shuffle ^= *shuffle << 17;
                        entries.swap(at, (*shuffle % (at as u64 + 1)) as usize);
                    }
                }
            }
            ('{', '}', entries)
        }
        Value::Array(items) => ('[', ']', items.iter().map(|item| (None, item)).collect()),
        Value::String(text) => {
            write_string(text, style, out);
            return;
        }
        scalar => {
            out.push_str(&scalar.to_string());
            return;
        }
    };
    out.push(open);
    for (position, (key, item)) in items.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        new_line(style, depth + 1, out);
        if let Some(key) = key {
            write_string(key, style, out);
            out.push_str(if style.indent.is_some() { ": " } else { ":" });
        }
        write_value(item, style, depth + 1, shuffle, out);
    }
    if !items.is_empty() {
        new_line(style, depth, out);
    }
    out.push(close);
}

fn new_line(style: &Style, depth: usize, out: &mut String) {
    if let Some(indent) = style.indent {
        out.push_str(style.line_end);
        out.push_str(&indent.repeat(depth));
    }
}

fn write_string(text: &str, style: &Style, out: &mut String) {
    out.push('"');
    let mut buffer = [0u8; 4];
    for character in text.chars() {
        if (style.ascii_only && !character.is_ascii()) || style.escaped.contains(&character) {
            let mut units = [0u16; 2];
            for unit in character.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            // serde_json's own escape of the character (quotes, backslashes, controls).
            let quoted = serde_json::to_string(character.encode_utf8(&mut buffer) as &str)
                .expect("a string serializes");
            out.push_str(&quoted[1..quoted.len() - 1]);
        }
    }
    out.push('"');
}
