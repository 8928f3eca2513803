/* SPDX-License-Identifier: MIT */
/* op_maginc.c: MAGINC, increments whatever its output drives (bees op_maginc). INC stores v,
 * reads the current value of the input or DSP parameter that VAL targets, and fires that value
 * plus v, saturated to 16 bits. Unconnected, it fires nothing. No state is pickled. */
#include "net.h"
#include "op.h"

typedef struct {
  op_t super;
  io_t in[1];
  op_target_t out[1];
} op_maginc_t;

static void in_inc(op_t *op, io_t v) {
  int32_t t = net_target(op->net, op->first_out);
  op->in[0] = v;
  if (t < 0) return;
  op_fire(op, 0, op_sat((int32_t)net_get_value(op->net, (uint16_t)t) + v));
}

static const char *const ins[] = {"INC"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_inc};

const op_class_t op_class_maginc = {
  .id = OP_MAGINC, .name = "MAGINC", .display = "MAGINC", .num_ins = 1, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_maginc_t), .size32 = 36,
  .in_fns = fns,
};
