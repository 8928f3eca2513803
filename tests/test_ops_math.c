/* SPDX-License-Identifier: MIT */
/* test_ops_math.c: the arithmetic, memory, iteration and utility ops (FADE DIVR SHL SHR CHANGE
 * LINLIN MEM0D MEM1D MEM2D ITER MAGINC HARRY POLY HISTORY RANDOM PARAM): names, defaults,
 * scripted inputs with the outputs bees 0.8.1 produces, edge cases, propagation through the
 * net where an op depends on it, and pickling in both scene layouts. Expected values come from
 * bees' sources worked out by hand or by independent models written here (RANDOM's generator,
 * HARRY's diamonds from their ratios). */
#include "op_harness.h"
#include "scaler.h"

/* ---- scripted inputs ---- */

#define MAXF 10
typedef struct {
  uint8_t in;
  io_t v;
  uint8_t n;            /* fires expected from the op */
  int16_t f[MAXF][2];   /* (output, value) */
} step_t;

/* Runs each step on op `op` and checks the op fired exactly the listed (output, value) pairs;
 * fires of other ops are ignored. */
static void run_script_at(harness_t *h, uint16_t op, const step_t *s, uint32_t n, int line) {
  uint32_t i, j, k;
  for (i = 0; i < n; i++) {
    harness_clear_log(h);
    harness_in(h, op, s[i].in, s[i].v);
    for (j = 0, k = 0; j < h->n; j++) {
      if (h->log[j].op != op) continue;
      if (k < s[i].n && (h->log[j].out != s[i].f[k][0] || h->log[j].value != s[i].f[k][1])) {
        fprintf(stderr, "line %d step %u: fire %u is (%u, %d), expected (%d, %d)\n", line,
                (unsigned)i, (unsigned)k, h->log[j].out, h->log[j].value, s[i].f[k][0],
                s[i].f[k][1]);
        CHECK(0);
      }
      k++;
    }
    if (k != s[i].n) fprintf(stderr, "line %d step %u: %u fires\n", line, (unsigned)i, (unsigned)k);
    CHECK_EQ_INT(k, s[i].n);
  }
  harness_clear_log(h);
}
#define RUN_SCRIPT(h, op, s) run_script_at(h, op, s, sizeof(s) / sizeof(s[0]), __LINE__)

static void expect_inputs_at(harness_t *h, uint16_t op, const int *v, uint32_t n, int line) {
  uint32_t k;
  for (k = 0; k < n; k++) {
    if (harness_value(h, op, (uint8_t)k) != v[k])
      fprintf(stderr, "line %d: input %u is %d, expected %d\n", line, (unsigned)k,
              harness_value(h, op, (uint8_t)k), v[k]);
    CHECK_EQ_INT(harness_value(h, op, (uint8_t)k), v[k]);
  }
}
#define EXPECT_INPUTS(h, op, ...)                                                   \
  do {                                                                              \
    const int ei_[] = {__VA_ARGS__};                                                \
    expect_inputs_at(h, op, ei_, sizeof ei_ / sizeof ei_[0], __LINE__);             \
  } while (0)

static uint16_t in_of(harness_t *h, uint16_t op, uint8_t k) {
  return (uint16_t)(net_op_first_in(h->net, op) + k);
}
static uint16_t out_of(harness_t *h, uint16_t op, uint8_t k) {
  return (uint16_t)(net_op_first_out(h->net, op) + k);
}

/* ---- names, ids, defaults ---- */

typedef struct {
  op_id_t id;
  const char *name, *display;
  const char *ins[6];
  const char *outs[9];
  int defaults[6];
} class_spec_t;

static const class_spec_t specs[] = {
  {OP_FADE, "FADE", "FADE", {"A", "B", "X"}, {"VAL"}, {0, 0, 0}},
  {OP_DIVR, "DIVR", "DIVr", {"A", "B", "TRIG"}, {"VAL", "R"}, {1, 1, 0}},
  {OP_SHL, "SHL", "SHL", {"A", "B", "TRIG"}, {"VAL"}, {0, 1, 0}},
  {OP_SHR, "SHR", "SHR", {"A", "B", "TRIG"}, {"VAL"}, {0, 1, 0}},
  {OP_CHANGE, "CHANGE", "CHANGE", {"VAL", "LAST"}, {"VAL"}, {0, 0}},
  {OP_LINLIN, "LINLIN", "LL", {"IN", "IMIN", "IMAX", "OMIN", "OMAX"}, {"VAL"}, {0, 0, 1, 0, 1}},
  {OP_MEM0D, "MEM0D", "MEM0D", {"WRITE", "READ", "TOG"}, {"VAL"}, {0, 0, 0}},
  {OP_MEM1D, "MEM1D", "MEM1D", {"N", "WRITE", "READ", "TOG"}, {"N", "VAL"}, {0, 0, 0, 0}},
  {OP_MEM2D, "MEM2D", "MEM2D", {"X", "Y", "WRITE", "READ", "TOG"}, {"X", "Y", "VAL"},
   {0, 0, 0, 0, 0}},
  {OP_ITER, "ITER", "ITER", {"TIMES", "VAL", "STOP"}, {"IDX", "VAL", "DONE"}, {0, 0, 0}},
  {OP_MAGINC, "MAGINC", "MAGINC", {"INC"}, {"VAL"}, {0}},
  {OP_HARRY, "HARRY", "HARRY", {"X", "Y", "BONK", "SIZE"}, {"HZ"}, {0, 1, 0, 8}},
  {OP_POLY, "POLY", "POLY", {"PITCH", "AMP", "OFF", "MONO"}, {"IDX", "PITCH", "AMP"},
   {0, 0, 0, 0}},
  {OP_HISTORY, "HISTORY", "HIST", {"IN"},
   {"AVG", "O0", "O1", "O2", "O3", "O4", "O5", "O6", "O7"}, {0}},
  {OP_RANDOM, "RANDOM", "RAND", {"MIN", "MAX", "TRIG", "SEED"}, {"VAL"}, {0, 1, 0, 111}},
  {OP_PARAM, "PARAM", "PARAM", {"IDX"}, {"VAL"}, {0}},
};
#define NSPECS (sizeof specs / sizeof specs[0])

static void test_names_and_defaults(void) {
  harness_t *h = harness_new(0, 0);
  uint32_t i, k;
  for (i = 0; i < NSPECS; i++) {
    const op_class_t *c = op_class_by_id(specs[i].id);
    uint16_t op;
    CHECK(c != 0);
    if (!c) continue;
    CHECK_EQ_STR(c->name, specs[i].name);
    CHECK_EQ_STR(c->display, specs[i].display);
    CHECK(op_class_by_name(specs[i].display) == c);
    CHECK_EQ_INT(c->flags, 0);
    for (k = 0; k < c->num_ins; k++) CHECK_EQ_STR(c->in_names[k], specs[i].ins[k]);
    CHECK(k == 6 || specs[i].ins[k] == 0);
    for (k = 0; k < c->num_outs; k++) CHECK_EQ_STR(c->out_names[k], specs[i].outs[k]);
    CHECK(k == 9 || specs[i].outs[k] == 0);
    op = harness_add(h, specs[i].id);
    expect_inputs_at(h, op, specs[i].defaults, c->num_ins, (int)i);
    for (k = 0; k < c->num_outs; k++) CHECK_EQ_INT(net_target(h->net, out_of(h, op, (uint8_t)k)), -1);
    CHECK(op_user_class_count() > 0);
  }
  harness_free(h);
}

/* ---- FADE ---- */

