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
  # the demo network: 16 ops and its param array, each one allocation at tick 0; 1 s gives 11
  # samples (0..1000 ms)
  "$sim" --headless --run-for 1 --profile demo.json > /dev/null || fail "profile run"
  [ "$(count alloc demo.json)" = 17 ] && pass "17 allocations" || fail "allocs: $(count alloc demo.json)"
  [ "$(count free demo.json)" = 0 ] && pass "no frees" || fail "frees: $(count free demo.json)"
  [ "$(count fail demo.json)" = 0 ] && pass "no failures" || fail "fails: $(count fail demo.json)"
  [ "$(grep -c '"handed_out"' demo.json)" = 11 ] && pass "11 samples" \
    || fail "samples: $(grep -c '"handed_out"' demo.json)"
  grep -q '"format":[[:space:]]*"aleph-sim profile"' demo.json && grep -q '"arena_bytes"' demo.json \
    && grep -q '"pointer_bits"' demo.json && grep -q '"scene":[[:space:]]*"demo"' demo.json \
    && pass "header: format, scene, arena, target" || fail "header"
  # the same run twice gives the same profile
  "$sim" --headless --run-for 1 --profile demo2.json > /dev/null || fail "second run"
  cmp -s demo.json demo2.json && pass "deterministic" || fail "profiles differ"
  # a heap too small for the demo (200 bytes: one or two ENC blocks, by the build's block
  # overhead): the next allocation fails, the load is undone (a free naming each allocation);
  # the profile is still written
  printf '{"format":"aleph-sim memory plan","version":2,"host":{"heap_bytes":200,"heap_min":200,"granule":8}}' > tiny.json
  expect 1 "operator memory is exhausted" "$sim" --headless --run-for 0 --pool-plan tiny.json \
    --profile tiny_prof.json
  a=$(count alloc tiny_prof.json)
  [ "$a" -ge 1 ] && [ "$(count fail tiny_prof.json)" = 1 ] && [ "$(count free tiny_prof.json)" = "$a" ] \
    && [ "$(grep -c '"of"' tiny_prof.json)" = "$a" ] \
    && pass "tiny heap: $a allocs, 1 failure, $a frees of them" \
    || fail "tiny heap: $a $(count fail tiny_prof.json) $(count free tiny_prof.json)"
  # the tool reads it: the failure is reported
  "$tool" tiny_prof.json > tiny.txt || fail "aleph-profile on tiny: $(cat tiny.txt)"
  grep -qE "^demo +$((2 * a + 1)) +$a .* 1\$" tiny.txt \
    && pass "aleph-profile: $((2 * a + 1)) events, $a live at the peak, 1 failure" \
    || fail "tool report: $(sed -n 3p tiny.txt)"
  # the demo's figures: 17 allocations live, a plan, and a per-scene row for the demo
  "$tool" demo.json > demo.txt || fail "aleph-profile demo: $(cat demo.txt)"
  grep -qE '^demo +17 +17 ' demo.txt && pass "aleph-profile: 17 events, 17 live" \
    || fail "demo report: $(sed -n 3p demo.txt)"
  ;;

