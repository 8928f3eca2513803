/* SPDX-License-Identifier: MIT */
/* test_monome.c: the monome device module: connecting devices, focus handover between grid and
 * arc ops (bees' semantics, with quirk 15 fixed), event delivery and range checks, LED buffers
 * shown for the focus holder, dirty flags, scene-recall focus, and ops with nothing attached. */
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
  harness_free(h); /* net_clear runs every deinit: focus must be released */
  CHECK(mon.grid_focus == 0);
  CHECK(mon.arc_focus == 0);
}

static void test_connect(void) {
  monome_init(&mon);
  CHECK_EQ_INT(mon.plugged, 0);
  CHECK_EQ_INT(monome_grid_dirty(&mon), 0);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_GRID, 8, 16), MONOME_ERR_BAD_DEVICE);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_GRID, 12, 8), MONOME_ERR_BAD_DEVICE);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_ARC, 3, 0), MONOME_ERR_BAD_DEVICE);
  CHECK_EQ_INT(monome_connect(&mon, (monome_kind_t)7, 8, 8), MONOME_ERR_BAD_DEVICE);
  CHECK_EQ_INT(mon.plugged, 0); /* refused: unchanged */
  CHECK_EQ_INT(monome_connect(&mon, MONOME_GRID, 16, 8), MONOME_OK);
  CHECK_EQ_INT(mon.cols, 16);
  CHECK_EQ_INT(mon.rows, 8);
  CHECK(mon.vari);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x0F);
  CHECK_EQ_INT(monome_grid_dirty(&mon), 0);
  monome_set_vari(&mon, false);
  CHECK(!mon.vari);
  /* an arc beside the grid: both plugged in */
  CHECK_EQ_INT(monome_connect(&mon, MONOME_ARC, 4, 0), MONOME_OK);
  CHECK_EQ_INT(mon.rings, 4);
  CHECK_EQ_INT(mon.cols, 16);
  CHECK(monome_has_grid(&mon) && monome_has_arc(&mon));
  CHECK_EQ_INT(monome_take_arc_dirty(&mon), 0x0F);
  /* cols 0 unplugs one kind */
  CHECK_EQ_INT(monome_connect(&mon, MONOME_GRID, 0, 0), MONOME_OK);
  CHECK(!monome_has_grid(&mon) && monome_has_arc(&mon));
  CHECK_EQ_INT(mon.cols, 0);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_GRID, 8, 8), MONOME_OK);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_ARC, 0, 0), MONOME_OK);
  CHECK(monome_has_grid(&mon) && !monome_has_arc(&mon));
  CHECK_EQ_INT(mon.rings, 0);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_ARC, 2, 0), MONOME_OK);
  CHECK_EQ_INT(monome_connect(&mon, MONOME_NONE, 0, 0), MONOME_OK);
  CHECK_EQ_INT(mon.rings, 0);
  CHECK_EQ_INT(mon.cols, 0);
  CHECK_EQ_INT(mon.plugged, 0);
  CHECK_EQ_INT(monome_connect(0, MONOME_GRID, 8, 8), MONOME_ERR_NULL_ARG);
  CHECK(monome_grid_leds(0) == 0);
  CHECK_EQ_INT(monome_grid_level(0, 0, 0), 0);
  CHECK_EQ_STR(monome_strerror(MONOME_OK), "ok");
  {
    int s;
    for (s = MONOME_OK; s <= MONOME_ERR_NO_FOCUS; s++)
      CHECK(monome_strerror((monome_status_t)s)[0] != 0);
    CHECK_EQ_STR(monome_strerror((monome_status_t)99), "unknown monome status");
  }
}

static void test_sizes_seen_by_ops(void) {
  harness_t *h = harness_new(0, 0);
  monome_init(&mon);
  CHECK_EQ_INT(monome_grid_cols(h->net), 0); /* nothing attached */
  net_attach_monome(h->net, &mon);
  CHECK_EQ_INT(monome_grid_cols(h->net), 0); /* attached, nothing plugged in */
  monome_connect(&mon, MONOME_GRID, 16, 16);
  CHECK_EQ_INT(monome_grid_cols(h->net), 16);
  CHECK_EQ_INT(monome_grid_rows(h->net), 16);
  CHECK(monome_is_vari(h->net));
  monome_connect(&mon, MONOME_ARC, 2, 0); /* an arc beside it changes nothing */
  CHECK_EQ_INT(monome_grid_cols(h->net), 16);
  monome_connect(&mon, MONOME_GRID, 0, 0); /* the grid unplugged */
  CHECK_EQ_INT(monome_grid_cols(h->net), 0);
  CHECK(!monome_is_vari(h->net));
  done(h);
}

/* Focus moves to the newest grid op; FOCUS inputs follow; a release by an op that does not hold
 * focus leaves the holder alone (bees quirk 15 dropped it). */
