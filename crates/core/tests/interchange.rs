//! The JSON interchange format of PLAN-FORMAT.md: every kind of bad input is refused
//! whole with a message naming the place, and any valid plan, whatever its text,
//! comes back from export and import exactly as it was.

mod common;

use common::{PlanBuilder, as_of, date};
use throughline_core::interchange::{parse, read_file, to_json, write_file};
use throughline_core::{Error, Link, Node, NodeKind, Plan, ResourceType, Status};

const EXAMPLE: &str = r#"{
  "format": "throughline-plan",
  "version": 1,
  "name": "IT strategy 2027",
  "review_cadence_days": 90,
  "nodes": [
    {"id": "G1", "kind": "org_goal", "title": "Customers reach us in one call",
     "why": "Service quality is the board's first goal for 2027",
     "owner": "CIO", "team": "Leadership", "status": "active",
     "target_date": "2027-06-30", "last_reviewed": "2026-10-01", "notes": ""},
    {"id": "S1", "kind": "strategy", "title": "Shift-left to self-service"},
    {"id": "R1", "kind": "resource", "resource_type": "funding",
     "title": "Service desk budget", "capacity": 250000, "unit": "EUR"}
  ],
  "links": [
    {"kind": "supports", "from": "S1", "to": "G1", "why": "fewer calls"},
    {"kind": "allocates", "from": "R1", "to": "S1", "amount": 50000}
  ]
}"#;

/// A plan document with these nodes and links (JSON array bodies).
fn doc(nodes: &str, links: &str) -> String {
    format!(
        r#"{{"format": "throughline-plan", "version": 1, "name": "P", "nodes": [{nodes}], "links": [{links}]}}"#
    )
}

/// A document with these top-level fields after format and version.
fn top(rest: &str) -> String {
    format!(r#"{{"format": "throughline-plan", "version": 1, {rest}}}"#)
}

const G: &str = r#"{"id": "G", "kind": "org_goal", "title": "Goal"}"#;
const S: &str = r#"{"id": "S", "kind": "strategy", "title": "Strategy"}"#;
const I: &str = r#"{"id": "I", "kind": "initiative", "title": "Initiative"}"#;
const R: &str = r#"{"id": "R", "kind": "resource", "title": "Budget", "resource_type": "funding"}"#;

fn refused(text: &str) -> Error {
    match parse(text) {
        Ok(graph) => panic!("should be refused:\n{text}\nbut read {:?}", graph.to_plan()),
        Err(error) => error,
    }
}

/// Refused, with a message containing every part.
fn refused_with(text: &str, parts: &[&str]) -> Error {
    let error = refused(text);
    let message = error.to_string();
    for part in parts {
        assert!(
            message.contains(part),
            "the message should contain {part:?}\n  message: {message}\n  input: {text}"
        );
    }
    error
}

/// The line and column an error reports, wherever it is nested.
fn position(error: &Error) -> (usize, usize) {
    match error {
        Error::Json { line, column, .. } => (*line, *column),
        Error::At { source, .. } => position(source),
        other => panic!("expected a JSON error with a position, got {other:?}"),
    }
}

// ---------------------------------------------------------------- valid input

#[test]
fn the_documented_example_reads_as_documented() {
    let plan = parse(EXAMPLE)
        .expect("the spec's example is valid")
        .to_plan();
    assert_eq!(plan.name, "IT strategy 2027");
    assert_eq!(plan.review_cadence_days, 90);
    let ids: Vec<&str> = plan.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["G1", "S1", "R1"], "nodes keep their written order");
    let g1 = &plan.nodes[0];
    assert_eq!(g1.kind, NodeKind::OrgGoal);
    assert_eq!(g1.owner.as_deref(), Some("CIO"));
    assert_eq!(g1.target_date, Some(date("2027-06-30")));
    assert_eq!(g1.last_reviewed, Some(date("2026-10-01")));
    assert_eq!(
        g1.notes.as_deref(),
        Some(""),
        "an empty text is kept, not dropped"
    );
    assert_eq!(
        plan.nodes[1].status,
        Status::Active,
        "status defaults to active"
    );
    let r1 = &plan.nodes[2];
    assert_eq!(r1.resource_type, Some(ResourceType::Funding));
    assert_eq!(r1.capacity, Some(250000.0));
    assert_eq!(r1.unit.as_deref(), Some("EUR"));
    assert_eq!(
        plan.links[0],
        Link {
            why: Some("fewer calls".into()),
            ..Link::supports("S1", "G1")
        }
    );
    assert_eq!(plan.links[1], Link::allocates("R1", "S1", 50000.0));

    let again = parse(&to_json(&plan)).expect("export imports").to_plan();
    assert_eq!(again, plan, "import then export gives back the same plan");
}

