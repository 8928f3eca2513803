/* SPDX-License-Identifier: MIT */
/* test_ops_time.c: the timed op classes (METRO, DELAY, TIMER, CKDIV) and the graphics ones
 * (BIGNUM, SCREEN, BARS, BARS8): scripted inputs against bees' behaviour with the net's clock
 * advanced by hand, exact framebuffer pixels, graphics-mode counting, and pickles in both
 * formats (round trips, byte-exact decodes of hand-built 0.7.1 states). */
#include "net_devices.h"
#include "op_harness.h"
#include "screen.h"

/* ---- helpers ---- */

/* Unpickles bytes into op `idx` and checks they were all consumed. */
static void load(harness_t *h, uint16_t idx, const uint8_t *b, uint32_t n, op_format_t fmt) {
  op_t *o = net_op(h->net, idx);
  CHECK_EQ_INT(op_unpickle(o, b, n, fmt), (int32_t)n);
  /* one byte short is refused */
  if (n > 0) {
    uint16_t tmp = harness_add(h, o->cls->id);
    op_t *t = net_op(h->net, tmp);
    CHECK_EQ_INT(op_unpickle(t, b, n - 1u, fmt), -1);
    CHECK_EQ_INT(net_remove_op(h->net, tmp), NET_OK);
  }
}

/* Pickles op `idx` and compares with the expected bytes. */
static void expect_pickle(harness_t *h, uint16_t idx, op_format_t fmt, const uint8_t *b,
                          uint32_t n) {
  uint8_t out[64];
  op_t *o = net_op(h->net, idx);
  int32_t got = op_pickle(o, out, sizeof out, fmt);
  CHECK_EQ_INT(got, (int32_t)n);
  CHECK(got == (int32_t)n && memcmp(out, b, n) == 0);
}

static void roundtrip_both(harness_t *h, uint16_t idx, int32_t size) {
  CHECK_EQ_INT(harness_pickle_roundtrip(h, idx, OP_FORMAT_0_7_1), size);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, idx, OP_FORMAT_0_8_1), size);
}

/* Steps the clock to t (absolute ms). */
static void at(harness_t *h, uint32_t t) { net_advance(h->net, t); }

static screen_t *attach_screen(harness_t *h) {
  screen_t *s = malloc(sizeof *s);
  screen_init(s);
  net_attach_screen(h->net, s);
  return s;
}

static uint32_t count_nonzero(const screen_t *s) {
  uint32_t i, n = 0;
  for (i = 0; i < SCREEN_W * SCREEN_H; i++) n += s->px[i] != 0;
  return n;
}

/* ---- METRO ---- */

static void test_metro(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t m = harness_add(h, OP_METRO);
  static const uint8_t defaults[] = {0x00, 0x00, 0x7D, 0x00, 0x01, 0x00};
  CHECK_EQ_INT(harness_value(h, m, 0), 0);
  CHECK_EQ_INT(harness_value(h, m, 1), 125);
  CHECK_EQ_INT(harness_value(h, m, 2), 1);
  expect_pickle(h, m, OP_FORMAT_0_8_1, defaults, 6);
  expect_pickle(h, m, OP_FORMAT_0_7_1, defaults, 6);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  at(h, 1000);
  HARNESS_EXPECT_NONE(h); /* disabled: nothing */

  harness_in(h, m, 0, 1); /* enable at 1000: first tick one period later */
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  HARNESS_EXPECT_NONE(h);
  at(h, 1124);
  HARNESS_EXPECT_NONE(h);
  at(h, 1125);
  HARNESS_EXPECT(h, m, 0, 1);
  at(h, 1375);
  HARNESS_EXPECT(h, m, 0, 1, 0, 1);
  harness_in(h, m, 0, 5); /* enabling again does not restart (ENABLE stays 1) */
  CHECK_EQ_INT(harness_value(h, m, 0), 1);
  harness_in(h, m, 2, -7); /* VAL: the next ticks carry -7 */
  at(h, 1500);
  HARNESS_EXPECT(h, m, 0, -7);
  /* PERIOD applies from the next tick on: 1625 is already due, then every 10 ms */
  harness_in(h, m, 1, 10);
  CHECK_EQ_INT(harness_value(h, m, 1), 10);
  at(h, 1624);
  HARNESS_EXPECT_NONE(h);
  at(h, 1645);
  HARNESS_EXPECT(h, m, 0, -7, 0, -7, 0, -7);
  /* PERIOD is at least 5, and the timer runs at the clamped period (bees: raw, quirk 12) */
  harness_in(h, m, 1, 0);
  CHECK_EQ_INT(harness_value(h, m, 1), 5);
  harness_in(h, m, 1, -300);
  CHECK_EQ_INT(harness_value(h, m, 1), 5);
  at(h, 1655); /* ticks at 1655 (old period), then every 5 ms */
  HARNESS_EXPECT(h, m, 0, -7);
  at(h, 1670);
  HARNESS_EXPECT(h, m, 0, -7, 0, -7, 0, -7);
  /* disable: stops; zero and negative both disable */
  harness_in(h, m, 0, -1);
  CHECK_EQ_INT(harness_value(h, m, 0), 0);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  at(h, 2000);
  HARNESS_EXPECT_NONE(h);
  /* re-enable restarts the phase from now */
  harness_in(h, m, 1, 100);
  harness_in(h, m, 0, 1);
  at(h, 2099);
  HARNESS_EXPECT_NONE(h);
  at(h, 2100);
  HARNESS_EXPECT(h, m, 0, -7);
  harness_in(h, m, 0, 0);
  HARNESS_EXPECT_NONE(h);

  /* a missed stretch fires once per period, in order */
  harness_in(h, m, 1, 20);
  harness_in(h, m, 2, 3);
  harness_in(h, m, 0, 1); /* at 2100 */
  at(h, 2200);
  HARNESS_EXPECT(h, m, 0, 3, 0, 3, 0, 3, 0, 3, 0, 3);

  /* pickles: round trip (an enabled copy runs, then is removed with its timer) */
  roundtrip_both(h, m, 6);
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  harness_clear_log(h);
  /* removal stops the timer */
  CHECK_EQ_INT(net_remove_op(h->net, m), NET_OK);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
}

