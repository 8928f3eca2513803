/* SPDX-License-Identifier: MIT */
/* scene_json.c: the aleph-scene JSON form of a network (docs/scene-json.md): ops by class name
 * with their input values and pickled state, connections and preset entries by op and port
 * name, params by label. Writing then reading reproduces the network exactly. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op_catalog.h"
#include "op_names.h"
#include "preset.h"
#include "scene_io.h"
#include "scene_io_internal.h"
#include "scene_layout.h"
#include "utf8.h"

#define FORMAT_NAME "aleph-scene"
#define FORMAT_VERSION 1

/* ---- shared helpers (declared in scene_io_internal.h) ---- */

char *sio_hex(const uint8_t *p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  char *s = malloc(2 * n + 1);
  size_t i;
  if (!s) return 0;
  for (i = 0; i < n; i++) {
    s[2 * i] = digits[p[i] >> 4];
    s[2 * i + 1] = digits[p[i] & 15];
  }
  s[2 * n] = '\0';
  return s;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

long sio_unhex(const char *hex, uint8_t *out, size_t cap) {
  size_t n = strlen(hex), i;
  if (n % 2 || n / 2 > cap) return -1;
  for (i = 0; i < n / 2; i++) {
    int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return -1;
    out[i] = (uint8_t)(hi << 4 | lo);
  }
  return (long)(n / 2);
}

void sio_version_text(const scene_version_t *v, char *out, size_t cap) {
  snprintf(out, cap, "%u.%u.%u", v->maj, v->min, v->rev);
}

bool sio_version_parse(const char *text, scene_version_t *v) {
  unsigned a, b, c;
  char tail;
  if (sscanf(text, "%u.%u.%u%c", &a, &b, &c, &tail) != 3 || a > 255 || b > 255 || c > 65535)
    return false;
  v->maj = (uint8_t)a;
  v->min = (uint8_t)b;
  v->rev = (uint16_t)c;
  return true;
}

void sio_json_fail(sio_json_ctx_t *c, const char *where, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  if (c->failed) return; /* the first problem is the one reported */
  c->failed = true;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (c->file)
    sio_fail(c->err, "%s: %s%s%s", c->file, where ? where : "", where && *where ? ": " : "", msg);
  else
    sio_fail(c->err, "%s%s%s", where ? where : "", where && *where ? ": " : "", msg);
}

bool sio_json_int(sio_json_ctx_t *c, const cJSON *v, const char *where, long long lo, long long hi,
                  long long *out) {
  double d;
  if (!cJSON_IsNumber(v)) {
    sio_json_fail(c, where, "expected an integer");
    return false;
  }
  d = v->valuedouble;
  /* the range first: converting a double outside long long's range (or NaN) is undefined */
  if (!(d >= (double)lo && d <= (double)hi) || d != (double)(long long)d) {
    sio_json_fail(c, where, "expected an integer in %lld..%lld, found %g", lo, hi, d);
    return false;
  }
  *out = (long long)d;
  return true;
}

void sio_json_explain(const char *text, size_t len, const char *at, char *out, size_t cap) {
  unsigned line = 1, col = 1, depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  const char *p, *stop = at && at >= text && at <= text + len ? at : text + len;
  for (p = text; p < stop && *p; p++) {
    char ch = *p;
    if (ch == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (ch == '\\')
        escaped = true;
      else if (ch == '"')
        in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > deepest) deepest = depth;
    } else if ((ch == ']' || ch == '}') && depth) {
      depth--;
    }
  }
  if (deepest >= CJSON_NESTING_LIMIT)
    snprintf(out, cap, "JSON nested more than %u levels deep (at line %u), more than the JSON "
             "reader takes", (unsigned)CJSON_NESTING_LIMIT, line);
  else
    snprintf(out, cap, "not valid JSON: syntax error at line %u, column %u", line, col);
}

cJSON *sio_json_parse(sio_json_ctx_t *c, const char *text) {
  const char *end = 0;
  cJSON *root;
  text += sio_bom_len(text, strlen(text));
  root = cJSON_ParseWithOpts(text, &end, 1);
  if (!root) {
    char why[160];
    sio_json_explain(text, strlen(text), end ? end : cJSON_GetErrorPtr(), why, sizeof why);
    sio_json_fail(c, "", "%s", why);
  }
  return root;
}

char *sio_json_print(const cJSON *root) {
  char *s = cJSON_Print(root), *d, *out;
  size_t extra = 0;
  const char *p;
  if (!s) return 0;
  /* cJSON indents with tabs and puts a tab after ':'; raw tabs occur nowhere else (strings
   * escape theirs), so this gives two-space indentation and ": " */
  for (p = s; *p; p++)
    if (*p == '\t') extra++;
  out = malloc(strlen(s) + extra + 1);
  if (!out) return s;
  for (p = s, d = out; *p; p++) {
    if (*p != '\t') {
      *d++ = *p;
    } else if (p > s && p[-1] == ':') {
      *d++ = ' ';
    } else {
      *d++ = ' ';
      *d++ = ' ';
    }
  }
  *d = '\0';
  cJSON_free(s);
  return out;
}

/* ---- writing ---- */

/* A port as its name, or its index when the class has two ports of that name. */
static cJSON *port_ref(const char *const *names, uint8_t n, uint8_t k) {
  uint8_t j;
  for (j = 0; j < n; j++)
    if (j != k && strcmp(names[j], names[k]) == 0) return cJSON_CreateNumber(k);
  return cJSON_CreateString(names[k]);
}

