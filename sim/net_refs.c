/* SPDX-License-Identifier: MIT */
/* net_refs.c: resolving what OSC messages and replay files name (op names, port names, "#k",
 * param labels, or decimal indices) against the running net, with a sentence for every miss;
 * and the names replies carry (net_refs.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net_refs.h"
#include "op_names.h"

/* A decimal index 0..65535 and nothing else. */
static bool parse_index(const char *ref, long *out) {
  char *end;
  long v;
  if (!ref[0] || ref[0] < '0' || ref[0] > '9') return false;
  v = strtol(ref, &end, 10);
  if (*end || v > 65535) return false;
  *out = v;
  return true;
}

int net_ref_op(const op_names_t *names, const net_t *net, const char *ref, char *err,
                size_t errlen) {
  uint16_t n = net_op_count(net);
  long idx;
  int found;
  if (parse_index(ref, &idx)) {
    if (idx < n) return (int)idx;
    snprintf(err, errlen, "no op %ld (the net has %u)", idx, n);
    return -1;
  }
  found = op_names_find(names, net, ref);
  if (found >= 0) return found;
  snprintf(err, errlen, "no op is named \"%s\"", ref);
  return -1;
}

int net_ref_port(const op_names_t *names, const net_t *net, uint16_t op, bool input,
                  const char *ref, char *err, size_t errlen) {
  const op_class_t *cls = net_op(net, op)->cls;
  const char *const *ports = input ? cls->in_names : cls->out_names;
  uint8_t n = input ? cls->num_ins : cls->num_outs, k;
  long v;
  char handle[40];
  if ((ref[0] == '#' && parse_index(ref + 1, &v)) || parse_index(ref, &v)) {
    if (v < n) return (int)v;
  } else {
    for (k = 0; k < n; k++)
      if (!strcmp(ports[k], ref)) return k;
  }
  net_ref_op_name(names, net, op, handle, sizeof handle);
  snprintf(err, errlen, "%s (%s) has no %s \"%s\"", handle, cls->name,
           input ? "input" : "output", ref);
  return -1;
}

int net_ref_param(const net_t *net, const char *ref, char *err, size_t errlen) {
  uint16_t i, n = net_param_count(net);
  int found = -1;
  long v;
  if (parse_index(ref, &v)) {
    if (v < n) return (int)v;
    snprintf(err, errlen, "no param %ld (the net has %u)", v, n);
    return -1;
  }
  for (i = 0; i < n; i++)
    if (!strcmp(net_param(net, i)->label, ref)) {
      if (found >= 0) {
        snprintf(err, errlen, "two params are labelled \"%s\": use an index", ref);
        return -1;
      }
      found = i;
    }
  if (found < 0) snprintf(err, errlen, "no param is labelled \"%s\"", ref);
  return found;
}

void net_ref_op_name(const op_names_t *names, const net_t *net, uint16_t i, char *out, size_t cap) {
  op_names_get(names, net, i, out, cap);
}

void net_ref_target_names(const op_names_t *names, const net_t *net, int32_t target, char *op,
                      size_t opcap, char *port, size_t portcap) {
  uint16_t o;
  uint8_t sub;
  op[0] = port[0] = '\0';
  if (target < 0) return;
  if (target < net_in_count(net) && net_in_owner(net, (uint16_t)target, &o, &sub)) {
    net_ref_op_name(names, net, o, op, opcap);
    snprintf(port, portcap, "%s", net_op(net, o)->cls->in_names[sub]);
  } else if (target >= net_in_count(net) &&
             target - net_in_count(net) < net_param_count(net)) {
    snprintf(op, opcap, "param");
    snprintf(port, portcap, "%s", net_param(net, (uint16_t)(target - net_in_count(net)))->label);
  }
}