/* 0.7.1 METRO state as the real scenes hold it: ENABLE 1, PERIOD 1000, VAL -1 */
static void test_metro_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  static const uint8_t state[] = {0x01, 0x00, 0xE8, 0x03, 0xFF, 0xFF};
  static const uint8_t off[] = {0x00, 0x00, 0x05, 0x00, 0x40, 0x00};
  uint16_t m = harness_add(h, OP_METRO);
  at(h, 500);
  load(h, m, state, sizeof state, OP_FORMAT_0_7_1);
  CHECK_EQ_INT(harness_value(h, m, 0), 1);
  CHECK_EQ_INT(harness_value(h, m, 1), 1000);
  CHECK_EQ_INT(harness_value(h, m, 2), -1);
  CHECK_EQ_INT(net_timer_count(h->net), 1); /* a loaded enabled metro runs */
  at(h, 1499);
  HARNESS_EXPECT_NONE(h);
  at(h, 1500);
  HARNESS_EXPECT(h, m, 0, -1);
  expect_pickle(h, m, OP_FORMAT_0_7_1, state, sizeof state);
  expect_pickle(h, m, OP_FORMAT_0_8_1, state, sizeof state);
  /* loading a disabled state stops it */
  load(h, m, off, sizeof off, OP_FORMAT_0_8_1);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  CHECK_EQ_INT(harness_value(h, m, 2), 64);
  at(h, 5000);
  HARNESS_EXPECT_NONE(h);
  harness_free(h);
}

/* ---- DELAY ---- */

static void test_delay(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t d = harness_add(h, OP_DELAY);
  static const uint8_t defaults[] = {0x7D, 0x00};
  CHECK_EQ_INT(harness_value(h, d, 0), 0);
  CHECK_EQ_INT(harness_value(h, d, 1), 125);
  CHECK_EQ_INT(harness_value(h, d, 2), 0);
  expect_pickle(h, d, OP_FORMAT_0_7_1, defaults, 2);
  expect_pickle(h, d, OP_FORMAT_0_8_1, defaults, 2);
  at(h, 100);
  harness_in(h, d, 0, 5); /* one-shot of 125 ms */
  HARNESS_EXPECT_NONE(h);
  at(h, 224);
  HARNESS_EXPECT_NONE(h);
  at(h, 225);
  HARNESS_EXPECT(h, d, 0, 5);
  at(h, 1000); /* one shot only */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  /* a new VAL restarts the delay and replaces the value */
  harness_in(h, d, 0, 1);
  at(h, 1100);
  harness_in(h, d, 0, 2);
  at(h, 1224);
  HARNESS_EXPECT_NONE(h);
  at(h, 1225);
  HARNESS_EXPECT(h, d, 0, 2);
  /* TIME is at least 1; a pending delay keeps its expiry, the next VAL uses the new TIME */
  harness_in(h, d, 1, 0);
  CHECK_EQ_INT(harness_value(h, d, 1), 1);
  harness_in(h, d, 1, -50);
  CHECK_EQ_INT(harness_value(h, d, 1), 1);
  harness_in(h, d, 0, -9);
  at(h, 1226);
  HARNESS_EXPECT(h, d, 0, -9);
  harness_in(h, d, 1, 40);
  harness_in(h, d, 0, 3); /* due 1266 */
  harness_in(h, d, 1, 500);
  at(h, 1266);
  HARNESS_EXPECT(h, d, 0, 3);
  /* CLEAR: nonzero cancels, zero does nothing; its value is never stored */
  harness_in(h, d, 0, 4); /* due 1766 */
  harness_in(h, d, 2, 0);
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  harness_in(h, d, 2, -2);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  CHECK_EQ_INT(harness_value(h, d, 2), 0);
  at(h, 3000);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, d, 2, 1); /* clearing nothing is harmless */
  /* chained: a DELAY feeding a second DELAY */
  {
    uint16_t d2 = harness_add(h, OP_DELAY);
    harness_in(h, d2, 1, 10);
    CHECK_EQ_INT(net_connect(h->net, net_op_first_out(h->net, d), net_op_first_in(h->net, d2)),
                 NET_OK);
    harness_in(h, d, 0, 77); /* 3000 + 500 -> d fires; d2 fires 10 ms later */
    at(h, 3500);
    CHECK_EQ_INT(h->n, 1);
    at(h, 3510);
    CHECK_EQ_INT(h->n, 2);
    CHECK(h->n == 2 && h->log[1].op == d2 && h->log[1].value == 77);
    harness_clear_log(h);
  }
  /* pickles: TIME only */
  harness_in(h, d, 1, 300);
  {
    static const uint8_t b[] = {0x2C, 0x01};
    expect_pickle(h, d, OP_FORMAT_0_7_1, b, 2);
    roundtrip_both(h, d, 2);
  }
  /* a pending delay dies with its op */
  harness_in(h, d, 0, 1);
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  CHECK_EQ_INT(net_remove_op(h->net, d), NET_OK);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
}

static void test_delay_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  static const uint8_t state[] = {0xE8, 0x03}; /* TIME 1000 */
  uint16_t d = harness_add(h, OP_DELAY);
  load(h, d, state, 2, OP_FORMAT_0_7_1);
  CHECK_EQ_INT(harness_value(h, d, 1), 1000);
  CHECK_EQ_INT(harness_value(h, d, 0), 0); /* not in the state: default */
  CHECK_EQ_INT(net_timer_count(h->net), 0); /* loading arms nothing */
  harness_in(h, d, 0, 8);
  at(h, 999);
  HARNESS_EXPECT_NONE(h);
  at(h, 1000);
  HARNESS_EXPECT(h, d, 0, 8);
  harness_free(h);
}