plan)
  # every scene (the real bees scenes in place, and ours) captured, the heap planned from them,
  # applied: no allocation failure anywhere; the host plan is the one that ships (the same corpus,
  # the same planner: test_memory_corpus checks core/arena_plan.c against it too)
  list=("$src"/../../scenes/*.scn)
  [ -d "$scenes" ] && list+=("$scenes"/*.scn)
  profs=()
  for s in "${list[@]}"; do
    b=$(basename "$s" .scn)
    "$sim" --headless --run-for 1 --profile "p_$b.json" "$s" > /dev/null || fail "profile $b"
    profs+=("p_$b.json")
  done
  "$tool" --plan-out plan.json --svg usage.svg "${profs[@]}" > report.txt || fail "aleph-profile: $(cat report.txt)"
  grep -q 'Planned op heap' report.txt && pass "a plan" || fail "$(cat report.txt)"
  grep -q '"avr32"' plan.json && grep -q '"host"' plan.json && pass "plan file has avr32 and host" \
    || fail "plan.json: $(cat plan.json)"
  grep -q '<polyline' usage.svg && pass "svg has polylines" || fail "svg"
  if [ -d "$scenes" ]; then
    shipped=$("$sim" --headless --run-for 0 --stats 2>&1 | sed -n 's/^memory: heap \([0-9]*\) B.*/\1/p')
    planned=$(tr -d ' \t\n' < plan.json | sed -n 's/.*"host":{"heap_bytes":\([0-9]*\),.*/\1/p')
    [ -n "$shipped" ] && [ "$shipped" = "$planned" ] && pass "the host plan is the shipped heap ($shipped B)" \
      || fail "planned host heap '$planned', shipped '$shipped'"
  fi
  for s in "${list[@]}"; do
    b=$(basename "$s" .scn)
    out=$("$sim" --headless --run-for 1 --stats --pool-plan plan.json --profile "q_$b.json" "$s" 2>&1) \
      || { fail "$b with the plan: $out"; continue; }
    if [[ "$out" == *" failures 0 "* ]] && [ "$(count fail "q_$b.json")" = 0 ]; then
      pass "$b: no allocation failures under the plan"
    else
      fail "$b: $(grep -E '^pool' <<< "$out")"
    fi
  done
  ;;

errors)
  plan='"plan":{"heap_bytes":4096,"heap_min":4096,"granule":8}'
  printf '{"format":"aleph-sim profile","version":2,%s,"events":[{"t":0}],"samples":[]}' "$plan" > badev.json
  printf '{"format":"aleph-sim profile","version":2,%s,"events":[{"t":0,"ev":"free","req":40,"cap":40,"tag":1,"of":0}],"samples":[]}' "$plan" > badof.json
  printf '{"format":"aleph-sim profile","version":7}' > version.json
  printf '{"format":"aleph-sim profile","version":2,%s,"events":[],"samples":[]}' "$plan" > empty.json
  printf '{"format":"aleph-sim profile",' > cut.json
  printf '{"format":"other"}' > other.json
  expect 2 "give one or more profiles" "$tool"
  expect 0 "usage: aleph-profile" "$tool" --help
  expect 2 "unknown option '--bogus'" "$tool" --bogus x.json
  expect 2 "--headroom needs a size" "$tool" --headroom 12Q x.json
  expect 2 "--plan-out needs a file name" "$tool" --plan-out
  cp empty.json keep.json
  ln -sf keep.json keep-link.json
  before=$(cksum < keep.json)
  expect 2 "--plan-out 'keep-link.json' names the profile 'keep.json'" "$tool" --plan-out keep-link.json keep.json
  expect 2 "--svg './keep.json' names the profile 'keep.json'" "$tool" --svg ./keep.json keep.json
  expect 2 "--plan-out and --svg name the same file 'out.x'" "$tool" --plan-out out.x --svg out.x keep.json
  [ "$(cksum < keep.json)" = "$before" ] && [ ! -e out.x ] \
    && pass "aleph-profile: a refused output leaves the profile as it was" \
    || fail "aleph-profile: the profile changed or out.x was written"
  expect 1 "no-such.json: cannot open" "$tool" no-such.json
  expect 1 "cut.json: not valid JSON" "$tool" cut.json
  expect 1 "other.json: not an aleph-sim profile" "$tool" other.json
  expect 1 "version.json: profile version" "$tool" version.json
  expect 1 "badev.json: event 0 needs" "$tool" badev.json
  expect 1 "badof.json: event 0 frees" "$tool" badof.json
  expect 1 "no allocation to plan for" "$tool" empty.json
  # aleph-sim's side: bad plan files
  mp='"format":"aleph-sim memory plan","version":2'
  printf '{%s,"host":{"heap_bytes":4096,"heap_min":8192,"granule":8}}' "$mp" > badplan.json
  printf '{%s,"avr32":{"heap_bytes":4096,"heap_min":4096,"granule":4}}' "$mp" > nohost.json
  printf '{%s,"host":{"heap_bytes":"8"}}' "$mp" > strplan.json
  printf '{%s,"host":{"heap_bytes":1000000000,"heap_min":1000000000,"granule":8}}' "$mp" > hugeplan.json
  printf '{"format":"aleph-sim pool plan","version":1,"host":{"small_block_size":128}}' > v1plan.json
  expect 2 "--pool-plan needs a file name" "$sim" --headless --pool-plan
  expect 1 "no-such-plan.json: cannot open" "$sim" --headless --run-for 0 --pool-plan no-such-plan.json
  expect 1 "not an aleph-sim memory plan" "$sim" --headless --run-for 0 --pool-plan other.json
  expect 1 "not an aleph-sim memory plan" "$sim" --headless --run-for 0 --pool-plan v1plan.json
  printf '{%s}' '"format":"aleph-sim memory plan","version":3,"host":{}' > v3plan.json
  expect 1 "memory plan version is not 2" "$sim" --headless --run-for 0 --pool-plan v3plan.json
  expect 1 "not usable" "$sim" --headless --run-for 0 --pool-plan badplan.json
  expect 1 "no \"host\" plan" "$sim" --headless --run-for 0 --pool-plan nohost.json
  expect 1 "needs \"heap_bytes\"" "$sim" --headless --run-for 0 --pool-plan strplan.json
  expect 1 "cannot hold the network tables and the op heap" "$sim" --headless --run-for 0 --pool-plan hugeplan.json
  expect 1 "no-such-dir/p.json: cannot create" "$sim" --headless --run-for 0 --profile no-such-dir/p.json
  ;;

