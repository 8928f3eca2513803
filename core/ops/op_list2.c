/* SPDX-License-Identifier: MIT */
/* op_list2.c: LIST2, outputs the item INDEX picks from I0..I1 (bees op_list2). INDEX is
 * clamped to 0..1 and fires VAL; the items only store. Handlers: index_op.c. */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[1 + 2];
  op_target_t out[1];
} op_list2_t;

const op_class_t op_class_list2 = {
  .id = OP_LIST2, .name = "LIST2", .display = "LIST2", .num_ins = 1 + 2, .num_outs = 1,
  .in_names = list_in_names, .out_names = list_out_names, OP_LAYOUT(op_list2_t),
  .size32 = 40, .in_fns = list_in_fns, .pickle = list_pickle, .unpickle = list_unpickle,
};
