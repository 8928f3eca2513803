/* SPDX-License-Identifier: MIT */
/* op_timer.h: software timers ops use (METRO, DELAY, graphics refresh ...), driven by the
 * ticks the platform supplies through net_advance(). Expiries run in the caller's context,
 * never from an interrupt, so they are serialised with every other net activity. */
#ifndef ALEPH_OP_TIMER_H
#define ALEPH_OP_TIMER_H

#include <stdbool.h>
#include <stdint.h>

#include "op.h"

typedef struct op_timer op_timer_t;
typedef void (*op_timer_fn)(op_t *op, op_timer_t *timer);

/* Embedded in an op's instance struct; zero-initialised by the framework. */
struct op_timer {
  op_timer_t *next;  /* armed-timer list link */
  op_t *op;
  op_timer_fn fire;
  uint32_t period;   /* ms; 0 for a one-shot that has fired */
  uint32_t due;      /* net time (ms) of the next expiry */
  bool armed;
  bool repeat;
};

/* Arms a periodic timer (period >= 1 ms): first expiry one period from now. Re-arming a running
 * timer restarts it. */
void op_timer_start(op_t *op, op_timer_t *t, uint32_t period_ms, op_timer_fn fire);
/* Arms a one-shot timer. */
void op_timer_once(op_t *op, op_timer_t *t, uint32_t delay_ms, op_timer_fn fire);
/* Changes the period of a periodic timer; takes effect at the next expiry (as bees does). */
void op_timer_set_period(op_timer_t *t, uint32_t period_ms);
/* Disarms; safe if not armed. */
void op_timer_stop(op_t *op, op_timer_t *t);

/* The net's current time in ms (the last value given to net_advance()). */
uint32_t net_now(const net_t *net);
/* Advances the net's clock to now_ms and fires every timer due by then, in due-time order
 * (ties in arming order). A periodic timer that fell behind fires once per missed period. */
void net_advance(net_t *net, uint32_t now_ms);
/* Number of armed timers (for statistics and tests). */
uint32_t net_timer_count(const net_t *net);

#endif
