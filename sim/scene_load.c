/* SPDX-License-Identifier: MIT */
/* scene_load.c: loads a scene file (.scn or the project's JSON, by content) into the running
 * engine through lib/scene_io's sio_load: built in the slot's spare, swapped in when complete;
 * the editor's SCENES page then saves under that scene's name. */
#include "scene_load.h"

#include <stdio.h>
#include <string.h>

#include "scene_io.h"

/* The first len bytes of s (at most cap - 1 of them) as a string in out. A header's name may be
 * one byte longer than the editor keeps (SCENE_NAME_LEN vs UI_NAME_LEN): cut on purpose, so no
 * snprintf whose truncation the compiler would rightly warn about. */
static void copy_cut(char *out, size_t cap, const char *s, size_t len) {
  if (cap == 0) return;
  if (len > cap - 1) len = cap - 1;
  memcpy(out, s, len);
  out[len] = '\0';
}

void scene_name_for(const char *path, const char *header_name, char *out, size_t cap) {
  const char *base = strrchr(path, '/'), *dot;
  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  if (header_name && header_name[0])
    copy_cut(out, cap, header_name, strlen(header_name));
  else
    copy_cut(out, cap, base, dot ? (size_t)(dot - base) : strlen(base));
}

bool scene_load_file(engine_t *e, const char *path, char *err, size_t errlen) {
  sio_error_t serr;
  scene_header_t hdr;
  sio_kind_t kind;
  if (!sio_load_named(&e->sys.slot, path, SCENE_LAYOUT_AUTO, &hdr, &kind, &e->names, &serr)) {
    snprintf(err, errlen, "%s", serr.message); /* names the file and, from the codec, the offset */
    return false;
  }
  engine_loaded(e, hdr.module);
  { /* the SCENES page saves under the loaded scene's name */
    char name[UI_NAME_LEN + 1];
    scene_name_for(path, hdr.name, name, sizeof name);
    ui_set_scene_name(&e->ui, name);
  }
  if (e->on_scene_loaded) e->on_scene_loaded(e->on_scene_loaded_ctx, path, &hdr);
  return true;
}
