/* SPDX-License-Identifier: MIT */
/* op_route8.c: ROUTE8, sends VAL out of the output TO picks (bees op_route8). TO is
 * clamped to 0..7 and only stores; VAL stores and fires. State: TO. Handlers: index_op.c.
 * Differs from bees: a TO out of range in a scene file is clamped when used (bees would index
 * past its output array). */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[8];
} op_route8_t;

const op_class_t op_class_route8 = {
  .id = OP_ROUTE8, .name = "ROUTE8", .display = "ROUTE8", .num_ins = 2, .num_outs = 8,
  .in_names = route_in_names, .out_names = route_out_names, OP_LAYOUT(op_route8_t),
  .size32 = 92, .in_fns = route_in_fns, .pickle = route_pickle, .unpickle = route_unpickle,
};
