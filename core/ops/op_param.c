/* SPDX-License-Identifier: MIT */
/* op_param.c: PARAM, reads a DSP parameter (bees op_param). IDX in 0..params-1 stores the index
 * and fires the parameter's current value; any other IDX is ignored (not stored, nothing
 * fires). No state is pickled. bees asks the DSP for the live value and converts it back to the
 * 16-bit control domain through the parameter's scaler (scaler_in); the DSP holds what the
 * param's 16-bit value last scaled to, so PARAM fires that round trip (for the table types the
 * 16-bit value snaps to a table step, as in bees). */
#include "net.h"
#include "op.h"
#include "scaler.h"

typedef struct {
  op_t super;
  io_t in[1];
  op_target_t out[1];
} op_param_t;

static void in_idx(op_t *op, io_t v) {
  const net_param_t *p;
  if (v < 0 || (uint16_t)v >= net_param_count(op->net)) return;
  p = net_param(op->net, (uint16_t)v);
  if (!p) return;
  op->in[0] = v;
  op_fire(op, 0, scaler_in(p, scaler_value(p, p->value)));
}

static const char *const ins[] = {"IDX"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_idx};

const op_class_t op_class_param = {
  .id = OP_PARAM, .name = "PARAM", .display = "PARAM", .num_ins = 1, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_param_t), .size32 = 36,
  .in_fns = fns,
};
