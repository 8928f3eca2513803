/* SPDX-License-Identifier: MIT */
/* test_ops_monome.c: the monome grid/arc ops (GRID, GRIDRAW, ARC, LIFE, STEP, MP, WW, KRIA):
 * key and ring events to outputs in every mode, LED buffers after inputs, LIFE generations on
 * known patterns, STEP / MP / WW / KRIA sequencing for scripted clocks and key presses (expected
 * values worked out from bees 0.8.1's code), behaviour with no device, pickle round trips in
 * both formats, byte-exact decodes of 0.7.1 states (some copied from the real 0.7.1 scenes) and
 * of 0.8.1 AVR32 struct images. */
#include "monome.h"
#include "op_harness.h"

static struct monome mon;

static harness_t *with_device(monome_kind_t kind, uint8_t cols, uint8_t rows) {
  harness_t *h = harness_new(0, 0);
  monome_init(&mon);
  CHECK_EQ_INT(monome_connect(&mon, kind, cols, rows), MONOME_OK);
  net_attach_monome(h->net, &mon);
  return h;
}

static void done(harness_t *h) {
  harness_free(h);
  CHECK(mon.grid_focus == 0);
  CHECK(mon.arc_focus == 0);
}

static void key(harness_t *h, uint8_t x, uint8_t y, uint8_t z) {
  CHECK_EQ_INT(monome_grid_key(h->net, x, y, z), MONOME_OK);
}
static void tap(harness_t *h, uint8_t x, uint8_t y) {
  key(h, x, y, 1);
  key(h, x, y, 0);
}
static uint8_t led(uint8_t x, uint8_t y) { return monome_grid_level(&mon, x, y); }

static int32_t pickle_of(harness_t *h, uint16_t op, uint8_t *buf, uint32_t cap, op_format_t fmt) {
  op_t *o = net_op(h->net, op);
  return op_pickle(o, buf, cap, fmt);
}
static int32_t unpickle_into(harness_t *h, uint16_t op, const uint8_t *buf, uint32_t len,
                             op_format_t fmt) {
  op_t *o = net_op(h->net, op);
  return op_unpickle(o, buf, len, fmt);
}

/* file bytes of an AVR32 struct image: each 4-byte word stored little-endian */
static void image_to_file(const uint8_t *img, uint8_t *file, uint32_t n) {
  uint32_t i;
  for (i = 0; i < n; i++) file[i] = img[(i & ~3u) + 3u - (i & 3u)];
}

/* ------------------------------------------------------------------ GRID */

static void test_grid_modes(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 16);
  uint16_t g = harness_add(h, OP_GRID);
  CHECK_EQ_INT(harness_value(h, g, 0), 1);
  CHECK_EQ_INT(harness_value(h, g, 1), 0);
  CHECK_EQ_INT(harness_value(h, g, 2), 0);
  /* poly momentary */
  harness_clear_log(h);
  monome_take_grid_dirty(&mon);
  key(h, 3, 2, 1);
  HARNESS_EXPECT(h, g, 0, 3, 1, 2, 2, 1);
  CHECK_EQ_INT(led(3, 2), 15);
  key(h, 12, 10, 1);
  HARNESS_EXPECT(h, g, 0, 12, 1, 10, 2, 1);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x09);
  key(h, 3, 2, 0);
  HARNESS_EXPECT(h, g, 0, 3, 1, 2, 2, 0);
  CHECK_EQ_INT(led(3, 2), 0);
  CHECK_EQ_INT(led(12, 10), 15); /* poly: other keys stay */
  key(h, 12, 10, 0);
  /* poly toggle: presses flip, lifts ignored */
  harness_in(h, g, 1, 7);
  CHECK_EQ_INT(harness_value(h, g, 1), 1);
  harness_clear_log(h);
  key(h, 1, 1, 1);
  HARNESS_EXPECT(h, g, 0, 1, 1, 1, 2, 1);
  key(h, 1, 1, 0);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(led(1, 1), 15);
  tap(h, 2, 1);
  tap(h, 1, 1);
  HARNESS_EXPECT(h, g, 0, 2, 1, 1, 2, 1, 0, 1, 1, 1, 2, 0);
  CHECK_EQ_INT(led(1, 1), 0);
  CHECK_EQ_INT(led(2, 1), 15);
  /* mono toggle: the last lit key goes dark */
  harness_in(h, g, 2, 1);
  harness_clear_log(h);
  tap(h, 5, 5);
  HARNESS_EXPECT(h, g, 0, 5, 1, 5, 2, 1);
  CHECK_EQ_INT(led(5, 5), 15);
  tap(h, 6, 5);
  CHECK_EQ_INT(led(5, 5), 0);
  CHECK_EQ_INT(led(6, 5), 15);
  tap(h, 6, 5); /* same key again: toggles off */
  HARNESS_EXPECT(h, g, 0, 6, 1, 5, 2, 1, 0, 6, 1, 5, 2, 0);
  CHECK_EQ_INT(led(6, 5), 0);
  /* mono momentary */
  harness_in(h, g, 1, 0);
  harness_clear_log(h);
  key(h, 2, 0, 1);
  key(h, 4, 0, 1); /* second key while the first is held */
  CHECK_EQ_INT(led(2, 0), 0);
  CHECK_EQ_INT(led(4, 0), 15);
  key(h, 4, 0, 0);
  CHECK_EQ_INT(led(4, 0), 0);
  key(h, 4, 0, 1); /* pressing the last released key lights it (bees left it dark) */
  CHECK_EQ_INT(led(4, 0), 15);
  HARNESS_EXPECT(h, g, 0, 2, 1, 0, 2, 1, 0, 4, 1, 0, 2, 1, 0, 4, 1, 0, 2, 0, 0, 4, 1, 0, 2, 1);
  key(h, 4, 0, 0);
  done(h);
}

static void test_grid_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t g = harness_add(h, OP_GRID);
  uint8_t buf[300];
  static const uint8_t v071[6] = {1, 0, 1, 0, 0, 0};
  harness_in(h, g, 2, 1);
  key(h, 7, 7, 1);
  CHECK_EQ_INT(pickle_of(h, g, buf, sizeof buf, OP_FORMAT_0_8_1), 262);
  CHECK_EQ_INT(buf[4], 1); /* MONO */
  CHECK_EQ_INT(buf[6 + 7 + 16 * 7], 15);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, g, OP_FORMAT_0_8_1), 262);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, g, OP_FORMAT_0_7_1), 6);
  /* 0.7.1: FOCUS, TOG, MONO, nothing else */
  CHECK_EQ_INT(unpickle_into(h, g, v071, 6, OP_FORMAT_0_7_1), 6);
  CHECK_EQ_INT(harness_value(h, g, 0), 1);
  CHECK_EQ_INT(harness_value(h, g, 1), 1);
  CHECK_EQ_INT(harness_value(h, g, 2), 0);
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, g));
  CHECK_EQ_INT(led(7, 7), 15); /* LEDs untouched by a 0.7.1 state */
  done(h);
}

/* ------------------------------------------------------------------ GRIDRAW */

static void test_gridraw(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t g = harness_add(h, OP_GRIDRAW), copy;
  uint8_t buf[300];
  CHECK_EQ_INT(harness_value(h, g, 0), 1);
  harness_clear_log(h);
  key(h, 9, 4, 1);
  key(h, 9, 4, 0);
  HARNESS_EXPECT(h, g, 0, 9, 1, 4, 2, 1, 0, 9, 1, 4, 2, 0);
  CHECK_EQ_INT(led(9, 4), 0); /* keys do not light anything */
  harness_in(h, g, 1, 20);
  harness_in(h, g, 2, -3);
  CHECK_EQ_INT(harness_value(h, g, 1), 15);
  CHECK_EQ_INT(harness_value(h, g, 2), 0);
  harness_in(h, g, 3, 7);
  CHECK_EQ_INT(led(15, 0), 7);
  CHECK_EQ_INT(harness_value(h, g, 4), 1);
  harness_in(h, g, 3, 99);
  CHECK_EQ_INT(led(15, 0), 15);
  harness_in(h, g, 3, -5);
  CHECK_EQ_INT(led(15, 0), 0);
  CHECK_EQ_INT(harness_value(h, g, 4), 0);
  harness_in(h, g, 1, 2);
  harness_in(h, g, 2, 3);
  harness_in(h, g, 4, 4);
  CHECK_EQ_INT(led(2, 3), 15);
  CHECK_EQ_INT(harness_value(h, g, 3), 15);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(pickle_of(h, g, buf, sizeof buf, OP_FORMAT_0_7_1), 262);
  CHECK_EQ_INT(buf[2], 2);
  CHECK_EQ_INT(buf[4], 3);
  CHECK_EQ_INT(buf[6 + 2 + 48], 15);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, g, OP_FORMAT_0_8_1), 262);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, g, OP_FORMAT_0_7_1), 262);
  /* a fresh op takes the whole state, LEDs included */
  copy = harness_add(h, OP_GRIDRAW);
  CHECK_EQ_INT(unpickle_into(h, copy, buf, 262, OP_FORMAT_0_8_1), 262);
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, copy));
  CHECK_EQ_INT(led(2, 3), 15);
  CHECK_EQ_INT(harness_value(h, copy, 1), 2);
  done(h);
}

