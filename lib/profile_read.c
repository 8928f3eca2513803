/* profile_read.c: aleph-sim pool usage profiles (JSON) read and checked into a profile_t: the
 * plan, the events (with the AVR32 size of each op class), the samples and the levels as
 * recorded. Every problem is one sentence naming the file. */
#include "profile_read.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "op_catalog.h"
#include "scene_io.h"

static bool fail_file(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return false;
}

static bool num(const cJSON *o, const char *name, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0.0) || v->valuedouble > 4294967295.0 ||
      v->valuedouble != (double)(uint32_t)v->valuedouble)
    return false;
  *out = (uint32_t)v->valuedouble;
  return true;
}

void profile_free(profile_t *p) {
  free(p->avr32);
  free(p->host);
  free(p->samples);
  p->avr32 = p->host = NULL;
  p->samples = NULL;
}

bool profile_read_file(profile_t *p, const char *path, char *err, size_t errlen) {
  uint8_t *data;
  size_t len;
  bool ok;
  if (fio_read_regular(path, PROFILE_MAX_BYTES, "profile", &data, &len, err, errlen) != FIO_OK) {
    memset(p, 0, sizeof *p);
    p->path = path;
    return false;
  }
  ok = profile_read_text(p, (const char *)data, len, path, err, errlen);
  free(data);
  return ok;
}

