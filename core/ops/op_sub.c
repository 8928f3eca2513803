/* SPDX-License-Identifier: MIT */
/* op_sub.c: SUB, saturating A - B (bees op_sub). */
#include "binary_op.h"

static io_t sub(io_t a, io_t b) { return op_sat((int32_t)a - b); }
BINARY_OP_CLASS(sub, OP_SUB, "SUB", "DIF", sub, 0, 0, 0);