/* ------------------------------------------------------------------ ARC */

static void test_arc(void) {
  harness_t *h = with_device(MONOME_ARC, 4, 0);
  uint16_t a = harness_add(h, OP_ARC);
  uint8_t buf[8];
  CHECK_EQ_INT(harness_value(h, a, 0), 1);
  CHECK_EQ_INT(harness_value(h, a, 1), 1);
  harness_clear_log(h);
  CHECK_EQ_INT(monome_arc_delta(h->net, 1, 10), MONOME_OK);
  HARNESS_EXPECT(h, a, 0, 1, 1, 10, 2, 10);
  CHECK_EQ_INT(monome_arc_level(&mon, 1, 2), 15);
  CHECK_EQ_INT(monome_arc_level(&mon, 1, 0), 0);
  monome_arc_delta(h->net, 1, -20); /* clamps at 0 */
  HARNESS_EXPECT(h, a, 0, 1, 1, -20, 2, 0);
  CHECK_EQ_INT(monome_arc_level(&mon, 1, 2), 0);
  CHECK_EQ_INT(monome_arc_level(&mon, 1, 0), 15);
  monome_arc_delta(h->net, 3, 127);
  monome_arc_delta(h->net, 3, 127);
  monome_arc_delta(h->net, 3, 127); /* clamps at 255 */
  HARNESS_EXPECT(h, a, 0, 3, 1, 127, 2, 127, 0, 3, 1, 127, 2, 254, 0, 3, 1, 127, 2, 255);
  CHECK_EQ_INT(monome_arc_level(&mon, 3, 63), 15);
  CHECK_EQ_INT(monome_arc_level(&mon, 3, 31), 0);
  harness_in(h, a, 1, 0); /* LOOP off: NUM and DELTA only */
  monome_arc_delta(h->net, 0, -1);
  HARNESS_EXPECT(h, a, 0, 0, 1, -1);
  /* RING / POS / VAL write one LED, clamped */
  harness_in(h, a, 2, 9);
  harness_in(h, a, 3, 70);
  harness_in(h, a, 4, 20);
  CHECK_EQ_INT(harness_value(h, a, 2), 3);
  CHECK_EQ_INT(harness_value(h, a, 3), 63);
  CHECK_EQ_INT(harness_value(h, a, 4), 15);
  CHECK_EQ_INT(monome_arc_level(&mon, 3, 63), 15);
  harness_in(h, a, 2, -1);
  harness_in(h, a, 3, 5);
  harness_in(h, a, 4, 6);
  CHECK_EQ_INT(monome_arc_level(&mon, 0, 5), 6);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(pickle_of(h, a, buf, sizeof buf, OP_FORMAT_0_8_1), 4);
  CHECK_EQ_INT(buf[0], 1);
  CHECK_EQ_INT(buf[2], 0);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, a, OP_FORMAT_0_8_1), 4);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, a, OP_FORMAT_0_7_1), 4);
  done(h);
}

/* ------------------------------------------------------------------ LIFE */

static void test_life_blinker(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t l = harness_add(h, OP_LIFE);
  CHECK_EQ_INT(harness_value(h, l, 1), 8); /* sizes from the grid */
  CHECK_EQ_INT(harness_value(h, l, 2), 8);
  CHECK_EQ_INT(harness_value(h, l, 8), 1);
  tap(h, 1, 2);
  tap(h, 2, 2);
  tap(h, 3, 2);
  CHECK_EQ_INT(led(2, 2), 15);
  harness_clear_log(h);
  HARNESS_EXPECT_NONE(h); /* keys fire nothing */
  monome_take_grid_dirty(&mon);
  harness_in(h, l, 0, 1); /* first NEXT: nothing pending yet; computes generation 1 */
  HARNESS_EXPECT(h, l, 0, 0, 1, 3, 2, 3);
  CHECK_EQ_INT(led(1, 2), 15);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x01);
  harness_in(h, l, 0, 1); /* applies generation 1: vertical */
  HARNESS_EXPECT(h, l, 0, 0, 1, 3, 2, 0);
  CHECK_EQ_INT(led(2, 1), 15);
  CHECK_EQ_INT(led(2, 2), 15);
  CHECK_EQ_INT(led(2, 3), 15);
  CHECK_EQ_INT(led(1, 2), 0);
  CHECK_EQ_INT(led(3, 2), 0);
  harness_in(h, l, 3, 2); /* X: fires the cell at (2,0) */
  harness_in(h, l, 4, 1); /* Y: cell (2,1) */
  HARNESS_EXPECT(h, l, 0, 0, 0, 1);
  harness_in(h, l, 0, 1); /* horizontal again: the cursor cell (2,1) died */
  HARNESS_EXPECT(h, l, 0, 0, 1, 3, 2, 0);
  CHECK_EQ_INT(led(1, 2), 15);
  CHECK_EQ_INT(led(2, 1), 0);
  harness_in(h, l, 0, 0); /* NEXT 0 does nothing */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, l, 0), 0); /* NEXT keeps no value */
  harness_in(h, l, 3, 20); /* cursor clamps to the board */
  CHECK_EQ_INT(harness_value(h, l, 3), 7);
  harness_in(h, l, 4, -4);
  CHECK_EQ_INT(harness_value(h, l, 4), 0);
  HARNESS_EXPECT(h, l, 0, 0, 0, 0);
  /* SET writes the cursor cell and reports the population */
  harness_in(h, l, 5, 9);
  HARNESS_EXPECT(h, l, 0, 1, 1, 4, 2, 1);
  CHECK_EQ_INT(led(7, 0), 15);
  CHECK_EQ_INT(harness_value(h, l, 5), 0); /* SET keeps no value */
  harness_in(h, l, 5, 0);
  HARNESS_EXPECT(h, l, 0, 0, 1, 3, 2, -1);
  harness_in(h, l, 6, 5); /* NOISE: nothing */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, l, 6), 0);
  done(h);
}

static void test_life_rules(void) {
  static const io_t rules_in[3] = {0, 1, 7}, rules_stored[3] = {0, 1, 2};
  static const int pop_after[3] = {3, 5, 1};
  int r;
  for (r = 0; r < 3; r++) {
    harness_t *h = with_device(MONOME_GRID, 8, 8);
    uint16_t l = harness_add(h, OP_LIFE);
    harness_in(h, l, 7, rules_in[r]);
    CHECK_EQ_INT(harness_value(h, l, 7), rules_stored[r]);
    tap(h, 1, 2);
    tap(h, 2, 2);
    tap(h, 3, 2);
    harness_in(h, l, 0, 1);
    harness_in(h, l, 0, 1);
    CHECK_EQ_INT(h->log[h->n - 2].value, pop_after[r]);
    CHECK_EQ_INT(led(2, 2), 15); /* the centre survives under every rule */
    done(h);
  }
}

