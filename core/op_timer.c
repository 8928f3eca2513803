/* SPDX-License-Identifier: MIT */
/* op_timer.c: the net's software timers: an intrusive list of armed timers, advanced by the
 * platform's ticks in net_advance(). */
#include "op_timer.h"

#include "net_internal.h"

static void unlink_timer(net_t *net, op_timer_t *t) {
  op_timer_t **pp = &net->timers;
  while (*pp) {
    if (*pp == t) {
      *pp = t->next;
      break;
    }
    pp = &(*pp)->next;
  }
  t->next = 0;
  t->armed = false;
}

/* Appends, so timers due at the same time fire in arming order. */
static void link_timer(net_t *net, op_timer_t *t) {
  op_timer_t **pp = &net->timers;
  while (*pp) pp = &(*pp)->next;
  t->next = 0;
  *pp = t;
  t->armed = true;
}

static void arm(op_t *op, op_timer_t *t, uint32_t ms, op_timer_fn fire, bool repeat) {
  net_t *net = op->net;
  if (t->armed) unlink_timer(net, t);
  if (ms < 1u) ms = 1u;
  t->op = op;
  t->fire = fire;
  t->period = ms;
  t->repeat = repeat;
  t->due = net->now + ms;
  link_timer(net, t);
}

void op_timer_start(op_t *op, op_timer_t *t, uint32_t period_ms, op_timer_fn fire) {
  arm(op, t, period_ms, fire, true);
}

void op_timer_once(op_t *op, op_timer_t *t, uint32_t delay_ms, op_timer_fn fire) {
  arm(op, t, delay_ms, fire, false);
}

void op_timer_set_period(op_timer_t *t, uint32_t period_ms) {
  t->period = period_ms < 1u ? 1u : period_ms;
}

void op_timer_stop(op_t *op, op_timer_t *t) {
  if (t->armed) unlink_timer(op->net, t);
}

void op_timer_stop_all(net_t *net, const op_t *op) {
  op_timer_t **pp = &net->timers;
  while (*pp) {
    op_timer_t *t = *pp;
    if (t->op == op) {
      *pp = t->next;
      t->next = 0;
      t->armed = false;
    } else {
      pp = &t->next;
    }
  }
}

uint32_t net_now(const net_t *net) { return net ? net->now : 0; }

uint32_t net_timer_count(const net_t *net) {
  uint32_t n = 0;
  const op_timer_t *t;
  if (!net) return 0;
  for (t = net->timers; t; t = t->next) n++;
  return n;
}

/* Time comparisons are wrap-safe: a is before or at b. */
static bool due_by(uint32_t due, uint32_t now) { return (int32_t)(now - due) >= 0; }

void net_advance(net_t *net, uint32_t now_ms) {
  if (!net) return;
  for (;;) {
    op_timer_t *t, *first = 0;
    /* the earliest due timer (list order breaks ties) */
    for (t = net->timers; t; t = t->next)
      if (due_by(t->due, now_ms) && (!first || (int32_t)(t->due - first->due) < 0)) first = t;
    if (!first) break;
    net->now = first->due; /* handlers see the time they were due at */
    if (first->repeat) {
      /* re-link at the tail so equal-time timers keep rotating in arming order */
      unlink_timer(net, first);
      first->due += first->period;
      link_timer(net, first);
    } else {
      unlink_timer(net, first);
    }
    net_event_begin(net); /* each tick an event of its own */
    first->fire(first->op, first);
    net_event_end(net);
  }
  net->now = now_ms;
}
