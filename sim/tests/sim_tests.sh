#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sim_tests.sh: aleph-sim end to end, one case per CTest test (see sim/tests/CMakeLists.txt).
# usage: sim_tests.sh CASE SIM PNGDIFF SRCDIR WORKDIR [SCENES]
set -u
case_name=$1 sim=$2 pngdiff=$3 src=$4 work=$5 scenes=${6:-}
mkdir -p "$work" && cd "$work" || exit 1
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect CODE "substring of stderr+stdout" args... : runs aleph-sim, checks exit code and message
expect() {
  local code=$1 msg=$2; shift 2
  local out rc
  out=$("$sim" "$@" 2>&1); rc=$?
  if [ "$rc" -ne "$code" ]; then fail "aleph-sim $* exited $rc, want $code: $out"; return; fi
  if [ -n "$msg" ] && [[ "$out" != *"$msg"* ]]; then
    fail "aleph-sim $* said '$out', want it to mention '$msg'"; return
  fi
  pass "aleph-sim $* -> $rc"
}

# live ARGS...: aleph-sim headless with OSC on a free port in the background (stdout live.txt,
# stderr live.err); sets simpid and port, or fails the case
live() {
  "$sim" --headless --osc-port 0 "$@" > live.txt 2> live.err &
  simpid=$!
  for _ in $(seq 50); do grep -q '^osc port' live.txt 2>/dev/null && break; sleep 0.1; done
  port=$(awk '/^osc port/{print $3}' live.txt)
  [ -n "$port" ] || { fail "no port: $(cat live.err)"; kill $simpid; exit 1; }
}

same_file() {
  if cmp -s "$1" "$2"; then pass "$3"; else fail "$3 ($1 and $2 differ)"; diff "$1" "$2" | head -20; fi
}
same_png() { if "$pngdiff" "$1" "$2"; then pass "$3"; else fail "$3 ($1 vs $2)"; fi; }

case "$case_name" in

headless_stable)
  # the demo for 10 virtual seconds: the same figures every run, and pools that do not grow
  "$sim" --headless --run-for 10 --stats > a.txt || fail "run a"
  "$sim" --headless --run-for 10 --stats > b.txt || fail "run b"
  same_file a.txt b.txt "two 10 s runs print the same statistics"
  "$sim" --headless --ticks 1000 --stats > c.txt || fail "run c"
  grep '^pool' a.txt > a_pool.txt; grep '^pool' c.txt > c_pool.txt
  same_file a_pool.txt c_pool.txt "pool figures after 1 s and 10 s are the same (no growth)"
  grep -q '^time 10000 ms' a.txt && pass "virtual time 10000 ms" || fail "virtual time: $(head -1 a.txt)"
  # 5 deliveries building the demo, then 3 per CV-IN poll (ADC->ADD, ADD->MOD, MOD->ADD) each second
  grep -q 'deliveries 35,' a.txt && pass "35 deliveries in 10 s" || fail "deliveries: $(grep '^net' a.txt)"
  grep -q 'play log lines 10$' a.txt && pass "10 play lines" || fail "play lines: $(grep '^net' a.txt)"
  grep -q '^faults 0$' a.txt && pass "no faults" || fail "faults: $(tail -1 a.txt)"
  # a replay cut in pieces by --ticks gives the same state as one run to the end
  "$sim" --headless --replay "$src/demo_input.json" --stats > r1.txt || fail "replay"
  "$sim" --headless --replay "$src/demo_input.json" --ticks 5000 --stats > r2.txt || fail "replay ticks"
  same_file r1.txt r2.txt "replay to the end == replay --ticks 5000"
  ;;

screenshot_golden)
  # the demo driven by a scripted input file: screen and panel must match the checked-in images
  "$sim" --headless --replay "$src/demo_input.json" --screenshot screen.png \
    --panel-screenshot panel.png --scale 2 || fail "replay run"
  "$sim" --headless --replay "$src/demo_input.json" --screenshot screen1.png || fail "replay run"
  same_png screen1.png "$src/expected_screen.png" "screen (1:1) matches expected_screen.png"
  same_png panel.png "$src/expected_panel.png" "panel (scale 2) matches expected_panel.png"
  "$pngdiff" --differ screen1.png panel.png >/dev/null && pass "pngdiff tells images apart" \
    || fail "pngdiff --differ"
  ;;

