#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# doc-images.sh: makes the README's pictures in docs/images/ with a built aleph-sim, headless, from
# scenes/default.scn after 3 virtual seconds: the panel in play mode, the same with the memory
# statistics overlay, and bees' OPS editor page (MODE, two page turns, the selection moved down).
#   scripts/doc-images.sh [BUILD_DIR]   (default build)
set -euo pipefail
cd "$(dirname "$0")/.."
sim=${1:-build}/sim/aleph-sim
out=docs/images scene=$(pwd)/scenes/default.scn
mkdir -p "$out"
"$sim" --headless --run-for 3 --scale 3 --panel-screenshot "$out/panel.png" "$scene"
"$sim" --headless --run-for 3 --scale 3 --overlay --panel-screenshot "$out/overlay.png" "$scene"
tmp=$(mktemp "${TMPDIR:-/tmp}/doc-images.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
  echo '{"format":"aleph-sim events","version":1,"tick_ms":1,"encoder_poll_ms":50,'
  echo "\"scene\":\"$scene\",\"arena_size\":33554432,\"events\":["
  echo '{"t":2000,"type":"switch","index":6,"value":1},{"t":2050,"type":"switch","index":6,"value":0},'
  echo '{"t":2200,"type":"encoder","index":1,"value":4},{"t":2400,"type":"encoder","index":1,"value":4},'
  for i in $(seq 0 11); do echo "{\"t\":$((2500 + i * 60)),\"type\":\"encoder\",\"index\":0,\"value\":1},"; done
  echo '{"t":3220,"type":"encoder","index":0,"value":1}]}'
} > "$tmp"
"$sim" --headless --replay "$tmp" --ticks 3500 --scale 3 --panel-screenshot "$out/editor-ops.png"
echo "doc-images: $out/panel.png $out/overlay.png $out/editor-ops.png"