/* ---- TIMER ---- */

static void test_timer(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t t;
  uint8_t buf[4];
  at(h, 1000);
  t = harness_add(h, OP_TIMER); /* measures from its creation */
  CHECK_EQ_INT(harness_value(h, t, 0), 0);
  CHECK_EQ_INT(harness_value(h, t, 1), 0);
  at(h, 1250);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 250);
  CHECK_EQ_INT(harness_value(h, t, 0), 1);
  at(h, 1260);
  harness_in(h, t, 0, 9); /* any value is an event */
  HARNESS_EXPECT(h, t, 0, 10);
  harness_in(h, t, 0, 0); /* twice at the same time: 0 ms */
  HARNESS_EXPECT(h, t, 0, 0);
  CHECK_EQ_INT(harness_value(h, t, 0), 0);
  /* RESET restarts silently */
  at(h, 1300);
  harness_in(h, t, 1, 4);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_value(h, t, 1), 4);
  at(h, 1400);
  harness_in(h, t, 0, -3);
  HARNESS_EXPECT(h, t, 0, 100);
  /* clipped to 32767 */
  at(h, 1400 + 32767);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 32767);
  at(h, 1400 + 32767 + 40000);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 32767);
  at(h, 1400 + 32767 + 40000 + 5);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 5);
  /* across the 32-bit clock wrap */
  at(h, 0xFFFFFFF0u);
  harness_in(h, t, 1, 0);
  at(h, 0x10u);
  harness_in(h, t, 0, 1);
  HARNESS_EXPECT(h, t, 0, 0x20);
  /* no state in either format, and no timers */
  {
    op_t *o = net_op(h->net, t);
    CHECK_EQ_INT(op_pickle(o, buf, 0, OP_FORMAT_0_7_1), 0);
    CHECK_EQ_INT(op_pickle(o, buf, sizeof buf, OP_FORMAT_0_8_1), 0);
    CHECK_EQ_INT(op_unpickle(o, buf, 0, OP_FORMAT_0_7_1), 0);
    CHECK_EQ_INT(op_unpickle(o, buf, 0, OP_FORMAT_0_8_1), 0);
  }
  roundtrip_both(h, t, 0);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
}

/* ---- CKDIV ---- */

typedef struct {
  uint32_t t;
  uint8_t out; /* 0 TICK, 1 TOCK */
} ck_event_t;

/* Runs the clock from `from` to `to` one ms at a time, checking every fire against the script
 * (times relative to `from`). */
static void ck_expect(harness_t *h, uint16_t op, uint32_t from, const ck_event_t *ev, uint32_t n,
                      uint32_t to, io_t val) {
  uint32_t now, i = 0;
  for (now = from; now <= to; now++) {
    at(h, now);
    if (i < n && ev[i].t + from == now) {
      if (h->n != 1) fprintf(stderr, "ckdiv: at +%u expected one fire, got %u\n",
                             (unsigned)(now - from), (unsigned)h->n);
      CHECK_EQ_INT(h->n, 1);
      if (h->n == 1) {
        CHECK_EQ_INT(h->log[0].op, op);
        CHECK_EQ_INT(h->log[0].out, ev[i].out);
        CHECK_EQ_INT(h->log[0].value, val);
      }
      i++;
    } else {
      if (h->n != 0) fprintf(stderr, "ckdiv: unexpected fire at +%u\n", (unsigned)(now - from));
      CHECK_EQ_INT(h->n, 0);
    }
    harness_clear_log(h);
  }
  CHECK_EQ_INT(i, n);
}

static void test_ckdiv(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t c = harness_add(h, OP_CKDIV);
  static const uint8_t defaults[] = {0x00, 0x00, 0x7D, 0x00, 0x01, 0x00, 0x01, 0x00};
  /* bees' tick/tock arithmetic, from a tick-by-tick model of its handler and soft timer */
  static const ck_event_t p20d3[] = {{6, 1},  {12, 1}, {18, 0}, {25, 1}, {32, 1},
                                     {38, 0}, {45, 1}, {52, 1}, {58, 0}};
  static const ck_event_t p23d4[] = {{5, 1},  {10, 1}, {15, 1}, {21, 0}, {27, 1}, {33, 1},
                                     {38, 1}, {44, 0}, {50, 1}, {56, 1}, {61, 1}, {67, 0}};
  static const ck_event_t p125d1[] = {{125, 0}, {250, 0}, {375, 0}};
  CHECK_EQ_INT(harness_value(h, c, 0), 0);
  CHECK_EQ_INT(harness_value(h, c, 1), 125);
  CHECK_EQ_INT(harness_value(h, c, 2), 1);
  CHECK_EQ_INT(harness_value(h, c, 3), 1);
  expect_pickle(h, c, OP_FORMAT_0_8_1, defaults, 8);
  expect_pickle(h, c, OP_FORMAT_0_7_1, defaults, 8);

  /* a fresh instance runs (bees stalls after the first TICK: quirk 10, fixed) */
  at(h, 100);
  harness_in(h, c, 0, 1);
  HARNESS_EXPECT(h, c, 0, 1); /* TICK at once */
  ck_expect(h, c, 100, p125d1, 3, 100 + 400, 1);
  harness_in(h, c, 0, 0);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  CHECK_EQ_INT(harness_value(h, c, 0), 0);
  HARNESS_EXPECT_NONE(h);

  /* PERIOD 20, DIV 3: sub-intervals of 6 + 7 + 7 ms with bees' remainder bookkeeping */
  harness_in(h, c, 1, 20);
  harness_in(h, c, 3, 3);
  CHECK_EQ_INT(harness_value(h, c, 3), 3);
  harness_in(h, c, 2, 42);
  HARNESS_EXPECT_NONE(h);
  at(h, 1000);
  harness_in(h, c, 0, 1);
  HARNESS_EXPECT(h, c, 0, 42);
  ck_expect(h, c, 1000, p20d3, 9, 1000 + 60, 42);
  /* DIV too fine for the period (DIV * 5 > PERIOD) is ignored; below 1 is 1 */
  harness_in(h, c, 3, 5);
  CHECK_EQ_INT(harness_value(h, c, 3), 3);
  harness_in(h, c, 3, 4);
  CHECK_EQ_INT(harness_value(h, c, 3), 4);
  harness_in(h, c, 3, 0);
  CHECK_EQ_INT(harness_value(h, c, 3), 1);
  harness_in(h, c, 3, -6);
  CHECK_EQ_INT(harness_value(h, c, 3), 1);
  harness_in(h, c, 3, 4);
  HARNESS_EXPECT_NONE(h); /* DIV does not restart or fire */
  /* PERIOD while enabled restarts the cycle with a TICK; PERIOD is at least 5 */
  at(h, 2000);
  harness_clear_log(h);
  harness_in(h, c, 1, 23);
  HARNESS_EXPECT(h, c, 0, 42);
  ck_expect(h, c, 2000, p23d4, 12, 2000 + 70, 42);
  harness_in(h, c, 1, 2);
  CHECK_EQ_INT(harness_value(h, c, 1), 5);
  HARNESS_EXPECT(h, c, 0, 42);
  CHECK_EQ_INT(harness_value(h, c, 3), 4); /* 4 * 5 > 5 but the re-check keeps it */
  harness_in(h, c, 0, 0);
  /* PERIOD while disabled: no fire */
  harness_in(h, c, 1, 50);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  /* enabling twice does not restart */
  harness_in(h, c, 0, 1);
  HARNESS_EXPECT(h, c, 0, 42);
  harness_in(h, c, 0, 3);
  HARNESS_EXPECT_NONE(h);
  roundtrip_both(h, c, 8); /* the enabled copy ticks as it loads */
  harness_clear_log(h);
  CHECK_EQ_INT(net_remove_op(h->net, c), NET_OK);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
}

