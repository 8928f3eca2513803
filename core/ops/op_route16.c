/* SPDX-License-Identifier: MIT */
/* op_route16.c: ROUTE16, sends VAL out of the output TO picks (bees op_route16). TO is
 * clamped to 0..15 and only stores; VAL stores and fires. State: TO. Handlers: index_op.c.
 * Differs from bees: a TO out of range in a scene file is clamped when used (bees would index
 * past its output array). */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[16];
} op_route16_t;

const op_class_t op_class_route16 = {
  .id = OP_ROUTE16, .name = "ROUTE16", .display = "ROUTE16", .num_ins = 2, .num_outs = 16,
  .in_names = route_in_names, .out_names = route_out_names, OP_LAYOUT(op_route16_t),
  .size32 = 156, .in_fns = route_in_fns, .pickle = route_pickle, .unpickle = route_unpickle,
};
