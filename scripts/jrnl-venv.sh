#!/usr/bin/env bash
# Installs jrnl 4.6 (the command-line journal Keel is measured against) in a virtual
# environment of its own, target/bench/venv, for the comparison benchmark and its smoke test.
# Idempotent; needs python3 with venv (Debian: python3-venv, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/bench/venv
JRNL_VERSION=4.6
if [ -x "$VENV/bin/jrnl" ] && "$VENV/bin/pip" show jrnl 2>/dev/null | grep -q "^Version: $JRNL_VERSION$"; then
  exit 0
fi
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  echo "jrnl-venv: installing python3-venv"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
fi
rm -rf "$VENV"
mkdir -p target/bench
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "jrnl==$JRNL_VERSION"
"$VENV/bin/jrnl" --version
