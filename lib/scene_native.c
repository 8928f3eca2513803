/* SPDX-License-Identifier: MIT */
/* scene_native.c: beekeep's "native" JSON (utils/beekeep json_write_native.c / json_read_native.c
 * in the bees repository): operators with class ids, positional input values, output targets
 * and pickled state as byte arrays; params by name; presets as entry lists. Node numbers and
 * positions follow the state's layout, so 0.7.1 files map onto the built classes as .scn do. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op_catalog.h"
#include "preset.h"
#include "scene_io.h"
#include "scene_io_internal.h"
#include "scene_layout.h"

/* Per op: its first node in the layout's numbering and its layout row. */
typedef struct {
  uint16_t first_in, first_out;
  scene_class_layout_t cl;
} lay_t;

typedef struct {
  sio_json_ctx_t c;
  net_t *net;
  scene_layout_t layout;
  op_format_t fmt;
  lay_t *lay;      /* by op */
  uint32_t ins;    /* layout totals */
} nrd_t;

static void plan(const net_t *net, op_format_t fmt, lay_t *lay, uint32_t *ins) {
  uint16_t i;
  uint32_t fi = 0, fo = 0;
  for (i = 0; i < net_op_count(net); i++) {
    scene_class_layout(fmt, net_op(net, i)->cls->id, &lay[i].cl);
    lay[i].first_in = (uint16_t)fi;
    lay[i].first_out = (uint16_t)fo;
    fi += lay[i].cl.ins;
    fo += lay[i].cl.outs;
  }
  *ins = fi;
}

/* ---- writing ---- */

static cJSON *version_obj(const scene_version_t *v) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "maj", v->maj);
  cJSON_AddNumberToObject(o, "min", v->min);
  cJSON_AddNumberToObject(o, "rev", v->rev);
  return o;
}

/* beekeep's target object; opInIdx is the input's position in the layout's class. */
static cJSON *target_obj(const net_t *net, const lay_t *lay, int32_t t) {
  cJSON *q = cJSON_CreateObject();
  if (t < 0) {
    cJSON_AddNumberToObject(q, "inIdx", -1);
  } else if (t >= net_in_count(net)) {
    cJSON_AddStringToObject(q, "paramName", net_param(net, (uint16_t)(t - net_in_count(net)))->label);
  } else {
    uint16_t op;
    uint8_t sub;
    int k;
    net_in_owner(net, (uint16_t)t, &op, &sub);
    k = sub - lay[op].cl.in_shift;
    cJSON_AddNumberToObject(q, "opIdx", op);
    cJSON_AddStringToObject(q, "opName", net_op_name(net, op));
    if (k >= 0 && k < lay[op].cl.ins) cJSON_AddNumberToObject(q, "opInIdx", k);
    cJSON_AddStringToObject(q, "opInName", net_in_name(net, (uint16_t)t));
  }
  return q;
}

