/* SPDX-License-Identifier: MIT */
/* op_div.c: DIV, A / B truncating, B of 0 taken as 1 (bees op_div). -32768 / -1 wraps to
 * -32768, as 16-bit division does on the AVR32. */
#include "binary_op.h"

/* a B of 0 can still arrive from a scene file: it divides by 1 */
static io_t div_(io_t a, io_t b) { return op_wrap((int32_t)a / (b ? b : 1)); }
BINARY_OP_CLASS(div, OP_DIV, "DIV", "VAL", div_, 1, 1, 1);
