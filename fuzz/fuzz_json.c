/* SPDX-License-Identifier: MIT */
/* fuzz_json.c: the JSON scene readers of lib/scene_io (this project's form and beekeep's
 * native form) on arbitrary text. Each input is read by both into the slot's spare net; a net
 * that reads must pass net_check, encode as a .scn, write back as JSON that reads again, and
 * commit. Ends with both nets cleared and nothing left in the pool. (lib/ is built on the
 * release core: leaks and consistency are checked here, canaries by fuzz_scene and fuzz_net.) */
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_require.h"

#include <stdio.h>

static uint8_t scn[SCENE_FILE_SIZE];

static void one(sio_world_t *w, const char *text, int native) {
  scene_slot_t *slot = sio_world_slot(w);
  net_t *spare = scene_slot_spare(slot);
  scene_header_t hdr;
  sio_error_t err;
  bool ok = native ? scene_native_read(spare, text, SCENE_LAYOUT_AUTO, &hdr, "fuzz", &err)
                   : scene_json_read(spare, text, SCENE_LAYOUT_AUTO, &hdr, "fuzz", &err);
  if (!ok) {
    FUZZ_REQUIRE(net_op_count(spare) == 0); /* left empty on failure */
    FUZZ_REQUIRE(err.message[0] != '\0');
    return;
  }
  FUZZ_REQUIRE(net_check(spare) == NET_OK);
  (void)scene_encode(spare, &hdr, SCENE_LAYOUT_AUTO, scn, sizeof scn, 0);
  {
    char *again = native ? scene_native_write(spare, &hdr, SCENE_LAYOUT_AUTO, &err)
                         : scene_json_write(spare, &hdr, SCENE_LAYOUT_AUTO, &err);
    char *dot = scene_dot_write(spare, &hdr);
    free(dot);
    if (again) {
      /* what we wrote reads back (into the running net's place after the commit below) */
      FUZZ_REQUIRE(scene_slot_commit(slot, 0) == SCENE_OK);
      spare = scene_slot_spare(slot);
      ok = native ? scene_native_read(spare, again, SCENE_LAYOUT_AUTO, &hdr, "again", &err)
                  : scene_json_read(spare, again, SCENE_LAYOUT_AUTO, &hdr, "again", &err);
      if (!ok) fprintf(stderr, "written JSON does not read back: %s\n%s\n", err.message, again);
      FUZZ_REQUIRE(ok);
      free(again);
    }
  }
  FUZZ_REQUIRE(scene_slot_commit(slot, 0) == SCENE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sio_world_t *w;
  char *text = malloc(size + 1);
  if (!w) w = sio_world_new();
  FUZZ_REQUIRE(w && text);
  memcpy(text, data, size);
  text[size] = '\0';
  one(w, text, 0);
  one(w, text, 1);
  free(text);
  FUZZ_REQUIRE(net_check(sio_world_net(w)) == NET_OK);
  net_clear(sio_world_net(w));
  scene_slot_discard(sio_world_slot(w));
  FUZZ_REQUIRE(pool_foreach_live(sio_world_pool(w), 0, 0) == 0);
  FUZZ_REQUIRE(pool_check(sio_world_pool(w), 0) == POOL_OK);
  return 0;
}
