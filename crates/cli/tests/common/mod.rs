//! Running the real `throughline` binary, shared by the CLI's test files.

use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// The analysis date every test passes, so findings do not depend on today.
pub const AS_OF: &str = "2026-11-23";

/// The binary, run in `dir`.
pub fn throughline(dir: &Path) -> Command {
    let mut command = cargo_bin_cmd!("throughline");
    command.current_dir(dir);
    command
}

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    let output = throughline(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().expect("the binary exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}
