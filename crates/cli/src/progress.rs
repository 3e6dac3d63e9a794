//! A one-line sign of life on stderr for commands that can take more than a moment
//! (reading, analysing or writing a big plan, rendering a report), drawn only when
//! stderr is a terminal: scripts, pipes and logs get nothing, and stdout is never
//! touched.
//!
//! The line says what the command is doing and for how long; a small thread redraws
//! it a few times a second, so that one long step (reading a million-node plan) still
//! shows the time moving. It is cleared when the work is done, so that the command's
//! own output starts on a clean line.

use std::io::{IsTerminal, Stderr, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use throughline_core::report::ReportStep;

/// How often the line is redrawn while a step goes on.
const TICK: Duration = Duration::from_millis(250);
/// Page-by-page steps come faster than anyone reads; they are passed on at most this often.
const PAGE_STEPS_EVERY: Duration = Duration::from_millis(100);
/// "Erase the whole line" (ECMA-48 EL 2), after a carriage return.
const CLEAR_LINE: &str = "\r\x1b[2K";

#[derive(Debug)]
pub struct Progress<W: Write + Send + 'static> {
    /// The drawing thread and what to tell it; `None` when progress is not shown.
    ticker: Option<(Sender<String>, JoinHandle<W>)>,
    last_page_step: Option<Instant>,
}

impl Progress<Stderr> {
    /// Progress on stderr if it is a terminal; silent otherwise.
    pub fn on_stderr() -> Progress<Stderr> {
        let stderr = std::io::stderr();
        Progress::new(stderr.is_terminal().then_some(stderr))
    }
}

impl<W: Write + Send + 'static> Progress<W> {
    /// Progress drawn to `out`, or nothing at all when `out` is `None`.
    pub fn new(out: Option<W>) -> Progress<W> {
        let ticker = out.and_then(|out| {
            let (sender, steps) = mpsc::channel();
            // Without a thread there is no progress line; the command still runs.
            thread::Builder::new()
                .name("progress".to_owned())
                .spawn(move || draw_until_done(out, &steps))
                .ok()
                .map(|thread| (sender, thread))
        });
        Progress {
            ticker,
            last_page_step: None,
        }
    }

    /// The command has moved on to `what` ("reading plan.json").
    pub fn stage(&mut self, what: &str) {
        if let Some((sender, _)) = &self.ticker {
            // A thread that is gone only means no more progress is drawn.
            let _ = sender.send(what.to_owned());
        }
    }

    /// A step of a report being written.
    pub fn report_step(&mut self, step: ReportStep) {
        let text = match step {
            ReportStep::Gathering => "analysing the plan and gathering the report".to_owned(),
            ReportStep::Rendering(format) => format!("rendering the {format} report"),
            ReportStep::DrawingPage { page, pages } => {
                let recent = self
                    .last_page_step
                    .is_some_and(|at| at.elapsed() < PAGE_STEPS_EVERY);
                if recent && page < pages {
                    return;
                }
                self.last_page_step = Some(Instant::now());
                format!("drawing PDF page {page} of {pages}")
            }
            ReportStep::FinishingPdf => "embedding the font and assembling the PDF".to_owned(),
            ReportStep::Writing => "writing the report".to_owned(),
        };
        self.stage(&text);
    }

    /// Clears the line and stops drawing, before the command writes its own output;
    /// gives back where progress was drawn.
    pub fn finish(&mut self) -> Option<W> {
        let (sender, thread) = self.ticker.take()?;
        drop(sender);
        thread.join().ok()
    }
}

impl<W: Write + Send + 'static> Drop for Progress<W> {
    /// An error ends the command early: its message must not land on a progress line.
    fn drop(&mut self) {
        self.finish();
    }
}

/// Draws each step as it comes and redraws it every [`TICK`] with the time so far,
/// until the sending side is dropped; then clears the line.
fn draw_until_done<W: Write>(mut out: W, steps: &Receiver<String>) -> W {
    let started = Instant::now();
    let mut current: Option<String> = None;
    loop {
        match steps.recv_timeout(TICK) {
            Ok(step) => current = Some(step),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        if let Some(what) = &current {
            let seconds = started.elapsed().as_secs_f64();
            // A terminal that cannot be written to is no reason to fail the command.
            let _ = write!(
                out,
                "{CLEAR_LINE}throughline: {what}\u{2026} {seconds:.1} s"
            )
            .and_then(|()| out.flush());
        }
    }
    if current.is_some() {
        let _ = write!(out, "{CLEAR_LINE}").and_then(|()| out.flush());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use throughline_core::report::ReportFormat;

    fn drawn(mut progress: Progress<Vec<u8>>) -> String {
        let bytes = progress.finish().unwrap_or_default();
        String::from_utf8(bytes).expect("progress is UTF-8")
    }

    #[test]
    fn silent_progress_draws_nothing() {
        let mut progress: Progress<Vec<u8>> = Progress::new(None);
        progress.stage("reading plan.json");
        assert!(progress.finish().is_none(), "no terminal, no progress");
    }

    #[test]
    fn each_stage_rewrites_the_line_and_the_end_clears_it() {
        let mut progress = Progress::new(Some(Vec::new()));
        progress.stage("reading plan.json");
        progress.report_step(ReportStep::Rendering(ReportFormat::Pdf));
        let text = drawn(progress);
        assert!(
            text.starts_with("\r\x1b[2Kthroughline: reading plan.json\u{2026} 0."),
            "the first stage is drawn on a cleared line with its time: {text:?}"
        );
        assert!(
            text.contains("\r\x1b[2Kthroughline: rendering the pdf report\u{2026}"),
            "the next stage replaces it: {text:?}"
        );
        assert!(
            text.ends_with(CLEAR_LINE),
            "the line is cleared at the end: {text:?}"
        );
        assert!(!text.contains('\n'), "progress never scrolls the terminal");
    }

    #[test]
    fn a_long_step_is_redrawn_with_the_time_moving() {
        let mut progress = Progress::new(Some(Vec::new()));
        progress.stage("reading big.json");
        thread::sleep(TICK * 6);
        let text = drawn(progress);
        let draws = text.matches("reading big.json").count();
        assert!(
            draws >= 3,
            "a step that lasts six ticks should be redrawn, not shown once: {text:?}"
        );
    }

    #[test]
    fn page_steps_are_thinned_but_the_last_page_is_shown() {
        let mut progress = Progress::new(Some(Vec::new()));
        for page in 1..=500 {
            progress.report_step(ReportStep::DrawingPage { page, pages: 500 });
        }
        let text = drawn(progress);
        let draws = text.matches("drawing PDF page").count();
        assert!(
            (1..50).contains(&draws),
            "500 fast pages should redraw a few times, not {draws}"
        );
        assert!(text.contains("page 500 of 500"), "the last page is shown");
    }
}
