/* SPDX-License-Identifier: MIT */
/* scene_read.c: reading .scn images: the structural walk that validates one layout (and picks
 * one when asked to), then decoding into a scratch net through each class's unpickle, with
 * 0.7.1 node numbers mapped onto the classes as built. */
#include "bytes.h"
#include "net.h"
#include "op_catalog.h"
#include "preset.h"
#include "scene.h"
#include "scene_internal.h"
#include "scene_layout.h"
#include "strbuf.h"

#define NO_INDEX 0xFFFFFFFFu

typedef struct {
  const uint8_t *buf;
  uint32_t len;
  scene_layout_t layout;
  op_format_t fmt;
  scene_error_t *err;
} rd_t;

static int32_t s32_at(const uint8_t *p) { return (int32_t)le_get_u32(p); }

static void sb_offset(strbuf_t *sb, uint32_t off) {
  sb_u32(sb, off);
  sb_str(sb, " (");
  sb_hex(sb, off);
  sb_char(sb, ')');
}

static void sb_layout(strbuf_t *sb, scene_layout_t layout) {
  sb_str(sb, "bees ");
  sb_str(sb, scene_layout_name(layout));
}

/* "op 12 (METRO)" */
static void sb_op(strbuf_t *sb, uint32_t i, const char *name) {
  sb_str(sb, "op ");
  sb_u32(sb, i);
  if (name) {
    sb_str(sb, " (");
    sb_str(sb, name);
    sb_char(sb, ')');
  }
}

/* Checks that n bytes at `at` are in the buffer; else a truncation error naming what. */
static bool need(rd_t *r, uint32_t at, uint32_t n, const char *what, uint32_t idx,
                 const char *name) {
  strbuf_t sb;
  if (at <= r->len && n <= r->len - at) return true;
  scene_err_begin(r->err, SCENE_ERR_TRUNCATED, at, r->layout, &sb);
  sb_str(&sb, "the file ends at byte ");
  sb_u32(&sb, r->len);
  sb_str(&sb, ", inside ");
  sb_str(&sb, what);
  if (idx != NO_INDEX) {
    sb_char(&sb, ' ');
    sb_u32(&sb, idx);
  }
  if (name) {
    sb_str(&sb, " (");
    sb_str(&sb, name);
    sb_char(&sb, ')');
  }
  sb_str(&sb, ", which needs ");
  sb_u32(&sb, n);
  sb_str(&sb, " bytes from offset ");
  sb_offset(&sb, at);
  return false;
}

static bool has_nul(const uint8_t *p, uint32_t n) {
  uint32_t i;
  for (i = 0; i < n; i++)
    if (!p[i]) return true;
  return false;
}

/* A NUL-padded name field; copies it (terminated) into out[n + 1]. */
static bool name_field(rd_t *r, uint32_t at, uint32_t n, const char *what, uint32_t idx,
                       char *out) {
  strbuf_t sb;
  uint32_t i;
  if (!need(r, at, n, what, idx, 0)) return false;
  if (!has_nul(r->buf + at, n)) {
    scene_err_begin(r->err, SCENE_ERR_NAME, at, r->layout, &sb);
    sb_str(&sb, "the ");
    sb_str(&sb, what);
    if (idx != NO_INDEX) {
      sb_char(&sb, ' ');
      sb_u32(&sb, idx);
    }
    sb_str(&sb, " (");
    sb_u32(&sb, n);
    sb_str(&sb, " bytes) has no terminating NUL");
    return false;
  }
  if (out) {
    for (i = 0; i < n && r->buf[at + i]; i++) out[i] = (char)r->buf[at + i];
    out[i] = '\0';
  }
  return true;
}

static bool rows_equal(const scene_class_layout_t *a, const scene_class_layout_t *b) {
  return a->state == b->state && a->ins == b->ins && a->outs == b->outs &&
         a->in_shift == b->in_shift;
}

