//! Progress on stderr through the real binary: drawn on a terminal (a pseudo-terminal
//! from util-linux's `script`), never in a script or a pipe, and the output is the
//! same either way.

mod common;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use common::{AS_OF, run};
use throughline_core::report::{ReportFormat, ReportOptions, render};

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").expect("AS_OF is a date")
}

#[test]
fn long_commands_print_nothing_on_stderr_when_it_is_not_a_terminal() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let steps: [&[&str]; 5] = [
        &[
            "generate", "--nodes", "3000", "--seed", "7", "-o", "big.json",
        ],
        &["import", "big.json", "-o", "big.throughline"],
        &["export", "big.throughline", "-o", "again.json"],
        &[
            "report",
            "big.throughline",
            "-o",
            "board.pdf",
            "--as-of",
            AS_OF,
        ],
        &["check", "big.json", "--as-of", AS_OF, "--format", "json"],
    ];
    let mut outputs = Vec::new();
    for args in steps {
        let result = run(dir.path(), args);
        assert!(
            result.code == 0 || (args[0] == "check" && result.code == 1),
            "{args:?} should succeed: {}",
            result.stderr
        );
        assert_eq!(
            result.stderr, "",
            "{args:?} must print nothing on a stderr that is not a terminal"
        );
        outputs.push(result.stdout);
    }
    // The output is what it was before progress existed: the same as the core's.
    let plan = throughline_core::store::load_plan(&dir.path().join("big.json"))
        .expect("the generated plan loads");
    assert_eq!(outputs[3], "board.pdf\n", "report names the file it wrote");
    let expected_pdf = render(ReportFormat::Pdf, &plan, &ReportOptions::new(as_of()))
        .expect("the core renders the PDF");
    let written_pdf = std::fs::read(dir.path().join("board.pdf")).expect("the PDF is there");
    assert!(
        written_pdf == expected_pdf,
        "the CLI's PDF should be byte for byte the core's"
    );
    let analysis = throughline_core::analyse(&plan, as_of());
    let expected_check = serde_json::to_string_pretty(&analysis).expect("serializes") + "\n";
    assert!(
        outputs[4] == expected_check,
        "check's JSON on stdout should be exactly the analysis"
    );
}

/// Runs the binary with stdin, stdout and stderr on a pseudo-terminal; returns
/// everything it wrote there.
fn on_a_terminal(dir: &Path, args: &str) -> String {
    let binary = env!("CARGO_BIN_EXE_throughline");
    let output = Command::new("script")
        .current_dir(dir)
        .args(["--quiet", "--return", "--command"])
        .arg(format!("'{binary}' {args}"))
        .arg("/dev/null")
        .output()
        .expect("util-linux's `script` runs the binary on a pseudo-terminal");
    assert!(
        output.status.success(),
        "{args} should succeed on a terminal: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the terminal shows UTF-8")
}

#[test]
fn on_a_terminal_a_report_shows_each_step_then_clears_the_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("plan.json"),
        throughline_core::sample::sample_json(),
    )
    .expect("writes the plan");
    let screen = on_a_terminal(
        dir.path(),
        &format!("report plan.json -o board.pdf --as-of {AS_OF}"),
    );
    for step in [
        "throughline: reading plan.json",
        "throughline: drawing PDF page",
        "throughline: writing the report",
    ] {
        assert!(
            screen.contains(step),
            "{step:?} should be shown on the terminal: {screen:?}"
        );
    }
    assert!(
        screen.contains("\r\x1b[2Kboard.pdf"),
        "the progress line is cleared before the file's name is printed: {screen:?}"
    );
    assert!(
        !screen.contains("\nthroughline:"),
        "progress stays on one line that is rewritten: {screen:?}"
    );
}
