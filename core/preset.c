/* SPDX-License-Identifier: MIT */
/* preset.c: bees' presets as lists of entries that name ops directly: (op, input) = value for
 * inputs, DSP params by index, and (op, output) -> target for routings. Insertions and deletions
 * of other ops never touch them; deleting an op drops the entries that name it. The entries are
 * arrays in the pool, as large as a preset uses (bees kept every preset at its full size). */
#include "preset.h"

#include "bytes.h"
#include "net_internal.h"
#include "strbuf.h"

static preset_t *get(const net_t *net, uint16_t p) {
  return net && p < net->lim.max_presets ? &net->presets[p] : 0;
}

static uint32_t in_capacity(const net_t *net) {
  return (uint32_t)net->lim.max_ins + net->lim.max_params;
}

/* Global input index -> (op, idx); op NULL for a param. */
static bool resolve_in(const net_t *net, uint16_t in, op_t **op, uint16_t *idx) {
  if (in < net->num_ins) {
    *op = net->in_op[in];
    *idx = net_in_sub(net, in);
    return true;
  }
  if (in - net->num_ins < net->num_params) {
    *op = 0;
    *idx = (uint16_t)(in - net->num_ins);
    return true;
  }
  return false;
}

static uint32_t in_global(const net_t *net, const preset_in_t *e) {
  return e->op ? (uint32_t)e->op->first_in + e->idx : (uint32_t)net->num_ins + e->idx;
}

static int32_t find_in(const preset_t *pr, const op_t *op, uint16_t idx) {
  uint16_t i;
  for (i = 0; i < pr->num_ins; i++)
    if (pr->ins[i].op == op && pr->ins[i].idx == idx) return i;
  return -1;
}

static int32_t find_out(const preset_t *pr, const op_t *src, uint8_t out) {
  uint16_t i;
  for (i = 0; i < pr->num_outs; i++)
    if (pr->outs[i].src == src && pr->outs[i].out == out) return i;
  return -1;
}

static void ref(op_t *op, int d) {
  if (op) op->refs = (uint16_t)(op->refs + d);
}

/* An emptied list gives its memory back. */
static void drop_in(net_t *net, preset_t *pr, uint16_t i) {
  ref(pr->ins[i].op, -1);
  pr->ins[i] = pr->ins[--pr->num_ins];
  if (!pr->num_ins) {
    net_mem_free(net, pr->ins);
    pr->ins = 0;
    pr->cap_ins = 0;
  }
}

static void drop_out(net_t *net, preset_t *pr, uint16_t i) {
  ref(pr->outs[i].src, -1);
  ref(pr->outs[i].target.op, -1);
  pr->outs[i] = pr->outs[--pr->num_outs];
  if (!pr->num_outs) {
    net_mem_free(net, pr->outs);
    pr->outs = 0;
    pr->cap_outs = 0;
  }
}

static net_status_t grow_ins(net_t *net, preset_t *pr, uint32_t want) {
  return net_mem_grow(net, (void **)&pr->ins, &pr->cap_ins, want, in_capacity(net),
                      sizeof(preset_in_t), pr->num_ins, NET_TAG_PRESET_INS);
}

static net_status_t grow_outs(net_t *net, preset_t *pr, uint32_t want) {
  return net_mem_grow(net, (void **)&pr->outs, &pr->cap_outs, want, net->lim.max_outs,
                      sizeof(preset_out_t), pr->num_outs, NET_TAG_PRESET_OUTS);
}

static net_status_t set_in_entry(net_t *net, preset_t *pr, op_t *op, uint16_t idx, io_t value) {
  int32_t i = find_in(pr, op, idx);
  if (i < 0) {
    net_status_t st = grow_ins(net, pr, pr->num_ins + 1u);
    if (st != NET_OK) return st;
    i = pr->num_ins++;
    pr->ins[i].op = op;
    pr->ins[i].idx = idx;
    ref(op, +1);
  }
  pr->ins[i].value = value;
  return NET_OK;
}

