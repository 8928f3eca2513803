/* SPDX-License-Identifier: MIT */
/* test_scene_real.c: the 8 real scenes of bees' 0.7.1 release bundle, read in place from the
 * directory given as argv[1] (ALEPH_SHARED_SCENES): each decodes (layout detected as 0.7.1) to
 * exactly the network bees 0.7.1 builds (expected/NAME.txt), re-encodes byte-identically, and
 * upgrades to the 0.8.1 layout without changing the network. Exits 77 (skip) when the folder is
 * absent, or when scenes need op classes this build does not have yet. */
#include "scene_test_util.h"

static const char *const scenes[] = {"cvtest",    "default",   "dsyn_test", "life",
                                     "mpdrumssss", "stepcvout", "stepwaves", "stepwavescv"};


static char *listing_of(const net_t *net, scene_layout_t layout) {
  text_t t = {0, 0, 0};
  listing(net, layout, &t);
  return t.buf ? t.buf : calloc(1, 1);
}

static void check_scene(const char *dir, const char *name) {
  char path[1024];
  uint8_t *scn, *out;
  char *exp, *got, *before;
  uint32_t len = 0, elen = 0;
  scene_header_t hdr;
  scene_error_t err;
  scene_probe_t info;
  scene_status_t st;
  rig_t *r;
  snprintf(path, sizeof path, "%s/%s.scn", dir, name);
  scn = read_whole(path, &len);
  snprintf(path, sizeof path, "%s/expected/%s.txt", dir, name);
  exp = (char *)read_whole(path, &elen);
  CHECK(scn && exp);
  if (!scn || !exp) {
    fprintf(stderr, "%s: cannot read the scene or its expected listing\n", name);
    free(scn);
    free(exp);
    return;
  }
  exp = realloc(exp, elen + 1);
  exp[elen] = '\0';
  r = rig_new(0, 0);
  /* detection: every real scene is the 0.7.1 layout */
  CHECK_EQ_INT(scene_probe(scn, len, SCENE_LAYOUT_AUTO, &hdr, &info, &err), SCENE_OK);
  CHECK_EQ_INT(info.layout, SCENE_LAYOUT_0_7_1);
  st = scene_slot_load(&r->slot, scn, len, SCENE_LAYOUT_AUTO, &hdr, &err);
  CHECK_EQ_INT(st, SCENE_OK); /* every class is built in: nothing may be missing */
  if (st != SCENE_OK) fprintf(stderr, "%s: offset %u: %s\n", name, err.offset, err.message);
  CHECK_EQ_INT(hdr.layout, SCENE_LAYOUT_0_7_1);
  got = listing_of(rig_net(r), SCENE_LAYOUT_0_7_1);
  CHECK_EQ_INT(compare_listing(name, got, exp), 0);

  /* byte-identical round trip in the layout it was read in */
  out = malloc(SCENE_FILE_SIZE);
  memset(out, 0x55, SCENE_FILE_SIZE);
  CHECK_EQ_INT(scene_encode(rig_net(r), &hdr, SCENE_LAYOUT_AUTO, out, SCENE_FILE_SIZE, &err),
               SCENE_OK);
  CHECK(len == SCENE_FILE_SIZE && memcmp(out, scn, SCENE_FILE_SIZE) == 0);
  if (len == SCENE_FILE_SIZE && memcmp(out, scn, SCENE_FILE_SIZE) != 0) {
    uint32_t i;
    for (i = 0; i < SCENE_FILE_SIZE && out[i] == scn[i]; i++) {
    }
    fprintf(stderr, "%s: re-encoded bytes differ from offset %u (%#x)\n", name, i, i);
  }

  /* forcing 0.7.1 gives the same; forcing 0.8.1 either fails cleanly or (for the scenes whose
   * classes did not change size) decodes; a failure leaves the running net as it was */
  before = listing_of(rig_net(r), SCENE_LAYOUT_0_8_1);
  st = scene_slot_load(&r->slot, scn, len, SCENE_LAYOUT_0_8_1, 0, &err);
  if (st != SCENE_OK) {
    char *after = listing_of(rig_net(r), SCENE_LAYOUT_0_8_1);
    CHECK(strcmp(before, after) == 0);
    CHECK(err.offset != SCENE_NO_OFFSET && err.message[0]);
    printf("%-12s as 0.8.1: offset %u: %s\n", name, err.offset, err.message);
    free(after);
  }
  CHECK_EQ_INT(scene_slot_load(&r->slot, scn, len, SCENE_LAYOUT_0_7_1, &hdr, &err), SCENE_OK);
  free(got);
  got = listing_of(rig_net(r), SCENE_LAYOUT_0_7_1);
  CHECK_EQ_INT(compare_listing(name, got, exp), 0);

  /* upgrade: the same network in the 0.8.1 layout, which reads back as 0.8.1 */
  hdr.bees.maj = 0;
  hdr.bees.min = 8;
  hdr.bees.rev = 1;
  hdr.layout = SCENE_LAYOUT_0_8_1;
  scene_header_derive_descriptor(&hdr);
  CHECK_EQ_INT(scene_encode(rig_net(r), &hdr, SCENE_LAYOUT_0_8_1, out, SCENE_FILE_SIZE, &err),
               SCENE_OK);
  free(before);
  before = listing_of(rig_net(r), SCENE_LAYOUT_0_8_1);
  CHECK_EQ_INT(scene_slot_load(&r->slot, out, SCENE_FILE_SIZE, SCENE_LAYOUT_AUTO, &hdr, &err),
               SCENE_OK);
  CHECK_EQ_INT(hdr.layout, SCENE_LAYOUT_0_8_1);
  {
    char *after = listing_of(rig_net(r), SCENE_LAYOUT_0_8_1);
    uint8_t *again = malloc(SCENE_FILE_SIZE);
    CHECK(strcmp(before, after) == 0);
    CHECK_EQ_INT(scene_encode(rig_net(r), &hdr, SCENE_LAYOUT_AUTO, again, SCENE_FILE_SIZE, &err),
                 SCENE_OK);
    CHECK(memcmp(again, out, SCENE_FILE_SIZE) == 0);
    free(again);
    free(after);
  }
  printf("%-12s ok (%u ops, %u inputs, %u outputs, %u params)\n", name, net_op_count(rig_net(r)),
         net_in_count(rig_net(r)), net_out_count(rig_net(r)), net_param_count(rig_net(r)));
  free(before);
  free(got);
  free(out);
  free(exp);
  free(scn);
  rig_free(r);
}

int main(int argc, char **argv) {
  char path[1024];
  FILE *f;
  size_t i;
  if (argc < 2) {
    fprintf(stderr, "usage: test_scene_real SCENES_DIR\n");
    return 2;
  }
  snprintf(path, sizeof path, "%s/default.scn", argv[1]);
  f = fopen(path, "rb");
  if (!f) {
    printf("SKIPPED: the real scenes are not at %s (set the CMake cache variable "
           "ALEPH_SHARED_SCENES to the folder holding the bees 0.7.1 scenes)\n",
           argv[1]);
    return SKIP_CODE;
  }
  fclose(f);
  for (i = 0; i < sizeof scenes / sizeof scenes[0]; i++) check_scene(argv[1], scenes[i]);
  return check_summary("test_scene_real");
}
