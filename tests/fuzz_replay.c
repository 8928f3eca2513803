/* SPDX-License-Identifier: MIT */
/* fuzz_replay.c: runs a fuzz target's LLVMFuzzerTestOneInput (fuzz/fuzz_*.c, linked in) on
 * files, without libFuzzer, so the normal gcc builds (host, sanitizers, big-endian) replay
 * regression inputs and seeds as CTest cases. A target reports a problem by aborting (its
 * FUZZ_REQUIRE checks); replaying no input at all is a failure too.
 *   fuzz_replay_TARGET FILE_OR_DIR... (missing paths are skipped; files starting with '.' or
 *   named README* in a folder are ignored) */
#define _FILE_OFFSET_BITS 64 /* readdir on 32-bit hosts (qemu-ppc) with 64-bit inodes */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replayed;

static void one(const char *path) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf;
  long n;
  if (!f) {
    fprintf(stderr, "fuzz_replay: cannot open %s\n", path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc(n > 0 ? (size_t)n : 1u);
  if (n < 0 || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    fprintf(stderr, "fuzz_replay: cannot read %s\n", path);
    exit(1);
  }
  fclose(f);
  printf("  %s (%ld bytes)\n", path, n);
  fflush(stdout);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  replayed++;
}

int main(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      printf("  %s: not found, skipped\n", argv[i]);
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      DIR *d = opendir(argv[i]);
      struct dirent *e;
      while (d && (e = readdir(d))) {
        char path[4096];
        if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) one(path);
      }
      if (d) closedir(d);
    } else {
      one(argv[i]);
    }
  }
  if (replayed == 0) { /* a case whose inputs went missing must not pass */
    fprintf(stderr, "fuzz_replay: no input replayed\n");
    return 1;
  }
  printf("fuzz_replay: %d inputs replayed, no problem found\n", replayed);
  return 0;
}
