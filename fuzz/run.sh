#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fuzz/run.sh BUILD_DIR SECONDS [TARGET...]: builds the seed corpora (from scenes/ and, when
# present, ../shared/scenes: read in place, never copied into the repository; plus the
# regression inputs in tests/fuzz-cases/TARGET) and runs each libFuzzer target for SECONDS
# (targets: scene scene_head json net osc profile; default all). Corpora grow in BUILD_DIR/corpus/TARGET across runs; crashes go
# to BUILD_DIR/artifacts/. Exits non-zero if any target found a crash, a leak or a timeout.
# `make fuzz` runs it with 20 s per target; fuzz/long.sh runs one target toward N executions.
set -uo pipefail
cd "$(dirname "$0")/.."
. fuzz/targets.sh
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
secs=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${fuzz_targets[@]}")
for t in "${fuzz_targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  [ -d "tests/fuzz-cases/$t" ] && find "tests/fuzz-cases/$t" -type f ! -name 'README*' \
    -exec cp -n {} "$build/corpus/$t/" \;
done
mkdir -p "$build/artifacts"
shared=()
[ -d ../shared/scenes ] && shared=(../shared/scenes/*.scn)
"$build/fuzz_seeds" "$build/corpus" scenes/*.scn scenes/*.json "${shared[@]}" || exit 1
status=0
for t in "${targets[@]}"; do
  mapfile -t extra < <(fuzz_flags "$t")
  log="$build/fuzz_$t.log"
  echo "fuzz_$t: ${secs} s"
  "$build/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t-" "${extra[@]}" "$build/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
  echo "  ${execs:-?} executions (${rate:-?}/s), $cov, corpus $(ls "$build/corpus/$t" | wc -l) files"
  if [ $rc -ne 0 ]; then
    echo "  FAILED (exit $rc): see $log and $build/artifacts/"
    grep -E "ERROR|REQUIRE|SUMMARY|fault" "$log" | head -n 10
    status=1
  fi
done
exit $status
