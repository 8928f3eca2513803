/* SPDX-License-Identifier: MIT */
/* bees08_net.c: bees 0.8.1's network bookkeeping, our own code from its description. */
#include "bees08_net.h"

#include <string.h>

#include "bees08_pool.h"

typedef struct {
  int32_t op;
  uint8_t sub, play;
} inode_t;
typedef struct {
  uint8_t sub;
  int16_t target;
  int32_t op;
} onode_t;
typedef struct {
  uint8_t *mem;
  uint8_t ins, outs;
  int16_t *out; /* the op's cached targets */
} op_rec_t;
typedef struct {
  struct {
    int16_t value;
    uint8_t enabled;
  } ins[BEES08_PRESET_INS];
  struct {
    int16_t target;
    uint8_t enabled;
  } outs[BEES08_OUTS_MAX];
} preset_rec_t;

static op_rec_t ops[BEES08_OPS_MAX];
static inode_t ins[BEES08_INS_MAX];
static onode_t outs[BEES08_OUTS_MAX];
static preset_rec_t presets[BEES08_PRESETS];
static int num_ops, num_ins, num_outs;

void bees08_net_init(void) {
  bees08_pool_init();
  memset(presets, 0, sizeof presets);
  num_ops = num_ins = num_outs = 0;
}

int bees08_net_ops(void) { return num_ops; }

int bees08_op_in_idx(int op, int in) {
  int i;
  for (i = 0; i < num_ins; i++)
    if (ins[i].op == op) return i + in;
  return -1;
}

int bees08_op_out_idx(int op, int out) {
  int i;
  for (i = 0; i < num_outs; i++)
    if (outs[i].op == op) return i + out;
  return -1;
}

static void connect(int o, int16_t target) {
  outs[o].target = target;
  ops[outs[o].op].out[outs[o].sub] = target;
}

int bees08_net_add(uint8_t nin, uint8_t nout, uint32_t size, int after) {
  int at = after < 0 ? num_ops : after + 1, first_in = 0, first_out = 0, i, p;
  uint8_t *mem;
  if (num_ops >= BEES08_OPS_MAX || num_ins + nin > BEES08_INS_MAX ||
      num_outs + nout > BEES08_OUTS_MAX)
    return -1;
  mem = size <= BEES08_SMALL_SIZE ? bees08_alloc_small() : bees08_alloc_big();
  if (!mem) return -1;
  memset(mem, 0, size); /* op_init zero-fills, then the class init runs */
  for (i = 0; i < at; i++) {
    first_in += ops[i].ins;
    first_out += ops[i].outs;
  }
  memmove(&ops[at + 1], &ops[at], (size_t)(num_ops - at) * sizeof ops[0]);
  ops[at].mem = mem;
  ops[at].ins = nin;
  ops[at].outs = nout;
  ops[at].out = (int16_t *)(mem + size - 2u * nout);
  for (i = 0; i < nout; i++) ops[at].out[i] = -1;
  num_ops++;
  /* node arrays shift, every moved node's op index is bumped */
  memmove(&outs[first_out + nout], &outs[first_out], (size_t)(num_outs - first_out) * sizeof outs[0]);
  for (i = first_out + nout; i < num_outs + nout; i++) outs[i].op++;
  memmove(&ins[first_in + nin], &ins[first_in], (size_t)(num_ins - first_in) * sizeof ins[0]);
  for (i = first_in + nin; i < num_ins + nin; i++) ins[i].op++;
  for (i = 0; i < nin; i++) {
    ins[first_in + i].op = at;
    ins[first_in + i].sub = (uint8_t)i;
  }
  for (i = 0; i < nout; i++) {
    outs[first_out + i].op = at;
    outs[first_out + i].sub = (uint8_t)i;
    outs[first_out + i].target = -1;
  }
  num_ins += nin;
  num_outs += nout;
  /* every target at or past the new inputs moves up */
  for (i = 0; i < num_outs; i++)
    if (outs[i].target >= first_in) connect(i, (int16_t)(outs[i].target + nin));
  /* presets: slots of the nodes after the new op shift up (only the used range: inputs and
   * params, outputs), vacated slots are disabled, enabled targets are fixed up */
  for (p = 0; p < BEES08_PRESETS; p++) {
    preset_rec_t *pr = &presets[p];
    if (num_ins - nin > first_in)
      memmove(&pr->ins[first_in + nin], &pr->ins[first_in],
              (size_t)(num_ins - nin - first_in) * sizeof pr->ins[0]);
    for (i = first_in; i < first_in + nin; i++) pr->ins[i].enabled = 0;
    if (num_outs - nout > first_out)
      memmove(&pr->outs[first_out + nout], &pr->outs[first_out],
              (size_t)(num_outs - nout - first_out) * sizeof pr->outs[0]);
    for (i = first_out; i < first_out + nout; i++) pr->outs[i].enabled = 0;
    for (i = 0; i < BEES08_OUTS_MAX; i++)
      if (pr->outs[i].enabled && pr->outs[i].target >= first_in) pr->outs[i].target += nin;
  }
  return at;
}

int bees08_net_remove(int idx) {
  int first_in, first_out, nin, nout, i, p;
  if (idx < 0 || idx >= num_ops) return -1;
  nin = ops[idx].ins;
  nout = ops[idx].outs;
  first_in = bees08_op_in_idx(idx, 0);
  first_out = bees08_op_out_idx(idx, 0);
  bees08_free(ops[idx].mem);
  for (i = 0; i < num_outs; i++) {
    if (outs[i].target >= first_in && outs[i].target < first_in + nin) connect(i, -1);
    else if (outs[i].target >= first_in + nin) connect(i, (int16_t)(outs[i].target - nin));
  }
  if (first_in >= 0) {
    memmove(&ins[first_in], &ins[first_in + nin], (size_t)(num_ins - first_in - nin) * sizeof ins[0]);
    for (i = first_in; i < num_ins - nin; i++) ins[i].op--;
  }
  if (first_out >= 0) {
    memmove(&outs[first_out], &outs[first_out + nout],
            (size_t)(num_outs - first_out - nout) * sizeof outs[0]);
    for (i = first_out; i < num_outs - nout; i++) outs[i].op--;
  }
  num_ins -= nin;
  num_outs -= nout;
  memmove(&ops[idx], &ops[idx + 1], (size_t)(num_ops - idx - 1) * sizeof ops[0]);
  num_ops--;
  /* the re-index pass: every connected output re-connects to its own target */
  for (i = 0; i < num_outs; i++)
    if (outs[i].target >= 0) connect(i, outs[i].target);
  for (p = 0; p < BEES08_PRESETS; p++) {
    preset_rec_t *pr = &presets[p];
    if (first_in >= 0 && num_ins > first_in)
      memmove(&pr->ins[first_in], &pr->ins[first_in + nin],
              (size_t)(num_ins - first_in) * sizeof pr->ins[0]);
    if (first_out >= 0 && num_outs > first_out)
      memmove(&pr->outs[first_out], &pr->outs[first_out + nout],
              (size_t)(num_outs - first_out) * sizeof pr->outs[0]);
    for (i = 0; i < BEES08_OUTS_MAX; i++) {
      if (!pr->outs[i].enabled) continue;
      if (pr->outs[i].target >= first_in + nin) pr->outs[i].target -= nin;
      else if (pr->outs[i].target >= first_in) pr->outs[i].enabled = 0;
    }
  }
  return 0;
}
