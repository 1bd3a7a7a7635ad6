#!/usr/bin/env bash
# The benchmark command (`make bench`): Keel against jrnl and the machine's limits, side by
# side in one run. Installs what it needs (scripts/setup.sh, then jrnl 4.6 in
# target/bench/venv), builds the release CLI, app and blank Tauri window, runs the save benchmark (durable save
# against the disk's fsync floor, fsyncs counted with strace), the in-app latencies on an open
# journal of 100,000 pages, and then the comparison under a virtual display. Writes target/bench/results.json and docs/BENCHMARKS.md's sections.
# About 15 minutes on 2 cores after the builds; KEEL_BENCH_SIZES etc. (benches/compare.rs)
# make a shorter run that leaves docs/BENCHMARKS.md alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/jrnl-venv.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --locked -p keel
cargo build --release --locked -p keel-desktop --features custom-protocol
cargo build --release --locked -p keel-blank-window --features custom-protocol
cargo bench --locked --bench save
cargo bench --locked --bench inapp
dbus-run-session -- xvfb-run -a -s "-screen 0 1440x1000x24" cargo bench --locked --bench compare
