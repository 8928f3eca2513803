/* SPDX-License-Identifier: MIT */
/* op_list4.c: LIST4, outputs the item INDEX picks from I0..I3 (bees op_list4). INDEX is
 * clamped to 0..3 and fires VAL; the items only store. Handlers: index_op.c.
 * New in bees 0.8.1: both scene formats use its 0.8.1 state (INDEX, I0..I3). */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[1 + 4];
  op_target_t out[1];
} op_list4_t;

const op_class_t op_class_list4 = {
  .id = OP_LIST4, .name = "LIST4", .display = "LIST4", .num_ins = 1 + 4, .num_outs = 1,
  .in_names = list_in_names, .out_names = list_out_names, OP_LAYOUT(op_list4_t),
  .size32 = 44, .in_fns = list_in_fns, .pickle = list_pickle, .unpickle = list_unpickle,
};