static void test_fade(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_FADE);
  static const step_t s[] = {
    {0, 1000, 1, {{0, 1000}}},     /* X 0: all A */
    {1, -1000, 1, {{0, 1000}}},    /* B fires too */
    {2, 64, 1, {{0, 0}}},          /* 500 + -500 */
    {2, 200, 1, {{0, -1000}}},     /* X clamped to 128: all B */
    {2, -5, 1, {{0, 1000}}},       /* X clamped to 0 */
    {1, 0, 1, {{0, 1000}}},
    {0, 3, 1, {{0, 3}}},
    {2, 64, 1, {{0, 1}}},          /* 192/128 truncates to 1 */
    {0, -3, 1, {{0, -1}}},         /* -192/128 truncates toward zero */
    {1, 5, 1, {{0, 1}}},           /* -1 + 320/128 = -1 + 2 */
    {2, 1, 1, {{0, -2}}},          /* -381/128 = -2, 5/128 = 0 */
    {0, 32767, 1, {{0, 32511}}},   /* 32767*127/128 = 32511.0, + 5/128 = 0 */
    {1, 32767, 1, {{0, 32766}}},   /* 32511 + 255 */
    {2, 64, 1, {{0, 32766}}},      /* 16383 + 16383 */
    {2, 128, 1, {{0, 32767}}},
    {0, -32768, 1, {{0, 32767}}},  /* X 128 ignores A */
    {1, -32768, 1, {{0, -32768}}},
    {2, 1, 1, {{0, -32768}}},      /* -32512 + -256 */
    {1, -5, 1, {{0, -32512}}},     /* -5/128 truncates to 0, not -1 */
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, -32768, -5, 1);
  /* X from a scene is not clamped: 100 * (128 - 1000) / 128 */
  {
    const uint8_t st[6] = {100, 0, 0, 0, 0xE8, 0x03};
    const uint8_t st2[6] = {0xFF, 0x7F, 0, 0, 0x18, 0xFC}; /* A 32767, X -1000: sum wraps */
    op_t *o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, st, 6, OP_FORMAT_0_8_1), 6);
    EXPECT_INPUTS(h, op, 100, 0, 1000);
    harness_in(h, op, 1, 0);
    CHECK_EQ_INT(h->n, 1);
    CHECK_EQ_INT(h->log[0].value, -681);
    harness_clear_log(h);
    CHECK_EQ_INT(op_unpickle(o, st2, 6, OP_FORMAT_0_7_1), 6);
    harness_in(h, op, 1, 0);
    CHECK_EQ_INT(h->log[0].value, 26615); /* 288759 stored to 16 bits */
    harness_clear_log(h);
  }
  harness_free(h);
}

/* ---- DIVR ---- */

static void test_divr(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_DIVR);
  static const step_t s[] = {
    {0, 7, 2, {{0, 7}, {1, 0}}},
    {1, 2, 0, {{0}}},               /* TRIG off */
    {0, 7, 2, {{0, 3}, {1, 1}}},
    {0, -7, 2, {{0, -3}, {1, -1}}}, /* truncation, remainder takes A's sign */
    {1, -2, 0, {{0}}},
    {0, 7, 2, {{0, -3}, {1, 1}}},
    {1, 0, 0, {{0}}},               /* B 0 stored as 1 */
    {0, -9, 2, {{0, -9}, {1, 0}}},
    {2, 5, 0, {{0}}},               /* TRIG stored as 1 */
    {1, 4, 2, {{0, -2}, {1, -1}}},
    {1, 0, 2, {{0, -9}, {1, 0}}},   /* B 0 -> 1, fires with TRIG */
    {0, -32768, 2, {{0, -32768}, {1, 0}}},
    {1, -1, 2, {{0, -32768}, {1, 0}}}, /* 32768 wraps to -32768 */
    {1, 32767, 2, {{0, -1}, {1, -1}}},
    {2, -1, 0, {{0}}},
    {1, 3, 0, {{0}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, -32768, 3, 0);
  harness_in(h, op, 1, 0);
  EXPECT_INPUTS(h, op, -32768, 1, 0);
  /* R is read after VAL has propagated: VAL -> ADD.A, ADD.SUM -> DIVR.B (TRIG off) changes B
   * before R fires, as in bees */
  {
    uint16_t d = harness_add(h, OP_DIVR), add = harness_add(h, OP_ADD);
    CHECK_EQ_INT(net_connect(h->net, out_of(h, d, 0), in_of(h, add, 0)), NET_OK);
    CHECK_EQ_INT(net_connect(h->net, out_of(h, add, 0), in_of(h, d, 1)), NET_OK);
    harness_in(h, add, 1, 2);
    harness_in(h, d, 1, 2);
    {
      static const step_t s2[] = {{0, 7, 2, {{0, 3}, {1, 2}}}}; /* R = 7 % (3 + 2) */
      RUN_SCRIPT(h, d, s2);
    }
    EXPECT_INPUTS(h, d, 7, 5, 0);
  }
  /* a B of 0 from a scene divides by 1 */
  {
    const uint8_t st[6] = {9, 0, 0, 0, 1, 0};
    op_t *o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, st, 6, OP_FORMAT_0_7_1), 6);
    EXPECT_INPUTS(h, op, 9, 0, 1);
    harness_in(h, op, 0, 9);
    CHECK_EQ_INT(h->n, 2);
    CHECK_EQ_INT(h->log[0].value, 9);
    CHECK_EQ_INT(h->log[1].value, 0);
    harness_clear_log(h);
  }
  harness_free(h);
}

/* ---- SHL / SHR ---- */

typedef struct {
  io_t a, b, r;
} shift_case_t;

static void check_shifts(op_id_t id, const shift_case_t *c, uint32_t n) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, id);
  uint32_t i;
  for (i = 0; i < n; i++) {
    harness_in(h, op, 1, c[i].b);
    CHECK_EQ_INT(h->n, 0); /* TRIG off: B does not fire */
    harness_in(h, op, 0, c[i].a);
    CHECK_EQ_INT(h->n, 1);
    if (h->log[0].value != c[i].r)
      fprintf(stderr, "%s %d by %d: %d, expected %d\n", op_class_by_id(id)->name, c[i].a, c[i].b,
              h->log[0].value, c[i].r);
    CHECK_EQ_INT(h->log[0].value, c[i].r);
    harness_clear_log(h);
  }
  /* with TRIG, B fires */
  harness_in(h, op, 2, 3);
  CHECK_EQ_INT(harness_value(h, op, 2), 1);
  harness_in(h, op, 0, c[0].a);
  harness_clear_log(h);
  harness_in(h, op, 1, c[0].b);
  CHECK_EQ_INT(h->n, 1);
  CHECK_EQ_INT(h->log[0].value, c[0].r);
  harness_in(h, op, 2, 0);
  CHECK_EQ_INT(harness_value(h, op, 2), 0);
  harness_free(h);
}

