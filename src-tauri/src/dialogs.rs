//! The native Open and Save dialogs, run from Rust (tauri-plugin-dialog's Rust API).
//!
//! The webview never names a file: a command asks Rust to open, save or export, Rust asks
//! the user where, and only a path the user picked is read or written. A script injected
//! into the page can therefore not make the app write over a file of its choosing, and the
//! webview holds no `dialog:` permission at all.
//!
//! Debug builds let the e2e tests stand in for the dialogs ([`StandIn`]), since WebDriver
//! cannot drive a native GTK dialog; release builds compile without that hook.

use std::path::PathBuf;

use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use throughline_core::report::ReportFormat;

/// A kind of file a dialog offers, as one filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileType {
    pub name: &'static str,
    pub extension: &'static str,
}

/// The plan files the app edits.
pub const PLAN_FILE: FileType = FileType {
    name: "Throughline plan",
    extension: "throughline",
};

/// A plan in the interchange format; the app imports it into a new plan file.
pub const JSON_PLAN: FileType = FileType {
    name: "JSON plan (imported into a new plan file)",
    extension: "json",
};

/// The files of other tools that File > Import reads into a new plan file.
pub const IMPORTABLE: [FileType; 4] = [
    FileType {
        name: "ArchiMate exchange file",
        extension: "xml",
    },
    FileType {
        name: "Excel workbook",
        extension: "xlsx",
    },
    FileType {
        name: "OpenDocument spreadsheet",
        extension: "ods",
    },
    FileType {
        name: "CSV file (allocations in NAME-allocations.csv beside it)",
        extension: "csv",
    },
];

/// The spreadsheet template a planner fills in and imports.
pub const SPREADSHEET_TEMPLATE: FileType = FileType {
    name: "Excel workbook",
    extension: "xlsx",
};

/// The file type of a report in `format`.
pub fn report_file(format: ReportFormat) -> FileType {
    let name = match format {
        ReportFormat::Html => "HTML report",
        ReportFormat::Pdf => "PDF report",
        ReportFormat::Markdown => "Markdown report",
        ReportFormat::Csv => "CSV findings",
        ReportFormat::Json => "JSON plan",
        ReportFormat::Xlsx => "Excel workbook report",
    };
    FileType {
        name,
        extension: format.extension(),
    }
}

/// The file type of a one-page brief in `format`.
pub fn brief_file(format: ReportFormat) -> FileType {
    let name = match format {
        ReportFormat::Pdf => "PDF brief (one page)",
        ReportFormat::Markdown => "Markdown brief",
        _ => "HTML brief",
    };
    FileType {
        name,
        extension: format.extension(),
    }
}

/// Asks the user where to write a new file of `file_type`, proposing `file_name`.
/// `None` when the user cancels.
pub async fn choose_file_to_save<R: Runtime>(
    window: &WebviewWindow<R>,
    title: &str,
    file_name: &str,
    file_type: FileType,
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(stand_in) = stand_in(window)
        && let Some(answer) = stand_in.save(file_name)
    {
        return answer;
    }
    let dialog = builder(window, title)
        .set_file_name(file_name)
        .add_filter(file_type.name, &[file_type.extension]);
    let picked = answer(|reply| dialog.save_file(reply)).await?;
    Some(with_extension(picked, file_type.extension))
}

/// Asks the user for an existing file of one of `file_types`, all offered at once under
/// `any_type` (GTK shows the first filter), then each on its own. `None` when the user
/// cancels.
pub async fn choose_file_to_open<R: Runtime>(
    window: &WebviewWindow<R>,
    title: &str,
    any_type: &str,
    file_types: &[FileType],
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(stand_in) = stand_in(window)
        && let Some(answer) = stand_in.open()
    {
        return answer;
    }
    let extensions: Vec<&str> = file_types.iter().map(|t| t.extension).collect();
    let mut dialog = builder(window, title).add_filter(any_type, &extensions);
    for file_type in file_types {
        dialog = dialog.add_filter(file_type.name, &[file_type.extension]);
    }
    answer(|reply| dialog.pick_file(reply)).await
}

/// A dialog over `window` (modal to it) with `title`.
fn builder<R: Runtime>(window: &WebviewWindow<R>, title: &str) -> FileDialogBuilder<R> {
    window.dialog().file().set_parent(window).set_title(title)
}

