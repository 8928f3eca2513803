/* SPDX-License-Identifier: MIT */
/* op_arc.c: ARC, the monome arc op (bees op_monome_arc): a ring turn fires NUM (ring) and DELTA;
 * with LOOP on it also keeps a 0..255 accumulator per ring, moves a single lit LED to
 * accumulator / 4 and fires VAL. RING (0..3), POS (0..63) and VAL (0..15) set one LED directly.
 * LEDs go to the device's arc buffer, not the op's (as in bees).
 *
 * Differs from bees: VAL starts unconnected (bees left it targeting input 0, the first op's
 * first input, quirk 1, as MIDINOTE's PITCH); the arc buffer is the device's own (bees wrote arc
 * LEDs into whichever grid buffer was being shown); focus follows monome.h (arc focus is
 * separate from grid focus). */
#include "monome.h"
#include "op.h"

enum { IN_FOCUS, IN_LOOP, IN_RING, IN_POS, IN_VAL };

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[3];
  monome_client_t mon;
  uint8_t acc[MONOME_ARC_RINGS]; /* LOOP accumulators */
} op_arc_t;

static void in_focus(op_t *op, io_t v) { monome_focus(&((op_arc_t *)op)->mon, v > 0); }
static void in_loop(op_t *op, io_t v) { op->in[IN_LOOP] = v > 0 ? 1 : 0; }
static void in_ring(op_t *op, io_t v) { op->in[IN_RING] = op_clamp(v, 0, 3); }
static void in_pos(op_t *op, io_t v) { op->in[IN_POS] = op_clamp(v, 0, 63); }
static void in_val(op_t *op, io_t v) {
  op->in[IN_VAL] = op_clamp(v, 0, 15);
  monome_arc_set(op->net, (uint8_t)op->in[IN_RING], (uint8_t)op->in[IN_POS],
                 (uint8_t)op->in[IN_VAL]);
}

static void ring(op_t *op, uint8_t n, int8_t delta) {
  op_arc_t *a = (op_arc_t *)op;
  int32_t acc;
  op_fire(op, 0, (io_t)n);
  op_fire(op, 1, (io_t)delta);
  if (!op->in[IN_LOOP] || n >= MONOME_ARC_RINGS) return;
  acc = (int32_t)a->acc[n] + delta;
  if (acc < 0) acc = 0;
  if (acc > 255) acc = 255;
  monome_arc_set(op->net, n, (uint8_t)(a->acc[n] / 4u), 0);
  a->acc[n] = (uint8_t)acc;
  monome_arc_set(op->net, n, (uint8_t)(a->acc[n] / 4u), 15);
  op_fire(op, 2, (io_t)a->acc[n]);
}

static void init(op_t *op) {
  op_arc_t *a = (op_arc_t *)op;
  monome_client_init(&a->mon, op, IN_FOCUS, 0, 0, ring);
  op->in[IN_FOCUS] = 1;
  op->in[IN_LOOP] = 1;
  monome_focus_at_init(&a->mon);
}

static void deinit(op_t *op) { monome_release(&((op_arc_t *)op)->mon); }

/* state (both formats): FOCUS, LOOP */
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  if (op_unpickle_ios(op->in, 2, src, len) < 0) return -1;
  monome_focus(&((op_arc_t *)op)->mon, op->in[IN_FOCUS] > 0);
  return 4;
}

static const char *const ins[] = {"FOCUS", "LOOP", "RING", "POS", "VAL"};
static const char *const outs[] = {"NUM", "DELTA", "VAL"};
static const op_in_fn fns[] = {in_focus, in_loop, in_ring, in_pos, in_val};

const op_class_t op_class_arc = {
  .id = OP_ARC, .name = "ARC", .display = "ARC", .num_ins = 5, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_arc_t), .size32 = 84,
  .flags = OP_FLAG_ARC, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