static scene_status_t target_error(rd_t *r, uint32_t at, const char *what, uint32_t p,
                                   uint32_t k, int32_t t, uint32_t ins, uint32_t params) {
  strbuf_t sb;
  scene_err_begin(r->err, SCENE_ERR_TARGET, at, r->layout, &sb);
  sb_str(&sb, what);
  if (p != NO_INDEX) {
    sb_char(&sb, ' ');
    sb_u32(&sb, p);
    sb_str(&sb, " output entry ");
  } else {
    sb_char(&sb, ' ');
  }
  sb_u32(&sb, k);
  sb_str(&sb, " targets ");
  sb_i32(&sb, t);
  sb_str(&sb, "; valid targets are -1 (none)");
  if (ins + params) {
    sb_str(&sb, " and 0..");
    sb_u32(&sb, ins + params - 1u);
    sb_str(&sb, " (");
    sb_u32(&sb, ins);
    sb_str(&sb, " op inputs, then ");
    sb_u32(&sb, params);
    sb_str(&sb, " params)");
  }
  return SCENE_ERR_TARGET;
}

/* One preset's entries of one kind (at: the first of its 8-byte records): inclusion flags 0
 * or 1, included entries within the scene's `have` nodes, included outputs' targets valid.
 * The usual entry, not included, costs one test (32 presets x 768 entries per walk). */
static bool preset_entries(rd_t *r, uint32_t p, uint32_t at, bool is_in, uint32_t have,
                           uint32_t ins, uint32_t np) {
  const uint8_t *b = r->buf;
  uint32_t e, count = is_in ? SCENE_PRESET_INS : SCENE_OUTS_MAX;
  strbuf_t sb;
  for (e = 0; e < count; e++, at += 8u) {
    uint32_t en = le_get_u32(b + at + 4u);
    if (!en) continue;
    if (en > 1u) {
      scene_err_begin(r->err, SCENE_ERR_PRESET, at + 4u, r->layout, &sb);
      sb_str(&sb, "preset ");
      sb_u32(&sb, p);
      sb_str(&sb, is_in ? " input entry " : " output entry ");
      sb_u32(&sb, e);
      sb_str(&sb, " has the inclusion flag ");
      sb_u32(&sb, en);
      sb_str(&sb, "; bees writes 0 or 1");
      return false;
    }
    if (e >= have) {
      scene_err_begin(r->err, SCENE_ERR_PRESET, at, r->layout, &sb);
      sb_str(&sb, "preset ");
      sb_u32(&sb, p);
      sb_str(&sb, is_in ? " includes input entry " : " includes output entry ");
      sb_u32(&sb, e);
      sb_str(&sb, ", but the scene has only ");
      sb_u32(&sb, have);
      sb_str(&sb, is_in ? " inputs and params" : " outputs");
      return false;
    }
    if (!is_in) {
      int32_t t = s32_at(b + at);
      if (t != -1 && (t < 0 || (uint32_t)t >= ins + np)) {
        target_error(r, at, "preset", p, e, t, ins, np);
        return false;
      }
    }
  }
  return true;
}