record_replay)
  "$sim" --headless --replay "$src/demo_input.json" --record r1.json --stats \
    --screenshot s1.png > st1.txt || fail "first replay"
  "$sim" --headless --replay r1.json --record r2.json --stats --screenshot s2.png > st2.txt \
    || fail "replay of the recording"
  same_file st1.txt st2.txt "replaying a recording gives the same statistics"
  same_file r1.json r2.json "recording a replay gives the same events (batches included)"
  same_png s1.png s2.png "replaying a recording gives the same screen"
  grep -c '"enc_batch"' r1.json | grep -q '^6$' && pass "6 encoder batches recorded" \
    || fail "batches: $(grep -c enc_batch r1.json)"
  # a recording whose batches no longer match what the replay produces is reported
  sed 's/"t":150,"type":"enc_batch","index":0,"value":5/"t":150,"type":"enc_batch","index":0,"value":4/' \
    r1.json > tampered.json
  expect 1 "diverged" --headless --replay tampered.json
  # a scene loaded part-way (as OSC's /aleph/scene/load records it) is loaded again on replay
  head='{"format":"aleph-sim events","version":1,"events":['
  seq=$(cd "$src/../../scenes" && pwd)/sequencer.scn
  printf '%s{"t":300,"type":"scene_load","index":0,"value":0,"path":"%s"},{"t":900,"type":"end"}]}' \
    "$head" "$seq" > load.json
  "$sim" --headless --replay load.json --record r3.json --stats > st3.txt || fail "replay of a scene load"
  "$sim" --headless --run-for 0 --stats "$seq" > st4.txt || fail "run of the scene"
  grep -q "^net: ops $(sed -n 's/^net: ops \([0-9]*\).*/\1/p' st4.txt)/" st3.txt \
    && pass "after the replayed load the net is the scene's" || fail "ops: $(grep '^net' st3.txt)"
  grep -q "\"type\":\"scene_load\".*\"path\":\"$seq\"" r3.json \
    && pass "the re-recording keeps the load and its path" || fail "r3.json: $(grep scene_load r3.json)"
  printf '%s{"t":300,"type":"scene_load","index":0,"value":0}]}' "$head" > nopath.json
  expect 1 'event 0: a scene_load needs a "path"' --headless --replay nopath.json
  printf '%s{"t":300,"type":"scene_load","index":0,"value":0,"path":"gone.scn"}]}' "$head" > gone.json
  expect 1 "a recorded scene load failed" --headless --replay gone.json
  ;;