char *scene_native_write(const net_t *net, const scene_header_t *hdr_in, scene_layout_t layout,
                         sio_error_t *err) {
  scene_header_t hdr;
  cJSON *root, *scene, *ops, *params, *presets;
  uint16_t i, n = net_op_count(net);
  op_format_t fmt;
  uint8_t *state = malloc(SCENE_STATE_MAX);
  lay_t *lay = calloc(n ? n : 1, sizeof *lay);
  uint32_t lay_ins;
  char *out;
  sio_clear(err);
  if (hdr_in)
    hdr = *hdr_in;
  else
    scene_header_init(&hdr);
  if (layout == SCENE_LAYOUT_AUTO)
    layout = hdr.layout == SCENE_LAYOUT_AUTO ? SCENE_LAYOUT_0_8_1 : hdr.layout;
  fmt = scene_layout_format(layout);
  if (!state || !lay || !sio_names_utf8(net, &hdr, err)) {
    if (!state || !lay) sio_fail(err, "out of memory");
    free(state);
    free(lay);
    return 0;
  }
  for (i = 0; i < n; i++)
    if (!scene_class_layout(fmt, net_op(net, i)->cls->id, 0)) {
      sio_fail(err, "op %u (%s) has a class bees %s does not have", i, net_op(net, i)->cls->name,
               scene_layout_name(layout));
      free(state);
      free(lay);
      return 0;
    }
  plan(net, fmt, lay, &lay_ins);
  root = cJSON_CreateObject();
  scene = cJSON_AddObjectToObject(root, "scene");
  cJSON_AddStringToObject(scene, "sceneName", hdr.name);
  cJSON_AddStringToObject(scene, "moduleName", hdr.module);
  cJSON_AddItemToObject(scene, "moduleVersion", version_obj(&hdr.module_version));
  cJSON_AddItemToObject(scene, "beesVersion", version_obj(&hdr.bees));
  ops = cJSON_AddArrayToObject(root, "operators");
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    const lay_t *l = &lay[i];
    cJSON *o = cJSON_CreateObject(), *ins, *outs, *st;
    int32_t len, k;
    cJSON_AddNumberToObject(o, "index", i);
    cJSON_AddNumberToObject(o, "class", op->cls->id);
    cJSON_AddStringToObject(o, "name", net_op_name(net, i));
    ins = cJSON_AddArrayToObject(o, "ins");
    for (k = 0; k < l->cl.ins; k++) {
      cJSON *e = cJSON_CreateObject();
      uint16_t g = (uint16_t)(op->first_in + k + l->cl.in_shift);
      cJSON_AddStringToObject(e, "name", net_in_name(net, g));
      cJSON_AddNumberToObject(e, "value", net_get_value(net, g));
      /* not in beekeep's form (which loses input play flags); beekeep ignores it */
      if (net_in_play(net, g)) cJSON_AddTrueToObject(e, "play");
      cJSON_AddItemToArray(ins, e);
    }
    outs = cJSON_AddArrayToObject(o, "outs");
    for (k = 0; k < l->cl.outs; k++) {
      cJSON *e = cJSON_CreateObject();
      uint16_t g = (uint16_t)(op->first_out + k);
      int32_t t = net_target(net, g);
      cJSON_AddStringToObject(e, "name", net_out_name(net, g));
      cJSON_AddItemToObject(e, "target", target_obj(net, lay, t));
      cJSON_AddItemToArray(outs, e);
    }
    st = cJSON_AddArrayToObject(o, "state");
    len = op_pickle(op, state, SCENE_STATE_MAX, fmt);
    for (k = 0; k < len; k++) cJSON_AddItemToArray(st, cJSON_CreateNumber(state[k]));
    cJSON_AddItemToArray(ops, o);
  }
  params = cJSON_AddArrayToObject(root, "params");
  for (i = 0; i < net_param_count(net); i++) {
    const net_param_t *p = net_param(net, i);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", p->label);
    cJSON_AddNumberToObject(o, "type", p->type);
    cJSON_AddNumberToObject(o, "min", p->min);
    cJSON_AddNumberToObject(o, "max", p->max);
    cJSON_AddNumberToObject(o, "radix", p->radix);
    cJSON_AddNumberToObject(o, "value", p->value);
    cJSON_AddBoolToObject(o, "play", p->play != 0);
    cJSON_AddItemToArray(params, o);
  }
  presets = cJSON_AddArrayToObject(root, "presets");
  for (i = 0; i < SCENE_PRESETS; i++) {
    cJSON *o = cJSON_CreateObject(), *entries;
    uint32_t g;
    char name[8];
    snprintf(name, sizeof name, "%03u_", i);
    cJSON_AddStringToObject(o, "name", i < preset_count(net) ? preset_name(net, i) : name);
    entries = cJSON_AddArrayToObject(o, "entries");
    for (g = 0; i < preset_count(net) && g < (uint32_t)net_in_count(net) + net_param_count(net); g++) {
      io_t v;
      cJSON *e;
      if (!preset_in_value(net, i, (uint16_t)g, &v)) continue;
      e = cJSON_CreateObject();
      if (g < net_in_count(net)) {
        uint16_t op;
        uint8_t sub;
        net_in_owner(net, (uint16_t)g, &op, &sub);
        cJSON_AddNumberToObject(e, "opIdx", op);
        cJSON_AddStringToObject(e, "opName", net_op_name(net, op));
        cJSON_AddStringToObject(e, "opInName", net_in_name(net, (uint16_t)g));
      } else {
        cJSON_AddStringToObject(e, "paramName", net_param(net, (uint16_t)(g - net_in_count(net)))->label);
      }
      cJSON_AddNumberToObject(e, "value", v);
      cJSON_AddItemToArray(entries, e);
    }
    for (g = 0; i < preset_count(net) && g < net_out_count(net); g++) {
      int32_t t;
      uint16_t op;
      uint8_t sub;
      cJSON *e;
      if (!preset_out_target(net, i, (uint16_t)g, &t)) continue;
      net_out_owner(net, (uint16_t)g, &op, &sub);
      e = cJSON_CreateObject();
      cJSON_AddNumberToObject(e, "opIdx", op);
      cJSON_AddStringToObject(e, "opName", net_op_name(net, op));
      cJSON_AddStringToObject(e, "opOutName", net_out_name(net, (uint16_t)g));
      cJSON_AddItemToObject(e, "target", target_obj(net, lay, t));
      cJSON_AddItemToArray(entries, e);
    }
    cJSON_AddItemToArray(presets, o);
  }
  out = sio_json_print(root);
  cJSON_Delete(root);
  free(state);
  free(lay);
  if (!out) sio_fail(err, "out of memory");
  return out;
}

