/* binary_op.c: what bees' A / B / TRIG arithmetic ops share. */
#include "binary_op.h"

const char *const binary_in_names[3] = {"A", "B", "TRIG"};
static const uint8_t order[3] = {BIN_A, BIN_B, BIN_TRIG};

int32_t binary_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 3, dst, cap);
}

int32_t binary_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_inputs(op, order, 3, src, len);
}
