//! Driving the real Throughline window through tauri-driver: a driver per test with
//! the test's environment, sessions that launch the app binary, and lookups by the
//! `data-testid`s the UI puts on what a user clicks and reads.
//!
//! The app reads its plan, config folder, date and its file dialogs' answers from the
//! environment. WebDriver cannot drive a native GTK dialog, so the tests use the stand-in
//! that debug builds of the app have (`src-tauri/src/dialogs.rs`): the app under test
//! must be a debug build, as `make test` makes it.
//! tauri-driver starts WebKitWebDriver, which starts the app, and each inherits the
//! environment of its parent: so the test sets it on the tauri-driver process.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// How long an element may take to appear or change after an action.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(15);

/// How long the app may take from launch to `app-ready`.
pub const START_TIMEOUT: Duration = Duration::from_secs(45);

/// The analysis date every e2e run uses, so findings and screenshots are reproducible.
pub const AS_OF: &str = "2026-11-23";

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/e2e sits two levels below the workspace root")
        .to_owned()
}

/// The app binary under test: env `THROUGHLINE_APP_BIN`, else the debug build, which
/// must be built with `--features custom-protocol` to embed the UI.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("THROUGHLINE_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/throughline-app"));
    let path = std::path::absolute(&path).unwrap_or(path);
    assert!(
        path.is_file(),
        "the app binary {} does not exist; build it with \
         `npm --prefix ui run build && cargo build -p throughline-app --features custom-protocol` \
         or point THROUGHLINE_APP_BIN at one",
        path.display()
    );
    check_embeds_current_ui(&path);
    path
}

/// Refuses a binary that does not embed the current `ui/dist`: a build without
/// `custom-protocol` (it would show "could not connect to localhost"), or one older
/// than the last UI build (the test would exercise a stale UI).
fn check_embeds_current_ui(binary: &Path) {
    let assets = workspace_root().join("ui/dist/assets");
    let Ok(entries) = std::fs::read_dir(&assets) else {
        panic!(
            "{} is missing: build the UI with `npm --prefix ui run build`",
            assets.display()
        );
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("index-") && name.ends_with(".js")) {
            continue;
        }
        let embedded = Command::new("grep")
            .args(["-q", "-a", "-F", &format!("/assets/{name}")])
            .arg(binary)
            .status()
            .is_ok_and(|status| status.success());
        assert!(
            embedded,
            "{} does not embed ui/dist/assets/{name}: it was built without \
             `--features custom-protocol`, or before the last UI build. Rebuild it with \
             `cargo build -p throughline-app --features custom-protocol`",
            binary.display()
        );
    }
}

/// Where screenshots go: `tests/e2e/shots/` (PNGs are git-ignored; they are evidence).
pub fn shots_dir() -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("shots");
    std::fs::create_dir_all(&folder).expect("the shots folder can be created");
    folder
}

/// The files of one test: a fresh copy of the sample plan, a config folder, the folder
/// every save dialog answers, and the file holding the open dialog's answer. Removed
/// when dropped.
#[derive(Debug)]
pub struct TestPlan {
    folder: tempfile::TempDir,
}

impl TestPlan {
    /// A new folder with `plan.throughline` holding the sample plan.
    pub fn sample() -> TestPlan {
        let folder = tempfile::Builder::new()
            .prefix("throughline-e2e-")
            .tempdir()
            .expect("a temporary folder");
        let plan = TestPlan { folder };
        std::fs::create_dir_all(plan.config_dir()).expect("config folder");
        std::fs::create_dir_all(plan.save_dir()).expect("save folder");
        throughline_core::store::Store::create(
            &plan.plan_path(),
            &throughline_core::sample::sample_plan(),
        )
        .expect("the sample plan file is written");
        plan
    }

    /// A new folder like `sample()`'s, with a copy of the plan file `plan` instead (benchmarks
    /// open big generated plans this way).
    pub fn copy_of(plan: &Path) -> TestPlan {
        let test_plan = TestPlan::sample();
        std::fs::copy(plan, test_plan.plan_path())
            .unwrap_or_else(|error| panic!("copying {}: {error}", plan.display()));
        test_plan
    }

    pub fn plan_path(&self) -> PathBuf {
        self.folder.path().join("plan.throughline")
    }

