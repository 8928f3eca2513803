/* SPDX-License-Identifier: MIT */
/* gfx_op.h: what bees' graphics ops (BIGNUM, SCREEN, BARS, BARS8) share: ENABLE (input 0) puts
 * the op in graphics mode (screen_gfx_enable) and runs a refresh timer of PERIOD ms (input 1,
 * at least 5, applies from the next refresh); a change to the op's picture marks it dirty, and the
 * next refresh draws it onto the attached screen. bees draws only while its play page shows and
 * otherwise keeps the op dirty; here the op always draws (the simulator decides what to display).
 * With no screen attached an op stays dirty until one is.
 * Differs from bees: an op remembers whether it holds a graphics-mode count, so enabling,
 * disabling, loading and deleting stay balanced even after a scene's odd ENABLE value (bees can
 * load ENABLE 2 without enabling, then release a count it never took on ENABLE 0). */
#ifndef ALEPH_GFX_OP_H
#define ALEPH_GFX_OP_H

#include "net_devices.h"
#include "op.h"
#include "op_timer.h"
#include "screen.h"

enum { GFX_IN_ENABLE, GFX_IN_PERIOD };
#define GFX_PERIOD_MIN 5

typedef struct {
  op_timer_t timer;
  screen_t *screen; /* the screen whose graphics-mode count this op holds, if any */
  bool active;      /* in graphics mode, refresh timer running */
  bool dirty;       /* the picture changed since it was last drawn */
} gfx_state_t;

/* Draws the op's whole picture onto s. */
typedef void (*gfx_draw_fn)(op_t *op, screen_t *s);

static inline uint32_t gfx_period_ms(const op_t *op) {
  io_t p = op->in[GFX_IN_PERIOD];
  return p < 1 ? 1u : (uint32_t)p; /* a scene may hold any value */
}

/* The refresh timer's work. */
static inline void gfx_refresh(op_t *op, gfx_state_t *g, gfx_draw_fn draw) {
  screen_t *s = net_screen(op->net);
  if (g->dirty && s) {
    draw(op, s);
    g->dirty = false;
  }
}

/* Enters graphics mode and starts refreshing (no-op if already active). */
static inline void gfx_activate(op_t *op, gfx_state_t *g, op_timer_fn refresh) {
  if (g->active) return;
  g->active = true;
  g->screen = net_screen(op->net);
  screen_gfx_enable(g->screen);
  op_timer_start(op, &g->timer, gfx_period_ms(op), refresh);
}

static inline void gfx_deactivate(op_t *op, gfx_state_t *g) {
  if (!g->active) return;
  g->active = false;
  screen_gfx_disable(g->screen);
  g->screen = 0;
  op_timer_stop(op, &g->timer);
}

/* bees' redraw entry: only an active op's picture changes. */
static inline void gfx_touch(gfx_state_t *g) {
  if (g->active) g->dirty = true;
}

/* ENABLE: a positive value enables once (and redraws), zero or less disables. */
static inline void gfx_in_enable(op_t *op, gfx_state_t *g, io_t v, op_timer_fn refresh) {
  if (v > 0) {
    if (op->in[GFX_IN_ENABLE] > 0 && g->active) return;
    op->in[GFX_IN_ENABLE] = 1;
    gfx_activate(op, g, refresh);
    gfx_touch(g);
  } else if (op->in[GFX_IN_ENABLE] > 0 || g->active) {
    op->in[GFX_IN_ENABLE] = 0;
    gfx_deactivate(op, g);
  }
}

static inline void gfx_in_period(op_t *op, gfx_state_t *g, io_t v) {
  op->in[GFX_IN_PERIOD] = v < GFX_PERIOD_MIN ? (io_t)GFX_PERIOD_MIN : v;
  op_timer_set_period(&g->timer, gfx_period_ms(op));
}

/* After a scene load: enters graphics mode if `on` (bees' per-class test of ENABLE) and redraws. */
static inline void gfx_loaded(op_t *op, gfx_state_t *g, bool on, op_timer_fn refresh) {
  gfx_deactivate(op, g);
  if (on) {
    gfx_activate(op, g, refresh);
    gfx_touch(g);
  }
}

/* BARS and BARS8: clears the screen and draws bar k as row rows[k], level 15 left of vals[k]
 * (0..128) and 1 elsewhere. */
static inline void gfx_draw_bars(screen_t *s, const io_t *vals, const uint8_t *rows, uint8_t n) {
  uint8_t k;
  screen_fill(s, 0);
  for (k = 0; k < n; k++) {
    screen_fill_rect(s, 0, rows[k], SCREEN_W, 1, 1);
    screen_fill_rect(s, 0, rows[k], vals[k], 1, SCREEN_LEVEL_MAX);
  }
}

#endif
