#!/usr/bin/env bash
# The packages as a person meets them (issue 21), run by .ci/run after `make test`:
#   1. a bare Debian made for the test (debootstrap --variant=minbase, the machine's own mirror
#      and suite), with nothing of Keel's build tools in it;
#   2. `apt-get install --no-install-recommends ./keel_*.deb` inside it: the declared
#      dependencies must be enough;
#   3. `keel --version`, a `keel add` / `keel show` round trip, the man page;
#   4. desktop-file-validate and appstreamcli validate --no-net on the installed files;
#   5. the installed app started under Xvfb inside the bare system (installed there after the
#      package's own checks), until it reports its first page; a screenshot of it;
#   6. `apt-get purge keel`: nothing of the package left under /usr;
#   7. `rpm -qpl` of the .rpm lists the same files as the .deb.
# Needs root (chroot, mounts). Builds the packages first unless they are there (make package).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
OUT="$REPO/target/package"
mkdir -p "$OUT"
say() { echo "package-test: $*"; }
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (it makes a chroot and mounts /proc in it)"
DEB=$(ls target/release/bundle/deb/*_amd64.deb 2>/dev/null | head -1 || true)
RPM=$(ls target/release/bundle/rpm/*.rpm 2>/dev/null | head -1 || true)
if [ -z "$DEB" ] || [ -z "$RPM" ]; then
  scripts/package.sh
  DEB=$(ls target/release/bundle/deb/*_amd64.deb | head -1)
  RPM=$(ls target/release/bundle/rpm/*.rpm | head -1)
fi
say "packages: $DEB, $RPM"

# 7 first (no chroot needed): the .rpm and the .deb hold the same files.
dpkg-deb -c "$DEB" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./||; s|^/*|/|' | sort > "$OUT/deb-files.txt"
rpm -qpl --nosignature "$RPM" 2>/dev/null | sort > "$OUT/rpm-all.txt"
# rpm lists directories it owns too; keep what is a file in the .deb's sense.
rpm -qp --nosignature --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$RPM" 2>/dev/null | awk '$1 !~ /^d/ {print $2}' | sort > "$OUT/rpm-files.txt"
diff -u "$OUT/deb-files.txt" "$OUT/rpm-files.txt" || fail "the .rpm and the .deb list different files"
say "the .deb and the .rpm hold the same $(wc -l < "$OUT/deb-files.txt") files"
for must in /usr/bin/keel /usr/bin/keel-desktop /usr/share/man/man1/keel.1 \
  /usr/share/man/de/man1/keel.1 /usr/share/man/es/man1/keel-import.1 \
  /usr/share/metainfo/org.keel.journal.metainfo.xml /usr/share/icons/hicolor/scalable/apps/keel-desktop.svg \
  /usr/share/icons/hicolor/32x32/apps/keel-desktop.png /usr/share/icons/hicolor/512x512/apps/keel-desktop.png; do
  grep -qx "$must" "$OUT/deb-files.txt" || fail "the package lacks $must"
done
dpkg-deb -f "$DEB" Depends | tee "$OUT/depends.txt"
if grep -q -- '-dev' "$OUT/depends.txt"; then fail "a -dev package among the dependencies"; fi

# 1. The bare system (cached between local runs under target/; CI starts without it).
SUITE=$(. /etc/os-release; echo "${VERSION_CODENAME:-bookworm}")
MIRROR=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE="$REPO/target/package/bare-$SUITE.tar"
ROOT=$(mktemp -d /var/tmp/keel-bare.XXXXXX)
cleanup() {
  set +e
  for m in dev/pts dev proc; do umount -l "$ROOT/$m" 2>/dev/null; done
  rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT
if [ -f "$BASE" ]; then
  tar -C "$ROOT" -xf "$BASE"
else
  say "debootstrap --variant=minbase $SUITE from $MIRROR"
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" > "$OUT/debootstrap.log" 2>&1 || { tail -20 "$OUT/debootstrap.log"; fail "debootstrap"; }
  tar -C "$ROOT" -cf "$BASE" .
fi
# The machine's own sources (its mirror), instead of the one line debootstrap wrote.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$ROOT/etc/apt/sources.list.d/"
  rm -f "$ROOT/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
# What a bare desktop has that the package need not bring: fonts.
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-dejavu-core > "$OUT/apt-fonts.log" 2>&1

# 2. The package, with its declared dependencies and nothing recommended.
find "$ROOT/usr" -xdev | sort > "$OUT/usr-before.txt"
cp "$DEB" "$ROOT/tmp/"
say "apt-get install ./$(basename "$DEB") in the bare system"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")" > "$OUT/apt-install.log" 2>&1 \
  || { tail -30 "$OUT/apt-install.log"; fail "apt-get install of the .deb"; }
in_root dpkg -L keel | sort > "$OUT/installed.txt"

# 3. The command line.
VERSION=$(in_root keel --version)
[ "$VERSION" = "keel $(dpkg-deb -f "$DEB" Version)" ] || fail "keel --version said “$VERSION”"
say "$VERSION"
in_root keel --journal /root/journal add --date 2026-12-01 --role "Installed from the package" --stress 3 >/dev/null
in_root keel --journal /root/journal show 2026-12-01 | grep -q "Installed from the package" || fail "keel show did not show the page keel add wrote"
[ -f "$ROOT/usr/share/man/man1/keel.1" ] || fail "no man page"
say "keel add / keel show round trip and the man page: ok"

# 4. The installed files, validated.
DESKTOP=$(grep -x '/usr/share/applications/.*\.desktop' "$OUT/installed.txt" | head -1)
[ -n "$DESKTOP" ] || fail "no desktop entry installed"
desktop-file-validate "$ROOT$DESKTOP" || fail "desktop-file-validate $DESKTOP"
grep -q '^Keywords=.*journal' "$ROOT$DESKTOP" || fail "the desktop entry has no keywords"
appstreamcli validate --no-net --explain "$ROOT/usr/share/metainfo/org.keel.journal.metainfo.xml" || fail "appstreamcli validate"
grep -q "<launchable type=\"desktop-id\">$(basename "$DESKTOP")</launchable>" "$ROOT/usr/share/metainfo/org.keel.journal.metainfo.xml" \
  || fail "the metainfo's launchable is not $(basename "$DESKTOP")"
say "desktop entry $(basename "$DESKTOP") and AppStream metainfo: valid"

# 5. The installed app under Xvfb inside the bare system. The display tools come after the
#    package and its checks, so they cannot have supplied a library the package failed to declare.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth x11-apps > "$OUT/apt-display.log" 2>&1 \
  || { tail -20 "$OUT/apt-display.log"; fail "installing Xvfb in the bare system"; }
EXEC=$(awk -F= '/^Exec=/ {print $2; exit}' "$ROOT$DESKTOP" | awk '{print $1}')
cat > "$ROOT/tmp/first-page.sh" <<SCRIPT
#!/bin/sh
# Inside the bare system, under xvfb-run: the app from its menu entry's Exec, until its first page.
KEEL_JOURNAL=/root/journal KEEL_REPORT_STARTUP=1 $EXEC > /tmp/app.log 2>&1 &
app=\$!
for _ in \$(seq 120); do grep -q "page shown after" /tmp/app.log && break; sleep 0.5; done
sleep 2
xwd -root -silent > /tmp/first-page.xwd
kill \$app
SCRIPT
chmod +x "$ROOT/tmp/first-page.sh"
in_root xvfb-run -a -s "-screen 0 1280x900x24" /tmp/first-page.sh > "$OUT/xvfb.log" 2>&1 || true
cp "$ROOT/tmp/app.log" "$OUT/app.log" 2>/dev/null || true
grep -q "page shown after" "$OUT/app.log" || { tail -20 "$OUT/app.log" "$OUT/xvfb.log"; fail "the installed app did not show its first page within 60 s"; }
convert "xwd:$ROOT/tmp/first-page.xwd" "$OUT/installed-app.png"
say "the installed app ($EXEC) showed its first page under Xvfb in the bare system: $(grep -o 'page shown after [0-9.]* ms' "$OUT/app.log"); screenshot $OUT/installed-app.png"

# 6. Removed, and nothing of it left under /usr.
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q keel > "$OUT/apt-purge.log" 2>&1 || fail "apt-get purge keel"
left=()
while read -r path; do
  case "$path" in /usr/*) [ -f "$ROOT$path" ] || [ -L "$ROOT$path" ] && left+=("$path");; esac
done < "$OUT/installed.txt"
[ ${#left[@]} -eq 0 ] || fail "left after purge: ${left[*]}"
stray=$(find "$ROOT/usr" -xdev -iname '*keel*' | sed "s|^$ROOT||")
[ -z "$stray" ] || fail "left under /usr after purge: $stray"
say "purged: none of its $(grep -c '^/usr/.' "$OUT/installed.txt") paths under /usr is left"
say "ok"