static void test_ckdiv_decode(void) {
  harness_t *h = harness_new(0, 0);
  /* ENABLE 1, PERIOD 20, VAL 9, DIV 3: CKDIV is new in 0.8.1; both formats use this layout */
  static const uint8_t state[] = {0x01, 0x00, 0x14, 0x00, 0x09, 0x00, 0x03, 0x00};
  static const ck_event_t p20d3[] = {{6, 1}, {12, 1}, {18, 0}, {25, 1}};
  uint16_t c = harness_add(h, OP_CKDIV);
  at(h, 10);
  load(h, c, state, sizeof state, OP_FORMAT_0_8_1);
  HARNESS_EXPECT(h, c, 0, 9); /* bees ticks as an enabled one loads */
  CHECK_EQ_INT(harness_value(h, c, 1), 20);
  CHECK_EQ_INT(harness_value(h, c, 3), 3);
  ck_expect(h, c, 10, p20d3, 4, 10 + 30, 9);
  expect_pickle(h, c, OP_FORMAT_0_7_1, state, sizeof state);
  /* a scene's DIV 0 does not divide by zero */
  {
    static const uint8_t bad[] = {0x01, 0x00, 0x0A, 0x00, 0x01, 0x00, 0x00, 0x00};
    load(h, c, bad, sizeof bad, OP_FORMAT_0_7_1);
    harness_clear_log(h);
    at(h, 100);
    CHECK(h->n >= 5);
    harness_clear_log(h);
  }
  harness_free(h);
}

/* ---- graphics ---- */

/* The box BIGNUM draws: "  text" right-justified in the op_print format at (x, y). */
static void expect_bignum(const screen_t *s, int16_t x, int16_t y, io_t v) {
  char text[7];
  int16_t i, j;
  screen_format_number(text, v);
  for (j = 0; j < 32; j++)
    for (i = 0; i < 64; i++) {
      uint8_t want = 0;
      if (j < SCREEN_FONT_H && i < 6 * SCREEN_FONT_W)
        want = screen_font_level(text[i / SCREEN_FONT_W], (uint8_t)(i % SCREEN_FONT_W),
                                 (uint8_t)j);
      if (x + i >= 0 && x + i < SCREEN_W && y + j >= 0 && y + j < SCREEN_H)
        CHECK_EQ_INT(screen_pixel(s, (int16_t)(x + i), (int16_t)(y + j)), want);
    }
}