static cJSON *param_ref(const net_t *net, uint16_t j) {
  uint16_t i;
  for (i = 0; i < net_param_count(net); i++)
    if (i != j && strcmp(net_param(net, i)->label, net_param(net, j)->label) == 0)
      return cJSON_CreateNumber(j);
  return cJSON_CreateString(net_param(net, j)->label);
}

typedef struct {
  const net_t *net;
  char (*handles)[40];
} wr_t;

/* Adds "to"+"in" or "param" (nothing for no target) for a global target. */
static void add_target(const wr_t *w, cJSON *o, int32_t t) {
  const net_t *net = w->net;
  if (t < 0) return;
  if (t < net_in_count(net)) {
    uint16_t op;
    uint8_t sub;
    const op_class_t *cls;
    net_in_owner(net, (uint16_t)t, &op, &sub);
    cls = net_op(net, op)->cls;
    cJSON_AddStringToObject(o, "to", w->handles[op]);
    cJSON_AddItemToObject(o, "in", port_ref(cls->in_names, cls->num_ins, sub));
  } else {
    cJSON_AddItemToObject(o, "param", param_ref(net, (uint16_t)(t - net_in_count(net))));
  }
}

static cJSON *out_entry(const wr_t *w, uint16_t out) {
  uint16_t op;
  uint8_t sub;
  const op_class_t *cls;
  cJSON *o = cJSON_CreateObject();
  net_out_owner(w->net, out, &op, &sub);
  cls = net_op(w->net, op)->cls;
  cJSON_AddStringToObject(o, "from", w->handles[op]);
  cJSON_AddItemToObject(o, "out", port_ref(cls->out_names, cls->num_outs, sub));
  return o;
}

static bool default_preset_name(uint16_t p, const char *name) {
  char d[8];
  snprintf(d, sizeof d, "%03u_", p);
  return strcmp(d, name) == 0;
}

/* One name: UTF-8, or a message naming the field, the byte and what to do. */
static bool utf8_name(sio_error_t *err, const char *field, const char *s) {
  size_t bad = utf8_invalid_at(s);
  if (bad == (size_t)-1) return true;
  sio_fail(err, "%s: byte %zu (0x%02x) is not UTF-8, and JSON text must be: this scene cannot "
           "be written as JSON until the name is changed (its .scn form is unaffected)", field,
           bad, (unsigned)(unsigned char)s[bad]);
  return false;
}

bool sio_names_utf8(const net_t *net, const scene_header_t *hdr, sio_error_t *err) {
  uint16_t i;
  char field[40];
  if (!utf8_name(err, "scene.name", hdr->name) || !utf8_name(err, "scene.module", hdr->module))
    return false;
  for (i = 0; i < net_param_count(net); i++) {
    snprintf(field, sizeof field, "params[%u].label", i);
    if (!utf8_name(err, field, net_param(net, i)->label)) return false;
  }
  for (i = 0; i < preset_count(net); i++) {
    snprintf(field, sizeof field, "presets[%u].name", i);
    if (!utf8_name(err, field, preset_name(net, i))) return false;
  }
  return true;
}

char *scene_json_write(const net_t *net, const scene_header_t *hdr_in, scene_layout_t layout,
                       sio_error_t *err) {
  return scene_json_write_named(net, hdr_in, layout, NULL, err);
}

