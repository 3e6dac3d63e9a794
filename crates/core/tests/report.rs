//! Reports of the sample plan in every format, pinned by snapshots at a fixed as-of date,
//! and the behaviour around them: team scope, files written, bounded output for big plans.

use chrono::NaiveDate;
use throughline_core::generate::generate;
use throughline_core::report::{
    Report, ReportFormat, ReportOptions, ReportStep, companion_path, render,
    render_csv_allocations, render_report, write_report, write_report_with_progress,
};
use throughline_core::sample::sample_plan;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn text(format: ReportFormat, options: &ReportOptions) -> String {
    let bytes = render(format, &sample_plan(), options).expect("the sample plan renders");
    String::from_utf8(bytes).expect("text formats are UTF-8")
}

#[test]
fn sample_html_snapshot() {
    insta::assert_snapshot!(text(ReportFormat::Html, &ReportOptions::new(as_of())));
}

#[test]
fn sample_markdown_snapshot() {
    insta::assert_snapshot!(text(ReportFormat::Markdown, &ReportOptions::new(as_of())));
}

#[test]
fn sample_csv_snapshots() {
    insta::assert_snapshot!(
        "sample_csv_findings",
        text(ReportFormat::Csv, &ReportOptions::new(as_of()))
    );
    let report =
        Report::build(&sample_plan(), &ReportOptions::new(as_of())).expect("the sample builds");
    let allocations = render_csv_allocations(&report).expect("allocations render");
    insta::assert_snapshot!(
        "sample_csv_allocations",
        String::from_utf8(allocations).expect("UTF-8")
    );
}

#[test]
fn sample_json_snapshot() {
    insta::assert_snapshot!(text(ReportFormat::Json, &ReportOptions::new(as_of())));
}

#[test]
fn sample_pdf_text_snapshot() {
    let pdf = render(
        ReportFormat::Pdf,
        &sample_plan(),
        &ReportOptions::new(as_of()),
    )
    .expect("the sample renders as PDF");
    assert!(
        pdf.starts_with(b"%PDF-"),
        "a PDF file starts with its header"
    );
    let extracted = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    insta::assert_snapshot!(extracted);
}

#[test]
fn team_report_markdown_snapshot() {
    insta::assert_snapshot!(text(
        ReportFormat::Markdown,
        &ReportOptions::for_team(as_of(), "Security")
    ));
}

#[test]
fn numbers_agree_with_the_analysis_in_every_format() {
    let plan = sample_plan();
    let analysis = throughline_core::analyse(&plan, as_of());
    let options = ReportOptions::new(as_of());
    let json: serde_json::Value =
        serde_json::from_slice(&render(ReportFormat::Json, &plan, &options).expect("renders"))
            .expect("the JSON report parses");
    assert_eq!(
        json["analysis"]["summary"]["error"].as_u64(),
        Some(analysis.summary.error as u64),
        "the JSON report should carry the analysis's error count"
    );
    assert_eq!(
        json["analysis"]["findings"].as_array().map(Vec::len),
        Some(analysis.findings.len())
    );
    let csv = text(ReportFormat::Csv, &options);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.records().count(),
        analysis.findings.len(),
        "the CSV should have one row per finding"
    );
    let plan_part = serde_json::to_string(&json["plan"]).expect("re-serializes");
    let again = throughline_core::interchange::parse(&plan_part)
        .expect("the JSON report's plan imports as an interchange document");
    assert_eq!(
        again.to_plan(),
        plan.to_plan(),
        "the plan part is the whole plan"
    );
}

#[test]
fn team_report_covers_the_team_and_what_it_supports_only() {
    let plan = sample_plan();
    let report = Report::build(&plan, &ReportOptions::for_team(as_of(), "Security"))
        .expect("Security is a team of the sample");
    assert_eq!(report.teams.len(), 1, "a team report has one team section");
    assert_eq!(report.teams[0].name, "Security");
    for group in &report.findings {
        for finding in &group.findings {
            let node = plan.node(&finding.node).expect("findings name real nodes");
            // Scope goes upward from the team's nodes: another team's strategy or goal
            // can be there (the team supports it), another team's initiative cannot.
            assert!(
                node.kind != throughline_core::NodeKind::Initiative
                    || node.team.as_deref() == Some("Security"),
                "finding on {} should belong to the team's part",
                finding.node
            );
        }
    }
    let whole = Report::build(&plan, &ReportOptions::new(as_of())).expect("builds");
    assert!(
        report.finding_count() < whole.finding_count(),
        "the team's part has fewer findings than the whole plan"
    );
    // The team's plan is a valid plan of its own.
    throughline_core::PlanGraph::from_plan(report.plan.clone())
        .expect("the team's part of the plan is a valid plan");
}

