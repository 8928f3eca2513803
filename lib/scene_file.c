/* SPDX-License-Identifier: MIT */
/* scene_file.c: scene files on a host: whole-file reads with the scene size limit and safe
 * saves (both lib/file_io), a pool and slot to load into, loading by content, and the names the
 * text forms use. */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "file_io.h"
#include "pool.h"
#include "op_names.h"
#include "scene_io.h"
#include "scene_io_internal.h"

void sio_fail(sio_error_t *err, const char *fmt, ...) {
  va_list ap;
  if (!err) return;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

void sio_clear(sio_error_t *err) {
  if (!err) return;
  err->message[0] = '\0';
  memset(&err->scene, 0, sizeof err->scene);
  err->scene.status = SCENE_OK;
  err->scene.offset = SCENE_NO_OFFSET;
}

void sio_fail_scene(sio_error_t *err, const char *path, const scene_error_t *se) {
  if (!err) return;
  err->scene = *se;
  if (se->offset != SCENE_NO_OFFSET)
    sio_fail(err, "%s: offset %u (0x%x): %s (as bees %s)", path ? path : "scene", se->offset,
             se->offset, se->message, scene_layout_name(se->layout));
  else
    sio_fail(err, "%s: %s", path ? path : "scene", se->message);
}

/* ---- files ---- */

bool sio_read_file(const char *path, uint8_t **data, size_t *len, sio_error_t *err) {
  sio_clear(err);
  return fio_read_regular(path, SIO_SCENE_MAX_BYTES, "scene", data, len,
                          err ? err->message : NULL, err ? sizeof err->message : 0) == FIO_OK;
}

bool sio_write_file(const char *path, const void *data, size_t len, sio_error_t *err) {
  sio_clear(err);
  return fio_write_file(path, data, len, err ? err->message : NULL,
                        err ? sizeof err->message : 0);
}

/* ---- the world ---- */

struct sio_world {
  void *arena;
  pool_t *pool;
  scene_slot_t slot;
};

sio_world_t *sio_world_new(void) {
  /* tools hold any scene the format can: 128 ops of the largest class, twice (the slot), with
   * every param and preset entry */
  static const arena_plan_t plan = {4u << 20, 4u << 20,
                                    {128, 256, 256, 256, NET_PRESETS, NET_DEFAULT_DEPTH},
                                    {0, 0, 0}};
  sio_world_t *w = calloc(1, sizeof *w);
  arena_layout_t l;
  if (!w || arena_layout(arena_size_for(&plan), &plan, &l) != ARENA_OK) {
    free(w);
    return 0;
  }
  w->arena = aligned_alloc(8, ((size_t)l.used_bytes + 7u) & ~(size_t)7u);
  if (!w->arena || arena_init(w->arena, &l, 0, &w->pool, &w->slot) != ARENA_OK) {
    free(w->arena);
    free(w);
    return 0;
  }
  return w;
}

void sio_world_free(sio_world_t *w) {
  if (!w) return;
  net_clear(scene_slot_net(&w->slot));
  scene_slot_discard(&w->slot);
  free(w->arena);
  free(w);
}

scene_slot_t *sio_world_slot(sio_world_t *w) { return w ? &w->slot : 0; }
net_t *sio_world_net(sio_world_t *w) { return w ? scene_slot_net(&w->slot) : 0; }
pool_t *sio_world_pool(sio_world_t *w) { return w ? w->pool : 0; }

/* ---- loading and saving ---- */

size_t sio_bom_len(const void *text, size_t len) {
  const uint8_t *b = text;
  return len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3u : 0u;
}

sio_kind_t sio_sniff(const uint8_t *data, size_t len) {
  size_t i = sio_bom_len(data, len);
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  if (i < len && data[i] == '[') return SIO_KIND_JSON; /* not a scene; the JSON reader says why */
  if (i < len && data[i] == '{') {
    /* beekeep's form has "operators"; ours has "ops" */
    const char *text = (const char *)data;
    if (len > 0 && data[len] == 0 && strstr(text + i, "\"operators\"") &&
        !strstr(text + i, "\"aleph-scene\""))
      return SIO_KIND_NATIVE;
    return SIO_KIND_JSON;
  }
  return SIO_KIND_SCN;
}

const char *sio_kind_name(sio_kind_t kind) {
  switch (kind) {
  case SIO_KIND_SCN: return "bees scene";
  case SIO_KIND_JSON: return "aleph-scene JSON";
  case SIO_KIND_NATIVE: return "beekeep native JSON";
  }
  return "?";
}

bool sio_load(scene_slot_t *slot, const char *path, scene_layout_t layout, scene_header_t *hdr,
              sio_kind_t *kind, sio_error_t *err) {
  return sio_load_named(slot, path, layout, hdr, kind, NULL, err);
}

bool sio_load_named(scene_slot_t *slot, const char *path, scene_layout_t layout,
                    scene_header_t *hdr, sio_kind_t *kind, struct op_names *names,
                    sio_error_t *err) {
  uint8_t *data;
  size_t len;
  sio_kind_t k;
  scene_header_t h;
  bool ok;
  if (!sio_read_file(path, &data, &len, err)) return false;
  k = sio_sniff(data, len);
  if (kind) *kind = k;
  if (k == SIO_KIND_SCN) {
    scene_error_t se;
    ok = scene_slot_load(slot, data, len > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)len, layout, &h,
                         &se) == SCENE_OK;
    if (!ok) sio_fail_scene(err, path, &se);
  } else {
    net_t *spare = scene_slot_spare(slot);
    ok = k == SIO_KIND_JSON
             ? scene_json_read_named(spare, (const char *)data, layout, &h, path, names, err)
             : scene_native_read(spare, (const char *)data, layout, &h, path, err);
    if (ok) {
      scene_error_t se;
      ok = scene_slot_commit(slot, &se) == SCENE_OK;
      if (!ok) sio_fail_scene(err, path, &se);
    } else {
      scene_slot_discard(slot);
    }
  }
  free(data);
  if (ok && hdr) *hdr = h;
  if (ok && names && k != SIO_KIND_JSON) op_names_reset(names, scene_slot_net(slot));
  return ok;
}