static void test_bignum(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  uint16_t b = harness_add(h, OP_BIGNUM);
  static const uint8_t defaults[] = {0, 0, 50, 0, 0, 0, 0, 0, 0, 0};
  CHECK_EQ_INT(harness_value(h, b, 1), 50);
  expect_pickle(h, b, OP_FORMAT_0_7_1, defaults, 10);
  expect_pickle(h, b, OP_FORMAT_0_8_1, defaults, 10);
  /* disabled: nothing drawn, no graphics mode, no timer */
  harness_in(h, b, 2, 42);
  at(h, 1000);
  CHECK_EQ_INT(count_nonzero(s), 0);
  CHECK(!screen_gfx_active(s));
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  /* enable: graphics mode now, drawn at the first refresh (PERIOD 50) */
  harness_in(h, b, 0, 1);
  CHECK(screen_gfx_active(s));
  CHECK_EQ_INT(s->gfx_count, 1);
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  at(h, 1049);
  CHECK_EQ_INT(count_nonzero(s), 0);
  at(h, 1050);
  expect_bignum(s, 0, 0, 42);
  /* pinned pixels: "    42" -> '4' in cell 4 (x 40..49), '2' in cell 5 (x 50..59) */
  CHECK_EQ_INT(screen_pixel(s, 41, 12), 14); /* the 4's crossbar */
  CHECK_EQ_INT(screen_pixel(s, 52, 17), 15); /* the 2's base */
  CHECK_EQ_INT(screen_pixel(s, 40, 12), 0);
  CHECK_EQ_INT(screen_pixel(s, 20, 10), 0);  /* spaces are blank */
  CHECK_EQ_INT(screen_pixel(s, 64, 10), 0);  /* nothing outside the box */
  {
    uint32_t n = count_nonzero(s), i, j, inbox = 0;
    for (j = 0; j < 32; j++)
      for (i = 0; i < 64; i++) inbox += screen_pixel(s, (int16_t)i, (int16_t)j) != 0;
    CHECK_EQ_INT(n, inbox);
    CHECK(n > 40);
  }
  /* the whole box is redrawn: clears what was under it, leaves the rest */
  screen_fill(s, 9);
  harness_in(h, b, 2, -7);
  at(h, 1099);
  CHECK_EQ_INT(screen_pixel(s, 2, 10), 9); /* not yet refreshed */
  at(h, 1100);
  expect_bignum(s, 0, 0, -7);
  CHECK_EQ_INT(screen_pixel(s, 2, 10), 15); /* the '-' in the first column */
  CHECK_EQ_INT(screen_pixel(s, 64, 0), 9);
  CHECK_EQ_INT(screen_pixel(s, 0, 32), 9);
  /* nothing changed: the next refresh draws nothing */
  screen_fill(s, 0);
  at(h, 1150);
  CHECK_EQ_INT(count_nonzero(s), 0);
  /* X, Y: clamped to 64 / 32; an odd X draws at X - 1 (two pixels per OLED byte) */
  harness_in(h, b, 3, 33);
  CHECK_EQ_INT(harness_value(h, b, 3), 33);
  at(h, 1200);
  expect_bignum(s, 32, 0, -7);
  CHECK_EQ_INT(screen_pixel(s, 34, 10), 15);
  harness_in(h, b, 3, 500);
  CHECK_EQ_INT(harness_value(h, b, 3), 64);
  harness_in(h, b, 4, 99);
  CHECK_EQ_INT(harness_value(h, b, 4), 32);
  harness_in(h, b, 2, 32767);
  at(h, 1250);
  expect_bignum(s, 64, 32, 32767);
  expect_bignum(s, 32, 0, -7); /* the old box stays (bees leaves it too) */
  /* a negative position is stored as bees' region byte (-1 reads back 255, and is saved so):
   * the box goes off screen */
  harness_in(h, b, 3, -1);
  harness_in(h, b, 4, -4);
  CHECK_EQ_INT(harness_value(h, b, 3), 255);
  CHECK_EQ_INT(harness_value(h, b, 4), 252);
  {
    static const uint8_t offscreen[] = {1, 0, 50, 0, 0xFF, 0x7F, 0xFF, 0, 0xFC, 0};
    expect_pickle(h, b, OP_FORMAT_0_8_1, offscreen, 10);
  }
  screen_fill(s, 0);
  at(h, 1300);
  CHECK_EQ_INT(count_nonzero(s), 0);
  /* within the screen's byte range the box is drawn where the byte says, clipped */
  harness_in(h, b, 3, -70); /* byte 186: off screen */
  CHECK_EQ_INT(harness_value(h, b, 3), 186);
  harness_in(h, b, 3, 0);
  harness_in(h, b, 4, -200); /* byte 56: the box's top rows at the screen's bottom */
  CHECK_EQ_INT(harness_value(h, b, 4), 56);
  screen_fill(s, 0);
  at(h, 1350);
  expect_bignum(s, 0, 56, 32767);
  /* PERIOD: at least 5, applies from the next refresh on */
  harness_in(h, b, 1, 1);
  CHECK_EQ_INT(harness_value(h, b, 1), 5);
  harness_in(h, b, 1, 200);
  harness_in(h, b, 3, 0);
  harness_in(h, b, 4, 0);
  harness_in(h, b, 2, 5);
  screen_fill(s, 0);
  at(h, 1400); /* the refresh already due */
  expect_bignum(s, 0, 0, 5);
  screen_fill(s, 0);
  harness_in(h, b, 2, 6);
  at(h, 1599);
  CHECK_EQ_INT(count_nonzero(s), 0);
  at(h, 1600);
  expect_bignum(s, 0, 0, 6);
  /* disable: graphics mode off, timer gone, changes not drawn */
  harness_in(h, b, 0, 0);
  CHECK(!screen_gfx_active(s));
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  screen_fill(s, 0);
  harness_in(h, b, 2, 1234);
  at(h, 3000);
  CHECK_EQ_INT(count_nonzero(s), 0);
  /* re-enable redraws the current value */
  harness_in(h, b, 0, 2);
  CHECK_EQ_INT(harness_value(h, b, 0), 1);
  at(h, 3200);
  expect_bignum(s, 0, 0, 1234);
  /* pickles; the enabled copy takes and returns a graphics-mode count */
  roundtrip_both(h, b, 10);
  CHECK_EQ_INT(s->gfx_count, 1);
  /* deleting an enabled op leaves graphics mode */
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  CHECK(!screen_gfx_active(s));
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
  free(s);
}

/* cvtest.scn's last op is an enabled BIGNUM: a 0.7.1 BIGNUM state, decoded byte for byte */
static void test_bignum_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  static const uint8_t state[] = {0x01, 0x00, 0x32, 0x00, 0x39, 0x30, 0x10, 0x00, 0x08, 0x00};
  uint16_t b = harness_add(h, OP_BIGNUM);
  load(h, b, state, sizeof state, OP_FORMAT_0_7_1);
  CHECK_EQ_INT(harness_value(h, b, 0), 1);
  CHECK_EQ_INT(harness_value(h, b, 1), 50);
  CHECK_EQ_INT(harness_value(h, b, 2), 12345);
  CHECK_EQ_INT(harness_value(h, b, 3), 16);
  CHECK_EQ_INT(harness_value(h, b, 4), 8);
  CHECK(screen_gfx_active(s));
  at(h, 50);
  expect_bignum(s, 16, 8, 12345);
  CHECK_EQ_INT(screen_pixel(s, 16 + 10 + 5, 8 + 10), 15); /* the '1' stem in cell 1 */
  expect_pickle(h, b, OP_FORMAT_0_7_1, state, sizeof state);
  expect_pickle(h, b, OP_FORMAT_0_8_1, state, sizeof state);
  /* a disabled state loaded over it leaves graphics mode */
  {
    static const uint8_t off[] = {0x00, 0x00, 0x32, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00};
    load(h, b, off, sizeof off, OP_FORMAT_0_7_1);
    CHECK(!screen_gfx_active(s));
    CHECK_EQ_INT(net_timer_count(h->net), 0);
  }
  harness_free(h);
  free(s);
}

