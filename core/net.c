/* SPDX-License-Identifier: MIT */
/* net.c: the operator network: op creation and deletion on the pools, the global input/output
 * index tables (O(1) both ways), connections, activation with a depth bound, params, and the
 * invariant checker. Presets live in preset.c, timers in op_timer.c. */
#include "net.h"

#include "bytes.h"
#include "net_devices.h"
#include "net_internal.h"
#include "op_catalog.h"
#include "services.h"
#include "strbuf.h"

const net_limits_t NET_LIMITS_BEES08 = {128, 256, 256, 256, NET_PRESETS, NET_DEFAULT_DEPTH};

/* ---- layout ---- */

typedef struct {
  uint32_t ops, ins, play, outs, out_play, presets, total;
} net_layout_t;

static uint64_t align8(uint64_t v) { return (v + 7u) & ~(uint64_t)7u; }

static bool limits_ok(const net_limits_t *l) {
  return l && l->max_ops && l->max_ins && l->max_outs && l->max_presets && l->max_depth &&
         l->max_ops <= 0x7FFF && l->max_ins <= 0x7FFF && l->max_outs <= 0x7FFF &&
         l->max_presets <= 0x7FFF && (uint32_t)l->max_ins + l->max_params <= 0x7FFF;
}

/* The fixed tables: the net, its op and node index tables with their play flags, the preset
 * headers. Computed in 64 bits; false if a limit is invalid or the total does not fit 32 bits. */
static bool net_layout(const net_limits_t *l, net_layout_t *n) {
  uint64_t off;
  if (!limits_ok(l)) return false;
  off = align8(sizeof(net_t));
  n->ops = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_ops * sizeof(op_t *));
  n->ins = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_ins * sizeof(op_t *));
  n->play = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_ins);
  n->outs = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_outs * sizeof(op_t *));
  n->out_play = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_outs);
  n->presets = (uint32_t)off;
  off = align8(off + (uint64_t)l->max_presets * sizeof(preset_t));
  if (off > 0xFFFFFFFFu) return false;
  n->total = (uint32_t)off;
  return true;
}

uint32_t net_region_size(const net_limits_t *limits) {
  net_layout_t n;
  return net_layout(limits, &n) ? n.total : 0;
}

net_status_t net_init(void *region, uint32_t size, const net_limits_t *limits, pool_t *pool,
                      const platform_t *platform, net_t **out) {
  net_layout_t n;
  uint8_t *base = (uint8_t *)region;
  net_t *net;
  uint16_t p;
  if (!region || !limits || !pool || !out) return NET_ERR_NULL_ARG;
  *out = 0;
  if (!net_layout(limits, &n)) return NET_ERR_BAD_LIMITS;
  if (n.total > size || ((uintptr_t)region & 7u)) return NET_ERR_REGION_TOO_SMALL;
  net = (net_t *)region;
  bytes_fill(net, 0, sizeof *net);
  net->pool = pool;
  net->platform = platform;
  net->lim = *limits;
  net->hot.budget = NET_CASCADE_MAX; /* no event yet: none made */
  net->ops = (op_t **)(base + n.ops);
  net->in_op = (op_t **)(base + n.ins);
  net->in_play = base + n.play;
  net->out_op = (op_t **)(base + n.outs);
  net->out_play = base + n.out_play;
  net->presets = (preset_t *)(base + n.presets);
  for (p = 0; p < limits->max_presets; p++) { /* the region is not zeroed */
    net->presets[p].num_ins = net->presets[p].num_outs = 0;
    net->presets[p].cap_ins = net->presets[p].cap_outs = 0;
    net->presets[p].ins = 0;
    net->presets[p].outs = 0;
  }
  preset_clear_all(net);
  *out = net;
  return NET_OK;
}

uint32_t net_pool_bytes(const net_t *net) { return net ? net->pool_bytes : 0; }

/* n elements of elem bytes here (a part of one counts as one) at elem32 bytes each. */
static uint32_t elems32(uint32_t bytes, uint32_t elem, uint32_t elem32) {
  return (uint32_t)(((uint64_t)bytes + elem - 1u) / elem * elem32);
}

