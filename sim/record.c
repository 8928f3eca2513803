/* record.c: JSON recordings of input events (cJSON): a header, one event object per line, an
 * end marker; and their replay through the engine's queue with the encoder batches checked. */
#define _POSIX_C_SOURCE 200809L
#include "record.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

static void write_json_string(FILE *f, const char *s) {
  cJSON *str = cJSON_CreateString(s);
  char *txt = str ? cJSON_PrintUnformatted(str) : NULL;
  fputs(txt ? txt : "\"\"", f);
  free(txt);
  cJSON_Delete(str);
}

bool recorder_open(recorder_t *r, const engine_t *e, const char *path, const char *scene,
                   size_t arena_bytes, char *err, size_t errlen) {
  memset(r, 0, sizeof *r);
  r->engine = e;
  r->f = fopen(path, "w");
  if (!r->f) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return false;
  }
  r->path = strdup(path);
  fprintf(r->f, "{\"format\":\"%s\",\"version\":%d,\"tick_ms\":1,\"encoder_poll_ms\":%u,\n",
          RECORD_FORMAT, RECORD_VERSION, ENGINE_ENC_POLL_MS);
  fputs("\"scene\":", r->f);
  write_json_string(r->f, scene ? scene : "demo");
  fprintf(r->f, ",\"arena_size\":%zu,\n\"events\":[\n", arena_bytes);
  return true;
}

void recorder_tap(void *ctx, const sim_event_t *ev) {
  recorder_t *r = ctx;
  if (!r->f) return;
  fprintf(r->f, "%s{\"t\":%u,\"type\":\"%s\",\"index\":%u,\"value\":%d", r->count ? ",\n" : "",
          (unsigned)ev->t, sim_event_kind_name(ev->kind), (unsigned)ev->index, (int)ev->value);
  if (ev->kind == SIM_EV_SCENE_LOAD) {
    fputs(",\"path\":", r->f);
    write_json_string(r->f, engine_path(r->engine, ev->index));
  }
  fputc('}', r->f);
  r->count++;
}

bool recorder_close(recorder_t *r, uint32_t end_t, char *err, size_t errlen) {
  bool ok;
  if (!r->f) return true;
  fprintf(r->f, "%s{\"t\":%u,\"type\":\"end\"}\n]}\n", r->count ? ",\n" : "", (unsigned)end_t);
  ok = !ferror(r->f);
  if (fclose(r->f) != 0) ok = false;
  if (!ok) snprintf(err, errlen, "cannot write %s: %s", r->path, strerror(errno));
  r->f = NULL;
  free(r->path);
  r->path = NULL;
  return ok;
}

/* ---- replay ---- */

static char *slurp(const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t n = 0, cap = 0;
  if (!f) {
    snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
    return NULL;
  }
  for (;;) {
    size_t got;
    if (cap - n < 4096u) {
      char *nb = realloc(buf, cap ? cap * 2u : 65536u);
      if (!nb) break;
      buf = nb;
      cap = cap ? cap * 2u : 65536u;
    }
    got = fread(buf + n, 1, cap - n - 1u, f);
    n += got;
    if (got == 0) break;
  }
  if (!buf || ferror(f)) {
    snprintf(err, errlen, "cannot read %s", path);
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  buf[n] = '\0';
  return buf;
}

static bool int_field(const cJSON *obj, const char *name, double lo, double hi, long *out) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
  double v;
  if (!cJSON_IsNumber(it)) return false;
  v = it->valuedouble;
  if (v < lo || v > hi || v != (double)(long)v) return false;
  *out = (long)v;
  return true;
}

