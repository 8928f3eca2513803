/* SPDX-License-Identifier: MIT */
/* test_ops_logic.c: the routing and logic ops (GATE TOG ACCUM SPLIT SPLIT4 THRESH BITS IS LOGIC
 * LIST2/4/8/16 ROUTE/8/16): names and defaults, scripted input sequences with the outputs bees
 * 0.8.1 produces, clamping and edge cases, re-entrant firing, pickle round trips in both scene
 * layouts and byte-exact decodes of 0.7.1 states (ACCUM, SPLIT, THRESH, LIST2 as the real
 * scenes store them). */
#include "bytes.h"
#include "op_harness.h"

/* ---- helpers ---- */

static op_t *op_at(harness_t *h, uint16_t i) { return net_op(h->net, i); }

static int32_t pickle_op(harness_t *h, uint16_t i, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  op_t *o = op_at(h, i);
  return op_pickle(o, dst, cap, fmt);
}

static int32_t unpickle_op(harness_t *h, uint16_t i, const uint8_t *src, uint32_t len,
                           op_format_t fmt) {
  op_t *o = op_at(h, i);
  return op_unpickle(o, src, len, fmt);
}

/* Checks op i's inputs hold exactly vals[0..n-1]. */
static void expect_inputs(harness_t *h, uint16_t i, const int *vals, uint8_t n) {
  uint8_t k;
  CHECK_EQ_INT(op_at(h, i)->cls->num_ins, n);
  for (k = 0; k < n; k++) CHECK_EQ_INT(harness_value(h, i, k), vals[k]);
}
#define EXPECT_INPUTS(h, i, ...)                                         \
  do {                                                                   \
    static const int expect_vals_[] = {__VA_ARGS__};                     \
    expect_inputs(h, i, expect_vals_,                                    \
                  (uint8_t)(sizeof expect_vals_ / sizeof expect_vals_[0])); \
  } while (0)

/* Connects output `out` of op a to input `in` of op b. */
static void connect_ops(harness_t *h, uint16_t a, uint8_t out, uint16_t b, uint8_t in) {
  CHECK_EQ_INT(net_connect(h->net, (uint16_t)(net_op_first_out(h->net, a) + out),
                           (int32_t)(net_op_first_in(h->net, b) + in)),
               NET_OK);
}

/* ---- names, display strings, defaults ---- */

typedef struct {
  op_id_t id;
  const char *name, *display;
  const char *ins, *outs; /* space separated */
} names_t;

static const names_t names[] = {
  {OP_GATE, "GATE", "GATE", "VAL GATE STORE", "GATED"},
  {OP_TOG, "TOG", "TOG", "BANG MUL", "VAL"},
  {OP_ACCUM, "ACCUM", "ACCUM", "INC VAL MIN MAX WRAP", "VAL WRAP"},
  {OP_SPLIT, "SPLIT", "Y", "X", "A B"},
  {OP_SPLIT4, "SPLIT4", "Y4", "X", "A B C D"},
  {OP_THRESH, "THRESH", "THRESH", "IN LIM", "LO HI"},
  {OP_BITS, "BITS", "BITS", "IN I0 I1 I2 I3 I4 I5 I6 I7", "OUT O0 O1 O2 O3 O4 O5 O6 O7"},
  {OP_IS, "IS", "IS", "A B TRIG EDGE", "EQ NE GT LT"},
  {OP_LOGIC, "LOGIC", "LOGIC", "A B TRIG EDGE INVERT", "AND OR XOR"},
  {OP_LIST2, "LIST2", "LIST2", "INDEX I0 I1", "VAL"},
  {OP_LIST4, "LIST4", "LIST4", "INDEX I0 I1 I2 I3", "VAL"},
  {OP_LIST8, "LIST8", "LIST8", "INDEX I0 I1 I2 I3 I4 I5 I6 I7", "VAL"},
  {OP_LIST16, "LIST16", "LIST16",
   "INDEX I0 I1 I2 I3 I4 I5 I6 I7 I8 I9 I10 I11 I12 I13 I14 I15", "VAL"},
  {OP_ROUTE, "ROUTE", "ROUTE4", "VAL TO", "O0 O1 O2 O3"},
  {OP_ROUTE8, "ROUTE8", "ROUTE8", "VAL TO", "O0 O1 O2 O3 O4 O5 O6 O7"},
  {OP_ROUTE16, "ROUTE16", "ROUTE16", "VAL TO",
   "O0 O1 O2 O3 O4 O5 O6 O7 O8 O9 10 11 12 13 14 15"},
};

/* Checks names[0..n-1] against a space separated list. */
static void check_name_list(const char *const *got, uint8_t n, const char *want) {
  char buf[128];
  uint8_t k = 0;
  size_t len;
  const char *p = want;
  while (*p) {
    len = strcspn(p, " ");
    memcpy(buf, p, len);
    buf[len] = 0;
    CHECK(k < n);
    if (k < n) CHECK_EQ_STR(got[k], buf);
    k++;
    p += len;
    while (*p == ' ') p++;
  }
  CHECK_EQ_INT(k, n);
}

static void test_names(void) {
  size_t i;
  for (i = 0; i < sizeof names / sizeof names[0]; i++) {
    const op_class_t *c = op_class_by_id(names[i].id);
    CHECK(c != 0);
    if (!c) continue;
    CHECK_EQ_STR(c->name, names[i].name);
    CHECK_EQ_STR(c->display, names[i].display);
    check_name_list(c->in_names, c->num_ins, names[i].ins);
    check_name_list(c->out_names, c->num_outs, names[i].outs);
    CHECK(op_class_by_name(names[i].display) == c);
    CHECK(!(c->flags & OP_FLAG_SYSTEM));
  }
}