bad_args)
  head='{"format":"aleph-sim events","version":1,"events":['
  printf '%s{"t":5,"type":"encoder","index":7,"value":1}]}' "$head" > range.json
  printf '%s' "$head" > broken.json
  printf '{"format":"something else","version":1,"events":[]}' > other.json
  head -c 1000 /dev/zero > short.scn
  expect 0 "usage: aleph-sim" --help
  expect 2 "unknown option '--bogus'" --bogus
  expect 2 "--run-for needs a value" --run-for
  expect 2 "--run-for needs a number of seconds" --run-for abc
  expect 2 "--run-for needs a number of seconds" --run-for -1
  expect 2 "--ticks needs a whole number" --ticks 1.5
  expect 2 "give one of --run-for and --ticks" --run-for 1 --ticks 5
  expect 2 "--arena-size needs a size" --arena-size 12Q
  expect 2 "is more than the core can address: at most 4G minus one byte" --arena-size 17179869185G
  expect 2 "is more than the core can address" --arena-size 17592186044417M
  expect 2 "--arena-size 4G is more than the core can address: at most 4G minus one byte (4095M" --arena-size 4G
  expect 2 "is more than the core can address" --arena-size 99999999999999999999999
  expect 2 "an arena needs at least one byte" --arena-size 0K
  expect 2 "--arena-size needs a size" --arena-size 32i
  expect 2 "--arena-size needs a size" --arena-size " 8M"
  expect 2 "--scale needs a whole number from 1 to 16" --scale 0
  expect 2 "--scale needs a whole number from 1 to 16" --scale 17
  expect 2 "one scene file at a time" a.scn b.scn
  expect 2 "name the same file" --record x.json --replay x.json
  expect 2 "--screenshot needs a file name" --headless --screenshot
  expect 2 "--inject drives the window" --headless --inject 10:key:q
  expect 2 "--osc-port needs a port number" --osc-port 70000
  expect 2 "--osc-host needs an IPv4 address such as 127.0.0.1, not 'nowhere'" --headless --run-for 0 --osc-host nowhere
  expect 2 "--osc-host needs an IPv4 address" --osc-host
  expect 1 "no-such.scn" --headless --run-for 0 no-such.scn
  expect 1 "offset" --headless --run-for 0 short.scn
  expect 1 "no-such.json: cannot open" --headless --replay no-such.json
  expect 1 "not valid JSON" --headless --replay broken.json
  expect 1 "not an aleph-sim recording" --headless --replay other.json
  expect 1 "event 0: encoder 7 value 1 is out of range" --headless --replay range.json
  expect 1 "cannot write no-such-dir/x.png" --headless --run-for 0 --screenshot no-such-dir/x.png
  expect 1 "cannot write no-such-dir/r.json" --headless --run-for 0 --record no-such-dir/r.json
  expect 1 "cannot hold the network tables and the op heap" --headless --run-for 0 --arena-size 16K
  expect 0 "" --headless --run-for 0 --arena-size 3M
  expect 0 "" --headless --run-for 0 --arena-size 3MiB
  expect 0 "" --headless --run-for 0 --arena-size 3145728B
  # recordings: each field's own message; a replay the simulator rejects events of fails
  printf '%s{"t":5,"type":"encoder","index":0,"value":40000}]}' "$head" > value.json
  expect 1 "event 0: encoder value 40000 is out of range" --headless --replay value.json
  printf '{"format":"aleph-sim events","version":1,"tick_ms":5,"events":[]}' > tick.json
  expect 1 '"tick_ms" must be 1' --headless --replay tick.json
  printf '%s{"t":5,"type":"input","index":9999,"value":1},{"t":9,"type":"end"}]}' "$head" > rejected.json
  expect 1 "rejected 1 of the replayed events (the first: input 9999 value 1 at 5 ms)" \
    --headless --replay rejected.json
  # no output may name an input or another output (issue 22): exit 2, nothing written
  cp short.scn keep.scn
  expect 2 "--screenshot and the scene name the same file 'short.scn': an output may not overwrite an input" \
    --headless --run-for 0 --screenshot short.scn short.scn
  cmp -s short.scn keep.scn && pass "the scene is untouched" || fail "the scene was overwritten"
  ln -sf short.scn shot-link.png
  expect 2 "an output may not overwrite an input" --headless --run-for 0 --record shot-link.png short.scn
  expect 2 "--panel-screenshot and --record name the same file" --headless --run-for 0 \
    --panel-screenshot out.json --record ./out.json
  expect 2 "--record and --profile name the same file" --headless --run-for 0 --record p.json --profile p.json
  expect 2 "an output may not overwrite an input" --headless --run-for 0 --pool-plan keep.scn --profile keep.scn
  [ ! -e out.json ] && [ ! -e p.json ] && pass "no output written" || fail "outputs written"
  expect 0 "" --headless --run-for 0 --screenshot /dev/null --panel-screenshot /dev/null
  # a recording's own scene is an input too
  cp "$src/../../scenes/default.scn" d.scn
  printf '{"format":"aleph-sim events","version":1,"scene":"d.scn","events":[{"t":9,"type":"end"}]}' > rs.json
  expect 2 "--screenshot and the scene name the same file 'd.scn'" --headless --replay rs.json --screenshot d.scn
  cmp -s d.scn "$src/../../scenes/default.scn" && pass "the recording's scene is untouched" \
    || fail "the recording's scene was overwritten"
  # readers: regular files only, never blocking (a FIFO without a writer, a device)
  rm -f pipe.json; mkfifo pipe.json
  expect 1 "pipe.json: is a FIFO (named pipe), not a regular file" --headless --replay pipe.json
  expect 1 "pipe.json: is a FIFO" --headless --run-for 0 pipe.json
  expect 1 "/dev/zero: is a character device, not a regular file" --headless --run-for 0 --pool-plan /dev/zero
  expect 1 "/dev/zero: is a character device" --headless --replay /dev/zero
  # OSC beyond loopback: only when asked for by name, and then with a warning
  expect 2 "--osc-host 0.0.0.0 listens beyond this machine, with no authentication: add --osc-allow-remote" \
    --headless --run-for 0 --osc-host 0.0.0.0
  expect 2 "--osc-allow-remote goes with an --osc-host beyond this machine" --osc-allow-remote --osc
  expect 0 "warning: OSC listens on 0.0.0.0:" --headless --run-for 0.1 --osc-host 0.0.0.0 \
    --osc-allow-remote --osc-port 0 --scene-dir .
  expect 0 "" --headless --run-for 0.1 --osc-host 127.0.0.2 --osc-port 0
  ;;

safe_outputs)
  # screenshots and recordings replace their file whole (temporary file, rename): another
  # name of the old file (a hard link) keeps the old content, and no temporary file is left
  "$sim" --headless --run-for 1 --screenshot s.png --panel-screenshot p.png --record r.json \
    || fail "first run"
  cp s.png s0.png; cp p.png p0.png; cp r.json r0.json
  ln -f s.png s-link.png; ln -f p.png p-link.png; ln -f r.json r-link.json
  "$sim" --headless --replay "$src/demo_input.json" --screenshot s.png --panel-screenshot p.png \
    --record r.json || fail "second run"
  same_file s-link.png s0.png "the old screenshot's other name keeps the old image"
  same_file p-link.png p0.png "the old panel screenshot's other name keeps the old image"
  same_file r-link.json r0.json "the old recording's other name keeps the old recording"
  cmp -s s.png s0.png && fail "the screenshot was not replaced" || pass "the screenshot was replaced"
  cmp -s r.json r0.json && fail "the recording was not replaced" || pass "the recording was replaced"
  [ -z "$(ls -A | grep '^\.')" ] && pass "no temporary files left" || fail "left: $(ls -A | grep '^\.')"
  ;;

