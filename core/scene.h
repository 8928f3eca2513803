/* SPDX-License-Identifier: MIT */
/* scene.h: bees scene files (.scn) on byte buffers: decoding the 0.7.1 and 0.8.1 layouts into a
 * net, encoding a net byte for byte, errors with file offsets, and a two-net slot that swaps a
 * loaded scene in only when it decoded completely. No file I/O here (see lib/scene_io.h). */
#ifndef ALEPH_SCENE_H
#define ALEPH_SCENE_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"

/* ---- the container (identical in both layouts) ---- */
#define SCENE_DESC_SIZE 56u          /* raw sceneDesc_t, ignored by bees' reader */
#define SCENE_PICKLE_SIZE 0x40000u   /* pickled scene, then de ad be ef filler */
#define SCENE_FILE_SIZE (SCENE_DESC_SIZE + SCENE_PICKLE_SIZE) /* 262,200 */
#define SCENE_NAME_LEN 24u           /* scene and module names, NUL-padded */
#define SCENE_OPS_MAX 128u           /* bees' NET_OPS_MAX */
#define SCENE_INS_MAX 256u           /* NET_INS_MAX: input node records stored */
#define SCENE_OUTS_MAX 256u          /* NET_OUTS_MAX: output node records stored */
#define SCENE_PARAMS_MAX 256u        /* NET_PARAMS_MAX */
#define SCENE_PRESETS 32u            /* NET_PRESETS_MAX: preset records stored */
#define SCENE_PRESET_SIZE 6160u      /* 512 x 8 (inputs and params) + 256 x 8 (outputs) + 16 */
#define SCENE_PARAM_SIZE 44u
#define SCENE_NO_OFFSET 0xFFFFFFFFu  /* error not tied to a byte of the file */

/* Which bees wrote the pickle. The file has no reliable marker (its version fields propagate
 * from scene to scene), so AUTO validates both layouts fully (scene_probe) and picks the one
 * that decodes; when both do, the one whose stream is followed by intact filler, then the one
 * the pickled bees version names (< 0.8 means 0.7.1). */
typedef enum {
  SCENE_LAYOUT_AUTO = 0,
  SCENE_LAYOUT_0_7_1, /* bees 0.7.1: the release bundle's scenes */
  SCENE_LAYOUT_0_8_1  /* bees 0.8.1: what aleph-sim writes by default */
} scene_layout_t;

/* Every outcome. scene_strerror() gives the category; scene_error_t.message the details. */
typedef enum {
  SCENE_OK = 0,
  SCENE_ERR_NULL_ARG,
  SCENE_ERR_WRONG_SIZE,      /* not 262,200 bytes (and not cut short inside the data) */
  SCENE_ERR_TRUNCATED,       /* the data ends inside a record */
  SCENE_ERR_NAME,            /* a scene, module or preset name without its terminating NUL */
  SCENE_ERR_UNKNOWN_CLASS,   /* a class id the layout does not have */
  SCENE_ERR_CLASS_MISSING,   /* a valid class that this build does not include */
  SCENE_ERR_TOO_MANY_OPS,    /* over bees' 128 ops or the net's limit */
  SCENE_ERR_TOO_MANY_INS,    /* inputs over 256 or the net's limit */
  SCENE_ERR_TOO_MANY_OUTS,   /* outputs over 256 or the net's limit */
  SCENE_ERR_TOO_MANY_PARAMS, /* params over 256 or the net's limit */
  SCENE_ERR_TARGET,          /* an output or preset target out of range */
  SCENE_ERR_PRESET,          /* a preset flag other than 0/1, or an entry for no node */
  SCENE_ERR_OP_STATE,        /* an op refused its pickled state */
  SCENE_ERR_NO_MEMORY,       /* the pools cannot hold the scene's ops next to the running net */
  SCENE_ERR_NET,             /* the net refused the scene or its invariant check failed */
  SCENE_ERR_BUFFER,          /* encode: the output buffer is smaller than a scene file */
  SCENE_ERR_TOO_LARGE,       /* encode: the pickle does not fit its 0x40000 bytes */
  SCENE_ERR_UNREPRESENTABLE  /* encode: the net has something the layout cannot express */
} scene_status_t;

