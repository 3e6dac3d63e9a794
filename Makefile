# The two commands of the README's quick start, and the steps they are made of.
#   make run    sets up what is missing, builds, opens the app on its default plan
#   make test   sets up what is missing, runs every test (Rust, UI, end-to-end)
# Every step is idempotent; `scripts/setup.sh` does nothing when all is installed.

# One feature set for every cargo call, so that tests, the app binary the end-to-end
# tests launch, and `make run` share one build instead of rebuilding each other.
APP_FEATURES := --features throughline-app/custom-protocol
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: run test setup ui lint test-rust test-ui app bench clean

run: ui
	cargo run -p throughline-app $(APP_FEATURES)

test: setup lint test-ui test-rust

setup:
	scripts/setup.sh

ui: setup
	npm --prefix ui run build

# Clippy compiles the app, which embeds ui/dist: the UI is built first.
lint: ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked $(APP_FEATURES) -- -D warnings

test-ui: setup
	npm --prefix ui test

# The binary the WebDriver tests launch (target/debug/throughline-app), with ui/dist embedded.
app: ui
	cargo build -p throughline-app --locked $(APP_FEATURES)

# --include-ignored runs the WebDriver tests of the real window, which need the app
# binary and a display: plain `cargo test` skips them.
test-rust: app
	$(XVFB) cargo test --workspace --locked $(APP_FEATURES) -- --include-ignored

# Speed targets (see README, "Performance"): not part of `make test`.
bench:
	bench/check.sh
	bench/foreign.sh
	bench/report.sh
	cargo bench -p throughline-core --bench targets

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