record_signals)
  # a recording survives kill -9 (every event is on disk as it happens) and SIGHUP, SIGTERM
  # and SIGINT finish it (end marker, exit 0). A live OSC session gives it events.
  command -v oscsend >/dev/null || { echo "skip: no liblo-tools"; exit 77; }
  for sig in KILL HUP TERM INT; do
    rm -f live.txt "rec-$sig.json"
    "$sim" --headless --osc-port 0 --record "rec-$sig.json" > live.txt 2> "live-$sig.err" &
    simpid=$!
    for _ in $(seq 50); do grep -q '^osc port' live.txt 2>/dev/null && break; sleep 0.1; done
    port=$(awk '/^osc port/{print $3}' live.txt)
    [ -n "$port" ] || { fail "$sig: no port: $(cat "live-$sig.err")"; kill -9 $simpid; continue; }
    for d in 1 2 3; do oscsend localhost "$port" /aleph/enc ii 0 "$d"; done
    for _ in $(seq 50); do [ "$(grep -c '"encoder"' "rec-$sig.json" 2>/dev/null)" = 3 ] && break; sleep 0.1; done
    kill -s "$sig" $simpid; wait $simpid; rc=$?
    if [ "$sig" = KILL ]; then
      [ $rc -eq 137 ] && pass "KILL: killed" || fail "KILL: exit $rc"
      out=$("$sim" --headless --replay "rec-$sig.json" --stats 2>&1); rc=$?
      [ $rc -eq 0 ] && [[ "$out" == *"no end marker"* ]] && [[ "$out" == *"input events 3 applied"* ]] \
        && pass "KILL: the recording replays its 3 events" || fail "KILL: replay exit $rc: $out"
    else
      [ $rc -eq 0 ] && pass "$sig: exit 0" || fail "$sig: exit $rc: $(cat "live-$sig.err")"
      tail -1 "rec-$sig.json" | grep -q '"type":"end"' && pass "$sig: the recording has its end marker" \
        || fail "$sig: $(tail -2 "rec-$sig.json")"
      grep -q "signal" "live-$sig.err" || grep -q "stopped at" "live-$sig.err" \
        && pass "$sig: says it stopped" || fail "$sig: $(cat "live-$sig.err")"
    fi
  done
  ;;

no_display)
  # no display: aleph-sim says so and runs headless instead (whether SDL fails, or falls back
  # to its invisible offscreen driver)
  for drv in x11 ""; do
    if [ -n "$drv" ]; then set_drv=("SDL_VIDEODRIVER=$drv"); else set_drv=(-u SDL_VIDEODRIVER); fi
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY "${set_drv[@]}" "$sim" --run-for 1 --stats 2>&1); rc=$?
    [ $rc -eq 0 ] && pass "driver '$drv': exit 0" || fail "driver '$drv': exit $rc: $out"
    [[ "$out" == *"no display"*"running headless"* ]] && pass "driver '$drv': says it runs headless" \
      || fail "driver '$drv': message: $out"
    [[ "$out" == *"time 1000 ms"* ]] && pass "driver '$drv': ran 1 virtual second" \
      || fail "driver '$drv': time: $out"
  done
  # asked for by name, the offscreen driver gives a (hidden) window (sanitizer builds check
  # leaks here too: system libraries' are suppressed by name, sim/lsan-suppressions.txt)
  out=$(env -u DISPLAY SDL_VIDEODRIVER=offscreen "$sim" --run-for 0.2 --stats 2>&1); rc=$?
  [ $rc -eq 0 ] && [[ "$out" == *"window: "*"(offscreen,"* ]] && pass "SDL_VIDEODRIVER=offscreen: window" \
    || fail "offscreen: exit $rc: $out"
  ;;

