#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks a Debian package of aleph-sim: the files where they belong, --version on every program,
# and a headless run of an example scene from another folder, which the installed aleph-sim must
# find under its own prefix (never the source tree).
#   scripts/check-deb.sh PACKAGE.deb            unpack it (dpkg-deb -x) into a temporary folder
#                                               and run the programs there; no root needed
#   scripts/check-deb.sh --install PACKAGE.deb  dpkg -i it (root), run the installed programs
#                                               from PATH, dpkg -r it again (CI)
#   scripts/check-deb.sh --build BUILD_DIR WORK make the package first (cpack -G DEB in
#                                               BUILD_DIR, into WORK), then as the first form
# Exit status 0 when every check passes, 1 with the failed check named.
set -euo pipefail
fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
pass() { echo "check-deb: ok: $*"; }

mode=unpack
if [ "${1:-}" = --install ]; then
  mode=install; shift
elif [ "${1:-}" = --build ]; then
  [ $# -eq 3 ] || fail "usage: check-deb.sh --build BUILD_DIR WORK_DIR"
  build=$2 work=$3
  rm -rf "$work" && mkdir -p "$work"
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; }
  set -- "$work"/aleph-sim_*.deb
  [ -f "$1" ] || fail "cpack made no aleph-sim_*.deb in $work"
  pass "cpack -G DEB made $(basename "$1")"
fi
[ $# -eq 1 ] && [ -f "$1" ] || fail "usage: check-deb.sh [--install] PACKAGE.deb"
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

# the package's metadata and files
info=$(dpkg-deb --info "$deb") || fail "dpkg-deb --info"
grep -q '^ Package: aleph-sim$' <<<"$info" || fail "package name is not aleph-sim"
grep -q '^ Depends: .*libsdl2' <<<"$info" && pass "Depends: $(grep '^ Depends:' <<<"$info" | cut -c11-)" \
  || echo "check-deb: note: no Depends on libsdl2 (built without dpkg-shlibdeps?)"
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for f in ./usr/bin/aleph-sim ./usr/bin/aleph-scene ./usr/bin/aleph-profile \
         ./usr/share/aleph-sim/scenes/default.scn ./usr/share/aleph-sim/scenes/sequencer.scn \
         ./usr/share/aleph-sim/scenes/generative.scn ./usr/share/man/man1/aleph-sim.1 \
         ./usr/share/man/man1/aleph-scene.1 ./usr/share/man/man1/aleph-profile.1 \
         ./usr/share/doc/aleph-sim/README.md ./usr/share/doc/aleph-sim/LICENSE \
         ./usr/share/doc/aleph-sim/docs/osc.md; do
  grep -qxF "$f" <<<"$contents" || fail "the package has no $f"
done
pass "programs, example scenes, manual pages and docs where they belong"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ $mode = install ]; then
  dpkg -i "$deb" > "$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i"; }
  trap 'dpkg -r aleph-sim > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  bin=/usr/bin prefix=/usr
else
  dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x"
  bin=$tmp/root/usr/bin prefix=$tmp/root/usr
fi

for p in aleph-sim aleph-scene aleph-profile; do
  v=$("$bin/$p" --version) || fail "$p --version exited $?"
  [[ $v == "$p "[0-9]*" (git "*")" ]] || fail "$p --version printed '$v'"
done
pass "--version: $v"

# from a folder with no scenes in it: the examples come from the package's prefix
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
"$bin/aleph-sim" --help | tr '\n' ' ' | grep -qF "$prefix/share/aleph-sim/scenes" \
  || fail "aleph-sim --help does not name $prefix/share/aleph-sim/scenes as the examples' folder"
"$bin/aleph-sim" --headless --run-for 2 --stats --screenshot shot.png sequencer > stats.txt \
  || fail "aleph-sim --headless --run-for 2 sequencer (exit $?)"
[ -s shot.png ] || fail "no screenshot written"
if "$bin/aleph-sim" --headless --run-for 0 no-such-example > /dev/null 2>&1; then
  fail "aleph-sim ran a scene named no-such-example"
fi
"$bin/aleph-scene" check "$prefix/share/aleph-sim/scenes/default.scn" > /dev/null \
  || fail "aleph-scene check of the installed default.scn"
pass "headless run of the example 'sequencer' from $(pwd), found in $prefix/share/aleph-sim/scenes"