static net_status_t set_out_entry(net_t *net, preset_t *pr, op_t *src, uint8_t out,
                                  op_target_t target) {
  int32_t i = find_out(pr, src, out);
  if (i < 0) {
    net_status_t st = grow_outs(net, pr, pr->num_outs + 1u);
    if (st != NET_OK) return st;
    i = pr->num_outs++;
    pr->outs[i].src = src;
    pr->outs[i].out = out;
    pr->outs[i].target.op = 0;
    pr->outs[i].target.idx = NET_NONE;
    ref(src, +1);
  }
  ref(pr->outs[i].target.op, -1);
  pr->outs[i].target = target;
  ref(target.op, +1);
  return NET_OK;
}

static void clear_preset(net_t *net, preset_t *pr, uint16_t p) {
  strbuf_t sb;
  while (pr->num_ins) drop_in(net, pr, (uint16_t)(pr->num_ins - 1u));
  while (pr->num_outs) drop_out(net, pr, (uint16_t)(pr->num_outs - 1u));
  /* bees names presets "000_" .. "031_" */
  sb_init(&sb, pr->name, sizeof pr->name);
  sb_char(&sb, (char)('0' + (p / 100u) % 10u));
  sb_char(&sb, (char)('0' + (p / 10u) % 10u));
  sb_char(&sb, (char)('0' + p % 10u));
  sb_char(&sb, '_');
}

void preset_clear_all(net_t *net) {
  uint16_t p;
  for (p = 0; p < net->lim.max_presets; p++) clear_preset(net, &net->presets[p], p);
  net->preset_select = 0;
}

void preset_forget_op(net_t *net, const op_t *op) {
  uint16_t p, i;
  for (p = 0; p < net->lim.max_presets && op->refs; p++) {
    preset_t *pr = &net->presets[p];
    for (i = pr->num_ins; i-- > 0;)
      if (pr->ins[i].op == op) drop_in(net, pr, i);
    for (i = pr->num_outs; i-- > 0;)
      if (pr->outs[i].src == op || pr->outs[i].target.op == op) drop_out(net, pr, i);
  }
}

void preset_forget_params(net_t *net) {
  uint16_t p, i;
  for (p = 0; p < net->lim.max_presets; p++) {
    preset_t *pr = &net->presets[p];
    for (i = pr->num_ins; i-- > 0;)
      if (!pr->ins[i].op) drop_in(net, pr, i);
    for (i = 0; i < pr->num_outs; i++)
      if (!pr->outs[i].target.op) pr->outs[i].target.idx = NET_NONE;
  }
}

int32_t preset_check_params(const net_t *net) {
  uint16_t p, i;
  for (p = 0; p < net->lim.max_presets; p++) {
    const preset_t *pr = &net->presets[p];
    for (i = 0; i < pr->num_ins; i++)
      if (!pr->ins[i].op && pr->ins[i].idx >= net->num_params) return p;
    for (i = 0; i < pr->num_outs; i++) {
      op_target_t t = pr->outs[i].target;
      if (!t.op && t.idx != NET_NONE && t.idx >= net->num_params) return p;
    }
  }
  return -1;
}

uint32_t preset_count_refs(const net_t *net, const op_t *op) {
  uint32_t n = 0;
  uint16_t p, i;
  for (p = 0; p < net->lim.max_presets; p++) {
    const preset_t *pr = &net->presets[p];
    for (i = 0; i < pr->num_ins; i++) n += pr->ins[i].op == op;
    for (i = 0; i < pr->num_outs; i++) n += (pr->outs[i].src == op) + (pr->outs[i].target.op == op);
  }
  return n;
}

uint16_t preset_count(const net_t *net) { return net ? net->lim.max_presets : 0; }
uint16_t preset_selected(const net_t *net) { return net ? net->preset_select : 0; }

net_status_t preset_select(net_t *net, uint16_t p) {
  if (!get(net, p)) return NET_ERR_BAD_INDEX;
  net->preset_select = p;
  return NET_OK;
}

