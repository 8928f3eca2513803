/* SPDX-License-Identifier: MIT */
/* op_list16.c: LIST16, outputs the item INDEX picks from I0..I15 (bees op_list16). INDEX is
 * clamped to 0..15 and fires VAL; the items only store. Handlers: index_op.c. */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[1 + 16];
  op_target_t out[1];
} op_list16_t;

const op_class_t op_class_list16 = {
  .id = OP_LIST16, .name = "LIST16", .display = "LIST16", .num_ins = 1 + 16, .num_outs = 1,
  .in_names = list_in_names, .out_names = list_out_names, OP_LAYOUT(op_list16_t),
  .size32 = 68, .in_fns = list_in_fns, .pickle = list_pickle, .unpickle = list_unpickle,
};
