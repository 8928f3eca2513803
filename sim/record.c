/* SPDX-License-Identifier: MIT */
/* record.c: recordings of input events: written one JSON object per line through lib/file_io
 * (a header line, event lines, an end line; each line one write, the file put in place at the
 * first event), and read back in that form or as one hand-written JSON document, then replayed
 * through the engine's queue with the encoder batches checked (docs/recording.md). */
#define _POSIX_C_SOURCE 200809L
#include "record.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "net_refs.h"
#include "op_catalog.h"
#include "scene_io.h"
#include "utf8.h"

/* An event that names ops, ports or params (hand-written replays): "input" with "op" and
 * "input" (or "param"), "op_remove" with "op", "connect" with "from", "out" and "to", "in" (or
 * "param"). Resolved against the running net when the event is fed, after everything before it
 * has run. */
struct player_ref {
  bool used;
  char op[OP_NAME_MAX], port[40];   /* input, op_remove, connect's source */
  char to[OP_NAME_MAX], to_port[40]; /* connect's target op and input ("" with param) */
  char param[40];                    /* a param instead of an op's input */
  char where[32];                    /* "line 7": for messages */
};

/* ---- recording ---- */

/* s as a JSON string (malloc'd), or NULL when out of memory. */
static char *json_string(const char *s) {
  cJSON *str = cJSON_CreateString(s);
  char *txt = str ? cJSON_PrintUnformatted(str) : NULL;
  cJSON_Delete(str);
  return txt;
}

/* One line out; on failure recording stops and the error is kept for recorder_close. */
static void put_line(recorder_t *r, const char *line) {
  if (r->failed) return;
  if (!fio_out_write(r->out, line, strlen(line), r->error, sizeof r->error)) r->failed = true;
}

bool recorder_open(recorder_t *r, const engine_t *e, const char *path, const char *scene,
                   size_t arena_bytes, char *err, size_t errlen) {
  char *name, line[1024];
  size_t bad;
  memset(r, 0, sizeof *r);
  r->engine = e;
  if (!scene) scene = "demo";
  if ((bad = utf8_invalid_at(scene)) != (size_t)-1) {
    snprintf(err, errlen, "cannot record to %s: the scene's file name has a byte (0x%02x at %zu) "
             "that is not UTF-8, which a recording (JSON) cannot hold", path,
             (unsigned)(unsigned char)scene[bad], bad);
    return false;
  }
  name = json_string(scene);
  if (!name || strlen(name) > sizeof line - 200u) {
    snprintf(err, errlen, "cannot record to %s: %s", path,
             name ? "the scene's file name is too long" : "out of memory");
    free(name);
    return false;
  }
  r->out = fio_out_open(path, r->error, sizeof r->error);
  if (!r->out) {
    snprintf(err, errlen, "cannot write %s", r->error);
    free(name);
    return false;
  }
  snprintf(line, sizeof line,
           "{\"format\":\"%s\",\"version\":%d,\"tick_ms\":1,\"encoder_poll_ms\":%u,\"scene\":%s,"
           "\"arena_size\":%zu}\n",
           RECORD_FORMAT, RECORD_VERSION, ENGINE_ENC_POLL_MS, name, arena_bytes);
  free(name);
  put_line(r, line);
  if (r->failed) {
    snprintf(err, errlen, "%s", r->error);
    fio_out_abort(r->out);
    r->out = NULL;
    return false;
  }
  return true;
}

void recorder_tap(void *ctx, const sim_event_t *ev) {
  recorder_t *r = ctx;
  char line[160];
  int n;
  if (!r->out || r->failed) return;
  n = snprintf(line, sizeof line, "{\"t\":%u,\"type\":\"%s\",\"index\":%u,\"value\":%d",
               (unsigned)ev->t, sim_event_kind_name(ev->kind), (unsigned)ev->index,
               (int)ev->value);
  if (ev->kind == SIM_EV_SCENE_LOAD) {
    const char *file = engine_path(r->engine, ev->index);
    size_t bad = utf8_invalid_at(file);
    char *q = bad == (size_t)-1 ? json_string(file) : NULL;
    char *whole = q ? malloc((size_t)n + strlen(q) + 16u) : NULL;
    if (!whole) {
      snprintf(r->error, sizeof r->error,
               bad != (size_t)-1 ? "%s: cannot record the load of a scene whose file name is "
                                   "not UTF-8 (a recording is JSON); recording stopped"
                                 : "%s: out of memory; recording stopped",
               fio_out_name(r->out));
      r->failed = true;
      free(q);
      return;
    }
    sprintf(whole, "%s,\"path\":%s}\n", line, q);
    put_line(r, whole);
    free(whole);
    free(q);
  } else {
    snprintf(line + n, sizeof line - (size_t)n, "}\n");
    put_line(r, line);
  }
  /* the first event: the new recording replaces the old one from here */
  if (!r->failed && r->count++ == 0 && !fio_out_publish(r->out, r->error, sizeof r->error))
    r->failed = true;
}

