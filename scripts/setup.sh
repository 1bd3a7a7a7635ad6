#!/usr/bin/env bash
# Installs everything Keel needs to build, run and test on Debian or Ubuntu, idempotently:
# the apt packages for Tauri and the end-to-end tests, Rust (if absent), Node.js (if absent),
# tauri-driver, and the npm tools (TypeScript for the front-end type check, the Tauri CLI that
# bundles the packages).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev
  libayatana-appindicator3-dev libxdo-dev build-essential pkg-config libssl-dev
  # end-to-end tests: a virtual display, WebKit's WebDriver, process tools
  xvfb xauth webkit2gtk-driver dbus dbus-x11 procps curl ca-certificates
  # the app crash test checks with strace that a save is fsynced before it is acknowledged
  strace
  # jrnl (the benchmark's peer) goes into a Python virtual environment; GNU time reads each
  # measured command's peak memory
  python3 python3-venv time
  # the package test (scripts/package-test.sh): a bare Debian to install into, the validators
  # of desktop entries and AppStream metadata, rpm to read the .rpm, a screenshot of the display
  debootstrap desktop-file-utils appstream rpm imagemagick
  # the reminders' tests: dbus-daemon for a private session bus (dbus, above), and
  # systemd-analyze to verify the background timer's units
  systemd
  # sync's end-to-end test: two real Syncthing peers on loopback (tests/syncthing)
  syncthing
)
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
  echo "setup: installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
fi
export PATH="$HOME/.cargo/bin:$PATH"
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt 2>/dev/null || true

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm tools"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The page's one library, @fluent/bundle (its words, issue 19), is served from ui/vendor/: the
# app has no bundler, and the webview loads only what is under ui/. Copied from the npm package
# the lock file pins, never edited; ui/vendor/ is not committed.
scripts/vendor-ui.sh

# jrnl 4.6, for the comparison benchmark and its smoke test (tests/bench_smoke.rs).
scripts/jrnl-venv.sh >/dev/null
