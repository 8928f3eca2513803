/* SPDX-License-Identifier: MIT */
/* monome.h: the simulated monome devices bees keeps: what is plugged in (a grid of 8x8, 16x8 or
 * 16x16, an arc of 2 or 4 rings, both, or nothing), which op holds grid focus and which holds arc focus,
 * the LED state the device shows (the focused grid op's 256 levels, the arc's 4 x 64) and the
 * dirty flags a refresh reads. The host delivers key presses and ring turns through it; ops
 * (GRID, GRIDRAW, LIFE, STEP, MP, WW, KRIA, ARC) grab focus and write LEDs through it.
 *
 * The caller owns the struct (static, stack or heap) and attaches it with net_attach_monome();
 * with none attached every op still works: focus is then just its FOCUS value, sizes read 0.
 * Nothing here runs from an interrupt: events are delivered in the caller's context.
 *
 * Differs from bees (net_monome.c): grid and arc focus are tracked separately (bees has one
 * focus holder for both, so an ARC op grabbing focus cleared a GRID op's FOCUS and a grid op
 * focused while an arc is plugged in received the ring events); releasing focus only releases
 * it if the op holds it (bees quirk 15: deleting or unfocusing any grid op dropped the focused
 * op's handler); a focus change marks every quadrant dirty (bees marked quadrants 0 and 1). */
#ifndef ALEPH_MONOME_H
#define ALEPH_MONOME_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"
#include "net_devices.h"
#include "op.h"

#define MONOME_GRID_LEDS 256u  /* 16 x 16 levels, index x + 16 * y (bees' MONOME_MAX_LED_BYTES) */
#define MONOME_GRID_MAX 16u
#define MONOME_ARC_RINGS 4u
#define MONOME_ARC_RING_LEDS 64u
#define MONOME_LEVEL_MAX 15u

typedef enum {
  MONOME_NONE = 0, /* nothing plugged in */
  MONOME_GRID = 1, /* also the bit of `plugged` */
  MONOME_ARC = 2
} monome_kind_t;

typedef enum {
  MONOME_OK = 0,
  MONOME_ERR_NULL_ARG,    /* no net, or no monome attached to it */
  MONOME_ERR_BAD_DEVICE,  /* monome_connect: not a grid size or ring count that exists */
  MONOME_ERR_NO_DEVICE,   /* an event of a kind of device that is not connected */
  MONOME_ERR_RANGE,       /* key or ring outside the connected device */
  MONOME_ERR_NO_FOCUS     /* the event was valid but no op holds focus: dropped, as in bees */
} monome_status_t;

/* ---- what a grid or arc op embeds ---- */
typedef void (*monome_key_fn)(op_t *op, uint8_t x, uint8_t y, uint8_t z);
typedef void (*monome_ring_fn)(op_t *op, uint8_t ring, int8_t delta);

typedef struct monome_client {
  op_t *op;
  monome_key_fn key;   /* grid ops: key press (z 1) / lift (z 0); NULL for arc ops */
  monome_ring_fn ring; /* arc ops: ring turned by delta; NULL for grid ops */
  uint8_t *leds;       /* grid ops: the op's own 256 levels, shown while it holds focus */
  uint8_t focus_in;    /* index of the op's FOCUS input (set to 1/0 as focus comes and goes) */
} monome_client_t;

/* ---- the device state (callers allocate it; treat the fields as read-only) ---- */
struct monome {
  uint8_t plugged;     /* bits MONOME_GRID, MONOME_ARC: what is plugged in */
  uint8_t cols, rows;  /* grid size; 0 when no grid */
  uint8_t rings;       /* arc ring count; 0 when no arc */
  bool vari;           /* variable brightness (else LEDs show on for level > 7, as libmonome) */
  bool recalling;      /* a scene is being loaded: op inits do not grab focus */
  uint8_t grid_dirty;  /* quadrant bits: 1 x<8,y<8; 2 x>7,y<8; 4 x<8,y>7; 8 x>7,y>7 */
  uint8_t arc_dirty;   /* ring bits */
  monome_client_t *grid_focus;
  monome_client_t *arc_focus;
  uint32_t events;         /* counter: events delivered to a focused op */
  uint32_t dropped;        /* counter: events dropped (no focus, out of range, no device) */
  uint8_t grid_default[MONOME_GRID_LEDS]; /* shown while no op holds grid focus */
  uint8_t arc[MONOME_ARC_RINGS][MONOME_ARC_RING_LEDS];
};