/* The structural walk of one layout. */
static scene_status_t walk(rd_t *r, scene_header_t *hdr, scene_probe_t *info) {
  const uint8_t *b = r->buf;
  op_format_t other = r->fmt == OP_FORMAT_0_7_1 ? OP_FORMAT_0_8_1 : OP_FORMAT_0_7_1;
  uint32_t pos, i, p, nops, np, ins = 0, outs = 0;
  strbuf_t sb;
  bytes_fill(info, 0, sizeof *info);
  info->layout = r->layout;
  info->layouts_agree = true;
  scene_header_init(hdr);
  hdr->layout = r->layout;
  if (r->len > SCENE_FILE_SIZE) {
    scene_err_begin(r->err, SCENE_ERR_WRONG_SIZE, SCENE_FILE_SIZE, r->layout, &sb);
    sb_str(&sb, "the file has ");
    sb_u32(&sb, r->len);
    sb_str(&sb, " bytes; a scene file has exactly ");
    sb_u32(&sb, SCENE_FILE_SIZE);
    return SCENE_ERR_WRONG_SIZE;
  }
  /* descriptor and header */
  if (!need(r, 0, SCENE_DESC_SIZE, "the scene descriptor", NO_INDEX, 0)) return r->err->status;
  bytes_copy(hdr->descriptor, b, SCENE_DESC_SIZE);
  if (!name_field(r, SCENE_AT_NAME, SCENE_NAME_LEN, "scene name", NO_INDEX, hdr->name))
    return r->err->status;
  bytes_copy(hdr->name_field, b + SCENE_AT_NAME, SCENE_NAME_LEN);
  if (!need(r, SCENE_AT_BEES_VERSION, 4, "the bees version", NO_INDEX, 0)) return r->err->status;
  hdr->bees.min = b[SCENE_AT_BEES_VERSION];
  hdr->bees.maj = b[SCENE_AT_BEES_VERSION + 1u];
  hdr->bees.rev = le_get_u16(b + SCENE_AT_BEES_VERSION + 2u);
  if (!name_field(r, SCENE_AT_MODULE, SCENE_NAME_LEN, "module name", NO_INDEX, hdr->module))
    return r->err->status;
  bytes_copy(hdr->module_field, b + SCENE_AT_MODULE, SCENE_NAME_LEN);
  if (!need(r, SCENE_AT_MODULE_VERSION, 4, "the module version", NO_INDEX, 0))
    return r->err->status;
  hdr->module_version.min = b[SCENE_AT_MODULE_VERSION];
  hdr->module_version.maj = b[SCENE_AT_MODULE_VERSION + 1u];
  hdr->module_version.rev = le_get_u16(b + SCENE_AT_MODULE_VERSION + 2u);
  /* ops */
  info->ops_at = SCENE_AT_NET;
  if (!need(r, SCENE_AT_NET, 4, "the op count", NO_INDEX, 0)) return r->err->status;
  nops = le_get_u32(b + SCENE_AT_NET);
  if (nops > SCENE_OPS_MAX) {
    scene_err_begin(r->err, SCENE_ERR_TOO_MANY_OPS, SCENE_AT_NET, r->layout, &sb);
    sb_str(&sb, "the scene has ");
    sb_u32(&sb, nops);
    sb_str(&sb, " operators; bees allows at most ");
    sb_u32(&sb, SCENE_OPS_MAX);
    return SCENE_ERR_TOO_MANY_OPS;
  }
  pos = SCENE_AT_NET + 4u;
  for (i = 0; i < nops; i++) {
    scene_class_layout_t cl, ol;
    uint32_t id;
    if (!need(r, pos, 4, "the class id of op", i, 0)) return r->err->status;
    id = le_get_u32(b + pos);
    if (!scene_class_layout(r->fmt, id, &cl)) {
      scene_err_begin(r->err, SCENE_ERR_UNKNOWN_CLASS, pos, r->layout, &sb);
      sb_op(&sb, i, 0);
      sb_str(&sb, " has class id ");
      sb_u32(&sb, id);
      sb_str(&sb, ", which ");
      sb_layout(&sb, r->layout);
      sb_str(&sb, " does not have (its ids are 0..");
      sb_u32(&sb, scene_layout_class_count(r->fmt) - 1u);
      sb_char(&sb, ')');
      return SCENE_ERR_UNKNOWN_CLASS;
    }
    if (!scene_class_layout(other, id, &ol) || !rows_equal(&cl, &ol)) info->layouts_agree = false;
    if (ins + cl.ins > SCENE_INS_MAX || outs + cl.outs > SCENE_OUTS_MAX) {
      bool in = ins + cl.ins > SCENE_INS_MAX;
      scene_err_begin(r->err, in ? SCENE_ERR_TOO_MANY_INS : SCENE_ERR_TOO_MANY_OUTS, pos,
                      r->layout, &sb);
      sb_op(&sb, i, cl.name);
      sb_str(&sb, in ? " brings the scene's inputs to " : " brings the scene's outputs to ");
      sb_u32(&sb, in ? ins + cl.ins : outs + cl.outs);
      sb_str(&sb, "; bees allows at most ");
      sb_u32(&sb, in ? SCENE_INS_MAX : SCENE_OUTS_MAX);
      return r->err->status;
    }
    ins += cl.ins;
    outs += cl.outs;
    if (!need(r, pos + 4u, cl.state, "the state of op", i, cl.name)) return r->err->status;
    pos += 4u + cl.state;
  }
  /* nodes */
  info->ins_at = pos;
  if (!need(r, pos, 4u * SCENE_INS_MAX, "the input node records", NO_INDEX, 0))
    return r->err->status;
  pos += 4u * SCENE_INS_MAX;
  info->outs_at = pos;
  if (!need(r, pos, 4u * SCENE_OUTS_MAX, "the output node records", NO_INDEX, 0))
    return r->err->status;
  pos += 4u * SCENE_OUTS_MAX;
  /* params */
  info->params_at = pos;
  if (!need(r, pos, 4, "the param count", NO_INDEX, 0)) return r->err->status;
  np = le_get_u32(b + pos);
  if (np > SCENE_PARAMS_MAX) {
    scene_err_begin(r->err, SCENE_ERR_TOO_MANY_PARAMS, pos, r->layout, &sb);
    sb_str(&sb, "the scene has ");
    sb_u32(&sb, np);
    sb_str(&sb, " parameters; bees allows at most ");
    sb_u32(&sb, SCENE_PARAMS_MAX);
    return SCENE_ERR_TOO_MANY_PARAMS;
  }
  pos += 4u;
  if (!need(r, pos, np * SCENE_PARAM_SIZE, "the parameter records", NO_INDEX, 0))
    return r->err->status;
  pos += np * SCENE_PARAM_SIZE;
  /* connections: now that the param count is known */
  for (i = 0; i < outs; i++) {
    int32_t t = s32_at(b + info->outs_at + 4u * i);
    if (t != -1 && (t < 0 || (uint32_t)t >= ins + np))
      return target_error(r, info->outs_at + 4u * i, "output", NO_INDEX, i, t, ins, np);
  }
  /* presets */
  info->presets_at = pos;
  for (p = 0; p < SCENE_PRESETS; p++) {
    if (!need(r, pos, SCENE_PRESET_SIZE, "preset", p, 0)) return r->err->status;
    if (!preset_entries(r, p, pos, true, ins + np, ins, np) ||
        !preset_entries(r, p, pos + 8u * SCENE_PRESET_INS, false, outs, ins, np))
      return r->err->status;
    if (!name_field(r, pos + 8u * (SCENE_PRESET_INS + SCENE_OUTS_MAX), SCENE_PRESET_NAME_LEN,
                    "name of preset", p, 0))
      return r->err->status;
    pos += SCENE_PRESET_SIZE;
  }
  info->end = pos;
  if (r->len < SCENE_FILE_SIZE) {
    scene_err_begin(r->err, SCENE_ERR_WRONG_SIZE, r->len, r->layout, &sb);
    sb_str(&sb, "the file has ");
    sb_u32(&sb, r->len);
    sb_str(&sb, " bytes; its scene data is complete (it ends at ");
    sb_u32(&sb, pos);
    sb_str(&sb, ") but a scene file has exactly ");
    sb_u32(&sb, SCENE_FILE_SIZE);
    return SCENE_ERR_WRONG_SIZE;
  }
  info->filler_intact = scene_filler_diff(b, pos, SCENE_FILE_SIZE) == SCENE_FILE_SIZE;
  info->ops = (uint16_t)nops;
  info->ins = (uint16_t)ins;
  info->outs = (uint16_t)outs;
  info->params = (uint16_t)np;
  scene_err_ok(r->err);
  return SCENE_OK;
}