window_xvfb)
  # a real window: a synthesized mouse-wheel event over encoder 0 must change what it shows.
  # (Sanitizer builds check leaks in window sessions too: D-Bus's own leak is suppressed by
  # library name and Mesa's driver kept loaded, sim/sanitizer_hooks.c.in; ours are reported.)
  xvfb=(xvfb-run -a -s "-screen 0 1280x800x24")
  "${xvfb[@]}" "$sim" --run-for 1.5 --scale 2 --stats --screenshot w0.png --panel-screenshot p0.png \
    > w0.txt 2>&1 || fail "window run without input: $(cat w0.txt)"
  "${xvfb[@]}" "$sim" --run-for 1.5 --scale 2 --stats --screenshot w1.png --panel-screenshot p1.png \
    --inject 300:wheel:0:5 --record wrec.json > w1.txt 2>&1 || fail "window run: $(cat w1.txt)"
  grep -q '^window: ' w1.txt && pass "a window was drawn: $(grep '^window:' w1.txt)" \
    || fail "no window: $(cat w1.txt)"
  grep -q 'encoder batches 1$' w1.txt && pass "one encoder batch" || fail "batches: $(head -3 w1.txt)"
  "$pngdiff" --differ p0.png p1.png >/dev/null && pass "the window's pixels changed" \
    || fail "window capture did not change"
  "$pngdiff" --differ w0.png w1.png >/dev/null && pass "the screen changed" \
    || fail "screen did not change"
  # what the window showed is what a headless replay of its recording shows
  "$sim" --headless --replay wrec.json --scale 2 --screenshot h1.png || fail "headless replay"
  same_png w1.png h1.png "window run and headless replay show the same screen"
  # MODE (the m key) in the window opens the editor's SCENES page; a click on F0 and encoder 1
  # (the page ring, 4 detents a page: SCENES -> DSP) change what it shows, as a headless replay
  # of the window's recording shows too
  "${xvfb[@]}" "$sim" --run-for 1.5 --scale 2 --stats --screenshot e1.png --panel-screenshot ep.png \
    --inject 200:key:m,500:wheel:1:4 --record erec.json > e1.txt 2>&1 || fail "editor window run: $(cat e1.txt)"
  "$pngdiff" --differ w0.png e1.png >/dev/null && pass "MODE: the window shows an edit page" \
    || fail "the screen after MODE is the play screen"
  "$sim" --headless --replay erec.json --scale 2 --screenshot eh.png || fail "headless replay (editor)"
  same_png e1.png eh.png "the editor in the window and in a headless replay show the same page"
  # resizing: the panel takes the largest whole scale that fits (900x400 -> 3, 828x336 pixels),
  # and the knobs are still where the mouse finds them
  "${xvfb[@]}" "$sim" --run-for 1 --scale 2 --stats --inject 200:size:900:400,400:wheel:2:3 \
    --panel-screenshot rs.png > rs.txt 2>&1 || fail "resize run: $(cat rs.txt)"
  size=$(od -An -tu1 -j16 -N8 rs.png | awk '{print $3*256+$4 "x" $7*256+$8}')
  [ "$size" = 828x336 ] && pass "resized window shows the panel at scale 3" || fail "capture $size"
  grep -q 'encoder batches 1$' rs.txt && pass "wheel after resize hits encoder 2" \
    || fail "after resize: $(head -3 rs.txt)"
  # the overlay (o) opens beside the panel: the window grows by its column (136 units, scale 2:
  # 552 -> 824 pixels wide) and the knobs stay where the mouse finds them (issue 24)
  "${xvfb[@]}" "$sim" --run-for 1.2 --scale 2 --stats --inject 200:key:o,500:wheel:3:2 \
    --panel-screenshot ov.png > ov.txt 2>&1 || fail "overlay run: $(cat ov.txt)"
  size=$(od -An -tu1 -j16 -N8 ov.png | awk '{print $3*256+$4 "x" $7*256+$8}')
  [ "$size" = 824x224 ] && pass "the window grew for the overlay" || fail "capture with overlay $size"
  grep -q 'encoder batches 1$' ov.txt && pass "a knob is still reachable with the overlay on" \
    || fail "with the overlay: $(head -3 ov.txt)"
  # sound: SDL's disk driver stands in for a sound card (48 kHz float stereo into a file):
  # default.scn's aleph-waves plays; with v (mute) pressed at once the rest is silence
  scene="$src/../../scenes/default.scn"
  nonzero() { od -An -v -tf4 "$1" | awk '{for (i = 1; i <= NF; i++) if ($i != 0) n++} END {print n + 0}'; }
  SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=snd.raw "${xvfb[@]}" "$sim" --run-for 1.5 --stats "$scene" \
    > snd.txt 2>&1 || fail "sound run: $(cat snd.txt)"
  if grep -q 'no sound card' snd.txt; then
    echo "SKIPPED sound card checks: $(grep 'no sound card' snd.txt)"
  else
    [ "$(nonzero snd.raw)" -gt 1000 ] && pass "the sound card got the module's sound" \
      || fail "snd.raw is silent ($(stat -c %s snd.raw) bytes)"
    grep -q '^dsp: module aleph-waves.ldr, RUNNING as waves; .* underruns [0-9]*$' snd.txt \
      && pass "dsp: $(grep -o 'underruns [0-9]*' snd.txt)" || fail "dsp line: $(grep '^dsp' snd.txt)"
    SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=mute.raw "${xvfb[@]}" "$sim" --run-for 1 \
      --inject 0:key:v "$scene" > mute.txt 2>&1 || fail "mute run: $(cat mute.txt)"
    # (the key arrives with the first loop's events, after the queue's first 50 ms)
    total=$(( $(stat -c %s mute.raw) / 4 ))
    [ "$total" -gt 50000 ] && [ "$(nonzero mute.raw)" -le 10000 ] && pass "v mutes the sound" \
      || fail "muted run played $(nonzero mute.raw) non-zero samples of $total"
  fi
  # the p key writes the next aleph-sim-N.png that does not exist: an earlier shot stays
  rm -f aleph-sim-*.png; echo precious > aleph-sim-1.png
  "${xvfb[@]}" "$sim" --run-for 1 --inject 200:key:p > shot.txt 2>&1 || fail "p run: $(cat shot.txt)"
  grep -q 'wrote aleph-sim-2.png' shot.txt && [ "$(cat aleph-sim-1.png)" = precious ] \
    && od -An -c -N4 aleph-sim-2.png | grep -q 'P   N   G' \
    && pass "p writes aleph-sim-2.png beside an existing aleph-sim-1.png" \
    || fail "p screenshot: $(cat shot.txt); $(ls aleph-sim-*.png)"
  expect_out=$("${xvfb[@]}" "$sim" --run-for 1 --inject nonsense 2>&1); rc=$?
  [ $rc -eq 2 ] && [[ "$expect_out" == *"--inject: cannot understand"* ]] && pass "bad --inject: exit 2" \
    || fail "bad --inject: exit $rc: $expect_out"
  ;;

