/* SPDX-License-Identifier: MIT */
/* playlog.c: the play-mode scroll model: formats "op.NAME/IN value" and "p.label value" lines
 * for inputs and params whose play flag is set, as bees' play screen does. */
#include "playlog.h"

#include <stdio.h>
#include <string.h>

#include "screen.h"

void playlog_init(playlog_t *log) { memset(log, 0, sizeof *log); }

static void copy(char *dst, const char *src, size_t cap) {
  size_t n = strlen(src);
  if (n >= cap) n = cap - 1u;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

void playlog_add(playlog_t *log, const char *name, const char *value) {
  playlog_line_t *l = &log->line[log->total % PLAYLOG_LINES];
  copy(l->name, name, sizeof l->name);
  copy(l->value, value, sizeof l->value);
  log->total++;
}

const playlog_line_t *playlog_get(const playlog_t *log, uint32_t back) {
  if (back >= PLAYLOG_LINES || back >= log->total) return NULL;
  return &log->line[(log->total - 1u - back) % PLAYLOG_LINES];
}

int playlog_note(playlog_t *log, const net_t *net, net_event_kind_t kind, const op_t *op,
                 uint16_t idx, io_t value) {
  char name[48], val[7];
  uint16_t global;
  if (kind == NET_EV_INPUT && op) {
    global = (uint16_t)(op->first_in + idx);
    if (!net_in_play(net, global)) return 0;
    snprintf(name, sizeof name, "%u.%s/%s", (unsigned)op->index, net_op_name(net, op->index),
             op->cls->in_names[idx]);
  } else if (kind == NET_EV_PARAM) {
    const net_param_t *p = net_param(net, idx);
    global = (uint16_t)(net_in_count(net) + idx);
    if (!p || !net_in_play(net, global)) return 0;
    snprintf(name, sizeof name, "%u.%s", (unsigned)idx, p->label);
  } else {
    return 0;
  }
  screen_format_number(val, value); /* bees' op_print: 6 columns, right-justified */
  playlog_add(log, name, val);
  return 1;
}
