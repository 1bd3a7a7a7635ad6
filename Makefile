# The two commands (see README): `make run` runs the app, `make test` runs every test.
# Both install what they need first (scripts/setup.sh) on Debian or Ubuntu, as root or with sudo.
# `make bench` runs the benchmarks against jrnl (scripts/bench.sh; docs/BENCHMARKS.md).
# `make package` builds the .deb and .rpm (scripts/package.sh); `make package-test` installs
# the .deb into a bare Debian and checks it (scripts/package-test.sh; needs root). CI runs both
# after `make test`.

.PHONY: run test setup check bench package package-test

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

package: setup
	scripts/package.sh

package-test: setup
	scripts/package-test.sh
