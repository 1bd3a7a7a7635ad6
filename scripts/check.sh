#!/usr/bin/env bash
# Every check the project has, in one command (the README's test command runs this after
# setup): formatting, clippy with -D warnings, the layering rule, the front-end type check and
# unit tests, then every Rust test (unit, integration, the crash test, the IPC tests and the
# generated-types check, and the end-to-end tests in the real window under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "layering: the core (package keel) must not depend on tauri"
if cargo tree -p keel -e normal,build --prefix none | grep -E '^tauri' ; then
  echo "FAIL: the core depends on tauri (cargo tree -p keel -i tauri says how)"; exit 1
fi
echo "ok: no tauri in keel's dependency tree"

step "layering: the desktop app does not link the command line's crates"
if cargo tree -p keel-desktop -e normal,build --prefix none | grep -E '^(clap|rpassword) ' ; then
  echo "FAIL: keel-desktop depends on the CLI's crates (build keel with default-features = false)"; exit 1
fi
echo "ok: no clap or rpassword in keel-desktop's dependency tree"
echo "(the core's module cycles and sled outside the store: tests/architecture, run with the tests)"

step "front end: type check (tsc --noEmit over ui/, JSDoc types, generated bindings)"
npx --no-install tsc -p tsconfig.json
echo "ok"

step "front end: unit tests (node --test)"
node --test ui/tests/

step "clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "build (the desktop binary the end-to-end tests launch)"
cargo build --workspace --all-targets --locked

step "tests: unit, integration, crash, IPC, bindings, end to end (Xvfb)"
# A D-Bus session bus for the single-instance hand-over, a virtual display for the window.
dbus-run-session -- xvfb-run -a -s "-screen 0 1440x1000x24" cargo test --workspace --locked