/* ---- reading ---- */

static const cJSON *item(const cJSON *o, const char *key) {
  return cJSON_GetObjectItemCaseSensitive(o, key);
}

static bool read_version(nrd_t *r, const cJSON *o, const char *where, scene_version_t *v) {
  long long a, b, c;
  char w[64];
  if (!o) return true;
  snprintf(w, sizeof w, "%s.maj", where);
  if (!sio_json_int(&r->c, item(o, "maj"), w, 0, 255, &a)) return false;
  snprintf(w, sizeof w, "%s.min", where);
  if (!sio_json_int(&r->c, item(o, "min"), w, 0, 255, &b)) return false;
  snprintf(w, sizeof w, "%s.rev", where);
  if (!sio_json_int(&r->c, item(o, "rev"), w, 0, 65535, &c)) return false;
  v->maj = (uint8_t)a;
  v->min = (uint8_t)b;
  v->rev = (uint16_t)c;
  return true;
}

static bool copy_name(nrd_t *r, const cJSON *v, const char *where, char *out, size_t max) {
  if (!v) return true;
  if (!cJSON_IsString(v) || strlen(v->valuestring) >= max) {
    sio_json_fail(&r->c, where, "expected a string of at most %zu characters", max - 1);
    return false;
  }
  snprintf(out, max + 1, "%s", v->valuestring);
  return true;
}

static int param_by_name(nrd_t *r, const cJSON *v, const char *where) {
  uint16_t j;
  if (!cJSON_IsString(v)) {
    sio_json_fail(&r->c, where, "expected a param name");
    return -1;
  }
  for (j = 0; j < net_param_count(r->net); j++)
    if (strcmp(net_param(r->net, j)->label, v->valuestring) == 0) return j;
  sio_json_fail(&r->c, where, "no param is named \"%s\"", v->valuestring);
  return -1;
}

static int op_in_by_name(nrd_t *r, int op, const cJSON *v, const char *where) {
  const op_class_t *cls = net_op(r->net, (uint16_t)op)->cls;
  uint8_t k;
  if (cJSON_IsString(v))
    for (k = 0; k < cls->num_ins; k++)
      if (strcmp(cls->in_names[k], v->valuestring) == 0) return k;
  sio_json_fail(&r->c, where, "op %d (%s) has no input named %s", op, cls->name,
                cJSON_IsString(v) ? v->valuestring : "(not a string)");
  return -1;
}

/* A target object in the layout's numbering -> net global target (-1: none). -2 on error. */
/* A preset entry's status: its entries live in the pool, which can be full. */
static bool preset_ok(nrd_t *r, const char *where, net_status_t ns) {
  if (ns == NET_OK) return true;
  sio_json_fail(&r->c, where, "%s", net_strerror(ns));
  return false;
}

