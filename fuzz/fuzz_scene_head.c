/* SPDX-License-Identifier: MIT */
/* fuzz_scene_head.c: the .scn decoder, fast: the input is the head of a scene (descriptor, op
 * records and state, DSP params: everything before the presets, a few KB where fuzz_scene's
 * inputs are ~200 KB of mostly preset entries), completed with the 32 empty presets bees writes
 * for a net without presets and the de ad be ef filler. So mutations land on ops and params,
 * and each input is small. The checks are fuzz_scene's (fuzz_scene_run.h); preset records
 * themselves are fuzzed by fuzz_scene. Seeds: each scene's bytes before its presets
 * (fuzz_seeds.c). */
#include <string.h>

#include "fuzz_scene_run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PRESETS_BYTES (SCENE_PRESETS * SCENE_PRESET_SIZE)
#define HEAD_MAX (SCENE_FILE_SIZE - PRESETS_BYTES)

static uint8_t img[SCENE_FILE_SIZE], blank[SCENE_FILE_SIZE], presets[PRESETS_BYTES];

/* The empty presets as the encoder writes them (an empty net's), and the filler. */
static void templates(fuzz_world_t *w) {
  scene_header_t hdr;
  scene_probe_t info;
  scene_header_init(&hdr);
  FUZZ_REQUIRE(net_op_count(scene_slot_net(&w->slot)) == 0);
  FUZZ_REQUIRE(scene_encode(scene_slot_net(&w->slot), &hdr, SCENE_LAYOUT_0_8_1, img,
                            SCENE_FILE_SIZE, 0) == SCENE_OK);
  FUZZ_REQUIRE(scene_probe(img, SCENE_FILE_SIZE, SCENE_LAYOUT_0_8_1, &hdr, &info, 0) ==
               SCENE_OK);
  memcpy(presets, img + info.presets_at, PRESETS_BYTES);
  scene_filler_fill(blank, SCENE_DESC_SIZE, SCENE_FILE_SIZE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static bool ready;
  fuzz_world_t *w = fuzz_world();
  if (!ready) {
    templates(w);
    ready = true;
  }
  if (size > HEAD_MAX) return 0;
  memcpy(img, data, size);
  if (size < SCENE_DESC_SIZE) memset(img + size, 0, SCENE_DESC_SIZE - size);
  {
    uint32_t at = size < SCENE_DESC_SIZE ? SCENE_DESC_SIZE : (uint32_t)size;
    memcpy(img + at, presets, PRESETS_BYTES);
    at += PRESETS_BYTES;
    memcpy(img + at, blank + at, SCENE_FILE_SIZE - at);
  }
  fuzz_scene_run(w, img, data, size);
  return 0;
}