static void test_shl_shr(void) {
  /* AVR32: register shifts use the low 5 bits of the amount; results stored to 16 bits */
  static const shift_case_t shl[] = {
    {1, 1, 2},       {1, 15, -32768}, {1, 16, 0},      {3, 15, -32768}, {-1, 4, -16},
    {16384, 1, -32768}, {16384, 2, 0}, {5, 0, 5},       {5, 31, 0},      {5, 32, 5},
    {5, 33, 10},     {5, -1, 0},      {5, -31, 10},    {5, -32, 5},     {1, -17, -32768},
    {-32768, 1, 0},  {255, 8, -256},  {-32768, 0, -32768}, {7, 32767, 0}, {7, -32768, 7},
  };
  static const shift_case_t shr[] = {
    {16, 2, 4},        {-16, 2, -4},      {-1, 1, -1},      {-3, 1, -2},     {32767, 15, 0},
    {-32768, 15, -1},  {-32768, 16, -1},  {100, 16, 0},     {100, 31, 0},    {-100, 31, -1},
    {100, 32, 100},    {100, 33, 50},     {100, -1, 0},     {-100, -1, -1},  {100, -31, 50},
    {100, -32, 100},   {-32768, 0, -32768}, {-32768, 14, -2}, {7, 32767, 0},  {7, -32768, 7},
  };
  check_shifts(OP_SHL, shl, sizeof shl / sizeof shl[0]);
  check_shifts(OP_SHR, shr, sizeof shr / sizeof shr[0]);
}

/* ---- CHANGE ---- */

static void test_change(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_CHANGE);
  static const step_t s[] = {
    {0, 0, 0, {{0}}},          /* equal to LAST 0 */
    {0, 5, 1, {{0, 5}}},
    {0, 5, 0, {{0}}},
    {1, 0, 0, {{0}}},          /* LAST stores silently */
    {0, 5, 1, {{0, 5}}},
    {0, -1, 1, {{0, -1}}},
    {1, -1, 0, {{0}}},
    {0, -1, 0, {{0}}},
    {0, -32768, 1, {{0, -32768}}},
    {1, 7, 0, {{0}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, -32768, 7);
  harness_free(h);
}

/* ---- LINLIN ---- */

static void test_linlin(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_LINLIN);
  static const step_t ident[] = {
    {0, 5, 1, {{0, 5}}}, {0, -32768, 1, {{0, -32768}}}, {0, 32767, 1, {{0, 32767}}},
  };
  static const step_t s[] = {
    {2, 100, 0, {{0}}}, {4, 1000, 0, {{0}}},   /* bounds never fire */
    {0, 50, 1, {{0, 500}}},  {0, 100, 1, {{0, 1000}}}, {0, 33, 1, {{0, 330}}},
    {0, -7, 1, {{0, -70}}},
    {0, -32768, 1, {{0, 0}}},   /* 327680 * -32768 wraps to -2^31; >> 15 = -65536 -> 0 */
    {3, 1000, 0, {{0}}}, {4, 0, 0, {{0}}},     /* reversed output range: scale -327679 */
    {0, 50, 1, {{0, 500}}}, {0, 1, 1, {{0, 990}}}, {0, 100, 1, {{0, 0}}},
  };
  static const step_t div0[] = {
    {4, 1000, 0, {{0}}}, {1, 5, 0, {{0}}}, {2, 5, 0, {{0}}},  /* IMAX == IMIN: scale 1000<<15 */
    {0, 7, 1, {{0, 2000}}}, {0, 4, 1, {{0, -1000}}},
  };
  static const step_t wrap[] = {
    {4, 32767, 0, {{0}}},        /* scale 32767 << 15 */
    {0, 100, 1, {{0, -100}}},    /* product wraps at 32 bits */
    {0, -3, 1, {{0, -32765}}}, {0, 2, 1, {{0, -2}}},
    {4, 2, 0, {{0}}},            /* scale 2 << 15 */
    {0, 20000, 1, {{0, -25536}}},/* 40000 stored to 16 bits */
  };
  static const step_t full[] = {
    {1, -32768, 0, {{0}}}, {2, 32767, 0, {{0}}}, {3, -32768, 0, {{0}}}, {4, 32767, 0, {{0}}},
    {0, 32767, 1, {{0, 32767}}}, {0, -32768, 1, {{0, -32768}}}, {0, 0, 1, {{0, 0}}},
  };
  static const step_t odd[] = { /* scale (-32768 + 1) / 3 = -10922: arithmetic shift floors */
    {2, 3, 0, {{0}}}, {4, -1, 0, {{0}}},
    {0, 1, 1, {{0, -1}}}, {0, 2, 1, {{0, -1}}}, {0, 3, 1, {{0, -1}}}, {0, 0, 1, {{0, 0}}},
  };
  static const step_t negdiv[] = { /* IMAX -3: div -3, half rounds down to -2; scale -109226 */
    {2, -3, 0, {{0}}}, {4, 10, 0, {{0}}},
    {0, -1, 1, {{0, 3}}}, {0, -3, 1, {{0, 9}}}, {0, 3, 1, {{0, -10}}},
  };
  RUN_SCRIPT(h, op, ident);
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, 100, 0, 100, 1000, 0);
  op = harness_add(h, OP_LINLIN);
  RUN_SCRIPT(h, op, div0);
  op = harness_add(h, OP_LINLIN);
  RUN_SCRIPT(h, op, wrap);
  op = harness_add(h, OP_LINLIN);
  RUN_SCRIPT(h, op, full);
  op = harness_add(h, OP_LINLIN);
  RUN_SCRIPT(h, op, odd);
  op = harness_add(h, OP_LINLIN);
  RUN_SCRIPT(h, op, negdiv);
  /* a loaded LINLIN maps with its loaded bounds (scale recomputed) */
  {
    const uint8_t st[10] = {0, 0, 0, 0, 100, 0, 0, 0, 0xE8, 0x03}; /* IN 0, 0..100 -> 0..1000 */
    static const step_t after[] = {{0, 50, 1, {{0, 500}}}};
    op_t *o;
    op = harness_add(h, OP_LINLIN);
    o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, st, 10, OP_FORMAT_0_8_1), 10);
    RUN_SCRIPT(h, op, after);
  }
  harness_free(h);
}

/* ---- MEM0D / MEM1D / MEM2D ---- */