bool recorder_close(recorder_t *r, uint32_t end_t, char *err, size_t errlen) {
  char line[64];
  bool ok;
  if (!r->out) return true;
  snprintf(line, sizeof line, "{\"t\":%u,\"type\":\"end\"}\n", (unsigned)end_t);
  put_line(r, line);
  if (r->failed) {
    /* what was recorded before the failure stays (if it was put in place) */
    if (r->count)
      fio_out_close(r->out, NULL, 0);
    else
      fio_out_abort(r->out);
    snprintf(err, errlen, "%s", r->error);
    ok = false;
  } else {
    ok = fio_out_close(r->out, err, errlen);
  }
  r->out = NULL;
  return ok;
}

void recorder_abort(recorder_t *r) {
  fio_out_abort(r->out);
  r->out = NULL;
}

/* ---- reading ---- */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool fail(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return false;
}

/* A whole number in [lo, hi]: 1; absent: 0; anything else: -1. */
static int int_field(const cJSON *obj, const char *name, double lo, double hi, long *out) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, name);
  double v;
  if (!it) return 0;
  if (!cJSON_IsNumber(it)) return -1;
  v = it->valuedouble;
  if (!(v >= lo && v <= hi) || v != (double)(long)v) return -1;
  *out = (long)v;
  return 1;
}

/* The header fields (the object itself, or the first line): a bad value is an error, not a
 * default. */
static bool read_header(player_t *p, const cJSON *root, const char *path, long want_version,
                        char *err, size_t errlen) {
  const cJSON *it = cJSON_GetObjectItemCaseSensitive(root, "format");
  long v;
  if (!cJSON_IsString(it) || strcmp(it->valuestring, RECORD_FORMAT) != 0)
    return fail(err, errlen, "%s: not an aleph-sim recording (\"format\": \"%s\" expected)", path,
                RECORD_FORMAT);
  if (int_field(root, "version", 0, 1e9, &v) != 1 || v != want_version)
    return fail(err, errlen,
                "%s: \"version\" must be %ld for a recording %s (this build reads version %d, "
                "one JSON object per line, and version %d, one JSON document)",
                path, want_version,
                want_version == RECORD_VERSION ? "written one object per line"
                                               : "written as one JSON document",
                RECORD_VERSION, RECORD_VERSION_DOC);
  if (int_field(root, "tick_ms", 1, 1, &v) < 0)
    return fail(err, errlen, "%s: \"tick_ms\" must be 1 (this simulator runs 1-ms ticks)", path);
  if (int_field(root, "encoder_poll_ms", ENGINE_ENC_POLL_MS, ENGINE_ENC_POLL_MS, &v) < 0)
    return fail(err, errlen, "%s: \"encoder_poll_ms\" must be %u (bees' encoder poll)", path,
                ENGINE_ENC_POLL_MS);
  it = cJSON_GetObjectItemCaseSensitive(root, "scene");
  if (it && (!cJSON_IsString(it) || !it->valuestring[0] ||
             strlen(it->valuestring) >= sizeof p->scene))
    return fail(err, errlen, "%s: \"scene\" must be a file name (or \"demo\") under %zu bytes",
                path, sizeof p->scene);
  if (it && strcmp(it->valuestring, "demo") != 0)
    snprintf(p->scene, sizeof p->scene, "%s", it->valuestring);
  switch (int_field(root, "arena_size", 1, 4294967295.0, &v)) {
  case 1: p->arena_bytes = (size_t)v; break;
  case -1:
    return fail(err, errlen, "%s: \"arena_size\" must be a whole number of bytes from 1 to "
                "4294967295", path);
  default: break;
  }
  return true;
}