static scene_status_t walk_layout(const uint8_t *buf, uint32_t len, scene_layout_t layout,
                                  scene_header_t *hdr, scene_probe_t *info,
                                  scene_error_t *err) {
  rd_t r;
  r.buf = buf;
  r.len = len;
  r.layout = layout;
  r.fmt = scene_layout_format(layout);
  r.err = err;
  return walk(&r, hdr, info);
}

/* bees before 0.8 (by the pickled version, which only breaks ties) */
static bool version_says_legacy(const scene_header_t *h) { return h->bees.maj == 0 && h->bees.min < 8; }

scene_status_t scene_probe(const uint8_t *buf, uint32_t len, scene_layout_t layout,
                           scene_header_t *hdr, scene_probe_t *info, scene_error_t *err) {
  scene_error_t e71, e81, elocal;
  scene_header_t h71, h81, hlocal;
  scene_probe_t p71, p81, plocal;
  scene_status_t s71, s81;
  bool pick71;
  if (!err) err = &elocal;
  if (!hdr) hdr = &hlocal;
  if (!info) info = &plocal;
  scene_err_ok(err);
  if (!buf) {
    strbuf_t sb;
    scene_err_begin(err, SCENE_ERR_NULL_ARG, SCENE_NO_OFFSET, layout, &sb);
    sb_str(&sb, "no scene data");
    return SCENE_ERR_NULL_ARG;
  }
  if (layout != SCENE_LAYOUT_AUTO) return walk_layout(buf, len, layout, hdr, info, err);
  s81 = walk_layout(buf, len, SCENE_LAYOUT_0_8_1, &h81, &p81, &e81);
  s71 = walk_layout(buf, len, SCENE_LAYOUT_0_7_1, &h71, &p71, &e71);
  if (s81 == SCENE_OK && s71 == SCENE_OK) {
    if (p81.filler_intact != p71.filler_intact)
      pick71 = p71.filler_intact;
    else
      pick71 = version_says_legacy(&h71);
  } else if (s81 == SCENE_OK || s71 == SCENE_OK) {
    pick71 = s71 == SCENE_OK;
  } else {
    /* neither: report the layout that read further */
    uint32_t o71 = e71.offset == SCENE_NO_OFFSET ? 0 : e71.offset;
    uint32_t o81 = e81.offset == SCENE_NO_OFFSET ? 0 : e81.offset;
    pick71 = o71 != o81 ? o71 > o81 : version_says_legacy(&h71);
  }
  *hdr = pick71 ? h71 : h81;
  *info = pick71 ? p71 : p81;
  *err = pick71 ? e71 : e81;
  return err->status;
}