static void test_defaults(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t gate = harness_add(h, OP_GATE), tog = harness_add(h, OP_TOG),
           acc = harness_add(h, OP_ACCUM), sp = harness_add(h, OP_SPLIT),
           sp4 = harness_add(h, OP_SPLIT4), th = harness_add(h, OP_THRESH),
           bits = harness_add(h, OP_BITS), is = harness_add(h, OP_IS),
           lg = harness_add(h, OP_LOGIC), l2 = harness_add(h, OP_LIST2),
           l4 = harness_add(h, OP_LIST4), l8 = harness_add(h, OP_LIST8),
           l16 = harness_add(h, OP_LIST16), r4 = harness_add(h, OP_ROUTE),
           r8 = harness_add(h, OP_ROUTE8), r16 = harness_add(h, OP_ROUTE16);
  uint16_t i;
  EXPECT_INPUTS(h, gate, 0, 0, 0);
  EXPECT_INPUTS(h, tog, 0, 1);
  EXPECT_INPUTS(h, acc, 1, 0, 0, 16383, 1);
  EXPECT_INPUTS(h, sp, 0);
  EXPECT_INPUTS(h, sp4, 0);
  EXPECT_INPUTS(h, th, 0, 1);
  EXPECT_INPUTS(h, bits, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  EXPECT_INPUTS(h, is, 0, 1, 0, 1);
  EXPECT_INPUTS(h, lg, 0, 1, 1, 0, 0);
  EXPECT_INPUTS(h, l2, 0, 0, 0);
  EXPECT_INPUTS(h, l4, 0, 0, 0, 0, 0);
  EXPECT_INPUTS(h, l8, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  EXPECT_INPUTS(h, l16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  EXPECT_INPUTS(h, r4, 0, 0);
  EXPECT_INPUTS(h, r8, 0, 0);
  EXPECT_INPUTS(h, r16, 0, 0);
  /* creating fires nothing; every output starts unconnected */
  HARNESS_EXPECT_NONE(h);
  for (i = 0; i < net_out_count(h->net); i++) CHECK_EQ_INT(net_target(h->net, i), -1);
  harness_free(h);
}

/* ---- GATE ---- */

static void test_gate(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t g = harness_add(h, OP_GATE);
  harness_in(h, g, 0, 42); /* closed: stores only */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, g, 0), 42);
  harness_in(h, g, 1, 7); /* open (stored as 1); not in STORE mode: no output */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, g, 1), 1);
  harness_in(h, g, 0, -5);
  HARNESS_EXPECT(h, g, 0, -5);
  harness_in(h, g, 0, 32767);
  HARNESS_EXPECT(h, g, 0, 32767);
  harness_in(h, g, 1, 0); /* close */
  harness_in(h, g, 0, 3);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, g, 1, -1); /* negative closes too */
  CHECK_EQ_INT(harness_value(h, g, 1), 0);
  /* STORE mode: every GATE input fires the stored VAL, opening or closing */
  harness_in(h, g, 2, 9);
  CHECK_EQ_INT(harness_value(h, g, 2), 1);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, g, 0, 11); /* still closed */
  HARNESS_EXPECT_NONE(h);
  harness_in(h, g, 1, 1);
  HARNESS_EXPECT(h, g, 0, 11);
  harness_in(h, g, 1, 0);
  HARNESS_EXPECT(h, g, 0, 11);
  harness_in(h, g, 1, 0);
  HARNESS_EXPECT(h, g, 0, 11);
  harness_in(h, g, 1, 1);
  harness_in(h, g, 0, 12); /* open: VAL passes as well */
  HARNESS_EXPECT(h, g, 0, 11, 0, 12);
  harness_in(h, g, 2, 0);
  CHECK_EQ_INT(harness_value(h, g, 2), 0);
  harness_in(h, g, 1, 1);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, g, 2, -3);
  CHECK_EQ_INT(harness_value(h, g, 2), 0);
  harness_free(h);
}

/* ---- TOG ---- */

static void test_tog(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t t = harness_add(h, OP_TOG);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 1);
  harness_in(h, t, 0, 0); /* BANG <= 0 ignored */
  harness_in(h, t, 0, -4);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, t, 0), 1); /* BANG shows the state */
  harness_in(h, t, 0, 100);
  HARNESS_EXPECT(h, t, 0, 0);
  harness_in(h, t, 1, 7); /* off: MUL only stores */
  HARNESS_EXPECT_NONE(h);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 7);
  harness_in(h, t, 1, 3); /* on: MUL becomes the state and fires */
  HARNESS_EXPECT(h, t, 0, 3);
  CHECK_EQ_INT(harness_value(h, t, 0), 3);
  harness_in(h, t, 1, -2);
  HARNESS_EXPECT(h, t, 0, -2);
  harness_in(h, t, 1, 5); /* a negative state is not "on": MUL stores only */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, t, 0), -2);
  CHECK_EQ_INT(harness_value(h, t, 1), 5);
  harness_in(h, t, 0, 1); /* non-zero state toggles to 0 */
  HARNESS_EXPECT(h, t, 0, 0);
  harness_in(h, t, 1, 0); /* MUL 0: toggling on gives 0, so it stays 0 */
  harness_in(h, t, 0, 1);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 0, 0, 0);
  harness_free(h);
}

/* ---- ACCUM ---- */

static void test_accum_wrap(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_ACCUM);
  harness_in(h, a, 0, 1); /* INC adds itself */
  HARNESS_EXPECT(h, a, 0, 1);
  harness_in(h, a, 0, 5);
  HARNESS_EXPECT(h, a, 0, 6);
  CHECK_EQ_INT(harness_value(h, a, 0), 5);
  harness_in(h, a, 1, 16383); /* at MAX: no correction */
  HARNESS_EXPECT(h, a, 0, 16383);
  harness_in(h, a, 0, 1); /* 16384 wraps to 0 */
  HARNESS_EXPECT(h, a, 0, 0, 1, -16384);
  harness_in(h, a, 0, -1); /* -1 wraps to 16383 */
  HARNESS_EXPECT(h, a, 0, 16383, 1, 16384);
  harness_in(h, a, 0, 16384); /* INC of 16384 from 16383: wraps once, down by 16384 */
  HARNESS_EXPECT(h, a, 0, 16383, 1, -16384);
  harness_in(h, a, 1, 32767); /* a wrap of 16384 to 16383 is exact */
  HARNESS_EXPECT(h, a, 0, 16383, 1, -16384);
  harness_in(h, a, 1, -32768); /* two steps up */
  HARNESS_EXPECT(h, a, 0, 0, 1, -32768);
  CHECK_EQ_INT(harness_value(h, a, 1), 0);
  harness_free(h);
}

