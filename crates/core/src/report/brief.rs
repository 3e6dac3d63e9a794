//! The one-page alignment brief: why one initiative or strategy is being done, for the
//! team lead asked "why are we doing this?".
//!
//! Like a report, a brief is gathered once ([`Brief::build`]) and rendered by each
//! format (HTML, PDF, Markdown). The PDF must fit one A4 page; when it cannot, it says
//! so on the page and in [`RenderedBrief::left_out`], which the CLI prints on stderr.
//! Judgements (findings) come from the analysis, never re-derived here.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::{Severity, analyse};
use crate::error::{Error, Result};
use crate::files::write_atomically;
use crate::graph::PlanGraph;
use crate::model::{LinkKind, Node, NodeKind, ResourceType, Status};

use super::content::{FindingRow, ResourceSum, sum_by_type, with_unit};
use super::{ReportFormat, html, markdown, pdf, render_error};

/// The kinds of node a brief is written for: the work whose "why" a team lead is asked.
pub const BRIEF_KINDS: [NodeKind; 2] = [NodeKind::Initiative, NodeKind::Strategy];

/// The formats a brief is written in, the one-page PDF first: what a team lead forwards.
pub const BRIEF_FORMATS: [ReportFormat; 3] = [
    ReportFormat::Pdf,
    ReportFormat::Html,
    ReportFormat::Markdown,
];

/// A brief's whole content.
#[derive(Debug, Clone, Serialize)]
pub struct Brief {
    pub plan_name: String,
    pub as_of: NaiveDate,
    /// The initiative or strategy the brief is about.
    pub subject: BriefNode,
    /// Its lines up to the organizational goals, depth first: depth 1 is what the
    /// subject supports directly, depth 2 what that supports, and so on.
    pub lines: Vec<LineRow>,
    /// The organizational goals it reaches, by title, in plan order.
    pub reaches: Vec<String>,
    /// For a strategy: the present initiatives that carry it out, by title.
    pub carried_by: Vec<String>,
    /// Counting allocations behind it, summed by resource type and unit.
    pub resources: Vec<ResourceSum>,
    /// Each counting allocation behind it (to the subject, or for a strategy to its
    /// initiatives too).
    pub allocations: Vec<BriefAllocation>,
    /// Findings on its path: on itself, what it supports up to the org goals, the
    /// initiatives under a strategy, and the resources behind it. Worst first.
    pub findings: Vec<FindingRow>,
}

/// A node of the brief, with what a reader needs to know of it.
#[derive(Debug, Clone, Serialize)]
pub struct BriefNode {
    pub id: String,
    pub kind: NodeKind,
    pub kind_label: &'static str,
    pub title: String,
    pub why: Option<String>,
    pub owner: Option<String>,
    pub team: Option<String>,
    pub status: Status,
    pub target_date: Option<NaiveDate>,
    pub notes: Option<String>,
    /// When its *why* was last explained again, and how many times it was in the log.
    pub latest_review: Option<NaiveDate>,
    pub review_count: usize,
    /// "last reviewed 2026-10-01 (3 reviews)" or "never reviewed"; `None` for an
    /// initiative never reviewed, since reviews are asked of goals and strategies only.
    pub review_text: Option<String>,
}

