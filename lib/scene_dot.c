/* SPDX-License-Identifier: MIT */
/* scene_dot.c: Graphviz DOT export of a network: ops as record nodes (inputs left, name in the
 * middle, outputs right), targeted DSP params as ellipses, connections as port-to-port edges. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"
#include "scene_io_internal.h"

typedef struct {
  char *s;
  size_t len, cap;
  bool oom;
} buf_t;

static void put(buf_t *b, const char *fmt, ...) SIO_PRINTF(2, 3);
static void put(buf_t *b, const char *fmt, ...) {
  va_list ap;
  int n;
  if (b->oom) return;
  for (;;) {
    va_start(ap, fmt);
    n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) {
      b->oom = true;
      return;
    }
    if ((size_t)n < b->cap - b->len) break;
    {
      size_t cap = (b->cap + (size_t)n + 1) * 2;
      char *s = realloc(b->s, cap);
      if (!s) {
        b->oom = true;
        return;
      }
      b->s = s;
      b->cap = cap;
    }
  }
  b->len += (size_t)n;
}

/* Text inside a record label: the record syntax characters and quotes escaped. */
static void put_record_text(buf_t *b, const char *t) {
  for (; *t; t++) {
    if (strchr("{}|<>\"\\ ", *t))
      put(b, "\\%c", *t);
    else
      put(b, "%c", *t);
  }
}

static void put_quoted(buf_t *b, const char *t) {
  put(b, "\"");
  for (; *t; t++) {
    if (*t == '"' || *t == '\\')
      put(b, "\\%c", *t);
    else
      put(b, "%c", *t);
  }
  put(b, "\"");
}

char *scene_dot_write(const net_t *net, const scene_header_t *hdr) {
  buf_t b = {0, 0, 0, false};
  uint16_t i, n = net_op_count(net), np = net_param_count(net);
  bool *targeted = calloc(np ? np : 1, sizeof *targeted);
  if (!targeted) return 0;
  b.cap = 4096;
  b.s = malloc(b.cap);
  if (!b.s) {
    free(targeted);
    return 0;
  }
  b.s[0] = '\0';
  put(&b, "digraph ");
  put_quoted(&b, hdr && hdr->name[0] ? hdr->name : "scene");
  put(&b, " {\n  rankdir=LR;\n  node [shape=record, fontname=\"Helvetica\", fontsize=10];\n");
  put(&b, "  edge [fontname=\"Helvetica\", fontsize=9];\n");
  if (hdr && hdr->module[0]) {
    put(&b, "  label=");
    put_quoted(&b, hdr->module);
    put(&b, ";\n  labelloc=t;\n");
  }
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    const op_class_t *cls = op->cls;
    char handle[40];
    uint8_t k;
    sio_op_handle(net, i, handle, sizeof handle);
    put(&b, "  op%u [label=\"{{", i);
    for (k = 0; k < cls->num_ins; k++) {
      put(&b, "%s<i%u> ", k ? "|" : "", k);
      put_record_text(&b, cls->in_names[k]);
      put(&b, "\\ %d", op->in[k]);
    }
    put(&b, "}|%u\\ ", i);
    put_record_text(&b, handle);
    put(&b, "|{");
    for (k = 0; k < cls->num_outs; k++) {
      put(&b, "%s<o%u> ", k ? "|" : "", k);
      put_record_text(&b, cls->out_names[k]);
    }
    put(&b, "}}\"%s];\n", cls->flags & OP_FLAG_SYSTEM ? ", style=filled, fillcolor=\"#eeeeee\"" : "");
  }
  for (i = 0; i < net_out_count(net); i++) {
    int32_t t = net_target(net, i);
    if (t >= net_in_count(net)) targeted[t - net_in_count(net)] = true;
  }
  for (i = 0; i < np; i++) {
    if (!targeted[i]) continue;
    put(&b, "  param%u [shape=ellipse, label=", i);
    put_quoted(&b, net_param(net, i)->label);
    put(&b, "];\n");
  }
  for (i = 0; i < net_out_count(net); i++) {
    int32_t t = net_target(net, i);
    uint16_t op;
    uint8_t sub;
    if (t < 0) continue;
    net_out_owner(net, i, &op, &sub);
    put(&b, "  op%u:o%u -> ", op, sub);
    if (t < net_in_count(net)) {
      uint16_t top;
      uint8_t tsub;
      net_in_owner(net, (uint16_t)t, &top, &tsub);
      put(&b, "op%u:i%u;\n", top, tsub);
    } else {
      put(&b, "param%u;\n", (unsigned)(t - net_in_count(net)));
    }
  }
  put(&b, "}\n");
  free(targeted);
  if (b.oom) {
    free(b.s);
    return 0;
  }
  return b.s;
}
