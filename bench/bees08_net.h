/* SPDX-License-Identifier: MIT */
/* bees08_net.h: bees 0.8.1's network bookkeeping, re-implemented from its description
 * (bees-reference.md, the ops survey) as the benchmarks' baseline: flat input/output node
 * arrays holding op indices, linear scans to find an op's first node, and every index fix-up
 * on insert and delete (output targets, preset slots) done by walking the arrays. */
#ifndef ALEPH_BEES08_NET_H
#define ALEPH_BEES08_NET_H

#include <stdint.h>

#define BEES08_OPS_MAX 128
#define BEES08_INS_MAX 256
#define BEES08_OUTS_MAX 256
#define BEES08_PRESETS 32
#define BEES08_PRESET_INS (BEES08_INS_MAX + 256)

void bees08_net_init(void);
/* An op of `ins` inputs and `outs` outputs with a `size`-byte struct, appended or inserted
 * after index `after` (-1: append). Returns its index or -1. */
int bees08_net_add(uint8_t ins, uint8_t outs, uint32_t size, int after);
/* Removes op idx. Returns 0 or -1. */
int bees08_net_remove(int idx);
int bees08_net_ops(void);
/* bees' net_op_in_idx / net_op_out_idx: linear scans. */
int bees08_op_in_idx(int op, int in);
int bees08_op_out_idx(int op, int out);

#endif
