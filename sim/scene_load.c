/* scene_load.c: loads a scene file (.scn or the project's JSON, by content) into the running
 * engine through lib/scene_io's sio_load: built in the slot's spare, swapped in when complete. */
#include "scene_load.h"

#include <stdio.h>

#include "scene_io.h"

bool scene_load_file(engine_t *e, const char *path, char *err, size_t errlen) {
  sio_error_t serr;
  scene_header_t hdr;
  sio_kind_t kind;
  if (!sio_load(&e->sys.slot, path, SCENE_LAYOUT_AUTO, &hdr, &kind, &serr)) {
    snprintf(err, errlen, "%s", serr.message); /* names the file and, from the codec, the offset */
    return false;
  }
  engine_loaded(e);
  return true;
}