static void test_grid_focus_handover(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 8);
  uint16_t a = harness_add(h, OP_GRID), b;
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, a, 0), 1);
  b = harness_add(h, OP_GRIDRAW);
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, b));
  CHECK_EQ_INT(harness_value(h, a, 0), 0); /* stolen */
  CHECK_EQ_INT(harness_value(h, b, 0), 1);
  harness_clear_log(h);
  CHECK_EQ_INT(monome_grid_key(h->net, 2, 3, 1), MONOME_OK);
  HARNESS_EXPECT(h, b, 0, 2, 1, 3, 2, 1); /* GRIDRAW got it */
  harness_in(h, a, 0, 1);                 /* FOCUS on A takes it back */
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, b, 0), 0);
  harness_in(h, b, 0, 0); /* B is not the holder: A keeps focus */
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, a, 0), 1);
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK); /* deleting an unfocused op: A keeps it */
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  harness_clear_log(h);
  CHECK_EQ_INT(monome_grid_key(h->net, 15, 7, 1), MONOME_OK);
  HARNESS_EXPECT(h, a, 0, 15, 1, 7, 2, 1);
  harness_in(h, a, 0, 0); /* holder releases */
  CHECK(monome_grid_focus_op(&mon) == 0);
  CHECK_EQ_INT(harness_value(h, a, 0), 0);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 0, 1), MONOME_ERR_NO_FOCUS);
  HARNESS_EXPECT_NONE(h);
  harness_in(h, a, 0, 5);
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, a, 0), 1);
  CHECK_EQ_INT(net_remove_op(h->net, a), NET_OK); /* deleting the holder releases */
  CHECK(monome_grid_focus_op(&mon) == 0);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 0, 1), MONOME_ERR_NO_FOCUS);
  done(h);
}

static void test_grid_and_arc_focus_are_separate(void) {
  harness_t *h = with_device(MONOME_ARC, 4, 0);
  uint16_t g = harness_add(h, OP_GRID), a = harness_add(h, OP_ARC), a2;
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, g));
  CHECK(monome_arc_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, g, 0), 1); /* the ARC op did not steal the grid's focus */
  harness_clear_log(h);
  CHECK_EQ_INT(monome_arc_delta(h->net, 2, -3), MONOME_OK);
  HARNESS_EXPECT(h, a, 0, 2, 1, -3, 2, 0);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 0, 1), MONOME_ERR_NO_DEVICE); /* an arc is plugged */
  CHECK_EQ_INT(monome_arc_delta(h->net, 4, 1), MONOME_ERR_RANGE);
  a2 = harness_add(h, OP_ARC);
  CHECK_EQ_INT(harness_value(h, a, 0), 0);
  CHECK(monome_arc_focus_op(&mon) == net_op(h->net, a2));
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, g));
  monome_connect(&mon, MONOME_ARC, 2, 0);
  CHECK_EQ_INT(monome_arc_delta(h->net, 2, 1), MONOME_ERR_RANGE);
  harness_in(h, a2, 0, 0);
  CHECK_EQ_INT(monome_arc_delta(h->net, 1, 1), MONOME_ERR_NO_FOCUS);
  CHECK_EQ_INT(mon.events, 1);
  CHECK_EQ_INT(mon.dropped, 4);
  done(h);
}

static void test_event_checks(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t g = harness_add(h, OP_GRIDRAW);
  harness_clear_log(h);
  CHECK_EQ_INT(monome_grid_key(h->net, 8, 0, 1), MONOME_ERR_RANGE);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 8, 1), MONOME_ERR_RANGE);
  CHECK_EQ_INT(monome_arc_delta(h->net, 0, 1), MONOME_ERR_NO_DEVICE);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(monome_grid_key(h->net, 7, 7, 9), MONOME_OK); /* z normalised to 1 */
  HARNESS_EXPECT(h, g, 0, 7, 1, 7, 2, 1);
  monome_connect(&mon, MONOME_NONE, 0, 0);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 0, 1), MONOME_ERR_NO_DEVICE);
  CHECK_EQ_INT(monome_grid_key(0, 0, 0, 1), MONOME_ERR_NULL_ARG);
  CHECK_EQ_INT(monome_arc_delta(0, 0, 1), MONOME_ERR_NULL_ARG);
  done(h);
}