uint32_t net_alloc_size32(uint16_t tag, uint32_t bytes) {
  const op_class_t *c;
  switch (tag) {
  case NET_TAG_PARAMS: return elems32(bytes, sizeof(net_param_t), NET_PARAM_SIZE32);
  case NET_TAG_PRESET_INS: return elems32(bytes, sizeof(preset_in_t), NET_PRESET_IN_SIZE32);
  case NET_TAG_PRESET_OUTS: return elems32(bytes, sizeof(preset_out_t), NET_PRESET_OUT_SIZE32);
  default: break;
  }
  c = tag ? op_class_by_id(tag - 1u) : 0;
  return c ? c->size32 : bytes;
}

/* ---- the net's memory ---- */

void *net_mem_alloc(net_t *net, uint32_t size, uint16_t tag, const char *file, uint32_t line) {
  void *m = pool_alloc_at(net->pool, size, tag, file, line);
  if (m) net->pool_bytes += pool_footprint(net->pool, m);
  return m;
}

void net_mem_free(net_t *net, void *ptr) {
  if (!ptr) return;
  net->pool_bytes -= pool_footprint(net->pool, ptr);
  if (pool_free(net->pool, ptr) != POOL_OK)
    platform_fault(net->platform, "net: memory was corrupt when freed");
}

net_status_t net_mem_grow(net_t *net, void **arr, uint16_t *cap, uint32_t want, uint32_t max,
                          uint32_t elem, uint16_t used, uint16_t tag) {
  uint32_t n;
  void *m;
  if (want <= *cap) return NET_OK;
  n = *cap ? 2u * *cap : 4u;
  if (n < want) n = want;
  if (n > max) n = max;
  if (n < want) return NET_ERR_BAD_INDEX;
  m = net_mem_alloc(net, n * elem, tag, 0, 0);
  if (!m) return NET_ERR_NO_MEMORY;
  if (*arr) bytes_copy(m, *arr, (uint32_t)used * elem);
  net_mem_free(net, *arr);
  *arr = m;
  *cap = (uint16_t)n;
  return NET_OK;
}

/* ---- ops ---- */

static void fault(const net_t *net, const char *what) { platform_fault(net->platform, what); }

/* Re-numbers ops from `from` on: index, first input, first output. */
static void renumber(net_t *net, uint16_t from) {
  uint16_t i, fin, fout;
  if (from == 0) {
    fin = fout = 0;
  } else {
    const op_t *prev = net->ops[from - 1u];
    fin = (uint16_t)(prev->first_in + prev->cls->num_ins);
    fout = (uint16_t)(prev->first_out + prev->cls->num_outs);
  }
  for (i = from; i < net->num_ops; i++) {
    op_t *op = net->ops[i];
    op->index = i;
    op->first_in = fin;
    op->first_out = fout;
    fin = (uint16_t)(fin + op->cls->num_ins);
    fout = (uint16_t)(fout + op->cls->num_outs);
  }
}