/* gliders move (+1,+1) every 4 generations on the torus */
static void test_life_glider(void) {
  static const uint8_t glider[5][2] = {{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}};
  uint8_t x, y, i, lit;
  int n;
  { /* 8x8: after 32 generations it is back where it started */
    harness_t *h = with_device(MONOME_GRID, 8, 8);
    uint16_t l = harness_add(h, OP_LIFE);
    for (i = 0; i < 5; i++) tap(h, glider[i][0], glider[i][1]);
    for (n = 0; n < 5; n++) harness_in(h, l, 0, 1); /* now generation 4 */
    for (i = 0, lit = 0; i < 5; i++) lit += led((uint8_t)(glider[i][0] + 1), (uint8_t)(glider[i][1] + 1)) == 15;
    CHECK_EQ_INT(lit, 5);
    CHECK_EQ_INT(led(1, 0), 0);
    for (; n < 33; n++) harness_in(h, l, 0, 1); /* generation 32 */
    for (y = 0, lit = 0; y < 8; y++)
      for (x = 0; x < 8; x++) lit += led(x, y) == 15;
    CHECK_EQ_INT(lit, 5);
    for (i = 0, lit = 0; i < 5; i++) lit += led(glider[i][0], glider[i][1]) == 15;
    CHECK_EQ_INT(lit, 5);
    CHECK_EQ_INT(h->log[h->n - 2].value, 5);
    done(h);
  }
  { /* 16x8: placed with SET at the right edge, it wraps to column 0 */
    harness_t *h = with_device(MONOME_GRID, 16, 8);
    uint16_t l = harness_add(h, OP_LIFE);
    CHECK_EQ_INT(harness_value(h, l, 1), 16);
    for (i = 0; i < 5; i++) {
      harness_in(h, l, 3, (io_t)(glider[i][0] + 13));
      harness_in(h, l, 4, glider[i][1]);
      harness_in(h, l, 5, 1);
    }
    CHECK_EQ_INT(h->log[h->n - 2].value, 5);
    monome_take_grid_dirty(&mon);
    for (n = 0; n < 9; n++) harness_in(h, l, 0, 1); /* generation 8: moved (+2,+2) */
    CHECK_EQ_INT(monome_grid_dirty(&mon), 0x03);
    for (i = 0, lit = 0; i < 5; i++)
      lit += led((uint8_t)((glider[i][0] + 15) % 16), (uint8_t)(glider[i][1] + 2)) == 15;
    CHECK_EQ_INT(lit, 5);
    for (y = 0, lit = 0; y < 8; y++)
      for (x = 0; x < 16; x++) lit += led(x, y) == 15;
    CHECK_EQ_INT(lit, 5);
    done(h);
  }
}

static void test_life_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t l = harness_add(h, OP_LIFE), c;
  uint8_t buf[300];
  /* 0.7.1 LIFE state of op 12 in the release's life.scn (file offset 0xfa) */
  static const uint8_t life_scn[12] = {0x08, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0x01, 0};
  static const uint8_t hand[12] = {0x10, 0, 0x08, 0, 0x03, 0, 0x05, 0, 0x02, 0, 0, 0};
  tap(h, 4, 4);
  tap(h, 5, 4);
  harness_in(h, l, 1, 20);
  harness_in(h, l, 3, 4);
  harness_in(h, l, 4, 4);
  CHECK_EQ_INT(pickle_of(h, l, buf, sizeof buf, OP_FORMAT_0_8_1), 268);
  CHECK_EQ_INT(buf[0], 16);
  CHECK_EQ_INT(buf[12 + 4 + 64], 1);
  CHECK_EQ_INT(buf[12 + 5 + 64], 1);
  CHECK_EQ_INT(buf[12 + 6 + 64], 0);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, l, OP_FORMAT_0_8_1), 268);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, l, OP_FORMAT_0_7_1), 12);
  c = harness_add(h, OP_LIFE); /* the cells come back, LEDs rebuilt from them */
  CHECK_EQ_INT(unpickle_into(h, c, buf, 268, OP_FORMAT_0_8_1), 268);
  CHECK_EQ_INT(led(5, 4), 15);
  CHECK_EQ_INT(led(6, 4), 0);
  harness_clear_log(h);
  harness_in(h, c, 5, 1); /* SET at cursor (4,4): pop counts the restored cells */
  HARNESS_EXPECT(h, c, 0, 1, 1, 2, 2, 2);
  CHECK_EQ_INT(unpickle_into(h, c, buf, 267, OP_FORMAT_0_8_1), -1);
  /* byte-exact 0.7.1 decodes */
  CHECK_EQ_INT(unpickle_into(h, c, life_scn, 12, OP_FORMAT_0_7_1), 12);
  {
    static const io_t want[9] = {0, 8, 8, 0, 0, 0, 0, 0, 1};
    uint8_t k;
    for (k = 0; k < 9; k++) CHECK_EQ_INT(harness_value(h, c, k), want[k]);
  }
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, c));
  CHECK_EQ_INT(unpickle_into(h, c, hand, 12, OP_FORMAT_0_7_1), 12);
  {
    static const io_t want[9] = {0, 16, 8, 3, 5, 0, 0, 2, 0};
    uint8_t k;
    for (k = 0; k < 9; k++) CHECK_EQ_INT(harness_value(h, c, k), want[k]);
  }
  CHECK(monome_grid_focus_op(&mon) == 0);
  CHECK_EQ_INT(unpickle_into(h, c, hand, 11, OP_FORMAT_0_7_1), -1);
  CHECK_EQ_INT(pickle_of(h, c, buf, 12, OP_FORMAT_0_7_1), 12);
  CHECK(memcmp(buf, hand, 12) == 0);
  done(h);
}

/* ------------------------------------------------------------------ STEP */

static void expect_step_at(int line, harness_t *h, uint16_t s, int a, int b, int c, int d,
                           int m1, int p1, int m2, int p2) {
  int before = check_failures;
  HARNESS_EXPECT(h, s, 0, a, 1, b, 2, c, 3, d, 4, m1, 5, p1, 6, m2, 7, p2);
  if (check_failures != before) fprintf(stderr, "  ... STEP outputs checked at line %d\n", line);
}
#define expect_step(...) expect_step_at(__LINE__, __VA_ARGS__)

static void test_step_sequencing(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t s = harness_add(h, OP_STEP);
  uint8_t x;
  CHECK_EQ_INT(harness_value(h, s, 0), 1);
  CHECK_EQ_INT(harness_value(h, s, 1), 16);
  CHECK_EQ_INT(led(0, 0), 15);
  CHECK_EQ_INT(led(0, 2), 15);
  CHECK_EQ_INT(led(1, 0), 0);
  for (x = 0; x < 16; x++) CHECK(led(x, 1) == 15 && led(x, 3) == 15);
  tap(h, 1, 4);
  tap(h, 1, 6);
  tap(h, 2, 7);
  CHECK_EQ_INT(led(1, 4), 15);
  CHECK_EQ_INT(led(2, 7), 15);
  harness_clear_log(h);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 1, 0, 1, 0, 5, 1, 5, 1);
  CHECK_EQ_INT(harness_value(h, s, 2), 1); /* STEP has a value now */
  CHECK_EQ_INT(led(0, 0), 0);
  CHECK_EQ_INT(led(1, 0), 15);
  CHECK_EQ_INT(led(1, 2), 15);
  harness_in(h, s, 2, 0); /* 0: no move, fires again */
  expect_step(h, s, 1, 0, 1, 0, 5, 1, 5, 1);
  /* cut playhead 1 to column 5: with the full-width length the loop is that one column */
  key(h, 5, 0, 1);
  CHECK_EQ_INT(led(1, 0), 0);
  CHECK_EQ_INT(led(5, 0), 15);
  CHECK_EQ_INT(led(5, 1), 15);
  CHECK_EQ_INT(led(4, 1), 0);
  key(h, 8, 1, 1); /* loop end 8: loop 5..8 */
  CHECK(led(4, 1) == 0 && led(5, 1) == 15 && led(8, 1) == 15 && led(9, 1) == 0);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, s, 2, 1); /* the cut holds playhead 1 once; playhead 2 moves */
  expect_step(h, s, 0, 0, 0, 0, 0, 5, 8, 2);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 6, 0, 3);
  harness_in(h, s, 2, 2);
  expect_step(h, s, 0, 0, 0, 0, 0, 8, 0, 5);
  harness_in(h, s, 2, 1); /* end of loop: back to its start */
  expect_step(h, s, 0, 0, 0, 0, 0, 5, 0, 6);
  harness_in(h, s, 2, -1); /* backwards from the start: to the end */
  expect_step(h, s, 0, 0, 0, 0, 0, 8, 0, 5);
  /* playhead 2: cut at 14, loop end 1: the loop wraps 14, 15, 0, 1 */
  key(h, 14, 2, 1);
  key(h, 1, 3, 1);
  CHECK(led(13, 3) == 0 && led(14, 3) == 15 && led(15, 3) == 15 && led(0, 3) == 15 &&
        led(1, 3) == 15 && led(2, 3) == 0);
  CHECK_EQ_INT(led(14, 2), 15);
  CHECK_EQ_INT(led(5, 2), 0);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 5, 0, 14);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 6, 0, 15);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 7, 0, 0);
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 8, 5, 1); /* column 1 holds rows A and C */
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 5, 0, 14);
  harness_in(h, s, 2, 200); /* 200 steps round 4-step loops: back where they were */
  expect_step(h, s, 0, 0, 0, 0, 0, 5, 0, 14);
  harness_in(h, s, 2, -130);
  expect_step(h, s, 0, 0, 0, 0, 0, 7, 0, 0);
  /* toggling a step off */
  tap(h, 1, 4);
  CHECK_EQ_INT(led(1, 4), 0);
  harness_in(h, s, 1, 3); /* SIZE */
  CHECK_EQ_INT(harness_value(h, s, 1), 8);
  harness_in(h, s, 1, 9);
  CHECK_EQ_INT(harness_value(h, s, 1), 16);
  done(h);
}

