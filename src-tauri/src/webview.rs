//! WebKitGTK settings that keep the window light and its start measurable. Tauri does not
//! expose them, so they are set on the webview it created, before its first page is painted.
//!
//! Measured on the sample plan (tests/e2e/measure.sh, Xvfb, 2 cores): with WebKit's default
//! accelerated compositing the web process draws through Mesa's software GL (llvmpipe),
//! which cost about 130 MB (PSS 472 MiB in all, 339 MiB without) and a few hundred
//! milliseconds before the first paint. The app draws flat 2D (no WebGL, no 3D
//! transforms), so compositing is off unless env `THROUGHLINE_GPU=1` asks for WebKit's
//! default, for machines where a real GPU pays off.

use tauri::{Runtime, WebviewWindow};

use crate::startup::Launch;

/// Applies the settings to `window`'s webview. They take effect on the main loop's first
/// turn, while the web process is still starting, so the page is never composited.
pub fn tune<R: Runtime>(window: &WebviewWindow<R>, launch: &Launch) {
    #[cfg(target_os = "linux")]
    {
        let (gpu, trace) = (launch.gpu, launch.trace);
        if let Err(error) = window.with_webview(move |webview| {
            linux::tune(&webview.inner(), gpu, trace);
        }) {
            eprintln!("throughline: cannot tune the webview ({error}); it will use more memory");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, launch);
}

#[cfg(target_os = "linux")]
mod linux {
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebView, WebViewExt,
    };

    pub fn tune(webview: &WebView, gpu: bool, trace: bool) {
        if let Some(settings) = WebViewExt::settings(webview) {
            if !gpu {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            // The UI's start-up milestones (ui/src/timing.ts) go to the console; with
            // `THROUGHLINE_TRACE=1` they reach stdout, where tests/e2e/measure.sh reads them.
            settings.set_enable_write_console_messages_to_stdout(trace);
        }
        // One local page and no browsing: WebKit's smallest memory and page caches.
        if let Some(context) = webview.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    }
}