net_status_t net_add_op_at(net_t *net, op_id_t id, uint16_t at, uint16_t *index,
                           const char *file, uint32_t line) {
  const op_class_t *cls;
  op_t *op;
  uint16_t fin, fout, i;
  if (!net) return NET_ERR_NULL_ARG;
  cls = op_class_by_id((uint32_t)id);
  if (!cls) {
    net->stats.add_failures++;
    return NET_ERR_UNKNOWN_CLASS;
  }
  if (at > net->num_ops) at = net->num_ops;
  if (net->num_ops >= net->lim.max_ops) {
    net->stats.add_failures++;
    return NET_ERR_TOO_MANY_OPS;
  }
  if ((uint32_t)net->num_ins + cls->num_ins > net->lim.max_ins) {
    net->stats.add_failures++;
    return NET_ERR_TOO_MANY_INS;
  }
  if ((uint32_t)net->num_outs + cls->num_outs > net->lim.max_outs) {
    net->stats.add_failures++;
    return NET_ERR_TOO_MANY_OUTS;
  }
  op = (op_t *)net_mem_alloc(net, cls->size, (uint16_t)(cls->id + 1u), file, line);
  if (!op) {
    net->stats.add_failures++;
    return NET_ERR_NO_MEMORY;
  }
  bytes_fill(op, 0, cls->size);
  op->cls = cls;
  op->net = net;
  op->in = (io_t *)((uint8_t *)op + cls->in_offset);
  op->out = (op_target_t *)((uint8_t *)op + cls->out_offset);
  for (i = 0; i < cls->num_outs; i++) {
    op->out[i].op = 0;
    op->out[i].idx = NET_NONE;
  }
  /* room in the tables: ops, then this op's nodes at its first input/output */
  if (at < net->num_ops) {
    fin = net->ops[at]->first_in;
    fout = net->ops[at]->first_out;
  } else {
    fin = net->num_ins;
    fout = net->num_outs;
  }
  bytes_move(net->ops + at + 1, net->ops + at, (uint32_t)(net->num_ops - at) * sizeof(op_t *));
  net->ops[at] = op;
  net->num_ops++;
  if (cls->num_ins) {
    uint32_t tail = (uint32_t)(net->num_ins - fin);
    bytes_move(net->in_op + fin + cls->num_ins, net->in_op + fin, tail * sizeof(op_t *));
    bytes_move(net->in_play + fin + cls->num_ins, net->in_play + fin, tail);
    for (i = 0; i < cls->num_ins; i++) {
      net->in_op[fin + i] = op;
      net->in_play[fin + i] = 0;
    }
    net->num_ins = (uint16_t)(net->num_ins + cls->num_ins);
  }
  if (cls->num_outs) {
    uint32_t tail = (uint32_t)(net->num_outs - fout);
    bytes_move(net->out_op + fout + cls->num_outs, net->out_op + fout, tail * sizeof(op_t *));
    bytes_move(net->out_play + fout + cls->num_outs, net->out_play + fout, tail);
    for (i = 0; i < cls->num_outs; i++) {
      net->out_op[fout + i] = op;
      net->out_play[fout + i] = 0;
    }
    net->num_outs = (uint16_t)(net->num_outs + cls->num_outs);
  }
  renumber(net, at);
  if (cls->init) cls->init(op);
  if (index) *index = at;
  return NET_OK;
}

/* Disconnects every output (of any op) that targets op. */
static void drop_links_to(net_t *net, const op_t *op) {
  uint16_t o;
  for (o = 0; o < net->num_outs && op->refs; o++) {
    op_target_t *t = &net->out_op[o]->out[net_out_sub(net, o)];
    if (t->op == op) {
      t->op = 0;
      t->idx = NET_NONE;
      ((op_t *)op)->refs--;
    }
  }
}

static void remove_at(net_t *net, uint16_t index) {
  op_t *op = net->ops[index];
  const op_class_t *cls = op->cls;
  uint16_t i, fin = op->first_in, fout = op->first_out;
  if (cls->deinit) cls->deinit(op);
  op_timer_stop_all(net, op);
  /* its own outputs release their targets */
  for (i = 0; i < cls->num_outs; i++) {
    if (op->out[i].op) op->out[i].op->refs--;
    op->out[i].op = 0;
    op->out[i].idx = NET_NONE;
  }
  if (op->refs) preset_forget_op(net, op);
  if (op->refs) drop_links_to(net, op);
  bytes_move(net->in_op + fin, net->in_op + fin + cls->num_ins,
             (uint32_t)(net->num_ins - fin - cls->num_ins) * sizeof(op_t *));
  bytes_move(net->in_play + fin, net->in_play + fin + cls->num_ins,
             (uint32_t)(net->num_ins - fin - cls->num_ins));
  net->num_ins = (uint16_t)(net->num_ins - cls->num_ins);
  bytes_move(net->out_op + fout, net->out_op + fout + cls->num_outs,
             (uint32_t)(net->num_outs - fout - cls->num_outs) * sizeof(op_t *));
  bytes_move(net->out_play + fout, net->out_play + fout + cls->num_outs,
             (uint32_t)(net->num_outs - fout - cls->num_outs));
  net->num_outs = (uint16_t)(net->num_outs - cls->num_outs);
  bytes_move(net->ops + index, net->ops + index + 1,
             (uint32_t)(net->num_ops - index - 1u) * sizeof(op_t *));
  net->num_ops--;
  renumber(net, index);
  net_mem_free(net, op);
}

net_status_t net_remove_op(net_t *net, uint16_t index) {
  if (!net) return NET_ERR_NULL_ARG;
  if (index >= net->num_ops) return NET_ERR_BAD_INDEX;
  if (net->ops[index]->cls->flags & OP_FLAG_SYSTEM) return NET_ERR_SYSTEM_OP;
  remove_at(net, index);
  return NET_OK;
}

void net_clear_user_ops(net_t *net) {
  uint16_t i;
  if (!net) return;
  for (i = net->num_ops; i-- > 0;)
    if (!(net->ops[i]->cls->flags & OP_FLAG_SYSTEM)) remove_at(net, i);
}