/* What went wrong and where. message is one sentence without the offset. */
#define SCENE_MESSAGE_LEN 160u
typedef struct {
  scene_status_t status;
  uint32_t offset;       /* byte offset in the file (SCENE_NO_OFFSET if none) */
  scene_layout_t layout; /* the layout being read or written */
  char message[SCENE_MESSAGE_LEN];
} scene_error_t;

typedef struct {
  uint8_t maj, min;
  uint16_t rev;
} scene_version_t;

/* The scene's identity. name/module/versions are the pickled ones (what bees reads); the
 * descriptor is the 56 raw bytes before the pickle, kept so that a round trip is
 * byte-identical (bees writes it in the CPU's byte order and never reads it back). */
typedef struct {
  char name[SCENE_NAME_LEN + 1];
  char module[SCENE_NAME_LEN + 1]; /* e.g. "aleph-waves.ldr" */
  scene_version_t bees;
  scene_version_t module_version;
  uint8_t descriptor[SCENE_DESC_SIZE];
  scene_layout_t layout; /* layout it was read in; the default layout for writing */
  /* The 24-byte name fields as the file holds them. bees strcpy's names into fields that may
   * have held longer ones (0.8.1 even rewrites "aleph-waves.ldr" as "waves.ldr" in place), so
   * bytes after the NUL can be left over. A field is written (and put in the derived
   * descriptor) as it is while its text up to the first NUL is still `name` / `module`;
   * otherwise the name is written NUL-padded. All zero after scene_header_init(). */
  uint8_t name_field[SCENE_NAME_LEN];
  uint8_t module_field[SCENE_NAME_LEN];
} scene_header_t;

/* Empty names, bees 0.8.1, module 0.0.0, layout 0.8.1, derived descriptor. */
void scene_header_init(scene_header_t *hdr);
/* Sets the descriptor from the pickled fields as the AVR32 writes it: names, then versions
 * {maj, min, rev big-endian}. */
void scene_header_derive_descriptor(scene_header_t *hdr);
/* True if the descriptor is exactly what scene_header_derive_descriptor() would write. */
bool scene_header_descriptor_derived(const scene_header_t *hdr);
/* True if field holds text (up to its first NUL) and then something besides NUL padding: the
 * bytes a text form must keep for the field to be written back as it was. */
bool scene_name_field_has_tail(const uint8_t field[SCENE_NAME_LEN], const char *text);
/* Writes the name field for text into dst: field itself if it holds text, else text NUL-padded
 * (text must be shorter than SCENE_NAME_LEN). */
void scene_name_field_put(uint8_t dst[SCENE_NAME_LEN], const uint8_t field[SCENE_NAME_LEN],
                          const char *text);

/* What a structural walk found (scene_probe): section offsets are file offsets. Counts are in
 * the layout's own node numbering. */
typedef struct {
  scene_layout_t layout;
  uint16_t ops, ins, outs, params;
  uint32_t ops_at, ins_at, outs_at, params_at, presets_at, end;
  bool filler_intact; /* every byte after the presets is the de ad be ef pattern */
  bool layouts_agree; /* no op whose class differs between 0.7.1 and 0.8.1 (AUTO only) */
} scene_probe_t;

/* Walks and validates a scene image in one layout without building anything: sizes, names,
 * class ids, node and param counts against bees' limits, output targets, preset flags and
 * entries. AUTO picks a layout as described above; *info tells which. On failure hdr and info
 * hold what was read before the error (of the layout reported). hdr, info, err may be NULL.
 * O(file). */
scene_status_t scene_probe(const uint8_t *buf, uint32_t len, scene_layout_t layout,
                           scene_header_t *hdr, scene_probe_t *info, scene_error_t *err);

