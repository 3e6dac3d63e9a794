//! The findings as text for people: a header, findings grouped by severity and rule
//! (each with its node, message and one hint per rule), and a summary line.

use std::io::{self, Write};

use throughline_core::analysis::SCORE_SENTENCE;
use throughline_core::text::quoted;
use throughline_core::{Analysis, Finding, PlanGraph, Severity};

pub fn write_text(out: &mut impl Write, plan: &PlanGraph, analysis: &Analysis) -> io::Result<()> {
    let summary = &analysis.summary;
    writeln!(out, "Plan: {}", plan.name())?;
    writeln!(out, "As of: {}", analysis.as_of)?;
    writeln!(
        out,
        "Alignment score: {} ({})",
        summary.score_text(),
        summary.score_counts_text()
    )?;
    writeln!(out, "  {SCORE_SENTENCE}")?;

    // Findings arrive sorted by severity, then rule, then node id.
    for severity in Severity::ALL {
        let group: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{} ({})", severity.heading(), group.len())?;
        for same_rule in group.chunk_by(|a, b| a.rule == b.rule) {
            let rule = same_rule[0].rule;
            writeln!(
                out,
                "  {} [{}] ({})",
                rule.title(),
                rule.as_str(),
                same_rule.len()
            )?;
            for finding in same_rule {
                writeln!(out, "    {} {}", finding.node, quoted(&finding.title))?;
                writeln!(out, "      {}", finding.message)?;
                if let Some(accepted) = &finding.accepted {
                    let until = accepted
                        .until
                        .map(|until| format!(" until {until}"))
                        .unwrap_or_default();
                    writeln!(out, "      Accepted{until}: {}", accepted.reason)?;
                }
            }
            writeln!(out, "    Hint: {}", rule.hint())?;
        }
    }

    writeln!(out)?;
    if analysis.findings.is_empty() {
        writeln!(out, "No findings: every part of the plan lines up.")
    } else {
        writeln!(
            out,
            "Summary: {} {}, {} {}, {} info",
            summary.error,
            plural(summary.error, "error", "errors"),
            summary.warning,
            plural(summary.warning, "warning", "warnings"),
            summary.info
        )
    }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}
