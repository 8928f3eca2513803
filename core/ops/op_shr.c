/* SPDX-License-Identifier: MIT */
/* op_shr.c: SHR, A shifted right arithmetically by B (bees op_shr), the A / B / TRIG pattern;
 * defaults A 0, B 1. bees computes `a >> b` on 32-bit ints; the AVR32's register shift (asr)
 * uses only the low 5 bits of the amount. So the result is A >> (B & 31), sign-filling:
 * B of 15..31 gives 0 for A >= 0 and -1 for A < 0, B of -1 shifts by 31, B of 32 by 0.
 * Written without shifting negative values, so C has no implementation-defined case. */
#include "binary_op.h"

static io_t shr(io_t a, io_t b) {
  uint32_t s = (uint32_t)(uint16_t)b & 31u;
  int32_t x = a;
  return (io_t)(x < 0 ? ~(~x >> s) : x >> s);
}
BINARY_OP_CLASS(shr, OP_SHR, "SHR", "VAL", shr, 0, 1, 0);