bool profile_read_text(profile_t *p, const char *text, size_t len, const char *path, char *err,
                       size_t errlen) {
  cJSON *root;
  const cJSON *fmt, *ver, *scene, *plan, *events, *samples, *e;
  uint32_t i, n, live[2] = {0, 0}, lives = 0;
  uint64_t req[2] = {0, 0}, hand[2] = {0, 0}, hpeak[2] = {0, 0};
  int ok = 0;
  memset(p, 0, sizeof *p);
  p->path = path;
  root = cJSON_ParseWithLength(text + sio_bom_len(text, len), len - sio_bom_len(text, len));
  if (!root) {
    char why[160];
    sio_json_explain(text + sio_bom_len(text, len), len - sio_bom_len(text, len),
                     cJSON_GetErrorPtr(), why, sizeof why);
    return fail_file(err, errlen, "%s: %s", path, why);
  }
  fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
  ver = cJSON_GetObjectItemCaseSensitive(root, "version");
  scene = cJSON_GetObjectItemCaseSensitive(root, "scene");
  plan = cJSON_GetObjectItemCaseSensitive(root, "plan");
  events = cJSON_GetObjectItemCaseSensitive(root, "events");
  samples = cJSON_GetObjectItemCaseSensitive(root, "samples");
  if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "aleph-sim profile") != 0) {
    fail_file(err, errlen, "%s: not an aleph-sim profile (\"format\" should be \"aleph-sim profile\")",
              path);
    goto out;
  }
  if (!cJSON_IsNumber(ver) || ver->valueint != 1) {
    fail_file(err, errlen, "%s: profile version %s is not supported (this tool reads version 1)",
              path, cJSON_IsNumber(ver) ? "other than 1" : "missing");
    goto out;
  }
  if (!cJSON_IsObject(plan) || !num(plan, "small_block_size", &p->plan.small_block_size) ||
      !num(plan, "small_count", &p->plan.small_count) ||
      !num(plan, "big_block_size", &p->plan.big_block_size) ||
      !num(plan, "big_count", &p->plan.big_count) || p->plan.big_block_size == 0) {
    fail_file(err, errlen, "%s: \"plan\" needs small_block_size, small_count, big_block_size and "
              "big_count as whole numbers", path);
    goto out;
  }
  if (!cJSON_IsArray(events) || !cJSON_IsArray(samples)) {
    fail_file(err, errlen, "%s: \"events\" and \"samples\" must be arrays", path);
    goto out;
  }
  snprintf(p->scene, sizeof p->scene, "%s", cJSON_IsString(scene) ? scene->valuestring : path);
  if (!num(root, "duration_ms", &p->duration_ms)) p->duration_ms = 0;
  n = (uint32_t)cJSON_GetArraySize(events);
  p->avr32 = calloc(n ? n : 1u, sizeof *p->avr32);
  p->host = calloc(n ? n : 1u, sizeof *p->host);
  i = 0;
  cJSON_ArrayForEach(e, events) {
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(e, "ev");
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(e, "pool");
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(e, "class");
    uint32_t t, rq, cap, size32;
    int kind, k;
    if (!cJSON_IsObject(e) || !num(e, "t", &t) || !num(e, "req", &rq) || !num(e, "cap", &cap) ||
        !cJSON_IsString(ev) || !cJSON_IsString(pl) || !cJSON_IsNumber(cl)) {
      fail_file(err, errlen, "%s: event %u needs t, ev, pool, req, cap and class", path,
                (unsigned)i);
      goto out;
    }
    kind = !strcmp(ev->valuestring, "alloc") ? 0 : !strcmp(ev->valuestring, "free") ? 1
           : !strcmp(ev->valuestring, "fail") ? 2 : -1;
    k = !strcmp(pl->valuestring, "small") ? 0 : !strcmp(pl->valuestring, "big") ? 1 : -1;
    if (kind < 0 || k < 0 || rq == 0) {
      fail_file(err, errlen, "%s: event %u: ev must be alloc, free or fail, pool small or big, "
                "req above 0", path, (unsigned)i);
      goto out;
    }
    size32 = rq;
    if (cl->valuedouble >= 0.0) {
      /* a whole number in range before the conversion (beyond it, the cast is undefined) */
      double v = cl->valuedouble;
      const op_class_t *c =
          v <= 4294967295.0 && v == (double)(uint32_t)v ? op_class_by_id((uint32_t)v) : NULL;
      if (!c) {
        fail_file(err, errlen, "%s: event %u: class %g is not an op class this build knows", path,
                  (unsigned)i, cl->valuedouble);
        goto out;
      }
      size32 = c->size32;
    }
    p->avr32[i].size = size32;
    p->host[i].size = rq;
    p->avr32[i].delta = p->host[i].delta = kind == 1 ? -1 : 1;
    /* as recorded: levels per pool */
    if (kind == 0) {
      uint32_t blocks = k == 0 ? 1u : (cap + p->plan.big_block_size - 1u) / p->plan.big_block_size;
      live[k] += blocks;
      req[k] += rq;
      hand[k] += cap;
      lives++;
      if (live[k] > p->peak[k]) p->peak[k] = live[k];
      if (lives > p->live_peak) p->live_peak = lives;
      if (hand[k] > hpeak[k]) {
        hpeak[k] = hand[k];
        p->peak_req[k] = req[k];
        p->peak_hand[k] = hand[k];
      }
    } else if (kind == 1) {
      uint32_t blocks = k == 0 ? 1u : (cap + p->plan.big_block_size - 1u) / p->plan.big_block_size;
      live[k] -= live[k] >= blocks ? blocks : live[k];
      req[k] -= req[k] >= rq ? rq : req[k];
      hand[k] -= hand[k] >= cap ? cap : hand[k];
      if (lives) lives--;
    } else {
      p->fails++;
    }
    i++;
  }
  p->nev = n;
  n = (uint32_t)cJSON_GetArraySize(samples);
  p->samples = calloc(n ? n : 1u, sizeof *p->samples);
  i = 0;
  cJSON_ArrayForEach(e, samples) {
    profile_sample_t *s = &p->samples[i];
    if (!num(e, "t", &s->t) || !num(e, "small_used", &s->small_used) ||
        !num(e, "big_used", &s->big_used)) {
      fail_file(err, errlen, "%s: sample %u needs t, small_used and big_used", path, (unsigned)i);
      goto out;
    }
    i++;
  }
  p->nsamples = n;
  {
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(root, "final");
    if (!cJSON_IsObject(fin) || !num(fin, "spills", &p->spills)) p->spills = 0;
  }
  ok = 1;
out:
  cJSON_Delete(root);
  if (!ok) profile_free(p);
  return ok;
}

