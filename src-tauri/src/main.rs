//! The `throughline-app` binary: everything lives in the library so tests can build the app too.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    throughline_app::run();
}
