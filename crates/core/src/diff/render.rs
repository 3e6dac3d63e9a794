//! A difference in words: sections of sentences, with titles rather than ids, that the
//! command line prints as text or Markdown and the reports show as "Changes since".

use serde::Serialize;

use crate::analysis::Finding;
use crate::model::{Acceptance, Link, LinkKind, Node};
use crate::report::escape::escape_markdown;
use crate::text::{format_amount, quoted};

use super::{AllocationChange, FieldChange, PlanDiff};

/// One part of a difference: a heading and one sentence per change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffSection {
    pub heading: &'static str,
    pub lines: Vec<String>,
}

impl PlanDiff {
    /// "The alignment score went from 62% to 70% (18 of 29 ... aligned, then 21 of 30)."
    pub fn score_sentence(&self) -> String {
        let (before, after) = (&self.old.summary, &self.new.summary);
        let verb = if before.score_text() == after.score_text() {
            "stayed at".to_owned()
        } else {
            format!("went from {} to", before.score_text())
        };
        format!(
            "The alignment score {verb} {}: {}, then {}.",
            after.score_text(),
            before.score_counts_text(),
            after.score_counts_text()
        )
    }

    /// "1 error, 2 warnings, 0 info, then ..."
    pub fn counts_sentence(&self) -> String {
        let counts = |summary: &crate::analysis::Summary| {
            format!(
                "{} {}, {} {}, {} info",
                summary.error,
                plural(summary.error, "error", "errors"),
                summary.warning,
                plural(summary.warning, "warning", "warnings"),
                summary.info
            )
        };
        format!(
            "Findings: {} before, {} after.",
            counts(&self.old.summary),
            counts(&self.new.summary)
        )
    }

