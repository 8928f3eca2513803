#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# audio_tests.sh: aleph-sim's DSP side end to end: real scenes of each module rendered headless
# with --audio-out are neither silent nor clipped (the drum scenes played through their keys),
# renders are the same every run, a synthetic lines scene echoes a click from --audio-in after its
# delay, an unknown module is reported and silent, bad --audio-in files are refused.
# usage: audio_tests.sh SIM WAVCHECK SRCDIR WORKDIR SCENES
set -u
sim=$1 wavcheck=$2 src=$3 work=$4 scenes=$5
mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# SCENE FILE [args...]: render SCENE for 6 virtual seconds (or a replay's length) into FILE
render() {
  local scene=$1 out=$2; shift 2
  if "$sim" --headless "$@" --audio-out "$out" --stats "$scene" > "$out.stats" 2> "$out.err"; then
    pass "rendered $(basename "$scene") to $out"
  else
    fail "aleph-sim on $scene: $(cat "$out.err")"
  fi
}

if [ -d "$scenes" ]; then
  # aleph-waves plays by itself; aleph-dsyn's drums play when F0..F3 are pressed
  render "$scenes/life.scn" life.wav --run-for 6
  render "$scenes/stepwaves.scn" stepwaves.wav --run-for 6
  render "$scenes/default.scn" default.wav --replay "$src/drum_keys.json"
  render "$scenes/dsyn_test.scn" dsyn_test.wav --replay "$src/drum_keys.json"
  # the corpus' one aleph-lines scene (the 2014 release's params), fed a click
  "$wavcheck" click click.wav 6 0.5 || fail "writing click.wav"
  render "$scenes/stepwavescv.scn" stepwavescv.wav --run-for 6 --audio-in click.wav
  for f in life stepwaves default dsyn_test stepwavescv; do
    if "$wavcheck" sound $f.wav; then pass "$f.wav: not silent, not clipped"
    else fail "$f.wav is silent or clipped"; fi
    grep -q "^dsp: module aleph-.*, RUNNING as " $f.wav.stats && pass "$f: module running" \
      || fail "$f: $(grep '^dsp' $f.wav.stats)"
    [ -s $f.wav.err ] && fail "$f said: $(cat $f.wav.err)"
  done
  grep -q '^param 73 hz0 note 15238 -> 16680392 254.52261$' life.wav.stats \
    && pass "life: hz0 scaled as bees does (note 15238 -> 254.52261 Hz)" \
    || fail "life's hz0: $(grep 'hz0' life.wav.stats)"
  # the same render twice: the same bytes (the virtual clock)
  render "$scenes/default.scn" default2.wav --replay "$src/drum_keys.json"
  cmp -s default.wav default2.wav && pass "renders are deterministic" || fail "two renders differ"
else
  echo "SKIPPED real scenes: $scenes is not here"
fi

# a synthetic aleph-lines scene: the click at 0.5 s comes back delay0 = 700 ticks (350 ms) later
"$wavcheck" click click.wav 2 0.5 || fail "writing click.wav"
render "$src/lines_echo.json" echo.wav --run-for 2 --audio-in click.wav
"$wavcheck" echo echo.wav 0 24000 16800 && pass "lines: the echo comes 350 ms after the click" \
  || fail "lines: no echo at 350 ms"
grep -q ' cv 5.000 5.000 2.500 5.000 V' echo.wav.stats && pass "lines: cv2 at 2.5 V, the others at the module's 5 V" \
  || fail "lines' CV outputs: $(grep '^dsp' echo.wav.stats)"

# an unknown module keeps its params and says so; silence
sed 's/aleph-lines.ldr/aleph-grains.ldr/' "$src/lines_echo.json" > grains.json
"$sim" --headless --run-for 1 --audio-out grains.wav --stats grains.json > grains.stats 2> grains.err
grep -q 'aleph-grains.ldr is not simulated' grains.err && pass "unknown module reported" \
  || fail "unknown module: $(cat grains.err)"
grep -q '^param 0 delay0 fix 700 -> 45875200 ' grains.stats && pass "its params still scaled" \
  || fail "grains params: $(grep '^param 0' grains.stats)"
"$wavcheck" sound grains.wav > /dev/null && fail "grains.wav is not silent" || pass "silent"

# --audio-in refuses other rates and non-WAV files; --no-audio refuses --audio-out
"$wavcheck" rate r44.wav 1 44100 || fail "writing r44.wav"
out=$("$sim" --headless --run-for 1 --audio-in r44.wav "$src/lines_echo.json" 2>&1)
[ $? -eq 1 ] && [[ "$out" == *"44100 Hz; the Aleph's DSP runs at 48000 Hz"* ]] \
  && pass "a 44.1 kHz input is refused" || fail "44.1 kHz input: $out"
out=$("$sim" --headless --run-for 1 --audio-in "$src/lines_echo.json" "$src/lines_echo.json" 2>&1)
[ $? -eq 1 ] && [[ "$out" == *"not a WAV file"* ]] && pass "a non-WAV input is refused" \
  || fail "non-WAV input: $out"
out=$("$sim" --headless --run-for 1 --audio-in click.wav --audio-out click.wav 2>&1)
[ $? -eq 2 ] && [[ "$out" == *"name the same file"* ]] && pass "--audio-out may not overwrite --audio-in" \
  || fail "--audio-out over --audio-in: $out"
out=$("$sim" --headless --no-audio --audio-out x.wav 2>&1)
[ $? -eq 2 ] && pass "--no-audio with --audio-out is a usage error" || fail "--no-audio: $out"

[ "$failures" -eq 0 ] && echo "all audio checks passed" || echo "FAILED audio checks: $failures"
[ "$failures" -eq 0 ]
