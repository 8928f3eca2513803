/* SPDX-License-Identifier: MIT */
/* scene_store.h: the editor's scene store (core/ui's ui_scene_store_t) on a folder of .scn files:
 * the SCENES page lists them by name, loads one into the engine's scene slot (not a recorded
 * event: it follows from recorded key events, so a replay repeats it) and saves the running net
 * safely (lib/scene_io: temporary file, fsync, rename). */
#ifndef ALEPH_SIM_SCENE_STORE_H
#define ALEPH_SIM_SCENE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "scene.h"
#include "ui.h"

#define SCENE_STORE_MAX 256u /* scenes listed from one folder: the first by name */

typedef struct {
  engine_t *e;
  char *dir;                /* owned */
  char *names[SCENE_STORE_MAX]; /* base names without .scn, sorted (owned) */
  uint16_t n;
  scene_header_t hdr;       /* the running scene's header (module name, versions) */
  ui_scene_store_t iface;   /* handed to the editor */
} scene_store_t;

/* Binds the store to dir and installs it in the engine's editor. false if out of memory. */
bool scene_store_init(scene_store_t *s, engine_t *e, const char *dir);
void scene_store_free(scene_store_t *s);
/* The scene file the session started with (NULL: the demo): its header becomes the running
 * scene's (module name for the DSP page) and its name the one the SCENES page stores under. */
void scene_store_started(scene_store_t *s, const char *path);
/* The default folder: the scene's own folder; without a scene "scenes" if there is one here,
 * else the installed example scenes (sim/examples.h), else "scenes". out[cap]. */
void scene_store_default_dir(const char *scene, char *out, size_t cap);

#endif