char *scene_json_write_named(const net_t *net, const scene_header_t *hdr_in, scene_layout_t layout,
                             const struct op_names *names, sio_error_t *err) {
  scene_header_t hdr;
  cJSON *root, *scene, *ops, *conns, *params, *presets;
  uint16_t i, n = net_op_count(net);
  op_format_t fmt;
  uint8_t *state;
  char text[32], *out;
  wr_t w;
  sio_clear(err);
  if (hdr_in)
    hdr = *hdr_in;
  else
    scene_header_init(&hdr);
  if (layout == SCENE_LAYOUT_AUTO)
    layout = hdr.layout == SCENE_LAYOUT_AUTO ? SCENE_LAYOUT_0_8_1 : hdr.layout;
  if (!sio_names_utf8(net, &hdr, err)) return 0;
  fmt = scene_layout_format(layout);
  w.net = net;
  w.handles = calloc(n ? n : 1, sizeof *w.handles);
  state = malloc(SCENE_STATE_MAX);
  root = cJSON_CreateObject();
  if (!w.handles || !state || !root) {
    free(w.handles);
    free(state);
    cJSON_Delete(root);
    sio_fail(err, "out of memory");
    return 0;
  }
  for (i = 0; i < n; i++) op_names_get(names, net, i, w.handles[i], sizeof w.handles[i]);
  cJSON_AddStringToObject(root, "format", FORMAT_NAME);
  cJSON_AddNumberToObject(root, "formatVersion", FORMAT_VERSION);
  cJSON_AddStringToObject(root, "layout", scene_layout_name(layout));
  /* scene */
  scene = cJSON_AddObjectToObject(root, "scene");
  cJSON_AddStringToObject(scene, "name", hdr.name);
  cJSON_AddStringToObject(scene, "module", hdr.module);
  sio_version_text(&hdr.module_version, text, sizeof text);
  cJSON_AddStringToObject(scene, "moduleVersion", text);
  sio_version_text(&hdr.bees, text, sizeof text);
  cJSON_AddStringToObject(scene, "beesVersion", text);
  if (scene_name_field_has_tail(hdr.name_field, hdr.name)) {
    char *hex = sio_hex(hdr.name_field, SCENE_NAME_LEN);
    cJSON_AddStringToObject(scene, "nameField", hex ? hex : "");
    free(hex);
  }
  if (scene_name_field_has_tail(hdr.module_field, hdr.module)) {
    char *hex = sio_hex(hdr.module_field, SCENE_NAME_LEN);
    cJSON_AddStringToObject(scene, "moduleField", hex ? hex : "");
    free(hex);
  }
  if (!scene_header_descriptor_derived(&hdr)) {
    char *hex = sio_hex(hdr.descriptor, SCENE_DESC_SIZE);
    cJSON_AddStringToObject(scene, "descriptor", hex ? hex : "");
    free(hex);
  }
  /* ops */
  ops = cJSON_AddArrayToObject(root, "ops");
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    const op_class_t *cls = op->cls;
    cJSON *o = cJSON_CreateObject(), *ins, *play = 0;
    scene_class_layout_t cl;
    uint8_t k;
    cJSON_AddNumberToObject(o, "index", i);
    cJSON_AddStringToObject(o, "name", w.handles[i]);
    cJSON_AddStringToObject(o, "class", cls->name);
    ins = cJSON_AddObjectToObject(o, "ins");
    for (k = 0; k < cls->num_ins; k++) {
      char key[16];
      uint8_t j;
      bool dup = false;
      for (j = 0; j < cls->num_ins; j++)
        if (j != k && strcmp(cls->in_names[j], cls->in_names[k]) == 0) dup = true;
      if (dup)
        snprintf(key, sizeof key, "#%u", k);
      else
        snprintf(key, sizeof key, "%s", cls->in_names[k]);
      cJSON_AddNumberToObject(ins, key, op->in[k]);
      if (net_in_play(net, (uint16_t)(op->first_in + k))) {
        if (!play) play = cJSON_CreateArray();
        cJSON_AddItemToArray(play, port_ref(cls->in_names, cls->num_ins, k));
      }
    }
    if (play) cJSON_AddItemToObject(o, "play", play);
    if (scene_class_layout(fmt, cls->id, &cl)) {
      int32_t len = op_pickle(op, state, SCENE_STATE_MAX, fmt);
      if (len >= 0) {
        char *hex = sio_hex(state, (size_t)len);
        cJSON_AddStringToObject(o, "state", hex ? hex : "");
        free(hex);
      }
    }
    cJSON_AddItemToArray(ops, o);
  }
  /* connections */
  conns = cJSON_AddArrayToObject(root, "connections");
  for (i = 0; i < net_out_count(net); i++) {
    int32_t t = net_target(net, i);
    cJSON *o;
    if (t < 0) continue;
    o = out_entry(&w, i);
    add_target(&w, o, t);
    cJSON_AddItemToArray(conns, o);
  }
  /* params */
  params = cJSON_AddArrayToObject(root, "params");
  for (i = 0; i < net_param_count(net); i++) {
    const net_param_t *p = net_param(net, i);
    cJSON *o = cJSON_CreateObject();
    const char *type = sio_param_type_name(p->type);
    cJSON_AddStringToObject(o, "label", p->label);
    cJSON_AddNumberToObject(o, "value", p->value);
    if (type)
      cJSON_AddStringToObject(o, "type", type);
    else
      cJSON_AddNumberToObject(o, "type", p->type);
    cJSON_AddNumberToObject(o, "min", p->min);
    cJSON_AddNumberToObject(o, "max", p->max);
    cJSON_AddNumberToObject(o, "radix", p->radix);
    if (p->play == 1)
      cJSON_AddTrueToObject(o, "play");
    else if (p->play)
      cJSON_AddNumberToObject(o, "play", p->play);
    cJSON_AddItemToArray(params, o);
  }
  /* presets: only those with entries or a name of their own */
  presets = cJSON_AddArrayToObject(root, "presets");
  for (i = 0; i < preset_count(net) && i < SCENE_PRESETS; i++) {
    cJSON *o = cJSON_CreateObject(), *pins = cJSON_CreateArray(), *pparams = cJSON_CreateArray(),
          *pouts = cJSON_CreateArray();
    uint32_t g;
    for (g = 0; g < (uint32_t)net_in_count(net) + net_param_count(net); g++) {
      io_t v;
      cJSON *e;
      if (!preset_in_value(net, i, (uint16_t)g, &v)) continue;
      e = cJSON_CreateObject();
      if (g < net_in_count(net)) {
        uint16_t op;
        uint8_t sub;
        const op_class_t *cls;
        net_in_owner(net, (uint16_t)g, &op, &sub);
        cls = net_op(net, op)->cls;
        cJSON_AddStringToObject(e, "op", w.handles[op]);
        cJSON_AddItemToObject(e, "in", port_ref(cls->in_names, cls->num_ins, sub));
        cJSON_AddNumberToObject(e, "value", v);
        cJSON_AddItemToArray(pins, e);
      } else {
        cJSON_AddItemToObject(e, "param", param_ref(net, (uint16_t)(g - net_in_count(net))));
        cJSON_AddNumberToObject(e, "value", v);
        cJSON_AddItemToArray(pparams, e);
      }
    }
    for (g = 0; g < net_out_count(net); g++) {
      int32_t t;
      cJSON *e;
      if (!preset_out_target(net, i, (uint16_t)g, &t)) continue;
      e = out_entry(&w, (uint16_t)g);
      add_target(&w, e, t);
      cJSON_AddItemToArray(pouts, e);
    }
    if (cJSON_GetArraySize(pins) || cJSON_GetArraySize(pparams) || cJSON_GetArraySize(pouts) ||
        !default_preset_name(i, preset_name(net, i))) {
      cJSON_AddNumberToObject(o, "index", i);
      cJSON_AddStringToObject(o, "name", preset_name(net, i));
      if (cJSON_GetArraySize(pins)) cJSON_AddItemToObject(o, "ins", pins); else cJSON_Delete(pins);
      if (cJSON_GetArraySize(pparams)) cJSON_AddItemToObject(o, "params", pparams); else cJSON_Delete(pparams);
      if (cJSON_GetArraySize(pouts)) cJSON_AddItemToObject(o, "outs", pouts); else cJSON_Delete(pouts);
      cJSON_AddItemToArray(presets, o);
    } else {
      cJSON_Delete(pins);
      cJSON_Delete(pparams);
      cJSON_Delete(pouts);
      cJSON_Delete(o);
    }
  }
  out = sio_json_print(root);
  cJSON_Delete(root);
  free(state);
  free(w.handles);
  if (!out) sio_fail(err, "out of memory");
  return out;
}