static void test_accum_ranges(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_ACCUM);
  /* MIN 10 (VAL 0 is below: wraps up by 16374 to 16374), MAX 20 (16374 wraps down by 11s) */
  harness_in(h, a, 2, 10);
  HARNESS_EXPECT(h, a, 0, 16374, 1, 16374);
  harness_in(h, a, 3, 20);
  /* 16374 - 20 = 16354 over; steps of 11: ceil(16354 / 11) = 1487 steps = 16357 */
  HARNESS_EXPECT(h, a, 0, 17, 1, -16357);
  harness_in(h, a, 1, 25);
  HARNESS_EXPECT(h, a, 0, 14, 1, -11);
  harness_in(h, a, 1, 5);
  HARNESS_EXPECT(h, a, 0, 16, 1, 11);
  harness_in(h, a, 1, 50); /* 50 -> 39 -> 28 -> 17 */
  HARNESS_EXPECT(h, a, 0, 17, 1, -33);
  harness_in(h, a, 1, 10);
  harness_in(h, a, 1, 20);
  HARNESS_EXPECT(h, a, 0, 10, 0, 20);
  /* -32768 needs 2980 steps of 11 (to 12); the total 32780 wraps to -32756 as bees' io_t */
  harness_in(h, a, 1, -32768);
  HARNESS_EXPECT(h, a, 0, 12, 1, -32756);
  /* INC saturates before wrapping */
  harness_in(h, a, 2, -32768);
  HARNESS_EXPECT(h, a, 0, 12);
  harness_in(h, a, 3, 32767);
  HARNESS_EXPECT(h, a, 0, 12);
  harness_in(h, a, 1, 32760);
  harness_in(h, a, 0, 100);
  HARNESS_EXPECT(h, a, 0, 32760, 0, 32767);
  harness_in(h, a, 0, -32768);
  HARNESS_EXPECT(h, a, 0, -1);
  /* MIN >= MAX is pushed below MAX, MAX <= MIN above MIN */
  harness_in(h, a, 3, 100);
  harness_in(h, a, 2, 100);
  CHECK_EQ_INT(harness_value(h, a, 2), 99);
  harness_in(h, a, 2, 500);
  CHECK_EQ_INT(harness_value(h, a, 2), 99);
  harness_in(h, a, 3, -7);
  CHECK_EQ_INT(harness_value(h, a, 3), 100);
  harness_clear_log(h);
  harness_in(h, a, 3, 99);
  CHECK_EQ_INT(harness_value(h, a, 3), 100);
  /* range of 2 ([99, 100]): VAL -1 climbs by 2s to 99 */
  HARNESS_EXPECT(h, a, 0, 99);
  harness_in(h, a, 1, -1);
  HARNESS_EXPECT(h, a, 0, 99, 1, 100);
  harness_in(h, a, 1, 0);
  HARNESS_EXPECT(h, a, 0, 100, 1, 100);
  /* MIN -32768, MAX 32767: nothing ever wraps */
  harness_in(h, a, 2, -32768);
  harness_in(h, a, 3, 32767);
  harness_clear_log(h);
  harness_in(h, a, 1, -32768);
  harness_in(h, a, 0, -1);
  HARNESS_EXPECT(h, a, 0, -32768, 0, -32768);
  harness_in(h, a, 1, 32767);
  harness_in(h, a, 0, 1);
  HARNESS_EXPECT(h, a, 0, 32767, 0, 32767);
  harness_free(h);
}

static void test_accum_clamp(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_ACCUM);
  harness_in(h, a, 4, 0); /* clamp mode; WRAP fires nothing */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, a, 4), 0);
  harness_in(h, a, 1, 20000);
  HARNESS_EXPECT(h, a, 0, 16383, 1, 3617);
  harness_in(h, a, 1, -5);
  HARNESS_EXPECT(h, a, 0, 0, 1, -5);
  harness_in(h, a, 1, 16383);
  HARNESS_EXPECT(h, a, 0, 16383);
  harness_in(h, a, 0, 3); /* INC past MAX */
  HARNESS_EXPECT(h, a, 0, 16383, 1, 3);
  CHECK_EQ_INT(harness_value(h, a, 0), 3);
  /* the overshoot is a 16-bit difference: 32767 - (-32767) wraps to -2 */
  harness_in(h, a, 2, -32768);
  harness_in(h, a, 3, -32767);
  harness_clear_log(h);
  harness_in(h, a, 1, 32767);
  HARNESS_EXPECT(h, a, 0, -32767, 1, -2);
  harness_in(h, a, 4, 5); /* back to wrap mode (stored 1) */
  CHECK_EQ_INT(harness_value(h, a, 4), 1);
  harness_in(h, a, 4, -5);
  CHECK_EQ_INT(harness_value(h, a, 4), 0);
  harness_free(h);
}

/* MIN > MAX can only come from a scene file; where bees would loop forever the op returns. */
static void test_accum_degenerate(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_ACCUM);
  /* VAL 0, MIN 6, MAX 5, WRAP 1: the wrap step is 0 */
  static const uint8_t s1[8] = {0x00, 0x00, 0x06, 0x00, 0x05, 0x00, 0x01, 0x00};
  /* VAL 0, MIN 32767, MAX -32768, WRAP 1 */
  static const uint8_t s2[8] = {0x00, 0x00, 0xff, 0x7f, 0x00, 0x80, 0x01, 0x00};
  CHECK_EQ_INT(unpickle_op(h, a, s1, 8, OP_FORMAT_0_7_1), 8);
  harness_in(h, a, 1, 7);
  HARNESS_EXPECT(h, a, 0, 7);
  CHECK_EQ_INT(unpickle_op(h, a, s2, 8, OP_FORMAT_0_8_1), 8);
  /* down by 2s to -32768 (moved -32768), then the climb never reaches 32767: given up */
  harness_in(h, a, 1, 0);
  HARNESS_EXPECT(h, a, 0, -32768, 1, -32768);
  harness_free(h);
}

/* ---- SPLIT / SPLIT4 ---- */

