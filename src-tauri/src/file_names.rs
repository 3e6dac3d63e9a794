//! The file names the save dialogs propose, and the name a new plan takes from its file.

use std::path::Path;

use throughline_core::report::ReportFormat;

/// The name proposed for a copy of the plan called `plan_name`: `it-strategy.throughline`.
pub fn plan_file_name(plan_name: &str) -> String {
    format!("{}.throughline", slug(plan_name))
}

/// The name proposed for a report of `plan_name`, limited to `team` if given:
/// `it-strategy-service-desk.pdf`.
pub fn report_file_name(plan_name: &str, team: Option<&str>, format: ReportFormat) -> String {
    let team = team
        .map(|team| format!("-{}", slug(team)))
        .unwrap_or_default();
    format!("{}{team}.{}", slug(plan_name), format.extension())
}

/// The name proposed for the brief of the node titled `title`:
/// `brief-launch-the-self-service-portal.pdf`.
pub fn brief_file_name(title: &str, format: ReportFormat) -> String {
    format!("brief-{}.{}", slug(title), format.extension())
}

/// The file name an imported file becomes: `board.json` or `board.xlsx` gives `board.throughline`.
pub fn imported_file_name(source: &Path) -> String {
    let stem = source.file_stem().unwrap_or_default().to_string_lossy();
    let stem = if stem.is_empty() { "plan".into() } else { stem };
    format!("{stem}.throughline")
}

/// A new plan's name from the file the user chose: `q3-board_review.throughline` is
/// called "Q3 board review", so the plan does not start nameless.
pub fn plan_name_from_file(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|word| !word.is_empty())
        .collect();
    let mut name = words.join(" ");
    match name.chars().next() {
        Some(first) => {
            let upper: String = first.to_uppercase().collect();
            name.replace_range(..first.len_utf8(), &upper);
            name
        }
        None => "New plan".to_owned(),
    }
}

/// Lower-case ASCII letters and digits, other runs as one `-`: safe in a file name on
/// every system. A name with nothing left becomes `plan`.
fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for character in text.chars().flat_map(char::to_lowercase) {
        if character.is_ascii_alphanumeric() {
            slug.push(character);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "plan".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposed_names_are_slugs_of_the_plan_and_team() {
        assert_eq!(
            plan_file_name("Northwind IT strategy 2027"),
            "northwind-it-strategy-2027.throughline"
        );
        assert_eq!(
            report_file_name("IT / Strategy!", Some("Service Desk"), ReportFormat::Pdf),
            "it-strategy-service-desk.pdf"
        );
        assert_eq!(
            report_file_name("Été", None, ReportFormat::Markdown),
            "t.md",
            "letters outside ASCII are left out"
        );
        assert_eq!(plan_file_name("***"), "plan.throughline");
    }

    #[test]
    fn a_new_plan_is_named_after_its_file() {
        assert_eq!(
            plan_name_from_file(Path::new("/plans/q3-board_review.throughline")),
            "Q3 board review"
        );
        assert_eq!(
            plan_name_from_file(Path::new("/plans/---.throughline")),
            "New plan"
        );
        assert_eq!(
            imported_file_name(Path::new("/plans/board.json")),
            "board.throughline"
        );
    }
}
