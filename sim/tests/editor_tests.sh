#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# editor_tests.sh: bees' editor (core/ui) on aleph-sim end to end: hand-written key/encoder
# scripts replayed headless build a patch and save it from the SCENES page; the saved scene's
# network, the screens and the recordings are checked. One case per CTest test.
# usage: editor_tests.sh CASE SIM PNGDIFF ALEPH_SCENE SRCDIR WORKDIR
set -u
case_name=$1 sim=$2 pngdiff=$3 scene_tool=$4 src=$5 work=$6
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
same_png() { if "$pngdiff" "$1" "$2"; then pass "$3"; else fail "$3 ($1 vs $2)"; fi; }
has() { # has FILE TEXT WHAT
  if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: no '$2' in $1"; head -40 "$1"; fi
}

# editor_input.json, by virtual ms: 100 MODE (edit mode, SCENES page); 200-350 F2 twice, on the
# release: CLEAR the demo's user ops; 400, 450 encoder 1 +4 twice: DSP, then OPS; 500-700 ALT +
# encoder 3 -1 (eight classes back), encoder 3 -1 twice: ADD; 800-1150 F2 twice, twice: CREATE
# two ADDs (both at 12); 1200, 1250 encoder 1: INS, OUTS; 1300-1400 encoder 0 -1 three times:
# the blank line, output 19, output 18 (ADD#0's SUM); 1500-1750 encoder 3 -1 six times: target
# none -> the last param ... -> input 37 (ADD#1's B); 1800 F2 twice: CONN; 2000 F1 twice: INC
# (the routing in preset 0); 2200-2350 ALT+F0: FOLLOW to B on INS; 2400 encoder 2 +7: B = 7;
# 2500 F1 twice: INC; 2700, 2750 encoder 1: OUTS, PRESETS; 2800 F0 twice (release): STORE
# preset 0; 3000 encoder 3 +1: "100_"; 3100 encoder 1: SCENES; 3200-3450 encoder 3 +1 six
# times: '_', 'a' .. 'e'; 3500 encoder 2 +1 (the new place copies 'e'), 3550 encoder 3 -1:
# "ed"; 3600 F0 twice (press): STORE scene "ed".
script="$src/editor_input.json"

case "$case_name" in

build_and_save)
  # MODE, SCENES CLEAR, two ADDs on OPS, ADD#0.SUM -> ADD#1.B on OUTS, B = 7 on INS, both in
  # preset 0, preset 0 stored and renamed "100_", the scene named "ed" and stored
  mkdir scenes
  "$sim" --headless --replay "$script" --scene-dir scenes --record rec.json --stats \
    --screenshot end.png > stats.txt 2> err.txt || fail "replay: $(cat err.txt)"
  [ -f scenes/ed.scn ] && pass "scenes/ed.scn written" || { fail "no scene saved: $(ls scenes)"; }
  [ "$(ls -A scenes)" = "ed.scn" ] && pass "nothing else in the folder (no temporary file left)" \
    || fail "the folder holds: $(ls -A scenes)"
  "$scene_tool" check scenes/ed.scn > check.txt 2>&1 && pass "the saved scene checks ok" \
    || fail "check: $(cat check.txt)"
  "$scene_tool" info scenes/ed.scn > info.txt 2>&1 || fail "info: $(cat info.txt)"
  has info.txt "scene:       ed" "the scene is named ed"
  has info.txt "network:     14 ops" "12 system ops and two ADDs (the demo's ops were cleared)"
  has info.txt "12 ADD#0      ADD       A=0 B=0" "ADD#0 at 12"
  has info.txt "13 ADD#1      ADD       A=0 B=7" "ADD#1 at 13 with B = 7"
  has info.txt "ADD#0.SUM -> ADD#1.B" "the connection made on OUTS"
  "$scene_tool" to-json scenes/ed.scn > ed.json || fail "to-json"
  tr -d ' \n' < ed.json > ed.flat
  has ed.flat '"presets":[{"index":0,"name":"100_","ins":[{"op":"ADD#1","in":"B","value":7}],"outs":[{"from":"ADD#0","out":"SUM","to":"ADD#1","in":"B"}]' \
    "preset 0 holds B = 7 and the routing, renamed 100_"
  has stats.txt "faults 0" "no faults"
  has stats.txt "add failures 0" "no failed op creation"
  same_png end.png "$src/expected_editor_scenes.png" "SCENES page after the store matches expected_editor_scenes.png"
  # key-driven scene work is not recorded as events of its own: the recording holds the inputs
  grep -q '"scene_load"' rec.json && fail "a scene event was recorded" || pass "no scene event recorded"
  [ "$(grep -c '"type":"switch"\|"type":"encoder"' rec.json)" = "$(grep -c '"type":"switch"\|"type":"encoder"' "$script")" ] \
    && pass "the recording holds exactly the script's inputs" || fail "recorded inputs differ"
  # the same script saves the same bytes (and the recording replays to the same file)
  mkdir again
  "$sim" --headless --replay rec.json --scene-dir again > /dev/null 2>&1 || fail "replay of the recording"
  cmp -s scenes/ed.scn again/ed.scn && pass "replaying the recording saves the same scene" \
    || fail "the second save differs"
  ;;