typedef enum { EV_ADDED, EV_END, EV_BAD } ev_result_t;

/* A string field copied into out (cap bytes); 0 if absent, -1 if not a string or too long. */
static int name_field(const cJSON *item, const char *key, char *out, size_t cap) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
  if (!v) return 0;
  if (!cJSON_IsString(v) || !v->valuestring[0] || strlen(v->valuestring) >= cap) return -1;
  memcpy(out, v->valuestring, strlen(v->valuestring) + 1);
  return 1;
}

/* The names an input, op_remove or connect event gives instead of "index" (stored in p->refs
 * for event p->n_inputs); an op_add's "at". 1 if the event is named (*idx set), 0 if it uses
 * numbers, -1 after an error. */
static int read_names(player_t *p, const cJSON *item, uint8_t kind, const char *path,
                      const char *where, long *idx, char *err, size_t errlen) {
  player_ref_t r;
  int a, b, c, d, q;
  memset(&r, 0, sizeof r);
  if (kind == SIM_EV_OP_ADD && cJSON_GetObjectItemCaseSensitive(item, "class")) {
    long at = 0xFFFF;
    if (int_field(item, "at", 0, 65535, &at) < 0) {
      fail(err, errlen, "%s: %s: op_add \"at\" is a position from 0", path, where);
      return -1;
    }
    *idx = at;
    return 1;
  }
  if (kind != SIM_EV_INPUT && kind != SIM_EV_OP_REMOVE && kind != SIM_EV_CONNECT) return 0;
  a = name_field(item, kind == SIM_EV_CONNECT ? "from" : "op", r.op, sizeof r.op);
  b = name_field(item, kind == SIM_EV_CONNECT ? "out" : "input", r.port, sizeof r.port);
  c = name_field(item, "to", r.to, sizeof r.to);
  d = name_field(item, "in", r.to_port, sizeof r.to_port);
  q = name_field(item, "param", r.param, sizeof r.param);
  if (a < 0 || b < 0 || c < 0 || d < 0 || q < 0) {
    fail(err, errlen, "%s: %s: op, port and param names are non-empty strings of at most %u "
         "bytes", path, where, OP_NAME_MAX - 1);
    return -1;
  }
  if (!a && !q) return 0;
  if ((kind == SIM_EV_INPUT && !(a ? b && !q : q)) || (kind == SIM_EV_OP_REMOVE && (!a || b || q)) ||
      (kind == SIM_EV_CONNECT && !(a && b && (q ? !c && !d : c && d)))) {
    fail(err, errlen, "%s: %s: name an input as \"op\" and \"input\" (or \"param\"), an op to "
         "remove as \"op\", a connection as \"from\", \"out\" and \"to\", \"in\" (or "
         "\"param\") (docs/recording.md)", path, where);
    return -1;
  }
  if (!p->refs) {
    p->refs = calloc(p->cap_inputs ? p->cap_inputs : 1u, sizeof *p->refs);
    if (!p->refs) {
      fail(err, errlen, "%s: out of memory", path);
      return -1;
    }
  }
  r.used = true;
  snprintf(r.where, sizeof r.where, "%s", where);
  p->refs[p->n_inputs] = r;
  *idx = 0;
  return 1;
}

