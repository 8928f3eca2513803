/* SPDX-License-Identifier: MIT */
/* profile_read.c: aleph-sim heap usage profiles (JSON) read and checked into a profile_t: the
 * plan, the events as traces (host sizes and 32-bit sizes), the samples and the levels as
 * recorded. Every problem is one sentence naming the file. */
#include "profile_read.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "net.h"
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
  uint32_t i, n, nt = 0, gran, lives = 0, *at = NULL;
  uint64_t req = 0, hand = 0;
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
  if (!cJSON_IsNumber(ver) || ver->valueint != 2) {
    fail_file(err, errlen,
              "%s: profile version %s is not supported (this tool reads version 2; record the "
              "profile again with this aleph-sim)",
              path, cJSON_IsNumber(ver) ? "other than 2" : "missing");
    goto out;
  }
  if (!cJSON_IsObject(plan) || !num(plan, "heap_bytes", &p->plan.heap_bytes) ||
      !num(plan, "heap_min", &p->plan.heap_min) || !num(plan, "granule", &gran) ||
      gran > 0xFFFFu) {
    fail_file(err, errlen, "%s: \"plan\" needs heap_bytes, heap_min and granule as whole numbers",
              path);
    goto out;
  }
  p->plan.pool.granule = (uint16_t)gran;
  p->plan.limits = NET_LIMITS_BEES08;
  if (!cJSON_IsArray(events) || !cJSON_IsArray(samples)) {
    fail_file(err, errlen, "%s: \"events\" and \"samples\" must be arrays", path);
    goto out;
  }
  snprintf(p->scene, sizeof p->scene, "%s", cJSON_IsString(scene) ? scene->valuestring : path);
  if (!num(root, "duration_ms", &p->duration_ms)) p->duration_ms = 0;
  n = (uint32_t)cJSON_GetArraySize(events);
  p->avr32 = calloc(n ? n : 1u, sizeof *p->avr32);
  p->host = calloc(n ? n : 1u, sizeof *p->host);
  at = calloc(n ? n : 1u, sizeof *at); /* event index -> trace index of a live allocation + 1 */
  if (!p->avr32 || !p->host || !at) {
    fail_file(err, errlen, "%s: out of memory for %u events", path, (unsigned)n);
    goto out;
  }
  i = 0;
  cJSON_ArrayForEach(e, events) {
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(e, "ev");
    uint32_t t, rq, cap, tag, of;
    int kind;
    if (!cJSON_IsObject(e) || !num(e, "t", &t) || !num(e, "req", &rq) || !num(e, "cap", &cap) ||
        !num(e, "tag", &tag) || !cJSON_IsString(ev)) {
      fail_file(err, errlen, "%s: event %u needs t, ev, req, cap and tag", path, (unsigned)i);
      goto out;
    }
    kind = !strcmp(ev->valuestring, "alloc") ? 0 : !strcmp(ev->valuestring, "free") ? 1
           : !strcmp(ev->valuestring, "fail") ? 2 : -1;
    if (kind < 0 || rq == 0 || tag > POOL_TAG_MAX || (kind == 0 && cap < rq)) {
      fail_file(err, errlen, "%s: event %u: ev must be alloc, free or fail, req above 0, tag at "
                "most %u and cap at least req", path, (unsigned)i, (unsigned)POOL_TAG_MAX);
      goto out;
    }
    if (kind == 1) {
      /* a free: its allocation, if it was made while recording */
      if (!cJSON_GetObjectItemCaseSensitive(e, "of")) {
        i++;
        continue; /* allocated before the recording began: not in the traces */
      }
      if (!num(e, "of", &of) || of >= i || !at[of]) {
        fail_file(err, errlen, "%s: event %u frees \"of\" %s, which is no earlier live allocation",
                  path, (unsigned)i, cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(e, "of"))
                                         ? "an event" : "a non-number");
        goto out;
      }
      p->host[nt].size = p->avr32[nt].size = rq;
      p->host[nt].ref = p->avr32[nt].ref = (int32_t)(at[of] - 1u);
      at[of] = 0;
      req -= req >= rq ? rq : req;
      hand -= hand >= cap ? cap : hand;
      if (lives) lives--;
    } else {
      p->host[nt].size = rq;
      p->avr32[nt].size = net_alloc_size32((uint16_t)tag, rq);
      p->host[nt].ref = p->avr32[nt].ref = -1;
      if (kind == 0) {
        at[i] = nt + 1u;
        req += rq;
        hand += cap;
        if (++lives > p->live_peak) p->live_peak = lives;
        if (hand > p->handed_peak) {
          p->handed_peak = (uint32_t)hand;
          p->requested_at_peak = (uint32_t)req;
        }
      } else {
        p->fails++;
      }
    }
    nt++;
    i++;
  }
  p->nev = nt;
  n = (uint32_t)cJSON_GetArraySize(samples);
  p->samples = calloc(n ? n : 1u, sizeof *p->samples);
  if (!p->samples) {
    fail_file(err, errlen, "%s: out of memory for %u samples", path, (unsigned)n);
    goto out;
  }
  i = 0;
  cJSON_ArrayForEach(e, samples) {
    profile_sample_t *s = &p->samples[i];
    if (!num(e, "t", &s->t) || !num(e, "used", &s->used) || !num(e, "handed_out", &s->handed)) {
      fail_file(err, errlen, "%s: sample %u needs t, used and handed_out", path, (unsigned)i);
      goto out;
    }
    if (s->used > p->used_peak) p->used_peak = s->used;
    i++;
  }
  p->nsamples = n;
  ok = 1;
out:
  free(at);
  cJSON_Delete(root);
  if (!ok) profile_free(p);
  return ok;
}
