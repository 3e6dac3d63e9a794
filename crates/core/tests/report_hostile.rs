//! Text is never code: hostile titles, whys and team names go through every report
//! format as text (escaped, neutralized), and emoji and right-to-left scripts neither
//! break a format nor stop the PDF.

use chrono::NaiveDate;
use throughline_core::report::{Report, ReportFormat, ReportOptions, render_report};
use throughline_core::{Link, Node, NodeKind, Plan, PlanGraph, ResourceType};

const SCRIPT: &str = "<script>alert(1)</script>";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";
const IMAGE: &str = "<img src=x onerror=alert(2)>";
const MARKDOWN: &str = "a|b *c* _d_ `e` [f](http://g) <b>h</b>\nsecond line";
const ARABIC: &str = "خفض تكاليف التشغيل";
const HEBREW: &str = "הפחתת עלויות";
const EMOJI: &str = "🚀 Launch 🎉";
/// What GitHub-flavoured Markdown would turn into live links if left bare.
const BARE_LINKS: &str =
    "see http://evil.example/x, www.evil.example, boss@evil.example or mailto:boss@evil.example";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn hostile_plan() -> PlanGraph {
    let mut plan = Plan::new(format!("Plan {SCRIPT}"));
    let mut goal = Node::new("G1", NodeKind::OrgGoal, SCRIPT);
    goal.why = Some(IMAGE.to_owned());
    goal.team = Some("@Ops".to_owned());
    let mut team_goal = Node::new("T1", NodeKind::TeamGoal, FORMULA);
    team_goal.team = Some("@Ops".to_owned());
    team_goal.why = Some("-2+3".to_owned());
    let mut strategy = Node::new("S1", NodeKind::Strategy, ARABIC);
    strategy.team = Some("@Ops".to_owned());
    let mut initiative = Node::new("I1", NodeKind::Initiative, EMOJI);
    initiative.team = Some("@Ops".to_owned());
    let mut other = Node::new("I2", NodeKind::Initiative, MARKDOWN);
    other.team = Some("@Ops".to_owned());
    let mut resource = Node::resource("R1", ResourceType::Funding, HEBREW);
    resource.capacity = Some(10.0);
    resource.unit = Some("+EUR".to_owned());
    resource.team = Some("@Ops".to_owned());
    let linky = Node::new("I3", NodeKind::Initiative, BARE_LINKS);
    plan.nodes = vec![
        goal, team_goal, strategy, initiative, other, linky, resource,
    ];
    plan.links = vec![
        Link::supports("T1", "G1"),
        Link::supports("S1", "T1"),
        Link::supports("I1", "S1"),
        Link::allocates("R1", "I1", 25.0),
    ];
    PlanGraph::from_plan(plan).expect("the hostile plan is a valid plan")
}

fn render_text(format: ReportFormat) -> String {
    let report = Report::build(&hostile_plan(), &ReportOptions::new(as_of())).expect("builds");
    String::from_utf8(render_report(format, &report).expect("renders")).expect("UTF-8")
}

#[test]
fn html_and_its_svg_show_markup_as_text() {
    let html = render_text(ReportFormat::Html);
    for raw in ["<script", "<img", "<b>h", "onerror=alert(2)>"] {
        assert!(
            !html.contains(raw),
            "{raw:?} must not reach the HTML (or its inline SVG) unescaped"
        );
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "the title should be shown, escaped"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "the why should be shown, escaped"
    );
    let svg_start = html
        .find("<svg")
        .expect("the map is drawn for a small plan");
    assert!(
        html[svg_start..].contains("&lt;script&gt;alert(1)"),
        "the map's labels are escaped too"
    );
    for text in [ARABIC, HEBREW, "🚀 Launch 🎉"] {
        assert!(html.contains(text), "{text} should appear as written");
    }
}