/// One level of a line up to the organizational goals.
#[derive(Debug, Clone, Serialize)]
pub struct LineRow {
    pub depth: usize,
    pub node: BriefNode,
    /// Already shown higher up (the node is on several lines): its own lines up are not
    /// repeated.
    pub repeat: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefAllocation {
    pub resource_title: String,
    pub type_label: &'static str,
    pub amount_text: String,
    /// The initiative it goes to when that is not the subject itself.
    pub to_title: Option<String>,
    pub why: Option<String>,
}

/// A rendered brief, and what the one-page PDF had to leave out.
#[derive(Debug, Clone)]
pub struct RenderedBrief {
    pub bytes: Vec<u8>,
    /// `Some("3 lines up, 2 findings")` when the PDF did not fit one page and these were
    /// left out; always `None` for HTML and Markdown, which have no page to fill.
    pub left_out: Option<String>,
}

impl Brief {
    /// Gathers the brief of node `id` as of `as_of`.
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when the plan has no node `id`, [`Error::NotBriefable`]
    /// when it is not an initiative or a strategy.
    pub fn build(graph: &PlanGraph, id: &str, as_of: NaiveDate) -> Result<Brief> {
        let node = graph
            .node(id)
            .ok_or_else(|| Error::UnknownNode { id: id.to_owned() })?;
        if !BRIEF_KINDS.contains(&node.kind) {
            return Err(Error::NotBriefable {
                id: node.id.clone(),
                title: node.title.clone(),
                kind: node.kind,
            });
        }
        let (lines, reaches) = lines_up(graph, id);
        let carried_by: Vec<&Node> = if node.kind == NodeKind::Strategy {
            supporters(graph, id)
                .into_iter()
                .filter(|n| n.kind == NodeKind::Initiative)
                .collect()
        } else {
            Vec::new()
        };
        let mut funded: Vec<&Node> = vec![node];
        funded.extend(carried_by.iter().copied());
        let allocations = counting_allocations(graph, &funded);

        // The path: the subject, what it supports, the work under it and what funds it.
        let mut path: HashSet<&str> = HashSet::from([id]);
        path.extend(lines.iter().map(|row| row.node.id.as_str()));
        path.extend(carried_by.iter().map(|n| n.id.as_str()));
        path.extend(
            allocations
                .iter()
                .map(|allocation| allocation.resource.id.as_str()),
        );
        let analysis = analyse(graph, as_of);
        let mut findings: Vec<FindingRow> = analysis
            .findings
            .iter()
            .filter(|finding| path.contains(finding.node.as_str()))
            .map(|finding| FindingRow::of(finding, graph.node(&finding.node)))
            .collect();
        findings.sort_by_key(|finding| finding.severity);

        let resources = summed(&allocations);
        let allocation_rows = allocations
            .iter()
            .map(|allocation| BriefAllocation {
                resource_title: allocation.resource.title.clone(),
                type_label: allocation
                    .resource
                    .resource_type
                    .map_or("", ResourceType::label),
                amount_text: with_unit(allocation.amount, allocation.resource.unit.as_deref()),
                to_title: (allocation.to.id != id).then(|| allocation.to.title.clone()),
                why: allocation.why.clone(),
            })
            .collect();

        Ok(Brief {
            plan_name: graph.name().to_owned(),
            as_of,
            subject: brief_node(node),
            lines,
            reaches,
            carried_by: carried_by.iter().map(|n| n.title.clone()).collect(),
            resources,
            allocations: allocation_rows,
            findings,
        })
    }

    /// Findings on the brief's path of the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }
}

/// Renders the brief in `format`: HTML, PDF or Markdown.
///
/// # Errors
/// [`Error::Render`] for CSV and JSON, which have no brief.
pub fn render_brief(format: ReportFormat, brief: &Brief) -> Result<RenderedBrief> {
    let (bytes, left_out) = match format {
        ReportFormat::Html => (html::render_brief(brief)?.into_bytes(), None),
        ReportFormat::Markdown => (markdown::render_brief(brief)?.into_bytes(), None),
        ReportFormat::Pdf => pdf::render_brief(brief)?,
        ReportFormat::Csv | ReportFormat::Json | ReportFormat::Xlsx => {
            return Err(render_error(
                format,
                "a brief is written as HTML, PDF or Markdown",
            ));
        }
    };
    Ok(RenderedBrief { bytes, left_out })
}

/// Renders `brief` and writes it to `path` whole or not at all; answers what the
/// one-page PDF left out, if anything. The CLI and the app's "Share brief" both call it.
pub fn write_brief(path: &Path, format: ReportFormat, brief: &Brief) -> Result<Option<String>> {
    let rendered = render_brief(format, brief)?;
    write_atomically(path, &rendered.bytes)?;
    Ok(rendered.left_out)
}

fn brief_node(node: &Node) -> BriefNode {
    BriefNode {
        id: node.id.clone(),
        kind: node.kind,
        kind_label: node.kind.label(),
        title: node.title.clone(),
        why: node.why.clone().filter(|why| !why.trim().is_empty()),
        owner: node.owner.clone(),
        team: node.team.clone(),
        status: node.status,
        target_date: node.target_date,
        notes: node.notes.clone().filter(|notes| !notes.trim().is_empty()),
        latest_review: node.latest_review(),
        review_count: node.reviews.len(),
        review_text: (node.kind != NodeKind::Initiative || node.latest_review().is_some())
            .then(|| review_text(node.latest_review(), node.reviews.len())),
    }
}

/// When a node was last reviewed, and how often, in words.
pub(crate) fn review_text(latest: Option<NaiveDate>, count: usize) -> String {
    match (latest, count) {
        (None, _) => "never reviewed".to_owned(),
        (Some(date), 0 | 1) => format!("last reviewed {date}"),
        (Some(date), count) => format!("last reviewed {date} ({count} reviews)"),
    }
}

/// The present nodes `id` supports directly, the nearest level first (a strategy before
/// a team goal), so each line reads upward.
fn supported_by<'a>(graph: &'a PlanGraph, id: &str) -> Vec<&'a Node> {
    let mut up: Vec<&Node> = graph
        .links_of(id)
        .into_iter()
        .filter(|link| link.kind == LinkKind::Supports && link.from == id)
        .filter_map(|link| graph.node(&link.to))
        .filter(|node| node.is_present())
        .collect();
    up.sort_by_key(|node| std::cmp::Reverse(node.kind));
    up
}

