/* SPDX-License-Identifier: MIT */
/* fuzz_scene.c: the .scn decoder. The input is a scene image; one shorter than a scene file
 * is completed with the de ad be ef filler (so seeds can be the meaningful prefix only, see
 * fuzz_seeds.c). Each input: scene_probe on the raw bytes and on the image in every layout,
 * then a load through the scene slot (decode into the spare, swap). A scene that loads must
 * pass net_check and pool_check, re-encode, and its encoding must load again and re-encode
 * byte for byte; it then runs for two virtual seconds with encoder and switch input. Ends with
 * no live allocation and intact canaries (fuzz_common.h, fuzz_scene_run.h). Real scenes' seeds
 * are ~200 KB (32 presets of 6 KB); fuzz_scene_head fuzzes the part before the presets. */
#include <string.h>

#include "fuzz_scene_run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t img[SCENE_FILE_SIZE];

/* img = the input, then zeros to the end of the descriptor and the filler to the end of the
 * file. The blank image is made once; each input then rewrites only its own bytes and restores
 * what the previous, longer input overwrote (a whole-image fill per input took a fifth of the
 * time). */
static void image_of(const uint8_t *data, uint32_t size) {
  static uint8_t blank[SCENE_FILE_SIZE];
  static uint32_t dirty = SCENE_FILE_SIZE; /* img differs from blank at most below this */
  if (blank[SCENE_FILE_SIZE - 1] == 0)
    scene_filler_fill(blank, SCENE_DESC_SIZE, SCENE_FILE_SIZE);
  if (dirty > size) memcpy(img + size, blank + size, dirty - size);
  memcpy(img, data, size);
  dirty = size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  scene_header_t hdr;
  scene_probe_t info;
  scene_error_t err;
  uint32_t len = size > SCENE_FILE_SIZE + 16u ? SCENE_FILE_SIZE + 16u : (uint32_t)size;
  /* the raw bytes: mostly a size error, or a truncation inside a record */
  (void)scene_probe(data, len, SCENE_LAYOUT_AUTO, &hdr, &info, &err);
  if (size > SCENE_FILE_SIZE) return 0;
  image_of(data, (uint32_t)size);
  fuzz_scene_run(fuzz_world(), img, data, size);
  return 0;
}