const char *preset_name(const net_t *net, uint16_t p) {
  const preset_t *pr = get(net, p);
  return pr ? pr->name : "";
}

net_status_t preset_set_name(net_t *net, uint16_t p, const char *name) {
  preset_t *pr = get(net, p);
  if (!pr) return NET_ERR_BAD_INDEX;
  if (!name) return NET_ERR_NULL_ARG;
  str_copy(pr->name, name, sizeof pr->name);
  return NET_OK;
}

net_status_t preset_include_in(net_t *net, uint16_t p, uint16_t in, bool include) {
  preset_t *pr = get(net, p);
  op_t *op;
  uint16_t idx;
  int32_t i;
  if (!pr) return NET_ERR_BAD_INDEX;
  if (!resolve_in(net, in, &op, &idx)) return NET_ERR_BAD_INDEX;
  i = find_in(pr, op, idx);
  if (include) return set_in_entry(net, pr, op, idx, net_get_value(net, in));
  if (i >= 0) drop_in(net, pr, (uint16_t)i);
  return NET_OK;
}

net_status_t preset_include_out(net_t *net, uint16_t p, uint16_t out, bool include) {
  preset_t *pr = get(net, p);
  int32_t i;
  if (!pr) return NET_ERR_BAD_INDEX;
  if (out >= net->num_outs) return NET_ERR_BAD_INDEX;
  i = find_out(pr, net->out_op[out], net_out_sub(net, out));
  if (include) {
    op_t *src = net->out_op[out];
    return set_out_entry(net, pr, src, net_out_sub(net, out), src->out[net_out_sub(net, out)]);
  }
  if (i >= 0) drop_out(net, pr, (uint16_t)i);
  return NET_OK;
}

bool preset_in_value(const net_t *net, uint16_t p, uint16_t in, io_t *value) {
  const preset_t *pr = get(net, p);
  op_t *op;
  uint16_t idx;
  int32_t i;
  if (!pr || !resolve_in(net, in, &op, &idx)) return false;
  i = find_in(pr, op, idx);
  if (i < 0) return false;
  if (value) *value = pr->ins[i].value;
  return true;
}

bool preset_in_included(const net_t *net, uint16_t p, uint16_t in) {
  return preset_in_value(net, p, in, 0);
}

bool preset_out_target(const net_t *net, uint16_t p, uint16_t out, int32_t *target) {
  const preset_t *pr = get(net, p);
  int32_t i;
  if (!pr || out >= net->num_outs) return false;
  i = find_out(pr, net->out_op[out], net_out_sub(net, out));
  if (i < 0) return false;
  if (target) {
    op_target_t t = pr->outs[i].target;
    *target = t.op ? (int32_t)t.op->first_in + t.idx
                   : (t.idx != NET_NONE ? (int32_t)net->num_ins + t.idx : -1);
  }
  return true;
}

bool preset_out_included(const net_t *net, uint16_t p, uint16_t out) {
  return preset_out_target(net, p, out, 0);
}

net_status_t preset_set_in(net_t *net, uint16_t p, uint16_t in, io_t value) {
  preset_t *pr = get(net, p);
  op_t *op;
  uint16_t idx;
  if (!pr) return NET_ERR_BAD_INDEX;
  if (!resolve_in(net, in, &op, &idx)) return NET_ERR_BAD_INDEX;
  return set_in_entry(net, pr, op, idx, value);
}

net_status_t preset_set_out(net_t *net, uint16_t p, uint16_t out, int32_t target) {
  preset_t *pr = get(net, p);
  op_target_t t = {0, NET_NONE};
  if (!pr) return NET_ERR_BAD_INDEX;
  if (out >= net->num_outs) return NET_ERR_BAD_INDEX;
  if (target >= 0) {
    op_t *op;
    uint16_t idx;
    if (target > 0xFFFF || !resolve_in(net, (uint16_t)target, &op, &idx)) return NET_ERR_BAD_INDEX;
    t.op = op;
    t.idx = idx;
  }
  return set_out_entry(net, pr, net->out_op[out], net_out_sub(net, out), t);
}