static void test_step_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t s = harness_add(h, OP_STEP), c;
  uint8_t img[76], file[336], out[336];
  uint32_t i;
  /* 0.7.1 STEP states of op 12 in stepcvout.scn and stepwaves.scn */
  static const uint8_t stepcvout[4] = {0x01, 0, 0x10, 0}, stepwaves[4] = {0x01, 0, 0x08, 0};
  CHECK_EQ_INT(harness_value(h, s, 1), 8);
  tap(h, 3, 5);
  harness_in(h, s, 2, 2);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, s, OP_FORMAT_0_8_1), 336);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, s, OP_FORMAT_0_7_1), 4);
  /* a hardware-written 0.8.1 state: AVR32 image with fields and nonzero padding */
  for (i = 0; i < 76; i++) img[i] = 0;
  img[0] = 2;  /* start */
  img[1] = 5;  /* end */
  img[2] = 3;  /* length */
  img[3] = 4;  /* now */
  img[4] = 0;  /* cut */
  img[5] = 6;  /* start2 */
  img[6] = 1;  /* end2 */
  img[7] = 3;  /* length2 */
  img[8] = 7;  /* now2 */
  img[9] = 0;  /* cut2 */
  img[10 + 0 * 16 + 5] = 1; /* steps[0][5] */
  img[10 + 3 * 16 + 5] = 1; /* steps[3][5] */
  img[10 + 1 * 16 + 0] = 1; /* steps[1][0] */
  img[74] = 0xAB;
  img[75] = 0xCD;
  file[0] = 1, file[1] = 0, file[2] = 8, file[3] = 0;
  image_to_file(img, file + 4, 76);
  for (i = 0; i < 256; i++) file[80 + i] = (uint8_t)(i % 16);
  CHECK_EQ_INT(file[4], 4);  /* now, the low byte of word 0 */
  CHECK_EQ_INT(file[7], 2);  /* start, the high byte */
  CHECK_EQ_INT(file[76], 0xCD); /* padding: the low bytes of word 18 */
  CHECK_EQ_INT(file[77], 0xAB);
  c = harness_add(h, OP_STEP);
  CHECK_EQ_INT(unpickle_into(h, c, file, 335, OP_FORMAT_0_8_1), -1);
  CHECK_EQ_INT(unpickle_into(h, c, file, 336, OP_FORMAT_0_8_1), 336);
  CHECK_EQ_INT(pickle_of(h, c, out, sizeof out, OP_FORMAT_0_8_1), 336);
  CHECK(memcmp(out, file, 336) == 0); /* byte-exact, padding included */
  CHECK_EQ_INT(led(3, 1), 3);         /* LEDs came from the file */
  harness_clear_log(h);
  harness_in(h, c, 2, 1); /* 4 -> 5 (loop end 5); 7 -> 0 past column 7 of 8 */
  expect_step(h, c, 1, 0, 0, 1, 9, 5, 2, 0);
  harness_in(h, c, 2, 1); /* 5 == end -> start 2; 0 -> 1 == end2 */
  expect_step(h, c, 0, 0, 0, 0, 0, 2, 0, 1);
  harness_in(h, c, 2, 1); /* 1 == end2 -> start2 6 */
  expect_step(h, c, 0, 0, 0, 0, 0, 3, 0, 6);
  /* 0.7.1 decodes from the real scenes: FOCUS and SIZE only */
  CHECK_EQ_INT(unpickle_into(h, c, stepcvout, 4, OP_FORMAT_0_7_1), 4);
  CHECK_EQ_INT(harness_value(h, c, 0), 1);
  CHECK_EQ_INT(harness_value(h, c, 1), 16);
  CHECK_EQ_INT(unpickle_into(h, c, stepwaves, 4, OP_FORMAT_0_7_1), 4);
  CHECK_EQ_INT(harness_value(h, c, 1), 8);
  CHECK_EQ_INT(unpickle_into(h, c, stepwaves, 3, OP_FORMAT_0_7_1), -1);
  CHECK_EQ_INT(pickle_of(h, c, out, 4, OP_FORMAT_0_7_1), 4);
  CHECK(memcmp(out, stepwaves, 4) == 0);
  done(h);
}

/* ------------------------------------------------------------------ MP */

static void test_mp_cascade(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t m = harness_add(h, OP_MP);
  int n;
  CHECK_EQ_INT(harness_value(h, m, 0), 1);
  CHECK_EQ_INT(harness_value(h, m, 1), 8);
  /* initial counts 3 1 2 2 3 3 5 7: row r lit from its position to its count */
  CHECK_EQ_INT(led(3, 0), 15);
  CHECK_EQ_INT(led(2, 0), 0);
  CHECK_EQ_INT(led(7, 7), 15);
  harness_clear_log(h);
  for (n = 0; n < 3; n++) harness_in(h, m, 2, 1);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(led(0, 0), 15);
  CHECK_EQ_INT(led(1, 0), 9);
  CHECK_EQ_INT(led(3, 0), 9);
  harness_in(h, m, 2, 1); /* row 0 passes zero: OUT0 and reload */
  HARNESS_EXPECT(h, m, 0, 1);
  CHECK_EQ_INT(led(3, 0), 15);
  CHECK_EQ_INT(harness_value(h, m, 2), 0); /* STEP keeps no value, as in bees */
  /* route row 0 -> row 1: hold column 0 on row 0, press row 1 */
  key(h, 0, 0, 1);
  CHECK_EQ_INT(led(0, 0), 9); /* routing page */
  CHECK_EQ_INT(led(1, 0), 9);
  key(h, 3, 1, 1);
  CHECK_EQ_INT(led(0, 1), 15);
  CHECK_EQ_INT(led(1, 1), 5); /* row 1's position shown dim over its lit count */
  key(h, 3, 1, 0);
  key(h, 0, 0, 0);
  CHECK_EQ_INT(led(0, 0), 0);
  CHECK_EQ_INT(led(3, 0), 15);
  for (n = 0; n < 4; n++) harness_in(h, m, 2, 1);
  HARNESS_EXPECT(h, m, 0, 1); /* row 1 counted 1 -> 0 */
  for (n = 0; n < 4; n++) harness_in(h, m, 2, 1);
  HARNESS_EXPECT(h, m, 0, 1, 1, 1); /* row 1 passes zero too */
  /* rules page: row 1 gets rule INC aimed at row 2 */
  key(h, 0, 1, 1);
  key(h, 1, 1, 1);
  CHECK_EQ_INT(led(7, 0), 15); /* rules page: rule 0 (none) marked on row 0 */
  CHECK(led(2, 1) == 15 && led(6, 1) == 15); /* rule destination: row 1 itself */
  key(h, 7, 1, 1);             /* rules[1] = 1 (inc) */
  key(h, 7, 1, 0);
  key(h, 3, 2, 1); /* rule_dests[1] = 2 */
  key(h, 3, 2, 0);
  CHECK(led(3, 2) == 15 && led(6, 2) == 15 && led(2, 1) == 0);
  CHECK_EQ_INT(led(2, 2), 5); /* row 2's position drawn dim over the destination bar */
  CHECK_EQ_INT(led(7, 1), 15);
  CHECK(led(11, 1) == 15 && led(12, 1) == 15 && led(10, 1) == 5 && led(9, 0) == 0); /* "+" */
  CHECK(led(9, 3) == 15 && led(14, 3) == 15 && led(8, 3) == 0);
  key(h, 1, 1, 0);
  key(h, 0, 1, 0);
  CHECK_EQ_INT(led(2, 2), 15); /* back on the count page: row 2 at 2 */
  for (n = 0; n < 8; n++) harness_in(h, m, 2, 1);
  HARNESS_EXPECT(h, m, 0, 1, 0, 1, 1, 1);
  CHECK_EQ_INT(led(3, 2), 15); /* row 2's count went 2 -> 3 */
  CHECK_EQ_INT(led(2, 2), 0);
  /* mode 0 press sets a row's count and position */
  tap(h, 6, 5);
  CHECK_EQ_INT(led(6, 5), 15);
  CHECK_EQ_INT(led(3, 5), 0);
  HARNESS_EXPECT_NONE(h);
  done(h);
}