    pub fn config_dir(&self) -> PathBuf {
        self.folder.path().join("config")
    }

    /// Where every save dialog answers, with the name the app proposed.
    pub fn save_dir(&self) -> PathBuf {
        self.folder.path().join("saved")
    }

    /// A path in the test's folder, for files a test makes.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// Makes the app's next open dialog pick `path`; `None` makes it answer as cancelled.
    pub fn answer_open_dialog(&self, path: Option<&Path>) {
        let answer = path
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        std::fs::write(self.open_answer(), answer).expect("the open dialog's answer is written");
    }

    fn open_answer(&self) -> PathBuf {
        self.folder.path().join("open-answer")
    }

    /// The environment the app must see.
    pub fn environment(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("THROUGHLINE_PLAN", self.plan_path()),
            ("THROUGHLINE_CONFIG_DIR", self.config_dir()),
            ("THROUGHLINE_AS_OF", PathBuf::from(AS_OF)),
            ("THROUGHLINE_TEST_SAVE_DIR", self.save_dir()),
            ("THROUGHLINE_TEST_OPEN", self.open_answer()),
        ]
    }
}

/// A running tauri-driver on free ports. Dropping it stops it with SIGTERM, so that
/// tauri-driver stops WebKitWebDriver too (SIGKILL would orphan it, and a stale driver
/// hangs the next session), and then ends any app it left behind.
#[derive(Debug)]
pub struct Driver {
    child: Child,
    port: u16,
    /// Marks the app processes of this driver: their THROUGHLINE_CONFIG_DIR.
    marker: PathBuf,
}

impl Driver {
    /// Starts tauri-driver with `plan`'s environment and waits until it answers /status.
    pub fn start(plan: &TestPlan) -> Driver {
        Driver::start_with(plan, &[])
    }

    /// As [`Driver::start`], with more environment for the app (a window size, say).
    pub fn start_with(plan: &TestPlan, more: &[(&str, &str)]) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let mut command =
            Command::new(std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into()));
        command
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (name, value) in plan.environment() {
            command.env(name, value);
        }
        command.envs(more.iter().copied());
        let child = command.spawn().unwrap_or_else(|error| {
            panic!("tauri-driver could not start ({error}); install it with `cargo install tauri-driver --locked`")
        });
        let driver = Driver {
            child,
            port,
            marker: plan.config_dir(),
        };
        driver.wait_until_ready();
        driver
    }

    fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = http_get(self.port, "/status")
                && status.contains("\"ready\"")
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "tauri-driver did not answer /status on port {} within 20 s",
            self.port
        );
    }

    /// Opens a WebDriver session, which launches the app, and waits for `app-ready`.
    pub async fn session(&self) -> App {
        self.session_showing("app-ready").await
    }

    /// Opens a WebDriver session, which launches the app, and waits until the element
    /// with test id `shown` is there (`app-ready`, or `start-problem` for an app that
    /// could not open its plan).
    pub async fn session_showing(&self, shown: &str) -> App {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            json!({ "application": app_binary() }),
        );
        let url = format!("http://127.0.0.1:{}", self.port);
        let started = Instant::now();
        let mut builder = ClientBuilder::native();
        builder.capabilities(capabilities);
        let connecting = builder.connect(&url);
        let client = tokio::time::timeout(START_TIMEOUT, connecting)
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "no WebDriver session within {START_TIMEOUT:?}: is a display (Xvfb) running?"
                )
            })
            .unwrap_or_else(|error| panic!("the WebDriver session was refused: {error}"));
        let app = App { client };
        app.wait_for(shown, START_TIMEOUT)
            .await
            .unwrap_or_else(|error| {
                panic!(
                    "the UI did not show {shown} ({error}); a binary built without \
                     --features custom-protocol shows a 'could not connect' page instead"
                )
            });
        eprintln!(
            "e2e: session up and {shown} after {} ms",
            started.elapsed().as_millis()
        );
        app
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        signal(self.child.id(), "TERM");
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                _ => {
                    eprintln!("e2e: tauri-driver ignored SIGTERM; killing it");
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    break;
                }
            }
        }
        // An app whose session was not closed (a failed test) outlives the driver.
        for pid in processes_with_env("THROUGHLINE_CONFIG_DIR", &self.marker) {
            signal(pid, "TERM");
        }
    }
}

