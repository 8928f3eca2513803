#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# profile_tests.sh: aleph-sim --profile / --pool-plan and tools/aleph-profile end to end.
# usage: profile_tests.sh CASE SIM PROFILE_TOOL SRCDIR WORKDIR [SHARED_SCENES]
set -u
case_name=$1 sim=$2 tool=$3 src=$4 work=$5 scenes=${6:-}
mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect CODE "message" cmd args...: exit code and a substring of stdout+stderr
expect() {
  local code=$1 msg=$2; shift 2
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" -ne "$code" ]; then fail "$* exited $rc, want $code: $out"; return; fi
  if [ -n "$msg" ] && [[ "$out" != *"$msg"* ]]; then fail "$* said '$out', want '$msg'"; return; fi
  pass "$(basename "$1") ${*:2} -> $rc"
}
count() { grep -c "\"ev\":[[:space:]]*\"$1\"" "$2"; }

case "$case_name" in

capture)
  # the demo network: 16 ops, each one allocation at tick 0; 1 s gives 11 samples (0..1000 ms)
  "$sim" --headless --run-for 1 --profile demo.json > /dev/null || fail "profile run"
  [ "$(count alloc demo.json)" = 16 ] && pass "16 allocations" || fail "allocs: $(count alloc demo.json)"
  [ "$(count free demo.json)" = 0 ] && pass "no frees" || fail "frees: $(count free demo.json)"
  [ "$(count fail demo.json)" = 0 ] && pass "no failures" || fail "fails: $(count fail demo.json)"
  [ "$(grep -c '"small_used"' demo.json)" = 11 ] && pass "11 samples" \
    || fail "samples: $(grep -c '"small_used"' demo.json)"
  grep -q '"format":[[:space:]]*"aleph-sim profile"' demo.json && grep -q '"arena_bytes"' demo.json \
    && grep -q '"pointer_bits"' demo.json && grep -q '"scene":[[:space:]]*"demo"' demo.json \
    && pass "header: format, scene, arena, target" || fail "header"
  # the same run twice gives the same profile
  "$sim" --headless --run-for 1 --profile demo2.json > /dev/null || fail "second run"
  cmp -s demo.json demo2.json && pass "deterministic" || fail "profiles differ"
  # a plan too small for the demo: 20 granules of 8 B and no small pool: two 80-byte ops take
  # 10 granules each, the 3rd fails, the load is undone (2 frees); the profile is still written
  printf '{"format":"aleph-sim pool plan","version":1,"host":{"small_block_size":8,"small_count":0,"big_block_size":8,"big_count":20}}' > tiny.json
  expect 1 "operator memory is exhausted" "$sim" --headless --run-for 0 --pool-plan tiny.json \
    --profile tiny_prof.json
  [ "$(count alloc tiny_prof.json)" = 2 ] && [ "$(count fail tiny_prof.json)" = 1 ] \
    && [ "$(count free tiny_prof.json)" = 2 ] && pass "tiny plan: 2 allocs, 1 failure, 2 frees" \
    || fail "tiny plan: $(count alloc tiny_prof.json) $(count fail tiny_prof.json) $(count free tiny_prof.json)"
  # the tool reads it: the failure is reported
  "$tool" tiny_prof.json > tiny.txt || fail "aleph-profile on tiny: $(cat tiny.txt)"
  grep -qE '^demo +5 +2 .* 1$' tiny.txt && pass "aleph-profile: 5 events, 2 ops at peak, 1 failure" \
    || fail "tool report: $(sed -n 3p tiny.txt)"
  # the demo's figures: 16 ops, a recommendation, and a per-scene row for the demo
  "$tool" demo.json > demo.txt || fail "aleph-profile demo: $(cat demo.txt)"
  grep -qE '^demo +16 +16 ' demo.txt && pass "aleph-profile: 16 events, 16 ops" \
    || fail "demo report: $(sed -n 3p demo.txt)"
  ;;