/* ---- reading ---- */

typedef struct {
  sio_json_ctx_t c;
  net_t *net;
  op_format_t fmt;
  scene_layout_t layout;
  char **names; /* effective op names, by index */
} rd_t;

/* Checks that an object has only the given keys. */
static bool only_keys(rd_t *r, const cJSON *o, const char *where, const char *const *keys) {
  const cJSON *it;
  if (!cJSON_IsObject(o)) {
    sio_json_fail(&r->c, where, "expected an object");
    return false;
  }
  cJSON_ArrayForEach(it, o) {
    const char *const *k;
    for (k = keys; *k; k++)
      if (strcmp(*k, it->string) == 0) break;
    if (!*k) {
      sio_json_fail(&r->c, where, "unknown key \"%s\"", it->string);
      return false;
    }
  }
  return true;
}

static const char *get_string(rd_t *r, const cJSON *o, const char *key, const char *where,
                              bool required) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  if (!v) {
    if (required) sio_json_fail(&r->c, where, "missing \"%s\"", key);
    return 0;
  }
  if (!cJSON_IsString(v)) {
    sio_json_fail(&r->c, where, "\"%s\" must be a string", key);
    return 0;
  }
  return v->valuestring;
}

static bool get_int(rd_t *r, const cJSON *o, const char *key, const char *where, long long lo,
                    long long hi, long long *out) {
  char w[160];
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  snprintf(w, sizeof w, "%s.%s", where, key);
  if (!v) {
    sio_json_fail(&r->c, where, "missing \"%s\"", key);
    return false;
  }
  return sio_json_int(&r->c, v, w, lo, hi, out);
}

/* An op by name or index. */
static int find_op(rd_t *r, const cJSON *ref, const char *where) {
  uint16_t i, n = net_op_count(r->net);
  if (cJSON_IsNumber(ref)) {
    long long v;
    if (!sio_json_int(&r->c, ref, where, 0, n ? n - 1 : 0, &v)) return -1;
    if (!n) {
      sio_json_fail(&r->c, where, "the scene has no ops");
      return -1;
    }
    return (int)v;
  }
  if (!cJSON_IsString(ref)) {
    sio_json_fail(&r->c, where, "expected an op name or index");
    return -1;
  }
  for (i = 0; i < n; i++)
    if (strcmp(r->names[i], ref->valuestring) == 0) return i;
  sio_json_fail(&r->c, where, "no op is named \"%s\"", ref->valuestring);
  return -1;
}

/* A port of op (inputs or outputs) by name, "#k" or index. */
static int find_port(rd_t *r, int op, bool input, const cJSON *ref, const char *where) {
  const op_class_t *cls = net_op(r->net, (uint16_t)op)->cls;
  const char *const *names = input ? cls->in_names : cls->out_names;
  uint8_t n = input ? cls->num_ins : cls->num_outs, k;
  if (cJSON_IsNumber(ref)) {
    long long v;
    if (!n) {
      sio_json_fail(&r->c, where, "%s has no %s", cls->name, input ? "inputs" : "outputs");
      return -1;
    }
    if (!sio_json_int(&r->c, ref, where, 0, n - 1, &v)) return -1;
    return (int)v;
  }
  if (!cJSON_IsString(ref)) {
    sio_json_fail(&r->c, where, "expected a port name or index");
    return -1;
  }
  if (ref->valuestring[0] == '#') {
    char *end;
    long v = strtol(ref->valuestring + 1, &end, 10);
    if (!*end && end != ref->valuestring + 1 && v >= 0 && v < n) return (int)v;
  }
  for (k = 0; k < n; k++)
    if (strcmp(names[k], ref->valuestring) == 0) return k;
  if (r->names[op] && strcmp(r->names[op], cls->name) != 0)
    sio_json_fail(&r->c, where, "%s (%s) has no %s named \"%s\"", r->names[op], cls->name,
                  input ? "input" : "output", ref->valuestring);
  else
    sio_json_fail(&r->c, where, "%s has no %s named \"%s\"", cls->name,
                  input ? "input" : "output", ref->valuestring);
  return -1;
}

static int find_param(rd_t *r, const cJSON *ref, const char *where) {
  uint16_t i, n = net_param_count(r->net);
  int found = -1;
  if (cJSON_IsNumber(ref)) {
    long long v;
    if (!n) {
      sio_json_fail(&r->c, where, "the scene has no params");
      return -1;
    }
    if (!sio_json_int(&r->c, ref, where, 0, n - 1, &v)) return -1;
    return (int)v;
  }
  if (!cJSON_IsString(ref)) {
    sio_json_fail(&r->c, where, "expected a param label or index");
    return -1;
  }
  for (i = 0; i < n; i++)
    if (strcmp(net_param(r->net, i)->label, ref->valuestring) == 0) {
      if (found >= 0) {
        sio_json_fail(&r->c, where, "two params are labelled \"%s\": use an index",
                      ref->valuestring);
        return -1;
      }
      found = i;
    }
  if (found < 0) sio_json_fail(&r->c, where, "no param is labelled \"%s\"", ref->valuestring);
  return found;
}

