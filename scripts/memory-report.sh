#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# memory-report.sh: docs/memory.md's corpus tables, measured again: test_memory_corpus --markdown
# --plan (every scene of scenes/ and ../shared/scenes alone in the shipped heap, the plan, the
# switches) in the host build (64-bit sizes) and, under qemu-ppc, in the powerpc build (32-bit:
# the AVR32's sizes). Writes the two reports between the markers in docs/memory.md.
#   scripts/memory-report.sh [HOST_BUILD [PPC_BUILD]]   (make memory-report builds both first)
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-build} ppc=${2:-build-ppc}
scenes=$PWD/scenes shared=$PWD/../shared/scenes
doc=docs/memory.md
[ -x "$host/tests/test_memory_corpus" ] || { echo "memory-report: build $host first (make build)" >&2; exit 1; }
[ -d "$shared" ] || { echo "memory-report: $shared (the real bees scenes) not found" >&2; exit 1; }
run() { "$@" "scenes=$scenes" "bees=$shared" --markdown --plan; }
# the report's lines as a list, its table as a table (blank lines around it)
tidy() {
  sed -n "/^core's memory/,\$p" | grep -v '^test_memory_corpus:' | grep -v '^$' |
    awk '/^\|/ { if (!t) print ""; t = 1; print; next } { if (t) print ""; t = 0; print "- " $0 }'
}
{
  echo '<!-- memory-report begin: scripts/memory-report.sh writes what is between these lines -->'
  echo
  echo "Host (x86-64, this build's sizes), \`$host/tests/test_memory_corpus --markdown\`:"
  echo
  run "$host/tests/test_memory_corpus" | tidy
  echo
  if [ -x "$ppc/tests/test_memory_corpus" ] && command -v qemu-ppc > /dev/null; then
    echo "AVR32 (32-bit big-endian powerpc under qemu: the AVR32's sizes), \`qemu-ppc -L /usr/powerpc-linux-gnu $ppc/tests/test_memory_corpus --markdown\`:"
    echo
    run qemu-ppc -L /usr/powerpc-linux-gnu "$ppc/tests/test_memory_corpus" | tidy
  else
    echo "(the 32-bit report needs the powerpc build and qemu-ppc: make test-ppc)"
  fi
  echo
  echo '<!-- memory-report end -->'
} > memory-report.tmp
awk -v f=memory-report.tmp '
  /<!-- memory-report begin/ { while ((getline l < f) > 0) print l; skip = 1; next }
  /<!-- memory-report end/ { skip = 0; next }
  !skip' "$doc" > "$doc.tmp"
grep -q 'memory-report begin' "$doc.tmp" || { echo "memory-report: no markers in $doc" >&2; rm -f memory-report.tmp "$doc.tmp"; exit 1; }
mv "$doc.tmp" "$doc"
rm -f memory-report.tmp
echo "memory-report: $doc updated"
