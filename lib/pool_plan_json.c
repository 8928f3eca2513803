/* SPDX-License-Identifier: MIT */
/* pool_plan_json.c: reads and writes memory plan files (cJSON), checking every field. */
#include "pool_plan_json.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "pool.h"
#include "scene_io.h"

static const char *const FIELDS[3] = {"heap_bytes", "heap_min", "granule"};

static bool get_u32(const cJSON *obj, const char *name, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
  double d;
  if (!cJSON_IsNumber(v)) return false;
  d = v->valuedouble;
  if (!(d >= 0.0) || d > 4294967295.0 || d != (double)(uint32_t)d) return false;
  *out = (uint32_t)d;
  return true;
}

bool ppj_read(const char *path, const char *target, arena_plan_t *out, char *err, size_t errlen) {
  uint8_t *data = NULL;
  size_t len = 0;
  cJSON *root;
  const cJSON *fmt, *plan;
  uint32_t v[3];
  int i;
  bool ok = false;
  if (fio_read_regular(path, PPJ_MAX_BYTES, "memory plan", &data, &len, err, errlen) != FIO_OK)
    return false;
  root = cJSON_ParseWithLength((const char *)data + sio_bom_len(data, len),
                               len - sio_bom_len(data, len));
  if (!root) {
    char why[160];
    sio_json_explain((const char *)data + sio_bom_len(data, len), len - sio_bom_len(data, len),
                     cJSON_GetErrorPtr(), why, sizeof why);
    snprintf(err, errlen, "%s: %s", path, why);
    free(data);
    return false;
  }
  free(data);
  fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
  plan = cJSON_GetObjectItemCaseSensitive(root, target);
  if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, PPJ_FORMAT) != 0) {
    snprintf(err, errlen, "%s: not an aleph-sim memory plan (\"format\" should be \"%s\")", path,
             PPJ_FORMAT);
  } else if (!cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "version")) ||
             cJSON_GetObjectItemCaseSensitive(root, "version")->valueint != PPJ_VERSION) {
    snprintf(err, errlen, "%s: memory plan version is not %d (the one this build reads)", path,
             PPJ_VERSION);
  } else if (!cJSON_IsObject(plan)) {
    snprintf(err, errlen, "%s: no \"%s\" plan in the file", path, target);
  } else {
    arena_layout_t l;
    for (i = 0; i < 3; i++)
      if (!get_u32(plan, FIELDS[i], &v[i])) break;
    if (i < 3) {
      snprintf(err, errlen, "%s: the \"%s\" plan needs \"%s\" as a whole number from 0 to 2^32-1",
               path, target, FIELDS[i]);
    } else if (v[2] > 0xFFFFu) {
      snprintf(err, errlen, "%s: the \"%s\" plan's granule must be 4, 8, 16 or 32", path, target);
    } else {
      out->heap_bytes = v[0];
      out->heap_min = v[1];
      out->limits = NET_LIMITS_BEES08;
      out->pool.granule = (uint16_t)v[2];
      out->pool.small_max = 0;
      out->pool.park_max = 0;
      if (arena_layout(0xFFFFFFF0u, out, &l) != ARENA_OK)
        snprintf(err, errlen,
                 "%s: the \"%s\" plan is not usable (heap_min must be 1..heap_bytes, the "
                 "granule 4, 8, 16 or 32, and all of it under 4 GiB)",
                 path, target);
      else
        ok = true;
    }
  }
  cJSON_Delete(root);
  return ok;
}

static cJSON *plan_obj(const arena_plan_t *p) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, FIELDS[0], p->heap_bytes);
  cJSON_AddNumberToObject(o, FIELDS[1], p->heap_min);
  cJSON_AddNumberToObject(o, FIELDS[2], p->pool.granule ? p->pool.granule : POOL_ALIGN);
  return o;
}

bool ppj_write(const char *path, const arena_plan_t *avr32, const arena_plan_t *host,
               const char *note, char *err, size_t errlen) {
  cJSON *root = cJSON_CreateObject();
  char *text;
  sio_error_t se;
  bool ok;
  cJSON_AddStringToObject(root, "format", PPJ_FORMAT);
  cJSON_AddNumberToObject(root, "version", PPJ_VERSION);
  if (note) cJSON_AddStringToObject(root, "note", note);
  cJSON_AddItemToObject(root, "avr32", plan_obj(avr32));
  if (host) cJSON_AddItemToObject(root, "host", plan_obj(host));
  text = cJSON_Print(root);
  cJSON_Delete(root);
  if (!text) {
    snprintf(err, errlen, "%s: out of memory", path);
    return false;
  }
  ok = sio_write_file(path, text, strlen(text), &se);
  if (!ok) snprintf(err, errlen, "%s", se.message);
  free(text);
  return ok;
}