/* The global output named by from/out, and its target from to/in, param or nothing (-1). */
static bool read_link(rd_t *r, const cJSON *o, const char *where, uint16_t *out, int32_t *target) {
  static const char *const keys[] = {"from", "out", "to", "in", "param", 0};
  const cJSON *to, *param;
  char w[160];
  int op, port;
  if (!only_keys(r, o, where, keys)) return false;
  snprintf(w, sizeof w, "%s.from", where);
  op = find_op(r, cJSON_GetObjectItemCaseSensitive(o, "from"), w);
  if (op < 0) return false;
  snprintf(w, sizeof w, "%s.out", where);
  port = find_port(r, op, false, cJSON_GetObjectItemCaseSensitive(o, "out"), w);
  if (port < 0) return false;
  *out = (uint16_t)(net_op_first_out(r->net, (uint16_t)op) + port);
  to = cJSON_GetObjectItemCaseSensitive(o, "to");
  param = cJSON_GetObjectItemCaseSensitive(o, "param");
  if (to && param) {
    sio_json_fail(&r->c, where, "give either \"to\" and \"in\", or \"param\"");
    return false;
  }
  if (to) {
    int top, tin;
    snprintf(w, sizeof w, "%s.to", where);
    top = find_op(r, to, w);
    if (top < 0) return false;
    snprintf(w, sizeof w, "%s.in", where);
    tin = find_port(r, top, true, cJSON_GetObjectItemCaseSensitive(o, "in"), w);
    if (tin < 0) return false;
    *target = net_op_first_in(r->net, (uint16_t)top) + tin;
  } else if (param) {
    int p;
    snprintf(w, sizeof w, "%s.param", where);
    p = find_param(r, param, w);
    if (p < 0) return false;
    *target = net_in_count(r->net) + p;
  } else {
    if (cJSON_GetObjectItemCaseSensitive(o, "in")) {
      sio_json_fail(&r->c, where, "\"in\" without \"to\"");
      return false;
    }
    *target = -1;
  }
  return true;
}

/* scene.nameField / moduleField: the raw 24-byte field, whose text must be the name. */
static bool read_name_field(rd_t *r, const cJSON *s, const char *key, const char *text,
                            const char *text_key, uint8_t *field) {
  char where[32];
  const char *v = get_string(r, s, key, "scene", false);
  if (!v) return !r->c.failed;
  snprintf(where, sizeof where, "scene.%s", key);
  if (sio_unhex(v, field, SCENE_NAME_LEN) != SCENE_NAME_LEN) {
    sio_json_fail(&r->c, where, "expected %u bytes as hex", SCENE_NAME_LEN);
    return false;
  }
  if (!scene_name_field_has_tail(field, text)) {
    sio_json_fail(&r->c, where,
                  "its text (up to the first zero byte) must be %s, followed by the bytes to keep",
                  text_key);
    return false;
  }
  return true;
}

static bool read_scene(rd_t *r, const cJSON *s, scene_header_t *hdr) {
  static const char *const keys[] = {"name",       "module",      "moduleVersion", "beesVersion",
                                     "descriptor", "nameField",   "moduleField",   0};
  const char *v;
  scene_header_init(hdr);
  hdr->layout = r->layout;
  if (!s) return true;
  if (!only_keys(r, s, "scene", keys)) return false;
  if ((v = get_string(r, s, "name", "scene", false))) {
    if (strlen(v) >= SCENE_NAME_LEN) {
      sio_json_fail(&r->c, "scene.name", "at most %u characters", SCENE_NAME_LEN - 1);
      return false;
    }
    snprintf(hdr->name, sizeof hdr->name, "%s", v);
  }
  if ((v = get_string(r, s, "module", "scene", false))) {
    if (strlen(v) >= SCENE_NAME_LEN) {
      sio_json_fail(&r->c, "scene.module", "at most %u characters", SCENE_NAME_LEN - 1);
      return false;
    }
    snprintf(hdr->module, sizeof hdr->module, "%s", v);
  }
  if ((v = get_string(r, s, "moduleVersion", "scene", false)) &&
      !sio_version_parse(v, &hdr->module_version)) {
    sio_json_fail(&r->c, "scene.moduleVersion", "expected \"maj.min.rev\", found \"%s\"", v);
    return false;
  }
  if ((v = get_string(r, s, "beesVersion", "scene", false)) &&
      !sio_version_parse(v, &hdr->bees)) {
    sio_json_fail(&r->c, "scene.beesVersion", "expected \"maj.min.rev\", found \"%s\"", v);
    return false;
  }
  if (!read_name_field(r, s, "nameField", hdr->name, "scene.name", hdr->name_field) ||
      !read_name_field(r, s, "moduleField", hdr->module, "scene.module", hdr->module_field))
    return false;
  scene_header_derive_descriptor(hdr);
  if ((v = get_string(r, s, "descriptor", "scene", false)) &&
      sio_unhex(v, hdr->descriptor, SCENE_DESC_SIZE) != SCENE_DESC_SIZE) {
    sio_json_fail(&r->c, "scene.descriptor", "expected %u bytes as hex", SCENE_DESC_SIZE);
    return false;
  }
  return !r->c.failed;
}