static void test_mem0d(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_MEM0D);
  static const step_t s[] = {
    {1, 0, 1, {{0, 0}}},
    {0, 5, 0, {{0}}},
    {1, 9, 1, {{0, 5}}},       /* READ fires WRITE's value; READ not stored */
    {2, 1, 0, {{0}}},          /* not 5 = 0 */
    {1, 0, 1, {{0, 0}}},
    {2, 3, 0, {{0}}},          /* not 0 = 1 */
    {1, 0, 1, {{0, 1}}},
    {2, -1, 0, {{0}}},         /* TOG 0: value kept */
    {1, 0, 1, {{0, 1}}},
    {0, -32768, 0, {{0}}},
    {1, 0, 1, {{0, -32768}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, -32768, 0, 0);
  harness_in(h, op, 2, 1);
  EXPECT_INPUTS(h, op, 0, 0, 1);
  harness_free(h);
}

static void test_mem1d(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_MEM1D);
  static const step_t s[] = {
    {2, 0, 2, {{0, 0}, {1, 0}}},
    {0, 3, 0, {{0}}},
    {1, 42, 0, {{0}}},
    {2, 7, 2, {{0, 3}, {1, 42}}},
    {0, 20, 0, {{0}}},                 /* N clamped to 15 */
    {2, 0, 2, {{0, 15}, {1, 0}}},
    {1, -9, 0, {{0}}},
    {0, -4, 0, {{0}}},                 /* N clamped to 0 */
    {3, 1, 0, {{0}}},                  /* cell 0: not 0 = 1 */
    {2, 0, 2, {{0, 0}, {1, 1}}},
    {3, 2, 0, {{0}}},
    {2, 0, 2, {{0, 0}, {1, 0}}},
    {0, 3, 0, {{0}}},
    {3, 1, 0, {{0}}},                  /* not 42 = 0 */
    {2, 0, 2, {{0, 3}, {1, 0}}},
    {0, 15, 0, {{0}}},
    {2, 0, 2, {{0, 15}, {1, -9}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, 15, 1, 0, 1);   /* TOG > 0 also set WRITE to 1 */
  harness_in(h, op, 3, 0);
  EXPECT_INPUTS(h, op, 15, 0, 0, 0);
  /* pickle: N WRITE READ TOG, then cells 0..15 */
  {
    uint8_t b[64];
    op_t *o = net_op(h->net, op);
    CHECK_EQ_INT(op_pickle(o, b, sizeof b, OP_FORMAT_0_8_1), 40);
    CHECK_EQ_INT(b[0], 15);
    CHECK_EQ_INT(b[8 + 2 * 3], 0);
    CHECK_EQ_INT(b[8 + 2 * 15], 0xF7); /* -9 */
    CHECK_EQ_INT(b[9 + 2 * 15], 0xFF);
    /* an N outside 0..15 from a scene is clamped */
    b[0] = 0x40, b[1] = 0;
    b[8] = 0x34, b[9] = 0x12;
    CHECK_EQ_INT(op_unpickle(o, b, 40, OP_FORMAT_0_7_1), 40);
    CHECK_EQ_INT(harness_value(h, op, 0), 15);
    harness_in(h, op, 0, 0);
    harness_in(h, op, 2, 0);
    CHECK_EQ_INT(h->n, 2);
    CHECK_EQ_INT(h->log[1].value, 0x1234);
    harness_clear_log(h);
  }
  harness_free(h);
}

static void test_mem2d(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_MEM2D);
  static const step_t s[] = {
    {3, 0, 3, {{0, 0}, {1, 0}, {2, 0}}},
    {0, 1, 0, {{0}}},
    {1, 2, 0, {{0}}},
    {2, 0x1234, 0, {{0}}},
    {3, 0, 3, {{0, 1}, {1, 2}, {2, 0x1234}}},
    {0, 2, 0, {{0}}},
    {1, 1, 0, {{0}}},
    {3, 0, 3, {{0, 2}, {1, 1}, {2, 0}}},  /* (2,1) is not (1,2) */
    {0, 99, 0, {{0}}},
    {1, -99, 0, {{0}}},
    {4, 1, 0, {{0}}},                     /* cell (15,0) toggled to 1 */
    {3, 5, 3, {{0, 15}, {1, 0}, {2, 1}}},
    {4, 1, 0, {{0}}},                     /* back to 0 */
    {3, 0, 3, {{0, 15}, {1, 0}, {2, 0}}},
    {4, 1, 0, {{0}}},
    {4, 0, 0, {{0}}},
    {1, 15, 0, {{0}}},
    {2, -7, 0, {{0}}},
    {3, 0, 3, {{0, 15}, {1, 15}, {2, -7}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, 15, 15, -7, 0, 0);
  {
    static uint8_t b[600];
    op_t *o = net_op(h->net, op);
    CHECK_EQ_INT(op_pickle(o, b, sizeof b, OP_FORMAT_0_8_1), 522);
    CHECK_EQ_INT(b[0], 15);
    CHECK_EQ_INT(b[4], 0xF9); /* WRITE -7 */
    /* cells x-major: (x, y) at 10 + 2 * (16 x + y) */
    CHECK_EQ_INT(b[10 + 2 * (16 * 1 + 2)], 0x34);
    CHECK_EQ_INT(b[11 + 2 * (16 * 1 + 2)], 0x12);
    CHECK_EQ_INT(b[10 + 2 * (16 * 15 + 0)], 1);
    CHECK_EQ_INT(b[10 + 2 * (16 * 15 + 15)], 0xF9);
    CHECK_EQ_INT(b[10 + 2 * (16 * 2 + 1)], 0);
    /* out-of-range X / Y from a scene are clamped */
    b[0] = 0xFF, b[1] = 0xFF; /* X -1 */
    b[2] = 0x10, b[3] = 0x00; /* Y 16 */
    CHECK_EQ_INT(op_unpickle(o, b, 522, OP_FORMAT_0_8_1), 522);
    EXPECT_INPUTS(h, op, 0, 15, -7, 0, 0);
  }
  harness_free(h);
}

/* ---- ITER ---- */

static uint32_t count_fires;
static int32_t last_idx_at_256;
static void counting_watch(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx,
                           io_t value) {
  (void)ctx, (void)op;
  if (kind != NET_EV_OUTPUT) return;
  if (idx == 0 && count_fires == 2u * 256u) last_idx_at_256 = value;
  count_fires++;
}

static void test_iter(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_ITER), shr, chg;
  static const step_t s[] = {
    {1, 5, 1, {{2, 1}}},             /* TIMES 0: only DONE */
    {0, 3, 0, {{0}}},
    {1, -4, 7, {{0, 0}, {1, -4}, {0, 1}, {1, -4}, {0, 2}, {1, -4}, {2, 1}}},
    {0, 17, 0, {{0}}},               /* ignored */
    {0, -1, 0, {{0}}},               /* ignored */
    {2, 0, 0, {{0}}},                /* STOP stores 1 whatever the value */
    {1, 9, 7, {{0, 0}, {1, 9}, {0, 1}, {1, 9}, {0, 2}, {1, 9}, {2, 1}}}, /* VAL clears STOP */
    {0, 0, 0, {{0}}},
    {1, 1, 1, {{2, 1}}},
  };
  RUN_SCRIPT(h, op, s);
  harness_in(h, op, 2, -5);
  EXPECT_INPUTS(h, op, 0, 1, 1);
  harness_in(h, op, 0, 16);
  harness_clear_log(h);
  harness_in(h, op, 1, 2);
  CHECK_EQ_INT(h->n, 33);
  CHECK_EQ_INT(h->log[30].value, 15);
  CHECK_EQ_INT(h->log[32].out, 2);
  harness_clear_log(h);

  /* STOP from downstream: IDX -> SHR (>> 1) -> CHANGE -> ITER.STOP; CHANGE first fires when
   * IDX reaches 2 */
  shr = harness_add(h, OP_SHR);
  chg = harness_add(h, OP_CHANGE);
  CHECK_EQ_INT(net_connect(h->net, out_of(h, op, 0), in_of(h, shr, 0)), NET_OK);
  CHECK_EQ_INT(net_connect(h->net, out_of(h, shr, 0), in_of(h, chg, 0)), NET_OK);
  CHECK_EQ_INT(net_connect(h->net, out_of(h, chg, 0), in_of(h, op, 2)), NET_OK);
  {
    static const step_t stop5[] = {
      {0, 5, 0, {{0}}},
      /* iteration 2 still fires VAL; iteration 3 sees STOP: no DONE */
      {1, 7, 6, {{0, 0}, {1, 7}, {0, 1}, {1, 7}, {0, 2}, {1, 7}}},
    };
    static const step_t stop3[] = {
      {0, 3, 0, {{0}}},
      /* STOP raised in the last iteration: the loop ends normally and DONE fires */
      {1, 7, 7, {{0, 0}, {1, 7}, {0, 1}, {1, 7}, {0, 2}, {1, 7}, {2, 1}}},
    };
    static const step_t nostop[] = {
      {0, 2, 0, {{0}}},
      {1, -3, 5, {{0, 0}, {1, -3}, {0, 1}, {1, -3}, {2, 1}}},
    };
    RUN_SCRIPT(h, op, stop5);
    CHECK_EQ_INT(harness_value(h, op, 2), 1);
    harness_in(h, chg, 1, 0); /* CHANGE.LAST back to 0 */
    RUN_SCRIPT(h, op, stop3);
    CHECK_EQ_INT(harness_value(h, op, 2), 1);
    harness_in(h, chg, 1, 0);
    RUN_SCRIPT(h, op, nostop);
    CHECK_EQ_INT(harness_value(h, op, 2), 0);
  }
  /* re-entrant VAL: DONE -> ITER.VAL would recurse; the net's depth limit bounds it */
  {
    uint16_t it2 = harness_add(h, OP_ITER), add = harness_add(h, OP_ADD);
    net_stats_t st;
    CHECK_EQ_INT(net_connect(h->net, out_of(h, it2, 2), in_of(h, add, 0)), NET_OK);
    CHECK_EQ_INT(net_connect(h->net, out_of(h, add, 0), in_of(h, it2, 1)), NET_OK);
    harness_in(h, add, 1, 1);
    harness_in(h, it2, 0, 1);
    harness_clear_log(h);
    harness_in(h, it2, 1, 0);
    net_get_stats(h->net, &st);
    CHECK(st.feedback_cuts >= 1);
    CHECK_EQ_INT(net_check(h->net), NET_OK);
    harness_clear_log(h);
  }
  /* TIMES above 16 can only come from a scene; above 255 bees' 8-bit counter never ends: we run
   * TIMES iterations with IDX counting modulo 256 */
  {
    const uint8_t st[6] = {0x2C, 0x01, 4, 0, 0, 0}; /* TIMES 300, VAL 4 */
    uint16_t it3 = harness_add(h, OP_ITER);
    op_t *o = net_op(h->net, it3);
    CHECK_EQ_INT(op_unpickle(o, st, 6, OP_FORMAT_0_8_1), 6);
    EXPECT_INPUTS(h, it3, 300, 4, 0);
    count_fires = 0;
    last_idx_at_256 = -1;
    net_set_watch(h->net, counting_watch, 0);
    harness_in(h, it3, 1, 4);
    net_set_watch(h->net, harness_watch, h);
    CHECK_EQ_INT(count_fires, 601);
    CHECK_EQ_INT(last_idx_at_256, 0);
  }
  harness_free(h);
}

/* ---- MAGINC ---- */

static void test_maginc(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t mag = harness_add(h, OP_MAGINC), add = harness_add(h, OP_ADD);
  net_param_t p = {"cutoff", 1, 0, 0, 0, 100, 16};
  uint16_t pidx;
  static const step_t unconnected[] = {{0, 3, 0, {{0}}}};
  static const step_t to_b[] = {
    {0, 5, 1, {{0, 15}}},
    {0, 5, 1, {{0, 20}}},           /* it reads the value it just set */
    {0, 32767, 1, {{0, 32767}}},    /* saturates */
    {0, -32768, 1, {{0, -1}}},
    {0, -32768, 1, {{0, -32768}}},
    {0, -1, 1, {{0, -32768}}},
  };
  RUN_SCRIPT(h, mag, unconnected);
  CHECK_EQ_INT(harness_value(h, mag, 0), 3);
  CHECK_EQ_INT(net_connect(h->net, out_of(h, mag, 0), in_of(h, add, 1)), NET_OK);
  harness_in(h, add, 1, 10);
  RUN_SCRIPT(h, mag, to_b);
  CHECK_EQ_INT(harness_value(h, add, 1), -32768);
  CHECK_EQ_INT(harness_value(h, mag, 0), -1);
  /* to A: ADD fires too (ignored by the script) */
  CHECK_EQ_INT(net_connect(h->net, out_of(h, mag, 0), in_of(h, add, 0)), NET_OK);
  harness_in(h, add, 0, 40);
  {
    static const step_t to_a[] = {{0, 2, 1, {{0, 42}}}};
    RUN_SCRIPT(h, mag, to_a);
  }
  /* to a DSP parameter */
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  pidx = net_in_count(h->net);
  CHECK_EQ_INT(net_set_param(h->net, 0, 100), NET_OK);
  CHECK_EQ_INT(net_connect(h->net, out_of(h, mag, 0), pidx), NET_OK);
  {
    static const step_t to_p[] = {{0, -30, 1, {{0, 70}}}, {0, 32000, 1, {{0, 32070}}}};
    RUN_SCRIPT(h, mag, to_p);
  }
  CHECK_EQ_INT(net_param(h->net, 0)->value, 32070);
  CHECK_EQ_INT(net_disconnect(h->net, out_of(h, mag, 0)), NET_OK);
  RUN_SCRIPT(h, mag, unconnected);
  harness_free(h);
}

/* ---- HARRY ---- */

/* log2 of r in [1, 2) by repeated squaring, no libm */
static double log2_1_2(double r) {
  double y = 0, bit = 0.5;
  int k;
  for (k = 0; k < 52; k++) {
    r *= r;
    if (r >= 2) {
      r /= 2;
      y += bit;
    }
    bit /= 2;
  }
  return y;
}
static double octave_reduce(double r) {
  while (r >= 2) r /= 2;
  while (r < 1) r *= 2;
  return r;
}
/* entry (x, y) of diamond n: odd identities 1..2n-1 ordered by their octave-reduced value;
 * identity[x] / identity[y], octave-reduced, in 1/256 semitones, rounded */
static int diamond_entry(int n, int x, int y) {
  int ids[8], i, j, t;
  for (i = 0; i < n; i++) ids[i] = 2 * i + 1;
  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++)
      if (octave_reduce(ids[j]) < octave_reduce(ids[i])) t = ids[i], ids[i] = ids[j], ids[j] = t;
  return (int)(3072.0 * log2_1_2(octave_reduce((double)ids[x] / ids[y])) + 0.5);
}

static void test_harry(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_HARRY);
  int n, x, y;
  static const step_t s[] = {
    {2, 0, 1, {{0, 2550}}},        /* defaults: size 8, (0, 1): 16/9 */
    {0, 7, 0, {{0}}}, {1, 7, 0, {{0}}},
    {2, 99, 1, {{0, 0}}},          /* (7, 7) diagonal: unison */
    {1, 0, 0, {{0}}},
    {2, 0, 1, {{0, 2786}}},        /* 15/8 */
    {0, 8, 0, {{0}}},              /* X stored unclamped */
    {2, 0, 1, {{0, 0}}},           /* out of range: 0 */
    {0, -1, 0, {{0}}},
    {2, 0, 1, {{0, 0}}},
    {3, 3, 0, {{0}}},              /* SIZE 3 clamps X -1 -> 0, Y 0 stays */
    {1, 2, 0, {{0}}},
    {2, 0, 1, {{0, 1275}}},        /* 5-limit (0, 2): 4/3 */
    {0, 5, 0, {{0}}},
    {2, 0, 1, {{0, 0}}},           /* X 5 >= 3 */
    {3, 0, 0, {{0}}},              /* SIZE 1: X 5 -> 0, Y 2 -> 0 */
    {2, 0, 1, {{0, 0}}},
    {3, 50, 0, {{0}}},             /* SIZE 8 */
    {1, 3, 0, {{0}}},
    {2, 0, 1, {{0, 1661}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, 0, 3, 0, 8);
  /* every entry of every diamond against the ratios */
  for (n = 1; n <= 8; n++) {
    harness_in(h, op, 3, (io_t)n);
    for (y = 0; y < n; y++)
      for (x = 0; x < n; x++) {
        harness_in(h, op, 0, (io_t)x);
        harness_in(h, op, 1, (io_t)y);
        harness_clear_log(h);
        harness_in(h, op, 2, 1);
        CHECK_EQ_INT(h->n, 1);
        if (h->log[0].value != diamond_entry(n, x, y))
          fprintf(stderr, "harry size %d (%d,%d): %d, expected %d\n", n, x, y, h->log[0].value,
                  diamond_entry(n, x, y));
        CHECK_EQ_INT(h->log[0].value, diamond_entry(n, x, y));
      }
  }
  harness_clear_log(h);
  /* a SIZE outside 1..8 from a scene is clamped */
  {
    const uint8_t st[6] = {1, 0, 0, 0, 0, 0}; /* X 1, Y 0, SIZE 0 */
    op_t *o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, st, 6, OP_FORMAT_0_8_1), 6);
    EXPECT_INPUTS(h, op, 1, 0, 0, 1);
    harness_in(h, op, 2, 0);
    CHECK_EQ_INT(h->log[0].value, 0);
    harness_clear_log(h);
  }
  harness_free(h);
}

