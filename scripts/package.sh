#!/usr/bin/env bash
# `make package`: the release .deb and .rpm through the Tauri bundler (@tauri-apps/cli, pinned
# in package.json; its native binary comes from npm and it downloads nothing). The bundler builds
# the app's release binary itself (with the custom protocol that serves ui/ from the binary);
# the `keel` command line is built first, once, and packed beside it (src-tauri/tauri.conf.json
# > bundle > linux > files). AppImage is not built: its bundler downloads tools at build time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --locked -p keel --bin keel
npx --no-install tauri build --ci --bundles deb,rpm -- --locked
ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
