# The two commands (see README): `make run` runs the app, `make test` runs every test.
# Both install what they need first (scripts/setup.sh) on Debian or Ubuntu, as root or with sudo.
# `make bench` runs the benchmarks against jrnl (scripts/bench.sh; docs/BENCHMARKS.md).

.PHONY: run test setup check bench

run: setup
	PATH="$$HOME/.cargo/bin:$$PATH" cargo run -p keel-desktop

test: setup
	scripts/check.sh

setup:
	scripts/setup.sh

check:
	scripts/check.sh

bench:
	scripts/bench.sh