/* ---- POLY ---- */

static void test_poly(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_POLY);
  static const step_t s[] = {
    {0, 60, 0, {{0}}},
    {1, 100, 3, {{0, 0}, {1, 60}, {2, 100}}},
    {0, 64, 0, {{0}}},
    {1, 90, 3, {{0, 1}, {1, 64}, {2, 90}}},
    {0, 60, 0, {{0}}},
    {1, 0, 2, {{0, 0}, {2, 0}}},          /* release voice 0 */
    {0, 67, 0, {{0}}},
    {1, 80, 3, {{0, 0}, {1, 67}, {2, 80}}}, /* last freed is first taken */
    {0, 70, 0, {{0}}}, {1, 1, 3, {{0, 2}, {1, 70}, {2, 1}}},
    {0, 72, 0, {{0}}}, {1, 1, 3, {{0, 3}, {1, 72}, {2, 1}}},
    {0, 74, 0, {{0}}}, {1, 1, 0, {{0}}},  /* all taken: nothing */
    {1, 0, 0, {{0}}},                     /* 74 is not held */
    {0, 64, 0, {{0}}}, {1, -5, 2, {{0, 1}, {2, 0}}},
    {1, -5, 0, {{0}}},                    /* already released */
    {2, 9, 8, {{0, 0}, {2, 0}, {0, 1}, {2, 0}, {0, 2}, {2, 0}, {0, 3}, {2, 0}}},
    {0, 50, 0, {{0}}}, {1, 7, 3, {{0, 0}, {1, 50}, {2, 7}}}, /* fresh after OFF */
    {1, 8, 3, {{0, 1}, {1, 50}, {2, 8}}}, /* same pitch twice */
    {1, 0, 2, {{0, 1}, {2, 0}}},          /* the most recent one goes first */
    {1, 0, 2, {{0, 0}, {2, 0}}},
    {1, 0, 0, {{0}}},
  };
  static const step_t mono[] = {
    {3, 5, 0, {{0}}},
    {0, 60, 0, {{0}}}, {1, 100, 2, {{1, 60}, {2, 100}}},     /* no IDX in mono */
    {0, 64, 0, {{0}}}, {1, 90, 2, {{1, 64}, {2, 90}}},
    {1, 0, 1, {{1, 60}}},                                    /* back to the held 60 */
    {0, 60, 0, {{0}}}, {1, 0, 1, {{2, 0}}},                  /* none left */
    {1, 1, 2, {{1, 60}, {2, 1}}}, {0, 62, 0, {{0}}}, {1, 2, 2, {{1, 62}, {2, 2}}},
    {0, 60, 0, {{0}}}, {1, 0, 1, {{1, 62}}},                 /* releasing an older note */
    {1, 3, 2, {{1, 60}, {2, 3}}}, {0, 1, 0, {{0}}},
    {1, 4, 2, {{1, 1}, {2, 4}}}, {0, 2, 0, {{0}}},
    {1, 5, 2, {{1, 2}, {2, 5}}}, {0, 3, 0, {{0}}},
    {1, 6, 0, {{0}}},                                        /* 4 voices held: silent */
    {3, -1, 0, {{0}}},
  };
  RUN_SCRIPT(h, op, s);
  EXPECT_INPUTS(h, op, 50, 0, 0, 0);
  op = harness_add(h, OP_POLY);
  RUN_SCRIPT(h, op, mono);
  EXPECT_INPUTS(h, op, 3, 6, 0, 0);
  harness_free(h);
}