static void test_gfx_without_screen(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t b = harness_add(h, OP_BIGNUM), sc = harness_add(h, OP_SCREEN);
  uint16_t bars = harness_add(h, OP_BARS), bars8 = harness_add(h, OP_BARS8);
  screen_t *s;
  harness_in(h, b, 0, 1);
  harness_in(h, b, 2, 77);
  harness_in(h, sc, 0, 1);
  harness_in(h, sc, 4, 3);
  harness_in(h, bars, 0, 1);
  harness_in(h, bars8, 0, 1);
  at(h, 500); /* refreshes with nothing attached: no effect, still dirty */
  CHECK_EQ_INT(net_timer_count(h->net), 4);
  s = attach_screen(h);
  CHECK(!screen_gfx_active(s)); /* they entered graphics mode with no screen */
  at(h, 550);                   /* BIGNUM and SCREEN refresh (50 ms): SCREEN draws last */
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 15); /* plotted on enabling */
  CHECK_EQ_INT(screen_pixel(s, 3, 0), 15); /* plotted by X */
  CHECK_EQ_INT(count_nonzero(s), 2);
  at(h, 600); /* BARS, BARS8 (100 ms) draw, in arming order */
  CHECK_EQ_INT(screen_pixel(s, 0, 32), 1);
  CHECK_EQ_INT(screen_pixel(s, 0, 34), 1);
  /* disabling an op that entered graphics mode without a screen takes nothing */
  harness_in(h, b, 0, 1);
  harness_in(h, bars, 0, 0);
  CHECK_EQ_INT(s->gfx_count, 0);
  harness_free(h);
  free(s);
}

static void test_screen_op(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  uint16_t o = harness_add(h, OP_SCREEN);
  static const uint8_t defaults[] = {0, 0, 50, 0, 15, 0, 0, 0, 0, 0, 0, 0};
  uint32_t i;
  expect_pickle(h, o, OP_FORMAT_0_7_1, defaults, 12);
  expect_pickle(h, o, OP_FORMAT_0_8_1, defaults, 12);
  /* disabled: plotting does nothing */
  harness_in(h, o, 4, 10);
  harness_in(h, o, 5, 10);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  /* enabling plots VAL 15 at (10, 10); the refresh draws the whole picture */
  harness_in(h, o, 0, 1);
  CHECK(screen_gfx_active(s));
  screen_fill(s, 6);
  at(h, 50);
  CHECK_EQ_INT(screen_pixel(s, 10, 10), 15);
  CHECK_EQ_INT(count_nonzero(s), 1); /* the rest of the picture is black */
  /* X, Y, VAL each plot the current pixel */
  harness_in(h, o, 4, 11);
  harness_in(h, o, 2, 7);
  harness_in(h, o, 5, 63);
  at(h, 100);
  CHECK_EQ_INT(screen_pixel(s, 10, 10), 15);
  CHECK_EQ_INT(screen_pixel(s, 11, 10), 7); /* X plotted 15, then VAL replotted 7 */
  CHECK_EQ_INT(screen_pixel(s, 11, 11), 0);
  CHECK_EQ_INT(screen_pixel(s, 11, 63), 7);
  CHECK_EQ_INT(count_nonzero(s), 3);
  /* clamping: VAL 0..15, X 0..127, Y 0..63 */
  harness_in(h, o, 2, 99);
  CHECK_EQ_INT(harness_value(h, o, 2), 15);
  harness_in(h, o, 2, -4);
  CHECK_EQ_INT(harness_value(h, o, 2), 0);
  harness_in(h, o, 4, 300);
  CHECK_EQ_INT(harness_value(h, o, 4), 127);
  harness_in(h, o, 4, -3);
  CHECK_EQ_INT(harness_value(h, o, 4), 0);
  harness_in(h, o, 5, 64);
  CHECK_EQ_INT(harness_value(h, o, 5), 63);
  harness_in(h, o, 5, -1);
  CHECK_EQ_INT(harness_value(h, o, 5), 0);
  harness_in(h, o, 2, 3);
  harness_in(h, o, 4, 127);
  harness_in(h, o, 5, 63);
  at(h, 150);
  /* each clamped input replotted: (11,63) 15 then 0, (127,63) 0, (0,63) 0, (0,0) 0 then 3,
   * (127,0) 3, (127,63) 3 */
  CHECK_EQ_INT(screen_pixel(s, 127, 63), 3);
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 3);
  CHECK_EQ_INT(screen_pixel(s, 127, 0), 3);
  CHECK_EQ_INT(screen_pixel(s, 11, 63), 0);
  CHECK_EQ_INT(screen_pixel(s, 0, 63), 0);
  CHECK_EQ_INT(count_nonzero(s), 5);
  /* FILL: stores the clamped level, fills with the raw input's (low 4 bits shown) */
  harness_in(h, o, 3, 5);
  CHECK_EQ_INT(harness_value(h, o, 3), 5);
  at(h, 200);
  for (i = 0; i < SCREEN_W * SCREEN_H; i++) CHECK_EQ_INT(s->px[i], 5);
  harness_in(h, o, 3, 20);
  CHECK_EQ_INT(harness_value(h, o, 3), 15);
  at(h, 250);
  CHECK_EQ_INT(screen_pixel(s, 64, 32), 4);
  harness_in(h, o, 3, -1);
  CHECK_EQ_INT(harness_value(h, o, 3), 0);
  at(h, 300);
  CHECK_EQ_INT(screen_pixel(s, 64, 32), 15);
  /* disabled: FILL still changes the picture, plots do not; enabling plots and shows it */
  harness_in(h, o, 0, 0);
  CHECK(!screen_gfx_active(s));
  harness_in(h, o, 3, 2);
  harness_in(h, o, 2, 9);
  harness_in(h, o, 4, 1);
  harness_in(h, o, 5, 1);
  screen_fill(s, 0);
  at(h, 1000);
  CHECK_EQ_INT(count_nonzero(s), 0);
  harness_in(h, o, 0, 1);
  at(h, 1050);
  CHECK_EQ_INT(screen_pixel(s, 1, 1), 9);
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 2);
  CHECK_EQ_INT(screen_pixel(s, 127, 63), 2);
  roundtrip_both(h, o, 12);
  CHECK_EQ_INT(s->gfx_count, 1);
  CHECK_EQ_INT(net_remove_op(h->net, o), NET_OK);
  CHECK_EQ_INT(s->gfx_count, 0);
  harness_free(h);
  free(s);
}

