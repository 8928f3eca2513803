/* SPDX-License-Identifier: MIT */
/* test_faults.c: allocation fault injection (issue 9). With the debug pools' test-only hook
 * pool_set_fail_after(), the N-th allocation fails, for every N a whole operation makes: an op
 * add (every class, appended and inserted), bees' system ops, a scene load through the slot
 * (every .scn in scenes/ and the shared real scenes), and preset store/recall (which allocate
 * nothing). Each time: the error reaches the caller, the network is consistent (net_check) and
 * unchanged where the API promises it, the pools are intact (pool_check), nothing leaks.
 * Debug flavour only (the hook exists only with POOL_DEBUG).
 *   test_faults [SCENES_DIR [SHARED_SCENES_DIR]] */
#define _FILE_OFFSET_BITS 64 /* readdir on 32-bit hosts (qemu-ppc) with 64-bit inodes */
#include <dirent.h>

#include "scene_test_util.h"

#if !POOL_DEBUG
#error "test_faults needs the debug core (POOL_DEBUG=1): pool_set_fail_after()"
#endif

/* Counts allocation calls (served or failed) through the trace hook. */
static void count_calls(void *ctx, const pool_event_t *ev) {
  if (ev->kind != POOL_EV_FREE) (*(uint32_t *)ctx)++;
}

static uint32_t live(rig_t *r) { return pool_foreach_live(r->pool, 0, 0); }

static uint32_t injected; /* faults injected over the whole run, for the report */


static char *listing_of(const net_t *net) {
  text_t t = {0, 0, 0};
  listing(net, SCENE_LAYOUT_0_8_1, &t);
  return t.buf ? t.buf : calloc(1, 1);
}

/* ---- op add: one allocation; failing it leaves the net as it was ---- */

static void test_op_add(void) {
  rig_t *r = rig_new(0, 0);
  net_t *n = rig_net(r);
  uint16_t i, idx;
  uint32_t calls = 0;
  CHECK_EQ_INT(net_add_system_ops(n), NET_OK);
  pool_set_trace(r->pool, count_calls, &calls);
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    uint16_t at;
    for (at = 0; at < 2; at++) { /* appended, then inserted before op 3 */
      uint16_t pos = at ? 3 : NET_NONE, ops = net_op_count(n);
      uint32_t before = live(r);
      char *l0 = listing_of(n), *l1;
      pool_stats_t s;
      pool_get_stats(r->pool, &s);
      calls = 0;
      pool_set_fail_after(r->pool, 1);
      CHECK_EQ_INT(net_add_op(n, c->id, pos, &idx), NET_ERR_NO_MEMORY);
      injected++;
      CHECK_EQ_INT(calls, 1);
      CHECK_EQ_INT(pool_last_status(r->pool), POOL_ERR_EXHAUSTED);
      CHECK_EQ_INT(net_op_count(n), ops);
      CHECK_EQ_INT(live(r), before);
      CHECK_EQ_INT(net_check(n), NET_OK);
      CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
      l1 = listing_of(n);
      CHECK(strcmp(l0, l1) == 0);
      free(l1);
      /* the hook is one-shot: the same add now works, and takes exactly one allocation
       * (system op classes cannot be removed again, so they stop here) */
      if (c->flags & OP_FLAG_SYSTEM) {
        free(l0);
        continue;
      }
      calls = 0;
      CHECK_EQ_INT(net_add_op(n, c->id, pos, &idx), NET_OK);
      CHECK_EQ_INT(calls, 1);
      CHECK_EQ_INT(live(r), before + 1u);
      CHECK_EQ_INT(net_remove_op(n, idx), NET_OK);
      CHECK_EQ_INT(live(r), before);
      l1 = listing_of(n);
      CHECK(strcmp(l0, l1) == 0);
      free(l0);
      free(l1);
    }
  }
  pool_set_trace(r->pool, 0, 0);
  rig_free(r);
}

/* ---- bees' 12 system ops: failing the N-th leaves a consistent net and reports it ---- */

static void test_system_ops(void) {
  rig_t *r = rig_new(0, 0);
  net_t *n = rig_net(r);
  uint32_t calls = 0, k, total;
  pool_set_trace(r->pool, count_calls, &calls);
  CHECK_EQ_INT(net_add_system_ops(n), NET_OK);
  total = calls;
  CHECK_EQ_INT(total, 12);
  for (k = 1; k <= total; k++) {
    net_clear(n);
    pool_set_fail_after(r->pool, k);
    CHECK_EQ_INT(net_add_system_ops(n), NET_ERR_NO_MEMORY);
    injected++;
    pool_set_fail_after(r->pool, 0);
    CHECK_EQ_INT(net_check(n), NET_OK);
    CHECK_EQ_INT(live(r), net_op_count(n));
    CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
    net_clear(n);
    CHECK_EQ_INT(live(r), 0);
  }
  pool_set_trace(r->pool, 0, 0);
  rig_free(r);
}

/* ---- scene loads: every N; the running scene stays as it was ---- */

static uint32_t scenes_done;