#[test]
fn markdown_tables_keep_their_columns_and_markup_stays_text() {
    let markdown = render_text(ReportFormat::Markdown);
    let bare_angle = markdown
        .char_indices()
        .any(|(at, ch)| ch == '<' && !markdown[..at].ends_with('\\'));
    assert!(!bare_angle, "every < from the plan must be escaped");
    assert!(markdown.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(
        !markdown.contains("\nsecond line"),
        "a line break in a title must not end a table row or list item"
    );
    // Every table row has as many unescaped pipes as its table's header.
    let mut expected = None;
    for line in markdown.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let pipes = unescaped_pipes(line);
        match expected {
            None => expected = Some(pipes),
            Some(count) => assert_eq!(
                pipes, count,
                "row {line:?} should have {count} column separators"
            ),
        }
    }
}

/// GitHub renders Markdown with cmark-gfm; comrak is its Rust port, extensions and all.
#[test]
fn bare_urls_and_addresses_in_titles_stay_text_on_github() {
    let markdown = render_text(ReportFormat::Markdown);
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    let html = comrak::markdown_to_html(&markdown, &options);
    assert!(
        !html.contains("<a "),
        "no link may come out of the plan's text: {}",
        html.lines()
            .find(|line| line.contains("<a "))
            .unwrap_or_default()
    );
    let escaped = BARE_LINKS.replace('&', "&amp;");
    assert!(
        html.contains(&escaped),
        "the title reads exactly as written once rendered"
    );
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for ch in line.chars() {
        match ch {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if ch != '\\' {
            escaped = false;
        }
    }
    count
}

#[test]
fn csv_cells_never_start_a_formula() {
    let report = Report::build(&hostile_plan(), &ReportOptions::new(as_of())).expect("builds");
    let findings = render_report(ReportFormat::Csv, &report).expect("renders");
    let allocations =
        throughline_core::report::render_csv_allocations(&report).expect("renders allocations");
    let mut saw_formula_title = false;
    for bytes in [findings, allocations] {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for record in reader.records() {
            let record = record.expect("valid CSV");
            for cell in record.iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "cell {cell:?} would run as a formula in a spreadsheet"
                );
                if cell == format!("'{FORMULA}") {
                    saw_formula_title = true;
                }
            }
        }
    }
    assert!(
        saw_formula_title,
        "the formula title should be there, neutralized with a leading quote"
    );
}

#[test]
fn json_keeps_every_title_exactly() {
    let json: serde_json::Value =
        serde_json::from_str(&render_text(ReportFormat::Json)).expect("the JSON report parses");
    let titles: Vec<&str> = json["plan"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| node["title"].as_str())
        .collect();
    for title in [SCRIPT, FORMULA, MARKDOWN, ARABIC, HEBREW, EMOJI] {
        assert!(
            titles.contains(&title),
            "{title:?} should round-trip exactly"
        );
    }
}

#[test]
fn pdf_renders_with_emoji_and_right_to_left_text_and_extracts() {
    let report = Report::build(&hostile_plan(), &ReportOptions::new(as_of())).expect("builds");
    let pdf = render_report(ReportFormat::Pdf, &report).expect("emoji must not stop the PDF");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    for expected in [SCRIPT, "=HYPERLINK(", "Launch", "second line"] {
        assert!(
            text.contains(expected),
            "{expected:?} should be extractable text in the PDF"
        );
    }
    // Right-to-left runs may come out in visual order; every letter must be there.
    for word in [ARABIC, HEBREW] {
        for letter in word.chars().filter(|c| !c.is_whitespace()) {
            assert!(
                text.contains(letter),
                "letter {letter} of {word} should be extractable"
            );
        }
    }
}

#[test]
fn team_names_are_text_too() {
    let report = Report::build(&hostile_plan(), &ReportOptions::for_team(as_of(), "@Ops"))
        .expect("@Ops is a team");
    let csv = String::from_utf8(render_report(ReportFormat::Csv, &report).expect("renders"))
        .expect("UTF-8");
    assert!(
        csv.contains(",'@Ops,"),
        "the team cell is neutralized: {csv}"
    );
}