/* ---- HISTORY ---- */

static void test_history(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_HISTORY);
  static const step_t s[] = {
    {0, 8, 9, {{0, 1}, {1, 8}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {8, 0}}},
    {0, -9, 9, {{0, 0}, {1, -9}, {2, 8}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {8, 0}}},
    {0, -9, 9, {{0, -1}, {1, -9}, {2, -9}, {3, 8}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {8, 0}}},
    {0, 1, 9, {{0, -1}, {1, 1}, {2, -9}, {3, -9}, {4, 8}, {5, 0}, {6, 0}, {7, 0}, {8, 0}}},
    {0, 2, 9, {{0, -0}, {1, 2}, {2, 1}, {3, -9}, {4, -9}, {5, 8}, {6, 0}, {7, 0}, {8, 0}}},
    {0, 3, 9, {{0, 0}, {1, 3}, {2, 2}, {3, 1}, {4, -9}, {5, -9}, {6, 8}, {7, 0}, {8, 0}}},
    {0, 4, 9, {{0, 0}, {1, 4}, {2, 3}, {3, 2}, {4, 1}, {5, -9}, {6, -9}, {7, 8}, {8, 0}}},
    {0, 5, 9, {{0, 0}, {1, 5}, {2, 4}, {3, 3}, {4, 2}, {5, 1}, {6, -9}, {7, -9}, {8, 8}}},
    {0, 6, 9, {{0, 0}, {1, 6}, {2, 5}, {3, 4}, {4, 3}, {5, 2}, {6, 1}, {7, -9}, {8, -9}}},
  };
  int i;
  RUN_SCRIPT(h, op, s);
  for (i = 0; i < 8; i++) harness_in(h, op, 0, 32767);
  CHECK_EQ_INT(h->log[h->n - 9].value, 32767); /* no 16-bit overflow in the sum */
  harness_clear_log(h);
  for (i = 0; i < 8; i++) harness_in(h, op, 0, -32768);
  CHECK_EQ_INT(h->log[h->n - 9].value, -32768);
  harness_clear_log(h);
  EXPECT_INPUTS(h, op, -32768);
  harness_free(h);
}

/* ---- RANDOM ---- */

/* An independent model of bees 0.8.1's generator. */
typedef struct {
  uint32_t x;
  int min, max;
} rmodel_t;
static int rmodel_next(rmodel_t *m) {
  long range = ((long)m->max - m->min + 1) & 0xFFFF;
  int bits = 0, v;
  long r;
  while (range >> bits) bits++;
  m->x = (uint32_t)(m->x * 1013904223ul + 1664525ul); /* 0x3c6ef35f, 0x19660d */
  v = (int)((m->x >> (25 - bits)) & 0xFFFF);
  if (v >= 32768) v -= 65536;
  r = range ? v % range : v;
  r += m->min;
  r &= 0xFFFF;
  return (int)(r >= 32768 ? r - 65536 : r);
}