bool player_load(player_t *p, const char *path, char *err, size_t errlen) {
  char *text;
  cJSON *root, *events, *it, *item;
  uint32_t n, i = 0, last_t = 0;
  long v;
  memset(p, 0, sizeof *p);
  p->check = true;
  text = slurp(path, err, errlen);
  if (!text) return false;
  root = cJSON_Parse(text + sio_bom_len(text, strlen(text)));
  if (!root) {
    const char *at = cJSON_GetErrorPtr(); /* points into text */
    snprintf(err, errlen, "%s: not valid JSON (at byte %ld)", path,
             at ? (long)(at - text) : -1L);
    free(text);
    return false;
  }
  free(text);
  it = cJSON_GetObjectItemCaseSensitive(root, "format");
  if (!cJSON_IsString(it) || strcmp(it->valuestring, RECORD_FORMAT) != 0 ||
      !int_field(root, "version", RECORD_VERSION, RECORD_VERSION, &v)) {
    snprintf(err, errlen, "%s: not an aleph-sim recording (format \"%s\" version %d expected)",
             path, RECORD_FORMAT, RECORD_VERSION);
    cJSON_Delete(root);
    return false;
  }
  it = cJSON_GetObjectItemCaseSensitive(root, "scene");
  if (cJSON_IsString(it) && strcmp(it->valuestring, "demo") != 0)
    snprintf(p->scene, sizeof p->scene, "%s", it->valuestring);
  if (int_field(root, "arena_size", 1, 4294967295.0, &v)) p->arena_bytes = (size_t)v;
  events = cJSON_GetObjectItemCaseSensitive(root, "events");
  if (!cJSON_IsArray(events)) {
    snprintf(err, errlen, "%s: no \"events\" array", path);
    cJSON_Delete(root);
    return false;
  }
  n = (uint32_t)cJSON_GetArraySize(events);
  p->inputs = calloc(n ? n : 1u, sizeof *p->inputs);
  p->batches = calloc(n ? n : 1u, sizeof *p->batches);
  p->paths = calloc(SIM_PATHS_MAX, sizeof *p->paths);
  if (!p->inputs || !p->batches || !p->paths) {
    snprintf(err, errlen, "%s: out of memory", path);
    cJSON_Delete(root);
    player_free(p);
    return false;
  }
  cJSON_ArrayForEach(item, events) {
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(item, "type");
    sim_event_t ev;
    uint8_t kind;
    long t, idx, val;
    if (!int_field(item, "t", 0, 4294967295.0, &t) || !cJSON_IsString(type)) {
      snprintf(err, errlen, "%s: event %u: needs a whole \"t\" >= 0 and a \"type\"", path, i);
      goto fail;
    }
    if ((uint32_t)t < last_t) {
      snprintf(err, errlen, "%s: event %u: t %ld is before the previous event's %u", path, i, t,
               last_t);
      goto fail;
    }
    last_t = (uint32_t)t;
    if (!strcmp(type->valuestring, "end")) {
      p->end_t = (uint32_t)t;
      break;
    }
    if (!sim_event_kind_from_name(type->valuestring, &kind) ||
        !int_field(item, "index", 0, 65535, &idx) ||
        !int_field(item, "value", -32768, 32767, &val)) {
      snprintf(err, errlen, "%s: event %u: unknown type or missing whole \"index\"/\"value\"",
               path, i);
      goto fail;
    }
    if (kind == SIM_EV_SCENE_LOAD) { /* the index is the recording's: the path is what counts */
      const cJSON *file = cJSON_GetObjectItemCaseSensitive(item, "path");
      if (!cJSON_IsString(file) || !file->valuestring[0] || p->n_paths >= SIM_PATHS_MAX) {
        snprintf(err, errlen, "%s: event %u: a scene_load needs a \"path\" (at most %u of them)",
                 path, i, SIM_PATHS_MAX);
        goto fail;
      }
      p->paths[p->n_paths] = strdup(file->valuestring);
      if (!p->paths[p->n_paths]) {
        snprintf(err, errlen, "%s: out of memory", path);
        goto fail;
      }
      idx = (long)p->n_paths++;
      val = 0;
    }
    ev.t = (uint32_t)t;
    ev.kind = kind;
    ev.index = (uint16_t)idx;
    ev.value = (int16_t)val;
    if (!sim_event_valid(&ev)) {
      snprintf(err, errlen, "%s: event %u: %s %ld value %ld is out of range", path, i,
               type->valuestring, idx, val);
      goto fail;
    }
    if (kind == SIM_EV_ENC_BATCH)
      p->batches[p->n_batches++] = ev;
    else
      p->inputs[p->n_inputs++] = ev;
    if (p->end_t < ev.t) p->end_t = ev.t;
    i++;
  }
  cJSON_Delete(root);
  /* a file without batches is a hand-written input script: nothing to check against */
  p->check = p->n_batches > 0;
  return true;
fail:
  cJSON_Delete(root);
  player_free(p);
  return false;
}

void player_free(player_t *p) {
  uint32_t i;
  for (i = 0; i < p->n_paths; i++) free(p->paths[i]);
  free(p->paths);
  p->paths = NULL;
  p->n_paths = 0;
  free(p->inputs);
  free(p->batches);
  p->inputs = p->batches = NULL;
  p->n_inputs = p->n_batches = 0;
}

void player_feed(player_t *p, engine_t *e, uint32_t t) {
  while (p->next_input < p->n_inputs && p->inputs[p->next_input].t <= t &&
         sim_queue_count(&e->queue) < SIM_QUEUE_CAP) {
    sim_event_t ev = p->inputs[p->next_input++];
    if (ev.kind == SIM_EV_SCENE_LOAD) {
      int id = engine_path_id(e, p->paths[ev.index]);
      if (id < 0) {
        e->rejected++;
        continue;
      }
      ev.index = (uint16_t)id;
    }
    engine_push(e, &ev);
  }
}

bool player_next_time(const player_t *p, uint32_t *t) {
  if (p->next_input >= p->n_inputs) return false;
  *t = p->inputs[p->next_input].t;
  return true;
}

void player_tap(void *ctx, const sim_event_t *ev) {
  player_t *p = ctx;
  const sim_event_t *want;
  if (ev->kind != SIM_EV_ENC_BATCH || !p->check) return;
  want = p->next_batch < p->n_batches ? &p->batches[p->next_batch] : NULL;
  if (!want || want->t != ev->t || want->index != ev->index || want->value != ev->value) {
    if (p->mismatches == 0) {
      if (want)
        fprintf(stderr,
                "aleph-sim: replay diverged at %u ms: ENC op %u got %d detents; the recording "
                "has ENC op %u %d at %u ms\n",
                (unsigned)ev->t, (unsigned)ev->index, (int)ev->value, (unsigned)want->index,
                (int)want->value, (unsigned)want->t);
      else
        fprintf(stderr, "aleph-sim: replay diverged at %u ms: an encoder batch the recording "
                "does not have\n", (unsigned)ev->t);
    }
    p->mismatches++;
  }
  if (want) p->next_batch++;
}

uint32_t player_divergence(const player_t *p, uint32_t end_t) {
  uint32_t missing = 0, i;
  if (!p->check) return 0;
  for (i = p->next_batch; i < p->n_batches; i++)
    if (p->batches[i].t <= end_t) missing++;
  return p->mismatches + missing;
}