    /// The sections with something in them, in the order a reader asks: what the plan
    /// now holds, what it costs, and what the analysis says about it.
    pub fn sections(&self) -> Vec<DiffSection> {
        let mut sections = Vec::new();
        let mut push = |heading: &'static str, lines: Vec<String>| {
            if !lines.is_empty() {
                sections.push(DiffSection { heading, lines });
            }
        };
        push("Plan settings", self.settings_lines());
        push(
            "Nodes added",
            self.nodes_added.iter().map(node_line).collect(),
        );
        push(
            "Nodes removed",
            self.nodes_removed.iter().map(node_line).collect(),
        );
        push(
            "Nodes changed",
            self.nodes_changed
                .iter()
                .map(|change| {
                    let fields: Vec<String> = change.fields.iter().map(field_text).collect();
                    format!(
                        "{} {}: {}.",
                        capitalized(change.after.kind.label()),
                        quoted(&change.after.title),
                        fields.join("; ")
                    )
                })
                .collect(),
        );
        push(
            "Links added",
            self.links_added
                .iter()
                .map(|link| self.link_sentence(link, "now"))
                .collect(),
        );
        push(
            "Links removed",
            self.links_removed
                .iter()
                .map(|link| self.link_sentence(link, "no longer"))
                .collect(),
        );
        push(
            "Links changed",
            self.links_changed
                .iter()
                .map(|change| {
                    let mut what = Vec::new();
                    if change.before.amount != change.after.amount {
                        let unit = self.allocation_unit(&change.after.from);
                        what.push(format!(
                            "amount {}",
                            from_to_shown(
                                change.before.amount.map(|amount| with_unit(amount, unit)),
                                change.after.amount.map(|amount| with_unit(amount, unit))
                            )
                        ));
                    }
                    if change.before.why != change.after.why {
                        what.push(format!(
                            "why {}",
                            from_to(change.before.why.clone(), change.after.why.clone())
                        ));
                    }
                    let unpriced = Link {
                        amount: None,
                        ..change.after.clone()
                    };
                    format!(
                        "{}: {}.",
                        self.link_sentence(&unpriced, "").trim_end_matches('.'),
                        what.join("; ")
                    )
                })
                .collect(),
        );
        push("Allocations", self.allocation_lines());
        push(
            "Findings that appeared",
            self.findings_appeared.iter().map(finding_line).collect(),
        );
        push(
            "Findings resolved",
            self.findings_resolved.iter().map(finding_line).collect(),
        );
        push("Accepted findings", self.acceptance_lines());
        sections
    }

    fn settings_lines(&self) -> Vec<String> {
        let Some(change) = &self.settings else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        if change.before.name != change.after.name {
            lines.push(format!(
                "The plan is now called {} (was {}).",
                quoted(&change.after.name),
                quoted(&change.before.name)
            ));
        }
        if change.before.review_cadence_days != change.after.review_cadence_days {
            lines.push(format!(
                "Goals and strategies are now reviewed every {} days (was every {}).",
                change.after.review_cadence_days, change.before.review_cadence_days
            ));
        }
        lines
    }

    /// "Initiative “A” now supports strategy “B”." / "“Budget” now allocates 10 EUR to ..."
    fn link_sentence(&self, link: &Link, adverb: &str) -> String {
        let end = |id: &str| {
            let kind = self
                .kind_of(id)
                .map(|kind| format!("{} ", kind.label()))
                .unwrap_or_default();
            format!("{kind}{}", quoted(self.title_of(id)))
        };
        let adverb = if adverb.is_empty() {
            String::new()
        } else {
            format!("{adverb} ")
        };
        let sentence = match link.kind {
            LinkKind::Supports => {
                format!("{} {adverb}supports {}.", end(&link.from), end(&link.to))
            }
            LinkKind::Allocates => {
                let unit = self.allocation_unit(&link.from);
                let amount = link
                    .amount
                    .map(|amount| format!("{} ", with_unit(amount, unit)))
                    .unwrap_or_default();
                format!(
                    "{} {adverb}allocates {amount}to {}.",
                    end(&link.from),
                    end(&link.to)
                )
            }
        };
        capitalized(&sentence)
    }

    fn allocation_unit(&self, resource: &str) -> Option<&str> {
        self.names.get(resource)?.unit.as_deref()
    }

    fn allocation_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.allocations.iter().map(allocation_line).collect();
        lines.extend(self.allocation_totals.iter().map(|total| {
            format!(
                "All {} given out: {} (was {}).",
                total.resource_type.label(),
                with_unit(total.after, total.unit.as_deref()),
                with_unit(total.before, total.unit.as_deref())
            )
        }));
        lines
    }

    fn acceptance_lines(&self) -> Vec<String> {
        let about = |acceptance: &Acceptance| {
            format!(
                "{} on {}",
                acceptance.rule.title(),
                quoted(self.title_of(&acceptance.node))
            )
        };
        let mut lines = Vec::new();
        for acceptance in &self.acceptances_added {
            lines.push(format!(
                "Accepted: {} ({}).",
                about(acceptance),
                acceptance_reason(acceptance)
            ));
        }
        for acceptance in &self.acceptances_removed {
            lines.push(format!("No longer accepted: {}.", about(acceptance)));
        }
        for change in &self.acceptances_changed {
            lines.push(format!(
                "Acceptance changed: {} (now {}; was {}).",
                about(&change.after),
                acceptance_reason(&change.after),
                acceptance_reason(&change.before)
            ));
        }
        for acceptance in &self.acceptances_expired {
            lines.push(format!(
                "Expired: {} (accepted until {}), so it counts again.",
                about(acceptance),
                acceptance
                    .until
                    .map_or_else(|| "no date".to_owned(), |until| until.to_string())
            ));
        }
        lines
    }
}