screens)
  # the pages on the way, cut from the same script with --ticks
  mkdir scenes
  for t in 460 1960 2460 3050; do
    "$sim" --headless --replay "$script" --scene-dir scenes --ticks $t --screenshot "p$t.png" \
      || fail "replay to $t ms"
  done
  same_png p460.png "$src/expected_editor_ops.png" "OPS page (new op class +DIVR, bees' first choice)"
  same_png p1960.png "$src/expected_editor_outs.png" "OUTS page after CONN"
  same_png p2460.png "$src/expected_editor_ins.png" "INS page after FOLLOW and B = 7"
  same_png p3050.png "$src/expected_editor_presets.png" "PRESETS page editing the name"
  # MODE back to play mode: the play screen again (the demo's golden input ends in play mode)
  "$sim" --headless --replay "$src/demo_input.json" --screenshot play.png || fail "demo replay"
  same_png play.png "$src/expected_screen.png" "play mode still shows the play screen"
  ;;

recall)
  # a scene saved by the first script is recalled from the SCENES page (F1 on the release,
  # confirmed); the loaded net replaces the demo, and replaying the recording does it again
  mkdir scenes
  "$sim" --headless --replay "$script" --scene-dir scenes > /dev/null 2>&1 || fail "saving run"
  head='{"format":"aleph-sim events","version":1,"scene":"demo","events":['
  printf '%s\n%s\n' "$head" '{"t":100,"type":"switch","index":6,"value":1},
{"t":150,"type":"switch","index":6,"value":0},
{"t":200,"type":"switch","index":1,"value":1},{"t":250,"type":"switch","index":1,"value":0},
{"t":300,"type":"switch","index":1,"value":1},{"t":350,"type":"switch","index":1,"value":0},
{"t":400,"type":"switch","index":6,"value":1},{"t":450,"type":"switch","index":6,"value":0},
{"t":1000,"type":"end"}]}' > recall.json
  "$sim" --headless --replay recall.json --scene-dir scenes --record rec.json --stats > r1.txt \
    2> r1.err || fail "recall: $(cat r1.err)"
  has r1.txt "net: ops 14/128" "the recalled scene's 14 ops run"
  grep -q '"scene_load"' rec.json && fail "the recall was recorded as a scene event" \
    || pass "the recall is not an event of its own"
  "$sim" --headless --replay rec.json --scene-dir scenes --stats > r2.txt 2>&1 || fail "replay"
  cmp -s r1.txt r2.txt && pass "replaying the recording recalls the same scene" || fail "stats differ"
  # a folder without the scene: the page says so, the demo keeps running
  mkdir empty
  "$sim" --headless --replay recall.json --scene-dir empty --stats > r3.txt 2>&1 || fail "empty folder"
  has r3.txt "net: ops 16/128" "nothing to recall: the demo's 16 ops keep running"
  ;;

pool_pressure)
  # the memory that ships: the OPS page creates KRIA ops (the largest class) beside the demo until
  # the editor refuses, while the heap still holds the net twice (a reload of the scene beside
  # it); the refusal shows on the head line, and nothing is half-added
  {
    echo '{"format":"aleph-sim events","version":1,"scene":"demo","events":['
    echo '{"t":100,"type":"switch","index":6,"value":1},{"t":150,"type":"switch","index":6,"value":0},'
    echo '{"t":200,"type":"encoder","index":1,"value":4},{"t":250,"type":"encoder","index":1,"value":4},'
    # ALT + ENC3 eight classes on (DIVR -> KRIA is 10), then two single steps
    echo '{"t":300,"type":"switch","index":3,"value":1},{"t":310,"type":"encoder","index":3,"value":1},'
    echo '{"t":320,"type":"switch","index":3,"value":0},{"t":330,"type":"encoder","index":3,"value":1},'
    echo '{"t":340,"type":"encoder","index":3,"value":1},'
    t=400
    for i in 1 2 3 4; do # CREATE, confirmed: four times
      echo "{\"t\":$t,\"type\":\"switch\",\"index\":2,\"value\":1},{\"t\":$((t+5)),\"type\":\"switch\",\"index\":2,\"value\":0},"
      echo "{\"t\":$((t+10)),\"type\":\"switch\",\"index\":2,\"value\":1},{\"t\":$((t+15)),\"type\":\"switch\",\"index\":2,\"value\":0},"
      t=$((t + 20))
    done
    echo "{\"t\":$((t + 100)),\"type\":\"end\"}]}"
  } > fill.json
  "$sim" --headless --replay fill.json --stats --screenshot full.png > f.txt \
    2> f.err || fail "replay: $(cat f.err)"
  has f.txt "net: ops 17/" "one KRIA fits beside the demo's 16 ops with room to reload"
  has f.txt "add failures 0" "the others were refused before the net was touched"
  has f.txt "faults 0" "no faults"
  has f.txt "failures 0 " "and before the heap was asked"
  same_png full.png "$src/expected_editor_full.png" "the head line says memory is near full"
  ;;

*)
  echo "unknown case $case_name"; exit 2 ;;
esac

[ $failures -eq 0 ] && echo "PASS $case_name" || echo "FAILED $case_name: $failures"
[ $failures -eq 0 ]