static void test_mp_rules_random_and_max(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 16);
  uint16_t m = harness_add(h, OP_MP);
  int n;
  uint8_t x;
  CHECK_EQ_INT(harness_value(h, m, 1), 16);
  /* row 0: count 0, rule random on row 2; keys on rows 8..15 are ignored */
  tap(h, 3, 8); /* rows 8..15 are not MP's: ignored */
  CHECK_EQ_INT(led(3, 8), 0);
  key(h, 0, 0, 1);
  key(h, 1, 0, 1);
  key(h, 6, 5, 1); /* rules[0] = 5 (random) */
  key(h, 6, 5, 0);
  key(h, 2, 2, 1); /* rule_dests[0] = 2 */
  key(h, 2, 2, 0);
  key(h, 1, 0, 0);
  key(h, 0, 0, 0);
  harness_clear_log(h);
  for (n = 0; n < 4; n++) harness_in(h, m, 2, 1); /* row 0 fires on the 4th STEP */
  HARNESS_EXPECT(h, m, 0, 1);
  /* first random number of the op's generator is 47871: 47871 % 16 = 15 */
  CHECK_EQ_INT(led(15, 2), 15);
  for (x = 0; x < 15; x++) CHECK_EQ_INT(led(x, 2), 0);
  /* rule max on row 3 */
  key(h, 0, 0, 1);
  key(h, 1, 0, 1);
  key(h, 6, 3, 1); /* rules[0] = 3 (max) */
  key(h, 5, 3, 1); /* rule_dests[0] = 3 */
  key(h, 6, 3, 0);
  key(h, 5, 3, 0);
  key(h, 1, 0, 0);
  key(h, 0, 0, 0);
  for (n = 0; n < 4; n++) harness_in(h, m, 2, 1);
  HARNESS_EXPECT(h, m, 0, 1);
  CHECK_EQ_INT(led(15, 3), 15);
  CHECK_EQ_INT(led(2, 3), 0);
  harness_in(h, m, 1, 3); /* SIZE 8: max is now column 7 */
  CHECK_EQ_INT(harness_value(h, m, 1), 8);
  for (n = 0; n < 4; n++) harness_in(h, m, 2, 1);
  CHECK_EQ_INT(led(7, 3), 15);
  CHECK_EQ_INT(led(8, 3), 0);
  done(h);
}

static void test_mp_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t m = harness_add(h, OP_MP), c;
  uint8_t img[56], file[60], out[60];
  static const uint8_t default_scn[4] = {0x01, 0, 0x08, 0}; /* op 12 of default.scn */
  uint32_t i;
  harness_in(h, m, 2, 1);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, m, OP_FORMAT_0_8_1), 60);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, m, OP_FORMAT_0_7_1), 4);
  /* a hardware image: rows 0..7 positions 0..7, points 7 - r, row 0 routes to row 7 */
  for (i = 0; i < 8; i++) {
    img[i] = (uint8_t)(i < 7 - i ? i : 7 - i); /* positions (within the count) */
    img[8 + i] = (uint8_t)(7 - i);             /* points */
    img[16 + i] = (uint8_t)(7 - i);            /* points_save */
    img[24 + i] = 0;                           /* triggers */
    img[32 + i] = 0;                           /* trig_dests */
    img[40 + i] = 0;                           /* rules */
    img[48 + i] = (uint8_t)i;                  /* rule_dests */
  }
  img[0] = 0;
  img[32] = 0x80; /* trig_dests[0] = row 7 */
  img[15] = 0;    /* points[7] = 0 */
  img[7] = 0;     /* positions[7] = 0 */
  file[0] = 1, file[1] = 0, file[2] = 8, file[3] = 0;
  image_to_file(img, file + 4, 56);
  CHECK_EQ_INT(file[4 + 32 + 3], 0x80);
  c = harness_add(h, OP_MP);
  CHECK_EQ_INT(unpickle_into(h, c, file, 59, OP_FORMAT_0_8_1), -1);
  CHECK_EQ_INT(unpickle_into(h, c, file, 60, OP_FORMAT_0_8_1), 60);
  CHECK_EQ_INT(pickle_of(h, c, out, sizeof out, OP_FORMAT_0_8_1), 60);
  CHECK(memcmp(out, file, 60) == 0);
  CHECK_EQ_INT(led(0, 0), 15); /* redrawn from the loaded state */
  CHECK_EQ_INT(led(7, 0), 9);
  CHECK_EQ_INT(led(0, 7), 15);
  harness_clear_log(h);
  harness_in(h, c, 2, 1); /* row 0 at 0 fires and cascades into row 7 (count 0): both fire */
  HARNESS_EXPECT(h, c, 0, 1, 7, 1);
  /* 0.7.1: the MP state of default.scn */
  CHECK_EQ_INT(unpickle_into(h, c, default_scn, 4, OP_FORMAT_0_7_1), 4);
  CHECK_EQ_INT(harness_value(h, c, 0), 1);
  CHECK_EQ_INT(harness_value(h, c, 1), 8);
  CHECK_EQ_INT(harness_value(h, c, 2), 0);
  CHECK_EQ_INT(pickle_of(h, c, out, 4, OP_FORMAT_0_7_1), 4);
  CHECK(memcmp(out, default_scn, 4) == 0);
  CHECK_EQ_INT(unpickle_into(h, c, default_scn, 3, OP_FORMAT_0_7_1), -1);
  done(h);
}

/* ------------------------------------------------------------------ WW */

static uint32_t now_ms;
static void advance(harness_t *h, uint32_t ms) {
  now_ms += ms;
  net_advance(h->net, now_ms);
}

enum { WW_TR0, WW_TR1, WW_TR2, WW_TR3, WW_CVA, WW_CVB, WW_POS };

static void test_ww_triggers_and_display(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t w = harness_add(h, OP_WW);
  now_ms = 0;
  CHECK_EQ_INT(harness_value(h, w, 0), 1);
  CHECK_EQ_INT(net_timer_count(h->net), 1); /* the 50 ms grid refresh */
  /* init drew: position 0 lit, pattern 0 bright, trigger page marked */
  CHECK_EQ_INT(led(0, 1), 15);
  CHECK_EQ_INT(led(0, 2), 11);
  CHECK_EQ_INT(led(1, 2), 4);
  CHECK_EQ_INT(led(0, 0), 4);
  CHECK_EQ_INT(led(15, 0), 4);
  tap(h, 0, 4);
  tap(h, 1, 5);
  tap(h, 2, 4);
  tap(h, 2, 7);
  harness_clear_log(h);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR0, 1, WW_POS, 0);
  harness_in(h, w, 1, 0); /* clock low: CVs and position again, no triggers */
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 0);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR1, 1, WW_POS, 1);
  harness_in(h, w, 1, 5); /* clamped to 1 */
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR0, 1, WW_TR3, 1, WW_POS, 2);
  CHECK_EQ_INT(harness_value(h, w, 1), 1);
  harness_in(h, w, 1, -3);
  CHECK_EQ_INT(harness_value(h, w, 1), 0);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 2);
  /* the grid shows it at the next refresh */
  CHECK_EQ_INT(led(2, 1), 0);
  advance(h, 50);
  CHECK_EQ_INT(led(2, 1), 15); /* position */
  CHECK_EQ_INT(led(0, 1), 0);
  CHECK_EQ_INT(led(0, 4), 7);  /* a step */
  CHECK_EQ_INT(led(1, 5), 7);
  CHECK_EQ_INT(led(2, 4), 11); /* steps that just triggered */
  CHECK_EQ_INT(led(2, 7), 11);
  CHECK_EQ_INT(led(2, 5), 4); /* the playing column */
  CHECK_EQ_INT(led(3, 4), 0);
  CHECK_EQ_INT(led(3, 3), 11); /* probability 255 */
  CHECK_EQ_INT(led(0, 0), 11); /* triggered outputs */
  CHECK_EQ_INT(led(3, 0), 11);
  CHECK_EQ_INT(led(1, 0), 4);
  CHECK_EQ_INT(led(4, 0), 11); /* CV A and B at 0 */
  CHECK_EQ_INT(led(8, 0), 11);
  CHECK_EQ_INT(led(0, 2), 11);
  /* CV curves: page CV A, step 3 up twice, down once */
  tap(h, 4, 0);
  tap(h, 3, 4);
  tap(h, 3, 4);
  tap(h, 3, 6);
  harness_clear_log(h);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 34, WW_CVB, 0, WW_POS, 3);
  /* hold a step on row 7: PARAM writes that step's curve */
  key(h, 5, 7, 1);
  harness_in(h, w, 2, 1000);
  key(h, 5, 7, 0);
  harness_in(h, w, 2, 5000); /* released: only stored, clamped */
  CHECK_EQ_INT(harness_value(h, w, 2), 4095);
  /* centre key held: fine steps of 3 */
  key(h, 6, 5, 1);
  tap(h, 6, 4);
  key(h, 6, 5, 0);
  harness_in(h, w, 1, 1);
  harness_in(h, w, 1, 1);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 4, WW_CVA, 1000, WW_CVB, 0, WW_POS, 5,
                 WW_CVA, 3, WW_CVB, 0, WW_POS, 6);
  advance(h, 50);
  CHECK_EQ_INT(led(5, 0), 4); /* CV A page marked */
  CHECK_EQ_INT(led(7, 0), 4);
  CHECK_EQ_INT(led(4, 0), 11); /* CV A's level indicator (3 / 1024 -> first key) */
  CHECK_EQ_INT(led(3, 0), 0);
  CHECK_EQ_INT(led(5, 7), 7); /* 1000: over 1023? no; level (1000 >> 7) & 7 = 7 on row 7 */
  CHECK_EQ_INT(led(6, 7), 4); /* the playing step's column brightened by 4 */
  done(h);
}