/// One app window driven through WebDriver.
#[derive(Debug)]
pub struct App {
    pub client: Client,
}

/// Selects the element with a `data-testid`.
pub fn test_id(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl App {
    /// Waits until the element with this test id exists.
    pub async fn wait_for(
        &self,
        id: &str,
        timeout: Duration,
    ) -> Result<Element, fantoccini::error::CmdError> {
        self.client
            .wait()
            .at_most(timeout)
            .for_element(Locator::Css(&test_id(id)))
            .await
    }

    /// The element with this test id, waiting for it.
    pub async fn element(&self, id: &str) -> Element {
        self.wait_for(id, STEP_TIMEOUT)
            .await
            .unwrap_or_else(|error| panic!("[data-testid={id}] should appear: {error}"))
    }

    /// Whether an element with this test id exists now.
    pub async fn exists(&self, id: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(&test_id(id)))
            .await
            .unwrap_or_default()
            .is_empty()
    }

    /// The rendered text (`innerText`) of the element with this test id, waiting for it.
    ///
    /// Read through JavaScript rather than WebDriver's element text: WebKitWebDriver's
    /// "is displayed" check calls a visible button with `overflow: hidden` (the plan
    /// name) hidden and then reports its text as empty.
    pub async fn text(&self, id: &str) -> String {
        self.element(id).await;
        self.inner_text(id)
            .await
            .unwrap_or_else(|| panic!("[data-testid={id}] disappeared while reading it"))
    }

    async fn inner_text(&self, id: &str) -> Option<String> {
        let value = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
                vec![json!(test_id(id))],
            )
            .await
            .ok()?;
        value.as_str().map(str::to_owned)
    }

    /// Clicks the element, first scrolling it to the middle of its scroll area: WebDriver
    /// only scrolls until an element is partly in view, and a row half under a header
    /// then counts as not interactable.
    pub async fn click(&self, id: &str) {
        let element = self.element(id).await;
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });",
                vec![json!(element)],
            )
            .await;
        if let Err(error) = element.click().await {
            let shot = self.screenshot(&format!("failed-click-{id}")).await;
            panic!(
                "clicking [data-testid={id}]: {error:?} (screenshot {})",
                shot.display()
            );
        }
    }

    /// Picks the other end of a new link in the inspector's link form: types its id into
    /// the type-ahead and clicks its match, which is listed only if the rules allow it.
    pub async fn pick_link_target(&self, id: &str) {
        self.fill("link-add-target", id).await;
        self.click(&format!("link-option-{id}")).await;
    }

    /// Replaces an input's text.
    pub async fn fill(&self, id: &str, text: &str) {
        let element = self.element(id).await;
        element
            .clear()
            .await
            .unwrap_or_else(|error| panic!("clearing [data-testid={id}]: {error}"));
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|error| panic!("typing into [data-testid={id}]: {error}"));
    }

    /// Picks the option with this value in a select, then lets the UI render the change.
    ///
    /// WebKitWebDriver selects an option it has selected before in the same select
    /// without firing `change`, so React never hears of it (seen with the link target
    /// after the link kind reset it). The `change` event a user's choice fires is
    /// therefore sent once more; React takes a repeated value as no change.
    pub async fn select(&self, id: &str, value: &str) {
        let element = self.element(id).await;
        element
            .clone()
            .select_by_value(value)
            .await
            .unwrap_or_else(|error| panic!("choosing {value:?} in [data-testid={id}]: {error}"));
        let chosen = self
            .client
            .execute(
                "const s = arguments[0]; \
                 if (s.value !== arguments[1]) return s.value; \
                 s.dispatchEvent(new Event('change', { bubbles: true })); return s.value;",
                vec![json!(element), json!(value)],
            )
            .await
            .unwrap_or_else(|error| panic!("reading [data-testid={id}]: {error}"));
        assert_eq!(
            chosen.as_str(),
            Some(value),
            "[data-testid={id}] should hold the chosen option"
        );
        self.settle().await;
    }

    /// Waits until the page has painted once more (or 250 ms, if it does not paint).
    pub async fn settle(&self) {
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 const timer = setTimeout(done, 250); \
                 requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); done(); }));",
                vec![],
            )
            .await;
    }

    /// Waits until the button with this test id can be pressed.
    pub async fn wait_enabled(&self, id: &str, why: &str) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        while Instant::now() < deadline {
            let enabled = self
                .client
                .execute(
                    "const e = document.querySelector(arguments[0]); return !!e && !e.disabled;",
                    vec![json!(test_id(id))],
                )
                .await;
            if matches!(enabled, Ok(Value::Bool(true))) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shot = self.screenshot(&format!("failed-enabled-{id}")).await;
        panic!(
            "[data-testid={id}] should become enabled: {why} (screenshot {})",
            shot.display()
        );
    }

    /// An attribute of the element with this test id.
    pub async fn attribute(&self, id: &str, name: &str) -> Option<String> {
        self.element(id)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|error| panic!("[data-testid={id}] attribute {name}: {error}"))
    }

    /// Waits until `holds` is true of the element's text; returns the text.
    pub async fn wait_text(&self, id: &str, what: &str, holds: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + STEP_TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Some(text) = self.inner_text(id).await {
                if holds(&text) {
                    return text;
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let shot = self.screenshot(&format!("failed-text-{id}")).await;
        panic!(
            "[data-testid={id}] should {what}; its text stayed {last:?} (screenshot {})",
            shot.display()
        );
    }

    /// Waits until an element with this test id appears (`true`) or is gone (`false`).
    pub async fn wait_presence(&self, id: &str, present: bool, why: &str) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        while Instant::now() < deadline {
            if self.exists(id).await == present {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let state = if present { "appear" } else { "go away" };
        let shot = self.screenshot(&format!("failed-presence-{id}")).await;
        panic!(
            "[data-testid={id}] should {state}: {why} (screenshot {})",
            shot.display()
        );
    }

    /// Drags with the real pointer from the element `from` to the element `to`, released at
    /// `offset` pixels from `to`'s centre, moving in steps as a hand does (the map highlights
    /// drop targets while the pointer moves).
    pub async fn drag(&self, from: &str, to: &str, offset: (f64, f64)) {
        let source = self.element(from).await;
        let target = self.element(to).await;
        let steps = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: source,
                duration: Some(Duration::from_millis(50)),
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(100)),
                x: 12.0,
                y: 12.0,
            })
            .then(PointerAction::MoveToElement {
                element: target.clone(),
                duration: Some(Duration::from_millis(300)),
                x: offset.0 + 4.0,
                y: offset.1 + 4.0,
            })
            .then(PointerAction::MoveToElement {
                element: target,
                duration: Some(Duration::from_millis(100)),
                x: offset.0,
                y: offset.1,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(steps)
            .await
            .unwrap_or_else(|error| {
                panic!("dragging from [data-testid={from}] to [data-testid={to}]: {error}")
            });
        let _ = self.client.release_actions().await;
        self.settle().await;
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn script(&self, source: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(source, args)
            .await
            .unwrap_or_else(|error| panic!("script failed: {error}"))
    }

    /// Runs asynchronous JavaScript: the last argument is the callback to call with the result.
    pub async fn script_async(&self, source: &str) -> Value {
        self.client
            .execute_async(source, vec![])
            .await
            .unwrap_or_else(|error| panic!("async script failed: {error}"))
    }

    /// Saves a screenshot of the window to `tests/e2e/shots/<name>.png` as evidence.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|error| panic!("screenshot {name}: {error}"));
        let path = shots_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("the screenshot is written");
        path
    }

    /// Ends the session, which closes the app window and ends the app.
    pub async fn close(self) {
        self.client
            .close()
            .await
            .unwrap_or_else(|error| panic!("ending the session: {error}"));
    }
}

/// A TCP port nobody listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free local port")
}

/// A plain HTTP GET to the local driver; `None` while it is not listening yet.
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

/// Sends a signal to one process by id, through `kill` (this crate has no unsafe code).
fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .stderr(Stdio::null())
        .status();
}

/// The ids of this user's processes whose environment has `name=value`.
pub fn processes_with_env(name: &str, value: &Path) -> Vec<u32> {
    let wanted = format!("{name}={}", value.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|environ| {
                environ
                    .split(|byte| *byte == 0)
                    .any(|variable| variable == wanted.as_bytes())
            })
        })
        .collect()
}
