/* SPDX-License-Identifier: MIT */
/* op_route.c: ROUTE (shown as ROUTE4), sends VAL out of the output TO picks (bees op_route). TO is
 * clamped to 0..3 and only stores; VAL stores and fires. State: TO. Handlers: index_op.c.
 * Differs from bees: a TO out of range in a scene file is clamped when used (bees would index
 * past its output array). */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[4];
} op_route_t;

const op_class_t op_class_route = {
  .id = OP_ROUTE, .name = "ROUTE", .display = "ROUTE4", .num_ins = 2, .num_outs = 4,
  .in_names = route_in_names, .out_names = route_out_names, OP_LAYOUT(op_route_t),
  .size32 = 60, .in_fns = route_in_fns, .pickle = route_pickle, .unpickle = route_unpickle,
};
