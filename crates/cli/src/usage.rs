//! Command-line mistakes reported the way every other error is: one line on stderr.

use std::process::ExitCode;

use clap::error::ErrorKind;

/// Prints help and version as clap does; turns a usage error into one line,
/// `throughline: <what is wrong>; try 'throughline --help'`, and the failure code.
pub fn report(error: clap::Error, clean: u8, failure: u8) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Help asked for without a subcommand is still a usage mistake.
        let code = if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            failure
        } else {
            clean
        };
        let _ = error.print();
        return ExitCode::from(code);
    }
    eprintln!(
        "throughline: {}; try 'throughline --help'",
        one_line(&error)
    );
    ExitCode::from(failure)
}

/// clap's message without its "error:" prefix, usage block and tip, on one line.
fn one_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let message = rendered
        .split("\n\n")
        .next()
        .unwrap_or(&rendered)
        .trim_start_matches("error:")
        .trim();
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
