/* scene_load.c: loads a scene file (.scn or the project's JSON, by content) into the running
 * engine through lib/scene_io's sio_load: built in the slot's spare, swapped in when complete;
 * the editor's SCENES page then saves under that scene's name. */
#include "scene_load.h"

#include <stdio.h>
#include <string.h>

#include "scene_io.h"

void scene_name_for(const char *path, const char *header_name, char *out, size_t cap) {
  const char *base = strrchr(path, '/'), *dot;
  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  if (header_name && header_name[0])
    snprintf(out, cap, "%s", header_name);
  else
    snprintf(out, cap, "%.*s", (int)(dot ? (size_t)(dot - base) : strlen(base)), base);
}

bool scene_load_file(engine_t *e, const char *path, char *err, size_t errlen) {
  sio_error_t serr;
  scene_header_t hdr;
  sio_kind_t kind;
  if (!sio_load(&e->sys.slot, path, SCENE_LAYOUT_AUTO, &hdr, &kind, &serr)) {
    snprintf(err, errlen, "%s", serr.message); /* names the file and, from the codec, the offset */
    return false;
  }
  engine_loaded(e);
  { /* the SCENES page saves under the loaded scene's name */
    char name[UI_NAME_LEN + 1];
    scene_name_for(path, hdr.name, name, sizeof name);
    ui_set_scene_name(&e->ui, name);
  }
  return true;
}
