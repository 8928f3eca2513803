/* SPDX-License-Identifier: MIT */
/* scene_io.h: host-side scene files for tools and the simulator: reading and safely saving
 * .scn files, the JSON form of a network (docs/scene-json.md) and beekeep's "native" JSON,
 * and Graphviz DOT export. Built on core/scene.h; uses stdio and cJSON. */
#ifndef ALEPH_SCENE_IO_H
#define ALEPH_SCENE_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "scene.h"

/* Every failure gives one sentence naming the file (when there is one) and, for a scene
 * error, the byte offset; scene holds the codec's own error if it caused the failure. */
typedef struct {
  char message[512];
  scene_error_t scene; /* status SCENE_OK if the codec was not the cause */
} sio_error_t;

/* ---- files ---- */

/* The largest scene file read, in any form: a .scn image is exactly SCENE_FILE_SIZE (262,200)
 * bytes (the codec says what is wrong with one of another size); JSON forms may be larger, but
 * 128 ops with 32 full presets take about 2 MB, so 16 MiB leaves room for any layout of the
 * text. */
#define SIO_SCENE_MAX_BYTES (16u << 20)

/* Reads a whole scene file into a malloc'd buffer (NUL-terminated one byte past *len, so text
 * can be parsed in place): a regular file of at most SIO_SCENE_MAX_BYTES, never blocking
 * (fio_read_regular: FIFOs, devices and folders are refused). */
bool sio_read_file(const char *path, uint8_t **data, size_t *len, sio_error_t *err);
/* Writes a file safely (fio_write_file, lib/file_io.h): a temporary file in the same folder
 * (".NAME.XXXXXX", locked while it is written), fsync'd, then renamed over path (and the folder
 * fsync'd), so path holds either the old or the new content, with the old file's permissions (a
 * new file: 0644). A save that succeeds then removes stale temporary siblings of path
 * (fio_remove_stale_temps). A symbolic link (or chain) to a regular file stays: the file it
 * leads to is saved that way, beside itself (realpath). A FIFO, device or socket (or a link to
 * one, such as /dev/stdout) is written in place, never replaced, without the guarantee above
 * (opening a FIFO waits for a reader). Fails, creating nothing, for a directory and for a link
 * to a missing file. */
bool sio_write_file(const char *path, const void *data, size_t len, sio_error_t *err);

/* ---- a host network to load scenes into ---- */

/* Memory for a pool big enough for any two scenes bees can hold (128 ops of any class each)
 * and a scene slot with bees 0.8.1's limits. */
typedef struct sio_world sio_world_t;
sio_world_t *sio_world_new(void);
void sio_world_free(sio_world_t *world);
scene_slot_t *sio_world_slot(sio_world_t *world);
net_t *sio_world_net(sio_world_t *world);
pool_t *sio_world_pool(sio_world_t *world);

/* ---- what a file holds ---- */
typedef enum {
  SIO_KIND_SCN,    /* a bees .scn image */
  SIO_KIND_JSON,   /* this project's JSON (docs/scene-json.md) */
  SIO_KIND_NATIVE  /* beekeep's native JSON */
} sio_kind_t;
/* By content: JSON if the first non-blank byte (after a UTF-8 byte order mark) is '{' or '[' (native if it has "operators"
 * and no "aleph-scene"), else a .scn image. */
sio_kind_t sio_sniff(const uint8_t *data, size_t len);
/* 3 if text starts with a UTF-8 byte order mark (some Windows editors write one before JSON),
 * else 0: the JSON readers skip it. */
size_t sio_bom_len(const void *text, size_t len);
const char *sio_kind_name(sio_kind_t kind);

/* Loads a .scn or JSON file (by content) into the slot: built in the spare and swapped in only
 * when complete, so on failure the running network is untouched. layout: for .scn, the layout
 * to read (AUTO: detect); for JSON, the layout of op state when the file does not say. */
bool sio_load(scene_slot_t *slot, const char *path, scene_layout_t layout, scene_header_t *hdr,
              sio_kind_t *kind, sio_error_t *err);
/* sio_load, and on success names (if not NULL) holds the loaded ops' names (lib/op_names.h): a
 * JSON scene's, else the handles. */
struct op_names;
bool sio_load_named(scene_slot_t *slot, const char *path, scene_layout_t layout,
                    scene_header_t *hdr, sio_kind_t *kind, struct op_names *names,
                    sio_error_t *err);
/* Saves net as a .scn file (layout AUTO: hdr->layout) with sio_write_file. */
bool sio_save_scn(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                  const char *path, sio_error_t *err);

/* ---- JSON (docs/scene-json.md) ---- */

/* The network as JSON text (malloc'd). Op state is pickled in `layout` (AUTO: hdr->layout), so
 * reading it back and encoding in that layout reproduces the scene file byte for byte. NULL with
 * a message if a name (scene, module, param label, preset) is not UTF-8: JSON text must be, and
 * replacing the bytes would break that round trip (scene_native_write: the same). */
char *scene_json_write(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                       sio_error_t *err);
/* scene_json_write with the ops named by names (NULL: their handles). */
char *scene_json_write_named(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                             const struct op_names *names, sio_error_t *err);
/* Builds the network a JSON text describes into `net` (cleared first, left empty on failure).
 * layout: the state layout when the text has no "layout" (AUTO: 0.8.1). name: the file name
 * for messages (may be NULL). */
bool scene_json_read(net_t *net, const char *text, scene_layout_t layout, scene_header_t *hdr,
                     const char *name, sio_error_t *err);
/* scene_json_read, and on success names (if not NULL) holds every op's name: its "name", else
 * the handle a writer would give it. */
bool scene_json_read_named(net_t *net, const char *text, scene_layout_t layout,
                           scene_header_t *hdr, const char *name, struct op_names *names,
                           sio_error_t *err);

/* Why cJSON refused text[0..len) (at: where it stopped, cJSON_GetErrorPtr(); may be NULL), as a
 * phrase for a message: "not valid JSON: syntax error at line 3, column 7", or, for text nested
 * deeper than cJSON goes (CJSON_NESTING_LIMIT, 1000), "JSON nested more than 1000 levels deep
 * (at line 1), more than the JSON reader takes". */
void sio_json_explain(const char *text, size_t len, const char *at, char *out, size_t cap);

/* beekeep's native JSON: the form bees' own converter writes (operators with pickled state as
 * byte arrays, class ids, targets by index or name). State is in `layout` (AUTO: from the
 * file's beesVersion, before 0.8 meaning 0.7.1). */
bool scene_native_read(net_t *net, const char *text, scene_layout_t layout, scene_header_t *hdr,
                       const char *name, sio_error_t *err);
char *scene_native_write(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                         sio_error_t *err);

/* ---- Graphviz ---- */

/* A DOT digraph (malloc'd): one record node per op with its inputs on the left and outputs on
 * the right, one node per targeted DSP param, one edge per connection. */
char *scene_dot_write(const net_t *net, const scene_header_t *hdr);

/* ---- names the JSON and DOT forms give ops ---- */

/* A unique handle for op i: its display name (SW1..FS2 for the switches) if no other op shows
 * the same, else NAME#k with k counting that name's ops from 0. out: at least 32 bytes. */
void sio_op_handle(const net_t *net, uint16_t i, char *out, size_t cap);
/* bees' ParamType names ("bool", "fix", "amp", "integrator", "note", "svf_freq", "fract",
 * "short", "integrator_short", "label"); NULL for others. */
const char *sio_param_type_name(uint8_t type);
bool sio_param_type_parse(const char *name, uint8_t *type);

#endif
