/* SPDX-License-Identifier: MIT */
/* op_preset.c: PRESET, the system op that recalls (READ) and stores (WRITE) presets from
 * inside the network (bees op_preset). Out-of-range indices are not acted on; READ keeps them
 * clamped, WRITE keeps them as given (both as bees does). */
#include "op.h"
#include "preset.h"

enum { IN_READ, IN_WRITE };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[1]; /* no outputs; keeps the layout macro uniform */
} op_preset_t;

static bool in_range(op_t *op, uint8_t k, io_t v) {
  io_t last = (io_t)(preset_count(op->net) - 1u);
  if (v < 0) {
    op->in[k] = 0;
    return false;
  }
  if (v > last) {
    op->in[k] = last;
    return false;
  }
  op->in[k] = v;
  return true;
}

static void in_read(op_t *op, io_t v) {
  if (in_range(op, IN_READ, v)) preset_recall(op->net, (uint16_t)v);
}
static void in_write(op_t *op, io_t v) {
  op->in[IN_WRITE] = v;
  if (v >= 0 && v < (io_t)preset_count(op->net)) preset_store(op->net, (uint16_t)v);
}

static const char *const ins[] = {"READ", "WRITE"};
static const op_in_fn fns[] = {in_read, in_write};

const op_class_t op_class_preset = {
  .id = OP_PRESET, .name = "PRESET", .display = "PRESET", .num_ins = 2, .num_outs = 0,
  .in_names = ins, .out_names = 0, OP_LAYOUT(op_preset_t), .size32 = 36,
  .flags = OP_FLAG_SYSTEM, .in_fns = fns,
};