/// Shows a dialog through `show` and waits for the user without holding a thread: the
/// plugin runs the dialog on the main thread and calls back when it closes.
async fn answer(show: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> Option<PathBuf> {
    let (reply, replied) = tokio::sync::oneshot::channel();
    show(Box::new(move |picked| {
        // The command may have been dropped meanwhile (the window closed): nobody to tell.
        let _ = reply.send(picked);
    }));
    let picked = replied.await.ok().flatten()?;
    match picked.into_path() {
        Ok(path) => Some(path),
        Err(error) => {
            // Desktop dialogs answer paths; a URL that is not a local file cannot be used.
            eprintln!("throughline: the dialog answered something that is not a file ({error})");
            None
        }
    }
}

/// GTK's save dialog keeps the name as typed: the file type's extension is added when the
/// name has none, so `board` becomes `board.html` but a typed `board.pdf` stays as it is.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".");
    name.push(extension);
    path.with_file_name(name)
}

/// The e2e tests' answers to the dialogs, read from the environment at start (see
/// `startup.rs`). Only debug builds have it: a release build always asks the user.
#[cfg(debug_assertions)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StandIn {
    /// Env `THROUGHLINE_TEST_SAVE_DIR`: every save dialog answers this folder joined with
    /// the proposed file name.
    pub save_dir: Option<PathBuf>,
    /// Env `THROUGHLINE_TEST_OPEN`: a file holding the path the open dialog answers, read
    /// at each Open so a test can change it between clicks; no file, or an empty one,
    /// answers as a cancelled dialog.
    pub open_answer: Option<PathBuf>,
}

#[cfg(debug_assertions)]
impl StandIn {
    pub fn is_set(&self) -> bool {
        self.save_dir.is_some() || self.open_answer.is_some()
    }

    /// The save dialog's answer, or `None` to ask the user.
    fn save(&self, file_name: &str) -> Option<Option<PathBuf>> {
        let folder = self.save_dir.as_ref()?;
        // Only the file name: whatever proposed it, the answer stays inside the folder.
        Some(
            std::path::Path::new(file_name)
                .file_name()
                .map(|name| folder.join(name)),
        )
    }

    /// The open dialog's answer, or `None` to ask the user.
    fn open(&self) -> Option<Option<PathBuf>> {
        let answer = self.open_answer.as_ref()?;
        let text = std::fs::read_to_string(answer).unwrap_or_default();
        let picked = text.trim();
        Some((!picked.is_empty()).then(|| PathBuf::from(picked)))
    }
}

#[cfg(debug_assertions)]
fn stand_in<R: Runtime>(window: &WebviewWindow<R>) -> Option<tauri::State<'_, StandIn>> {
    use tauri::Manager;
    window.try_state::<StandIn>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_only_when_the_typed_name_has_none() {
        assert_eq!(
            with_extension(PathBuf::from("/home/cio/board"), "html"),
            PathBuf::from("/home/cio/board.html")
        );
        assert_eq!(
            with_extension(PathBuf::from("/home/cio/board.pdf"), "html"),
            PathBuf::from("/home/cio/board.pdf"),
            "a typed extension is the user's choice"
        );
        assert_eq!(
            with_extension(PathBuf::from("/home/c.io/board"), "throughline"),
            PathBuf::from("/home/c.io/board.throughline"),
            "a dot in a folder name is not an extension"
        );
    }

    #[cfg(debug_assertions)]
    #[test]
    fn the_stand_in_saves_inside_its_folder_and_reads_its_open_answer_each_time() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let answer_file = folder.path().join("open-answer");
        let stand_in = StandIn {
            save_dir: Some(folder.path().join("saved")),
            open_answer: Some(answer_file.clone()),
        };
        assert_eq!(
            stand_in.save("../../etc/report.html"),
            Some(Some(folder.path().join("saved/report.html"))),
            "a proposed name with folders is reduced to its file name"
        );
        assert_eq!(
            stand_in.open(),
            Some(None),
            "no answer file answers as a cancelled dialog"
        );
        std::fs::write(&answer_file, "/plans/q3.json\n").expect("write the answer");
        assert_eq!(stand_in.open(), Some(Some(PathBuf::from("/plans/q3.json"))));
        assert_eq!(
            StandIn::default().save("report.html"),
            None,
            "without the test folder the real dialog is asked"
        );
    }
}