#[test]
fn an_unknown_team_is_an_error_naming_the_teams_that_exist() {
    let error = render(
        ReportFormat::Html,
        &sample_plan(),
        &ReportOptions::for_team(as_of(), "Marketing"),
    )
    .expect_err("no node of the sample belongs to Marketing");
    assert_eq!(error.code(), "unknown_team");
    let message = error.to_string();
    assert!(
        message.contains("\"Marketing\"") && message.contains("\"Security\""),
        "the message should name the team asked for and the teams there are: {message}"
    );
}

#[test]
fn csv_report_writes_findings_and_allocations_beside_each_other() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("q3.csv");
    let written = write_report(
        &path,
        ReportFormat::Csv,
        &sample_plan(),
        &ReportOptions::new(as_of()),
    )
    .expect("the report is written");
    let companion = companion_path(&path, ReportFormat::Csv).expect("CSV has a companion");
    assert_eq!(written, vec![path.clone(), companion.clone()]);
    let findings = std::fs::read_to_string(&path).expect("findings file exists");
    let allocations = std::fs::read_to_string(&companion).expect("allocations file exists");
    assert!(findings.starts_with("severity,rule,"), "{findings:.80}");
    assert!(
        allocations.starts_with("resource,resource_title,"),
        "{allocations:.80}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .expect("lists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn writing_a_pdf_tells_each_step_in_order_and_every_page() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("board.pdf");
    let mut steps = Vec::new();
    write_report_with_progress(
        &path,
        ReportFormat::Pdf,
        &sample_plan(),
        &ReportOptions::new(as_of()),
        &mut |step| steps.push(step),
    )
    .expect("the report is written");
    let pdf = std::fs::read(&path).expect("the PDF is there");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    let pages = (1..100)
        .take_while(|page| text.contains(&format!("page {page} of ")))
        .count();
    assert!(pages > 1, "the sample's report has several pages");
    let mut expected = vec![
        ReportStep::Gathering,
        ReportStep::Rendering(ReportFormat::Pdf),
    ];
    expected.extend((1..=pages).map(|page| ReportStep::DrawingPage { page, pages }));
    expected.extend([ReportStep::FinishingPdf, ReportStep::Writing]);
    assert_eq!(steps, expected, "one step per stage and per page, in order");
}

#[test]
fn a_failed_report_writes_nothing() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("r.html");
    std::fs::write(&path, "old").expect("writes");
    write_report(
        &path,
        ReportFormat::Html,
        &sample_plan(),
        &ReportOptions::for_team(as_of(), "Nobody"),
    )
    .expect_err("an unknown team fails");
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "old",
        "the existing file is left untouched"
    );
}

#[test]
fn html_is_self_contained() {
    let html = text(ReportFormat::Html, &ReportOptions::new(as_of()));
    for forbidden in ["<script", "src=", "href=\"http", "@import", "url(http"] {
        assert!(
            !html.contains(forbidden),
            "the HTML report must not load or run anything ({forbidden})"
        );
    }
    assert!(html.contains("<svg"), "the map and chart are inline SVG");
    assert!(html.contains("@media print"), "the report prints well");
}

