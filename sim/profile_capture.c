/* profile_capture.c: the pool trace hook of aleph-sim --profile and the JSON profile it writes. */
#include "profile_capture.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

static const char *const EV_NAME[3] = {"alloc", "free", "fail"};

static void add_sample(profile_capture_t *c, uint32_t t, const pool_stats_t *s) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "t", t);
  cJSON_AddNumberToObject(o, "small_used", s->small.blocks_used);
  cJSON_AddNumberToObject(o, "big_used", s->big.blocks_used);
  cJSON_AddNumberToObject(o, "small_requested", s->small.bytes_requested);
  cJSON_AddNumberToObject(o, "small_handed_out", s->small.bytes_handed_out);
  cJSON_AddNumberToObject(o, "big_requested", s->big.bytes_requested);
  cJSON_AddNumberToObject(o, "big_handed_out", s->big.bytes_handed_out);
  cJSON_AddNumberToObject(o, "failures", s->failed_allocs);
  cJSON_AddNumberToObject(o, "spills", s->spills);
  cJSON_AddItemToArray(c->samples, o);
}

/* The pools only change at events: every sample due before t shows the state after the last. */
static void samples_until(profile_capture_t *c, uint32_t t, bool inclusive) {
  while ((int32_t)(c->next_sample - t) < 0 || (inclusive && c->next_sample == t)) {
    add_sample(c, c->next_sample, &c->last);
    c->next_sample += PROFILE_PERIOD_MS;
  }
}

static void on_event(void *ctx, const pool_event_t *ev) {
  profile_capture_t *c = ctx;
  uint32_t t = c->engine->now;
  cJSON *o = cJSON_CreateObject();
  samples_until(c, t, false);
  cJSON_AddNumberToObject(o, "t", t);
  cJSON_AddStringToObject(o, "ev", ev->kind <= POOL_EV_FAIL ? EV_NAME[ev->kind] : "?");
  cJSON_AddStringToObject(o, "pool", ev->pool == POOL_SMALL ? "small" : "big");
  cJSON_AddNumberToObject(o, "req", ev->requested);
  cJSON_AddNumberToObject(o, "cap", ev->capacity);
  /* the net tags an op's memory with its class id + 1 */
  cJSON_AddNumberToObject(o, "class", ev->tag ? (double)ev->tag - 1.0 : -1.0);
  if (ev->kind == POOL_EV_FAIL) cJSON_AddStringToObject(o, "why", pool_strerror(ev->status));
  cJSON_AddItemToArray(c->events, o);
  if (ev->kind == POOL_EV_ALLOC) c->allocs++;
  else if (ev->kind == POOL_EV_FREE) c->frees++;
  else c->fails++;
  pool_get_stats(c->engine->sys.pool, &c->last);
}

static cJSON *plan_obj(const pool_plan_t *p) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "small_block_size", p->small_block_size);
  cJSON_AddNumberToObject(o, "small_count", p->small_count);
  cJSON_AddNumberToObject(o, "big_block_size", p->big_block_size);
  cJSON_AddNumberToObject(o, "big_count", p->big_count);
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
  cJSON_AddItemToObject(c->root, "plan", plan_obj(pool_get_plan(e->sys.pool)));
  cJSON_AddNumberToObject(c->root, "region_bytes", e->sys.carve.pool_bytes);
  cJSON_AddNumberToObject(c->root, "period_ms", PROFILE_PERIOD_MS);
  c->events = cJSON_AddArrayToObject(c->root, "events");
  c->samples = cJSON_AddArrayToObject(c->root, "samples");
  c->next_sample = e->now;
  pool_get_stats(e->sys.pool, &c->last);
  pool_set_trace(e->sys.pool, on_event, c);
  return true;
}

static cJSON *side_obj(const pool_side_stats_t *s) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "block_size", s->block_size);
  cJSON_AddNumberToObject(o, "block_count", s->block_count);
  cJSON_AddNumberToObject(o, "blocks_used", s->blocks_used);
  cJSON_AddNumberToObject(o, "blocks_peak", s->blocks_peak);
  cJSON_AddNumberToObject(o, "bytes_requested", s->bytes_requested);
  cJSON_AddNumberToObject(o, "bytes_handed_out", s->bytes_handed_out);
  cJSON_AddNumberToObject(o, "allocs", s->allocs);
  cJSON_AddNumberToObject(o, "frees", s->frees);
  cJSON_AddNumberToObject(o, "failures", s->failures);
  cJSON_AddNumberToObject(o, "fragmentation_events", s->fragmentation_events);
  return o;
}

void profile_capture_abort(profile_capture_t *c) {
  if (c->engine && c->engine->sys.pool) pool_set_trace(c->engine->sys.pool, NULL, NULL);
  cJSON_Delete(c->root);
  memset(c, 0, sizeof *c);
}

bool profile_capture_finish(profile_capture_t *c, char *err, size_t errlen) {
  pool_stats_t s;
  cJSON *fin, *counts;
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
  fin = cJSON_AddObjectToObject(c->root, "final");
  cJSON_AddItemToObject(fin, "small", side_obj(&s.small));
  cJSON_AddItemToObject(fin, "big", side_obj(&s.big));
  cJSON_AddNumberToObject(fin, "spills", s.spills);
  cJSON_AddNumberToObject(fin, "failed_allocs", s.failed_allocs);
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
