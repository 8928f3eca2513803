/* SPDX-License-Identifier: MIT */
/* monome_leds.h: what a grid's or arc's LEDs need sent to bring a device (or a client that shows
 * one) from the levels it last got to the levels there are now, as the fewest serialosc messages:
 * /grid/led/all when the whole grid shows one level, else per 8x8 quadrant led/set (one LED),
 * led/row or led/col (changes in one row or column of it) or led/map; /ring/set, /ring/all or
 * /ring/map per ring. Also builds the liblo messages, in serialosc's on/off or level form. Used
 * by the OSC server's grid and arc subscribers and by the serialosc client. */
#ifndef ALEPH_SIM_MONOME_LEDS_H
#define ALEPH_SIM_MONOME_LEDS_H

#include <stdbool.h>
#include <stdint.h>

#include <lo/lo.h>

typedef enum {
  MLED_SET,      /* x, y: one LED; v[0] */
  MLED_ALL,      /* every LED of the grid; v[0] */
  MLED_ROW,      /* x (quadrant's left column), y: 8 LEDs v[0..7] */
  MLED_COL,      /* x, y (quadrant's top row): 8 LEDs v[0..7] */
  MLED_MAP,      /* x, y: the quadrant's top left; v[0..63] row by row */
  MLED_RING_SET, /* x: ring, y: LED; v[0] */
  MLED_RING_ALL, /* x: ring; v[0] */
  MLED_RING_MAP  /* x: ring; v[0..63] */
} mled_kind_t;

typedef struct {
  uint8_t kind; /* mled_kind_t */
  uint8_t x, y;
  uint8_t v[64]; /* levels 0..15 */
} mled_msg_t;

#define MLED_GRID_MSGS_MAX 4u /* one per quadrant (or one all) */
#define MLED_ARC_MSGS_MAX 4u  /* one per ring */

/* The messages that take a cols x rows grid (multiples of 8, at most 16 x 16) from `shown` to
 * `now` (256 levels each, index x + 16 y); valid false (nothing sent yet): the whole grid, as
 * one all or a map per quadrant. `shown` becomes `now` within the grid. Returns how many were
 * written to out (at most MLED_GRID_MSGS_MAX). */
uint32_t mled_grid_diff(uint8_t *shown, const uint8_t *now, uint8_t cols, uint8_t rows,
                        bool valid, mled_msg_t *out);
/* Likewise for `rings` arc rings of 64 LEDs (shown and now: [4][64], one row per ring). */
uint32_t mled_arc_diff(uint8_t (*shown)[64], const uint8_t (*now)[64], uint8_t rings, bool valid,
                       mled_msg_t *out);

/* The serialosc address (after the prefix) and message for m: the level form
 * (/grid/led/level/..., levels 0..15) or the on/off form (/grid/led/..., on above level 7: maps,
 * rows and columns as bit masks, bit k for column or row k). Arc messages have one form. path:
 * at least 32 bytes. NULL if out of memory. */
lo_message mled_message(const mled_msg_t *m, bool level, char *path, uint32_t pathcap);
/* true if the message kind has an on/off form distinct from its level form (grid messages). */
bool mled_is_grid(const mled_msg_t *m);

#endif
