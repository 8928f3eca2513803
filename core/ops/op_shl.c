/* SPDX-License-Identifier: MIT */
/* op_shl.c: SHL, A shifted left by B (bees op_shl), the A / B / TRIG pattern; defaults A 0,
 * B 1. bees computes `a << b` on 32-bit ints and stores the result to 16 bits; the AVR32's
 * register shift (lsl) uses only the low 5 bits of the amount. So the result is the low 16
 * bits of A << (B & 31): B of 16..31 gives 0, B of -1 shifts by 31 (0), B of -15 shifts by 17
 * (0), B of 33 shifts by 1. Computed here on unsigned values, so C has no undefined case. */
#include "binary_op.h"

static io_t shl(io_t a, io_t b) {
  uint32_t r = (uint32_t)(int32_t)a << ((uint32_t)(uint16_t)b & 31u);
  return op_wrap((int32_t)(r & 0xFFFFu));
}
BINARY_OP_CLASS(shl, OP_SHL, "SHL", "VAL", shl, 0, 1, 0);
