/* SPDX-License-Identifier: MIT */
/* scene_load.h: loading a scene file (.scn, or JSON) into the engine: decoded into the scene
 * slot's spare net and swapped in; errors name the file and the byte offset. */
#ifndef ALEPH_SIM_SCENE_LOAD_H
#define ALEPH_SIM_SCENE_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

/* false with a sentence naming the file and offset in err; the running net is then untouched.
 * On success the editor's SCENES page takes the scene's name (scene_name_for). */
bool scene_load_file(engine_t *e, const char *path, char *err, size_t errlen);
/* A scene's name: its header's (header_name, may be NULL or ""), else the file name without
 * folder and extension. */
void scene_name_for(const char *path, const char *header_name, char *out, size_t cap);

#endif