static int32_t read_target(nrd_t *r, const cJSON *t, const char *where) {
  const cJSON *v;
  long long x;
  char w[160];
  uint16_t nops = net_op_count(r->net);
  if (!cJSON_IsObject(t)) {
    sio_json_fail(&r->c, where, "expected a target object");
    return -2;
  }
  if ((v = item(t, "inIdx"))) {
    uint16_t op;
    snprintf(w, sizeof w, "%s.inIdx", where);
    if (!sio_json_int(&r->c, v, w, -1, (long long)r->ins + net_param_count(r->net) - 1, &x))
      return -2;
    if (x < 0) return -1;
    if (x >= r->ins) return net_in_count(r->net) + (int32_t)(x - r->ins);
    for (op = 0; op < nops; op++)
      if (x < r->lay[op].first_in + r->lay[op].cl.ins)
        return net_op_first_in(r->net, op) + r->lay[op].cl.in_shift + (int32_t)(x - r->lay[op].first_in);
    return -2;
  }
  if ((v = item(t, "paramName"))) {
    int j;
    snprintf(w, sizeof w, "%s.paramName", where);
    j = param_by_name(r, v, w);
    return j < 0 ? -2 : net_in_count(r->net) + j;
  }
  if ((v = item(t, "opIdx"))) {
    long long op, k;
    snprintf(w, sizeof w, "%s.opIdx", where);
    if (!nops || !sio_json_int(&r->c, v, w, 0, nops - 1, &op)) {
      if (!nops) sio_json_fail(&r->c, w, "the scene has no ops");
      return -2;
    }
    if ((v = item(t, "opInIdx"))) {
      snprintf(w, sizeof w, "%s.opInIdx", where);
      if (!r->lay[op].cl.ins || !sio_json_int(&r->c, v, w, 0, r->lay[op].cl.ins - 1, &k)) {
        if (!r->lay[op].cl.ins) sio_json_fail(&r->c, w, "op %lld has no inputs", op);
        return -2;
      }
      k += r->lay[op].cl.in_shift;
    } else {
      snprintf(w, sizeof w, "%s.opInName", where);
      k = op_in_by_name(r, (int)op, item(t, "opInName"), w);
      if (k < 0) return -2;
    }
    return net_op_first_in(r->net, (uint16_t)op) + (int32_t)k;
  }
  sio_json_fail(&r->c, where, "a target needs inIdx, paramName or opIdx");
  return -2;
}