static void scene_load_faults(const char *path) {
  uint32_t len = 0, calls = 0, k, total, base_live;
  uint8_t *img = read_whole(path, &len);
  rig_t *r;
  scene_header_t h;
  scene_error_t err;
  char *l0;
  if (!img) {
    fprintf(stderr, "%s: cannot read\n", path);
    CHECK(0);
    return;
  }
  r = rig_new(0, 0);
  /* the scene runs; loading it again is what gets its allocations failed */
  CHECK_EQ_INT(scene_slot_load(&r->slot, img, len, SCENE_LAYOUT_AUTO, &h, &err), SCENE_OK);
  l0 = listing_of(rig_net(r));
  base_live = live(r);
  /* the ops, the param array if the scene has params, its presets' entry lists */
  CHECK_EQ_INT(base_live, net_op_count(rig_net(r)) + (net_param_count(rig_net(r)) ? 1u : 0u) +
                              preset_lists(rig_net(r)));
  pool_set_trace(r->pool, count_calls, &calls);
  CHECK_EQ_INT(scene_slot_load(&r->slot, img, len, SCENE_LAYOUT_AUTO, &h, &err), SCENE_OK);
  total = calls;
  CHECK(total >= base_live); /* one per op and list; a preset list may grow on the way */
  for (k = 1; k <= total; k++) {
    char *l1;
    pool_set_fail_after(r->pool, k);
    CHECK_EQ_INT(scene_slot_load(&r->slot, img, len, SCENE_LAYOUT_AUTO, &h, &err),
                 SCENE_ERR_NO_MEMORY);
    injected++;
    CHECK(err.message[0] != '\0');
    pool_set_fail_after(r->pool, 0);
    CHECK_EQ_INT(live(r), base_live); /* the spare was emptied, the running net kept */
    CHECK_EQ_INT(net_check(rig_net(r)), NET_OK);
    CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
    l1 = listing_of(rig_net(r));
    CHECK(strcmp(l0, l1) == 0);
    free(l1);
  }
  /* and the load after all that works */
  CHECK_EQ_INT(scene_slot_load(&r->slot, img, len, SCENE_LAYOUT_AUTO, &h, &err), SCENE_OK);
  CHECK_EQ_INT(live(r), base_live);
  pool_set_trace(r->pool, 0, 0);
  printf("  %s: %u allocations, %u faults injected\n", path, base_live, total);
  scenes_done++;
  free(l0);
  free(img);
  rig_free(r);
}

static void scenes_in(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char *names[64];
  int n = 0, i, j;
  if (!d) {
    printf("  %s: not found, skipped\n", dir);
    return;
  }
  while ((e = readdir(d)) && n < 64) {
    size_t l = strlen(e->d_name);
    if (l > 4 && strcmp(e->d_name + l - 4, ".scn") == 0) {
      names[n] = malloc(strlen(dir) + l + 2);
      sprintf(names[n], "%s/%s", dir, e->d_name);
      n++;
    }
  }
  closedir(d);
  for (i = 0; i < n; i++) /* in name order, so the output is stable */
    for (j = i + 1; j < n; j++)
      if (strcmp(names[j], names[i]) < 0) {
        char *t = names[i];
        names[i] = names[j];
        names[j] = t;
      }
  for (i = 0; i < n; i++) {
    scene_load_faults(names[i]);
    free(names[i]);
  }
}

/* ---- presets: recall and store allocate nothing, so an armed hook never fires ---- */

static void test_presets(const char *scenes) {
  char path[4096];
  uint32_t len = 0, calls = 0;
  uint8_t *img;
  rig_t *r;
  net_t *n;
  uint16_t p;
  scene_header_t h;
  scene_error_t err;
  pool_stats_t s0, s1;
  snprintf(path, sizeof path, "%s/sequencer.scn", scenes);
  img = read_whole(path, &len);
  if (!img) {
    printf("test_presets: %s not found, skipped\n", path);
    return;
  }
  r = rig_new(0, 0);
  CHECK_EQ_INT(scene_slot_load(&r->slot, img, len, SCENE_LAYOUT_AUTO, &h, &err), SCENE_OK);
  n = rig_net(r);
  pool_set_trace(r->pool, count_calls, &calls);
  pool_get_stats(r->pool, &s0);
  pool_set_fail_after(r->pool, 1);
  for (p = 0; p < NET_PRESETS; p++) {
    CHECK_EQ_INT(preset_recall(n, p), NET_OK);
    CHECK_EQ_INT(preset_store(n, p), NET_OK);
    CHECK_EQ_INT(net_check(n), NET_OK);
  }
  CHECK_EQ_INT(calls, 0);
  pool_get_stats(r->pool, &s1);
  CHECK_EQ_INT(s1.failures, s0.failures); /* the armed failure was never consumed */
  /* the hook is still armed: the next allocation is the one that fails */
  {
    uint16_t idx;
    CHECK_EQ_INT(net_add_op(n, OP_ADD, NET_NONE, &idx), NET_ERR_NO_MEMORY);
    injected++;
  }
  pool_set_fail_after(r->pool, 0);
  pool_set_trace(r->pool, 0, 0);
  CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
  free(img);
  rig_free(r);
}

int main(int argc, char **argv) {
  const char *scenes = argc > 1 ? argv[1] : "scenes";
  RUN(test_op_add);
  RUN(test_system_ops);
  scenes_in(scenes);
  if (argc > 2) scenes_in(argv[2]);
  CHECK(scenes_done >= 3);
  test_presets(scenes);
  printf("test_faults: %u allocation faults injected over %u scenes, every op class and the "
         "system ops\n", injected, scenes_done);
  return check_summary("test_faults");
}