#[test]
fn a_big_plans_pdf_is_capped_and_says_where_the_rest_is() {
    let plan = generate(3_000, 7);
    let report = Report::build(&plan, &ReportOptions::new(as_of())).expect("builds");
    let pdf = render_report(ReportFormat::Pdf, &report).expect("renders");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    let first_page = text
        .split(" page 1 of ")
        .next()
        .expect("the first page has a footer");
    for expected in ["Summary", "Alignment score", "Most pressing findings"] {
        assert!(
            first_page.contains(expected),
            "the first page should hold {expected:?}"
        );
    }
    for pointer in [
        "more organizational goals: the HTML report has every goal",
        "more errors: the CSV report lists every finding.",
        "more resources: the HTML report lists them all.",
        "the HTML report lists the whole team.",
    ] {
        assert!(
            text.contains(pointer),
            "a capped listing should say so: {pointer:?}"
        );
    }
    assert!(
        !text.contains(&format!("({})", report.goals[report.goals.len() - 1].id)),
        "the last of {} goals is past the cap and not in the PDF",
        report.goals.len()
    );
}

#[test]
fn a_big_plan_gets_a_bounded_map_and_still_every_section() {
    let plan = generate(3_000, 7);
    let report = Report::build(&plan, &ReportOptions::new(as_of())).expect("builds");
    let html = String::from_utf8(render_report(ReportFormat::Html, &report).expect("renders"))
        .expect("UTF-8");
    assert!(
        !html.contains("class=\"map\""),
        "a 3,000-node plan should not get a drawn map"
    );
    assert!(
        html.contains("more than the 300 a readable map can show"),
        "the report should say why the map is not drawn"
    );
    assert_eq!(
        html.matches("<article class=\"goal\">").count(),
        report.goals.len(),
        "every organizational goal still has its section"
    );
}

/// Issue 11: an accepted finding stays in every report, marked with its reason and
/// until-date.
#[test]
fn accepted_findings_are_marked_with_reason_and_date_in_every_format() {
    let options = ReportOptions::new(as_of());
    let reason = "The landing zone has one team this year; a second needs next year";
    let html = text(ReportFormat::Html, &options);
    assert!(
        html.contains("<span class=\"accepted\">Accepted until 2027-06-30: The landing zone"),
        "HTML marks it"
    );
    let markdown = text(ReportFormat::Markdown, &options);
    assert!(
        markdown.contains("*Accepted until 2027-06-30: The landing zone"),
        "Markdown marks it"
    );
    let csv = text(ReportFormat::Csv, &options);
    let header = csv.lines().next().expect("a header");
    assert!(
        header.ends_with(",accepted_reason,accepted_until"),
        "{header}"
    );
    let row = csv
        .lines()
        .find(|line| line.contains("single_point_of_failure"))
        .expect("the accepted finding's row");
    assert!(
        row.contains(reason) && row.ends_with(",2027-06-30"),
        "{row}"
    );
    let unaccepted = csv
        .lines()
        .find(|line| line.contains(",orphan,"))
        .expect("row");
    assert!(
        unaccepted.ends_with(",,"),
        "no acceptance, empty cells: {unaccepted}"
    );
    let pdf = render(ReportFormat::Pdf, &sample_plan(), &options).expect("renders");
    let pdf_text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    // Text read back from a PDF loses the spaces where lines wrap.
    let flat: String = pdf_text.split_whitespace().collect();
    assert!(flat.contains("Accepteduntil2027-06-30"), "PDF marks it");
}

/// Issue 11: a report since a baseline leads with what changed and the score trend.
#[test]
fn a_report_since_a_baseline_shows_the_changes_in_html_pdf_and_markdown() {
    let (baseline, past) = throughline_core::sample::sample_baseline();
    let plan = sample_plan();
    let report = Report::build(&plan, &ReportOptions::new(as_of()))
        .expect("builds")
        .with_changes_since(&plan, &baseline.name, baseline.taken_on, &past);
    let heading = "Changes since \u{201c}Board review 2026-Q3\u{201d} (2026-09-15)";
    let render_text = |format| {
        String::from_utf8(render_report(format, &report).expect("renders")).expect("UTF-8")
    };
    let markdown = render_text(ReportFormat::Markdown);
    assert!(markdown.contains(&format!("## {heading}")), "{markdown}");
    assert!(
        markdown.contains("**Alignment score: 70% to 78%.**"),
        "{markdown}"
    );
    assert!(
        markdown.contains("### Nodes added (1)\n\n- Initiative \u{201c}Consolidate three monitoring tools onto one platform\u{201d}"),
        "{markdown}"
    );
    let html = render_text(ReportFormat::Html);
    assert!(html.contains(&format!("<h2 id=\"changes-title\">{heading}</h2>")));
    assert!(html.contains(
        "<li>Resource \u{201c}Infrastructure capital budget 2027\u{201d} allocates to initiative"
    ));
    let pdf = render_report(ReportFormat::Pdf, &report).expect("renders");
    let pdf_text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF reads back");
    let flat: String = pdf_text.split_whitespace().collect();
    assert!(flat.contains("Changessince"), "PDF has the section");
    assert!(flat.contains("Alignmentscore:70%to78%."), "and the trend");

    let plain = Report::build(&plan, &ReportOptions::new(as_of())).expect("builds");
    let plain_md =
        String::from_utf8(render_report(ReportFormat::Markdown, &plain).expect("renders"))
            .expect("UTF-8");
    assert!(!plain_md.contains("Changes since"), "only when asked for");
}

