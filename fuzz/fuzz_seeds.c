/* SPDX-License-Identifier: MIT */
/* fuzz_seeds.c: builds the seed corpora at run time from scene files (never stored in the
 * repository), in CORPUS/TARGET: for each .scn given, a copy without its trailing filler into
 * scene/ (fuzz_scene completes it), its bytes before the presets into scene_head/, and its JSON
 * and beekeep native JSON into json/; each .json given is copied into json/. Files that do not
 * load are skipped with a note. (fuzz/run.sh adds tests/fuzz-cases/TARGET to each corpus.)
 *   fuzz_seeds CORPUS FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

/* as core/scene.c's filler: de ad be ef from the end of the descriptor */
static uint8_t filler(size_t off) {
  static const uint8_t pattern[4] = {0xDE, 0xAD, 0xBE, 0xEF};
  return pattern[(off - SCENE_DESC_SIZE) & 3u];
}

static void put(const char *corpus, const char *dir, const char *base, const char *ext,
                const void *p, size_t n) {
  char path[4096];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s/%s%s", corpus, dir, base, ext);
  f = fopen(path, "wb");
  if (!f || fwrite(p, 1, n, f) != n) fprintf(stderr, "fuzz_seeds: cannot write %s\n", path);
  if (f) fclose(f);
}

int main(int argc, char **argv) {
  int i, made = 0;
  sio_world_t *w = sio_world_new();
  if (argc < 2 || !w) {
    fprintf(stderr, "usage: fuzz_seeds CORPUS FILE...\n");
    return 2;
  }
  for (i = 2; i < argc; i++) {
    const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
    uint8_t *data;
    size_t len;
    sio_error_t err;
    sio_kind_t kind;
    scene_header_t hdr;
    if (!sio_read_file(argv[i], &data, &len, &err)) {
      fprintf(stderr, "fuzz_seeds: %s\n", err.message);
      continue;
    }
    if (sio_sniff(data, len) != SIO_KIND_SCN) {
      put(argv[1], "json", base, "", data, len);
      made++;
    } else if (sio_load(sio_world_slot(w), argv[i], SCENE_LAYOUT_AUTO, &hdr, &kind, &err)) {
      size_t n = len;
      char *json = scene_json_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
      char *native = scene_native_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
      scene_probe_t info;
      while (n > SCENE_DESC_SIZE && data[n - 1] == filler(n - 1)) n--;
      put(argv[1], "scene", base, "", data, n);
      if (scene_probe(data, (uint32_t)len, hdr.layout, 0, &info, 0) == SCENE_OK) {
        put(argv[1], "scene_head", base, "", data, info.presets_at);
        made++;
      }
      if (json) put(argv[1], "json", base, ".json", json, strlen(json));
      if (native) put(argv[1], "json", base, ".native.json", native, strlen(native));
      free(json);
      free(native);
      made += 3;
    } else {
      fprintf(stderr, "fuzz_seeds: skipped: %s\n", err.message);
    }
    free(data);
  }
  sio_world_free(w);
  printf("fuzz_seeds: %d seed files\n", made);
  return 0;
}
