/* SPDX-License-Identifier: MIT */
/* trace.h: --trace: every delivery, output and param change of the running net as one line on
 * stdout ("1250 out CLOCK.TICK 1", "1250 in COUNT.INC 1", "1250 param amp0 16384", "1250 feedback
 * LOOP.SUM", "1250 preset 3"), virtual ms first, ops by their names (lib/op_names.h), optionally
 * only for some ops. Fed by the engine's net watch; simulation thread only. */
#ifndef ALEPH_SIM_TRACE_H
#define ALEPH_SIM_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "net.h"
#include "op_names.h"

#define TRACE_FILTER_MAX 16u

typedef struct {
  FILE *out;
  uint32_t n_ops;            /* 0: every op (and params and presets) */
  char ops[TRACE_FILTER_MAX][OP_NAME_MAX]; /* op names to show; "param" shows params */
  unsigned long lines;
} trace_t;

/* filter: NULL or "" for everything, else op names separated by commas. false (with a
 * sentence in err) if it names more than TRACE_FILTER_MAX or an empty name. */
bool trace_init(trace_t *t, FILE *out, const char *filter, char *err, size_t errlen);
/* One net event (net_watch_fn's arguments) at virtual time now. */
void trace_note(trace_t *t, const op_names_t *names, const net_t *net, uint32_t now,
                net_event_kind_t kind, const op_t *op, uint16_t idx, io_t value);

#endif