plan)
  # every scene (the real bees scenes in place, and ours) captured, one plan recommended, applied:
  # no allocation failure anywhere
  list=("$src"/../../scenes/*.scn)
  [ -d "$scenes" ] && list+=("$scenes"/*.scn)
  profs=()
  for s in "${list[@]}"; do
    b=$(basename "$s" .scn)
    "$sim" --headless --run-for 1 --profile "p_$b.json" "$s" > /dev/null || fail "profile $b"
    profs+=("p_$b.json")
  done
  "$tool" --plan-out plan.json --svg usage.svg "${profs[@]}" > report.txt || fail "aleph-profile: $(cat report.txt)"
  grep -q 'Recommended plan for the AVR32' report.txt && pass "a recommendation" || fail "$(cat report.txt)"
  grep -q '"avr32"' plan.json && grep -q '"host"' plan.json && pass "plan file has avr32 and host" \
    || fail "plan.json: $(cat plan.json)"
  grep -q '<polyline' usage.svg && pass "svg has polylines" || fail "svg"
  for s in "${list[@]}"; do
    b=$(basename "$s" .scn)
    out=$("$sim" --headless --run-for 1 --stats --pool-plan plan.json --profile "q_$b.json" "$s" 2>&1) \
      || { fail "$b with the plan: $out"; continue; }
    if [[ "$out" == *"failed allocs 0,"* ]] && [ "$(count fail "q_$b.json")" = 0 ]; then
      pass "$b: no allocation failures under the recommended plan"
    else
      fail "$b: $(grep -E '^pool' <<< "$out")"
    fi
  done
  ;;

errors)
  printf '{"format":"aleph-sim profile","version":1,"plan":{"small_block_size":128,"small_count":1,"big_block_size":128,"big_count":1},"events":[{"t":0}],"samples":[]}' > badev.json
  printf '{"format":"aleph-sim profile","version":1,"plan":{"small_block_size":128,"small_count":1,"big_block_size":128,"big_count":1},"events":[{"t":0,"ev":"alloc","pool":"small","req":40,"cap":128,"class":9999}],"samples":[]}' > badclass.json
  printf '{"format":"aleph-sim profile","version":7}' > version.json
  printf '{"format":"aleph-sim profile","version":1,"plan":{"small_block_size":128,"small_count":1,"big_block_size":128,"big_count":1},"events":[],"samples":[]}' > empty.json
  printf '{"format":"aleph-sim profile",' > cut.json
  printf '{"format":"other"}' > other.json
  expect 2 "give one or more profiles" "$tool"
  expect 0 "usage: aleph-profile" "$tool" --help
  expect 2 "unknown option '--bogus'" "$tool" --bogus x.json
  expect 2 "--margin needs a whole percentage" "$tool" --margin 200 x.json
  expect 2 "--budget needs a size" "$tool" --budget 12Q x.json
  expect 2 "--plan-out needs a file name" "$tool" --plan-out
  expect 1 "no-such.json: cannot open" "$tool" no-such.json
  expect 1 "cut.json: not valid JSON" "$tool" cut.json
  expect 1 "other.json: not an aleph-sim profile" "$tool" other.json
  expect 1 "version.json: profile version" "$tool" version.json
  expect 1 "badev.json: event 0 needs" "$tool" badev.json
  expect 1 "badclass.json: event 0: class 9999" "$tool" badclass.json
  expect 1 "hold no allocation" "$tool" empty.json
  # aleph-sim's side: bad plan files
  printf '{"format":"aleph-sim pool plan","version":1,"host":{"small_block_size":12,"small_count":2,"big_block_size":512,"big_count":1}}' > badplan.json
  printf '{"format":"aleph-sim pool plan","version":1,"avr32":{"small_block_size":8,"small_count":2,"big_block_size":512,"big_count":1}}' > nohost.json
  printf '{"format":"aleph-sim pool plan","version":1,"host":{"small_block_size":"8"}}' > strplan.json
  printf '{"format":"aleph-sim pool plan","version":1,"host":{"small_block_size":64,"small_count":1000000,"big_block_size":64,"big_count":1}}' > hugeplan.json
  expect 2 "--pool-plan needs a file name" "$sim" --headless --pool-plan
  expect 1 "no-such-plan.json: cannot open" "$sim" --headless --run-for 0 --pool-plan no-such-plan.json
  expect 1 "not an aleph-sim pool plan" "$sim" --headless --run-for 0 --pool-plan other.json
  printf '{"format":"aleph-sim pool plan","version":2,"host":{}}' > v2plan.json
  expect 1 "pool plan version is not 1" "$sim" --headless --run-for 0 --pool-plan v2plan.json
  expect 1 "not usable" "$sim" --headless --run-for 0 --pool-plan badplan.json
  expect 1 "no \"host\" plan" "$sim" --headless --run-for 0 --pool-plan nohost.json
  expect 1 "needs \"small_block_size\"" "$sim" --headless --run-for 0 --pool-plan strplan.json
  expect 1 "cannot hold the pool plan" "$sim" --headless --run-for 0 --pool-plan hugeplan.json
  expect 1 "no-such-dir/p.json: cannot create" "$sim" --headless --run-for 0 --profile no-such-dir/p.json
  ;;

output)
  # what aleph-profile writes arrives whole and well-formed: scene names with markup characters
  # in the SVG and the Markdown table, and a standard output that cannot be written
  name='a&b<c>"d'\''e|f'
  cp "$src/../../scenes/default.scn" "$name.scn" || fail "copy the scene"
  "$sim" --headless --run-for 1 --profile names.json "$name.scn" > /dev/null || fail "profile run"
  # a hand-written one: a backslash, a line break, a control character, bytes that are not UTF-8
  printf '{"format":"aleph-sim profile","version":1,"scene":"dir/x\\\\|y\\nz\\u0001w\xff\xe2\x82v","plan":{"small_block_size":128,"small_count":4,"big_block_size":128,"big_count":4},"events":[{"t":0,"ev":"alloc","pool":"small","req":40,"cap":128,"class":-1}],"samples":[{"t":0,"small_used":1,"big_used":0}]}' > odd.json
  "$tool" --markdown --svg names.svg names.json odd.json > names.txt \
    || fail "aleph-profile: $(cat names.txt)"
  grep -qF '<text x="40" y="34">a&amp;b&lt;c&gt;&quot;d&apos;e|f.scn: blocks used' names.svg \
    && grep -qF '>x\|y z&#xFFFD;w&#xFFFD;&#xFFFD;v: blocks used' names.svg \
    && pass "svg: the names escaped" || fail "svg names: $(grep -a '<text x="40"' names.svg)"
  if command -v xmllint > /dev/null; then
    out=$(xmllint --noout names.svg 2>&1) && pass "svg parses (xmllint)" || fail "xmllint: $out"
  elif command -v python3 > /dev/null; then
    out=$(python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' names.svg 2>&1) \
      && pass "svg parses (python3 minidom)" || fail "minidom: $out"
  else
    echo "skip: no XML parser (xmllint, python3) to parse the svg"
  fi
  # Markdown: | and \ escaped, the line break a space; every row of the table has its 10 pipes
  grep -qF "| a&b<c>\"d'e\\|f.scn | 20 | " names.txt && grep -qF '| x\\\|y z w' names.txt \
    && pass "markdown: the names escaped" || fail "markdown names: $(grep -a '^| [ax]' names.txt)"
  rows=$(LC_ALL=C sed -n '/^| scene |/,/^| \*\*all/p' names.txt)
  bad=$(LC_ALL=C sed 's/\\[|\\]//g' <<< "$rows" | LC_ALL=C awk -F'|' 'NF != 11')
  [ "$(wc -l <<< "$rows")" = 5 ] && [ -z "$bad" ] && pass "markdown: 5 rows of 9 cells" \
    || fail "markdown table: $rows"
  # standard output that cannot be written (a full disk): exit 1 and a message, for the report
  # and for --help; nothing wrong when standard output is fine
  for args in "names.json" "--markdown names.json" "--help"; do
    out=$("$tool" $args 2>&1 > /dev/full); rc=$?
    [ $rc = 1 ] && [[ "$out" == *"aleph-profile: standard output: No space left on device"* ]] \
      && pass "$args > /dev/full -> 1, said so" || fail "$args > /dev/full: exit $rc, said '$out'"
  done
  out=$("$tool" names.json 2>&1 >&-); rc=$?
  [ $rc = 1 ] && [[ "$out" == *"aleph-profile: standard output: "* ]] \
    && pass "closed standard output -> 1, said so" || fail "closed stdout: exit $rc, said '$out'"
  expect 1 "no-such-dir/u.svg: cannot create a temporary file in no-such-dir: No such file" \
    "$tool" --svg no-such-dir/u.svg names.json
  ;;

*)
  echo "unknown case $case_name"; exit 2 ;;
esac

[ $failures -eq 0 ] && echo "PASS $case_name" || echo "FAILED $case_name: $failures"
[ $failures -eq 0 ]