void net_clear(net_t *net) {
  if (!net) return;
  while (net->num_ops) remove_at(net, (uint16_t)(net->num_ops - 1u));
  preset_clear_all(net);
  net_clear_params(net);
  net->hot.depth = 0;
  /* a scene goes as a whole: its blocks merge back into large free ones for the next */
  pool_settle(net->pool);
}

net_status_t net_room_for_op(const net_t *net, op_id_t id) {
  const op_class_t *cls;
  pool_stats_t st;
  uint64_t need;
  if (!net) return NET_ERR_NULL_ARG;
  cls = op_class_by_id((uint32_t)id);
  if (!cls) return NET_ERR_UNKNOWN_CLASS;
  if (net->num_ops >= net->lim.max_ops) return NET_ERR_TOO_MANY_OPS;
  if ((uint32_t)net->num_ins + cls->num_ins > net->lim.max_ins) return NET_ERR_TOO_MANY_INS;
  if ((uint32_t)net->num_outs + cls->num_outs > net->lim.max_outs) return NET_ERR_TOO_MANY_OUTS;
  pool_get_stats(net->pool, &st);
  /* this net with the op, twice (the running scene and its reload), within the heap less a
   * sixteenth for the blocks' placement */
  need = 2u * ((uint64_t)net->pool_bytes + cls->size + st.header_bytes + st.granule);
  if (need + st.heap_bytes / 16u > st.heap_bytes) return NET_ERR_NO_ROOM;
  return NET_OK;
}

net_status_t net_add_system_ops(net_t *net) {
  static const op_id_t sys[] = {OP_ENC, OP_ENC, OP_ENC, OP_ENC, OP_SW, OP_SW, OP_SW,
                                OP_SW,  OP_SW,  OP_SW,  OP_ADC, OP_PRESET};
  uint16_t i;
  for (i = 0; i < sizeof sys / sizeof sys[0]; i++) {
    net_status_t st = net_add_op(net, sys[i], NET_NONE, 0);
    if (st != NET_OK) return st;
  }
  return NET_OK;
}

/* ---- lookups ---- */

uint16_t net_op_count(const net_t *net) { return net ? net->num_ops : 0; }
uint16_t net_in_count(const net_t *net) { return net ? net->num_ins : 0; }
uint16_t net_out_count(const net_t *net) { return net ? net->num_outs : 0; }
op_t *net_op(const net_t *net, uint16_t i) { return net && i < net->num_ops ? net->ops[i] : 0; }
uint16_t net_op_first_in(const net_t *net, uint16_t i) {
  return net && i < net->num_ops ? net->ops[i]->first_in : NET_NONE;
}
uint16_t net_op_first_out(const net_t *net, uint16_t i) {
  return net && i < net->num_ops ? net->ops[i]->first_out : NET_NONE;
}

bool net_in_owner(const net_t *net, uint16_t in, uint16_t *op, uint8_t *sub) {
  if (!net || in >= net->num_ins) return false;
  if (op) *op = net->in_op[in]->index;
  if (sub) *sub = net_in_sub(net, in);
  return true;
}

bool net_out_owner(const net_t *net, uint16_t out, uint16_t *op, uint8_t *sub) {
  if (!net || out >= net->num_outs) return false;
  if (op) *op = net->out_op[out]->index;
  if (sub) *sub = net_out_sub(net, out);
  return true;
}

const char *net_op_name(const net_t *net, uint16_t i) {
  static const char *const sw_names[6] = {"SW1", "SW2", "SW3", "SW4", "FS1", "FS2"};
  const op_t *op = net_op(net, i);
  if (!op) return "";
  /* bees names the six system switches by their position */
  if (op->cls->id == OP_SW && i >= 4 && i < 10) return sw_names[i - 4];
  return op->cls->display;
}

const char *net_in_name(const net_t *net, uint16_t in) {
  if (!net) return "";
  if (in < net->num_ins) return net->in_op[in]->cls->in_names[net_in_sub(net, in)];
  if (in - net->num_ins < net->num_params) return net->params[in - net->num_ins].label;
  return "";
}

const char *net_out_name(const net_t *net, uint16_t out) {
  if (!net || out >= net->num_outs) return "";
  return net->out_op[out]->cls->out_names[net_out_sub(net, out)];
}