static void test_screen_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  /* ENABLE 1, PERIOD 10, VAL 9, FILL 2, X 127, Y 63 */
  static const uint8_t state[] = {1, 0, 10, 0, 9, 0, 2, 0, 127, 0, 63, 0};
  uint16_t o = harness_add(h, OP_SCREEN);
  load(h, o, state, sizeof state, OP_FORMAT_0_7_1);
  CHECK_EQ_INT(harness_value(h, o, 3), 2);
  CHECK(screen_gfx_active(s));
  at(h, 10); /* the picture is not saved: black with the loaded pixel plotted */
  CHECK_EQ_INT(screen_pixel(s, 127, 63), 9);
  CHECK_EQ_INT(count_nonzero(s), 1);
  expect_pickle(h, o, OP_FORMAT_0_8_1, state, sizeof state);
  /* bees enables a loaded SCREEN only for ENABLE == 1 */
  {
    static const uint8_t two[] = {2, 0, 10, 0, 9, 0, 2, 0, 127, 0, 63, 0};
    load(h, o, two, sizeof two, OP_FORMAT_0_7_1);
    CHECK(!screen_gfx_active(s));
    CHECK_EQ_INT(harness_value(h, o, 0), 2);
    expect_pickle(h, o, OP_FORMAT_0_7_1, two, sizeof two);
  }
  harness_free(h);
  free(s);
}

/* Checks a BARS/BARS8 screen: rows[k] lit (15) left of vals[k], 1 beyond, all else 0. */
static void expect_bars(const screen_t *s, const uint8_t *rows, const int *vals, int n) {
  int x, y, k;
  for (y = 0; y < SCREEN_H; y++) {
    int bar = -1;
    for (k = 0; k < n; k++)
      if (rows[k] == y) bar = k;
    for (x = 0; x < SCREEN_W; x++) {
      int want = bar < 0 ? 0 : (x < vals[bar] ? 15 : 1);
      if (screen_pixel(s, (int16_t)x, (int16_t)y) != want)
        fprintf(stderr, "bars: (%d,%d) is %d, want %d\n", x, y,
                screen_pixel(s, (int16_t)x, (int16_t)y), want);
      CHECK_EQ_INT(screen_pixel(s, (int16_t)x, (int16_t)y), want);
      if (screen_pixel(s, (int16_t)x, (int16_t)y) != want) return;
    }
  }
}

static void test_bars(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  uint16_t o = harness_add(h, OP_BARS);
  static const uint8_t rows[4] = {34, 38, 42, 46};
  static const uint8_t defaults[] = {0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  expect_pickle(h, o, OP_FORMAT_0_7_1, defaults, 14);
  expect_pickle(h, o, OP_FORMAT_0_8_1, defaults, 14);
  /* values clamp 0..128 even while disabled; nothing is drawn */
  harness_in(h, o, 3, 50);
  harness_in(h, o, 4, 200);
  harness_in(h, o, 5, -5);
  harness_in(h, o, 6, 128);
  CHECK_EQ_INT(harness_value(h, o, 4), 128);
  CHECK_EQ_INT(harness_value(h, o, 5), 0);
  at(h, 500);
  CHECK_EQ_INT(count_nonzero(s), 0);
  /* enable; the refresh (PERIOD 100) draws the whole screen */
  screen_fill(s, 9);
  harness_in(h, o, 0, 1);
  CHECK(screen_gfx_active(s));
  at(h, 599);
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 9);
  at(h, 600);
  {
    static const int v[4] = {50, 128, 0, 128};
    expect_bars(s, rows, v, 4);
  }
  CHECK_EQ_INT(screen_pixel(s, 49, 34), 15);
  CHECK_EQ_INT(screen_pixel(s, 50, 34), 1);
  CHECK_EQ_INT(screen_pixel(s, 0, 42), 1);
  CHECK_EQ_INT(screen_pixel(s, 127, 46), 15);
  CHECK_EQ_INT(screen_pixel(s, 10, 35), 0);
  /* MODE does nothing and is not stored */
  harness_in(h, o, 2, 3);
  CHECK_EQ_INT(harness_value(h, o, 2), 0);
  harness_in(h, o, 3, 1);
  harness_in(h, o, 5, 127);
  at(h, 700);
  {
    static const int v[4] = {1, 128, 127, 128};
    expect_bars(s, rows, v, 4);
  }
  /* PERIOD: at least 5 */
  harness_in(h, o, 1, 0);
  CHECK_EQ_INT(harness_value(h, o, 1), 5);
  harness_in(h, o, 6, 64);
  at(h, 800); /* the refresh already due at 800 */
  CHECK_EQ_INT(screen_pixel(s, 64, 46), 1);
  CHECK_EQ_INT(screen_pixel(s, 63, 46), 15);
  harness_in(h, o, 6, 10);
  at(h, 805);
  CHECK_EQ_INT(screen_pixel(s, 10, 46), 1);
  /* disable */
  harness_in(h, o, 0, 0);
  CHECK(!screen_gfx_active(s));
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  roundtrip_both(h, o, 14);
  harness_free(h);
  free(s);
}