/* ---- host side ---- */
/* Nothing plugged in, no focus, LEDs dark, no dirty flags. */
void monome_init(struct monome *m);
/* Plugs in a device: MONOME_GRID with cols x rows of 8x8, 16x8 or 16x16 (varibright on), or
 * MONOME_ARC with cols = 2 or 4 rings (rows ignored), replacing a device of the same kind and
 * keeping the other kind's; cols 0 unplugs that kind alone; MONOME_NONE unplugs both. Focus
 * holders are kept (bees keeps its handlers across reconnects); everything is marked dirty. */
monome_status_t monome_connect(struct monome *m, monome_kind_t kind, uint8_t cols, uint8_t rows);
void monome_set_vari(struct monome *m, bool vari);
/* While set, grid/arc op inits do not grab focus (bees' recallingScene): a scene loader sets it
 * around op creation so that only the ops whose pickled FOCUS is on take focus. */
void monome_set_recalling(struct monome *m, bool recalling);

/* Delivers a key press (z != 0) or lift of the connected grid to the op holding grid focus,
 * which runs its handler now (outputs fire before this returns). O(handler). */
monome_status_t monome_grid_key(net_t *net, uint8_t x, uint8_t y, uint8_t z);
/* Delivers a ring turn of the connected arc to the op holding arc focus. */
monome_status_t monome_arc_delta(net_t *net, uint8_t ring, int8_t delta);

/* LED level shown at (x, y) (0 outside 16 x 16): the grid focus holder's buffer, else the
 * default buffer. */
uint8_t monome_grid_level(const struct monome *m, uint8_t x, uint8_t y);
/* The 256 levels shown (index x + 16 * y); never NULL for a non-NULL m. */
const uint8_t *monome_grid_leds(const struct monome *m);
uint8_t monome_arc_level(const struct monome *m, uint8_t ring, uint8_t led);
/* Dirty flags, and read-and-clear (what a refresh does after sending). */
uint8_t monome_grid_dirty(const struct monome *m);
uint8_t monome_take_grid_dirty(struct monome *m);
uint8_t monome_arc_dirty(const struct monome *m);
uint8_t monome_take_arc_dirty(struct monome *m);
bool monome_has_grid(const struct monome *m);
bool monome_has_arc(const struct monome *m);
/* Which op holds focus (NULL if none). */
op_t *monome_grid_focus_op(const struct monome *m);
op_t *monome_arc_focus_op(const struct monome *m);
const char *monome_strerror(monome_status_t st);

/* ---- op side ---- */
void monome_client_init(monome_client_t *c, op_t *op, uint8_t focus_in, uint8_t *leds,
                        monome_key_fn key, monome_ring_fn ring);
/* on: takes grid focus (grid client) or arc focus (arc client); the previous holder's FOCUS
 * input becomes 0; a grid client's LEDs become the ones shown. off: releases focus if c holds
 * it (else only c's FOCUS becomes 0). Sets the op's FOCUS input to on. */
void monome_focus(monome_client_t *c, bool on);
/* What an op's init does: grab focus unless a scene is being recalled (FOCUS is then 1 or 0). */
void monome_focus_at_init(monome_client_t *c);
/* What deinit does: release focus if held (nothing else). */
void monome_release(monome_client_t *c);
bool monome_has_focus(const monome_client_t *c);
/* Dirty flags for a grid client's LED changes; they only mark if c holds grid focus (another
 * op's buffer is not on the device). */
void monome_mark_xy(const monome_client_t *c, uint8_t x, uint8_t y);
void monome_mark_quadrant(const monome_client_t *c, uint8_t q);
/* Arc LED write into the device's ring buffer (bees' monome_arc_led_set: the arc buffer is
 * global, not the op's); marks the ring dirty. Ignored without a monome or out of range. */
void monome_arc_set(const net_t *net, uint8_t ring, uint8_t led, uint8_t level);
/* Device size as ops see it (bees' monome_size_x/y, monome_is_vari): the connected grid's
 * columns/rows, 0 with no grid. */
uint8_t monome_grid_cols(const net_t *net);
uint8_t monome_grid_rows(const net_t *net);
bool monome_is_vari(const net_t *net);
/* Index into a 256-level buffer (x + 16 y), as bees' monome_xy_idx. */
static inline uint8_t monome_xy(uint8_t x, uint8_t y) { return (uint8_t)((x & 15u) | ((y & 15u) << 4)); }

#endif