net_status_t preset_store(net_t *net, uint16_t p) {
  preset_t *dst = get(net, p), *sel;
  uint16_t i;
  if (!dst) return NET_ERR_BAD_INDEX;
  sel = &net->presets[net->preset_select];
  if (dst != sel) {
    /* inclusion follows the selected preset: copy its pattern, with current values; room for
     * it first, so that a full pool leaves dst as it was */
    net_status_t st = grow_ins(net, dst, sel->num_ins);
    if (st == NET_OK) st = grow_outs(net, dst, sel->num_outs);
    if (st != NET_OK) return st;
    for (i = 0; i < dst->num_ins; i++) ref(dst->ins[i].op, -1);
    for (i = 0; i < dst->num_outs; i++) {
      ref(dst->outs[i].src, -1);
      ref(dst->outs[i].target.op, -1);
    }
    dst->num_ins = dst->num_outs = 0;
    for (i = 0; i < sel->num_ins; i++) { /* cannot fail: the room is there */
      const preset_in_t *e = &sel->ins[i];
      (void)set_in_entry(net, dst, e->op, e->idx,
                         e->op ? e->op->in[e->idx] : net->params[e->idx].value);
    }
    for (i = 0; i < sel->num_outs; i++)
      (void)set_out_entry(net, dst, sel->outs[i].src, sel->outs[i].out,
                          sel->outs[i].src->out[sel->outs[i].out]);
    if (!dst->num_ins && dst->ins) { /* an empty pattern keeps no memory */
      net_mem_free(net, dst->ins);
      dst->ins = 0;
      dst->cap_ins = 0;
    }
    if (!dst->num_outs && dst->outs) {
      net_mem_free(net, dst->outs);
      dst->outs = 0;
      dst->cap_outs = 0;
    }
  } else {
    for (i = 0; i < dst->num_ins; i++) {
      preset_in_t *e = &dst->ins[i];
      e->value = e->op ? e->op->in[e->idx] : net->params[e->idx].value;
    }
    for (i = 0; i < dst->num_outs; i++) /* existing entries: no allocation */
      (void)set_out_entry(net, dst, dst->outs[i].src, dst->outs[i].out,
                          dst->outs[i].src->out[dst->outs[i].out]);
  }
  net->preset_select = p;
  return NET_OK;
}

net_status_t preset_recall(net_t *net, uint16_t p) {
  preset_t *pr = get(net, p);
  uint16_t i, j;
  if (!pr) return NET_ERR_BAD_INDEX;
  /* routings first */
  for (i = 0; i < pr->num_outs; i++) {
    preset_out_t *e = &pr->outs[i];
    op_target_t *t = &e->src->out[e->out];
    if (e->target.op == e->src) continue;
    ref(t->op, -1);
    *t = e->target;
    ref(t->op, +1);
  }
  /* then values, in global index order (insertion sort: entries are few and mostly sorted) */
  for (i = 1; i < pr->num_ins; i++) {
    preset_in_t e = pr->ins[i];
    uint32_t g = in_global(net, &e);
    for (j = i; j > 0 && in_global(net, &pr->ins[j - 1u]) > g; j--) pr->ins[j] = pr->ins[j - 1u];
    pr->ins[j] = e;
  }
  net->preset_select = p;
  if (net->watch) net->watch(net->watch_ctx, NET_EV_PRESET, 0, p, 0);
  net_event_begin(net); /* the whole recall is one event: its entries share one budget */
  for (i = 0; i < pr->num_ins; i++) {
    op_target_t t;
    t.op = pr->ins[i].op;
    t.idx = pr->ins[i].idx;
    net_deliver(net, 0, 0, t, pr->ins[i].value);
  }
  net_event_end(net);
  return NET_OK;
}