static void test_ww_loops_patterns_mutes(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t w = harness_add(h, OP_WW);
  now_ms = 0;
  /* cut to 8 and loop 8..10 with two keys on row 1 */
  key(h, 8, 1, 1);
  key(h, 10, 1, 1);
  key(h, 8, 1, 0);
  key(h, 10, 1, 0);
  harness_clear_log(h);
  {
    static const int want[5] = {8, 9, 10, 8, 9};
    int n;
    for (n = 0; n < 5; n++) {
      harness_in(h, w, 1, 1);
      CHECK_EQ_INT(h->log[h->n - 1].value, want[n]);
    }
  }
  advance(h, 50);
  CHECK(led(7, 1) == 0 && led(8, 1) == 4 && led(9, 1) == 15 && led(10, 1) == 4 && led(11, 1) == 0);
  /* alt + row 1 key LENGTH-1: reverse */
  key(h, 15, 0, 1);
  key(h, 14, 1, 1);
  key(h, 14, 1, 0);
  key(h, 15, 0, 0);
  harness_clear_log(h);
  {
    static const int want[4] = {10, 9, 8, 10};
    int n;
    for (n = 0; n < 4; n++) {
      harness_in(h, w, 1, 1);
      CHECK_EQ_INT(h->log[h->n - 1].value, want[n]);
    }
  }
  /* quick press on the pattern row: pattern 3 (empty, forward, full loop) */
  tap(h, 3, 2);
  tap(h, 9, 6); /* its step 9 triggers row 2 */
  harness_clear_log(h);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR2, 1, WW_POS, 9);
  /* long press (0.5 s) on pattern 5: pattern 3 is copied there and plays */
  key(h, 5, 2, 1);
  advance(h, 450);
  harness_clear_log(h);
  tap(h, 9, 1); /* cut back to 9 */
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR2, 1, WW_POS, 9);
  advance(h, 100);
  key(h, 5, 2, 0);
  CHECK_EQ_INT(led(5, 2), 11); /* pattern 5 playing */
  CHECK_EQ_INT(led(3, 2), 4);
  tap(h, 9, 6); /* pattern 5's own step: off */
  tap(h, 9, 1);
  harness_clear_log(h);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 9);
  tap(h, 3, 2); /* pattern 3 still has it */
  tap(h, 9, 1);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_TR2, 1, WW_POS, 9);
  /* mute trigger row 2: hold LENGTH-1 on the top row, press its output key */
  key(h, 14, 0, 1);
  tap(h, 2, 0);
  key(h, 14, 0, 0);
  tap(h, 9, 1);
  harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 9);
  done(h);
}

static void test_ww_probability(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t w = harness_add(h, OP_WW);
  uint8_t x;
  for (x = 0; x < 4; x++) tap(h, x, 4);
  key(h, 15, 0, 1); /* alt + row 3: probability page */
  tap(h, 0, 3);
  key(h, 15, 0, 0);
  for (x = 0; x < 4; x++) tap(h, x, 5); /* 128 */
  tap(h, 0, 0);                         /* back to the trigger page */
  harness_clear_log(h);
  /* the op's generator gives 186, 217, 245, then 74 (mod 255) at the trigger draws */
  for (x = 0; x < 4; x++) harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 0, WW_CVA, 0, WW_CVB, 0, WW_POS, 1, WW_CVA,
                 0, WW_CVB, 0, WW_POS, 2, WW_CVA, 0, WW_CVB, 0, WW_TR0, 1, WW_POS, 3);
  tap(h, 5, 3); /* row 3: probability 255 <-> 0 */
  tap(h, 5, 4);
  for (x = 0; x < 2; x++) harness_in(h, w, 1, 1);
  HARNESS_EXPECT(h, w, WW_CVA, 0, WW_CVB, 0, WW_POS, 4, WW_CVA, 0, WW_CVB, 0, WW_POS, 5);
  done(h);
}

static void test_ww_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t w = harness_add(h, OP_WW), c;
  static uint8_t img[3976], file[3980], out[3980];
  uint32_t i;
  tap(h, 1, 4);
  harness_in(h, w, 2, 77);
  CHECK_EQ_INT(pickle_of(h, w, out, sizeof out, OP_FORMAT_0_8_1), 3980);
  CHECK_EQ_INT(out[0], 1);
  CHECK_EQ_INT(out[2], 77);
  CHECK_EQ_INT(out[4 + 2], 15);       /* pattern 0 loop_end: image byte 1 */
  CHECK_EQ_INT(out[4 + 16 + 2], 1);   /* steps[1]: image byte 17 */
  CHECK_EQ_INT(out[4 + 32 + 3], 255); /* step_probs[0]: image byte 32 */
  CHECK_EQ_INT(out[4 + 3968 + 3], 0); /* series_start: image byte 3968 */
  CHECK_EQ_INT(out[4 + 3968 + 2], 3); /* series_end */
  CHECK_EQ_INT(harness_pickle_roundtrip(h, w, OP_FORMAT_0_8_1), 3980);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, w, OP_FORMAT_0_7_1), 4);
  /* a hardware image: pattern 0 reverse over steps 0..3, each step one row, curves 100 k */
  for (i = 0; i < sizeof img; i++) img[i] = 0;
  img[0] = 0;  /* loop_start */
  img[1] = 3;  /* loop_end */
  img[2] = 3;  /* loop_len */
  img[3] = 1;  /* loop_dir */
  img[9] = 0x5A, img[10] = 0x5B, img[11] = 0x5C; /* padding */
  img[15] = 1; /* step_mode = reverse (big-endian enum) */
  for (i = 0; i < 4; i++) {
    img[16 + i] = (uint8_t)(1u << i); /* steps */
    img[32 + i] = 255;                /* step_probs */
    img[144 + 2 * i + 1] = (uint8_t)(100 * i); /* cv_curves[0][i], low byte */
    img[208 + i] = 255;                         /* cv_probs[0] */
    img[224 + i] = 255;                         /* cv_probs[1] */
  }
  img[144 + 2 * 3] = 0x01; /* cv_curves[0][3] = 0x012C = 300 */
  for (i = 0; i < 4; i++) img[3970 + i] = 1; /* tr_mute */
  img[3974] = img[3975] = 1;                 /* cv_mute */
  file[0] = 0, file[1] = 0, file[2] = 0x10, file[3] = 0; /* FOCUS 0, PARAM 16 */
  image_to_file(img, file + 4, 3976);
  CHECK_EQ_INT(file[4 + 12], 1); /* the enum's low byte comes first in the file */
  c = harness_add(h, OP_WW);
  CHECK_EQ_INT(unpickle_into(h, c, file, 3979, OP_FORMAT_0_8_1), -1);
  CHECK_EQ_INT(unpickle_into(h, c, file, 3980, OP_FORMAT_0_8_1), 3980);
  CHECK_EQ_INT(harness_value(h, c, 0), 0);
  CHECK_EQ_INT(harness_value(h, c, 2), 16);
  CHECK(monome_grid_focus_op(&mon) == 0); /* FOCUS 0 released the focus its init took */
  CHECK_EQ_INT(pickle_of(h, c, out, sizeof out, OP_FORMAT_0_8_1), 3980);
  CHECK(memcmp(out, file, 3980) == 0);
  harness_clear_log(h);
  harness_in(h, c, 1, 1);
  harness_in(h, c, 1, 1);
  harness_in(h, c, 1, 1);
  harness_in(h, c, 1, 1);
  HARNESS_EXPECT(h, c, WW_CVA, 0, WW_CVB, 0, WW_TR0, 1, WW_POS, 0, WW_CVA, 300, WW_CVB, 0, WW_TR3,
                 1, WW_POS, 3, WW_CVA, 200, WW_CVB, 0, WW_TR2, 1, WW_POS, 2, WW_CVA, 100, WW_CVB,
                 0, WW_TR1, 1, WW_POS, 1);
  /* 0.7.1: FOCUS and PARAM only */
  {
    static const uint8_t v071[4] = {1, 0, 0x20, 0x03};
    CHECK_EQ_INT(unpickle_into(h, c, v071, 4, OP_FORMAT_0_7_1), 4);
    CHECK_EQ_INT(harness_value(h, c, 0), 1);
    CHECK_EQ_INT(harness_value(h, c, 2), 800);
    CHECK(monome_grid_focus_op(&mon) == net_op(h->net, c));
    CHECK_EQ_INT(unpickle_into(h, c, v071, 3, OP_FORMAT_0_7_1), -1);
  }
  done(h);
}