/* ---- connections ---- */

static int32_t target_index(const net_t *net, op_target_t t) {
  if (t.op) return (int32_t)t.op->first_in + t.idx;
  if (t.idx != NET_NONE) return (int32_t)net->num_ins + t.idx;
  return -1;
}

int32_t net_target(const net_t *net, uint16_t out) {
  if (!net || out >= net->num_outs) return -1;
  return target_index(net, net->out_op[out]->out[net_out_sub(net, out)]);
}

static void set_target(op_target_t *t, op_t *op, uint16_t idx) {
  if (t->op) t->op->refs--;
  t->op = op;
  t->idx = idx;
  if (op) op->refs++;
}

net_status_t net_connect(net_t *net, uint16_t out, int32_t target) {
  op_t *src;
  op_target_t *t;
  if (!net) return NET_ERR_NULL_ARG;
  if (out >= net->num_outs) return NET_ERR_BAD_INDEX;
  src = net->out_op[out];
  t = &src->out[net_out_sub(net, out)];
  if (target < 0) {
    set_target(t, 0, NET_NONE);
    return NET_OK;
  }
  if (target < net->num_ins) {
    op_t *dst = net->in_op[target];
    if (dst == src) return NET_ERR_SELF_CONNECT;
    set_target(t, dst, net_in_sub(net, (uint16_t)target));
    return NET_OK;
  }
  if (target - net->num_ins < net->num_params) {
    set_target(t, 0, (uint16_t)(target - net->num_ins));
    return NET_OK;
  }
  return NET_ERR_BAD_INDEX;
}

net_status_t net_disconnect(net_t *net, uint16_t out) { return net_connect(net, out, -1); }

/* ---- activation ---- */

/* The deliveries the event being handled has made (the budget counts down from the cap). */
static uint32_t event_deliveries(const net_t *net) { return NET_CASCADE_MAX - net->hot.budget; }

/* Sets the depth below which op_fire may deliver without the slow path. */
static void refresh_fast(net_t *net) {
  uint16_t d = net->stats.max_depth_seen;
  if (d > net->lim.max_depth) d = net->lim.max_depth;
  net->hot.fast_depth = net->scope && !net->watch ? d : 0;
}

void net_event_begin(net_t *net) {
  if (!net) return;
  if (net->scope++ == 0) {
    net->stats.deliveries += event_deliveries(net); /* the last event's, counted now */
    net->hot.budget = NET_CASCADE_MAX;
    refresh_fast(net);
  }
}

void net_event_end(net_t *net) {
  if (net && net->scope && --net->scope == 0) net->hot.fast_depth = 0;
}

/* net_deliver within the event open. */
static void deliver(net_t *net, const op_t *src, uint8_t out, op_target_t t, io_t v) {
  net_hot_t *h = &net->hot;
  if (h->depth >= net->lim.max_depth || !h->budget) {
    net->stats.feedback_cuts++;
    if (net->watch) net->watch(net->watch_ctx, NET_EV_FEEDBACK, src, out, v);
    return;
  }
  h->budget--;
  if (t.op) {
    h->depth++;
    if (h->depth > net->stats.max_depth_seen) {
      net->stats.max_depth_seen = h->depth;
      refresh_fast(net);
    }
    if (net->watch) net->watch(net->watch_ctx, NET_EV_INPUT, t.op, t.idx, v);
    t.op->cls->in_fns[t.idx](t.op, v);
    h->depth--;
  } else if (t.idx < net->num_params) {
    net_set_param(net, t.idx, v);
  }
}

void net_deliver(net_t *net, const op_t *src, uint8_t out, op_target_t t, io_t v) {
  if (net->hot.depth == 0 && net->scope == 0) { /* an event of its own */
    net_event_begin(net);
    deliver(net, src, out, t, v);
    net_event_end(net);
  } else {
    deliver(net, src, out, t, v);
  }
}

void op_fire_slow(op_t *op, uint8_t k, io_t v) {
  net_t *net = op->net;
  op_target_t t = op->out[k];
  if (net->watch) net->watch(net->watch_ctx, NET_EV_OUTPUT, op, k, v);
  if (t.op || t.idx != NET_NONE) net_deliver(net, op, k, t, v);
}

