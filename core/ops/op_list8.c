/* SPDX-License-Identifier: MIT */
/* op_list8.c: LIST8, outputs the item INDEX picks from I0..I7 (bees op_list8). INDEX is
 * clamped to 0..7 and fires VAL; the items only store. Handlers: index_op.c. */
#include "index_op.h"

typedef struct {
  op_t super;
  io_t in[1 + 8];
  op_target_t out[1];
} op_list8_t;

const op_class_t op_class_list8 = {
  .id = OP_LIST8, .name = "LIST8", .display = "LIST8", .num_ins = 1 + 8, .num_outs = 1,
  .in_names = list_in_names, .out_names = list_out_names, OP_LAYOUT(op_list8_t),
  .size32 = 52, .in_fns = list_in_fns, .pickle = list_pickle, .unpickle = list_unpickle,
};
