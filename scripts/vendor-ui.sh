#!/usr/bin/env bash
# Copies the page's runtime library, @fluent/bundle, from node_modules (pinned by
# package-lock.json) into ui/vendor/, where the webview can load it; rewrites it when the
# package changed. ui/vendor/ is generated, not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/@fluent/bundle/esm
dst=ui/vendor/fluent-bundle
if [ ! -f "$src/index.js" ]; then
  echo "vendor-ui: $src is missing: run npm ci (scripts/setup.sh does)" >&2
  exit 1
fi
if ! diff -rq "$src" "$dst" >/dev/null 2>&1; then
  rm -rf "$dst"
  mkdir -p ui/vendor
  cp -r "$src" "$dst"
  echo "vendor-ui: copied @fluent/bundle $(node -p "require('./node_modules/@fluent/bundle/package.json').version") into $dst"
fi
