#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# spdx.sh: every source file of the repository (C, headers, CMake, shell, Makefile, templates,
# manual pages) names its license in an SPDX-License-Identifier line near its top.
#   scripts/spdx.sh --check   list the files without one (but those in scripts/spdx-pending.txt);
#                             exit 1 if any (the CTest test spdx_headers)
#   scripts/spdx.sh --add     add the line to every file without one (but the pending ones):
#                             C: a first line /* SPDX-License-Identifier: MIT */; scripts: after
#                             the #! line; CMake, Makefile: a first # line
# Exit status 77 (skipped) outside a git checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
id="SPDX-License-Identifier: MIT"
mode=${1:-}
[ "$mode" = --check ] || [ "$mode" = --add ] || { echo "usage: spdx.sh --check | --add" >&2; exit 2; }

if ! git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  echo "spdx: skipped: not a git checkout (the files are listed by git ls-files)"
  exit 77
fi
pending=$(grep -v '^#' scripts/spdx-pending.txt || true)
missing=0
while IFS= read -r f; do
  head -n 3 "$f" | grep -q "SPDX-License-Identifier:" && continue
  grep -qxF "$f" <<< "$pending" && continue
  if [ "$mode" = --check ]; then
    echo "spdx: no SPDX-License-Identifier line in $f"
    missing=$((missing + 1))
    continue
  fi
  tmp=$f.spdx.tmp
  case $f in
    *.c | *.h | *.h.in) { echo "/* $id */"; cat "$f"; } > "$tmp" ;;
    *.1) { echo ".\\\" $id"; cat "$f"; } > "$tmp" ;;
    *)
      if head -n 1 "$f" | grep -q '^#!'; then
        { head -n 1 "$f"; echo "# $id"; tail -n +2 "$f"; } > "$tmp"
      else
        { echo "# $id"; cat "$f"; } > "$tmp"
      fi ;;
  esac
  cat "$tmp" > "$f" # keeps the file's mode
  rm -f "$tmp"
  echo "spdx: added to $f"
done < <(git ls-files -- '*.c' '*.h' '*.in' '*.cmake' '*CMakeLists.txt' '*.sh' '*.1' Makefile .ci/run)
if [ "$mode" = --check ]; then
  n=$(grep -c . <<< "$pending" || true)
  [ $missing -eq 0 ] && echo "spdx: every source file has its SPDX line ($n pending: scripts/spdx-pending.txt)"
  [ $missing -eq 0 ]
fi
