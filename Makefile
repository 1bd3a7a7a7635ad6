# The two commands (see README): `make run` runs the app, `make test` runs every test.
# Both install what they need first (scripts/setup.sh) on Debian or Ubuntu, as root or with sudo.

.PHONY: run test setup check

run: setup
	PATH="$$HOME/.cargo/bin:$$PATH" cargo run -p keel-desktop

test: setup
	scripts/check.sh

setup:
	scripts/setup.sh

check:
	scripts/check.sh