static void test_split(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t s = harness_add(h, OP_SPLIT), s4 = harness_add(h, OP_SPLIT4);
  harness_in(h, s, 0, 5);
  HARNESS_EXPECT(h, s, 0, 5, 1, 5);
  harness_in(h, s, 0, -32768);
  HARNESS_EXPECT(h, s, 0, -32768, 1, -32768);
  CHECK_EQ_INT(harness_value(h, s, 0), -32768);
  harness_in(h, s4, 0, 9);
  HARNESS_EXPECT(h, s4, 0, 9, 1, 9, 2, 9, 3, 9);
  harness_in(h, s4, 0, 0);
  HARNESS_EXPECT(h, s4, 0, 0, 1, 0, 2, 0, 3, 0);
  harness_free(h);
}

/* A feeds back into X (through THRESH and ADD) until X reaches 5; B then sends X as it is at
 * that moment at every level of the recursion, as bees does. */
static void test_split_reentrant(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t s = harness_add(h, OP_SPLIT), th = harness_add(h, OP_THRESH),
           add = harness_add(h, OP_ADD);
  uint32_t i, nb = 0;
  connect_ops(h, s, 0, th, 0);
  connect_ops(h, th, 0, add, 0);
  connect_ops(h, add, 0, s, 0);
  harness_in(h, add, 1, 1); /* B first: LIM fires THRESH, which starts the chain */
  harness_in(h, th, 1, 5);
  harness_clear_log(h);
  harness_in(h, s, 0, 0);
  for (i = 0; i < h->n; i++) {
    if (h->log[i].op != s || h->log[i].out != 1) continue;
    CHECK_EQ_INT(h->log[i].value, 5);
    nb++;
  }
  CHECK_EQ_INT(nb, 6);
  CHECK_EQ_INT(harness_value(h, s, 0), 5);
  harness_free(h);
}

/* ---- THRESH ---- */

static void test_thresh(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t t = harness_add(h, OP_THRESH);
  harness_in(h, t, 0, 0); /* 0 < 1: LO */
  HARNESS_EXPECT(h, t, 0, 0);
  harness_in(h, t, 0, 1); /* equal: HI */
  HARNESS_EXPECT(h, t, 1, 1);
  harness_in(h, t, 0, -5);
  HARNESS_EXPECT(h, t, 0, -5);
  harness_in(h, t, 1, -10); /* LIM re-evaluates IN */
  HARNESS_EXPECT(h, t, 1, -5);
  harness_in(h, t, 1, -5);
  HARNESS_EXPECT(h, t, 1, -5);
  harness_in(h, t, 1, -4);
  HARNESS_EXPECT(h, t, 0, -5);
  harness_in(h, t, 1, -32768);
  harness_in(h, t, 0, -32768);
  HARNESS_EXPECT(h, t, 1, -5, 1, -32768);
  harness_in(h, t, 1, 32767);
  harness_in(h, t, 0, 32767);
  HARNESS_EXPECT(h, t, 0, -32768, 1, 32767);
  EXPECT_INPUTS(h, t, 32767, 32767);
  harness_free(h);
}

/* ---- BITS ---- */

static void test_bits(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t b = harness_add(h, OP_BITS);
  static const uint8_t odd[18] = {0, 0, 0x2c, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  harness_in(h, b, 0, 5); /* bit k on output k + 1 */
  HARNESS_EXPECT(h, b, 1, 1, 2, 0, 3, 1, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0);
  harness_in(h, b, 0, 300); /* clamped to 255 */
  HARNESS_EXPECT(h, b, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1, 8, 1);
  CHECK_EQ_INT(harness_value(h, b, 0), 255);
  harness_in(h, b, 0, -3); /* clamped to 0 */
  HARNESS_EXPECT(h, b, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0);
  CHECK_EQ_INT(harness_value(h, b, 0), 0);
  harness_in(h, b, 0, 128);
  HARNESS_EXPECT(h, b, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 1);
  /* I0..I7 store 0/1 and fire the packed byte on OUT */
  harness_in(h, b, 1, 1);
  HARNESS_EXPECT(h, b, 0, 1);
  harness_in(h, b, 8, 5);
  HARNESS_EXPECT(h, b, 0, 129);
  CHECK_EQ_INT(harness_value(h, b, 8), 1);
  harness_in(h, b, 1, -1);
  HARNESS_EXPECT(h, b, 0, 128);
  harness_in(h, b, 2, 1);
  harness_in(h, b, 3, 1);
  harness_in(h, b, 4, 1);
  harness_in(h, b, 5, 1);
  harness_in(h, b, 6, 1);
  harness_in(h, b, 7, 1);
  harness_in(h, b, 1, 1);
  HARNESS_EXPECT(h, b, 0, 130, 0, 134, 0, 142, 0, 158, 0, 190, 0, 254, 0, 255);
  harness_in(h, b, 5, 0);
  HARNESS_EXPECT(h, b, 0, 239);
  CHECK_EQ_INT(harness_value(h, b, 0), 128); /* the bit inputs do not touch IN */
  /* a scene can store a bit of 300: the packed value keeps 8 bits (300 -> 44) */
  CHECK_EQ_INT(unpickle_op(h, b, odd, sizeof odd, OP_FORMAT_0_7_1), 18);
  CHECK_EQ_INT(harness_value(h, b, 1), 300);
  harness_in(h, b, 2, 0);
  HARNESS_EXPECT(h, b, 0, 44);
  harness_free(h);
}

/* ---- IS ---- */

static void test_is(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t s = harness_add(h, OP_IS);
  /* EDGE (default): only changes fire; the last results start at 0 */
  harness_in(h, s, 0, 0); /* 0 vs 1: EQ 0 NE 1 GT 0 LT 1 */
  HARNESS_EXPECT(h, s, 1, 1, 3, 1);
  harness_in(h, s, 0, 0);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, s, 0, 1); /* EQ 1 NE 0 GT 0 LT 0 */
  HARNESS_EXPECT(h, s, 0, 1, 1, 0, 3, 0);
  harness_in(h, s, 0, 2); /* EQ 0 NE 1 GT 1 LT 0 */
  HARNESS_EXPECT(h, s, 0, 0, 1, 1, 2, 1);
  harness_in(h, s, 1, 5); /* TRIG off: B only stores */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, s, 1), 5);
  harness_in(h, s, 2, 3); /* TRIG on (stored 1), does not evaluate */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, s, 2), 1);
  harness_in(h, s, 1, 2); /* 2 vs 2 */
  HARNESS_EXPECT(h, s, 0, 1, 1, 0, 2, 0);
  harness_in(h, s, 1, 3); /* 2 vs 3 */
  HARNESS_EXPECT(h, s, 0, 0, 1, 1, 3, 1);
  harness_in(h, s, 3, 0); /* EDGE off: stores, does not evaluate */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, s, 3), 0);
  harness_in(h, s, 0, 2); /* every output fires */
  HARNESS_EXPECT(h, s, 0, 0, 1, 1, 2, 0, 3, 1);
  harness_in(h, s, 0, 2);
  HARNESS_EXPECT(h, s, 0, 0, 1, 1, 2, 0, 3, 1);
  /* the results computed without EDGE are what EDGE compares with later */
  harness_in(h, s, 3, 9);
  CHECK_EQ_INT(harness_value(h, s, 3), 1);
  harness_in(h, s, 0, -32768); /* -32768 vs 3: LT unchanged */
  HARNESS_EXPECT_NONE(h);
  harness_in(h, s, 0, 32767);
  HARNESS_EXPECT(h, s, 2, 1, 3, 0);
  harness_in(h, s, 2, -1); /* TRIG off again */
  harness_in(h, s, 1, 32767);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, s, 3, -1);
  CHECK_EQ_INT(harness_value(h, s, 3), 0);
  harness_free(h);
}

