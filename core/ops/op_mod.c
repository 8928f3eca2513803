/* SPDX-License-Identifier: MIT */
/* op_mod.c: MOD, C remainder of A / B (sign of A), B of 0 taken as 1 (bees op_mod). */
#include "binary_op.h"

/* a B of 0 can still arrive from a scene file: it divides by 1 */
static io_t mod(io_t a, io_t b) { return op_wrap((int32_t)a % (b ? b : 1)); }
BINARY_OP_CLASS(mod, OP_MOD, "MOD", "VAL", mod, 1, 1, 1);
