/* SPDX-License-Identifier: MIT */
/* profile_capture.c: the pool trace hook of aleph-sim --profile and the JSON profile it writes. */
#include "profile_capture.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

static const char *const EV_NAME[3] = {"alloc", "free", "fail"};

struct live_alloc {
  const void *ptr;
  uint32_t event;
};

static void add_sample(profile_capture_t *c, uint32_t t, const pool_stats_t *s) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "t", t);
  cJSON_AddNumberToObject(o, "used", s->used_bytes);
  cJSON_AddNumberToObject(o, "requested", s->bytes_requested);
  cJSON_AddNumberToObject(o, "handed_out", s->bytes_handed_out);
  cJSON_AddNumberToObject(o, "live", s->live_allocs);
  cJSON_AddNumberToObject(o, "failures", s->failures);
  cJSON_AddItemToArray(c->samples, o);
}

/* The heap only changes at events: every sample due before t shows the state after the last. */
static void samples_until(profile_capture_t *c, uint32_t t, bool inclusive) {
  while ((int32_t)(c->next_sample - t) < 0 || (inclusive && c->next_sample == t)) {
    add_sample(c, c->next_sample, &c->last);
    c->next_sample += PROFILE_PERIOD_MS;
  }
}

/* The event that allocated ptr, forgotten; -1 if unknown (allocated before the capture). */
static int32_t take_live(profile_capture_t *c, const void *ptr) {
  uint32_t i;
  for (i = c->nlive; i-- > 0;)
    if (c->live[i].ptr == ptr) {
      int32_t ev = (int32_t)c->live[i].event;
      c->live[i] = c->live[--c->nlive];
      return ev;
    }
  return -1;
}

static void note_live(profile_capture_t *c, const void *ptr, uint32_t event) {
  if (c->nlive == c->cap_live) {
    uint32_t n = c->cap_live ? 2u * c->cap_live : 64u;
    struct live_alloc *m = realloc(c->live, n * sizeof *m);
    if (!m) return; /* the free is then written without "of" */
    c->live = m;
    c->cap_live = n;
  }
  c->live[c->nlive].ptr = ptr;
  c->live[c->nlive++].event = event;
}

static void on_event(void *ctx, const pool_event_t *ev) {
  profile_capture_t *c = ctx;
  uint32_t t = c->engine->now;
  cJSON *o = cJSON_CreateObject();
  samples_until(c, t, false);
  cJSON_AddNumberToObject(o, "t", t);
  cJSON_AddStringToObject(o, "ev", ev->kind <= POOL_EV_FAIL ? EV_NAME[ev->kind] : "?");
  cJSON_AddNumberToObject(o, "req", ev->requested);
  cJSON_AddNumberToObject(o, "cap", ev->capacity);
  cJSON_AddNumberToObject(o, "tag", ev->tag);
  /* the net tags an op's memory with its class id + 1, and its tables above the classes */
  cJSON_AddNumberToObject(o, "class",
                          ev->tag && ev->tag < NET_TAG_PARAMS ? (double)ev->tag - 1.0 : -1.0);
  if (ev->kind == POOL_EV_FREE) {
    int32_t of = take_live(c, ev->ptr);
    if (of >= 0) cJSON_AddNumberToObject(o, "of", of);
  } else if (ev->kind == POOL_EV_ALLOC) {
    note_live(c, ev->ptr, c->nevents);
  }
  if (ev->kind == POOL_EV_FAIL) cJSON_AddStringToObject(o, "why", pool_strerror(ev->status));
  cJSON_AddItemToArray(c->events, o);
  c->nevents++;
  if (ev->kind == POOL_EV_ALLOC) c->allocs++;
  else if (ev->kind == POOL_EV_FREE) c->frees++;
  else c->fails++;
  pool_get_stats(c->engine->sys.pool, &c->last);
}

static cJSON *plan_obj(const arena_layout_t *l) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "heap_bytes", l->plan.heap_bytes);
  cJSON_AddNumberToObject(o, "heap_min", l->plan.heap_min);
  cJSON_AddNumberToObject(o, "granule", l->plan.pool.granule ? l->plan.pool.granule : POOL_ALIGN);
  return o;
}