scene)
  [ -f "$scenes/default.scn" ] || { echo "skip: no scenes at $scenes"; exit 77; }
  "$sim" --headless --run-for 2 --stats --screenshot scene.png "$scenes/default.scn" > s.txt \
    || fail "default.scn: $(cat s.txt)"
  grep -q '^faults 0$' s.txt && pass "default.scn runs without faults" || fail "$(cat s.txt)"
  # its BARS op is in graphics mode: the screen shows the framebuffer, not the (empty) log
  "$sim" --headless --run-for 0 --screenshot black.png || fail "demo at 0 ms"
  "$pngdiff" --differ scene.png black.png > /dev/null && pass "default.scn draws graphics" \
    || fail "default.scn's screen is blank"
  head -c 131072 "$scenes/default.scn" > cut.scn
  expect 1 "cut.scn: offset" --headless --run-for 0 cut.scn
  ;;

example_f0)
  # the example scenes' F0 starts and stops their clock (a SW op in toggle mode, on at load):
  # taps at 1 s and 3 s; the screen stands still between them and moves before and after
  for name in default sequencer generative; do
    scn=$(cd "$src/../../scenes" && pwd)/$name.scn
    printf '%s\n' '{"format":"aleph-sim events","version":1,"tick_ms":1,"encoder_poll_ms":50,' \
      "\"scene\":\"$scn\",\"arena_size\":33554432,\"events\":[" \
      '{"t":1000,"type":"switch","index":0,"value":1},{"t":1100,"type":"switch","index":0,"value":0},' \
      '{"t":3000,"type":"switch","index":0,"value":1},{"t":3100,"type":"switch","index":0,"value":0}]}' \
      > "f0_$name.json"
    for t in 400 950 1500 2900 3500 4100; do
      "$sim" --headless --replay "f0_$name.json" --ticks $t --screenshot "${name}_$t.png" \
        || fail "$name: replay to $t ms"
    done
    "$pngdiff" --differ "${name}_400.png" "${name}_950.png" > /dev/null \
      && pass "$name: the clock runs at load" || fail "$name: the screen did not move before F0"
    same_png "${name}_1500.png" "${name}_2900.png" "$name: the first tap on F0 stops the clock"
    "$pngdiff" --differ "${name}_3500.png" "${name}_4100.png" > /dev/null \
      && pass "$name: the second tap starts it again" || fail "$name: the screen stood still after the second tap"
  done
  ;;

osc)
  # a running headless aleph-sim driven by liblo's oscsend, observed with oscdump; the recording
  # of the session replays to the same statistics
  command -v oscsend >/dev/null && command -v oscdump >/dev/null || { echo "skip: no liblo-tools"; exit 77; }
  "$sim" --headless --osc-port 0 --run-for 4 --record osc.json --stats > live.txt 2> live.err &
  simpid=$!
  for _ in $(seq 50); do grep -q '^osc port' live.txt 2>/dev/null && break; sleep 0.1; done
  port=$(awk '/^osc port/{print $3}' live.txt)
  [ -n "$port" ] && pass "listening on port $port" || { fail "no port: $(cat live.err)"; kill $simpid; exit 1; }
  dport=$((20000 + RANDOM % 20000))
  oscdump -L "$dport" > dump.txt 2>/dev/null &
  dumppid=$!
  sleep 0.3
  oscsend localhost "$port" /aleph/subscribe si outputs "$dport"
  oscsend localhost "$port" /aleph/op/add s ADD
  oscsend localhost "$port" /aleph/op/add s ADD
  oscsend localhost "$port" /aleph/connect ssss ADD#1 SUM ADD#2 A
  oscsend localhost "$port" /aleph/in ssi ADD#2 B 100
  oscsend localhost "$port" /aleph/in ssi ADD#1 A 7
  oscsend localhost "$port" /aleph/enc s oops
  oscsend localhost "$port" /aleph/ping i 1 # the reply goes to oscsend's closed port: harmless
  wait $simpid || fail "aleph-sim exited $?: $(cat live.err)"
  kill $dumppid 2>/dev/null; wait $dumppid 2>/dev/null
  grep -q '/aleph/watch/out ssi "ADD#2" "SUM" 107' dump.txt && pass "7 propagated to ADD#2 (107)" \
    || fail "no propagated output: $(head -5 dump.txt)"
  grep -q "wrong type tags 's'" live.err && pass "malformed message logged" || fail "log: $(cat live.err)"
  grep -c '"connect"\|"op_add"' osc.json | grep -q '^3$' && pass "edits recorded" || fail "$(cat osc.json)"
  "$sim" --headless --replay osc.json --stats > replay.txt || fail "replay"
  grep -v '^osc port' live.txt > live_stats.txt
  same_file live_stats.txt replay.txt "the replay of the OSC session gives the same statistics"
  ;;

