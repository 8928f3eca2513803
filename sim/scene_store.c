/* SPDX-License-Identifier: MIT */
/* scene_store.c: the editor's scenes as files NAME.scn in one folder: listing (sorted by name),
 * loading through lib/scene_io into the engine's slot, and safe saving in bees 0.8.1's layout. */
#define _DEFAULT_SOURCE /* strdup, strndup, realpath */
#include "scene_store.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "examples.h"
#include "scene_io.h"
#include "scene_load.h"

static void forget(scene_store_t *s) {
  uint16_t i;
  for (i = 0; i < s->n; i++) free(s->names[i]);
  s->n = 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static uint16_t st_count(void *ctx) {
  scene_store_t *s = ctx;
  DIR *d = opendir(s->dir);
  struct dirent *ent;
  forget(s);
  if (!d) return 0;
  while ((ent = readdir(d))) {
    size_t len = strlen(ent->d_name);
    uint16_t last = 0, i;
    char *name;
    /* bees lists .scn files; names longer than a scene name could not be stored back */
    if (len <= 4 || strcmp(ent->d_name + len - 4, ".scn") || len - 4 > UI_NAME_LEN) continue;
    name = strdup(ent->d_name);
    if (!name) break;
    name[len - 4] = '\0';
    if (s->n < SCENE_STORE_MAX) {
      s->names[s->n++] = name;
      continue;
    }
    /* full: keep the first SCENE_STORE_MAX by name, whatever order the folder lists them in */
    for (i = 1; i < s->n; i++)
      if (by_name(&s->names[i], &s->names[last]) > 0) last = i;
    if (by_name(&name, &s->names[last]) < 0) {
      free(s->names[last]);
      s->names[last] = name;
    } else {
      free(name);
    }
  }
  closedir(d);
  qsort(s->names, s->n, sizeof s->names[0], by_name);
  return s->n;
}

static bool st_name(void *ctx, uint16_t i, char *out, uint16_t cap) {
  scene_store_t *s = ctx;
  if (i >= s->n) return false;
  snprintf(out, cap, "%s", s->names[i]);
  return true;
}

static char *path_of(const scene_store_t *s, const char *name) {
  size_t n = strlen(s->dir) + strlen(name) + 6;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%s.scn", s->dir, name);
  return p;
}

static bool st_load(void *ctx, const char *name, char *loaded, uint16_t cap, char *msg,
                    uint16_t mcap) {
  scene_store_t *s = ctx;
  char *path = path_of(s, name);
  sio_error_t err;
  scene_header_t hdr;
  sio_kind_t kind;
  if (!path) {
    snprintf(msg, mcap, "OUT OF MEMORY");
    return false;
  }
  if (!sio_load_named(&s->e->sys.slot, path, SCENE_LAYOUT_AUTO, &hdr, &kind, &s->e->names, &err)) {
    /* the head line has room for a word; the whole story goes to the log */
    fprintf(stderr, "aleph-sim: SCENES page: %s\n", err.message);
    snprintf(msg, mcap, err.scene.status == SCENE_ERR_NO_MEMORY ? "NO MEMORY FOR SCENE!"
                                                                : "READ FAILED");
    free(path);
    return false;
  }
  free(path);
  s->hdr = hdr;
  engine_loaded(s->e, hdr.module); /* the editor and the DSP follow the new net */
  snprintf(loaded, cap, "%s", hdr.name[0] ? hdr.name : name);
  return true;
}

static bool st_save(void *ctx, const char *name, char *msg, uint16_t mcap) {
  scene_store_t *s = ctx;
  char *path = path_of(s, name);
  sio_error_t err;
  bool ok;
  /* a name from a loaded scene's header could name another folder */
  if (!name[0] || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
    snprintf(msg, mcap, "BAD SCENE NAME");
    free(path);
    return false;
  }
  if (!path) {
    snprintf(msg, mcap, "OUT OF MEMORY");
    return false;
  }
  snprintf(s->hdr.name, sizeof s->hdr.name, "%s", name);
  s->hdr.layout = SCENE_LAYOUT_0_8_1;
  scene_header_derive_descriptor(&s->hdr);
  ok = sio_save_scn(engine_net(s->e), &s->hdr, SCENE_LAYOUT_0_8_1, path, &err);
  if (!ok) {
    fprintf(stderr, "aleph-sim: SCENES page: %s\n", err.message);
    /* a folder that cannot be written (the installed examples): say so, and what to do */
    if (access(s->dir, W_OK) != 0) {
      fprintf(stderr, "aleph-sim: SCENES page: %s cannot be written: start aleph-sim with "
              "--scene-dir FOLDER to store scenes elsewhere\n", s->dir);
      snprintf(msg, mcap, "FOLDER READ-ONLY");
    } else {
      snprintf(msg, mcap, "WRITE FAILED");
    }
  }
  free(path);
  return ok;
}

static const char *st_module(void *ctx) { return ((scene_store_t *)ctx)->hdr.module; }

/* The store's name for the scene file at path (its base name without .scn), if it lies in the
 * store's folder; else "". */
static void entry_of(const scene_store_t *s, const char *path, char *out, size_t cap) {
  const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
  size_t len = strlen(base);
  char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
  char *a = dir ? realpath(slash == path ? "/" : dir, NULL) : NULL, *b = realpath(s->dir, NULL);
  out[0] = '\0';
  if (a && b && !strcmp(a, b) && len > 4 && !strcmp(base + len - 4, ".scn") && len - 4 < cap)
    snprintf(out, cap, "%.*s", (int)(len - 4), base);
  free(dir);
  free(a);
  free(b);
}

/* engine_t's on_scene_loaded: a scene loaded from the command line, OSC or a replay becomes the
 * running scene here too: its header (module, versions) is what STORE writes, and the SCENES
 * page reads the folder again and selects it. */
static void st_loaded(void *ctx, const char *path, const scene_header_t *hdr) {
  scene_store_t *s = ctx;
  char entry[UI_NAME_LEN + 1];
  s->hdr = *hdr;
  entry_of(s, path, entry, sizeof entry);
  ui_scene_loaded(&s->e->ui, entry[0] ? entry : NULL);
}

bool scene_store_init(scene_store_t *s, engine_t *e, const char *dir) {
  memset(s, 0, sizeof *s);
  s->e = e;
  s->dir = strdup(dir);
  if (!s->dir) return false;
  scene_header_init(&s->hdr);
  s->iface.ctx = s;
  s->iface.count = st_count;
  s->iface.name = st_name;
  s->iface.load = st_load;
  s->iface.save = st_save;
  s->iface.module = st_module;
  ui_set_store(&e->ui, &s->iface);
  e->on_scene_loaded = st_loaded;
  e->on_scene_loaded_ctx = s;
  return true;
}

void scene_store_free(scene_store_t *s) {
  if (s->e) {
    ui_set_store(&s->e->ui, NULL);
    s->e->on_scene_loaded = NULL;
  }
  forget(s);
  free(s->dir);
  s->dir = NULL;
}

void scene_store_started(scene_store_t *s, const char *path) {
  uint8_t *data = NULL;
  size_t len = 0;
  sio_error_t err;
  char name[UI_NAME_LEN + 1];
  scene_header_init(&s->hdr);
  if (!path) {
    ui_set_scene_name(&s->e->ui, "");
    return;
  }
  /* a .scn file's pickled header (the module it wants); JSON scenes keep the default one */
  if (sio_read_file(path, &data, &len, &err) && sio_sniff(data, len) == SIO_KIND_SCN &&
      scene_probe(data, (uint32_t)len, SCENE_LAYOUT_AUTO, &s->hdr, NULL, NULL) != SCENE_OK)
    scene_header_init(&s->hdr);
  free(data);
  scene_name_for(path, s->hdr.name, name, sizeof name);
  ui_set_scene_name(&s->e->ui, name);
  { /* SCENES opens on it */
    char entry[UI_NAME_LEN + 1];
    entry_of(s, path, entry, sizeof entry);
    ui_scene_loaded(&s->e->ui, entry[0] ? entry : NULL);
  }
}

void scene_store_default_dir(const char *scene, char *out, size_t cap) {
  const char *slash = scene ? strrchr(scene, '/') : NULL;
  if (!scene) {
    struct stat st;
    /* ./scenes where there is one (a source tree), else the installed examples if any */
    if (stat("scenes", &st) != 0 && examples_dir(out, cap)) return;
    snprintf(out, cap, "scenes");
  } else if (!slash)
    snprintf(out, cap, ".");
  else if (slash == scene)
    snprintf(out, cap, "/");
  else
    snprintf(out, cap, "%.*s", (int)(slash - scene), scene);
}
