/* pool_plan_json.c: reads and writes pool plan files (cJSON), checking every field. */
#include "pool_plan_json.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "pool.h"
#include "scene_io.h"

static const char *const FIELDS[4] = {"small_block_size", "small_count", "big_block_size",
                                      "big_count"};

static bool get_u32(const cJSON *obj, const char *name, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
  double d;
  if (!cJSON_IsNumber(v)) return false;
  d = v->valuedouble;
  if (!(d >= 0.0) || d > 4294967295.0 || d != (double)(uint32_t)d) return false;
  *out = (uint32_t)d;
  return true;
}

bool ppj_read(const char *path, const char *target, pool_plan_t *out, char *err, size_t errlen) {
  uint8_t *data = NULL;
  size_t len = 0;
  cJSON *root;
  const cJSON *fmt, *plan;
  uint32_t v[4];
  int i;
  pool_plan_status_t st;
  bool ok = false;
  if (fio_read_regular(path, PPJ_MAX_BYTES, "pool plan", &data, &len, err, errlen) != FIO_OK)
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
    snprintf(err, errlen, "%s: not an aleph-sim pool plan (\"format\" should be \"%s\")", path,
             PPJ_FORMAT);
  } else if (!cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "version")) ||
             cJSON_GetObjectItemCaseSensitive(root, "version")->valueint != PPJ_VERSION) {
    snprintf(err, errlen, "%s: pool plan version is not %d (the one this build reads)", path,
             PPJ_VERSION);
  } else if (!cJSON_IsObject(plan)) {
    snprintf(err, errlen, "%s: no \"%s\" plan in the file", path, target);
  } else {
    for (i = 0; i < 4; i++)
      if (!get_u32(plan, FIELDS[i], &v[i])) break;
    if (i < 4) {
      snprintf(err, errlen, "%s: the \"%s\" plan needs \"%s\" as a whole number from 0 to 2^32-1",
               path, target, FIELDS[i]);
    } else {
      out->small_block_size = v[0];
      out->small_count = v[1];
      out->big_block_size = v[2];
      out->big_count = v[3];
      st = pool_plan_validate(out);
      if (st != POOL_PLAN_OK)
        snprintf(err, errlen, "%s: the \"%s\" plan is not usable: %s", path, target,
                 pool_plan_strerror(st));
      else if (pool_region_size(out) == 0)
        snprintf(err, errlen, "%s: the \"%s\" plan does not fit 32 bits", path, target);
      else
        ok = true;
    }
  }
  cJSON_Delete(root);
  return ok;
}

static cJSON *plan_obj(const pool_plan_t *p) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, FIELDS[0], p->small_block_size);
  cJSON_AddNumberToObject(o, FIELDS[1], p->small_count);
  cJSON_AddNumberToObject(o, FIELDS[2], p->big_block_size);
  cJSON_AddNumberToObject(o, FIELDS[3], p->big_count);
  cJSON_AddNumberToObject(o, "payload_bytes",
                          (double)p->small_count * p->small_block_size +
                              (double)p->big_count * p->big_block_size);
  return o;
}

bool ppj_write(const char *path, const pool_plan_t *avr32, const pool_plan_t *host,
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