/// What a team's report since the sample's baseline says under "Changes since", as Markdown.
fn team_changes_since(plan: &throughline_core::graph::PlanGraph, team: &str) -> (String, Report) {
    let (baseline, past) = throughline_core::sample::sample_baseline();
    let options = ReportOptions {
        team: Some(team.to_owned()),
        ..ReportOptions::new(as_of())
    };
    let report = Report::build(plan, &options)
        .expect("the team is in the plan")
        .with_changes_since(plan, &baseline.name, baseline.taken_on, &past);
    let markdown =
        String::from_utf8(render_report(ReportFormat::Markdown, &report).expect("renders"))
            .expect("UTF-8");
    let start = markdown.find("## Changes since").expect("the section");
    let end = markdown[start + 3..]
        .find("\n## ")
        .map_or(markdown.len(), |at| start + 3 + at);
    (markdown[start..end].to_owned(), report)
}

/// A team lead reads the team's changes since the board's baseline, and the team's score
/// trend: not every change in the plan.
#[test]
fn a_team_report_since_a_baseline_lists_only_the_team_part() {
    let plan = sample_plan();
    let monitoring = "Consolidate three monitoring tools onto one platform";
    let chatbot = "Password reset chatbot in Teams";

    let (infrastructure, report) = team_changes_since(&plan, "Infrastructure");
    assert!(infrastructure.contains(monitoring), "{infrastructure}");
    assert!(
        infrastructure.contains("Infrastructure engineers' project time"),
        "{infrastructure}"
    );
    assert!(
        !infrastructure.contains(chatbot),
        "another team's finding: {infrastructure}"
    );
    assert!(
        infrastructure.contains("**Alignment score: 54% to 75%.**"),
        "the team's trend, not the plan's 70% to 78%: {infrastructure}"
    );
    let changes = report.changes.as_ref().expect("asked for");
    assert!(
        changes
            .score_trend
            .ends_with(&format!("to {}", report.score_text)),
        "the trend ends at the team's own score: {} and {}",
        changes.score_trend,
        report.score_text
    );

    let (service_desk, _) = team_changes_since(&plan, "Service Desk");
    assert!(service_desk.contains(chatbot), "{service_desk}");
    assert!(!service_desk.contains(monitoring), "{service_desk}");
    assert!(!service_desk.contains("Nodes added"), "{service_desk}");

    let (security, _) = team_changes_since(&plan, "Security");
    assert!(security.contains("Nothing changed."), "{security}");
}

/// A team that did not exist when the baseline was taken: everything of it is new, and its
/// score before is "n/a" rather than the plan's.
#[test]
fn a_team_report_since_a_baseline_before_the_team_existed() {
    use throughline_core::model::{Link, Node, NodeKind};
    let mut plan = sample_plan();
    let mut lake = Node::new("I-LAKE", NodeKind::Initiative, "Stand up the data lake");
    lake.team = Some("Data".to_owned());
    plan.add_node(lake).expect("a new id");
    plan.add_link(Link::supports("I-LAKE", "S-OBSERVE"))
        .expect("an initiative supports a strategy");
    let (data, _) = team_changes_since(&plan, "Data");
    assert!(data.contains("Alignment score: n/a to "), "{data}");
    assert!(data.contains("Stand up the data lake"), "{data}");
    assert!(
        !data.contains("Consolidate three monitoring tools"),
        "{data}"
    );
}