/* ---- LOGIC ---- */

static void test_logic(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t l = harness_add(h, OP_LOGIC);
  /* defaults: B 1, TRIG on, EDGE off: every output fires */
  harness_in(h, l, 0, 1);
  HARNESS_EXPECT(h, l, 0, 1, 1, 1, 2, 0);
  harness_in(h, l, 0, 5); /* coerced to 1 */
  HARNESS_EXPECT(h, l, 0, 1, 1, 1, 2, 0);
  CHECK_EQ_INT(harness_value(h, l, 0), 1);
  harness_in(h, l, 0, -3); /* coerced to 0 */
  HARNESS_EXPECT(h, l, 0, 0, 1, 1, 2, 1);
  CHECK_EQ_INT(harness_value(h, l, 0), 0);
  harness_in(h, l, 1, 0); /* TRIG on: B evaluates (0, 0) */
  HARNESS_EXPECT(h, l, 0, 0, 1, 0, 2, 0);
  harness_in(h, l, 1, 77); /* (0, 1) */
  HARNESS_EXPECT(h, l, 0, 0, 1, 1, 2, 1);
  CHECK_EQ_INT(harness_value(h, l, 1), 1);
  harness_in(h, l, 2, 0); /* TRIG off */
  harness_in(h, l, 1, 0);
  harness_in(h, l, 1, 1);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, l, 4, 1); /* INVERT on evaluates: (0, 1) inverted */
  HARNESS_EXPECT(h, l, 0, 1, 1, 0, 2, 0);
  harness_in(h, l, 4, 0); /* INVERT off only stores */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, l, 4), 0);
  /* EDGE on evaluates; (0, 1) = AND 0 OR 1 XOR 1, all differ from the last (1, 0, 0) */
  harness_in(h, l, 3, 2);
  HARNESS_EXPECT(h, l, 0, 0, 1, 1, 2, 1);
  CHECK_EQ_INT(harness_value(h, l, 3), 1);
  harness_in(h, l, 3, 1); /* evaluates again: nothing changed */
  HARNESS_EXPECT_NONE(h);
  harness_in(h, l, 0, 1); /* (1, 1): AND and XOR change */
  HARNESS_EXPECT(h, l, 0, 1, 2, 0);
  harness_in(h, l, 0, 1);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, l, 4, 3); /* INVERT on: all three change */
  HARNESS_EXPECT(h, l, 0, 0, 1, 0, 2, 1);
  harness_in(h, l, 3, 0); /* EDGE off only stores */
  HARNESS_EXPECT_NONE(h);
  harness_in(h, l, 0, 0); /* (0, 1) inverted */
  HARNESS_EXPECT(h, l, 0, 1, 1, 0, 2, 0);
  harness_free(h);
}

/* Values a scene file stores without normalising them are used as bees uses them. */
static void test_logic_scene_values(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t l = harness_add(h, OP_LOGIC);
  /* A 1, B 7, TRIG 1, EDGE 1, INVERT 0 */
  static const uint8_t b7[10] = {1, 0, 7, 0, 1, 0, 1, 0, 0, 0};
  /* A 1, B 1, TRIG 1, EDGE 1, INVERT -1 */
  static const uint8_t inv[10] = {1, 0, 1, 0, 1, 0, 1, 0, 0xff, 0xff};
  CHECK_EQ_INT(unpickle_op(h, l, b7, 10, OP_FORMAT_0_7_1), 10);
  harness_in(h, l, 0, 1); /* XOR = 1 ^ 7 = 6 */
  HARNESS_EXPECT(h, l, 0, 1, 1, 1, 2, 6);
  harness_in(h, l, 0, 1);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(unpickle_op(h, l, inv, 10, OP_FORMAT_0_8_1), 10);
  harness_in(h, l, 0, 1); /* AND 1 ^ -1 = -2, OR -2, XOR 0 ^ -1 = -1 */
  HARNESS_EXPECT(h, l, 0, -2, 1, -2, 2, -1);
  /* bees compares the last result through a byte: -2 never equals 254, so it fires again */
  harness_in(h, l, 0, 1);
  HARNESS_EXPECT(h, l, 0, -2, 1, -2, 2, -1);
  harness_free(h);
}

/* ---- LISTn ---- */