/* default.scn holds an enabled BARS: a 0.7.1 BARS state, decoded byte for byte */
static void test_bars_decode_071(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  static const uint8_t state[] = {0x01, 0x00, 0x64, 0x00, 0x02, 0x00, 0x0A, 0x00,
                                  0x14, 0x00, 0x1E, 0x00, 0x80, 0x00};
  static const uint8_t rows[4] = {34, 38, 42, 46};
  static const int v[4] = {10, 20, 30, 128};
  uint16_t o = harness_add(h, OP_BARS);
  load(h, o, state, sizeof state, OP_FORMAT_0_7_1);
  CHECK_EQ_INT(harness_value(h, o, 0), 1);
  CHECK_EQ_INT(harness_value(h, o, 1), 100);
  CHECK_EQ_INT(harness_value(h, o, 2), 2); /* MODE only a scene sets */
  CHECK_EQ_INT(harness_value(h, o, 3), 10);
  CHECK_EQ_INT(harness_value(h, o, 6), 128);
  CHECK(screen_gfx_active(s));
  at(h, 99);
  CHECK_EQ_INT(count_nonzero(s), 0);
  at(h, 100);
  expect_bars(s, rows, v, 4);
  expect_pickle(h, o, OP_FORMAT_0_7_1, state, sizeof state);
  expect_pickle(h, o, OP_FORMAT_0_8_1, state, sizeof state);
  harness_free(h);
  free(s);
}

static void test_bars8(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  uint16_t o = harness_add(h, OP_BARS8);
  static const uint8_t rows[8] = {32, 34, 36, 38, 42, 44, 46, 48};
  static const int v[8] = {0, 1, 16, 32, 64, 100, 127, 128};
  static const uint8_t state[] = {0x01, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00,
                                  0x01, 0x00, 0x10, 0x00, 0x20, 0x00, 0x40, 0x00,
                                  0x64, 0x00, 0x7F, 0x00, 0x80, 0x00};
  int k;
  CHECK_EQ_INT(harness_value(h, o, 1), 100);
  harness_in(h, o, 0, 1);
  for (k = 0; k < 8; k++) harness_in(h, o, (uint8_t)(3 + k), (io_t)(v[k] == 128 ? 999 : v[k]));
  at(h, 100);
  expect_bars(s, rows, v, 8);
  harness_in(h, o, 1, 10);
  expect_pickle(h, o, OP_FORMAT_0_8_1, state, sizeof state);
  roundtrip_both(h, o, 22);
  harness_in(h, o, 0, 0);
  /* 0.7.1 decode */
  {
    uint16_t o2 = harness_add(h, OP_BARS8);
    screen_fill(s, 0);
    load(h, o2, state, sizeof state, OP_FORMAT_0_7_1);
    CHECK_EQ_INT(harness_value(h, o2, 1), 10);
    CHECK_EQ_INT(harness_value(h, o2, 10), 128);
    at(h, 110);
    expect_bars(s, rows, v, 8);
    expect_pickle(h, o2, OP_FORMAT_0_7_1, state, sizeof state);
  }
  harness_free(h);
  free(s);
}

/* Several graphics ops share the graphics-mode count; net_clear releases every one. */
static void test_gfx_count_shared(void) {
  harness_t *h = harness_new(0, 0);
  screen_t *s = attach_screen(h);
  uint16_t a = harness_add(h, OP_BIGNUM), b = harness_add(h, OP_BARS);
  harness_add(h, OP_BARS8);
  harness_add(h, OP_SCREEN);
  harness_in(h, a, 0, 1);
  harness_in(h, b, 0, 1);
  harness_in(h, 2, 0, 1);
  harness_in(h, 3, 0, 1);
  CHECK_EQ_INT(s->gfx_count, 4);
  harness_in(h, a, 0, 0);
  harness_in(h, a, 0, 0); /* twice: counted once */
  CHECK_EQ_INT(s->gfx_count, 3);
  harness_in(h, b, 0, 1); /* already on */
  CHECK_EQ_INT(s->gfx_count, 3);
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  CHECK_EQ_INT(s->gfx_count, 2);
  net_clear(h->net);
  CHECK_EQ_INT(s->gfx_count, 0);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
  free(s);
}

/* The op sizes: the region-less graphics ops are small, SCREEN packs its picture. */
static void test_sizes(void) {
  CHECK(op_class_by_id(OP_SCREEN)->size >= SCREEN_W * SCREEN_H / 2);
  CHECK(op_class_by_id(OP_SCREEN)->size < SCREEN_W * SCREEN_H);
  CHECK(op_class_by_id(OP_BIGNUM)->size < 256);
  CHECK(op_class_by_id(OP_BARS)->size < 256);
  CHECK(op_class_by_id(OP_BARS8)->size < 256);
}

int main(void) {
  RUN(test_metro);
  RUN(test_metro_decode_071);
  RUN(test_delay);
  RUN(test_delay_decode_071);
  RUN(test_timer);
  RUN(test_ckdiv);
  RUN(test_ckdiv_decode);
  RUN(test_bignum);
  RUN(test_bignum_decode_071);
  RUN(test_gfx_without_screen);
  RUN(test_screen_op);
  RUN(test_screen_decode_071);
  RUN(test_bars);
  RUN(test_bars_decode_071);
  RUN(test_bars8);
  RUN(test_gfx_count_shared);
  RUN(test_sizes);
  return check_summary("test_ops_time");
}
