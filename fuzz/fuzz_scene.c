/* fuzz_scene.c: the .scn decoder. The input is a scene image; one shorter than a scene file
 * is completed with the de ad be ef filler (so seeds can be the meaningful prefix only, see
 * fuzz_seeds.c). Each input: scene_probe on the raw bytes and on the image in every layout,
 * then a load through the scene slot (decode into the spare, swap). A scene that loads must
 * pass net_check and pool_check, re-encode, and its encoding must load again and re-encode
 * byte for byte; it then runs for two virtual seconds with encoder and switch input. Ends with
 * no live allocation and intact canaries (fuzz_common.h). */
#include <string.h>

#include "fuzz_common.h"
#include "op_timer.h"
#include "scene_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t img[SCENE_FILE_SIZE], enc1[SCENE_FILE_SIZE], enc2[SCENE_FILE_SIZE];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_world_t *w = fuzz_world();
  scene_header_t hdr, hdr2;
  scene_probe_t info;
  scene_error_t err;
  scene_status_t st;
  uint32_t len = size > SCENE_FILE_SIZE + 16u ? SCENE_FILE_SIZE + 16u : (uint32_t)size, i;
  static const scene_layout_t layouts[3] = {SCENE_LAYOUT_AUTO, SCENE_LAYOUT_0_7_1,
                                            SCENE_LAYOUT_0_8_1};
  /* the raw bytes: mostly a size error, or a truncation inside a record */
  (void)scene_probe(data, len, SCENE_LAYOUT_AUTO, &hdr, &info, &err);
  if (size > SCENE_FILE_SIZE) return 0;
  memcpy(img, data, size);
  for (i = (uint32_t)size; i < SCENE_FILE_SIZE; i++)
    img[i] = i < SCENE_DESC_SIZE ? 0 : scene_filler_byte(i);
  for (i = 0; i < 3; i++) {
    st = scene_probe(img, SCENE_FILE_SIZE, layouts[i], &hdr, &info, &err);
    FUZZ_REQUIRE(st != SCENE_OK || info.end <= SCENE_FILE_SIZE);
    FUZZ_REQUIRE(st == SCENE_OK || memchr(err.message, 0, SCENE_MESSAGE_LEN) != 0);
  }
  st = scene_slot_load(&w->slot, img, SCENE_FILE_SIZE, SCENE_LAYOUT_AUTO, &hdr, &err);
  FUZZ_REQUIRE(pool_check(w->pool, 0) == POOL_OK);
  if (st == SCENE_OK) {
    net_t *net = scene_slot_net(&w->slot);
    uint32_t t0;
    FUZZ_REQUIRE(net_check(net) == NET_OK);
    /* a scene that decodes re-encodes (in the layout it was read in), and that is a fixed point */
    st = scene_encode(net, &hdr, SCENE_LAYOUT_AUTO, enc1, SCENE_FILE_SIZE, &err);
    if (st == SCENE_OK) {
      st = scene_slot_load(&w->slot, enc1, SCENE_FILE_SIZE, hdr.layout, &hdr2, &err);
      if (st != SCENE_OK) fprintf(stderr, "re-encoded scene does not load: %s\n", err.message);
      FUZZ_REQUIRE(st == SCENE_OK);
      net = scene_slot_net(&w->slot);
      FUZZ_REQUIRE(scene_encode(net, &hdr2, SCENE_LAYOUT_AUTO, enc2, SCENE_FILE_SIZE, &err) ==
                   SCENE_OK);
      FUZZ_REQUIRE(memcmp(enc1, enc2, SCENE_FILE_SIZE) == 0);
    } else {
      /* only a net the layout cannot express or a pickle over its area may refuse */
      FUZZ_REQUIRE(st == SCENE_ERR_UNREPRESENTABLE || st == SCENE_ERR_TOO_LARGE);
    }
    /* run it: two virtual seconds, the encoders and keys played by the input's first bytes */
    t0 = net_now(net);
    for (i = 0; i < 20; i++) {
      uint8_t b = size ? data[i % size] : 0;
      net_encoder(net, (uint8_t)(b & 3u), (int16_t)((int8_t)b >> 2));
      net_switch(net, (uint8_t)((b >> 4) % 6u), (b & 0x40u) != 0);
      net_advance(net, t0 + 100u * (i + 1u));
      FUZZ_REQUIRE(net_check(net) == NET_OK);
    }
  }
  fuzz_world_end(w);
  return 0;
}