static void test_lists(void) {
  harness_t *h = harness_new(0, 0);
  static const op_id_t ids[4] = {OP_LIST2, OP_LIST4, OP_LIST8, OP_LIST16};
  uint8_t i, k;
  for (i = 0; i < 4; i++) {
    uint16_t l = harness_add(h, ids[i]);
    uint8_t n = (uint8_t)(op_at(h, l)->cls->num_ins - 1);
    /* items store silently */
    for (k = 0; k < n; k++) harness_in(h, l, (uint8_t)(k + 1), (io_t)(100 * (k + 1) - 3 * k * k));
    HARNESS_EXPECT_NONE(h);
    for (k = 0; k < n; k++) {
      harness_in(h, l, 0, (io_t)k);
      HARNESS_EXPECT(h, l, 0, 100 * (k + 1) - 3 * k * k);
      CHECK_EQ_INT(harness_value(h, l, 0), k);
    }
    /* INDEX clamps to 0..n-1 and stores the clamped value */
    harness_in(h, l, 0, (io_t)n);
    HARNESS_EXPECT(h, l, 0, 100 * n - 3 * (n - 1) * (n - 1));
    CHECK_EQ_INT(harness_value(h, l, 0), n - 1);
    harness_in(h, l, 0, 32767);
    HARNESS_EXPECT(h, l, 0, 100 * n - 3 * (n - 1) * (n - 1));
    harness_in(h, l, 0, -1);
    HARNESS_EXPECT(h, l, 0, 100);
    CHECK_EQ_INT(harness_value(h, l, 0), 0);
    harness_in(h, l, 0, -32768);
    HARNESS_EXPECT(h, l, 0, 100);
    /* changing the selected item does not fire; the next INDEX sends the new value */
    harness_in(h, l, 1, -32768);
    HARNESS_EXPECT_NONE(h);
    harness_in(h, l, 0, 0);
    HARNESS_EXPECT(h, l, 0, -32768);
  }
  harness_free(h);
}

/* ---- ROUTEn ---- */

static void test_routes(void) {
  harness_t *h = harness_new(0, 0);
  static const op_id_t ids[3] = {OP_ROUTE, OP_ROUTE8, OP_ROUTE16};
  uint8_t i, k;
  for (i = 0; i < 3; i++) {
    uint16_t r = harness_add(h, ids[i]);
    uint8_t n = op_at(h, r)->cls->num_outs;
    harness_in(h, r, 0, 11); /* TO 0 by default */
    HARNESS_EXPECT(h, r, 0, 11);
    for (k = 0; k < n; k++) {
      harness_in(h, r, 1, (io_t)k); /* TO only stores */
      HARNESS_EXPECT_NONE(h);
      harness_in(h, r, 0, (io_t)(k - 50));
      HARNESS_EXPECT(h, r, k, k - 50);
      CHECK_EQ_INT(harness_value(h, r, 0), k - 50);
    }
    harness_in(h, r, 1, (io_t)n); /* clamped to n - 1 */
    CHECK_EQ_INT(harness_value(h, r, 1), n - 1);
    harness_in(h, r, 0, 1);
    HARNESS_EXPECT(h, r, n - 1, 1);
    harness_in(h, r, 1, 32767);
    CHECK_EQ_INT(harness_value(h, r, 1), n - 1);
    harness_in(h, r, 1, -1);
    CHECK_EQ_INT(harness_value(h, r, 1), 0);
    harness_in(h, r, 1, -32768);
    harness_in(h, r, 0, -32768);
    HARNESS_EXPECT(h, r, 0, -32768);
  }
  harness_free(h);
}

/* ---- pickling ---- */

/* Every class round-trips in both layouts with non-default state, at the documented size. */
static void test_pickle_roundtrips(void) {
  static const struct {
    op_id_t id;
    int32_t size071, size081;
  } sizes[] = {
    {OP_GATE, 0, 6},     {OP_TOG, 4, 4},      {OP_ACCUM, 8, 8},    {OP_SPLIT, 0, 0},
    {OP_SPLIT4, 0, 0},   {OP_THRESH, 4, 4},   {OP_BITS, 18, 18},   {OP_IS, 8, 8},
    {OP_LOGIC, 10, 10},  {OP_LIST2, 6, 6},    {OP_LIST4, 10, 10},  {OP_LIST8, 18, 18},
    {OP_LIST16, 34, 34}, {OP_ROUTE, 2, 2},    {OP_ROUTE8, 2, 2},   {OP_ROUTE16, 2, 2},
  };
  size_t i;
  for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    harness_t *h = harness_new(0, 0);
    uint16_t o = harness_add(h, sizes[i].id);
    uint8_t k, n = op_at(h, o)->cls->num_ins;
    /* give every input a distinct non-default value through its handler */
    for (k = 0; k < n; k++) harness_in(h, o, k, (io_t)(k == 0 ? 1 : (k * 37) % 5 + 1));
    harness_in(h, o, 0, 3);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, o, OP_FORMAT_0_7_1), sizes[i].size071);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, o, OP_FORMAT_0_8_1), sizes[i].size081);
    harness_free(h);
  }
}