#[test]
fn optional_top_level_fields_have_defaults() {
    let plan = parse(&top(r#""name": "P", "nodes": []"#))
        .expect("links and cadence are optional")
        .to_plan();
    assert_eq!(plan.review_cadence_days, 90);
    assert!(plan.links.is_empty());
}

#[test]
fn export_is_the_documented_shape() {
    let graph = PlanBuilder::new()
        .org("G")
        .resource("R", ResourceType::Time)
        .graph();
    let json: serde_json::Value =
        serde_json::from_str(&to_json(&graph.to_plan())).expect("export is JSON");
    assert_eq!(json["format"], "throughline-plan");
    assert_eq!(json["version"], 1);
    assert_eq!(json["name"], "Test plan");
    assert_eq!(json["review_cadence_days"], 90);
    assert_eq!(json["nodes"][1]["resource_type"], "time");
    assert!(
        json["nodes"][1].get("capacity").is_none(),
        "absent fields are left out, not written as null"
    );
    assert!(
        json["links"]
            .as_array()
            .is_some_and(|links| links.is_empty())
    );
}

#[test]
fn hostile_but_valid_text_round_trips() {
    let hostile = [
        "<script>alert(\"x\")</script>",
        "\"double\" 'single' `back` \\ backslash",
        "emoji 🎯🚀 and a family 👩‍👩‍👧",
        "مرحبا بالعالم — Arabic",
        "עברית \u{202E}override\u{202C} mixed",
        "line\nbreak\ttab\r\nwindows",
        "nul \u{0} bell \u{7} escape \u{1b}",
        "{\"not\": \"json to interpret\"}",
        "&amp; &lt;b&gt; </div>",
        "zero\u{200B}width\u{200D}joiner\u{FEFF}",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral plane",
        "${template} {{mustache}} %s %n",
    ];
    let mut plan = Plan::new(hostile[0]);
    for (index, text) in hostile.iter().enumerate() {
        let mut node = Node::new(format!("{text}-{index}"), NodeKind::Strategy, *text);
        node.why = Some((*text).to_owned());
        node.owner = Some((*text).to_owned());
        node.team = Some((*text).to_owned());
        node.notes = Some((*text).to_owned());
        plan.nodes.push(node);
        let mut resource = Node::resource(format!("R{index}"), ResourceType::Skill, *text);
        resource.unit = Some((*text).to_owned());
        resource.capacity = Some(0.1 * index as f64);
        plan.nodes.push(resource);
        plan.links.push(Link {
            why: Some((*text).to_owned()),
            ..Link::allocates(format!("R{index}"), format!("{text}-{index}"), 1.0 / 3.0)
        });
    }
    let json = to_json(&plan);
    let back = parse(&json)
        .unwrap_or_else(|error| panic!("hostile text must import: {error}\n{json}"))
        .to_plan();
    assert_eq!(back, plan, "every character comes back as it was");
    assert!(
        json.contains("🎯") && json.contains("مرحبا"),
        "text is written as text"
    );
}

#[test]
fn ids_are_kept_as_given() {
    let plan = parse(&doc(
        r#"{"id": " spaced id ", "kind": "org_goal", "title": "t"}, {"id": "Ünïcode-🎯", "kind": "org_goal", "title": "t"}"#,
        r#"{"kind": "supports", "from": "Ünïcode-🎯", "to": " spaced id "}"#,
    ))
    .expect("any 1-64 characters make an id")
    .to_plan();
    assert_eq!(plan.nodes[0].id, " spaced id ");
    assert_eq!(plan.nodes[1].id, "Ünïcode-🎯");
}

#[test]
fn write_file_then_read_file_round_trips_and_read_errors_name_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("plan.json");
    let plan = parse(EXAMPLE).expect("valid").to_plan();
    write_file(&path, &plan).expect("the plan is written");
    assert_eq!(read_file(&path).expect("and read back").to_plan(), plan);

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{").expect("write a broken file");
    let message = read_file(&bad).expect_err("a broken file").to_string();
    assert!(message.contains("bad.json"), "{message}");
    let missing = read_file(&dir.path().join("missing.json")).expect_err("no such file");
    assert_eq!(missing.code(), "io");
}

// ---------------------------------------------------------------- malformed JSON

#[test]
fn malformed_json_names_line_and_column() {
    let text = "{\n  \"format\": \"throughline-plan\",\n  \"version\": 1,,\n}";
    let error = refused_with(text, &["invalid JSON", "line 3", "column 16"]);
    assert_eq!(error.code(), "invalid_json");
    assert_eq!(position(&error), (3, 16), "the second comma on line 3");

    for bad in [
        "",
        "   ",
        "[]",
        "null",
        "{\"format\": \"throughline-plan\"",
        "NaN",
    ] {
        let error = refused(bad);
        assert!(
            matches!(error.code(), "invalid_json" | "invalid_field"),
            "{bad:?} refused as {error}"
        );
    }
}

#[test]
fn errors_inside_nodes_and_links_point_at_the_line_and_column_in_the_file() {
    let text = "{\"format\": \"throughline-plan\", \"version\": 1, \"name\": \"P\",\n\"nodes\": [\n  {\"id\": \"G\", \"kind\": \"org_goal\", \"title\": \"t\"},\n      {\"id\": \"H\", \"kind\": \"org_goal\", \"tilte\": \"t\"}\n],\n\"links\": [\n  {\"kind\": \"supports\", \"from\": \"H\", \"to\": \"G\", \"amout\": 1}\n]}";
    let error = refused_with(text, &["node 1 (\"H\")", "tilte", "line 4"]);
    let (line, column) = position(&error);
    let line_text = text.lines().nth(3).expect("line 4");
    let start = line_text.find("\"tilte\"").expect("the typo") + 1;
    assert_eq!(line, 4);
    assert!(
        (start..=start + "\"tilte\"".len() + 1).contains(&column),
        "column {column} should point at \"tilte\", which starts at column {start}: {line_text}"
    );

    let fixed = text.replace("tilte", "title");
    let error = refused_with(&fixed, &["link 0", "amout", "line 7"]);
    let (line, column) = position(&error);
    let line_text = fixed.lines().nth(6).expect("line 7");
    let start = line_text.find("\"amout\"").expect("the typo") + 1;
    assert_eq!(line, 7);
    assert!(
        (start..=start + "\"amout\"".len() + 1).contains(&column),
        "column {column} should point at \"amout\" (column {start}): {line_text}"
    );
}

// ---------------------------------------------------------------- fields

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let error = refused_with(
        &doc(r#"{"id": "G1", "kind": "org_goal", "tilte": "Goal"}"#, ""),
        &["node 0 (\"G1\")", "unknown field `tilte`"],
    );
    assert_eq!(error.code(), "invalid_json");
    refused_with(
        &top(r#""name": "P", "nodes": [], "nmae": "x""#),
        &["field \"nmae\"", "unknown field"],
    );
    refused_with(
        &doc(
            &format!("{G}, {S}"),
            r#"{"kind": "supports", "from": "S", "to": "G", "wyh": "x"}"#,
        ),
        &["link 0", "unknown field `wyh`"],
    );
}

#[test]
fn duplicate_keys_are_refused() {
    refused_with(
        &top(r#""name": "P", "name": "Q", "nodes": []"#),
        &["duplicate field `name`", "line 1"],
    );
    refused_with(
        &doc(
            r#"{"id": "G", "kind": "org_goal", "title": "a", "title": "b"}"#,
            "",
        ),
        &["node 0 (\"G\")", "duplicate field `title`"],
    );
}

#[test]
fn missing_required_fields_are_refused() {
    let cases: Vec<(String, Vec<&str>)> = vec![
        (top(r#""nodes": []"#), vec!["field \"name\"", "missing"]),
        (top(r#""name": "P""#), vec!["field \"nodes\"", "missing"]),
        (
            r#"{"version": 1, "name": "P", "nodes": []}"#.into(),
            vec!["field \"format\"", "missing"],
        ),
        (
            r#"{"format": "throughline-plan", "name": "P", "nodes": []}"#.into(),
            vec!["field \"version\"", "missing"],
        ),
        (
            doc(r#"{"kind": "org_goal", "title": "t"}"#, ""),
            vec!["node 0", "missing field `id`"],
        ),
        (
            doc(r#"{"id": "G", "title": "t"}"#, ""),
            vec!["node 0 (\"G\")", "missing field `kind`"],
        ),
        (
            doc(r#"{"id": "G", "kind": "org_goal"}"#, ""),
            vec!["node 0 (\"G\")", "missing field `title`"],
        ),
        (
            doc(G, r#"{"kind": "supports", "to": "G"}"#),
            vec!["link 0", "missing field `from`"],
        ),
        (
            doc(G, r#"{"kind": "supports", "from": "G"}"#),
            vec!["link 0", "missing field `to`"],
        ),
        (
            doc(G, r#"{"from": "G", "to": "G"}"#),
            vec!["link 0", "missing field `kind`"],
        ),
        (
            doc(r#"{"id": "R", "kind": "resource", "title": "Budget"}"#, ""),
            vec!["node 0 (\"R\")", "field \"resource_type\""],
        ),
        (
            doc(
                &format!("{R}, {S}"),
                r#"{"kind": "allocates", "from": "R", "to": "S"}"#,
            ),
            vec!["link 0", "field \"amount\"", "needs an amount"],
        ),
    ];
    for (text, parts) in cases {
        refused_with(&text, &parts);
    }
}

#[test]
fn wrong_types_are_refused() {
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            r#"{"format": "throughline-plan", "version": "1", "name": "P", "nodes": []}"#.into(),
            vec!["field \"version\"", "invalid type"],
        ),
        (
            top(r#""name": 5, "nodes": []"#),
            vec!["field \"name\"", "invalid type"],
        ),
        (
            top(r#""name": "P", "nodes": {}"#),
            vec!["field \"nodes\"", "invalid type"],
        ),
        (
            top(r#""name": "P", "nodes": [], "links": "none""#),
            vec!["field \"links\"", "invalid type"],
        ),
        (
            top(r#""name": "P", "review_cadence_days": 1.5, "nodes": []"#),
            vec!["field \"review_cadence_days\""],
        ),
        (
            top(r#""name": "P", "review_cadence_days": "90", "nodes": []"#),
            vec!["field \"review_cadence_days\""],
        ),
        (
            doc("\"G\"", ""),
            vec!["node 0", "expected a node", "got a string"],
        ),
        (
            doc(r#"["G", "org_goal", "t"]"#, ""),
            vec!["node 0", "expected a node", "got a list"],
        ),
        (
            doc(r#"{"id": 1, "kind": "org_goal", "title": "t"}"#, ""),
            vec!["node 0", "invalid type"],
        ),
        (
            doc(r#"{"id": "G", "kind": "goal", "title": "t"}"#, ""),
            vec!["node 0 (\"G\")", "unknown variant `goal`", "org_goal"],
        ),
        (
            doc(
                r#"{"id": "G", "kind": "org_goal", "title": "t", "status": "finished"}"#,
                "",
            ),
            vec!["node 0 (\"G\")", "unknown variant `finished`", "dropped"],
        ),
        (
            doc(
                r#"{"id": "G", "kind": "org_goal", "title": "t", "why": 3}"#,
                "",
            ),
            vec!["node 0 (\"G\")", "invalid type"],
        ),
        (
            doc(
                r#"{"id": "R", "kind": "resource", "title": "t", "resource_type": "money"}"#,
                "",
            ),
            vec!["node 0 (\"R\")", "unknown variant `money`", "funding"],
        ),
        (
            doc(
                r#"{"id": "R", "kind": "resource", "title": "t", "resource_type": "tool", "capacity": "10"}"#,
                "",
            ),
            vec!["node 0 (\"R\")", "invalid type"],
        ),
        (
            doc(
                &format!("{R}, {S}"),
                r#"{"kind": "allocates", "from": "R", "to": "S", "amount": "5"}"#,
            ),
            vec!["link 0", "invalid type"],
        ),
        (
            doc(
                &format!("{G}, {S}"),
                r#"{"kind": "links", "from": "S", "to": "G"}"#,
            ),
            vec!["link 0", "unknown variant `links`"],
        ),
        (
            doc(
                &format!("{G}, {S}"),
                r#"["supports", "S", "G", null, null]"#,
            ),
            vec!["link 0", "expected a link", "got a list", "line 1"],
        ),
        (
            doc(G, "null"),
            vec!["link 0", "expected a link", "got null"],
        ),
    ];
    for (text, parts) in cases {
        refused_with(&text, &parts);
    }
}

#[test]
fn bad_dates_are_refused() {
    for bad in [
        "2026-02-30",
        "2026-13-01",
        "2026-2-1",
        "2026/02/01",
        "01.02.2026",
        "",
        " 2026-02-01",
        "2026-02-01T00:00:00",
        "+2026-02-01",
        "２０２６-02-01",
    ] {
        for field in ["target_date", "last_reviewed"] {
            let text = doc(
                &format!(r#"{{"id": "G", "kind": "org_goal", "title": "t", "{field}": "{bad}"}}"#),
                "",
            );
            refused_with(
                &text,
                &[
                    "node 0 (\"G\")",
                    &format!("field \"{field}\""),
                    "YYYY-MM-DD",
                ],
            );
        }
    }
    refused_with(
        &doc(
            r#"{"id": "G", "kind": "org_goal", "title": "t", "target_date": 20260201}"#,
            "",
        ),
        &["node 0 (\"G\")", "invalid type"],
    );
    let leap = doc(
        r#"{"id": "G", "kind": "org_goal", "title": "t", "target_date": "2028-02-29"}"#,
        "",
    );
    assert_eq!(
        parse(&leap).expect("a leap day is a date").to_plan().nodes[0].target_date,
        Some(date("2028-02-29"))
    );
}

#[test]
fn negative_and_non_finite_numbers_are_refused() {
    let resource = |capacity: &str| {
        doc(
            &format!(
                r#"{{"id": "R", "kind": "resource", "title": "t", "resource_type": "time", "capacity": {capacity}}}"#
            ),
            "",
        )
    };
    refused_with(
        &resource("-1"),
        &["node 0 (\"R\")", "field \"capacity\"", "0 or more"],
    );
    refused_with(&resource("-0.001"), &["field \"capacity\""]);
    refused_with(&resource("1e999"), &["node 0 (\"R\")", "out of range"]);
    refused_with(&resource("-1e999"), &["node 0 (\"R\")", "out of range"]);
    refused_with(&resource("NaN"), &["invalid JSON"]);
    refused_with(&resource("Infinity"), &["invalid JSON"]);
    let allocation = |amount: &str| {
        doc(
            &format!("{R}, {S}"),
            &format!(r#"{{"kind": "allocates", "from": "R", "to": "S", "amount": {amount}}}"#),
        )
    };
    refused_with(
        &allocation("-5"),
        &[
            "link 0",
            "allocates link R -> S",
            "field \"amount\"",
            "0 or more",
        ],
    );
    refused_with(&allocation("1e999"), &["link 0", "out of range"]);
    refused_with(
        &top(r#""name": "P", "review_cadence_days": -1, "nodes": []"#),
        &["field \"review_cadence_days\""],
    );
    let zero = parse(&allocation("0")).expect("zero is allowed").to_plan();
    assert_eq!(zero.links[0].amount, Some(0.0));
    let zero_capacity = parse(&resource("0")).expect("zero capacity is allowed");
    assert_eq!(zero_capacity.to_plan().nodes[0].capacity, Some(0.0));
}

#[test]
fn ids_must_be_unique_and_1_to_64_characters() {
    let error = refused_with(
        &doc(&format!("{G}, {S}, {G}"), ""),
        &["node 2 (\"G\")", "field \"id\"", "already used"],
    );
    assert_eq!(error.code(), "invalid_field");
    let node = |id: &str| format!(r#"{{"id": "{id}", "kind": "org_goal", "title": "t"}}"#);
    refused_with(
        &doc(&node(&"x".repeat(65)), ""),
        &["node 0", "field \"id\"", "1 to 64", "got 65"],
    );
    refused_with(
        &doc(&format!("{G}, {}", node("")), ""),
        &["node 1", "field \"id\"", "got 0"],
    );
    parse(&doc(&node(&"x".repeat(64)), "")).expect("64 characters is allowed");
    parse(&doc(&node(&"é".repeat(64)), "")).expect("characters, not bytes, are counted");
}

#[test]
fn version_and_format_are_checked() {
    refused_with(
        r#"{"format": "throughline-plan", "version": 2, "name": "P", "nodes": [], "future": 1}"#,
        &["field \"version\"", "version 2", "reads version 1"],
    );
    refused_with(
        r#"{"format": "throughline-plan", "version": 0, "name": "P", "nodes": []}"#,
        &["field \"version\"", "expected 1"],
    );
    refused_with(
        r#"{"format": "trello-board", "version": 1, "name": "P", "nodes": []}"#,
        &["field \"format\"", "throughline-plan", "trello-board"],
    );
}

#[test]
fn plan_settings_are_checked() {
    refused_with(
        &top(r#""name": "  ", "nodes": []"#),
        &["field \"name\"", "cannot be blank"],
    );
    refused_with(
        &top(r#""name": "P", "review_cadence_days": 0, "nodes": []"#),
        &["field \"review_cadence_days\"", "1 or more"],
    );
    refused_with(&top(r#""name": "", "nodes": []"#), &["field \"name\""]);
}

#[test]
fn node_fields_are_checked_per_kind() {
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            r#"{"id": "S", "kind": "strategy", "title": "t", "capacity": 5}"#,
            vec!["node 0 (\"S\")", "field \"capacity\"", "only resources"],
        ),
        (
            r#"{"id": "S", "kind": "strategy", "title": "t", "unit": "EUR"}"#,
            vec!["node 0 (\"S\")", "field \"unit\"", "only resources"],
        ),
        (
            r#"{"id": "G", "kind": "team_goal", "title": "t", "resource_type": "tool"}"#,
            vec![
                "node 0 (\"G\")",
                "field \"resource_type\"",
                "only resources",
            ],
        ),
        (
            r#"{"id": "R", "kind": "resource", "title": "t", "resource_type": "tool", "target_date": "2026-01-01"}"#,
            vec!["node 0 (\"R\")", "field \"target_date\""],
        ),
        (
            r#"{"id": "R", "kind": "resource", "title": "t", "resource_type": "tool", "last_reviewed": "2026-01-01"}"#,
            vec!["node 0 (\"R\")", "field \"last_reviewed\""],
        ),
        (
            r#"{"id": "G", "kind": "org_goal", "title": " \t "}"#,
            vec!["node 0 (\"G\")", "field \"title\"", "blank"],
        ),
    ];
    for (node, parts) in cases {
        refused_with(&doc(node, ""), &parts);
    }
}

// ---------------------------------------------------------------- links at import

#[test]
fn every_refused_link_is_refused_at_import_with_its_index() {
    let nodes = format!("{G}, {S}, {I}, {R}");
    let ok = r#"{"kind": "supports", "from": "S", "to": "G"}"#;
    let cases: Vec<(&str, &str, Vec<&str>)> = vec![
        (
            r#"{"kind": "supports", "from": "G", "to": "S"}"#,
            "wrong_kinds",
            vec![
                "link 1",
                "supports link G -> S",
                "cannot support a strategy",
            ],
        ),
        (
            r#"{"kind": "allocates", "from": "R", "to": "G", "amount": 1}"#,
            "wrong_kinds",
            vec!["link 1", "allocates link R -> G"],
        ),
        (
            r#"{"kind": "supports", "from": "R", "to": "S"}"#,
            "wrong_kinds",
            vec!["link 1", "resources allocate"],
        ),
        (
            r#"{"kind": "supports", "from": "S", "to": "S"}"#,
            "self_link",
            vec!["link 1", "supports link S -> S", "itself"],
        ),
        (
            r#"{"kind": "supports", "from": "I", "to": "G2"}"#,
            "unknown_node",
            vec!["link 1", "\"G2\"", "does not exist"],
        ),
        (
            r#"{"kind": "supports", "from": "I0", "to": "G"}"#,
            "unknown_node",
            vec!["link 1", "\"I0\""],
        ),
        (
            r#"{"kind": "supports", "from": "S", "to": "G", "why": "again"}"#,
            "duplicate_link",
            vec!["link 1", "supports link S -> G", "already exists"],
        ),
        (
            r#"{"kind": "supports", "from": "I", "to": "S", "amount": 1}"#,
            "invalid_field",
            vec!["link 1", "field \"amount\"", "only allocates"],
        ),
    ];
    for (link, code, parts) in cases {
        let error = refused_with(&doc(&nodes, &format!("{ok}, {link}")), &parts);
        assert_eq!(error.code(), code, "{link}: {error}");
    }
}

#[test]
fn loops_are_refused_at_import_and_named() {
    let nodes = r#"{"id": "A", "kind": "team_goal", "title": "a"},
                   {"id": "B", "kind": "team_goal", "title": "b"},
                   {"id": "C", "kind": "team_goal", "title": "c"},
                   {"id": "O", "kind": "org_goal", "title": "o"}"#;
    let links = r#"{"kind": "supports", "from": "A", "to": "B"},
                   {"kind": "supports", "from": "C", "to": "A"},
                   {"kind": "supports", "from": "A", "to": "O"},
                   {"kind": "supports", "from": "B", "to": "C"}"#;
    let error = refused_with(
        &doc(nodes, links),
        &[
            "link 3",
            "supports link B -> C",
            "would close a loop",
            "B -> C -> A -> B",
            "(“c” already supports “b”, directly or through others)",
        ],
    );
    assert_eq!(error.code(), "loop");

    let two = r#"{"kind": "supports", "from": "A", "to": "B"},
                 {"kind": "supports", "from": "B", "to": "A"}"#;
    refused_with(&doc(nodes, two), &["link 1", "B -> A -> B"]);
}

#[test]
fn nothing_is_half_imported() {
    // The last link is bad; parsing returns an error and no graph at all, so there is
    // no partial plan to see. What matters is that the error is about the last link.
    let nodes = format!("{G}, {S}, {I}, {R}");
    let links = r#"{"kind": "supports", "from": "S", "to": "G"},
                   {"kind": "supports", "from": "I", "to": "S"},
                   {"kind": "allocates", "from": "R", "to": "I", "amount": 3},
                   {"kind": "allocates", "from": "R", "to": "G", "amount": 3}"#;
    refused_with(&doc(&nodes, links), &["link 3"]);
    assert_eq!(as_of(), date(common::AS_OF));
}

// ---------------------------------------------------------------- written by other programs

/// A plan with what other programs' plans hold: ids and titles outside ASCII (some
/// beyond the BMP), dropped nodes, goals with several parents, dates, amounts that are
/// not whole, text with quotes, backslashes and line breaks.
fn worldly_plan() -> Plan {
    PlanBuilder::new()
        .org("Ziel-Ü1")
        .org("目標-2")
        .team("T-ñ")
        .team("T-🎯")
        .strategy("S1")
        .initiative("I1")
        .initiative("I-dropped")
        .pool("R-€", ResourceType::Funding, 1234.56)
        .with("Ziel-Ü1", |node| {
            node.title = "Kundenzufriedenheit — „spürbar“ besser".into();
            node.target_date = Some(date("2027-06-30"));
        })
        .with("目標-2", |node| node.title = "顧客満足 🚀".into())
        .with("T-ñ", |node| {
            node.why = Some("He said \"yes\",\nthen \\ left\ttoo".into());
            node.owner = Some("Inés García".into());
        })
        .dropped("I-dropped")
        .supports("Ziel-Ü1", "目標-2")
        .supports("T-ñ", "Ziel-Ü1")
        .supports("T-ñ", "目標-2")
        .supports("T-🎯", "Ziel-Ü1")
        .supports("T-🎯", "目標-2")
        .supports("S1", "T-ñ")
        .supports("S1", "T-🎯")
        .supports("I1", "S1")
        .supports("I-dropped", "S1")
        .allocates("R-€", "I1", 0.1 + 0.2)
        .allocates("R-€", "S1", 1e-7)
        .graph()
        .to_plan()
}

use common::foreign::{KeyOrder, Style, rewrite};

#[test]
fn plans_written_by_other_programs_read_as_the_same_plan() {
    let plan = worldly_plan();
    let exported = to_json(&plan);
    let styles = [
        (
            "Python's json.dump, sort_keys, indent=2",
            Style::PYTHON_SORTED,
        ),
        (
            "keys reversed, one line, UTF-8 as is",
            Style {
                key_order: KeyOrder::Reversed,
                ascii_only: false,
                indent: None,
                ..Style::PYTHON_SORTED
            },
        ),
        (
            "keys shuffled, tabs, Windows line ends, a byte order mark",
            Style {
                key_order: KeyOrder::Shuffled(7),
                indent: Some("\t"),
                line_end: "\r\n",
                byte_order_mark: true,
                ..Style::PYTHON_SORTED
            },
        ),
        (
            "escapes in keys, ids, kinds and dates",
            Style {
                key_order: KeyOrder::Shuffled(11),
                escaped: &['e', '-', '1', 'S'],
                ..Style::PYTHON_SORTED
            },
        ),
    ];
    for (how, style) in styles {
        let text = rewrite(&exported, &style);
        assert_ne!(
            text, exported,
            "{how}: the text should differ from the export"
        );
        let read = parse(&text)
            .unwrap_or_else(|error| panic!("{how}: should read, got {error}\n{text}"))
            .to_plan();
        assert_eq!(read, plan, "{how}: should read as the very plan exported");
    }
}

#[test]
fn links_written_before_the_nodes_are_checked_like_any_other() {
    let text = "{\"links\": [\n  {\"kind\": \"supports\", \"from\": \"S\", \"to\": \"G\"},\n  {\"kind\": \"supports\", \"from\": \"S\", \"to\": \"G\", \"wyh\": 1}\n],\n\"nodes\": [{G}, {S}], \"format\": \"throughline-plan\", \"version\": 1, \"name\": \"P\"}"
        .replace("{G}", G)
        .replace("{S}", S);
    let error = refused_with(&text, &["link 1", "unknown field `wyh`", "line 3"]);
    let (_, column) = position(&error);
    let line_text = text.lines().nth(2).expect("line 3");
    let start = line_text.find("\"wyh\"").expect("the typo") + 1;
    assert!(
        (start..=start + "\"wyh\"".len() + 1).contains(&column),
        "column {column} should point at \"wyh\" (column {start}): {line_text}"
    );

    let unknown_end = format!(
        r#"{{"links": [{{"kind": "supports", "from": "S", "to": "G9"}}], "nodes": [{G}, {S}], "format": "throughline-plan", "version": 1, "name": "P"}}"#
    );
    let error = refused_with(&unknown_end, &["link 0", "\"G9\"", "does not exist"]);
    assert_eq!(error.code(), "unknown_node");
    refused_with(
        &format!(
            r#"{{"links": "none", "nodes": [{G}], "format": "throughline-plan", "version": 1, "name": "P"}}"#
        ),
        &["field \"links\"", "invalid type", "line 1"],
    );
}

#[test]
fn a_newer_version_or_another_format_written_last_is_what_is_refused() {
    // Sorted keys put `version` after the nodes, whose new fields this reader does not know.
    let newer = r#"{"format": "throughline-plan", "name": "P",
        "nodes": [{"id": "G", "kind": "org_goal", "title": "t", "layer": 3}], "version": 2}"#;
    refused_with(
        newer,
        &["field \"version\"", "version 2", "reads version 1"],
    );
    let foreign = r#"{"name": "P", "nodes": [{"id": "G", "kind": "org_goal", "tilte": "t"}],
        "version": 1, "format": "trello-board"}"#;
    refused_with(foreign, &["field \"format\"", "trello-board"]);
    let missing =
        r#"{"name": "P", "nodes": [{"id": "G", "kind": "org_goal", "tilte": "t"}], "version": 1}"#;
    refused_with(missing, &["field \"format\"", "missing"]);
    // The node's own problem stands when the plan is of this format and version.
    refused_with(
        &missing.replace(
            "\"version\": 1",
            "\"version\": 1, \"format\": \"throughline-plan\"",
        ),
        &["node 0 (\"G\")", "unknown field `tilte`"],
    );
}

#[test]
fn a_node_is_named_by_its_id_even_when_the_id_comes_after_the_problem() {
    let cases = [
        (
            r#"{"tilte": "t", "kind": "org_goal", "id": "G-late"}"#,
            vec!["node 1 (\"G-late\")", "unknown field `tilte`"],
        ),
        (
            r#"{"capacity": "ten", "resource_type": "time", "kind": "resource", "title": "t", "id": "R-late"}"#,
            vec!["node 1 (\"R-late\")", "invalid type"],
        ),
        (
            r#"{"title": "t", "kind": "org_goal", "id": "G\u002dlate", "target_date": "2026-02-30"}"#,
            vec!["node 1 (\"G-late\")", "field \"target_date\""],
        ),
        (
            r#"{"title": "t", "kind": "org_goal"}"#,
            vec!["node 1: ", "missing field `id`"],
        ),
    ];
    for (node, parts) in cases {
        refused_with(&doc(&format!("{G}, {node}"), ""), &parts);
    }
}

#[test]
fn errors_in_an_indented_plan_name_the_line_in_the_file() {
    let mut plan = worldly_plan();
    plan.nodes[3].title = "placeholder".into();
    let text = rewrite(&to_json(&plan), &Style::PYTHON_SORTED);
    let broken = text.replacen("\"title\": \"placeholder\"", "\"title\": 7", 1);
    let line = broken
        .lines()
        .position(|line| line.contains("\"title\": 7"))
        .expect("the broken title")
        + 1;
    let error = refused_with(&broken, &["node 3 (\"T-🎯\")", "invalid type"]);
    assert_eq!(position(&error).0, line, "the line of the bad title");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_plan() {
    let plan = parse(&format!("\u{feff}{EXAMPLE}"))
        .expect("a plan with a byte order mark reads")
        .to_plan();
    assert_eq!(plan, parse(EXAMPLE).expect("valid").to_plan());
    let broken = "{\"format\": \"throughline-plan\",,}";
    assert_eq!(
        position(&refused(&format!("\u{feff}{broken}"))),
        position(&refused(broken)),
        "columns count from after the mark, which no editor shows"
    );
}

#[test]
fn long_values_are_cut_in_messages() {
    let long = "x".repeat(1_000_000);
    let cases = [
        (
            doc(
                &format!(r#"{{"id": "{long}", "kind": "org_goal", "title": "t"}}"#),
                "",
            ),
            "node 0 (\"xxx",
        ),
        (
            doc(
                &format!(r#"{{"id": "G", "kind": "org_goal", "title": "t", "{long}": 1}}"#),
                "",
            ),
            "unknown field `xxx",
        ),
        (
            doc(
                &format!(r#"{{"id": "G", "kind": "{long}", "title": "t"}}"#),
                "",
            ),
            "unknown variant `xxx",
        ),
        (
            doc(
                &format!(
                    r#"{{"id": "G", "kind": "org_goal", "title": "t", "target_date": "{long}"}}"#
                ),
                "",
            ),
            "got \"xxx",
        ),
        (
            doc(
                G,
                &format!(r#"{{"kind": "supports", "from": "{long}", "to": "G"}}"#),
            ),
            "node \"xxx",
        ),
        (
            top(&format!(r#""name": "P", "nodes": [], "{long}": 1"#)),
            "field \"xxx",
        ),
        (
            r#"{"format": "F", "version": 1, "name": "P", "nodes": []}"#.replace('F', &long),
            "got \"xxx",
        ),
    ];
    for (text, start) in cases {
        let message = refused(&text).to_string();
        assert!(
            message.len() < 600,
            "the message should be short, is {} bytes: {}...",
            message.len(),
            &message[..600]
        );
        assert!(
            message.contains(start)
                && message.contains("\u{2026}")
                && message.contains("(1000000 characters)"),
            "the message should show the start of the value, cut, and its length: {message}"
        );
    }
}

const REVIEWED: &str = r#"{"id": "G", "kind": "org_goal", "title": "Goal", "last_reviewed": "2026-03-01",
  "reviews": [{"date": "2026-02-01"}, {"date": "2026-06-30", "audience": "Service desk", "note": "Asked \"why now?\""}]}"#;

#[test]
fn a_review_log_reads_keeps_its_order_and_exports_as_it_came() {
    let plan = parse(&doc(REVIEWED, "")).expect("a plan with a review log reads");
    let goal = plan.node("G").expect("G");
    assert_eq!(goal.reviews.len(), 2);
    assert_eq!(goal.reviews[1].audience.as_deref(), Some("Service desk"));
    assert_eq!(goal.reviews[1].note.as_deref(), Some("Asked \"why now?\""));
    assert_eq!(
        goal.latest_review().map(|date| date.to_string()),
        Some("2026-06-30".to_owned()),
        "the latest review is the later of last_reviewed and the log"
    );
    let again =
        parse(&throughline_core::interchange::to_json(&plan.to_plan())).expect("reads back");
    assert_eq!(
        again.to_plan(),
        plan.to_plan(),
        "export then import keeps the log"
    );
}

#[test]
fn a_bad_review_is_refused_naming_its_node_entry_and_field() {
    refused_with(
        &doc(
            r#"{"id": "G", "kind": "org_goal", "title": "Goal", "reviews": [{"date": "2026-01-01"}, {"date": "31/12/2026"}]}"#,
            "",
        ),
        &["node 0 (\"G\")", "reviews", "entry 1", "date", "YYYY-MM-DD"],
    );
    refused_with(
        &doc(
            r#"{"id": "G", "kind": "org_goal", "title": "Goal", "reviews": [{"date": "2026-01-01", "audiance": "x"}]}"#,
            "",
        ),
        &["node 0 (\"G\")", "unknown field `audiance`"],
    );
    refused_with(
        &doc(
            r#"{"id": "G", "kind": "org_goal", "title": "Goal", "reviews": [{"audience": "x"}]}"#,
            "",
        ),
        &["node 0 (\"G\")", "missing field `date`"],
    );
    refused_with(
        &doc(
            r#"{"id": "R", "kind": "resource", "title": "Budget", "resource_type": "funding", "reviews": [{"date": "2026-01-01"}]}"#,
            "",
        ),
        &["\"R\"", "reviews", "resources have no review log"],
    );
}

#[test]
fn accepted_findings_read_check_and_export_as_they_came() {
    let text = top(&format!(
        r#""name": "P", "nodes": [{G}, {I}], "links": [],
        "accepted": [{{"rule": "orphan", "node": "I", "reason": "A pilot, on purpose", "until": "2027-03-31"}},
                     {{"rule": "unsupported_goal", "node": "G", "reason": "Funded next year"}}]"#
    ));
    let plan = parse(&text).expect("a plan with acceptances reads");
    assert_eq!(plan.accepted().len(), 2);
    assert_eq!(
        plan.accepted()[0].until.map(|d| d.to_string()),
        Some("2027-03-31".into())
    );
    let again =
        parse(&throughline_core::interchange::to_json(&plan.to_plan())).expect("reads back");
    assert_eq!(
        again.to_plan(),
        plan.to_plan(),
        "export then import keeps them, in order"
    );
}

#[test]
fn a_bad_acceptance_is_refused_naming_its_place() {
    let with = |accepted: &str| {
        top(&format!(
            r#""name": "P", "nodes": [{G}], "accepted": [{accepted}]"#
        ))
    };
    refused_with(
        &with(r#"{"rule": "orphn", "node": "G", "reason": "x"}"#),
        &["accepted", "orphn"],
    );
    refused_with(
        &with(r#"{"rule": "orphan", "node": "NOPE", "reason": "x"}"#),
        &["accepted entry 0", "NOPE"],
    );
    refused_with(
        &with(r#"{"rule": "orphan", "node": "G", "reason": "x", "until": "soon"}"#),
        &["accepted", "soon"],
    );
    refused_with(
        &with(r#"{"rule": "orphan", "node": "G", "reason": "x", "why": "y"}"#),
        &["accepted", "why"],
    );
}

/// Issue 11: an exported plan is byte-stable and line-oriented, so git shows a change
/// to one node as one changed line.
#[test]
fn export_is_byte_stable_with_one_line_per_node_and_link() {
    let plan = throughline_core::sample::sample_plan().to_plan();
    let text = to_json(&plan);
    let again = to_json(&parse(&text).expect("reads back").to_plan());
    assert_eq!(text, again, "export, import, export gives the same bytes");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        plan.nodes.len() + plan.links.len() + plan.accepted.len() + 12,
        "one line per node, link and acceptance, beside the settings and brackets"
    );
    assert!(lines.contains(&"  \"nodes\": ["), "{text}");

    let mut edited = plan.clone();
    edited.nodes[3].title.push_str(" (renamed)");
    let edited_text = to_json(&edited);
    let changed: Vec<(&str, &str)> = text
        .lines()
        .zip(edited_text.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "one node renamed, one line changed: {changed:?}"
    );
    assert!(changed[0].0.contains(&plan.nodes[3].id));
}

#[test]
fn an_empty_plan_exports_empty_lists_that_read_back() {
    let plan = Plan::new("Empty");
    let text = to_json(&plan);
    assert!(
        text.contains("\"nodes\": [],\n  \"links\": []\n}"),
        "{text}"
    );
    assert_eq!(parse(&text).expect("reads").to_plan(), plan);
}
