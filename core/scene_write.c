/* SPDX-License-Identifier: MIT */
/* scene_write.c: encoding a net as a whole .scn image in the 0.8.1 (or 0.7.1) layout, byte for
 * byte as bees writes it: raw descriptor, little-endian pickle, every node record, params,
 * 32 presets, de ad be ef filler. */
#include "bytes.h"
#include "net.h"
#include "preset.h"
#include "scene.h"
#include "scene_internal.h"
#include "scene_layout.h"
#include "strbuf.h"

#define NONE 0xFFFFu

typedef struct {
  uint16_t first_in, first_out; /* in the layout's numbering */
  uint8_t ins, outs, shift;
} lay_op_t;

typedef struct {
  const net_t *net;
  uint8_t *d;
  uint32_t pos;
  scene_layout_t layout;
  op_format_t fmt;
  scene_error_t *err;
  lay_op_t ops[SCENE_OPS_MAX];
  uint32_t ins, outs; /* layout totals */
} wr_t;

static void sb_op(strbuf_t *sb, const net_t *net, uint32_t i) {
  sb_str(sb, "op ");
  sb_u32(sb, i);
  sb_str(sb, " (");
  sb_str(sb, net_op(net, (uint16_t)i)->cls->name);
  sb_char(sb, ')');
}

static scene_status_t fail(wr_t *w, scene_status_t st, strbuf_t *sb) {
  scene_err_begin(w->err, st, w->pos <= SCENE_FILE_SIZE ? w->pos : SCENE_NO_OFFSET, w->layout, sb);
  return st;
}

static bool room(wr_t *w, uint32_t n, const char *what) {
  strbuf_t sb;
  if (w->pos <= SCENE_FILE_SIZE && n <= SCENE_FILE_SIZE - w->pos) return true;
  fail(w, SCENE_ERR_TOO_LARGE, &sb);
  sb_str(&sb, "the scene does not fit the ");
  sb_u32(&sb, SCENE_PICKLE_SIZE);
  sb_str(&sb, "-byte pickle area of a scene file (at ");
  sb_str(&sb, what);
  sb_char(&sb, ')');
  return false;
}

static void put32(wr_t *w, uint32_t v) {
  le_put_u32(w->d + w->pos, v);
  w->pos += 4u;
}

static bool put_str(wr_t *w, const char *s, uint32_t field, const char *what) {
  uint32_t n = str_nlen(s, field + 1u);
  strbuf_t sb;
  if (n >= field) {
    fail(w, SCENE_ERR_UNREPRESENTABLE, &sb);
    sb_str(&sb, "the ");
    sb_str(&sb, what);
    sb_str(&sb, " \"");
    sb_str(&sb, s);
    sb_str(&sb, "\" is too long: at most ");
    sb_u32(&sb, field - 1u);
    sb_str(&sb, " characters fit");
    return false;
  }
  bytes_fill(w->d + w->pos, 0, field);
  bytes_copy(w->d + w->pos, s, n);
  w->pos += field;
  return true;
}

/* Net input (or param) index -> the layout's index, NONE if the layout has no such input. */
static uint16_t lay_in(const wr_t *w, uint32_t g) {
  uint16_t op;
  uint8_t sub;
  const lay_op_t *o;
  int32_t k;
  if (g >= net_in_count(w->net)) {
    uint32_t pidx = g - net_in_count(w->net);
    return pidx < net_param_count(w->net) ? (uint16_t)(w->ins + pidx) : NONE;
  }
  net_in_owner(w->net, (uint16_t)g, &op, &sub);
  o = &w->ops[op];
  k = (int32_t)sub - o->shift;
  return k >= 0 && k < o->ins ? (uint16_t)(o->first_in + k) : NONE;
}

static uint16_t lay_out(const wr_t *w, uint32_t g) {
  uint16_t op;
  uint8_t sub;
  net_out_owner(w->net, (uint16_t)g, &op, &sub);
  return sub < w->ops[op].outs ? (uint16_t)(w->ops[op].first_out + sub) : NONE;
}