osc_doc_examples)
  # every `oscsend localhost 7770 ...` example in docs/osc.md, in order, against the demo: none
  # may get an /aleph/error (the docs stay true), and an oscdump subscribed to "replies" sees
  # the replies the docs promise
  command -v oscsend >/dev/null && command -v oscdump >/dev/null || { echo "skip: no liblo-tools"; exit 77; }
  "$sim" --headless --osc-port 0 --run-for 20 --scene-dir "$PWD" > live.txt 2> live.err &
  simpid=$!
  for _ in $(seq 50); do grep -q '^osc port' live.txt 2>/dev/null && break; sleep 0.1; done
  port=$(awk '/^osc port/{print $3}' live.txt)
  [ -n "$port" ] || { fail "no port: $(cat live.err)"; kill $simpid; exit 1; }
  dport=$((20000 + RANDOM % 20000))
  oscdump -L "$dport" > dump.txt 2>/dev/null &
  dumppid=$!
  sleep 0.3
  oscsend localhost "$port" /aleph/subscribe si replies "$dport"
  n=0
  while read -r line; do
    args=${line#*oscsend localhost 7770 }
    args=${args%% # *}
    eval "oscsend localhost $port $args" || fail "oscsend $args"
    n=$((n + 1))
    sleep 0.05
  done < <(grep -E '^ +oscsend localhost 7770 ' "$src/../../docs/osc.md")
  [ "$n" -ge 30 ] && pass "$n examples sent" || fail "only $n examples found"
  oscsend localhost "$port" /aleph/ping i 4242
  for _ in $(seq 50); do grep -q '/aleph/pong ii 4242' dump.txt && break; sleep 0.1; done
  kill $simpid 2>/dev/null; wait $simpid 2>/dev/null
  kill $dumppid 2>/dev/null; wait $dumppid 2>/dev/null
  grep -q '/aleph/error' dump.txt && fail "errors: $(grep /aleph/error dump.txt)" \
    || pass "no example got an /aleph/error"
  for reply in /aleph/op/added /aleph/connected /aleph/disconnected /aleph/op/removed \
      /aleph/ops/end /aleph/op/ports/end /aleph/in/value /aleph/params/end /aleph/pong \
      /aleph/subscribed /aleph/unsubscribed /aleph/stats /aleph/scene/saved /aleph/scene/loaded \
      /aleph/monome/connected /sys/prefix; do
    grep -q " $reply " dump.txt && pass "reply $reply" || fail "no $reply in the replies"
  done
  ;;

pd_example)
  # examples/aleph-sim.pd in Pure Data (no GUI) against a running aleph-sim: it connects,
  # subscribes to outputs and replies, sets an input, pings; where Pd is installed (issue 24)
  command -v pd > /dev/null || { echo "skip: Pure Data (pd) is not installed (Debian: puredata-core)"; exit 77; }
  live --run-for 8 --trace=COUNT "$src/../../scenes/default.json"
  listen=$((20000 + RANDOM % 20000))
  timeout 20 pd -nogui -noaudio -nomidi -stderr -open "$(cd "$src/../../examples" && pwd)/aleph-sim.pd" \
    -send "aleph-sim-listen $listen" -send "aleph-sim-port $port" \
    -send "aleph-sim-in list COUNT INC 3" -send "aleph-sim-ping bang" \
    -send "aleph-sim-quit-after 1500" > pd.txt 2>&1 || fail "pd: $(tail -3 pd.txt)"
  kill $simpid 2>/dev/null; wait $simpid 2>/dev/null
  grep -Eq '^[0-9]+ in COUNT\.INC 3$' live.txt && pass "the patch set COUNT's INC" \
    || fail "no 'in COUNT.INC 3' in the trace"
  grep -q 'aleph-sim: list aleph pong 1' pd.txt && pass "the patch got the pong (replies)" \
    || fail "no pong in Pd: $(head -5 pd.txt)"
  grep -q 'aleph-sim: list aleph watch out COUNT VAL' pd.txt && pass "the patch gets outputs" \
    || fail "no watched outputs in Pd"
  grep -q 'error' pd.txt && fail "Pd errors: $(grep error pd.txt | head -3)" || pass "no Pd errors"
  ;;

supercollider_example)
  # examples/aleph-sim.scd in sclang against a running aleph-sim, where SuperCollider is
  # installed (Debian: supercollider-language)
  command -v sclang > /dev/null || { echo "skip: SuperCollider (sclang) is not installed"; exit 77; }
  live --run-for 30 --trace=COUNT "$src/../../scenes/default.json"
  ALEPH_SIM_PORT=$port ALEPH_SIM_TEST=1 QT_QPA_PLATFORM=offscreen timeout 60 \
    sclang "$src/../../examples/aleph-sim.scd" > sc.txt 2>&1 || fail "sclang: $(tail -3 sc.txt)"
  kill $simpid 2>/dev/null; wait $simpid 2>/dev/null
  grep -Eq '^[0-9]+ in COUNT\.INC 3$' live.txt && pass "the example set COUNT's INC" \
    || fail "no 'in COUNT.INC 3' in the trace"
  grep -q 'aleph-sim pong 1' sc.txt && pass "sclang got the pong" || fail "no pong: $(tail -5 sc.txt)"
  grep -q 'aleph-sim value: \[ COUNT, INC, 3 \]' sc.txt && pass "sclang got the value" \
    || fail "no value reply"
  grep -q 'aleph-sim error' sc.txt && fail "errors: $(grep 'aleph-sim error' sc.txt)" \
    || pass "no errors"
  ;;