/* Field order and the inputs each layout restores. */
static void test_pickle_layouts(void) {
  harness_t *h = harness_new(0, 0);
  uint8_t buf[64];
  uint16_t g = harness_add(h, OP_GATE), t = harness_add(h, OP_TOG), a = harness_add(h, OP_ACCUM),
           is = harness_add(h, OP_IS), lg = harness_add(h, OP_LOGIC), b = harness_add(h, OP_BITS),
           r = harness_add(h, OP_ROUTE16), l4 = harness_add(h, OP_LIST4);
  /* GATE 0.8.1: VAL, GATE, STORE */
  static const uint8_t gate081[6] = {0x34, 0x12, 0x01, 0x00, 0x01, 0x00};
  /* TOG: STATE, MUL */
  static const uint8_t tog[4] = {0x05, 0x00, 0x05, 0x00};
  /* IS: A, B, TRIG, EDGE */
  static const uint8_t is_s[8] = {0xfe, 0xff, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00};
  /* LOGIC: A, B, TRIG, EDGE, INVERT */
  static const uint8_t logic_s[10] = {1, 0, 0, 0, 0, 0, 1, 0, 0, 0};
  /* BITS: IN, I0..I7 */
  static const uint8_t bits_s[18] = {0xa5, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0};
  /* LIST4 (new in 0.8.1; the same bytes in both layouts): INDEX, I0..I3 */
  static const uint8_t list4[10] = {0x02, 0x00, 0x0a, 0x00, 0x14, 0x00, 0x1e, 0x00, 0x28, 0x00};

  /* GATE: no state in 0.7.1 (nothing written, nothing read), 3 fields in 0.8.1 */
  harness_in(h, g, 0, 99);
  CHECK_EQ_INT(pickle_op(h, g, buf, 0, OP_FORMAT_0_7_1), 0);
  CHECK_EQ_INT(unpickle_op(h, g, gate081, 6, OP_FORMAT_0_7_1), 0);
  EXPECT_INPUTS(h, g, 99, 0, 0);
  CHECK_EQ_INT(unpickle_op(h, g, gate081, 6, OP_FORMAT_0_8_1), 6);
  EXPECT_INPUTS(h, g, 0x1234, 1, 1);
  CHECK_EQ_INT(pickle_op(h, g, buf, sizeof buf, OP_FORMAT_0_8_1), 6);
  CHECK(memcmp(buf, gate081, 6) == 0);
  CHECK_EQ_INT(unpickle_op(h, g, gate081, 5, OP_FORMAT_0_8_1), -1);
  harness_in(h, g, 1, 0); /* STORE mode restored: fires the restored VAL */
  HARNESS_EXPECT(h, g, 0, 0x1234);

  CHECK_EQ_INT(unpickle_op(h, t, tog, 4, OP_FORMAT_0_7_1), 4);
  EXPECT_INPUTS(h, t, 5, 5);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 0);

  /* ACCUM writes VAL, MIN, MAX, WRAP; INC is not saved and a restored op has INC 1 */
  harness_in(h, a, 0, 7);
  harness_in(h, a, 3, 300);
  harness_in(h, a, 2, -200);
  harness_in(h, a, 4, 0);
  harness_in(h, a, 1, -20);
  CHECK_EQ_INT(pickle_op(h, a, buf, sizeof buf, OP_FORMAT_0_8_1), 8);
  {
    static const uint8_t want[8] = {0xec, 0xff, 0x38, 0xff, 0x2c, 0x01, 0x00, 0x00};
    CHECK(memcmp(buf, want, 8) == 0);
  }
  CHECK_EQ_INT(pickle_op(h, a, buf, 7, OP_FORMAT_0_7_1), -1);
  harness_clear_log(h);

  CHECK_EQ_INT(unpickle_op(h, is, is_s, 8, OP_FORMAT_0_8_1), 8);
  EXPECT_INPUTS(h, is, -2, 3, 1, 0);
  CHECK_EQ_INT(unpickle_op(h, is, is_s, 7, OP_FORMAT_0_8_1), -1);
  harness_in(h, is, 1, 3); /* TRIG restored; EDGE off: all four */
  HARNESS_EXPECT(h, is, 0, 0, 1, 1, 2, 0, 3, 1);

  CHECK_EQ_INT(unpickle_op(h, lg, logic_s, 10, OP_FORMAT_0_7_1), 10);
  EXPECT_INPUTS(h, lg, 1, 0, 0, 1, 0);
  harness_in(h, lg, 0, 1); /* EDGE restored, last results start at 0: OR and XOR change */
  HARNESS_EXPECT(h, lg, 1, 1, 2, 1);

  CHECK_EQ_INT(unpickle_op(h, b, bits_s, 18, OP_FORMAT_0_8_1), 18);
  EXPECT_INPUTS(h, b, 165, 1, 0, 1, 0, 0, 1, 0, 1);
  harness_in(h, b, 4, 1);
  HARNESS_EXPECT(h, b, 0, 0xad);
  CHECK_EQ_INT(pickle_op(h, b, buf, sizeof buf, OP_FORMAT_0_7_1), 18);
  CHECK_EQ_INT(buf[0], 0xa5);
  CHECK_EQ_INT(buf[8], 1); /* I3 */

  /* ROUTE16 stores TO only; a TO out of range (only from a file) is kept and clamped on use */
  harness_in(h, r, 0, 4);
  harness_in(h, r, 1, 9);
  CHECK_EQ_INT(pickle_op(h, r, buf, sizeof buf, OP_FORMAT_0_7_1), 2);
  CHECK_EQ_INT(buf[0], 9);
  CHECK_EQ_INT(buf[1], 0);
  buf[0] = 40;
  CHECK_EQ_INT(unpickle_op(h, r, buf, 2, OP_FORMAT_0_8_1), 2);
  EXPECT_INPUTS(h, r, 4, 40);
  harness_clear_log(h);
  harness_in(h, r, 0, 6);
  HARNESS_EXPECT(h, r, 15, 6);
  buf[0] = 0xfb;
  buf[1] = 0xff;
  CHECK_EQ_INT(unpickle_op(h, r, buf, 2, OP_FORMAT_0_7_1), 2);
  harness_in(h, r, 0, 7);
  HARNESS_EXPECT(h, r, 0, 7);
  CHECK_EQ_INT(pickle_op(h, r, buf, sizeof buf, OP_FORMAT_0_8_1), 2);
  CHECK_EQ_INT(buf[0], 0xfb);
  CHECK_EQ_INT(unpickle_op(h, r, buf, 1, OP_FORMAT_0_8_1), -1);

  CHECK_EQ_INT(unpickle_op(h, l4, list4, 10, OP_FORMAT_0_7_1), 10);
  EXPECT_INPUTS(h, l4, 2, 10, 20, 30, 40);
  CHECK_EQ_INT(pickle_op(h, l4, buf, sizeof buf, OP_FORMAT_0_8_1), 10);
  CHECK(memcmp(buf, list4, 10) == 0);
  CHECK_EQ_INT(pickle_op(h, l4, buf, sizeof buf, OP_FORMAT_0_7_1), 10);
  CHECK(memcmp(buf, list4, 10) == 0);
  harness_in(h, l4, 0, 3);
  HARNESS_EXPECT(h, l4, 0, 40);
  harness_free(h);
}

/* Byte-exact 0.7.1 decodes: the op records of default.scn (ops 14-18) and stepwaves.scn (op
 * 21), class id included, then hand-built states with other values. */