static void check_sequence(harness_t *h, uint16_t op, const int *want, int n, int line) {
  int i;
  for (i = 0; i < n; i++) {
    harness_clear_log(h);
    harness_in(h, op, 2, 1);
    CHECK_EQ_INT(h->n, 1);
    if (h->log[0].value != want[i])
      fprintf(stderr, "line %d: draw %d is %d, expected %d\n", line, i, h->log[0].value, want[i]);
    CHECK_EQ_INT(h->log[0].value, want[i]);
  }
  harness_clear_log(h);
}
#define CHECK_SEQ(h, op, ...)                                                      \
  do {                                                                             \
    const int cs_[] = {__VA_ARGS__};                                               \
    check_sequence(h, op, cs_, (int)(sizeof cs_ / sizeof cs_[0]), __LINE__);       \
  } while (0)

static void test_random(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_RANDOM), other;
  int i, j;
  /* literal sequences (worked out from bees' algorithm) */
  CHECK_SEQ(h, op, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1);
  CHECK_EQ_INT(harness_value(h, op, 2), 0); /* TRIG is not stored */
  harness_in(h, op, 1, 9);
  harness_in(h, op, 3, 111);
  CHECK_SEQ(h, op, 7, 2, 4, 1, 4, 1, 5, 7, 4, 8, 7, 6);
  harness_in(h, op, 3, -1); /* sign-extended seed */
  CHECK_SEQ(h, op, 5, 3, 5, 4, 4, 6, 4, 7);
  harness_in(h, op, 1, 999);
  harness_in(h, op, 3, 111);
  CHECK_SEQ(h, op, 729, 775, 461, 965, -478, 396, 450, 248, -596, -634); /* below MIN (sic) */
  harness_in(h, op, 0, -32768);
  harness_in(h, op, 1, 32767);
  harness_in(h, op, 3, 111);
  CHECK_SEQ(h, op, -32742, -32685, -32749, -32758, -32651, -32767); /* range 65536 */
  harness_in(h, op, 0, 100);
  harness_in(h, op, 1, 100);
  CHECK_SEQ(h, op, 100, 100, 100);
  harness_in(h, op, 3, 12345);
  harness_in(h, op, 0, -50);
  harness_in(h, op, 1, 50);
  CHECK_SEQ(h, op, -41, 48, -12, -38, -9, 37, 4, -49, 6, -24);
  /* MIN and MAX stay ordered */
  harness_in(h, op, 0, 60);
  EXPECT_INPUTS(h, op, 50, 50, 0, 12345);
  harness_in(h, op, 1, 10);
  EXPECT_INPUTS(h, op, 50, 50, 0, 12345);
  harness_in(h, op, 0, -32768);
  harness_in(h, op, 1, -32768);
  EXPECT_INPUTS(h, op, -32768, -32768, 0, 12345);
  CHECK_EQ_INT(h->n, 0);

  /* the model over many seeds and ranges, two instances interleaved (per-instance state) */
  other = harness_add(h, OP_RANDOM);
  {
    static const int ranges[][2] = {{0, 1},     {0, 7},      {0, 127},     {-5, 5},
                                    {0, 255},   {0, 256},    {-1000, 1000}, {0, 32767},
                                    {-32768, 32767}, {-32768, 0}, {32000, 32767}, {7, 7}};
    static const int seeds[] = {0, 1, 111, -1, 32767, -32768, 4242};
    for (i = 0; i < (int)(sizeof ranges / sizeof ranges[0]); i++)
      for (j = 0; j < (int)(sizeof seeds / sizeof seeds[0]); j++) {
        rmodel_t m1 = {(uint32_t)(int32_t)seeds[j], ranges[i][0], ranges[i][1]};
        rmodel_t m2 = {111u, 0, 1};
        int k;
        harness_in(h, op, 0, -32768);
        harness_in(h, op, 1, (io_t)ranges[i][1]);
        harness_in(h, op, 0, (io_t)ranges[i][0]);
        harness_in(h, op, 3, (io_t)seeds[j]);
        harness_in(h, other, 3, 111);
        for (k = 0; k < 40; k++) {
          int want = rmodel_next(&m1), want2 = rmodel_next(&m2);
          harness_clear_log(h);
          harness_in(h, op, 2, 0);
          harness_in(h, other, 2, 0);
          CHECK_EQ_INT(h->n, 2);
          if (h->log[0].value != want)
            fprintf(stderr, "random [%d,%d] seed %d draw %d: %d, expected %d\n", ranges[i][0],
                    ranges[i][1], seeds[j], k, h->log[0].value, want);
          CHECK_EQ_INT(h->log[0].value, want);
          CHECK_EQ_INT(h->log[1].value, want2);
        }
      }
    harness_clear_log(h);
  }
  harness_free(h);
}

static void test_random_pickle(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_RANDOM), c;
  op_t *o;
  uint8_t b[16];
  harness_in(h, op, 1, 9);
  harness_in(h, op, 3, 111);
  CHECK_SEQ(h, op, 7, 2, 4);
  o = net_op(h->net, op);
  /* 0.8.1: MIN MAX TRIG SEED; 0.7.1: MIN MAX TRIG */
  CHECK_EQ_INT(op_pickle(o, b, sizeof b, OP_FORMAT_0_8_1), 8);
  CHECK(memcmp(b, "\x00\x00\x09\x00\x00\x00\x6f\x00", 8) == 0);
  CHECK_EQ_INT(op_pickle(o, b, sizeof b, OP_FORMAT_0_7_1), 6);
  CHECK(memcmp(b, "\x00\x00\x09\x00\x00\x00", 6) == 0);
  CHECK_EQ_INT(op_pickle(o, b, 7, OP_FORMAT_0_8_1), -1);
  /* loading restarts the generator from SEED and uses the loaded range */
  c = harness_add(h, OP_RANDOM);
  o = net_op(h->net, c);
  CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\x00\x00\x09\x00\x00\x00\x6f\x00", 8,
                                OP_FORMAT_0_8_1), 8);
  CHECK_SEQ(h, c, 7, 2, 4, 1, 4, 1);
  /* hand-built 0.7.1 state: MIN -10, MAX 10, TRIG 1; SEED keeps 111 */
  c = harness_add(h, OP_RANDOM);
  o = net_op(h->net, c);
  CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\xf6\xff\x0a\x00\x01\x00", 6,
                                OP_FORMAT_0_7_1), 6);
  EXPECT_INPUTS(h, c, -10, 10, 1, 111);
  {
    rmodel_t m = {111u, -10, 10};
    int want[5], i;
    for (i = 0; i < 5; i++) want[i] = rmodel_next(&m);
    check_sequence(h, c, want, 5, __LINE__);
  }
  /* 0.8.1 with a negative seed */
  CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\x00\x00\x09\x00\x00\x00\xff\xff", 8,
                                OP_FORMAT_0_8_1), 8);
  CHECK_SEQ(h, c, 5, 3, 5, 4);
  CHECK_EQ_INT(op_unpickle(o, b, 5, OP_FORMAT_0_7_1), -1);
  CHECK_EQ_INT(op_unpickle(o, b, 7, OP_FORMAT_0_8_1), -1);
  harness_free(h);
}

/* ---- PARAM ---- */