/// The present nodes supporting `id` directly.
fn supporters<'a>(graph: &'a PlanGraph, id: &str) -> Vec<&'a Node> {
    graph
        .links_of(id)
        .into_iter()
        .filter(|link| link.kind == LinkKind::Supports && link.to == id)
        .filter_map(|link| graph.node(&link.from))
        .filter(|node| node.is_present())
        .collect()
}

/// Every line from `id` up to the organizational goals, depth first, each node's own
/// lines shown once; and the org goals reached.
fn lines_up(graph: &PlanGraph, id: &str) -> (Vec<LineRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut seen: HashSet<String> = HashSet::from([id.to_owned()]);
    let mut goals = Vec::new();
    let mut stack: Vec<(&Node, usize)> = supported_by(graph, id)
        .into_iter()
        .rev()
        .map(|node| (node, 1))
        .collect();
    while let Some((node, depth)) = stack.pop() {
        let repeat = !seen.insert(node.id.clone());
        rows.push(LineRow {
            depth,
            node: brief_node(node),
            repeat,
        });
        if repeat {
            continue;
        }
        if node.kind == NodeKind::OrgGoal {
            goals.push(node.title.clone());
        }
        stack.extend(
            supported_by(graph, &node.id)
                .into_iter()
                .rev()
                .map(|up| (up, depth + 1)),
        );
    }
    (rows, goals)
}

/// A counting allocation: both ends present and an amount above zero.
struct Counted<'a> {
    resource: &'a Node,
    to: &'a Node,
    amount: f64,
    why: Option<String>,
}

/// The counting allocations to each funded node, in the order of `funded`.
fn counting_allocations<'a>(graph: &'a PlanGraph, funded: &[&'a Node]) -> Vec<Counted<'a>> {
    let mut found = Vec::new();
    for &to in funded {
        for link in graph.links_of(&to.id) {
            if link.kind != LinkKind::Allocates || link.to != to.id {
                continue;
            }
            let amount = link.amount.unwrap_or(0.0);
            if let Some(resource) = graph.node(&link.from)
                && resource.is_present()
                && amount > 0.0
            {
                found.push(Counted {
                    resource,
                    to,
                    amount,
                    why: link.why.clone(),
                });
            }
        }
    }
    found
}

/// Allocations summed by resource type and unit, as the report's goal sections sum them.
fn summed(allocations: &[Counted]) -> Vec<ResourceSum> {
    sum_by_type(allocations.iter().filter_map(|allocation| {
        let resource = allocation.resource;
        Some((
            resource.resource_type?,
            resource.unit.as_deref(),
            allocation.amount,
        ))
    }))
}
