/* SPDX-License-Identifier: MIT */
/* playlog.h: bees' play-mode scroll: one line per watched activity (an input or param with its
 * play flag set), newest at the bottom. The model only; render_play.c draws it. */
#ifndef ALEPH_SIM_PLAYLOG_H
#define ALEPH_SIM_PLAYLOG_H

#include <stdint.h>

#include "net.h"

#define PLAYLOG_LINES 8u      /* what bees' 128x64 scroll region shows (8-pixel lines) */
#define PLAYLOG_NAME_LEN 16u  /* characters of the "12.ADD/A" part */
#define PLAYLOG_VALUE_LEN 7u  /* bees' op_print: 6 characters, sign included */

typedef struct {
  char name[PLAYLOG_NAME_LEN + 1];
  char value[PLAYLOG_VALUE_LEN + 1];
} playlog_line_t;

typedef struct {
  playlog_line_t line[PLAYLOG_LINES];
  uint32_t total; /* lines ever added; line (total-1) % PLAYLOG_LINES is the newest */
} playlog_t;

void playlog_init(playlog_t *log);
void playlog_add(playlog_t *log, const char *name, const char *value);
/* The line `back` steps before the newest (0 = newest); NULL if there is none. */
const playlog_line_t *playlog_get(const playlog_t *log, uint32_t back);

/* What bees prints for watched activity. kind/op/idx/value as net_watch_fn reports them;
 * returns 0 (nothing added) unless it is an input or param whose play flag is set. */
int playlog_note(playlog_t *log, const net_t *net, net_event_kind_t kind, const op_t *op,
                 uint16_t idx, io_t value);

#endif