/* One event object: checked field by field, stored. where: "line 7" or "event 3". */
static ev_result_t read_event(player_t *p, const cJSON *item, const char *path, const char *where,
                              uint32_t *last_t, char *err, size_t errlen) {
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(item, "type");
  sim_event_t ev;
  uint8_t kind;
  long t, idx, val;
  if (!cJSON_IsObject(item)) {
    fail(err, errlen, "%s: %s: an event must be a JSON object", path, where);
    return EV_BAD;
  }
  if (int_field(item, "t", 0, 4294967295.0, &t) != 1) {
    fail(err, errlen, "%s: %s: needs \"t\", a whole number of ms from 0 to 4294967295", path,
         where);
    return EV_BAD;
  }
  if (!cJSON_IsString(type)) {
    fail(err, errlen, "%s: %s: needs a \"type\" (a string such as \"encoder\")", path, where);
    return EV_BAD;
  }
  if ((uint32_t)t < *last_t) {
    fail(err, errlen, "%s: %s: t %ld is before the previous event's %u", path, where, t, *last_t);
    return EV_BAD;
  }
  *last_t = (uint32_t)t;
  if (!strcmp(type->valuestring, "end")) {
    p->end_t = (uint32_t)t;
    return EV_END;
  }
  if (!sim_event_kind_from_name(type->valuestring, &kind)) {
    fail(err, errlen, "%s: %s: unknown type \"%.40s\"", path, where, type->valuestring);
    return EV_BAD;
  }
  switch (read_names(p, item, kind, path, where, &idx, err, errlen)) {
  case 1: break; /* named: index given by the names */
  case -1: return EV_BAD;
  default:
  if (int_field(item, "index", 0, 65535, &idx) != 1) {
    fail(err, errlen, "%s: %s: %s needs \"index\", a whole number from 0 to 65535", path, where,
         type->valuestring);
    return EV_BAD;
  }
  }
  if (kind == SIM_EV_OP_ADD && cJSON_IsString(cJSON_GetObjectItemCaseSensitive(item, "class"))) {
    const char *name = cJSON_GetObjectItemCaseSensitive(item, "class")->valuestring;
    const op_class_t *cls = op_class_by_name(name);
    if (!cls) {
      fail(err, errlen, "%s: %s: op_add: no op class \"%.40s\"", path, where, name);
      return EV_BAD;
    }
    val = cls->id;
  } else if ((kind == SIM_EV_OP_REMOVE || kind == SIM_EV_CONNECT) && p->refs &&
             p->refs[p->n_inputs].used) {
    val = 0; /* given by the names when fed */
  } else if (int_field(item, "value", -32768, 32767, &val) != 1) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, "value");
    if (cJSON_IsNumber(v))
      fail(err, errlen, "%s: %s: %s value %g is out of range (a whole number from -32768 to "
           "32767)", path, where, type->valuestring, v->valuedouble);
    else
      fail(err, errlen, "%s: %s: %s needs \"value\", a whole number from -32768 to 32767", path,
           where, type->valuestring);
    return EV_BAD;
  }
  if (kind == SIM_EV_SCENE_LOAD) { /* the index is the recording's: the path is what counts */
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(item, "path");
    if (!cJSON_IsString(file) || !file->valuestring[0] || p->n_paths >= SIM_PATHS_MAX) {
      fail(err, errlen, "%s: %s: a scene_load needs a \"path\" (at most %u of them)", path, where,
           SIM_PATHS_MAX);
      return EV_BAD;
    }
    p->paths[p->n_paths] = strdup(file->valuestring);
    if (!p->paths[p->n_paths]) {
      fail(err, errlen, "%s: out of memory", path);
      return EV_BAD;
    }
    idx = (long)p->n_paths++;
    val = 0;
  }
  memset(&ev, 0, sizeof ev);
  ev.t = (uint32_t)t;
  ev.kind = kind;
  ev.index = (uint16_t)idx;
  ev.value = (int16_t)val;
  if (!sim_event_valid(&ev)) {
    fail(err, errlen, "%s: %s: %s %ld value %ld is out of range", path, where, type->valuestring,
         idx, val);
    return EV_BAD;
  }
  if (kind == SIM_EV_ENC_BATCH)
    p->batches[p->n_batches++] = ev;
  else
    p->inputs[p->n_inputs++] = ev;
  if (p->end_t < ev.t) p->end_t = ev.t;
  return EV_ADDED;
}

static bool alloc_events(player_t *p, uint32_t n, const char *path, char *err, size_t errlen) {
  p->cap_inputs = n;
  p->inputs = calloc(n ? n : 1u, sizeof *p->inputs);
  p->batches = calloc(n ? n : 1u, sizeof *p->batches);
  p->paths = calloc(SIM_PATHS_MAX, sizeof *p->paths);
  if (!p->inputs || !p->batches || !p->paths) return fail(err, errlen, "%s: out of memory", path);
  return true;
}

/* cJSON's parse of text[0..len), with the reason in words: "not valid JSON (line 3, column 7)"
 * or "nested deeper than cJSON's 1000 levels". */
static cJSON *parse_json(const char *text, size_t len, const char *path, const char *where,
                         char *err, size_t errlen) {
  cJSON *root = cJSON_ParseWithLength(text, len);
  if (!root) {
    char why[160];
    sio_json_explain(text, len, cJSON_GetErrorPtr(), why, sizeof why);
    fail(err, errlen, "%s: %s%s%s", path, where, where[0] ? ": " : "", why);
  }
  return root;
}