bool sio_save_scn(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                  const char *path, sio_error_t *err) {
  uint8_t *img = malloc(SCENE_FILE_SIZE);
  scene_error_t se;
  bool ok;
  sio_clear(err);
  if (!img) {
    sio_fail(err, "%s: out of memory", path);
    return false;
  }
  if (scene_encode(net, hdr, layout, img, SCENE_FILE_SIZE, &se) != SCENE_OK) {
    sio_fail_scene(err, path, &se);
    free(img);
    return false;
  }
  ok = sio_write_file(path, img, SCENE_FILE_SIZE, err);
  free(img);
  return ok;
}

/* ---- names ---- */

void sio_op_handle(const net_t *net, uint16_t i, char *out, size_t cap) {
  const char *name = net_op_name(net, i);
  uint16_t j, n = net_op_count(net), same = 0, before = 0;
  for (j = 0; j < n; j++)
    if (strcmp(net_op_name(net, j), name) == 0) {
      same++;
      if (j < i) before++;
    }
  if (same > 1)
    snprintf(out, cap, "%s#%u", name, before);
  else
    snprintf(out, cap, "%s", name);
}

static const char *const param_types[] = {"bool",  "fix",    "amp",   "integrator",
                                          "note",  "svf_freq", "fract", "short",
                                          "integrator_short", "label"};

const char *sio_param_type_name(uint8_t type) {
  return type < sizeof param_types / sizeof param_types[0] ? param_types[type] : 0;
}

bool sio_param_type_parse(const char *name, uint8_t *type) {
  uint8_t i;
  for (i = 0; i < sizeof param_types / sizeof param_types[0]; i++)
    if (strcmp(param_types[i], name) == 0) {
      *type = i;
      return true;
    }
  return false;
}
