/* SPDX-License-Identifier: MIT */
/* trace.c: one line per net event for --trace (trace.h). */
#include "trace.h"

#include <string.h>

bool trace_init(trace_t *t, FILE *out, const char *filter, char *err, size_t errlen) {
  const char *p = filter;
  memset(t, 0, sizeof *t);
  t->out = out;
  while (p && *p) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    if (len == 0 || len >= OP_NAME_MAX) {
      snprintf(err, errlen, "--trace: '%s' is not a list of op names separated by commas", filter);
      return false;
    }
    if (t->n_ops == TRACE_FILTER_MAX) {
      snprintf(err, errlen, "--trace: at most %u op names", TRACE_FILTER_MAX);
      return false;
    }
    memcpy(t->ops[t->n_ops], p, len);
    t->ops[t->n_ops++][len] = '\0';
    p = comma ? comma + 1 : NULL;
  }
  return true;
}

static bool wanted(const trace_t *t, const char *name) {
  uint32_t k;
  if (!t->n_ops) return true;
  for (k = 0; k < t->n_ops; k++)
    if (!strcmp(t->ops[k], name)) return true;
  return false;
}

void trace_note(trace_t *t, const op_names_t *names, const net_t *net, uint32_t now,
                net_event_kind_t kind, const op_t *op, uint16_t idx, io_t value) {
  char name[OP_NAME_MAX];
  if (!t || !t->out) return;
  if (op) {
    op_names_get(names, net, op->index, name, sizeof name);
    if (!wanted(t, name)) return;
  }
  switch (kind) {
  case NET_EV_OUTPUT:
    if (op && idx < op->cls->num_outs)
      fprintf(t->out, "%u out %s.%s %d\n", (unsigned)now, name, op->cls->out_names[idx], value);
    break;
  case NET_EV_INPUT:
    if (op && idx < op->cls->num_ins)
      fprintf(t->out, "%u in %s.%s %d\n", (unsigned)now, name, op->cls->in_names[idx], value);
    break;
  case NET_EV_FEEDBACK:
    if (op && idx < op->cls->num_outs)
      fprintf(t->out, "%u feedback %s.%s (cut)\n", (unsigned)now, name, op->cls->out_names[idx]);
    break;
  case NET_EV_PARAM:
    if (wanted(t, "param") && net_param(net, idx))
      fprintf(t->out, "%u param %s %d\n", (unsigned)now, net_param(net, idx)->label, value);
    break;
  case NET_EV_PRESET:
    if (wanted(t, "preset")) fprintf(t->out, "%u preset %u\n", (unsigned)now, (unsigned)idx);
    break;
  default:
    return;
  }
  t->lines++;
}
