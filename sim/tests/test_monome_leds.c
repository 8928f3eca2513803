/* SPDX-License-Identifier: MIT */
/* test_monome_leds.c: grid and arc LED changes become the fewest serialosc messages (all, set,
 * row, col, map), in the on/off and level forms, with the arguments serialosc expects. */
#include <string.h>

#include "../../tests/check.h"
#include "monome_leds.h"

static uint8_t shown[256], now[256];
static mled_msg_t out[4];

static void test_first_send_is_maps_or_all(void) {
  uint32_t n;
  memset(now, 0, sizeof now);
  n = mled_grid_diff(shown, now, 16, 8, false, out);
  CHECK_EQ_INT(n, 1); /* a dark grid: one /grid/led/all 0, not 128 sets */
  CHECK_EQ_INT(out[0].kind, MLED_ALL);
  CHECK_EQ_INT(out[0].v[0], 0);
  now[3 + 16 * 2] = 15;
  n = mled_grid_diff(shown, now, 16, 16, false, out);
  CHECK_EQ_INT(n, 4); /* one map per quadrant */
  CHECK_EQ_INT(out[0].kind, MLED_MAP);
  CHECK_EQ_INT(out[0].v[3 + 8 * 2], 15);
  CHECK_EQ_INT(out[3].x, 8);
  CHECK_EQ_INT(out[3].y, 8);
  CHECK_EQ_INT(mled_grid_diff(shown, now, 16, 16, true, out), 0); /* nothing changed since */
}

static void test_changes(void) {
  uint32_t n, x;
  memset(now, 0, sizeof now);
  mled_grid_diff(shown, now, 16, 8, false, out);
  now[9 + 16 * 1] = 7; /* one LED */
  n = mled_grid_diff(shown, now, 16, 8, true, out);
  CHECK_EQ_INT(n, 1);
  CHECK(out[0].kind == MLED_SET && out[0].x == 9 && out[0].y == 1 && out[0].v[0] == 7);
  for (x = 0; x < 5; x++) now[x + 16 * 4] = 15; /* a row of the left quadrant */
  n = mled_grid_diff(shown, now, 16, 8, true, out);
  CHECK(n == 1 && out[0].kind == MLED_ROW && out[0].x == 0 && out[0].y == 4);
  CHECK(out[0].v[4] == 15 && out[0].v[5] == 0);
  now[12 + 16 * 0] = now[12 + 16 * 6] = 9; /* a column of the right quadrant */
  n = mled_grid_diff(shown, now, 16, 8, true, out);
  CHECK(n == 1 && out[0].kind == MLED_COL && out[0].x == 12 && out[0].y == 0);
  CHECK(out[0].v[0] == 9 && out[0].v[6] == 9 && out[0].v[1] == 0);
  now[1] = now[16 * 3 + 2] = 3; /* two rows and columns: the left quadrant's map */
  now[15 + 16 * 7] = 1;         /* and one LED on the right */
  n = mled_grid_diff(shown, now, 16, 8, true, out);
  CHECK_EQ_INT(n, 2);
  CHECK(out[0].kind == MLED_MAP && out[0].x == 0 && out[0].v[1] == 3 && out[0].v[2 + 24] == 3);
  CHECK(out[1].kind == MLED_SET && out[1].x == 15 && out[1].y == 7);
  memset(now, 4, sizeof now); /* everything to one level */
  n = mled_grid_diff(shown, now, 16, 8, true, out);
  CHECK(n == 1 && out[0].kind == MLED_ALL && out[0].v[0] == 4);
  CHECK_EQ_INT(shown[15 + 16 * 7], 4);
  CHECK_EQ_INT(shown[0 + 16 * 8], 0); /* outside the 16x8 grid: untouched */
}

static void test_arc(void) {
  uint8_t ashown[4][64], anow[4][64];
  uint32_t n;
  memset(anow, 0, sizeof anow);
  n = mled_arc_diff(ashown, (const uint8_t (*)[64])anow, 2, false, out);
  CHECK(n == 2 && out[0].kind == MLED_RING_ALL && out[1].x == 1);
  anow[1][10] = 12;
  n = mled_arc_diff(ashown, (const uint8_t (*)[64])anow, 2, true, out);
  CHECK(n == 1 && out[0].kind == MLED_RING_SET && out[0].x == 1 && out[0].y == 10 &&
        out[0].v[0] == 12);
  anow[0][1] = anow[0][2] = 5;
  n = mled_arc_diff(ashown, (const uint8_t (*)[64])anow, 2, true, out);
  CHECK(n == 1 && out[0].kind == MLED_RING_MAP && out[0].v[2] == 5);
  anow[3][0] = 1; /* beyond 2 rings: not sent */
  CHECK_EQ_INT(mled_arc_diff(ashown, (const uint8_t (*)[64])anow, 2, true, out), 0);
}

/* The messages' addresses and arguments in both forms. */
/* Argument k of msg, an int32 (liblo's arguments are only 4-byte aligned: copied). */
static int32_t arg(lo_message msg, int k) {
  int32_t v;
  memcpy(&v, lo_message_get_argv(msg)[k], sizeof v);
  return v;
}

static void test_messages(void) {
  char path[40];
  mled_msg_t m;
  lo_message msg;
  memset(&m, 0, sizeof m);
  m.kind = MLED_MAP;
  m.x = 8;
  m.v[0] = 15; /* row 0: LEDs 0 and 7 on */
  m.v[7] = 8;
  m.v[8 + 1] = 7; /* row 1: level 7 is off in the on/off form */
  msg = mled_message(&m, false, path, sizeof path);
  CHECK_EQ_STR(path, "/grid/led/map");
  CHECK_EQ_STR(lo_message_get_types(msg), "iiiiiiiiii");
  CHECK(arg(msg, 0) == 8 && arg(msg, 1) == 0 && arg(msg, 2) == 0x81 && arg(msg, 3) == 0);
  lo_message_free(msg);
  msg = mled_message(&m, true, path, sizeof path);
  CHECK_EQ_STR(path, "/grid/led/level/map");
  CHECK_EQ_INT(lo_message_get_argc(msg), 66);
  CHECK_EQ_INT(arg(msg, 2 + 9), 7);
  lo_message_free(msg);
  m.kind = MLED_ROW;
  msg = mled_message(&m, false, path, sizeof path);
  CHECK_EQ_STR(path, "/grid/led/row");
  CHECK_EQ_STR(lo_message_get_types(msg), "iii");
  lo_message_free(msg);
  m.kind = MLED_ALL;
  msg = mled_message(&m, true, path, sizeof path);
  CHECK_EQ_STR(path, "/grid/led/level/all");
  CHECK_EQ_STR(lo_message_get_types(msg), "i");
  lo_message_free(msg);
  m.kind = MLED_RING_MAP;
  m.x = 3;
  msg = mled_message(&m, false, path, sizeof path);
  CHECK_EQ_STR(path, "/ring/map");
  CHECK_EQ_INT(lo_message_get_argc(msg), 65);
  lo_message_free(msg);
  m.kind = MLED_RING_SET;
  msg = mled_message(&m, false, path, sizeof path);
  CHECK_EQ_STR(path, "/ring/set");
  CHECK_EQ_STR(lo_message_get_types(msg), "iii");
  lo_message_free(msg);
}

int main(void) {
  RUN(test_first_send_is_maps_or_all);
  RUN(test_changes);
  RUN(test_arc);
  RUN(test_messages);
  return check_summary("test_monome_leds");
}