static void test_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  /* default.scn: ops 14-16 at 0x108: LIST2 {INDEX 1, I0 0, I1 26632}, LIST2 {1, 0, 496},
   * ACCUM {VAL 16369, MIN 0, MAX 32767, WRAP 1}; ops 18-19 at 0x13a: two Y records */
  static const uint8_t scene[] = {
    0x17, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x08, 0x68,                         /* LIST2 */
    0x17, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xf0, 0x01,                         /* LIST2 */
    0x0b, 0x00, 0x00, 0x00, 0xf1, 0x3f, 0x00, 0x00, 0xff, 0x7f, 0x01, 0x00,             /* ACCUM */
    0x0c, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x00, 0x00,                                     /* Y, Y */
  };
  /* stepwaves.scn at 0x142: THRESH {IN 0, LIM 1} */
  static const uint8_t thresh_scene[] = {0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00};
  /* hand-built: THRESH {IN -300, LIM 1000}; ACCUM {VAL -5, MIN -10, MAX 10, WRAP 0};
   * LIST2 {INDEX 0, I0 -1, I1 32767} */
  static const uint8_t thresh_hand[4] = {0xd4, 0xfe, 0xe8, 0x03};
  static const uint8_t accum_hand[8] = {0xfb, 0xff, 0xf6, 0xff, 0x0a, 0x00, 0x00, 0x00};
  static const uint8_t list2_hand[6] = {0x00, 0x00, 0xff, 0xff, 0xff, 0x7f};
  uint32_t pos = 0, id;
  uint16_t ops[5];
  uint8_t out[16];
  int i;
  for (i = 0; i < 5; i++) {
    int32_t used;
    id = le_get_u32(scene + pos);
    pos += 4;
    ops[i] = harness_add(h, (op_id_t)id);
    used = unpickle_op(h, ops[i], scene + pos, (uint32_t)(sizeof scene - pos), OP_FORMAT_0_7_1);
    CHECK(used >= 0);
    /* re-pickling gives the same bytes */
    CHECK_EQ_INT(pickle_op(h, ops[i], out, sizeof out, OP_FORMAT_0_7_1), used);
    CHECK(memcmp(out, scene + pos, (size_t)used) == 0);
    pos += (uint32_t)used;
  }
  CHECK_EQ_INT(pos, sizeof scene);
  CHECK_EQ_STR(net_op_name(h->net, ops[0]), "LIST2");
  EXPECT_INPUTS(h, ops[0], 1, 0, 26632);
  EXPECT_INPUTS(h, ops[1], 1, 0, 496);
  CHECK_EQ_STR(net_op_name(h->net, ops[2]), "ACCUM");
  EXPECT_INPUTS(h, ops[2], 1, 16369, 0, 32767, 1); /* INC takes its default */
  CHECK_EQ_STR(net_op_name(h->net, ops[3]), "Y");
  EXPECT_INPUTS(h, ops[3], 0);
  EXPECT_INPUTS(h, ops[4], 0);
  CHECK_EQ_INT(net_in_count(h->net), 3 + 3 + 5 + 1 + 1);
  CHECK_EQ_INT(net_out_count(h->net), 1 + 1 + 2 + 2 + 2);
  /* the restored ops behave */
  harness_clear_log(h);
  harness_in(h, ops[0], 0, 1);
  HARNESS_EXPECT(h, ops[0], 0, 26632);
  harness_in(h, ops[2], 1, -5); /* range 32768: -5 wraps up to 32763 */
  HARNESS_EXPECT(h, ops[2], 0, 32763, 1, -32768);
  harness_in(h, ops[2], 0, 20000); /* INC saturates at MAX: no wrap */
  HARNESS_EXPECT(h, ops[2], 0, 32767);
  /* SPLIT decodes nothing, even from a non-empty buffer */
  CHECK_EQ_INT(unpickle_op(h, ops[3], thresh_hand, 4, OP_FORMAT_0_7_1), 0);
  CHECK_EQ_INT(unpickle_op(h, ops[3], thresh_hand, 0, OP_FORMAT_0_7_1), 0);
  EXPECT_INPUTS(h, ops[3], 0);

  {
    uint16_t t;
    id = le_get_u32(thresh_scene);
    CHECK_EQ_INT(id, OP_THRESH);
    t = harness_add(h, (op_id_t)id);
    harness_in(h, t, 0, 77);
    CHECK_EQ_INT(unpickle_op(h, t, thresh_scene + 4, 4, OP_FORMAT_0_7_1), 4);
    EXPECT_INPUTS(h, t, 0, 1);
    CHECK_EQ_INT(unpickle_op(h, t, thresh_hand, 4, OP_FORMAT_0_7_1), 4);
    EXPECT_INPUTS(h, t, -300, 1000);
    CHECK_EQ_INT(unpickle_op(h, t, thresh_hand, 3, OP_FORMAT_0_7_1), -1);
    harness_clear_log(h);
    harness_in(h, t, 1, 1000);
    HARNESS_EXPECT(h, t, 0, -300);
  }
  CHECK_EQ_INT(unpickle_op(h, ops[2], accum_hand, 8, OP_FORMAT_0_7_1), 8);
  EXPECT_INPUTS(h, ops[2], 20000, -5, -10, 10, 0); /* INC keeps its value: not in the file */
  CHECK_EQ_INT(unpickle_op(h, ops[2], accum_hand, 7, OP_FORMAT_0_7_1), -1);
  harness_clear_log(h);
  harness_in(h, ops[2], 0, 20); /* clamp mode: 15 -> 10, over by 5; INC stored */
  HARNESS_EXPECT(h, ops[2], 0, 10, 1, 5);
  CHECK_EQ_INT(unpickle_op(h, ops[0], list2_hand, 6, OP_FORMAT_0_7_1), 6);
  EXPECT_INPUTS(h, ops[0], 0, -1, 32767);
  CHECK_EQ_INT(unpickle_op(h, ops[0], list2_hand, 5, OP_FORMAT_0_7_1), -1);
  harness_in(h, ops[0], 0, 0);
  HARNESS_EXPECT(h, ops[0], 0, -1);
  harness_free(h);
}

int main(void) {
  RUN(test_names);
  RUN(test_defaults);
  RUN(test_gate);
  RUN(test_tog);
  RUN(test_accum_wrap);
  RUN(test_accum_ranges);
  RUN(test_accum_clamp);
  RUN(test_accum_degenerate);
  RUN(test_split);
  RUN(test_split_reentrant);
  RUN(test_thresh);
  RUN(test_bits);
  RUN(test_is);
  RUN(test_logic);
  RUN(test_logic_scene_values);
  RUN(test_lists);
  RUN(test_routes);
  RUN(test_pickle_roundtrips);
  RUN(test_pickle_layouts);
  RUN(test_decode_071);
  return check_summary("test_ops_logic");
}
