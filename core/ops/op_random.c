/* SPDX-License-Identifier: MIT */
/* op_random.c: RANDOM (shown as RAND), a per-instance pseudo-random generator (bees 0.8.1
 * op_random). The state x is a 32-bit linear congruential generator, seeded with SEED (111 at
 * creation; SEED is sign-extended to 32 bits). TRIG steps it, x = x * 0x3c6ef35f + 0x19660d
 * (mod 2^32), and fires ((x >> shift) stored to 16 bits) % range + MIN, where range = MAX - MIN
 * + 1 taken as 16-bit unsigned and shift = 25 - (bit length of range). The 16-bit store can make
 * the shifted value negative for ranges of 256 and more, and C's remainder keeps its sign, so
 * such ranges can give values below MIN, as in bees. The sum is stored to 16 bits. TRIG's own
 * value is not stored. MIN stores v, or MAX if v > MAX; MAX stores v, or MIN if v < MIN; both
 * recompute range and shift. SEED stores v and restarts the generator from it.
 * Defaults MIN 0, MAX 1, TRIG 0, SEED 111.
 * Differs from bees: a range of 65536 (MIN -32768, MAX 32767; 0 in 16 bits) takes the shifted
 * value whole (bees divides by zero); unpickling recomputes range and shift from the loaded
 * MIN and MAX (bees keeps those of a fresh op, MIN 0 MAX 1, until MIN or MAX is set). */
#include "op.h"

enum { IN_MIN, IN_MAX, IN_TRIG, IN_SEED };
#define RANDOM_MUL 0x3c6ef35fu
#define RANDOM_ADD 0x19660du
#define RANDOM_SEED 111

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[1];
  uint32_t x;     /* generator state */
  uint16_t range; /* MAX - MIN + 1, modulo 2^16 */
  uint8_t shift;  /* 25 - bit length of range */
} op_random_t;

static void compute_range(op_t *op) {
  op_random_t *r = (op_random_t *)op;
  uint16_t n;
  uint8_t bits = 0;
  r->range = (uint16_t)((int32_t)op->in[IN_MAX] - op->in[IN_MIN] + 1);
  for (n = r->range; n; n >>= 1) bits++;
  r->shift = (uint8_t)(25 - bits);
}

static void seed(op_t *op, io_t v) {
  op->in[IN_SEED] = v;
  ((op_random_t *)op)->x = (uint32_t)(int32_t)v;
}

static void in_min(op_t *op, io_t v) {
  op->in[IN_MIN] = v <= op->in[IN_MAX] ? v : op->in[IN_MAX];
  compute_range(op);
}
static void in_max(op_t *op, io_t v) {
  op->in[IN_MAX] = v >= op->in[IN_MIN] ? v : op->in[IN_MIN];
  compute_range(op);
}
static void in_trig(op_t *op, io_t v) {
  op_random_t *r = (op_random_t *)op;
  int32_t val;
  (void)v;
  r->x = r->x * RANDOM_MUL + RANDOM_ADD;
  val = op_wrap((int32_t)(r->x >> r->shift)); /* shift >= 9: the value fits int32 */
  if (r->range) val %= r->range;
  op_fire(op, 0, op_wrap(val + op->in[IN_MIN]));
}
static void in_seed(op_t *op, io_t v) { seed(op, v); }

static void init(op_t *op) {
  op->in[IN_MAX] = 1;
  seed(op, RANDOM_SEED);
  compute_range(op);
}

/* state: 0.8.1 MIN, MAX, TRIG, SEED; 0.7.1 MIN, MAX, TRIG (SEED keeps its value). Loading
 * restarts the generator from SEED, as bees does. */
static const uint8_t order[] = {IN_MIN, IN_MAX, IN_TRIG, IN_SEED};
static uint32_t fields(op_format_t fmt) { return fmt == OP_FORMAT_0_7_1 ? 3u : 4u; }
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  return op_pickle_inputs(op, order, fields(fmt), dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n = op_unpickle_inputs(op, order, fields(fmt), src, len);
  if (n < 0) return -1;
  seed(op, op->in[IN_SEED]);
  compute_range(op);
  return n;
}

static const char *const ins[] = {"MIN", "MAX", "TRIG", "SEED"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_min, in_max, in_trig, in_seed};

const op_class_t op_class_random = {
  .id = OP_RANDOM, .name = "RANDOM", .display = "RAND", .num_ins = 4, .num_outs = 1,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_random_t), .size32 = 48,
  .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
