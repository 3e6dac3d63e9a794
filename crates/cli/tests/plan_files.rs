//! Plan files on a real disk, through the binary: a plan open for editing is never
//! replaced, damaged files and things that are not files are refused by name, and
//! killed writers leave nothing behind for long.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{AS_OF, run, throughline};
use throughline_core::sample::sample_plan;
use throughline_core::store::Store;

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("the folder lists")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn import_force_refuses_to_replace_a_plan_open_for_editing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path();
    assert_eq!(run(dir, &["demo", "-o", "sample.json"]).code, 0);
    let plan = dir.join("plan.throughline");
    let app = Store::create(&plan, &sample_plan()).expect("the app has the plan open");
    let before = std::fs::read(&plan).expect("readable");

    let refused = run(
        dir,
        &["import", "sample.json", "-o", "plan.throughline", "--force"],
    );
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("open for editing") && refused.stderr.contains("plan.throughline"),
        "the message says the plan is open, and which: {}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read(&plan).expect("readable"),
        before,
        "the plan is untouched"
    );
    assert_eq!(
        run(dir, &["demo", "-o", "plan.throughline", "--force"]).code,
        2,
        "demo --force is refused the same way"
    );

    drop(app);
    let replaced = run(
        dir,
        &["import", "sample.json", "-o", "plan.throughline", "--force"],
    );
    assert_eq!(
        replaced.code, 0,
        "once closed, it can be replaced: {replaced:?}"
    );
    assert_eq!(names_in(dir), ["plan.throughline", "sample.json"]);
}

#[cfg(unix)]
#[test]
fn check_refuses_a_named_pipe_at_once_instead_of_waiting() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pipe = folder.path().join("plan.json");
    let made = Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let output = throughline(folder.path())
        .args(["check", "plan.json"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "it exits, refusing: {output:?}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("plan.json") && stderr.contains("not a plan file"),
        "{stderr}"
    );
}

#[test]
fn a_plan_file_cut_short_is_refused_by_every_command_that_reads_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path();
    assert_eq!(run(dir, &["demo", "-o", "plan.throughline"]).code, 0);
    let path = dir.join("plan.throughline");
    let whole = std::fs::read(&path).expect("readable");
    for cut in [1, 2] {
        std::fs::write(&path, &whole[..whole.len() - cut]).expect("cut");
        for args in [
            vec!["check", "plan.throughline"],
            vec!["export", "plan.throughline", "-o", "out.json"],
            vec!["report", "plan.throughline", "-o", "out.md"],
        ] {
            let result = run(dir, &args);
            assert_eq!(
                result.code, 2,
                "{args:?} on a file cut by {cut}: {result:?}"
            );
            assert!(
                result.stderr.contains("damaged") && result.stderr.contains("cut short"),
                "{args:?}: {}",
                result.stderr
            );
        }
        assert!(!dir.join("out.json").exists() && !dir.join("out.md").exists());
    }
}

/// A plan big enough that writing it takes a while, so kills land mid-write.
fn big_plan(dir: &Path) {
    let generated = run(
        dir,
        &[
            "generate", "--nodes", "20000", "--seed", "3", "-o", "big.json",
        ],
    );
    assert_eq!(generated.code, 0, "{generated:?}");
}

#[test]
fn leftovers_of_killed_imports_are_swept_by_the_next_write() {
    let folder = tempfile::tempdir().expect("temp dir");
    let dir = folder.path();
    big_plan(dir);
    let binary = assert_cmd::cargo::cargo_bin!("throughline");
    let mut leftovers_seen = 0;
    for round in 0..6u64 {
        let mut child = Command::new(binary)
            .current_dir(dir)
            .args(["import", "big.json", "-o", "plan.throughline", "--force"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the import starts");
        // Killed as soon as it writes, and later and later into its writing.
        let writing = (0..2000).any(|_| {
            std::thread::sleep(Duration::from_millis(5));
            names_in(dir).iter().any(|name| name.ends_with(".tmp"))
        });
        assert!(writing, "the import never started writing");
        std::thread::sleep(Duration::from_millis(20 * round));
        let _ = child.kill();
        child.wait().expect("reaped");
        leftovers_seen += names_in(dir)
            .iter()
            .filter(|name| name.starts_with(".plan.throughline."))
            .count();
    }
    assert!(
        leftovers_seen > 0,
        "the kills should have landed mid-write at least once (else this test tests nothing)"
    );
    let finished = run(
        dir,
        &["import", "big.json", "-o", "plan.throughline", "--force"],
    );
    assert_eq!(finished.code, 0, "{finished:?}");
    assert_eq!(
        names_in(dir),
        ["big.json", "plan.throughline"],
        "the finished import swept what the killed ones left"
    );
    let checked = run(
        dir,
        &[
            "check",
            "plan.throughline",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
    );
    assert!(checked.code < 2, "the plan reads: {}", checked.stderr);
    assert!(
        checked.stdout.contains("\"findings\""),
        "{}",
        checked.stdout
    );
}