net_status_t net_activate(net_t *net, uint16_t in, io_t value) {
  op_target_t t;
  if (!net) return NET_ERR_NULL_ARG;
  if (in < net->num_ins) {
    t.op = net->in_op[in];
    t.idx = net_in_sub(net, in);
  } else if (in - net->num_ins < net->num_params) {
    t.op = 0;
    t.idx = (uint16_t)(in - net->num_ins);
  } else {
    return NET_ERR_BAD_INDEX;
  }
  net_event_begin(net);
  net_deliver(net, 0, 0, t, value);
  net_event_end(net);
  return NET_OK;
}

io_t net_get_value(const net_t *net, uint16_t in) {
  if (!net) return 0;
  if (in < net->num_ins) return net->in_op[in]->in[net_in_sub(net, in)];
  if (in - net->num_ins < net->num_params) return net->params[in - net->num_ins].value;
  return 0;
}

net_status_t net_increment(net_t *net, uint16_t in, io_t inc) {
  if (!net) return NET_ERR_NULL_ARG;
  if (in < net->num_ins) {
    op_t *op = net->in_op[in];
    if (op->cls->inc) {
      net_event_begin(net);
      op->cls->inc(op, net_in_sub(net, in), inc);
      net_event_end(net);
      return NET_OK;
    }
  }
  if (in >= net->num_ins + net->num_params) return NET_ERR_BAD_INDEX;
  return net_activate(net, in, op_sat((int32_t)net_get_value(net, in) + inc));
}

bool net_in_play(const net_t *net, uint16_t in) {
  if (!net) return false;
  if (in < net->num_ins) return net->in_play[in] != 0;
  if (in - net->num_ins < net->num_params) return net->params[in - net->num_ins].play != 0;
  return false;
}

net_status_t net_set_in_play(net_t *net, uint16_t in, bool play) {
  if (!net) return NET_ERR_NULL_ARG;
  if (in < net->num_ins) {
    net->in_play[in] = play;
  } else if (in - net->num_ins < net->num_params) {
    net->params[in - net->num_ins].play = play;
  } else {
    return NET_ERR_BAD_INDEX;
  }
  return NET_OK;
}

bool net_out_play(const net_t *net, uint16_t out) {
  return net && out < net->num_outs && net->out_play[out] != 0;
}

net_status_t net_set_out_play(net_t *net, uint16_t out, bool play) {
  if (!net) return NET_ERR_NULL_ARG;
  if (out >= net->num_outs) return NET_ERR_BAD_INDEX;
  net->out_play[out] = play;
  return NET_OK;
}

/* ---- params ---- */

uint16_t net_param_count(const net_t *net) { return net ? net->num_params : 0; }

net_status_t net_reserve_params(net_t *net, uint16_t n) {
  if (!net) return NET_ERR_NULL_ARG;
  if (n > net->lim.max_params) return NET_ERR_TOO_MANY_PARAMS;
  if (n <= net->cap_params) return NET_OK;
  /* exactly n: the decoders know the count */
  return net_mem_grow(net, (void **)&net->params, &net->cap_params, n, n, sizeof(net_param_t),
                      net->num_params, NET_TAG_PARAMS);
}

net_status_t net_add_param(net_t *net, const net_param_t *param) {
  net_status_t st;
  if (!net || !param) return NET_ERR_NULL_ARG;
  if (net->num_params >= net->lim.max_params) return NET_ERR_TOO_MANY_PARAMS;
  st = net_mem_grow(net, (void **)&net->params, &net->cap_params, net->num_params + 1u,
                    net->lim.max_params, sizeof(net_param_t), net->num_params, NET_TAG_PARAMS);
  if (st != NET_OK) return st;
  net->params[net->num_params] = *param;
  net->params[net->num_params].label[NET_PARAM_LABEL_LEN] = '\0';
  net->num_params++;
  return NET_OK;
}

const net_param_t *net_param(const net_t *net, uint16_t idx) {
  return net && idx < net->num_params ? &net->params[idx] : 0;
}

net_status_t net_set_param(net_t *net, uint16_t idx, io_t value) {
  if (!net) return NET_ERR_NULL_ARG;
  if (idx >= net->num_params) return NET_ERR_BAD_INDEX;
  net->params[idx].value = value;
  if (net->watch) net->watch(net->watch_ctx, NET_EV_PARAM, 0, idx, value);
  if (net->services && net->services->param_changed)
    net->services->param_changed(net->services->ctx, idx, value);
  return NET_OK;
}