/// The difference as text for a terminal.
pub fn render_text(diff: &PlanDiff) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Comparing {} (as of {}) with {} (as of {})\n",
        diff.old.label, diff.old.as_of, diff.new.label, diff.new.as_of
    ));
    out.push_str(&diff.score_sentence());
    out.push('\n');
    out.push_str(&diff.counts_sentence());
    out.push('\n');
    let sections = diff.sections();
    if sections.is_empty() {
        out.push_str("\nNo differences.\n");
    }
    for section in sections {
        out.push_str(&format!(
            "\n{} ({})\n",
            section.heading,
            section.lines.len()
        ));
        for line in section.lines {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push('\n');
    out.push_str(&gate_sentence(diff));
    out.push('\n');
    out
}

/// The difference as Markdown that reads well on a code-hosting site. Plan text is
/// escaped so that it cannot become markup.
pub fn render_markdown(diff: &PlanDiff) -> String {
    let mut out = format!(
        "# Changes from {} to {}\n\n",
        escape_markdown(&diff.old.label),
        escape_markdown(&diff.new.label)
    );
    out.push_str(&format!(
        "Compared: {} as of {}, with {} as of {}.\n\n",
        escape_markdown(&diff.old.label),
        diff.old.as_of,
        escape_markdown(&diff.new.label),
        diff.new.as_of
    ));
    out.push_str(&markdown_body(diff, "##"));
    out.push_str(&format!("\n{}\n", escape_markdown(&gate_sentence(diff))));
    out
}

/// The score, the counts and every section, headed at `level` ("##"), for a Markdown
/// document or report.
pub(crate) fn markdown_body(diff: &PlanDiff, level: &str) -> String {
    let mut out = format!(
        "{}\n\n{}\n",
        escape_markdown(&diff.score_sentence()),
        escape_markdown(&diff.counts_sentence())
    );
    let sections = diff.sections();
    if sections.is_empty() {
        out.push_str("\nNo differences.\n");
    }
    for section in sections {
        out.push_str(&format!(
            "\n{level} {} ({})\n\n",
            section.heading,
            section.lines.len()
        ));
        for line in section.lines {
            out.push_str(&format!("- {}\n", escape_markdown(&line)));
        }
    }
    out
}

/// What the gate says: whether the new plan brings error findings the old did not have.
pub fn gate_sentence(diff: &PlanDiff) -> String {
    if diff.passes_gate() {
        format!(
            "No new error finding in {} that {} did not have.",
            diff.new.label, diff.old.label
        )
    } else {
        let titles: Vec<String> = diff
            .new_errors
            .iter()
            .map(|finding| format!("{} on {}", finding.rule.title(), quoted(&finding.title)))
            .collect();
        format!(
            "{} new error {} that {} did not have: {}.",
            diff.new_errors.len(),
            plural(diff.new_errors.len(), "finding", "findings"),
            diff.old.label,
            titles.join("; ")
        )
    }
}

fn node_line(node: &Node) -> String {
    let team = node
        .team
        .as_deref()
        .map(|team| format!(", team {team}"))
        .unwrap_or_default();
    format!(
        "{} {} ({}{team}).",
        capitalized(node.kind.label()),
        quoted(&node.title),
        node.status.as_str()
    )
}

fn field_text(field: &FieldChange) -> String {
    format!(
        "{} {}",
        field.field.replace('_', " "),
        from_to(field.before.clone(), field.after.clone())
    )
}

fn allocation_line(change: &AllocationChange) -> String {
    let unit = change.unit.as_deref();
    format!(
        "{} now gives out {} (was {}).",
        quoted(&change.title),
        with_unit(change.after.unwrap_or(0.0), unit),
        with_unit(change.before.unwrap_or(0.0), unit)
    )
}

fn finding_line(finding: &Finding) -> String {
    let accepted = finding
        .accepted
        .as_ref()
        .map(|accepted| {
            let until = accepted
                .until
                .map(|until| format!(" until {until}"))
                .unwrap_or_default();
            format!(" Accepted{until}: {}", accepted.reason)
        })
        .unwrap_or_default();
    format!(
        "{} ({}) on {}: {}{accepted}",
        finding.rule.title(),
        finding.severity.as_str(),
        quoted(&finding.title),
        finding.message
    )
}

fn acceptance_reason(acceptance: &Acceptance) -> String {
    match acceptance.until {
        Some(until) => format!("{}, until {until}", acceptance.reason),
        None => acceptance.reason.clone(),
    }
}

/// "from “a” to “b”", "set to “b”", "cleared (was “a”)".
fn from_to(before: Option<String>, after: Option<String>) -> String {
    from_to_shown(before.as_deref().map(quoted), after.as_deref().map(quoted))
}

fn from_to_shown(before: Option<String>, after: Option<String>) -> String {
    match (before, after) {
        (Some(before), Some(after)) => format!("from {before} to {after}"),
        (None, Some(after)) => format!("set to {after}"),
        (Some(before), None) => format!("cleared (was {before})"),
        (None, None) => "unchanged".to_owned(),
    }
}

fn with_unit(amount: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("{} {unit}", format_amount(amount)),
        None => format_amount(amount),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}