/* The form hand-written scripts use: one document, {"format", "version": 1, ..., "events": []}. */
static bool read_document(player_t *p, const char *text, size_t len, const char *path, char *err,
                          size_t errlen) {
  cJSON *root, *events, *item;
  uint32_t i = 0, last_t = 0;
  if (len > RECORD_DOC_MAX_BYTES)
    return fail(err, errlen, "%s: %zu bytes is more than a recording written as one JSON "
                "document can be (at most %u bytes; the recorder writes one object per line)",
                path, len, RECORD_DOC_MAX_BYTES);
  root = parse_json(text, len, path, "", err, errlen);
  if (!root) return false;
  if (!read_header(p, root, path, RECORD_VERSION_DOC, err, errlen)) goto bad;
  events = cJSON_GetObjectItemCaseSensitive(root, "events");
  if (!cJSON_IsArray(events)) {
    fail(err, errlen, "%s: no \"events\" array", path);
    goto bad;
  }
  if (!alloc_events(p, (uint32_t)cJSON_GetArraySize(events), path, err, errlen)) goto bad;
  cJSON_ArrayForEach(item, events) {
    char where[32];
    ev_result_t r;
    snprintf(where, sizeof where, "event %u", i);
    r = read_event(p, item, path, where, &last_t, err, errlen);
    if (r == EV_BAD) goto bad;
    if (r == EV_END) break;
    i++;
  }
  cJSON_Delete(root);
  return true;
bad:
  cJSON_Delete(root);
  return false;
}

/* The recorder's form: a header line, one event per line, an end line. A file cut short by a
 * kill is read to its last whole line. */
static bool read_lines(player_t *p, const char *text, size_t len, const char *path, char *err,
                       size_t errlen) {
  const char *at = text, *end = text + len;
  uint32_t lines = 0, lineno = 0, last_t = 0;
  bool header = false, ended = false;
  const char *q;
  for (q = text; q < end; q++) lines += *q == '\n';
  if (!alloc_events(p, lines + 1u, path, err, errlen)) return false;
  while (at < end) {
    const char *nl = memchr(at, '\n', (size_t)(end - at));
    size_t n = nl ? (size_t)(nl - at) : (size_t)(end - at);
    char where[32];
    cJSON *obj;
    ev_result_t r;
    lineno++;
    snprintf(where, sizeof where, "line %u", lineno);
    if (n && at[n - 1] == '\r') n--;
    if (n == 0 || strspn(at, " \t\r") >= n) { /* blank */
      at = nl ? nl + 1 : end;
      continue;
    }
    if (ended)
      return fail(err, errlen, "%s: %s: more after the end marker", path, where);
    obj = cJSON_ParseWithLength(at, n);
    if (!obj && !nl && header) {
      /* the last line, without its newline and not whole: the recorder was killed mid-write */
      snprintf(p->note, sizeof p->note, "%s: the last line (%u) is cut short (the recorder was "
               "stopped while writing it): ignored", path, lineno);
      break;
    }
    if (!obj) {
      parse_json(at, n, path, where, err, errlen);
      return false;
    }
    if (!header) {
      bool ok = read_header(p, obj, path, RECORD_VERSION, err, errlen);
      cJSON_Delete(obj);
      if (!ok) return false;
      header = true;
      at = nl ? nl + 1 : end;
      continue;
    }
    r = read_event(p, obj, path, where, &last_t, err, errlen);
    cJSON_Delete(obj);
    if (r == EV_BAD) return false;
    if (r == EV_END) ended = true;
    at = nl ? nl + 1 : end;
  }
  if (!header) return fail(err, errlen, "%s: empty: no header line", path);
  if (!ended && !p->note[0])
    snprintf(p->note, sizeof p->note, "%s: no end marker (the recorder was stopped without "
             "finishing it): replayed to its last event, at %u ms", path, p->end_t);
  return true;
}