bool scene_native_read(net_t *net, const char *text, scene_layout_t layout, scene_header_t *hdr_out,
                       const char *name, sio_error_t *err) {
  nrd_t r;
  cJSON *root;
  const cJSON *scene, *ops, *params, *presets, *o;
  scene_header_t hdr;
  uint8_t *state = malloc(SCENE_STATE_MAX);
  bool ok = false;
  int i;
  sio_clear(err);
  memset(&r, 0, sizeof r);
  r.c.file = name;
  r.c.err = err;
  r.net = net;
  net_clear(net);
  scene_header_init(&hdr);
  root = sio_json_parse(&r.c, text);
  if (!root || !state) goto done;
  scene = item(root, "scene");
  if (scene) {
    if (!copy_name(&r, item(scene, "sceneName"), "scene.sceneName", hdr.name, SCENE_NAME_LEN) ||
        !copy_name(&r, item(scene, "moduleName"), "scene.moduleName", hdr.module, SCENE_NAME_LEN) ||
        !read_version(&r, item(scene, "moduleVersion"), "scene.moduleVersion", &hdr.module_version) ||
        !read_version(&r, item(scene, "beesVersion"), "scene.beesVersion", &hdr.bees))
      goto done;
  }
  r.layout = layout != SCENE_LAYOUT_AUTO ? layout
             : hdr.bees.maj == 0 && hdr.bees.min < 8 ? SCENE_LAYOUT_0_7_1
                                                     : SCENE_LAYOUT_0_8_1;
  r.fmt = scene_layout_format(r.layout);
  hdr.layout = r.layout;
  scene_header_derive_descriptor(&hdr);
  /* params first, as beekeep reads them */
  params = item(root, "params");
  i = 0;
  if (cJSON_IsArray(params) &&
      cJSON_GetArraySize(params) <= (int)net_get_limits(net)->max_params &&
      net_reserve_params(net, (uint16_t)cJSON_GetArraySize(params)) != NET_OK) {
    sio_json_fail(&r.c, "params", "%s", net_strerror(NET_ERR_NO_MEMORY));
    goto done;
  }
  cJSON_ArrayForEach(o, params) {
    char where[64];
    net_param_t p;
    long long v;
    const cJSON *pl;
    snprintf(where, sizeof where, "params[%d]", i++);
    memset(&p, 0, sizeof p);
    if (!copy_name(&r, item(o, "name"), where, p.label, NET_PARAM_LABEL_LEN + 1)) goto done;
    if (!sio_json_int(&r.c, item(o, "value"), where, INT32_MIN, INT32_MAX, &v)) goto done;
    p.value = (io_t)(uint16_t)v;
    if (!sio_json_int(&r.c, item(o, "type"), where, 0, 255, &v)) goto done;
    p.type = (uint8_t)v;
    if (!sio_json_int(&r.c, item(o, "min"), where, INT32_MIN, INT32_MAX, &v)) goto done;
    p.min = (int32_t)v;
    if (!sio_json_int(&r.c, item(o, "max"), where, INT32_MIN, INT32_MAX, &v)) goto done;
    p.max = (int32_t)v;
    if (!sio_json_int(&r.c, item(o, "radix"), where, INT32_MIN, INT32_MAX, &v)) goto done;
    p.radix = (int32_t)v;
    pl = item(o, "play");
    p.play = cJSON_IsTrue(pl) || (cJSON_IsNumber(pl) && pl->valuedouble != 0);
    if (net_add_param(net, &p) != NET_OK) {
      sio_json_fail(&r.c, where, "too many params");
      goto done;
    }
  }
  /* operators: inputs first (through their handlers), then state, as beekeep does */
  ops = item(root, "operators");
  i = 0;
  cJSON_ArrayForEach(o, ops) {
    char where[64], w[128];
    long long id, v;
    const op_class_t *cls;
    scene_class_layout_t cl;
    const cJSON *e, *st;
    uint16_t idx;
    op_t *op;
    net_status_t ns;
    int k;
    snprintf(where, sizeof where, "operators[%d]", i++);
    snprintf(w, sizeof w, "%s.class", where);
    if (!sio_json_int(&r.c, item(o, "class"), w, 0, 255, &id)) goto done;
    if (!scene_class_layout(r.fmt, (uint32_t)id, &cl)) {
      sio_json_fail(&r.c, w, "bees %s has no class id %lld", scene_layout_name(r.layout), id);
      goto done;
    }
    cls = op_class_by_id((uint32_t)id);
    if (!cls) {
      sio_json_fail(&r.c, w, "class %s (%lld) is not built into this program", cl.name, id);
      goto done;
    }
    if ((ns = net_add_op(net, cls->id, NET_NONE, &idx)) != NET_OK) {
      sio_json_fail(&r.c, where, "cannot add a %s: %s", cls->name, net_strerror(ns));
      goto done;
    }
    op = net_op(net, idx);
    k = 0;
    cJSON_ArrayForEach(e, item(o, "ins")) {
      snprintf(w, sizeof w, "%s.ins[%d]", where, k);
      if (k >= cl.ins) {
        sio_json_fail(&r.c, w, "a bees %s %s has only %u inputs", scene_layout_name(r.layout),
                      cls->name, cl.ins);
        goto done;
      }
      if (!sio_json_int(&r.c, item(e, "value"), w, -32768, 32767, &v)) goto done;
      net_activate(net, (uint16_t)(op->first_in + cl.in_shift + k), (io_t)v);
      if (cJSON_IsTrue(item(e, "play")))
        net_set_in_play(net, (uint16_t)(op->first_in + cl.in_shift + k), true);
      k++;
    }
    st = item(o, "state");
    if (st) {
      int n = cJSON_GetArraySize(st);
      snprintf(w, sizeof w, "%s.state", where);
      if (!cJSON_IsArray(st) || n != cl.state) {
        sio_json_fail(&r.c, w, "expected %u bytes of %s state (bees %s layout)", cl.state,
                      cls->name, scene_layout_name(r.layout));
        goto done;
      }
      k = 0;
      cJSON_ArrayForEach(e, st) {
        if (!sio_json_int(&r.c, e, w, 0, 255, &v)) goto done;
        state[k++] = (uint8_t)v;
      }
      if (op_unpickle(op, state, (uint32_t)n, r.fmt) != n) {
        sio_json_fail(&r.c, w, "the %s op refused this state", cls->name);
        goto done;
      }
    }
  }
  r.lay = calloc(net_op_count(net) ? net_op_count(net) : 1, sizeof *r.lay);
  if (!r.lay) goto done;
  plan(net, r.fmt, r.lay, &r.ins);
  /* outputs, now that every op exists */
  i = 0;
  cJSON_ArrayForEach(o, ops) {
    const cJSON *e;
    int k = 0;
    cJSON_ArrayForEach(e, item(o, "outs")) {
      char where[96];
      int32_t t;
      net_status_t ns;
      snprintf(where, sizeof where, "operators[%d].outs[%d]", i, k);
      if (k >= r.lay[i].cl.outs) {
        sio_json_fail(&r.c, where, "the op has only %u outputs", r.lay[i].cl.outs);
        goto done;
      }
      t = read_target(&r, item(e, "target"), where);
      if (t == -2) goto done;
      ns = net_connect(net, (uint16_t)(net_op_first_out(net, (uint16_t)i) + k), t);
      if (ns != NET_OK && ns != NET_ERR_SELF_CONNECT) {
        sio_json_fail(&r.c, where, "%s", net_strerror(ns));
        goto done;
      }
      k++;
    }
    i++;
  }
  /* presets */
  presets = item(root, "presets");
  i = 0;
  cJSON_ArrayForEach(o, presets) {
    char where[64];
    const cJSON *e;
    int k = 0;
    snprintf(where, sizeof where, "presets[%d]", i);
    if (i >= preset_count(net)) {
      sio_json_fail(&r.c, where, "the network has %u presets", preset_count(net));
      goto done;
    }
    if (cJSON_IsString(item(o, "name"))) {
      char pname[17];
      if (!copy_name(&r, item(o, "name"), where, pname, 16)) goto done;
      preset_set_name(net, (uint16_t)i, pname);
    }
    cJSON_ArrayForEach(e, item(o, "entries")) {
      char w[128];
      const cJSON *v;
      long long x;
      snprintf(w, sizeof w, "%s.entries[%d]", where, k++);
      if ((v = item(e, "opOutName"))) {
        long long op;
        uint8_t j;
        const op_class_t *cls;
        int32_t t;
        int out = -1;
        if (!net_op_count(net) || !sio_json_int(&r.c, item(e, "opIdx"), w, 0, net_op_count(net) - 1, &op))
          goto done;
        cls = net_op(net, (uint16_t)op)->cls;
        for (j = 0; j < cls->num_outs; j++)
          if (cJSON_IsString(v) && strcmp(cls->out_names[j], v->valuestring) == 0) out = j;
        if (out < 0) {
          sio_json_fail(&r.c, w, "op %lld (%s) has no output named that", op, cls->name);
          goto done;
        }
        t = read_target(&r, item(e, "target"), w);
        if (t == -2) goto done;
        if (!preset_ok(&r, w,
                       preset_set_out(net, (uint16_t)i,
                                      (uint16_t)(net_op_first_out(net, (uint16_t)op) + out), t)))
          goto done;
        continue;
      }
      if (!sio_json_int(&r.c, item(e, "value"), w, INT32_MIN, INT32_MAX, &x)) goto done;
      if ((v = item(e, "paramName"))) {
        int j = param_by_name(&r, v, w);
        if (j < 0) goto done;
        if (!preset_ok(&r, w,
                       preset_set_in(net, (uint16_t)i, (uint16_t)(net_in_count(net) + j),
                                     (io_t)(uint16_t)x)))
          goto done;
      } else if (item(e, "inIdx") || item(e, "opIdx")) {
        int32_t t = read_target(&r, e, w);
        if (t < 0) {
          if (t == -1) sio_json_fail(&r.c, w, "an input entry needs an input");
          goto done;
        }
        if (!preset_ok(&r, w, preset_set_in(net, (uint16_t)i, (uint16_t)t, (io_t)(uint16_t)x)))
          goto done;
      } else {
        sio_json_fail(&r.c, w, "unknown preset entry");
        goto done;
      }
    }
    i++;
  }
  ok = net_check(net) == NET_OK;
  if (!ok) sio_json_fail(&r.c, "", "the network built from it failed its consistency check");
done:
  if (!ok && !r.c.failed) sio_json_fail(&r.c, "", "cannot read this file");
  free(r.lay);
  free(state);
  cJSON_Delete(root);
  if (!ok)
    net_clear(net);
  else if (hdr_out)
    *hdr_out = hdr;
  return ok;
}