output)
  # what aleph-profile writes arrives whole and well-formed: scene names with markup characters
  # in the SVG and the Markdown table, and a standard output that cannot be written
  name='a&b<c>"d'\''e|f'
  cp "$src/../../scenes/default.scn" "$name.scn" || fail "copy the scene"
  "$sim" --headless --run-for 1 --profile names.json "$name.scn" > /dev/null || fail "profile run"
  # a hand-written one: a backslash, a line break, a control character, bytes that are not UTF-8
  printf '{"format":"aleph-sim profile","version":2,"scene":"dir/x\\\\|y\\nz\\u0001w\xff\xe2\x82v","plan":{"heap_bytes":4096,"heap_min":4096,"granule":8},"events":[{"t":0,"ev":"alloc","req":40,"cap":40,"tag":0,"class":-1}],"samples":[{"t":0,"used":56,"handed_out":40}]}' > odd.json
  "$tool" --markdown --svg names.svg names.json odd.json > names.txt \
    || fail "aleph-profile: $(cat names.txt)"
  grep -qF '<text x="40" y="34">a&amp;b&lt;c&gt;&quot;d&apos;e|f.scn: op heap in use' names.svg \
    && grep -qF '>x\|y z&#xFFFD;w&#xFFFD;&#xFFFD;v: op heap in use' names.svg \
    && pass "svg: the names escaped" || fail "svg names: $(grep -a '<text x="40"' names.svg)"
  if command -v xmllint > /dev/null; then
    out=$(xmllint --noout names.svg 2>&1) && pass "svg parses (xmllint)" || fail "xmllint: $out"
  elif command -v python3 > /dev/null; then
    out=$(python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' names.svg 2>&1) \
      && pass "svg parses (python3 minidom)" || fail "minidom: $out"
  else
    echo "skip: no XML parser (xmllint, python3) to parse the svg"
  fi
  # the SVG scales each panel to its own peak: the in-use line of the scene reaches near the top
  top=$(grep -a -m1 '<polyline' names.svg | tr ' ' '\n' | sed -n 's/^[0-9.]*,\([0-9.]*\)$/\1/p' | sort -n | head -1)
  [ -n "$top" ] && awk -v t="$top" 'BEGIN { exit !(t < 60) }' \
    && pass "svg: the curve rises to the panel's top ($top)" || fail "svg curve flat: top y '$top'"
  # Markdown: | and \ escaped, the line break a space; every row of the table has its 8 pipes
  grep -qF "| a&b<c>\"d'e\\|f.scn | 21 | " names.txt && grep -qF '| x\\\|y z w' names.txt \
    && pass "markdown: the names escaped" || fail "markdown names: $(grep -a '^| [ax]' names.txt)"
  rows=$(LC_ALL=C grep -a '^| ' names.txt)
  bad=$(LC_ALL=C sed 's/\\[|\\]//g' <<< "$rows" | LC_ALL=C awk -F'|' 'NF != 9')
  [ "$(wc -l <<< "$rows")" = 3 ] && [ -z "$bad" ] && pass "markdown: 3 rows of 7 cells" \
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