/* ---- decoding into a net ---- */

static scene_status_t net_error(rd_t *r, net_status_t ns, const net_t *net, uint32_t at,
                                uint32_t i, const char *name) {
  const net_limits_t *lim = net_get_limits(net);
  scene_status_t st;
  strbuf_t sb;
  switch (ns) {
  case NET_ERR_TOO_MANY_OPS: st = SCENE_ERR_TOO_MANY_OPS; break;
  case NET_ERR_TOO_MANY_INS: st = SCENE_ERR_TOO_MANY_INS; break;
  case NET_ERR_TOO_MANY_OUTS: st = SCENE_ERR_TOO_MANY_OUTS; break;
  case NET_ERR_TOO_MANY_PARAMS: st = SCENE_ERR_TOO_MANY_PARAMS; break;
  case NET_ERR_NO_MEMORY: st = SCENE_ERR_NO_MEMORY; break;
  default: st = SCENE_ERR_NET; break;
  }
  scene_err_begin(r->err, st, at, r->layout, &sb);
  switch (st) {
  case SCENE_ERR_TOO_MANY_OPS:
    sb_str(&sb, "the network holds at most ");
    sb_u32(&sb, lim->max_ops);
    sb_str(&sb, " operators; ");
    sb_op(&sb, i, name);
    sb_str(&sb, " does not fit");
    break;
  case SCENE_ERR_TOO_MANY_INS:
  case SCENE_ERR_TOO_MANY_OUTS:
    sb_str(&sb, "the network holds at most ");
    sb_u32(&sb, st == SCENE_ERR_TOO_MANY_INS ? lim->max_ins : lim->max_outs);
    sb_str(&sb, st == SCENE_ERR_TOO_MANY_INS ? " inputs; the inputs of " : " outputs; the outputs of ");
    sb_op(&sb, i, name);
    sb_str(&sb, " do not fit");
    break;
  case SCENE_ERR_TOO_MANY_PARAMS:
    sb_str(&sb, "the network holds at most ");
    sb_u32(&sb, lim->max_params);
    sb_str(&sb, " parameters; parameter ");
    sb_u32(&sb, i);
    sb_str(&sb, " does not fit");
    break;
  case SCENE_ERR_NO_MEMORY:
    sb_str(&sb, "operator memory cannot hold ");
    sb_op(&sb, i, name);
    sb_str(&sb, " beside the running network");
    break;
  default:
    sb_str(&sb, "the network refused ");
    sb_str(&sb, name ? name : "the scene");
    sb_str(&sb, ": ");
    sb_str(&sb, net_strerror(ns));
    break;
  }
  return st;
}