static void test_ww_focus_reads_the_grid(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t w = harness_add(h, OP_WW), n;
  harness_clear_log(h);
  for (n = 0; n < 9; n++) harness_in(h, w, 1, 1); /* init assumes 16 columns */
  CHECK_EQ_INT(h->log[h->n - 1].value, 8);
  monome_set_vari(&mon, false);
  harness_in(h, w, 0, 1); /* FOCUS: 8 columns, loop end clamped to 7, mono LEDs */
  harness_clear_log(h);
  for (n = 0; n < 10; n++) harness_in(h, w, 1, 1);
  CHECK_EQ_INT(h->log[h->n - 1].value, 0); /* 9, then 0..7 and round to 0 */
  CHECK_EQ_INT(h->log[h->n - 4].value, 7);
  CHECK_EQ_INT(h->log[2].value, 9);
  CHECK_EQ_INT(h->log[5].value, 0);
  now_ms = 0;
  advance(h, 50);
  CHECK_EQ_INT(led(0, 0), 11); /* mono display: trigger page keys full on */
  CHECK_EQ_INT(led(0, 1), 15);
  CHECK_EQ_INT(led(7, 0), 0);
  key(h, 7, 0, 1); /* alt is now column 7 */
  advance(h, 50);
  CHECK_EQ_INT(led(7, 0), 11);
  key(h, 7, 0, 0);
  harness_free(h);
  { /* nothing attached: FOCUS keeps 16 columns */
    h = harness_new(0, 0);
    w = harness_add(h, OP_WW);
    harness_in(h, w, 0, 1);
    harness_clear_log(h);
    for (n = 0; n < 12; n++) harness_in(h, w, 1, 1);
    CHECK_EQ_INT(h->log[h->n - 1].value, 11);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, w, OP_FORMAT_0_8_1), 3980);
    harness_free(h);
  }
}

/* ------------------------------------------------------------------ KRIA */

enum { KR_TR0, KR_NOTE0, KR_TR1, KR_NOTE1 };

static void clocks(harness_t *h, uint16_t k, int n) {
  while (n-- > 0) harness_in(h, k, 1, 1);
}

static void test_kria_sequencing(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t k = harness_add(h, OP_KRIA);
  now_ms = 0;
  CHECK_EQ_INT(harness_value(h, k, 0), 1);
  CHECK_EQ_INT(harness_value(h, k, 2), 12);
  CHECK_EQ_INT(harness_value(h, k, 3), 5);
  /* bottom row at init: track 0, trigger page */
  CHECK_EQ_INT(led(0, 7), 12);
  CHECK_EQ_INT(led(1, 7), 4);
  CHECK_EQ_INT(led(3, 7), 12);
  CHECK_EQ_INT(led(4, 7), 4);
  CHECK_EQ_INT(led(9, 7), 4);
  CHECK_EQ_INT(led(15, 7), 0);
  tap(h, 2, 0); /* trigger at step 2, with accent */
  tap(h, 2, 1);
  tap(h, 3, 0); /* trigger at step 3, octave 2 */
  tap(h, 3, 4);
  harness_clear_log(h);
  harness_in(h, k, 1, 1); /* the first clock plays step 1 */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, k, 1), 0); /* CLOCK reads 0, as in bees */
  harness_in(h, k, 1, 1);
  HARNESS_EXPECT(h, k, KR_NOTE0, 0, KR_TR0, 2);
  advance(h, 15);
  HARNESS_EXPECT_NONE(h);
  advance(h, 1); /* (duration 0 + 1) x dur_mul 4 x 4 = 16 ms */
  HARNESS_EXPECT(h, k, KR_TR0, 0);
  harness_in(h, k, 1, 1);
  HARNESS_EXPECT(h, k, KR_NOTE0, 24, KR_TR0, 1); /* octave 2 x OCTAVE 12 */
  harness_in(h, k, 1, 1); /* a new note before the last one's off: only one off, later */
  advance(h, 10);
  HARNESS_EXPECT_NONE(h);
  advance(h, 6);
  HARNESS_EXPECT(h, k, KR_TR0, 0);
  clocks(h, k, 4); /* 5, 0, 1, 2: the loop is 0..5 */
  HARNESS_EXPECT(h, k, KR_NOTE0, 0, KR_TR0, 2);
  advance(h, 34); /* the refresh shows step 2 playing */
  HARNESS_EXPECT(h, k, KR_TR0, 0);
  CHECK_EQ_INT(led(2, 0), 12); /* L1 + 4 */
  CHECK_EQ_INT(led(3, 0), 8);
  CHECK_EQ_INT(led(2, 1), 12);
  CHECK_EQ_INT(led(3, 4), 4); /* octave column of step 3: rows 6..4 */
  CHECK_EQ_INT(led(3, 6), 4);
  CHECK_EQ_INT(led(3, 3), 0);
  CHECK_EQ_INT(led(2, 6), 8); /* step 2's octave 0, playing */
  harness_in(h, k, 2, 7);     /* OCTAVE */
  clocks(h, k, 1);
  HARNESS_EXPECT(h, k, KR_NOTE0, 14, KR_TR0, 1);
  harness_in(h, k, 2, 12);
  /* duration page: step 3 lasts (2 + 1) x 16 ms */
  tap(h, 4, 7);
  tap(h, 3, 3);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE0, 0, KR_TR0, 2, KR_NOTE0, 24, KR_TR0, 1);
  advance(h, 47);
  HARNESS_EXPECT_NONE(h);
  advance(h, 1);
  HARNESS_EXPECT(h, k, KR_TR0, 0);
  /* clock divider: hold the time key, trigger row divides by 2 */
  tap(h, 3, 7);
  key(h, 10, 7, 1);
  tap(h, 1, 0);
  key(h, 10, 7, 0);
  clocks(h, k, 12); /* trigger steps every other clock: 4, 5, 0, 1, 2, 3 */
  /* the accent row kept its own pace: step 2's accent is no longer under it */
  HARNESS_EXPECT(h, k, KR_NOTE0, 0, KR_TR0, 1, KR_NOTE0, 24, KR_TR0, 1);
  done(h);
}

static void test_kria_scales_tracks_patterns(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t k = harness_add(h, OP_KRIA), k2;
  now_ms = 0;
  tap(h, 1, 7); /* track 2 */
  tap(h, 4, 0); /* trigger at step 4 */
  tap(h, 5, 7); /* note page: step 4 is degree 3 */
  tap(h, 4, 3);
  harness_clear_log(h);
  clocks(h, k, 4);
  HARNESS_EXPECT(h, k, KR_NOTE1, 0, KR_TR1, 1); /* no scale computed yet: degree reads 0 */
  tap(h, 6, 7);                                  /* scale page: step 4 uses scale 1 */
  tap(h, 4, 1);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE1, 3, KR_TR1, 1); /* scale 1 is all steps of 1 */
  /* scale editor: slot 1 gets the dorian mode: degree 3 is 5 semitones */
  tap(h, 12, 7);
  tap(h, 0, 1);
  tap(h, 2, 6);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE1, 5, KR_TR1, 1);
  advance(h, 50);
  CHECK_EQ_INT(led(0, 1), 12); /* the slot being edited */
  CHECK_EQ_INT(led(2, 0), 12); /* its user scale: 1 */
  CHECK_EQ_INT(led(10, 5), 8); /* interval of degree 1 is 2 */
  CHECK_EQ_INT(led(9, 4), 8);  /* degree 2: 1 */
  CHECK_EQ_INT(led(12, 7), 8); /* page key */
  HARNESS_EXPECT(h, k, KR_TR1, 0); /* the note-off came during the 50 ms */
  /* transpose page: step 4 transposes by 2 + 1 x TUNING */
  tap(h, 7, 7);
  tap(h, 4, 0);
  tap(h, 2, 5);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE1, 12, KR_TR1, 1);
  /* patterns: queue 4 (empty): the next clock switches and restarts both tracks */
  tap(h, 13, 7);
  tap(h, 4, 0);
  clocks(h, k, 12);
  HARNESS_EXPECT_NONE(h);
  tap(h, 0, 0); /* back to pattern 0 */
  clocks(h, k, 1);
  clocks(h, k, 5); /* the switch put track 2 at its loop end, it stepped to 0: now 1..5 */
  HARNESS_EXPECT(h, k, KR_NOTE1, 12, KR_TR1, 1);
  key(h, 15, 7, 1); /* alt: copy pattern 0 to 6 and switch at once */
  tap(h, 6, 0);
  key(h, 15, 7, 0);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE1, 12, KR_TR1, 1);
  advance(h, 50);
  CHECK_EQ_INT(led(6, 0), 12);
  CHECK_EQ_INT(led(4, 0), 4);
  /* a second KRIA has its own state (bees shared one between all) */
  k2 = harness_add(h, OP_KRIA);
  harness_clear_log(h);
  clocks(h, k2, 6);
  HARNESS_EXPECT_NONE(h);
  clocks(h, k, 6);
  HARNESS_EXPECT(h, k, KR_NOTE1, 12, KR_TR1, 1);
  done(h);
}

