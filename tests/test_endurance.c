/* SPDX-License-Identifier: MIT */
/* test_endurance.c: endurance (issue 9). Every scene (the .scn files in scenes/ and the shared ones)
 * is loaded through the scene slot, run for many virtual ticks with random encoder and switch
 * input (net_advance, net_encoder, net_switch, net_cv_in) and unloaded, many times over. After
 * every run the net and the pools check; after every unload nothing is live in the pools
 * (pool_foreach_live); the blocks a scene takes are the same on every load (flat usage). The CI
 * scale is small; ALEPH_ENDURANCE_SCALE=K multiplies cycles and ticks, or ALEPH_ENDURANCE_CYCLES
 * and ALEPH_ENDURANCE_TICKS (ticks per load) set them (docs/reliability.md).
 *   test_endurance [SCENES_DIR [SHARED_SCENES_DIR]] */
#define _FILE_OFFSET_BITS 64 /* readdir on 32-bit hosts (qemu-ppc) with 64-bit inodes */
#include <dirent.h>

#include "arena.h"
#include "net_devices.h"
#include "op_timer.h"
#include "scene_test_util.h"
#include "screen.h"

#define CYCLES 20u       /* loads of each scene at scale 1 */
#define TICKS 3000u      /* 10 ms ticks per run at scale 1: 30 virtual seconds */
#define MAX_SCENES 64

typedef struct {
  uint8_t *img;
  uint32_t len;
  char name[256];
  uint32_t blocks;   /* heap bytes in use after the first load */
  uint32_t live;     /* allocations after the first load: ops, params, preset entries */
} scene_t;

static scene_t scenes[MAX_SCENES];
static int nscenes;

static uint32_t rng = 0x9E3779B9u;
static uint32_t next_rand(void) { /* xorshift32: the same run everywhere */
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

static void collect(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) {
    printf("  %s: not found, skipped\n", dir);
    return;
  }
  while ((e = readdir(d)) && nscenes < MAX_SCENES) {
    size_t l = strlen(e->d_name);
    char path[4096];
    scene_t *s = &scenes[nscenes];
    if (l <= 4 || strcmp(e->d_name + l - 4, ".scn") != 0) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    s->img = read_whole(path, &s->len);
    if (!s->img) continue;
    snprintf(s->name, sizeof s->name, "%s", e->d_name);
    nscenes++;
  }
  closedir(d);
}

/* Heap bytes in live blocks. */
static uint32_t heap_used(pool_t *pool) {
  pool_stats_t st;
  pool_get_stats(pool, &st);
  return st.used_bytes;
}

int main(int argc, char **argv) {
  const char *scale_env = getenv("ALEPH_ENDURANCE_SCALE");
  uint32_t scale = scale_env ? (uint32_t)strtoul(scale_env, 0, 10) : 1u;
  uint32_t cycles, ticks, c, t, loads = 0, inputs = 0, leaks = 0, peak = 0;
  uint64_t total_ticks = 0;
  screen_t screen;
  rig_t *r;
  int i;
  const char *cycles_env = getenv("ALEPH_ENDURANCE_CYCLES");
  const char *ticks_env = getenv("ALEPH_ENDURANCE_TICKS");
  if (!scale) scale = 1;
  cycles = CYCLES * scale;
  ticks = TICKS * scale;
  if (cycles_env && strtoul(cycles_env, 0, 10) > 0) cycles = (uint32_t)strtoul(cycles_env, 0, 10);
  if (ticks_env && strtoul(ticks_env, 0, 10) > 0) ticks = (uint32_t)strtoul(ticks_env, 0, 10);
  collect(argc > 1 ? argv[1] : "scenes");
  if (argc > 2) collect(argv[2]);
  CHECK(nscenes >= 3);
  r = rig_new(ARENA_PLAN_SHIPPED.heap_bytes, 0); /* the heap that ships */
  screen_init(&screen);
  net_attach_screen(rig_net(r), &screen);
  for (c = 0; c < cycles; c++) {
    for (i = 0; i < nscenes; i++) {
      scene_t *s = &scenes[i];
      scene_header_t h;
      scene_error_t err;
      net_t *n;
      uint32_t used, t0;
      CHECK_EQ_INT(scene_slot_load(&r->slot, s->img, s->len, SCENE_LAYOUT_AUTO, &h, &err),
                   SCENE_OK);
      loads++;
      n = rig_net(r);
      used = heap_used(r->pool);
      if (used > peak) peak = used;
      if (c == 0) {
        s->blocks = used;
        s->live = pool_foreach_live(r->pool, 0, 0);
        CHECK(s->live >= net_op_count(n));
      }
      CHECK_EQ_INT(used, s->blocks); /* flat: the same blocks every time */
      CHECK_EQ_INT(pool_foreach_live(r->pool, 0, 0), s->live);
      t0 = net_now(n);
      for (t = 1; t <= ticks; t++) {
        uint32_t x = next_rand();
        if ((x & 3u) == 0) {
          net_encoder(n, (uint8_t)((x >> 2) & 3u), (int16_t)((int32_t)((x >> 4) % 9u) - 4));
          inputs++;
        }
        if ((x & 0x70u) == 0) {
          net_switch(n, (uint8_t)((x >> 8) % 6u), (x >> 11) & 1u);
          inputs++;
        }
        if ((x & 0x3F000u) == 0) {
          net_cv_in(n, (uint8_t)((x >> 18) & 3u), (io_t)(x >> 20));
          inputs++;
        }
        net_advance(n, t0 + 10u * t);
      }
      total_ticks += ticks;
      CHECK_EQ_INT(net_check(n), NET_OK);
      CHECK_EQ_INT(heap_used(r->pool), s->blocks); /* running allocates nothing */
      CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
      /* unload: nothing may stay behind */
      net_clear(n);
      scene_slot_discard(&r->slot);
      if (pool_foreach_live(r->pool, 0, 0) != 0) leaks++;
      CHECK_EQ_INT(heap_used(r->pool), 0);
    }
  }
  CHECK_EQ_INT(leaks, 0);
  CHECK_EQ_INT(r->faults, 0);
  printf("test_endurance: %d scenes x %u cycles = %u loads/unloads, %llu ticks (%llu virtual s), "
         "%u inputs, %u leaks, peak %u heap bytes\n",
         nscenes, cycles, loads, (unsigned long long)total_ticks,
         (unsigned long long)(total_ticks / 100u), inputs, leaks, peak);
  for (i = 0; i < nscenes; i++) {
    printf("  %-18s %3u allocations, %5u heap bytes on every load\n", scenes[i].name,
           scenes[i].live, scenes[i].blocks);
    free(scenes[i].img);
  }
  rig_free(r);
  return check_summary("test_endurance");
}
