/* SPDX-License-Identifier: MIT */
/* fuzz_scene_run.h: what fuzz_scene and fuzz_scene_head check on a complete scene image: probes
 * in each layout, a load through the scene slot, and for a scene that loads net_check,
 * pool_check, re-encoding as a fixed point (its encoding loads and encodes to the same bytes),
 * and two virtual seconds of running with encoder and switch input; then fuzz_world_end. */
#ifndef ALEPH_FUZZ_SCENE_RUN_H
#define ALEPH_FUZZ_SCENE_RUN_H

#include <string.h>

#include "fuzz_common.h"
#include "op_timer.h"
#include "scene_internal.h"

/* img: SCENE_FILE_SIZE bytes; play: bytes that play the encoders and keys (may be empty). */
static inline void fuzz_scene_run(fuzz_world_t *w, const uint8_t *img, const uint8_t *play,
                                  size_t nplay) {
  static uint8_t enc1[SCENE_FILE_SIZE], enc2[SCENE_FILE_SIZE];
  scene_header_t hdr, hdr2, ohdr;
  scene_probe_t info;
  scene_error_t err, oerr;
  scene_status_t st, ost;
  scene_layout_t read_in;
  uint32_t i;
  st = scene_slot_load(&w->slot, img, SCENE_FILE_SIZE, SCENE_LAYOUT_AUTO, &hdr, &err);
  FUZZ_REQUIRE(st == SCENE_OK || memchr(err.message, 0, SCENE_MESSAGE_LEN) != 0);
  /* the load walked both layouts; probe each it did not read in by itself (the chosen one's
   * walk is the load's: probing it too was a fifth of the time) */
  read_in = st == SCENE_OK ? hdr.layout : err.layout;
  for (i = 0; i < 2; i++) {
    scene_layout_t l = i ? SCENE_LAYOUT_0_8_1 : SCENE_LAYOUT_0_7_1;
    if (l == read_in) continue;
    ost = scene_probe(img, SCENE_FILE_SIZE, l, &ohdr, &info, &oerr);
    FUZZ_REQUIRE(ost != SCENE_OK || info.end <= SCENE_FILE_SIZE);
    FUZZ_REQUIRE(ost == SCENE_OK || memchr(oerr.message, 0, SCENE_MESSAGE_LEN) != 0);
  }
  /* (a load that fails leaves the pools as fuzz_world_end checks them: no second scan here) */
  if (st == SCENE_OK) {
    net_t *net = scene_slot_net(&w->slot);
    uint32_t t0;
    FUZZ_REQUIRE(pool_check(w->pool, 0) == POOL_OK);
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
      uint8_t b = nplay ? play[i % nplay] : 0;
      net_encoder(net, (uint8_t)(b & 3u), (int16_t)((int8_t)b >> 2));
      net_switch(net, (uint8_t)((b >> 4) % 6u), (b & 0x40u) != 0);
      net_advance(net, t0 + 100u * (i + 1u));
      FUZZ_REQUIRE(net_check(net) == NET_OK);
    }
  }
  fuzz_world_end(w);
}

#endif