static void test_param(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t op = harness_add(h, OP_PARAM);
  net_param_t p = {"a", 1, SCALER_SHORT, 0, -100, 100, 16};
  net_param_t amp = {"amp", 1, SCALER_AMP, 0, 0, 0x7fffffff, 1};
  static const step_t none[] = {{0, 0, 0, {{0}}}, {0, -1, 0, {{0}}}};
  static const step_t s[] = {
    {0, 1, 1, {{0, -5}}},
    {0, 0, 1, {{0, 123}}},
    {0, 2, 0, {{0}}},          /* out of range: ignored, IDX stays 0 */
    {0, -1, 0, {{0}}},
    {0, 1, 1, {{0, -5}}},
  };
  RUN_SCRIPT(h, op, none);     /* no params */
  CHECK_EQ_INT(harness_value(h, op, 0), 0);
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  CHECK_EQ_INT(net_set_param(h->net, 0, 123), NET_OK);
  CHECK_EQ_INT(net_set_param(h->net, 1, -5), NET_OK);
  RUN_SCRIPT(h, op, s);
  CHECK_EQ_INT(harness_value(h, op, 0), 1);
  /* it fires into the net like any output: PARAM.VAL -> param 0 copies param 1 */
  CHECK_EQ_INT(net_connect(h->net, out_of(h, op, 0), net_in_count(h->net)), NET_OK);
  harness_in(h, op, 0, 1);
  CHECK_EQ_INT(net_param(h->net, 0)->value, -5);
  /* the value comes back through the DSP value and the scaler's search: an amp param at 16389
   * (table step 512) reads back on a step boundary, as bees' PARAM does */
  CHECK_EQ_INT(net_disconnect(h->net, out_of(h, op, 0)), NET_OK);
  CHECK_EQ_INT(net_add_param(h->net, &amp), NET_OK);
  CHECK_EQ_INT(net_set_param(h->net, 2, 16389), NET_OK);
  harness_clear_log(h);
  harness_in(h, op, 0, 2);
  CHECK_EQ_INT(h->n, 1);
  CHECK(h->log[0].value == 512 * 32 || h->log[0].value == 513 * 32);
  harness_free(h);
}

/* ---- pickling of every class, both layouts ---- */

static void test_pickle_all(void) {
  harness_t *h = harness_new(0, 0);
  static const struct {
    op_id_t id;
    int32_t size71, size81;
    uint8_t in, n; /* inputs to set: 0..n-1 get distinct values */
  } cases[] = {
    {OP_FADE, 6, 6, 0, 3},   {OP_DIVR, 6, 6, 0, 3},    {OP_SHL, 6, 6, 0, 3},
    {OP_SHR, 6, 6, 0, 3},    {OP_CHANGE, 4, 4, 0, 2},  {OP_LINLIN, 10, 10, 0, 5},
    {OP_MEM0D, 6, 6, 0, 3},  {OP_MEM1D, 40, 40, 0, 4}, {OP_MEM2D, 522, 522, 0, 5},
    {OP_ITER, 6, 6, 0, 3},   {OP_MAGINC, 0, 0, 0, 1},  {OP_HARRY, 6, 6, 0, 4},
    {OP_POLY, 8, 8, 0, 4},   {OP_HISTORY, 2, 2, 0, 1}, {OP_RANDOM, 6, 8, 0, 4},
    {OP_PARAM, 0, 0, 0, 1},
  };
  uint32_t i;
  uint8_t k;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint16_t op = harness_add(h, cases[i].id);
    for (k = 0; k < cases[i].n; k++) harness_in(h, op, k, (io_t)(k + 2));
    if (cases[i].n > 1) harness_in(h, op, 1, 1); /* fills a cell in the MEM ops */
    harness_clear_log(h);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, op, OP_FORMAT_0_7_1), cases[i].size71);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, op, OP_FORMAT_0_8_1), cases[i].size81);
    CHECK_EQ_INT(net_remove_op(h->net, op), NET_OK);
  }
  /* byte-exact layouts of hand-built states */
  {
    uint16_t op = harness_add(h, OP_CHANGE);
    op_t *o = net_op(h->net, op);
    uint8_t b[8];
    CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\x34\x12\xfe\xff", 4, OP_FORMAT_0_7_1), 4);
    EXPECT_INPUTS(h, op, -2, 0x1234); /* LAST first, then VAL */
    CHECK_EQ_INT(op_pickle(o, b, sizeof b, OP_FORMAT_0_8_1), 4);
    CHECK(memcmp(b, "\x34\x12\xfe\xff", 4) == 0);
  }
  {
    static const struct {
      op_id_t id;
      const char *bytes;
      uint32_t len;
      int ins[5];
    } hand[] = {
      {OP_FADE, "\x01\x00\x02\x00\x40\x00", 6, {1, 2, 64}},
      {OP_DIVR, "\xff\xff\x03\x00\x01\x00", 6, {-1, 3, 1}},
      {OP_SHL, "\x01\x00\x0f\x00\x00\x00", 6, {1, 15, 0}},
      {OP_SHR, "\x00\x80\x02\x00\x01\x00", 6, {-32768, 2, 1}},
      {OP_LINLIN, "\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00", 10, {1, 2, 3, 4, 5}},
      {OP_MEM0D, "\x07\x00\x08\x00\x01\x00", 6, {7, 8, 1}},
      {OP_ITER, "\x10\x00\x09\x00\x01\x00", 6, {16, 9, 1}},
      {OP_HARRY, "\x02\x00\x03\x00\x05\x00", 6, {2, 3, 0, 5}},
      {OP_POLY, "\x3c\x00\x64\x00\x00\x00\x01\x00", 8, {60, 100, 0, 1}},
      {OP_HISTORY, "\x00\xc0", 2, {-16384}},
    };
    for (i = 0; i < sizeof hand / sizeof hand[0]; i++) {
      uint16_t op = harness_add(h, hand[i].id);
      op_t *o = net_op(h->net, op);
      uint8_t b[16];
      int f;
      for (f = 0; f < 2; f++) {
        CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)hand[i].bytes, hand[i].len,
                                      (op_format_t)f), (int32_t)hand[i].len);
        expect_inputs_at(h, op, hand[i].ins, o->cls->num_ins, (int)(100 + i));
        CHECK_EQ_INT(op_pickle(o, b, sizeof b, (op_format_t)f), (int32_t)hand[i].len);
        CHECK(memcmp(b, hand[i].bytes, hand[i].len) == 0);
        CHECK_EQ_INT(op_unpickle(o, b, hand[i].len - 1u, (op_format_t)f), -1);
      }
    }
  }
  /* a loaded POLY starts with its voices free; a loaded HISTORY with an empty history */
  {
    uint16_t op = harness_add(h, OP_POLY), c = harness_add(h, OP_HISTORY);
    op_t *o = net_op(h->net, op);
    static const step_t s[] = {{1, 5, 3, {{0, 0}, {1, 60}, {2, 5}}}};
    static const step_t s2[] = {
      {0, 16, 9, {{0, 2}, {1, 16}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {8, 0}}}};
    CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\x3c\x00\x00\x00\x00\x00\x00\x00", 8,
                                  OP_FORMAT_0_8_1), 8);
    RUN_SCRIPT(h, op, s);
    o = net_op(h->net, c);
    CHECK_EQ_INT(op_unpickle(o, (const uint8_t *)"\x05\x00", 2, OP_FORMAT_0_7_1), 2);
    CHECK_EQ_INT(harness_value(h, c, 0), 5);
    RUN_SCRIPT(h, c, s2);
  }
  harness_free(h);
}

int main(void) {
  RUN(test_names_and_defaults);
  RUN(test_fade);
  RUN(test_divr);
  RUN(test_shl_shr);
  RUN(test_change);
  RUN(test_linlin);
  RUN(test_mem0d);
  RUN(test_mem1d);
  RUN(test_mem2d);
  RUN(test_iter);
  RUN(test_maginc);
  RUN(test_harry);
  RUN(test_poly);
  RUN(test_history);
  RUN(test_random);
  RUN(test_random_pickle);
  RUN(test_param);
  RUN(test_pickle_all);
  return check_summary("test_ops_math");
}