static bool read_ops(rd_t *r, const cJSON *ops) {
  static const char *const keys[] = {"index", "name", "class", "ins", "play", "state", 0};
  const cJSON *o;
  uint8_t *state = malloc(SCENE_STATE_MAX);
  int i = 0;
  bool ok = true;
  if (!state) {
    sio_json_fail(&r->c, "ops", "out of memory");
    return false;
  }
  if (ops && !cJSON_IsArray(ops)) {
    sio_json_fail(&r->c, "ops", "expected an array");
    ok = false;
  }
  /* create every op with its state and values */
  for (o = ops ? ops->child : 0; ok && o; o = o->next, i++) {
    char where[64], w[160];
    const cJSON *cv = cJSON_GetObjectItemCaseSensitive(o, "class"), *sv, *ins, *it;
    const op_class_t *cls = 0;
    const char *name;
    uint16_t idx;
    net_status_t ns;
    op_t *op;
    snprintf(where, sizeof where, "ops[%d]", i);
    if (!only_keys(r, o, where, keys)) {
      ok = false;
      break;
    }
    if (cJSON_IsString(cv)) {
      cls = op_class_by_name(cv->valuestring);
      if (!cls) {
        sio_json_fail(&r->c, where, "unknown op class \"%s\"", cv->valuestring);
        ok = false;
        break;
      }
    } else if (cJSON_IsNumber(cv)) {
      long long id;
      snprintf(w, sizeof w, "%s.class", where);
      if (!sio_json_int(&r->c, cv, w, 0, OP_CLASS_COUNT - 1, &id)) {
        ok = false;
        break;
      }
      cls = op_class_by_id((uint32_t)id);
      if (!cls) {
        sio_json_fail(&r->c, where, "op class %lld is not built into this program", id);
        ok = false;
        break;
      }
    } else {
      sio_json_fail(&r->c, where, "missing \"class\" (a class name or id)");
      ok = false;
      break;
    }
    ns = net_add_op(r->net, cls->id, NET_NONE, &idx);
    if (ns != NET_OK) {
      sio_json_fail(&r->c, where, "cannot add a %s: %s", cls->name, net_strerror(ns));
      ok = false;
      break;
    }
    op = net_op(r->net, idx);
    name = get_string(r, o, "name", where, false);
    if (r->c.failed) {
      ok = false;
      break;
    }
    r->names[idx] = name ? strdup(name) : 0;
    sv = cJSON_GetObjectItemCaseSensitive(o, "state");
    if (sv) {
      scene_class_layout_t cl;
      long n;
      int32_t used;
      snprintf(w, sizeof w, "%s.state", where);
      if (!scene_class_layout(r->fmt, cls->id, &cl)) {
        sio_json_fail(&r->c, w, "bees %s has no class %s", scene_layout_name(r->layout), cls->name);
        ok = false;
        break;
      }
      n = cJSON_IsString(sv) ? sio_unhex(sv->valuestring, state, SCENE_STATE_MAX) : -1;
      if (n != (long)cl.state) {
        sio_json_fail(&r->c, w, "expected %u bytes of %s state as hex (bees %s layout)", cl.state,
                      cls->name, scene_layout_name(r->layout));
        ok = false;
        break;
      }
      used = op_unpickle(op, state, (uint32_t)n, r->fmt);
      if (used != n) {
        sio_json_fail(&r->c, w, "the %s op refused this state", cls->name);
        ok = false;
        break;
      }
    }
    ins = cJSON_GetObjectItemCaseSensitive(o, "ins");
    if (ins) {
      if (!cJSON_IsObject(ins)) {
        sio_json_fail(&r->c, where, "\"ins\" must be an object of input values");
        ok = false;
        break;
      }
      /* values that differ from what the state restored are set as the UI would, in input order */
      cJSON_ArrayForEach(it, ins) {
        cJSON key;
        long long v;
        int k;
        memset(&key, 0, sizeof key);
        key.type = cJSON_String;
        key.valuestring = it->string;
        snprintf(w, sizeof w, "%s.ins.%s", where, it->string);
        k = find_port(r, idx, true, &key, w);
        if (k < 0 || !sio_json_int(&r->c, it, w, -32768, 32767, &v)) {
          ok = false;
          break;
        }
        if (op->in[k] != (io_t)v) net_activate(r->net, (uint16_t)(op->first_in + k), (io_t)v);
      }
      if (!ok) break;
    }
    if ((it = cJSON_GetObjectItemCaseSensitive(o, "play"))) {
      const cJSON *p;
      if (!cJSON_IsArray(it)) {
        sio_json_fail(&r->c, where, "\"play\" must be an array of input names");
        ok = false;
        break;
      }
      cJSON_ArrayForEach(p, it) {
        int k;
        snprintf(w, sizeof w, "%s.play", where);
        k = find_port(r, idx, true, p, w);
        if (k < 0) {
          ok = false;
          break;
        }
        net_set_in_play(r->net, (uint16_t)(op->first_in + k), true);
      }
      if (!ok) break;
    }
  }
  free(state);
  if (!ok) return false;
  /* names: explicit ones must be unique; unnamed ops get the handle the writer would give */
  {
    uint16_t a, b, n = net_op_count(r->net);
    for (a = 0; a < n; a++)
      if (!r->names[a]) {
        char h[40];
        sio_op_handle(r->net, a, h, sizeof h);
        r->names[a] = strdup(h);
      }
    for (a = 0; a < n; a++)
      for (b = (uint16_t)(a + 1); b < n; b++)
        if (strcmp(r->names[a], r->names[b]) == 0) {
          char where[64];
          snprintf(where, sizeof where, "ops[%u]", b);
          sio_json_fail(&r->c, where, "the name \"%s\" is already op %u's", r->names[b], a);
          return false;
        }
  }
  return true;
}