/* The device shows the focus holder's buffer; released, the default (dark) buffer. */
static void test_leds_and_dirty(void) {
  harness_t *h = with_device(MONOME_GRID, 16, 16);
  uint16_t a = harness_add(h, OP_GRIDRAW), b;
  monome_take_grid_dirty(&mon);
  harness_in(h, a, 1, 12); /* X */
  harness_in(h, a, 2, 9);  /* Y */
  harness_in(h, a, 3, 7);  /* VAL */
  CHECK_EQ_INT(monome_grid_level(&mon, 12, 9), 7);
  CHECK_EQ_INT(monome_grid_leds(&mon)[12 + 16 * 9], 7);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x08); /* x > 7, y > 7 */
  harness_in(h, a, 1, 3);
  harness_in(h, a, 3, 1);
  CHECK_EQ_INT(monome_grid_dirty(&mon), 0x04);
  harness_in(h, a, 2, 0);
  harness_in(h, a, 1, 9);
  harness_in(h, a, 3, 2);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x06);
  CHECK_EQ_INT(monome_grid_level(&mon, 16, 0), 0); /* outside */
  b = harness_add(h, OP_GRIDRAW);                  /* B's buffer is dark */
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x0F);
  CHECK_EQ_INT(monome_grid_level(&mon, 12, 9), 0);
  harness_in(h, a, 3, 5); /* A is not shown: no dirty flag */
  CHECK_EQ_INT(monome_grid_dirty(&mon), 0);
  harness_in(h, b, 0, 0);
  CHECK(monome_grid_leds(&mon) == mon.grid_default);
  CHECK_EQ_INT(monome_take_grid_dirty(&mon), 0x0F);
  harness_in(h, a, 0, 1);
  CHECK_EQ_INT(monome_grid_level(&mon, 12, 9), 7);
  CHECK_EQ_INT(monome_grid_level(&mon, 9, 0), 5);
  /* arc LEDs are the device's own */
  CHECK_EQ_INT(monome_arc_level(&mon, 4, 0), 0);
  monome_arc_set(h->net, 1, 63, 9);
  monome_arc_set(h->net, 4, 0, 9);  /* ignored */
  monome_arc_set(h->net, 0, 64, 9); /* ignored */
  CHECK_EQ_INT(monome_arc_level(&mon, 1, 63), 9);
  CHECK_EQ_INT(monome_take_arc_dirty(&mon), 0x02 | 0x0F);
  done(h);
}

/* A scene load creates ops with focus grabbing suspended; unpickle then restores focus. */
static void test_recalling(void) {
  harness_t *h = with_device(MONOME_GRID, 8, 8);
  uint16_t a, b;
  uint8_t state[6] = {1, 0, 0, 0, 0, 0}; /* GRID 0.7.1: FOCUS 1, TOG 0, MONO 0 */
  monome_set_recalling(&mon, true);
  a = harness_add(h, OP_GRID);
  b = harness_add(h, OP_LIFE);
  CHECK(monome_grid_focus_op(&mon) == 0);
  CHECK_EQ_INT(harness_value(h, a, 0), 1); /* GRID's init sets FOCUS 1 without grabbing */
  CHECK_EQ_INT(harness_value(h, b, 8), 1);
  CHECK_EQ_INT(op_unpickle(net_op(h->net, a), state, 6, OP_FORMAT_0_7_1), 6);
  {
    uint8_t life[12] = {8, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0}; /* FOCUS 0 */
    op_t *l = net_op(h->net, b);
    CHECK_EQ_INT(op_unpickle(l, life, 12, OP_FORMAT_0_7_1), 12);
  }
  monome_set_recalling(&mon, false);
  CHECK(monome_grid_focus_op(&mon) == net_op(h->net, a));
  CHECK_EQ_INT(harness_value(h, a, 0), 1);
  CHECK_EQ_INT(harness_value(h, b, 8), 0);
  done(h);
}

/* With no monome attached, grid and arc ops still run and keep their own FOCUS values. */
static void test_nothing_attached(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t ops[8], i;
  static const op_id_t ids[8] = {OP_GRID, OP_GRIDRAW, OP_ARC, OP_LIFE,
                                 OP_STEP, OP_MP,      OP_WW,  OP_KRIA};
  for (i = 0; i < 8; i++) {
    if (!op_class_by_id(ids[i])) continue;
    ops[i] = harness_add(h, ids[i]);
  }
  CHECK_EQ_INT(harness_value(h, ops[0], 0), 1);
  CHECK_EQ_INT(harness_value(h, ops[2], 0), 1);
  harness_in(h, ops[0], 0, 0);
  CHECK_EQ_INT(harness_value(h, ops[0], 0), 0);
  harness_in(h, ops[2], 4, 9); /* ARC VAL with no device: nothing to write, no crash */
  CHECK_EQ_INT(harness_value(h, ops[2], 4), 9);
  CHECK_EQ_INT(monome_grid_key(h->net, 0, 0, 1), MONOME_ERR_NULL_ARG);
  harness_free(h);
}

int main(void) {
  RUN(test_connect);
  RUN(test_sizes_seen_by_ops);
  RUN(test_grid_focus_handover);
  RUN(test_grid_and_arc_focus_are_separate);
  RUN(test_event_checks);
  RUN(test_leds_and_dirty);
  RUN(test_recalling);
  RUN(test_nothing_attached);
  return check_summary("test_monome");
}
