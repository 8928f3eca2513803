/* SPDX-License-Identifier: MIT */
/* binary_op.c: what bees' A / B / TRIG arithmetic ops share. */
#include "binary_op.h"

const char *const binary_in_names[3] = {"A", "B", "TRIG"};
const uint8_t binary_state_ins[3] = {BIN_A, BIN_B, BIN_TRIG};