static scene_status_t build(rd_t *r, net_t *net, const scene_probe_t *info) {
  const uint8_t *b = r->buf;
  uint16_t in_map[SCENE_INS_MAX], out_map[SCENE_OUTS_MAX];
  uint32_t i, k, p, pos = info->ops_at + 4u, lin = 0, lout = 0, base;
  net_status_t ns;
  strbuf_t sb;
  for (i = 0; i < info->ops; i++) {
    scene_class_layout_t cl;
    const op_class_t *cls;
    uint32_t id = le_get_u32(b + pos);
    uint16_t idx;
    int32_t used;
    op_t *op;
    scene_class_layout(r->fmt, id, &cl);
    cls = op_class_by_id(id);
    if (!cls) {
      scene_err_begin(r->err, SCENE_ERR_CLASS_MISSING, pos, r->layout, &sb);
      sb_op(&sb, i, 0);
      sb_str(&sb, " has class ");
      sb_str(&sb, cl.name);
      sb_str(&sb, " (id ");
      sb_u32(&sb, id);
      sb_str(&sb, "), which this build does not include");
      return SCENE_ERR_CLASS_MISSING;
    }
    if (r->fmt == OP_FORMAT_0_8_1 ? (cls->num_ins != cl.ins || cls->num_outs != cl.outs)
                                  : (cl.ins + cl.in_shift > cls->num_ins ||
                                     cl.outs > cls->num_outs)) {
      scene_err_begin(r->err, SCENE_ERR_NET, pos, r->layout, &sb);
      sb_str(&sb, "the built class ");
      sb_str(&sb, cls->name);
      sb_str(&sb, " has ports that do not match ");
      sb_layout(&sb, r->layout);
      return SCENE_ERR_NET;
    }
    ns = net_add_op(net, (op_id_t)id, NET_NONE, &idx);
    if (ns != NET_OK) return net_error(r, ns, net, pos, i, cls->name);
    op = net_op(net, idx);
    for (k = 0; k < cl.ins; k++) in_map[lin + k] = (uint16_t)(op->first_in + k + cl.in_shift);
    for (k = 0; k < cl.outs; k++) out_map[lout + k] = (uint16_t)(op->first_out + k);
    used = op_unpickle(op, b + pos + 4u, cl.state, r->fmt);
    if (used != (int32_t)cl.state) {
      scene_err_begin(r->err, SCENE_ERR_OP_STATE, pos + 4u, r->layout, &sb);
      sb_op(&sb, i, cls->name);
      if (used < 0) {
        sb_str(&sb, " refused its ");
        sb_u32(&sb, cl.state);
        sb_str(&sb, "-byte state");
      } else {
        sb_str(&sb, " read ");
        sb_i32(&sb, used);
        sb_str(&sb, " bytes of its ");
        sb_u32(&sb, cl.state);
        sb_str(&sb, "-byte state");
      }
      return SCENE_ERR_OP_STATE;
    }
    lin += cl.ins;
    lout += cl.outs;
    pos += 4u + cl.state;
  }
  /* params: their array allocated once, at its size */
  pos = info->params_at + 4u;
  if (info->params <= net_get_limits(net)->max_params) {
    ns = net_reserve_params(net, (uint16_t)info->params);
    if (ns != NET_OK) return net_error(r, ns, net, pos, 0, 0);
  }
  for (i = 0; i < info->params; i++, pos += SCENE_PARAM_SIZE) {
    net_param_t prm;
    bytes_fill(&prm, 0, sizeof prm);
    prm.value = (io_t)(uint16_t)le_get_u32(b + pos + 4u);
    prm.play = (uint8_t)le_get_u32(b + pos + 8u);
    bytes_copy(prm.label, b + pos + 12u, NET_PARAM_LABEL_LEN);
    prm.type = (uint8_t)le_get_u32(b + pos + 28u);
    prm.min = s32_at(b + pos + 32u);
    prm.max = s32_at(b + pos + 36u);
    prm.radix = s32_at(b + pos + 40u);
    ns = net_add_param(net, &prm);
    if (ns != NET_OK) return net_error(r, ns, net, pos, i, 0);
  }
  base = net_in_count(net);
  /* input play flags */
  for (k = 0; k < info->ins; k++)
    if (b[info->ins_at + 4u * k]) net_set_in_play(net, in_map[k], true);
  /* connections (an output aimed at its own op is kept unconnected, as bees leaves it) */
  for (i = 0; i < info->outs; i++) {
    int32_t t = s32_at(b + info->outs_at + 4u * i);
    if (t < 0) continue;
    ns = net_connect(net, out_map[i],
                     (uint32_t)t < info->ins ? in_map[t] : (int32_t)(base + (uint32_t)t - info->ins));
    if (ns != NET_OK && ns != NET_ERR_SELF_CONNECT)
      return net_error(r, ns, net, info->outs_at + 4u * i, i, "a connection");
  }
  /* presets */
  pos = info->presets_at;
  for (p = 0; p < SCENE_PRESETS && p < preset_count(net); p++, pos += SCENE_PRESET_SIZE) {
    char name[SCENE_PRESET_NAME_LEN + 1];
    uint32_t at = pos + 8u * (SCENE_PRESET_INS + SCENE_OUTS_MAX);
    for (k = 0; k < SCENE_PRESET_NAME_LEN && b[at + k]; k++) name[k] = (char)b[at + k];
    name[k] = '\0';
    preset_set_name(net, (uint16_t)p, name);
    for (k = 0; k < info->ins + info->params; k++) {
      at = pos + 8u * k;
      if (!le_get_u32(b + at + 4u)) continue;
      ns = preset_set_in(net, (uint16_t)p, (uint16_t)(k < info->ins ? in_map[k] : base + k - info->ins),
                         (io_t)(uint16_t)le_get_u32(b + at));
      if (ns != NET_OK) return net_error(r, ns, net, at, p, "a preset entry");
    }
    for (k = 0; k < info->outs; k++) {
      int32_t t;
      at = pos + 8u * (SCENE_PRESET_INS + k);
      if (!le_get_u32(b + at + 4u)) continue;
      t = s32_at(b + at);
      if (t >= 0) t = (uint32_t)t < info->ins ? in_map[t] : (int32_t)(base + (uint32_t)t - info->ins);
      ns = preset_set_out(net, (uint16_t)p, out_map[k], t);
      if (ns != NET_OK) return net_error(r, ns, net, at, p, "a preset entry");
    }
  }
  preset_select(net, 0);
  if (net_check(net) != NET_OK) {
    scene_err_begin(r->err, SCENE_ERR_NET, SCENE_NO_OFFSET, r->layout, &sb);
    sb_str(&sb, "the decoded network failed its consistency check");
    return SCENE_ERR_NET;
  }
  return SCENE_OK;
}

scene_status_t scene_decode(net_t *net, const uint8_t *buf, uint32_t len, scene_layout_t layout,
                            scene_header_t *hdr, scene_error_t *err) {
  scene_error_t elocal;
  scene_header_t h;
  scene_probe_t info;
  scene_status_t st;
  rd_t r;
  if (!err) err = &elocal;
  scene_err_ok(err);
  if (!net) {
    strbuf_t sb;
    scene_err_begin(err, SCENE_ERR_NULL_ARG, SCENE_NO_OFFSET, layout, &sb);
    sb_str(&sb, "no network to decode into");
    return SCENE_ERR_NULL_ARG;
  }
  net_clear(net);
  st = scene_probe(buf, len, layout, &h, &info, err);
  if (st != SCENE_OK) return st;
  r.buf = buf;
  r.len = len;
  r.layout = info.layout;
  r.fmt = scene_layout_format(info.layout);
  r.err = err;
  st = build(&r, net, &info);
  if (st != SCENE_OK)
    net_clear(net);
  else if (hdr)
    *hdr = h;
  return st;
}