replay_names)
  # a hand-written replay naming ops, ports and params: resolved when each event runs, so names
  # keep meaning their ops after an insert before them (issue 24)
  "$sim" --headless --replay "$src/named_events.json" --trace=ADD#1,param > trace.txt 2> err.txt \
    && pass "named events replay" || fail "named events: $(cat err.txt)"
  printf '%s\n' "400 in ADD#1.B 2" "600 in ADD#1.A 7" "600 out ADD#1.SUM 9" "600 param cutoff 9" \
    "700 param cutoff 1000" > want.txt
  same_file trace.txt want.txt "the named events did what they name"
  sed 's/"op":"ADD#1","input":"B"/"op":"GHOST","input":"B"/' "$src/named_events.json" > bad.json
  expect 1 'event 4 (400 ms)' --headless --replay bad.json
  expect 1 'no op is named "GHOST"' --headless --replay bad.json
  sed 's/"in":"A"}/"in":"NOPE"}/' "$src/named_events.json" > bad2.json
  expect 1 'has no input "NOPE"' --headless --replay bad2.json
  sed 's/"class":"MUL"/"class":"NOSUCH"/' "$src/named_events.json" > bad3.json
  expect 1 'event 3: op_add: no op class "NOSUCH"' --headless --replay bad3.json
  sed 's/"op":"MUL#1"}/"op":"MUL#1","input":"A"}/' "$src/named_events.json" > bad4.json
  expect 1 'event 8: name an input as' --headless --replay bad4.json
  ;;

send_trace)
  # --send: one message to a running aleph-sim, its replies printed, errors in the exit status;
  # --trace=OPS: the deliveries of those ops, one line each (issue 24)
  cp "$src/../../scenes/default.json" named.json || fail "no scenes/default.json"
  live --run-for 15 --scene-dir "$PWD" --trace=COUNT named.json
  out=$("$sim" --osc-port "$port" --send /aleph/in/get CLOCK ENABLE 2>&1); rc=$?
  [ $rc -eq 0 ] && [ "$out" = "/aleph/in/value CLOCK ENABLE 1" ] && pass "--send prints the reply" \
    || fail "--send /aleph/in/get CLOCK ENABLE: exit $rc, '$out'"
  out=$("$sim" --osc-port "$port" --send /aleph/in CLOCK ENABLE 0 2>&1); rc=$?
  [ $rc -eq 0 ] && [ -z "$out" ] && pass "--send of a message without a reply prints nothing" \
    || fail "--send /aleph/in: exit $rc, '$out'"
  out=$("$sim" --osc-port "$port" --send /aleph/in/get CLOCK ENABLE 2>&1)
  [ "$out" = "/aleph/in/value CLOCK ENABLE 0" ] && pass "the first --send ran" || fail "'$out'"
  out=$("$sim" --osc-port "$port" --send /aleph/in/get NOPE A 2>&1); rc=$?
  [ $rc -eq 1 ] && [[ "$out" == *'no op is named "NOPE"'* ]] && pass "--send: an error exits 1" \
    || fail "--send of a bad name: exit $rc, '$out'"
  out=$("$sim" --osc-port "$port" --send /aleph/ops 2>&1)
  [[ "$out" == *"/aleph/op 13 COUNT ACCUM"* ]] && pass "--send /aleph/ops lists names" \
    || fail "/aleph/ops: $out"
  "$sim" --osc-port "$port" --send /aleph/in COUNT INC 5 > /dev/null 2>&1
  sleep 0.3
  kill $simpid 2>/dev/null; wait $simpid 2>/dev/null
  grep -Eq '^[0-9]+ in COUNT\.INC 5$' live.txt && pass "--trace=COUNT shows the delivery" \
    || fail "no 'in COUNT.INC 5' in the trace: $(head -5 live.txt)"
  grep -Eq '^[0-9]+ (in|out) (CLOCK|SPREAD)' live.txt && fail "--trace=COUNT shows other ops" \
    || pass "--trace=COUNT shows COUNT alone"
  expect 1 "no aleph-sim answered" --osc-port 1 --send /aleph/ping
  expect 2 "needs an OSC address" --send nothing
  expect 2 "not a 32-bit integer" --send /aleph/enc i:x 1
  expect 2 "not a list of op names" --trace=,
  ;;

*)
  echo "unknown case $case_name"; exit 2 ;;
esac

[ $failures -eq 0 ] && echo "PASS $case_name" || echo "FAILED $case_name: $failures"
[ $failures -eq 0 ]
