//! How far a report has got, for a caller that wants to show it.
//!
//! The core only says which step it is at; whether and how that is shown is the
//! caller's choice (the CLI draws a line on a terminal and stays silent in a script).

use super::ReportFormat;

/// One step of writing a report, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStep {
    /// Analysing the plan and gathering what the report says.
    Gathering,
    /// Rendering the report in a format (for a PDF: laying it out into pages).
    Rendering(ReportFormat),
    /// A PDF page is being drawn: `page` of `pages`, counted from 1.
    DrawingPage { page: usize, pages: usize },
    /// Every PDF page is drawn; the font is being embedded and the file assembled.
    FinishingPdf,
    /// Writing the file (and the CSV allocations beside it).
    Writing,
}
