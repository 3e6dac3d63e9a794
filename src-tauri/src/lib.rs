//! Throughline's desktop shell: builds the Tauri app around the core. The builder is
//! generic over the runtime so tests drive the real commands on the mock runtime.

pub mod commands;
pub mod dialogs;
pub mod error;
pub mod file_names;
pub mod models;
pub mod recent;
pub mod scenario;
pub mod startup;
pub mod state;
pub mod webview;
pub mod what_if_commands;

// They answer the file dialogs through the stand-in, which only debug builds have.
#[cfg(all(test, debug_assertions))]
mod ipc_tests;

use tauri::{Manager, Runtime};

use crate::startup::{Launch, SAMPLE_FILE_NAME};
use crate::state::AppState;

/// Starts the app on this process's arguments and environment; returns when it closes.
pub fn run() {
    let app = configure(tauri::Builder::default(), Launch::from_environment())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                app.state::<AppState>().close();
            }
        }),
        Err(error) => {
            eprintln!("throughline: the app could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// Adds the dialog plugin (for Rust's own use: the webview has no `dialog:` permission),
/// the commands, and a setup step that opens the start plan.
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, launch: Launch) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::current_plan,
            commands::open_plan,
            commands::open_recent,
            commands::new_plan,
            commands::save_plan_as,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::export_report,
            commands::share_brief,
            commands::open_read_only,
            commands::open_sample,
            commands::import_plan,
            commands::save_spreadsheet_template,
            commands::roadmap,
            what_if_commands::list_baselines,
            what_if_commands::take_baseline,
            what_if_commands::compare_baseline,
            what_if_commands::compare_file,
            what_if_commands::compare_file_again,
            what_if_commands::start_scenario,
            what_if_commands::discard_scenario,
            what_if_commands::apply_scenario,
            what_if_commands::what_if_impact,
            what_if_commands::apply_what_if,
        ])
        .setup(move |app| {
            // The config's windows exist by now; their pages have not been painted yet.
            for window in app.webview_windows().values() {
                webview::tune(window, &launch);
                if let Some((width, height)) = launch.window_size {
                    window.set_size(tauri::LogicalSize::new(width, height))?;
                }
            }
            install(app.handle(), &launch)?;
            Ok(())
        })
}

/// Builds the state, starts opening the start plan (on another thread: the first command
/// waits for it), and hands the state to the app. A plan that cannot be opened does not
/// stop the app: the error is kept for `current_plan`, and the UI offers Open and New.
///
/// The app's setup step calls this; tests on the mock runtime, which never runs the
/// setup step, call it themselves.
pub fn install<R: Runtime>(app: &tauri::AppHandle<R>, launch: &Launch) -> Result<(), tauri::Error> {
    let config_dir = match &launch.config_dir {
        Some(folder) => folder.clone(),
        None => app.path().app_config_dir()?,
    };
    let data_dir = match &launch.data_dir {
        Some(folder) => folder.clone(),
        None => app.path().app_data_dir()?,
    };
    let state = AppState::new(config_dir, launch.as_of());
    #[cfg(debug_assertions)]
    if launch.dialog_stand_in.is_set() {
        app.manage(launch.dialog_stand_in.clone());
    }
    let chosen = startup::choose(
        launch,
        state.last_opened().as_deref(),
        &data_dir.join(SAMPLE_FILE_NAME),
    );
    state.set_sample(data_dir.join(SAMPLE_FILE_NAME));
    state.open_in_background(move || startup::open(&chosen));
    app.manage(state);
    app.manage(what_if_commands::ComparedFile::default());
    Ok(())
}