bool player_load(player_t *p, const char *path, char *err, size_t errlen) {
  uint8_t *data;
  size_t len, bom, first;
  const char *text, *nl;
  cJSON *head;
  bool lines = false, ok;
  memset(p, 0, sizeof *p);
  p->check = true;
  if (fio_read_regular(path, RECORD_MAX_BYTES, "recording", &data, &len, err, errlen) != FIO_OK)
    return false;
  bom = sio_bom_len(data, len);
  text = (const char *)data + bom;
  len -= bom;
  /* the form: a first line that is a whole object with a "format" and no "events" is a header */
  nl = memchr(text, '\n', len);
  first = nl ? (size_t)(nl - text) : len;
  head = cJSON_ParseWithLength(text, first);
  if (cJSON_IsObject(head) && cJSON_GetObjectItemCaseSensitive(head, "format") &&
      !cJSON_GetObjectItemCaseSensitive(head, "events"))
    lines = true;
  cJSON_Delete(head);
  ok = lines ? read_lines(p, text, len, path, err, errlen)
             : read_document(p, text, len, path, err, errlen);
  free(data);
  if (!ok) {
    player_free(p);
    return false;
  }
  /* a file without batches is a hand-written input script: nothing to check against */
  p->check = p->n_batches > 0;
  return true;
}

void player_free(player_t *p) {
  uint32_t i;
  free(p->refs);
  p->refs = NULL;
  for (i = 0; i < p->n_paths; i++) free(p->paths[i]);
  free(p->paths);
  p->paths = NULL;
  p->n_paths = 0;
  free(p->inputs);
  free(p->batches);
  p->inputs = p->batches = NULL;
  p->n_inputs = p->n_batches = 0;
}

/* A named event's numbers, from the net as it is now. false with a message on stderr. */
static bool resolve(const player_ref_t *r, engine_t *e, sim_event_t *ev) {
  const net_t *net = engine_net(e);
  char err[256] = "";
  int op = -1, port = -1, target = -1;
  bool ok = true;
  if (r->op[0]) {
    op = net_ref_op(&e->names, net, r->op, err, sizeof err);
    ok = op >= 0;
    if (ok && r->port[0]) {
      port = net_ref_port(&e->names, net, (uint16_t)op, ev->kind == SIM_EV_INPUT, r->port, err,
                          sizeof err);
      ok = port >= 0;
    }
  }
  if (ok && r->to[0]) {
    int to = net_ref_op(&e->names, net, r->to, err, sizeof err), in = -1;
    if (to >= 0) in = net_ref_port(&e->names, net, (uint16_t)to, true, r->to_port, err, sizeof err);
    ok = in >= 0;
    if (ok) target = net_op(net, (uint16_t)to)->first_in + in;
  } else if (ok && r->param[0]) {
    int q = net_ref_param(net, r->param, err, sizeof err);
    ok = q >= 0;
    if (ok) target = net_in_count(net) + q;
  }
  if (!ok) {
    fprintf(stderr, "aleph-sim: replay: %s (%u ms): %s\n", r->where, (unsigned)ev->t, err);
    return false;
  }
  switch (ev->kind) {
  case SIM_EV_INPUT: /* an op's input, or a param (numbered after the inputs) */
    ev->index = (uint16_t)(op >= 0 ? net_op(net, (uint16_t)op)->first_in + port : target);
    break;
  case SIM_EV_OP_REMOVE: ev->index = (uint16_t)op; break;
  default: /* connect: an output to an input or a param */
    ev->index = (uint16_t)(net_op(net, (uint16_t)op)->first_out + port);
    ev->value = (int16_t)target;
    break;
  }
  return true;
}

void player_feed(player_t *p, engine_t *e, uint32_t t) {
  while (p->next_input < p->n_inputs && p->inputs[p->next_input].t <= t &&
         sim_queue_count(&e->queue) < SIM_QUEUE_CAP) {
    uint32_t k = p->next_input++;
    sim_event_t ev = p->inputs[k];
    if (p->refs && p->refs[k].used) {
      engine_tick(e, ev.t); /* the events before it have run: the names mean what they mean now */
      if (!resolve(&p->refs[k], e, &ev)) {
        engine_replay_rejected(e, &ev);
        continue;
      }
    }
    if (ev.kind == SIM_EV_SCENE_LOAD) {
      int id = engine_path_id(e, p->paths[ev.index]);
      if (id < 0) {
        engine_replay_rejected(e, &ev);
        continue;
      }
      ev.index = (uint16_t)id;
    }
    engine_push_replayed(e, &ev);
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