/* An error naming an output (by op and name) that the layout cannot express. */
static scene_status_t unrepresentable_out(wr_t *w, uint32_t out, int32_t target, bool in_preset,
                                          uint32_t p) {
  uint16_t op;
  uint8_t sub;
  strbuf_t sb;
  net_out_owner(w->net, (uint16_t)out, &op, &sub);
  fail(w, SCENE_ERR_UNREPRESENTABLE, &sb);
  if (in_preset) {
    sb_str(&sb, "preset ");
    sb_u32(&sb, p);
    sb_str(&sb, ": ");
  }
  sb_str(&sb, "output ");
  sb_str(&sb, net_out_name(w->net, (uint16_t)out));
  sb_str(&sb, " of ");
  sb_op(&sb, w->net, op);
  if (lay_out(w, out) == NONE) {
    sb_str(&sb, " is connected, but it does not exist in bees ");
  } else {
    uint16_t top;
    uint8_t tsub;
    net_in_owner(w->net, (uint16_t)target, &top, &tsub);
    sb_str(&sb, " targets input ");
    sb_str(&sb, net_in_name(w->net, (uint16_t)target));
    sb_str(&sb, " of ");
    sb_op(&sb, w->net, top);
    sb_str(&sb, ", which does not exist in bees ");
  }
  sb_str(&sb, scene_layout_name(w->layout));
  return SCENE_ERR_UNREPRESENTABLE;
}

static scene_status_t plan(wr_t *w) {
  uint32_t i, nops = net_op_count(w->net);
  strbuf_t sb;
  if (nops > SCENE_OPS_MAX) {
    fail(w, SCENE_ERR_TOO_MANY_OPS, &sb);
    sb_str(&sb, "the network has ");
    sb_u32(&sb, nops);
    sb_str(&sb, " operators; a scene file holds at most ");
    sb_u32(&sb, SCENE_OPS_MAX);
    return SCENE_ERR_TOO_MANY_OPS;
  }
  w->ins = w->outs = 0;
  for (i = 0; i < nops; i++) {
    const op_class_t *cls = net_op(w->net, (uint16_t)i)->cls;
    scene_class_layout_t cl;
    if (!scene_class_layout(w->fmt, cls->id, &cl)) {
      fail(w, SCENE_ERR_UNREPRESENTABLE, &sb);
      sb_op(&sb, w->net, i);
      sb_str(&sb, " has a class bees ");
      sb_str(&sb, scene_layout_name(w->layout));
      sb_str(&sb, " does not have");
      return SCENE_ERR_UNREPRESENTABLE;
    }
    if (cl.ins + cl.in_shift > cls->num_ins || cl.outs > cls->num_outs) {
      fail(w, SCENE_ERR_NET, &sb);
      sb_str(&sb, "the built class ");
      sb_str(&sb, cls->name);
      sb_str(&sb, " has fewer ports than bees ");
      sb_str(&sb, scene_layout_name(w->layout));
      sb_str(&sb, "'s");
      return SCENE_ERR_NET;
    }
    if (w->ins + cl.ins > SCENE_INS_MAX || w->outs + cl.outs > SCENE_OUTS_MAX) {
      bool in = w->ins + cl.ins > SCENE_INS_MAX;
      fail(w, in ? SCENE_ERR_TOO_MANY_INS : SCENE_ERR_TOO_MANY_OUTS, &sb);
      sb_str(&sb, "the network has more ");
      sb_str(&sb, in ? "inputs" : "outputs");
      sb_str(&sb, " than the ");
      sb_u32(&sb, in ? SCENE_INS_MAX : SCENE_OUTS_MAX);
      sb_str(&sb, " a scene file holds");
      return w->err->status;
    }
    w->ops[i].first_in = (uint16_t)w->ins;
    w->ops[i].first_out = (uint16_t)w->outs;
    w->ops[i].ins = cl.ins;
    w->ops[i].outs = cl.outs;
    w->ops[i].shift = cl.in_shift;
    w->ins += cl.ins;
    w->outs += cl.outs;
  }
  if (net_param_count(w->net) > SCENE_PARAMS_MAX) {
    fail(w, SCENE_ERR_TOO_MANY_PARAMS, &sb);
    sb_str(&sb, "the network has ");
    sb_u32(&sb, net_param_count(w->net));
    sb_str(&sb, " parameters; a scene file holds at most ");
    sb_u32(&sb, SCENE_PARAMS_MAX);
    return SCENE_ERR_TOO_MANY_PARAMS;
  }
  return SCENE_OK;
}

static scene_status_t write_ops(wr_t *w) {
  uint32_t i, nops = net_op_count(w->net);
  strbuf_t sb;
  put32(w, nops);
  for (i = 0; i < nops; i++) {
    const op_t *op = net_op(w->net, (uint16_t)i);
    scene_class_layout_t cl;
    int32_t n;
    scene_class_layout(w->fmt, op->cls->id, &cl);
    if (!room(w, 4u + cl.state, "an operator")) return w->err->status;
    put32(w, op->cls->id);
    n = op_pickle(op, w->d + w->pos, SCENE_FILE_SIZE - w->pos, w->fmt);
    if (n != (int32_t)cl.state) {
      fail(w, SCENE_ERR_OP_STATE, &sb);
      sb_op(&sb, w->net, i);
      if (n < 0) {
        sb_str(&sb, " could not write its state");
      } else {
        sb_str(&sb, " wrote ");
        sb_i32(&sb, n);
        sb_str(&sb, " bytes of state; bees ");
        sb_str(&sb, scene_layout_name(w->layout));
        sb_str(&sb, " reads ");
        sb_u32(&sb, cl.state);
      }
      return SCENE_ERR_OP_STATE;
    }
    w->pos += cl.state;
  }
  return SCENE_OK;
}