void net_clear_params(net_t *net) {
  uint16_t p;
  if (!net) return;
  /* outputs that targeted params are disconnected */
  for (p = 0; p < net->num_outs; p++) {
    op_target_t *t = &net->out_op[p]->out[net_out_sub(net, p)];
    if (!t->op) t->idx = NET_NONE;
  }
  /* and so are the presets' routings to params; their stored param values are dropped */
  preset_forget_params(net);
  net->num_params = 0;
  net_mem_free(net, net->params);
  net->params = 0;
  net->cap_params = 0;
}

/* ---- observation ---- */

void net_set_watch(net_t *net, net_watch_fn fn, void *ctx) {
  if (!net) return;
  net->watch = fn;
  net->watch_ctx = ctx;
  refresh_fast(net);
}

void net_get_stats(const net_t *net, net_stats_t *out) {
  if (!net || !out) return;
  *out = net->stats;
  out->deliveries += event_deliveries(net);
  out->ops = net->num_ops;
  out->ins = net->num_ins;
  out->outs = net->num_outs;
  out->params = net->num_params;
}

const net_limits_t *net_get_limits(const net_t *net) { return net ? &net->lim : 0; }
pool_t *net_pool(const net_t *net) { return net ? net->pool : 0; }
const platform_t *net_platform(const net_t *net) { return net ? net->platform : 0; }
void net_set_services(net_t *net, const net_services_t *s) {
  if (net) net->services = s;
}
const net_services_t *net_services(const net_t *net) { return net ? net->services : 0; }

void net_attach_screen(net_t *net, struct screen *s) {
  if (net) net->screen = s;
}
struct screen *net_screen(const net_t *net) { return net ? net->screen : 0; }
void net_attach_monome(net_t *net, struct monome *m) {
  if (net) net->monome = m;
}
struct monome *net_monome(const net_t *net) { return net ? net->monome : 0; }
void net_attach_midi(net_t *net, struct midi_hub *m) {
  if (net) net->midi = m;
}
struct midi_hub *net_midi(const net_t *net) { return net ? net->midi : 0; }
void net_attach_hid(net_t *net, struct hid_hub *h) {
  if (net) net->hid = h;
}
struct hid_hub *net_hid(const net_t *net) { return net ? net->hid : 0; }

static net_status_t corrupt(const net_t *net, const char *what, uint32_t where) {
  char buf[96];
  strbuf_t sb;
  sb_init(&sb, buf, sizeof buf);
  sb_str(&sb, "net check: ");
  sb_str(&sb, what);
  sb_str(&sb, " at ");
  sb_u32(&sb, where);
  fault(net, buf);
  return NET_ERR_CORRUPT;
}

/* References to each op (outputs targeting it, preset entries naming it) counted in one pass
 * for nets of up to CHECK_OPS ops (net_check compares them with the ops' counts); larger nets
 * are counted op by op. A pointer counts for op i only if it is ops[i] (pool_owns first, so a
 * stale pointer is never followed out of the pool). */
#define CHECK_OPS 128u
static void count_ref(const net_t *net, uint32_t *refs, const op_t *op) {
  if (op && pool_owns(net->pool, op) && op->index < net->num_ops && net->ops[op->index] == op)
    refs[op->index]++;
}

static void count_refs(const net_t *net, uint32_t *refs) {
  uint16_t k, p, i;
  for (k = 0; k < net->num_ops; k++) refs[k] = 0;
  for (k = 0; k < net->num_outs; k++) count_ref(net, refs, net->out_op[k]->out[net_out_sub(net, k)].op);
  for (p = 0; p < net->lim.max_presets; p++) {
    const preset_t *pr = &net->presets[p];
    for (i = 0; i < pr->num_ins; i++) count_ref(net, refs, pr->ins[i].op);
    for (i = 0; i < pr->num_outs; i++) {
      count_ref(net, refs, pr->outs[i].src);
      count_ref(net, refs, pr->outs[i].target.op);
    }
  }
}

