/* SPDX-License-Identifier: MIT */
/* examples.c: finds the installed example scenes (sim/examples.h): SDL_GetBasePath (the
 * program's own folder, portably) plus the bin-to-scenes path CMake computed, else the
 * configured absolute path (sim/install_dirs.h, generated). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "examples.h"

#include <SDL.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "install_dirs.h"

/* path's folder, named without "bin/.." where realpath can (out[cap] holds path already) */
static bool found_dir(char *out, size_t cap) {
  char real[PATH_MAX];
  struct stat st;
  if (stat(out, &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  if (realpath(out, real) && strlen(real) < cap) memcpy(out, real, strlen(real) + 1);
  return true;
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool examples_dir(char *out, size_t cap) {
  char *base = SDL_GetBasePath(); /* ends in '/'; NULL where the platform cannot tell */
  int n;
  if (base) {
    n = snprintf(out, cap, "%s%s", base, ALEPH_EXAMPLES_FROM_BINDIR);
    SDL_free(base);
    if (n > 0 && (size_t)n < cap && found_dir(out, cap)) return true;
  }
  n = snprintf(out, cap, "%s", ALEPH_EXAMPLES_DIR);
  if (n > 0 && (size_t)n < cap && found_dir(out, cap)) return true;
  if (cap) out[0] = '\0';
  return false;
}

bool examples_find(const char *name, char *out, size_t cap) {
  char dir[4096], path[4096 + 256];
  static const char *const suffix[] = {"", ".scn"};
  size_t i;
  if (!name[0] || strchr(name, '/') || is_file(name) || !examples_dir(dir, sizeof dir))
    return false;
  for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
    int n = snprintf(path, sizeof path, "%s/%s%s", dir, name, suffix[i]);
    if (n > 0 && (size_t)n < sizeof path && (size_t)n < cap && is_file(path)) {
      memcpy(out, path, (size_t)n + 1);
      return true;
    }
  }
  return false;
}