static scene_status_t write_nodes(wr_t *w) {
  uint32_t g, base = w->pos;
  uint16_t nins = net_in_count(w->net), nouts = net_out_count(w->net);
  bytes_fill(w->d + base, 0, 4u * SCENE_INS_MAX);
  for (g = 0; g < nins; g++) {
    uint16_t l;
    if (!net_in_play(w->net, (uint16_t)g)) continue;
    l = lay_in(w, g);
    if (l != NONE) w->d[base + 4u * l] = 1; /* a play flag on an input 0.7.1 lacks is dropped */
  }
  w->pos += 4u * SCENE_INS_MAX;
  base = w->pos;
  bytes_fill(w->d + base, 0xFF, 4u * SCENE_OUTS_MAX);
  for (g = 0; g < nouts; g++) {
    int32_t t = net_target(w->net, (uint16_t)g);
    uint16_t lo, lt;
    if (t < 0) continue;
    lo = lay_out(w, g);
    lt = lay_in(w, (uint32_t)t);
    if (lo == NONE || lt == NONE) return unrepresentable_out(w, g, t, false, 0);
    le_put_u32(w->d + base + 4u * lo, lt);
  }
  w->pos += 4u * SCENE_OUTS_MAX;
  return SCENE_OK;
}

static void write_params(wr_t *w) {
  uint16_t j, np = net_param_count(w->net);
  put32(w, np);
  for (j = 0; j < np; j++) {
    const net_param_t *prm = net_param(w->net, j);
    uint32_t n = str_nlen(prm->label, NET_PARAM_LABEL_LEN);
    put32(w, 0); /* bees' unused index word */
    put32(w, (uint32_t)(int32_t)prm->value);
    put32(w, prm->play);
    bytes_fill(w->d + w->pos, 0, NET_PARAM_LABEL_LEN);
    bytes_copy(w->d + w->pos, prm->label, n);
    w->pos += NET_PARAM_LABEL_LEN;
    put32(w, prm->type);
    put32(w, (uint32_t)prm->min);
    put32(w, (uint32_t)prm->max);
    put32(w, (uint32_t)prm->radix);
  }
}

static scene_status_t write_presets(wr_t *w) {
  uint32_t p, k, g;
  uint16_t nins = net_in_count(w->net), np = net_param_count(w->net),
           nouts = net_out_count(w->net);
  strbuf_t sb;
  for (p = 0; p < SCENE_PRESETS; p++) {
    uint32_t base = w->pos;
    for (k = 0; k < SCENE_PRESET_INS; k++) {
      le_put_u32(w->d + base + 8u * k, 0);
      le_put_u32(w->d + base + 8u * k + 4u, 0);
    }
    for (k = 0; k < SCENE_OUTS_MAX; k++) {
      le_put_u32(w->d + base + 8u * (SCENE_PRESET_INS + k), 0xFFFFFFFFu);
      le_put_u32(w->d + base + 8u * (SCENE_PRESET_INS + k) + 4u, 0);
    }
    w->pos = base + 8u * (SCENE_PRESET_INS + SCENE_OUTS_MAX);
    if (p < preset_count(w->net)) {
      for (g = 0; g < (uint32_t)nins + np; g++) {
        io_t v;
        uint16_t l;
        if (!preset_in_value(w->net, (uint16_t)p, (uint16_t)g, &v)) continue;
        l = lay_in(w, g);
        if (l == NONE) {
          uint16_t op;
          uint8_t sub;
          net_in_owner(w->net, (uint16_t)g, &op, &sub);
          fail(w, SCENE_ERR_UNREPRESENTABLE, &sb);
          sb_str(&sb, "preset ");
          sb_u32(&sb, p);
          sb_str(&sb, " includes input ");
          sb_str(&sb, net_in_name(w->net, (uint16_t)g));
          sb_str(&sb, " of ");
          sb_op(&sb, w->net, op);
          sb_str(&sb, ", which does not exist in bees ");
          sb_str(&sb, scene_layout_name(w->layout));
          return SCENE_ERR_UNREPRESENTABLE;
        }
        le_put_u32(w->d + base + 8u * l, (uint32_t)(int32_t)v);
        le_put_u32(w->d + base + 8u * l + 4u, 1);
      }
      for (g = 0; g < nouts; g++) {
        int32_t t;
        uint16_t lo, lt = NONE;
        if (!preset_out_target(w->net, (uint16_t)p, (uint16_t)g, &t)) continue;
        lo = lay_out(w, g);
        if (t >= 0) lt = lay_in(w, (uint32_t)t);
        if (lo == NONE || (t >= 0 && lt == NONE)) return unrepresentable_out(w, g, t, true, p);
        le_put_u32(w->d + base + 8u * (SCENE_PRESET_INS + lo), t >= 0 ? lt : 0xFFFFFFFFu);
        le_put_u32(w->d + base + 8u * (SCENE_PRESET_INS + lo) + 4u, 1);
      }
      if (!put_str(w, preset_name(w->net, (uint16_t)p), SCENE_PRESET_NAME_LEN, "preset name"))
        return w->err->status;
    } else {
      char name[8];
      strbuf_t nb;
      sb_init(&nb, name, sizeof name);
      sb_char(&nb, (char)('0' + (p / 100u) % 10u));
      sb_char(&nb, (char)('0' + (p / 10u) % 10u));
      sb_char(&nb, (char)('0' + p % 10u));
      sb_char(&nb, '_');
      put_str(w, name, SCENE_PRESET_NAME_LEN, "preset name");
    }
  }
  return SCENE_OK;
}