net_status_t net_check(const net_t *net) {
  uint16_t i, k;
  uint32_t fin = 0, fout = 0, counted[CHECK_OPS];
  int32_t bad;
  bool fast;
  if (!net) return NET_ERR_NULL_ARG;
  if (net->num_ops > net->lim.max_ops || net->num_ins > net->lim.max_ins ||
      net->num_outs > net->lim.max_outs || net->num_params > net->lim.max_params)
    return corrupt(net, "count over limit", 0);
  for (k = 0; k < net->num_outs; k++)
    if (!net->out_op[k] || !pool_owns(net->pool, net->out_op[k]))
      return corrupt(net, "output node", k);
  fast = net->num_ops <= CHECK_OPS;
  if (fast) count_refs(net, counted);
  for (i = 0; i < net->num_ops; i++) {
    const op_t *op = net->ops[i];
    uint32_t refs = 0;
    if (!op || !pool_owns(net->pool, op)) return corrupt(net, "op not live in the pool", i);
    if (op->net != net || op->index != i) return corrupt(net, "op index", i);
    if (op->first_in != fin || op->first_out != fout) return corrupt(net, "op first node", i);
    if (op_class_by_id(op->cls->id) != op->cls) return corrupt(net, "op class", i);
    if (op->in != (io_t *)((const uint8_t *)op + op->cls->in_offset) ||
        op->out != (op_target_t *)((const uint8_t *)op + op->cls->out_offset))
      return corrupt(net, "op port arrays", i);
    for (k = 0; k < op->cls->num_ins; k++)
      if (net->in_op[fin + k] != op)
        return corrupt(net, "input node", fin + k);
    for (k = 0; k < op->cls->num_outs; k++)
      if (net->out_op[fout + k] != op)
        return corrupt(net, "output node", fout + k);
    fin += op->cls->num_ins;
    fout += op->cls->num_outs;
    /* references: outputs targeting it + preset entries naming it */
    if (fast) {
      refs = counted[i];
    } else {
      for (k = 0; k < net->num_outs; k++) {
        const op_target_t *t = &net->out_op[k]->out[net_out_sub(net, k)];
        if (t->op == op) refs++;
      }
      refs += preset_count_refs(net, op);
    }
    if (refs != op->refs) return corrupt(net, "op reference count", i);
  }
  if (fin != net->num_ins || fout != net->num_outs) return corrupt(net, "node counts", 0);
  for (k = 0; k < net->num_outs; k++) {
    const op_target_t *t = &net->out_op[k]->out[net_out_sub(net, k)];
    if (t->op) {
      if (t->op->net != net || t->op->index >= net->num_ops || net->ops[t->op->index] != t->op ||
          t->idx >= t->op->cls->num_ins)
        return corrupt(net, "output target", k);
      if (t->op == net->out_op[k]) return corrupt(net, "self connection", k);
    } else if (t->idx != NET_NONE && t->idx >= net->num_params) {
      return corrupt(net, "param target", k);
    }
  }
  if (net->params && !pool_owns(net->pool, net->params)) return corrupt(net, "param array", 0);
  if (net->num_params > net->cap_params) return corrupt(net, "param count", net->num_params);
  bad = preset_check_params(net);
  if (bad >= 0) return corrupt(net, "preset entry for a missing param, preset", (uint32_t)bad);
  if (net->hot.depth != 0) return corrupt(net, "delivery depth", net->hot.depth);
  return NET_OK;
}

const char *net_strerror(net_status_t s) {
  switch (s) {
  case NET_OK: return "ok";
  case NET_ERR_NULL_ARG: return "a required argument was NULL";
  case NET_ERR_REGION_TOO_SMALL: return "the memory region is too small for the network tables";
  case NET_ERR_BAD_LIMITS: return "the network limits are invalid";
  case NET_ERR_UNKNOWN_CLASS: return "no such operator class";
  case NET_ERR_TOO_MANY_OPS: return "the network has no room for another operator";
  case NET_ERR_TOO_MANY_INS: return "the network has no room for the operator's inputs";
  case NET_ERR_TOO_MANY_OUTS: return "the network has no room for the operator's outputs";
  case NET_ERR_NO_MEMORY: return "operator memory is exhausted";
  case NET_ERR_NO_ROOM:
    return "operator memory would be too full to load this scene again (a scene switch holds "
           "the old and the new scene at once)";
  case NET_ERR_BAD_INDEX: return "index out of range";
  case NET_ERR_SYSTEM_OP: return "system operators cannot be removed";
  case NET_ERR_SELF_CONNECT: return "an operator's output cannot feed its own input";
  case NET_ERR_TOO_MANY_PARAMS: return "too many DSP parameters";
  case NET_ERR_CORRUPT: return "the network's tables are inconsistent";
  }
  return "unknown network status";
}