static bool read_params(rd_t *r, const cJSON *params) {
  static const char *const keys[] = {"label", "value", "type", "min", "max", "radix", "play", 0};
  const cJSON *o;
  int i = 0;
  if (!params) return true;
  if (!cJSON_IsArray(params)) {
    sio_json_fail(&r->c, "params", "expected an array");
    return false;
  }
  /* the param array allocated once, at its size (too many: the adds below say so) */
  if (cJSON_GetArraySize(params) <= (int)net_get_limits(r->net)->max_params &&
      net_reserve_params(r->net, (uint16_t)cJSON_GetArraySize(params)) != NET_OK) {
    sio_json_fail(&r->c, "params", "%s", net_strerror(NET_ERR_NO_MEMORY));
    return false;
  }
  cJSON_ArrayForEach(o, params) {
    char where[64];
    net_param_t p;
    const char *label;
    const cJSON *t;
    long long v;
    net_status_t ns;
    snprintf(where, sizeof where, "params[%d]", i++);
    if (!only_keys(r, o, where, keys)) return false;
    memset(&p, 0, sizeof p);
    label = get_string(r, o, "label", where, true);
    if (!label) return false;
    if (strlen(label) > NET_PARAM_LABEL_LEN) {
      sio_json_fail(&r->c, where, "the label \"%s\" is longer than %u characters", label,
                    NET_PARAM_LABEL_LEN);
      return false;
    }
    snprintf(p.label, sizeof p.label, "%s", label);
    if (!get_int(r, o, "value", where, -32768, 32767, &v)) return false;
    p.value = (io_t)v;
    t = cJSON_GetObjectItemCaseSensitive(o, "type");
    if (cJSON_IsString(t)) {
      if (!sio_param_type_parse(t->valuestring, &p.type)) {
        sio_json_fail(&r->c, where, "unknown param type \"%s\"", t->valuestring);
        return false;
      }
    } else if (t) {
      char w[96];
      snprintf(w, sizeof w, "%s.type", where);
      if (!sio_json_int(&r->c, t, w, 0, 255, &v)) return false;
      p.type = (uint8_t)v;
    }
    if (cJSON_GetObjectItemCaseSensitive(o, "min")) {
      if (!get_int(r, o, "min", where, INT32_MIN, INT32_MAX, &v)) return false;
      p.min = (int32_t)v;
    }
    if (cJSON_GetObjectItemCaseSensitive(o, "max")) {
      if (!get_int(r, o, "max", where, INT32_MIN, INT32_MAX, &v)) return false;
      p.max = (int32_t)v;
    }
    if (cJSON_GetObjectItemCaseSensitive(o, "radix")) {
      if (!get_int(r, o, "radix", where, INT32_MIN, INT32_MAX, &v)) return false;
      p.radix = (int32_t)v;
    }
    t = cJSON_GetObjectItemCaseSensitive(o, "play");
    if (cJSON_IsBool(t)) {
      p.play = cJSON_IsTrue(t) ? 1 : 0;
    } else if (t) {
      if (!get_int(r, o, "play", where, 0, 255, &v)) return false;
      p.play = (uint8_t)v;
    }
    ns = net_add_param(r->net, &p);
    if (ns != NET_OK) {
      sio_json_fail(&r->c, where, "%s", net_strerror(ns));
      return false;
    }
  }
  return true;
}

static bool read_connections(rd_t *r, const cJSON *conns) {
  const cJSON *o;
  int i = 0;
  if (!conns) return true;
  if (!cJSON_IsArray(conns)) {
    sio_json_fail(&r->c, "connections", "expected an array");
    return false;
  }
  cJSON_ArrayForEach(o, conns) {
    char where[64];
    uint16_t out;
    int32_t t;
    net_status_t ns;
    snprintf(where, sizeof where, "connections[%d]", i++);
    if (!read_link(r, o, where, &out, &t)) return false;
    ns = net_connect(r->net, out, t);
    if (ns != NET_OK) {
      sio_json_fail(&r->c, where, "%s", net_strerror(ns));
      return false;
    }
  }
  return true;
}

/* A preset entry's status: its entries live in the pool, which can be full. */
static bool preset_ok(rd_t *r, const char *where, net_status_t ns) {
  if (ns == NET_OK) return true;
  sio_json_fail(&r->c, where, "%s", net_strerror(ns));
  return false;
}