scene_status_t scene_encode(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                            uint8_t *dst, uint32_t cap, scene_error_t *err) {
  scene_error_t elocal;
  scene_header_t hlocal;
  scene_status_t st;
  wr_t w;
  strbuf_t sb;
  if (!err) err = &elocal;
  scene_err_ok(err);
  if (!net || !dst) {
    scene_err_begin(err, SCENE_ERR_NULL_ARG, SCENE_NO_OFFSET, layout, &sb);
    sb_str(&sb, "no network or no output buffer");
    return SCENE_ERR_NULL_ARG;
  }
  if (!hdr) {
    scene_header_init(&hlocal);
    hdr = &hlocal;
  }
  if (layout == SCENE_LAYOUT_AUTO)
    layout = hdr->layout == SCENE_LAYOUT_AUTO ? SCENE_LAYOUT_0_8_1 : hdr->layout;
  w.net = net;
  w.d = dst;
  w.pos = 0;
  w.layout = layout;
  w.fmt = scene_layout_format(layout);
  w.err = err;
  if (cap < SCENE_FILE_SIZE) {
    scene_err_begin(err, SCENE_ERR_BUFFER, SCENE_NO_OFFSET, layout, &sb);
    sb_str(&sb, "the output buffer has ");
    sb_u32(&sb, cap);
    sb_str(&sb, " bytes; a scene file needs ");
    sb_u32(&sb, SCENE_FILE_SIZE);
    return SCENE_ERR_BUFFER;
  }
  st = plan(&w);
  if (st != SCENE_OK) return st;
  bytes_copy(dst, hdr->descriptor, SCENE_DESC_SIZE);
  w.pos = SCENE_DESC_SIZE;
  if (!put_str(&w, hdr->name, SCENE_NAME_LEN, "scene name")) return err->status;
  scene_name_field_put(dst + w.pos - SCENE_NAME_LEN, hdr->name_field, hdr->name);
  dst[w.pos++] = hdr->bees.min;
  dst[w.pos++] = hdr->bees.maj;
  le_put_u16(dst + w.pos, hdr->bees.rev);
  w.pos += 2u;
  if (!put_str(&w, hdr->module, SCENE_NAME_LEN, "module name")) return err->status;
  scene_name_field_put(dst + w.pos - SCENE_NAME_LEN, hdr->module_field, hdr->module);
  dst[w.pos++] = hdr->module_version.min;
  dst[w.pos++] = hdr->module_version.maj;
  le_put_u16(dst + w.pos, hdr->module_version.rev);
  w.pos += 2u;
  if (!room(&w, 4, "the op count")) return err->status;
  st = write_ops(&w);
  if (st != SCENE_OK) return st;
  if (!room(&w, 4u * (SCENE_INS_MAX + SCENE_OUTS_MAX) + 4u +
                    (uint32_t)net_param_count(net) * SCENE_PARAM_SIZE +
                    SCENE_PRESETS * SCENE_PRESET_SIZE,
            "the nodes, params and presets"))
    return err->status;
  st = write_nodes(&w);
  if (st != SCENE_OK) return st;
  write_params(&w);
  st = write_presets(&w);
  if (st != SCENE_OK) return st;
  scene_filler_fill(dst, w.pos, SCENE_FILE_SIZE);
  return SCENE_OK;
}