/* Decodes a scene image into `net`, which is scratch space the caller can discard (e.g.
 * scene_slot_spare()): the net is cleared first, and on any failure it is left empty. Op state
 * goes through each class's unpickle; the net numbers nodes as bees 0.8.1 does, so 0.7.1 ops
 * whose port counts changed are re-mapped. Output targets on the op's own input are kept
 * unconnected (bees keeps but never wires them). Success means complete and net_check() OK.
 * hdr (written only on success) and err may be NULL. Ops see whatever devices and services are
 * attached to `net`. */
scene_status_t scene_decode(net_t *net, const uint8_t *buf, uint32_t len, scene_layout_t layout,
                            scene_header_t *hdr, scene_error_t *err);

/* Encodes net as a whole scene file into dst (cap >= SCENE_FILE_SIZE): descriptor, pickle,
 * filler. layout AUTO means hdr->layout (0.8.1 if hdr is NULL or AUTO). hdr NULL: a default
 * header. 0.7.1 cannot hold classes new in 0.8.1 or connections to ports 0.7.1 lacks; such nets
 * give SCENE_ERR_UNREPRESENTABLE. Writes nothing beyond SCENE_FILE_SIZE. */
scene_status_t scene_encode(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                            uint8_t *dst, uint32_t cap, scene_error_t *err);

/* ---- loading without ever corrupting the running net ---- */

/* Two nets on one pool: the active one runs; the spare receives a scene, and only a spare
 * that decoded completely and passes net_check() becomes active (the old one is then cleared,
 * returning its op memory). Op memory for both exists at once during a load, so a pool must
 * hold both scenes' ops or the load fails with SCENE_ERR_NO_MEMORY, leaving the active net
 * as it was. The spare is built with the running net's clock and screen, but without services,
 * monome, MIDI or HID hub (a failed load must not disturb them). On the swap the new net gets
 * the services and devices: the hubs are re-attached (subscribing the new ops), grid and arc
 * ops whose FOCUS is on take focus in net order (the last one keeps it, as in bees), every param
 * is sent through services->param_changed (bees' net_send_params), and the watch hook moves. */
typedef struct {
  net_t *nets[2];
  uint8_t active;
  net_watch_fn watch;
  void *watch_ctx;
} scene_slot_t;

/* Bytes of region scene_slot_init() needs: two net tables for these limits. */
uint32_t scene_slot_region_size(const net_limits_t *limits);
/* Lays out both nets in region (8-byte aligned). The active net starts empty. */
net_status_t scene_slot_init(scene_slot_t *slot, void *region, uint32_t size,
                             const net_limits_t *limits, pool_t *pool, const platform_t *platform);
/* The running net. */
net_t *scene_slot_net(const scene_slot_t *slot);
/* Installs the watch hook on the running net and every net swapped in later. */
void scene_slot_set_watch(scene_slot_t *slot, net_watch_fn fn, void *ctx);
/* The spare net, cleared, its clock set to the running net's: build a scene in it (e.g. from
 * JSON), then scene_slot_commit(). */
net_t *scene_slot_spare(scene_slot_t *slot);
/* Makes the spare active if net_check() passes (else clears it and returns SCENE_ERR_NET). */
scene_status_t scene_slot_commit(scene_slot_t *slot, scene_error_t *err);
/* Drops whatever is in the spare (returns its op memory). */
void scene_slot_discard(scene_slot_t *slot);
/* scene_decode() into the spare, then commit; on failure the running net is untouched. */
scene_status_t scene_slot_load(scene_slot_t *slot, const uint8_t *buf, uint32_t len,
                               scene_layout_t layout, scene_header_t *hdr, scene_error_t *err);

/* ---- names ---- */
const char *scene_strerror(scene_status_t status);
/* "0.7.1", "0.8.1" or "auto". */
const char *scene_layout_name(scene_layout_t layout);
/* Parses "0.7.1"/"0.7"/"0.8.1"/"0.8"/"auto"; false if none. */
bool scene_layout_parse(const char *text, scene_layout_t *out);
op_format_t scene_layout_format(scene_layout_t layout); /* AUTO -> 0.8.1 */

#endif
