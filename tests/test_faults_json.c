/* SPDX-License-Identifier: MIT */
/* test_faults_json.c: allocation fault injection for JSON scene loads (issue 9). lib/ built on
 * the debug core (aleph_scene_io_debug) gives its pool the test-only pool_set_fail_after() hook;
 * for every JSON scene (the .json files in scenes/, and this project's and beekeep's JSON of every .scn in
 * scenes/ and the shared real scenes, made by scene_json_write/scene_native_write) loaded with
 * sio_load while another scene runs, the N-th allocation fails for every N the load makes. Each
 * time: sio_load returns false with a message, the running net is unchanged (same JSON
 * listing, same live allocations), the spare is empty, net_check and pool_check pass; and the
 * load after all that works.
 *   test_faults_json WORK_DIR SCENES_DIR [SHARED_SCENES_DIR] */
#define _DEFAULT_SOURCE
#define _FILE_OFFSET_BITS 64 /* readdir on 32-bit hosts with 64-bit inodes */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "scene_io.h"

#if !POOL_DEBUG
#error "test_faults_json needs lib/ on the debug core (aleph_scene_io_debug)"
#endif

static uint32_t injected, files_done;

static void count_calls(void *ctx, const pool_event_t *ev) {
  if (ev->kind != POOL_EV_FREE) (*(uint32_t *)ctx)++;
}

static uint32_t live(sio_world_t *w) { return pool_foreach_live(sio_world_pool(w), 0, 0); }

static char *listing(sio_world_t *w) {
  scene_header_t h;
  scene_header_init(&h);
  return scene_json_write(sio_world_net(w), &h, SCENE_LAYOUT_0_8_1, NULL);
}

/* Fails each allocation of loading path in turn, with `running` loaded beforehand. */
static void faults_of(const char *path, const char *running) {
  sio_world_t *w = sio_world_new();
  pool_t *pool = sio_world_pool(w);
  scene_header_t h;
  sio_kind_t kind;
  sio_error_t err;
  uint32_t calls = 0, total, k, base;
  char *l0;
  CHECK(w != NULL);
  CHECK(sio_load(sio_world_slot(w), running, SCENE_LAYOUT_AUTO, &h, &kind, &err));
  l0 = listing(w);
  base = live(w);
  CHECK(l0 != NULL && base > 0);
  pool_set_trace(pool, count_calls, &calls);
  if (!sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &h, &kind, &err)) {
    fprintf(stderr, "%s\n", err.message);
    CHECK(0);
  }
  CHECK(kind != SIO_KIND_SCN);
  total = calls;
  CHECK(total > 0);
  /* back to the running scene, then fail the load's allocations one by one */
  CHECK(sio_load(sio_world_slot(w), running, SCENE_LAYOUT_AUTO, &h, &kind, &err));
  for (k = 1; k <= total; k++) {
    char *l1;
    CHECK_EQ_INT(live(w), base);
    pool_set_fail_after(pool, k);
    CHECK(!sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &h, &kind, &err));
    injected++;
    CHECK(err.message[0] != '\0');
    if (!strstr(err.message, "memory")) fprintf(stderr, "%s\n", err.message);
    CHECK(strstr(err.message, "memory") != NULL);
    pool_set_fail_after(pool, 0);
    CHECK_EQ_INT(net_op_count(scene_slot_spare(sio_world_slot(w))), 0);
    CHECK_EQ_INT(live(w), base); /* nothing leaked, the running net kept */
    CHECK_EQ_INT(net_check(sio_world_net(w)), NET_OK);
    CHECK_EQ_INT(pool_check(pool, 0), POOL_OK);
    l1 = listing(w);
    CHECK(l1 && strcmp(l0, l1) == 0);
    free(l1);
  }
  /* and the load after all that works */
  calls = 0;
  CHECK(sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &h, &kind, &err));
  CHECK_EQ_INT(calls, total);
  CHECK_EQ_INT(net_check(sio_world_net(w)), NET_OK);
  pool_set_trace(pool, 0, 0);
  printf("  %s: %u allocations, each failed once\n", path, total);
  files_done++;
  free(l0);
  sio_world_free(w);
}

/* The .json files in dir, and the JSON forms of its .scn files (written into work). */
static void json_of(const char *dir, const char *work, const char *running) {
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
    if (l > 5 && (strcmp(e->d_name + l - 4, ".scn") == 0 || strcmp(e->d_name + l - 5, ".json") == 0))
      names[n++] = strdup(e->d_name);
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
    char path[4096];
    size_t l = strlen(names[i]);
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    if (strcmp(names[i] + l - 5, ".json") == 0) {
      faults_of(path, running);
    } else {
      sio_world_t *w = sio_world_new();
      scene_header_t h;
      sio_kind_t kind;
      sio_error_t err;
      char out[4096];
      CHECK(sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &h, &kind, &err));
      {
        char *json = scene_json_write(sio_world_net(w), &h, SCENE_LAYOUT_AUTO, &err);
        char *native = scene_native_write(sio_world_net(w), &h, SCENE_LAYOUT_AUTO, &err);
        CHECK(json && native);
        snprintf(out, sizeof out, "%s/%s.json", work, names[i]);
        CHECK(json && sio_write_file(out, json, strlen(json), &err));
        faults_of(out, running);
        snprintf(out, sizeof out, "%s/%s.native.json", work, names[i]);
        CHECK(native && sio_write_file(out, native, strlen(native), &err));
        faults_of(out, running);
        free(json);
        free(native);
      }
      sio_world_free(w);
    }
    free(names[i]);
  }
}

int main(int argc, char **argv) {
  char running[4096];
  if (argc < 3) {
    fprintf(stderr, "usage: test_faults_json WORK_DIR SCENES_DIR [SHARED_SCENES_DIR]\n");
    return 2;
  }
  mkdir(argv[1], 0755);
  snprintf(running, sizeof running, "%s/sequencer.scn", argv[2]);
  json_of(argv[2], argv[1], running);
  if (argc > 3) json_of(argv[3], argv[1], running);
  CHECK(files_done >= 9);
  printf("test_faults_json: %u allocation faults injected over %u JSON scene loads\n", injected,
         files_done);
  return check_summary("test_faults_json");
}