static void test_kria_loops(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t k = harness_add(h, OP_KRIA);
  uint8_t x;
  now_ms = 0;
  for (x = 0; x < 6; x++) tap(h, x, 0); /* triggers on 0..5 */
  key(h, 9, 7, 1);                      /* loop edit: trigger loop 2..3 */
  key(h, 2, 0, 1);
  key(h, 3, 0, 1);
  key(h, 2, 0, 0);
  key(h, 3, 0, 0);
  advance(h, 50);
  CHECK_EQ_INT(led(9, 7), 8);
  CHECK(led(1, 0) == 2 && led(2, 0) == 12 && led(3, 0) == 8 && led(4, 0) == 2);
  key(h, 9, 7, 0);
  harness_clear_log(h);
  clocks(h, k, 4); /* the trigger sequence now plays 3, 2, 3, 2 */
  CHECK_EQ_INT(h->n, 8);
  advance(h, 50);
  CHECK(led(2, 0) == 12 && led(3, 0) == 8 && led(5, 0) == 2);
  done(h);
}

static void test_kria_pickle(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t k = harness_add(h, OP_KRIA), c;
  static uint8_t img[5808], file[5816], out[5816];
  uint32_t i;
  tap(h, 2, 0);
  harness_in(h, k, 3, 7);
  CHECK_EQ_INT(pickle_of(h, k, out, sizeof out, OP_FORMAT_0_8_1), 5816);
  CHECK_EQ_INT(out[0], 1);  /* FOCUS */
  CHECK_EQ_INT(out[2], 12); /* OCTAVE */
  CHECK_EQ_INT(out[4], 7);  /* TUNING */
  CHECK_EQ_INT(out[8 + 1], 1);          /* tr[2]: image byte 2 */
  CHECK_EQ_INT(out[8 + 112 + 3], 4);    /* dur_mul: image byte 112 */
  CHECK_EQ_INT(out[8 + 120 + 3], 5);    /* lend[0]: image byte 120 */
  CHECK_EQ_INT(out[8 + 144], 1);        /* tmul[0] = 1: little-endian in the file */
  CHECK_EQ_INT(out[8 + 5504 + 2], 1);   /* pscale[1] */
  CHECK_EQ_INT(harness_pickle_roundtrip(h, k, OP_FORMAT_0_8_1), 5816);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, k, OP_FORMAT_0_7_1), 5816);
  /* a hardware image: track 1 pattern 0 triggers on 0 and 1, notes 2 and 4, scale slot 0 is
   * the ionian mode, loops 0..1, padding set */
  for (i = 0; i < sizeof img; i++) img[i] = 0;
  for (i = 0; i < 32; i++) {
    uint32_t b = i * 172, j;
    img[b + 112] = 4;
    for (j = 0; j < 7; j++) {
      img[b + 120 + j] = 1; /* lend */
      img[b + 127 + j] = 2; /* llen */
      img[b + 144 + 4 * j + 3] = 1; /* tmul = 1, big-endian */
    }
  }
  img[0] = 1, img[1] = 1;         /* kp[0][0].tr[0..1] */
  img[48] = 2, img[49] = 4;       /* note[0..1] */
  img[141] = 0xA1, img[143] = 0xA3; /* padding of kp[0][0] */
  for (i = 0; i < 7; i++) img[5504 + i] = (uint8_t)i;
  {
    static const uint8_t ionian[7] = {0, 2, 2, 1, 2, 2, 2};
    for (i = 0; i < 7; i++) img[5511 + i] = ionian[i];
  }
  img[5805] = 0xEE; /* trailing padding */
  file[0] = 1, file[1] = 0, file[2] = 12, file[3] = 0, file[4] = 5, file[5] = 0;
  file[6] = 3, file[7] = 0; /* PATTERN 3 (stored only) */
  image_to_file(img, file + 8, 5808);
  c = harness_add(h, OP_KRIA);
  CHECK_EQ_INT(unpickle_into(h, c, file, 5815, OP_FORMAT_0_8_1), -1);
  CHECK_EQ_INT(unpickle_into(h, c, file, 5816, OP_FORMAT_0_8_1), 5816);
  CHECK_EQ_INT(harness_value(h, c, 4), 3);
  CHECK_EQ_INT(pickle_of(h, c, out, sizeof out, OP_FORMAT_0_8_1), 5816);
  CHECK(memcmp(out, file, 5816) == 0);
  harness_clear_log(h);
  clocks(h, c, 3); /* positions 1, 0, 1: degree 4 = 7, degree 2 = 4 (scale computed on load) */
  HARNESS_EXPECT(h, c, KR_NOTE0, 7, KR_TR0, 1, KR_NOTE0, 4, KR_TR0, 1, KR_NOTE0, 7, KR_TR0, 1);
  done(h);
}

/* ------------------------------------------------------------------ no device */

static void test_no_device(void) {
  harness_t *h = harness_new(0, 0); /* no monome attached at all */
  uint16_t l = harness_add(h, OP_LIFE), s = harness_add(h, OP_STEP), m = harness_add(h, OP_MP);
  CHECK_EQ_INT(harness_value(h, l, 1), 0); /* bees: size 0 with nothing plugged in */
  harness_clear_log(h);
  harness_in(h, l, 0, 1);
  HARNESS_EXPECT(h, l, 0, 0, 1, 0, 2, 0);
  harness_in(h, l, 3, 5);
  CHECK_EQ_INT(harness_value(h, l, 3), 0);
  harness_clear_log(h);
  harness_in(h, s, 2, 3); /* size 0: the playheads stay at 0 */
  expect_step(h, s, 0, 0, 0, 0, 0, 0, 0, 0);
  harness_in(h, s, 2, -3);
  expect_step(h, s, 0, 0, 0, 0, 0, 0, 0, 0);
  harness_in(h, s, 1, 16); /* SIZE does not move the loop ends set at init (0) */
  harness_in(h, s, 2, 1);
  expect_step(h, s, 0, 0, 0, 0, 0, 0, 0, 0);
  harness_clear_log(h);
  { /* MP with no device: counts run; random / max rules use 8 columns */
    int n;
    for (n = 0; n < 4; n++) harness_in(h, m, 2, 1);
    HARNESS_EXPECT(h, m, 0, 1);
  }
  CHECK_EQ_INT(harness_pickle_roundtrip(h, m, OP_FORMAT_0_8_1), 60);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, s, OP_FORMAT_0_8_1), 336);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, l, OP_FORMAT_0_8_1), 268);
  { /* KRIA with no device: clocks, note-offs and refreshes run */
    uint16_t k = harness_add(h, OP_KRIA);
    harness_in(h, k, 1, 1);
    harness_in(h, k, 1, 1);
    net_advance(h->net, 1000);
    CHECK_EQ_INT(harness_value(h, k, 0), 1);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, k, OP_FORMAT_0_8_1), 5816);
  }
  harness_free(h);
}

int main(void) {
  RUN(test_grid_modes);
  RUN(test_grid_pickle);
  RUN(test_gridraw);
  RUN(test_arc);
  RUN(test_life_blinker);
  RUN(test_life_rules);
  RUN(test_life_glider);
  RUN(test_life_pickle);
  RUN(test_step_sequencing);
  RUN(test_step_pickle);
  RUN(test_mp_cascade);
  RUN(test_mp_rules_random_and_max);
  RUN(test_mp_pickle);
  RUN(test_ww_triggers_and_display);
  RUN(test_ww_loops_patterns_mutes);
  RUN(test_ww_probability);
  RUN(test_ww_pickle);
  RUN(test_ww_focus_reads_the_grid);
  RUN(test_kria_sequencing);
  RUN(test_kria_scales_tracks_patterns);
  RUN(test_kria_loops);
  RUN(test_kria_pickle);
  RUN(test_no_device);
  return check_summary("test_ops_monome");
}