bool profile_capture_start(profile_capture_t *c, const engine_t *e, const char *path,
                           const char *scene, size_t arena_bytes, char *err, size_t errlen) {
  cJSON *target;
  memset(c, 0, sizeof *c);
  c->root = cJSON_CreateObject();
  if (!c->root) {
    snprintf(err, errlen, "out of memory for the profile");
    return false;
  }
  c->engine = e;
  c->path = path;
  cJSON_AddStringToObject(c->root, "format", PROFILE_FORMAT);
  cJSON_AddNumberToObject(c->root, "version", PROFILE_VERSION);
  cJSON_AddStringToObject(c->root, "scene", scene ? scene : "demo");
  cJSON_AddNumberToObject(c->root, "arena_bytes", (double)arena_bytes);
  target = cJSON_AddObjectToObject(c->root, "target");
  cJSON_AddStringToObject(target, "name", "host");
  cJSON_AddNumberToObject(target, "pointer_bits", (double)(sizeof(void *) * 8u));
  cJSON_AddBoolToObject(target, "pool_debug", POOL_DEBUG != 0);
  cJSON_AddItemToObject(c->root, "plan", plan_obj(&e->sys.layout));
  cJSON_AddNumberToObject(c->root, "region_bytes", e->sys.layout.pool_bytes);
  cJSON_AddNumberToObject(c->root, "period_ms", PROFILE_PERIOD_MS);
  c->events = cJSON_AddArrayToObject(c->root, "events");
  c->samples = cJSON_AddArrayToObject(c->root, "samples");
  c->next_sample = e->now;
  pool_get_stats(e->sys.pool, &c->last);
  pool_set_trace(e->sys.pool, on_event, c);
  return true;
}

static cJSON *final_obj(const pool_stats_t *s) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "heap_bytes", s->heap_bytes);
  cJSON_AddNumberToObject(o, "used_bytes", s->used_bytes);
  cJSON_AddNumberToObject(o, "live_allocs", s->live_allocs);
  cJSON_AddNumberToObject(o, "bytes_requested", s->bytes_requested);
  cJSON_AddNumberToObject(o, "bytes_handed_out", s->bytes_handed_out);
  cJSON_AddNumberToObject(o, "handed_out_peak", s->handed_out_peak);
  cJSON_AddNumberToObject(o, "requested_at_peak", s->requested_at_peak);
  cJSON_AddNumberToObject(o, "blocks_peak", s->blocks_peak);
  cJSON_AddNumberToObject(o, "fragmentation_permille", pool_frag_permille(s));
  cJSON_AddNumberToObject(o, "bookkeeping_permille", pool_bookkeeping_permille(s));
  cJSON_AddNumberToObject(o, "allocs", s->allocs);
  cJSON_AddNumberToObject(o, "frees", s->frees);
  cJSON_AddNumberToObject(o, "failures", s->failures);
  cJSON_AddNumberToObject(o, "fragmentation_events", s->fragmentation_events);
  return o;
}

void profile_capture_abort(profile_capture_t *c) {
  if (c->engine && c->engine->sys.pool) pool_set_trace(c->engine->sys.pool, NULL, NULL);
  cJSON_Delete(c->root);
  free(c->live);
  memset(c, 0, sizeof *c);
}

bool profile_capture_finish(profile_capture_t *c, char *err, size_t errlen) {
  pool_stats_t s;
  cJSON *counts;
  char *text;
  sio_error_t se;
  bool ok;
  pool_get_stats(c->engine->sys.pool, &s);
  c->last = s;
  samples_until(c, c->engine->now, true);
  cJSON_AddNumberToObject(c->root, "duration_ms", c->engine->now);
  counts = cJSON_AddObjectToObject(c->root, "counts");
  cJSON_AddNumberToObject(counts, "allocs", c->allocs);
  cJSON_AddNumberToObject(counts, "frees", c->frees);
  cJSON_AddNumberToObject(counts, "fails", c->fails);
  cJSON_AddItemToObject(c->root, "final", final_obj(&s));
  text = cJSON_Print(c->root);
  if (!text) {
    snprintf(err, errlen, "out of memory writing the profile %s", c->path);
    profile_capture_abort(c);
    return false;
  }
  ok = sio_write_file(c->path, text, strlen(text), &se);
  if (!ok) snprintf(err, errlen, "%s", se.message);
  free(text);
  profile_capture_abort(c);
  return ok;
}
