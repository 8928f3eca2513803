/* SPDX-License-Identifier: MIT */
/* op_mul.c: MUL, A * B wrapping to 16 bits as bees' op_mul does. */
#include "binary_op.h"

static io_t mul(io_t a, io_t b) { return op_wrap((int32_t)a * b); }
BINARY_OP_CLASS(mul, OP_MUL, "MUL", "VAL", mul, 0, 1, 0);
