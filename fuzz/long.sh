#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fuzz/long.sh BUILD_DIR TARGET EXECUTIONS [WORKERS] [-- LIBFUZZER_FLAG...]: one long run of a
# libFuzzer target (issue 9's goal is 10 M executions per target in one run). WORKERS processes
# (default: the number of cores) share BUILD_DIR/corpus/TARGET, as `-jobs=N -workers=N` would
# run them, but this script counts their executions together, prints progress every minute and
# stops them all (SIGINT, so each prints its final stats) once the sum reaches EXECUTIONS.
# Logs: BUILD_DIR/long/TARGET-K.log. Needs the corpus `fuzz/run.sh` (`make fuzz`) seeds.
# Exits 0 if the sum was reached with no crash, leak or timeout, 1 if a worker found one (its
# input is in BUILD_DIR/artifacts/), 2 on bad arguments, 3 if the workers stopped short.
set -uo pipefail
cd "$(dirname "$0")/.."
. fuzz/targets.sh
usage() {
  echo "usage: fuzz/long.sh BUILD_DIR TARGET EXECUTIONS [WORKERS] [-- LIBFUZZER_FLAG...]"
  echo "  TARGET: scene scene_head json net osc profile; EXECUTIONS: e.g. 10000000"
  echo "  e.g.  nice -n 10 fuzz/long.sh build-fuzz net 10000000 2"
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
[ $# -ge 3 ] || { usage >&2; exit 2; }
build=$1 target=$2 goal=$3
shift 3
workers=$(nproc)
if [ $# -gt 0 ] && [ "$1" != "--" ]; then workers=$1; shift; fi
[ "${1:-}" = "--" ] && shift
[[ " ${fuzz_targets[*]} " == *" $target "* ]] || {
  echo "fuzz/long.sh: unknown target '$target'" >&2; usage >&2; exit 2; }
[[ "$goal" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz/long.sh: EXECUTIONS must be a positive number, not '$goal'" >&2; exit 2; }
[[ "$workers" =~ ^[1-9][0-9]?$ ]] || { echo "fuzz/long.sh: WORKERS must be 1..99, not '$workers'" >&2; exit 2; }
bin="$build/fuzz_$target"
[ -x "$bin" ] || { echo "fuzz/long.sh: no $bin: build the targets first (make fuzz)" >&2; exit 2; }
[ -d "$build/corpus/$target" ] || {
  echo "fuzz/long.sh: no $build/corpus/$target: seed it first (make fuzz, or fuzz/run.sh $build 20 $target)" >&2
  exit 2
}
mapfile -t flags < <(fuzz_flags "$target" long)
mkdir -p "$build/long" "$build/artifacts"
logs=() pids=()
for ((k = 1; k <= workers; k++)); do
  log="$build/long/$target-$k.log"
  # each worker may run up to the whole goal; the sum stops them
  "$bin" -runs="$goal" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target-" "${flags[@]}" "$@" "$build/corpus/$target" \
    >"$log" 2>&1 &
  pids+=($!) logs+=("$log")
done
trap 'kill -INT "${pids[@]}" 2>/dev/null' INT TERM
echo "fuzz_$target: $workers workers until $goal executions in all; logs $build/long/$target-*.log"

# the last "#N" status line of a log: executions so far
last_count() { tail -c 8192 "$1" | grep -a -o '^#[0-9]*' | tail -n 1 | tr -d '#'; }
last_cov() { tail -c 8192 "$1" | grep -a -o 'cov: [0-9]*' | tail -n 1 | tr -dc '0-9'; }
# how many workers still run
running() {
  local p n=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && n=$((n + 1)); done
  echo $n
}
start=$(date +%s) next=$((start + 60)) sum=0 stopped=0
while [ "$(running)" -gt 0 ]; do
  sleep 5
  # a worker that ended before the goal found something (or failed): stop the others
  if [ "$(running)" -lt "$workers" ] && [ $stopped -eq 0 ]; then
    kill -INT "${pids[@]}" 2>/dev/null
    stopped=1
  fi
  sum=0 cov=0
  for log in "${logs[@]}"; do
    n=$(last_count "$log") c=$(last_cov "$log")
    sum=$((sum + ${n:-0}))
    [ "${c:-0}" -gt "$cov" ] && cov=$c
  done
  now=$(date +%s)
  if [ "$sum" -ge "$goal" ] && [ $stopped -eq 0 ]; then
    kill -INT "${pids[@]}" 2>/dev/null
    stopped=1
  elif [ "$now" -ge "$next" ] && [ $stopped -eq 0 ]; then
    el=$((now - start)) rate=$((sum / (now - start)))
    eta=$([ "$rate" -gt 0 ] && echo "$(((goal - sum) / rate / 60)) min" || echo "?")
    printf '  %d min: %d executions (%d/s), cov %d, about %s to go\n' $((el / 60)) "$sum" "$rate" "$cov" "$eta"
    next=$((now + 60))
  fi
done
status=0 total=0
for ((k = 0; k < workers; k++)); do
  wait "${pids[$k]}"
  rc=$?
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "${logs[$k]}")
  total=$((total + ${n:-0}))
  # 0: -runs reached; 72: libFuzzer's exit on SIGINT; anything else is a finding or a failure
  if [ $rc -ne 0 ] && [ $rc -ne 72 ]; then
    echo "  worker $((k + 1)) FAILED (exit $rc): see ${logs[$k]} and $build/artifacts/"
    grep -a -E "ERROR|REQUIRE|SUMMARY|fault" "${logs[$k]}" | head -n 10
    status=1
  fi
done
el=$(($(date +%s) - start))
echo "fuzz_$target: $total executions in $((el / 60)) min $((el % 60)) s ($workers workers), cov $(last_cov "${logs[0]}"), corpus $(ls "$build/corpus/$target" | wc -l) files"
[ $status -eq 0 ] && [ "$total" -lt "$goal" ] && { echo "  stopped short of $goal"; status=3; }
exit $status