static bool read_presets(rd_t *r, const cJSON *presets) {
  static const char *const keys[] = {"index", "name", "ins", "params", "outs", 0};
  static const char *const in_keys[] = {"op", "in", "value", 0};
  static const char *const param_keys[] = {"param", "value", 0};
  const cJSON *o;
  int i = 0;
  if (!presets) return true;
  if (!cJSON_IsArray(presets)) {
    sio_json_fail(&r->c, "presets", "expected an array");
    return false;
  }
  cJSON_ArrayForEach(o, presets) {
    char where[64], w[128];
    long long p, v;
    const char *name;
    const cJSON *e, *arr;
    int k;
    snprintf(where, sizeof where, "presets[%d]", i++);
    if (!only_keys(r, o, where, keys)) return false;
    if (!get_int(r, o, "index", where, 0, (long long)preset_count(r->net) - 1, &p)) return false;
    if ((name = get_string(r, o, "name", where, false))) {
      if (strlen(name) >= 16) {
        sio_json_fail(&r->c, where, "the preset name \"%s\" is longer than 15 characters", name);
        return false;
      }
      preset_set_name(r->net, (uint16_t)p, name);
    }
    if (r->c.failed) return false;
    {
      static const char *const lists[] = {"ins", "params", "outs"};
      int l;
      for (l = 0; l < 3; l++) {
        arr = cJSON_GetObjectItemCaseSensitive(o, lists[l]);
        if (arr && !cJSON_IsArray(arr)) {
          sio_json_fail(&r->c, where, "\"%s\" must be an array", lists[l]);
          return false;
        }
      }
    }
    k = 0;
    arr = cJSON_GetObjectItemCaseSensitive(o, "ins");
    cJSON_ArrayForEach(e, arr) {
      int op, in;
      snprintf(w, sizeof w, "%s.ins[%d]", where, k++);
      if (!only_keys(r, e, w, in_keys)) return false;
      op = find_op(r, cJSON_GetObjectItemCaseSensitive(e, "op"), w);
      if (op < 0) return false;
      in = find_port(r, op, true, cJSON_GetObjectItemCaseSensitive(e, "in"), w);
      if (in < 0 || !get_int(r, e, "value", w, -32768, 32767, &v)) return false;
      if (!preset_ok(r, w,
                     preset_set_in(r->net, (uint16_t)p,
                                   (uint16_t)(net_op_first_in(r->net, (uint16_t)op) + in), (io_t)v)))
        return false;
    }
    k = 0;
    arr = cJSON_GetObjectItemCaseSensitive(o, "params");
    cJSON_ArrayForEach(e, arr) {
      int j;
      snprintf(w, sizeof w, "%s.params[%d]", where, k++);
      if (!only_keys(r, e, w, param_keys)) return false;
      j = find_param(r, cJSON_GetObjectItemCaseSensitive(e, "param"), w);
      if (j < 0 || !get_int(r, e, "value", w, -32768, 32767, &v)) return false;
      if (!preset_ok(r, w,
                     preset_set_in(r->net, (uint16_t)p, (uint16_t)(net_in_count(r->net) + j), (io_t)v)))
        return false;
    }
    k = 0;
    arr = cJSON_GetObjectItemCaseSensitive(o, "outs");
    cJSON_ArrayForEach(e, arr) {
      uint16_t out;
      int32_t t;
      snprintf(w, sizeof w, "%s.outs[%d]", where, k++);
      if (!read_link(r, e, w, &out, &t)) return false;
      if (!preset_ok(r, w, preset_set_out(r->net, (uint16_t)p, out, t))) return false;
    }
  }
  return true;
}

bool scene_json_read(net_t *net, const char *text, scene_layout_t layout, scene_header_t *hdr_out,
                     const char *name, sio_error_t *err) {
  return scene_json_read_named(net, text, layout, hdr_out, name, NULL, err);
}

bool scene_json_read_named(net_t *net, const char *text, scene_layout_t layout,
                           scene_header_t *hdr_out, const char *name, struct op_names *names,
                           sio_error_t *err) {
  rd_t r;
  cJSON *root;
  const cJSON *v;
  scene_header_t hdr;
  bool ok = false;
  uint16_t i, max_ops = 0;
  sio_clear(err);
  scene_header_init(&hdr);
  memset(&r, 0, sizeof r);
  r.c.file = name;
  r.c.err = err;
  r.net = net;
  net_clear(net);
  root = sio_json_parse(&r.c, text);
  if (!root) return false;
  if (!cJSON_IsObject(root)) {
    sio_json_fail(&r.c, "", "expected a JSON object");
    goto done;
  }
  v = cJSON_GetObjectItemCaseSensitive(root, "format");
  if (v && (!cJSON_IsString(v) || strcmp(v->valuestring, FORMAT_NAME) != 0)) {
    sio_json_fail(&r.c, "format", "expected \"%s\"", FORMAT_NAME);
    goto done;
  }
  v = cJSON_GetObjectItemCaseSensitive(root, "formatVersion");
  if (v) {
    long long fv;
    if (!sio_json_int(&r.c, v, "formatVersion", 1, FORMAT_VERSION, &fv)) goto done;
  }
  v = cJSON_GetObjectItemCaseSensitive(root, "layout");
  r.layout = layout == SCENE_LAYOUT_AUTO ? SCENE_LAYOUT_0_8_1 : layout;
  if (v) {
    if (!cJSON_IsString(v) || !scene_layout_parse(v->valuestring, &r.layout) ||
        r.layout == SCENE_LAYOUT_AUTO) {
      sio_json_fail(&r.c, "layout", "expected \"0.7.1\" or \"0.8.1\"");
      goto done;
    }
  }
  r.fmt = scene_layout_format(r.layout);
  max_ops = net_get_limits(net)->max_ops;
  r.names = calloc(max_ops ? max_ops : 1, sizeof *r.names);
  if (!r.names) {
    sio_json_fail(&r.c, "", "out of memory");
    goto done;
  }
  ok = read_scene(&r, cJSON_GetObjectItemCaseSensitive(root, "scene"), &hdr) &&
       read_ops(&r, cJSON_GetObjectItemCaseSensitive(root, "ops")) &&
       read_params(&r, cJSON_GetObjectItemCaseSensitive(root, "params")) &&
       read_connections(&r, cJSON_GetObjectItemCaseSensitive(root, "connections")) &&
       read_presets(&r, cJSON_GetObjectItemCaseSensitive(root, "presets"));
  if (ok && net_check(net) != NET_OK) {
    sio_json_fail(&r.c, "", "the network built from it failed its consistency check");
    ok = false;
  }
  preset_select(net, 0);
  if (ok && names) {
    uint16_t n = net_op_count(net);
    op_names_clear(names);
    for (i = 0; i < n; i++) op_names_set(names, net_op(net, i), r.names[i]);
  }
done:
  if (r.names)
    for (i = 0; i < max_ops; i++) free(r.names[i]);
  free(r.names);
  cJSON_Delete(root);
  if (!ok)
    net_clear(net);
  else if (hdr_out)
    *hdr_out = hdr;
  return ok;
}
