/* SPDX-License-Identifier: MIT */
/* op_add.c: ADD, saturating A + B (bees op_add). */
#include "binary_op.h"

static io_t add(io_t a, io_t b) { return op_sat((int32_t)a + b); }
BINARY_OP_CLASS(add, OP_ADD, "ADD", "SUM", add, 0, 0, 0);
