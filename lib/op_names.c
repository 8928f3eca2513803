/* SPDX-License-Identifier: MIT */
/* op_names.c: the host's names for a running network's ops (op_names.h). */
#include "op_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_io.h"

void op_names_clear(op_names_t *t) { t->count = 0; }

static op_name_t *entry_of(op_names_t *t, const op_t *op) {
  uint16_t k;
  for (k = 0; k < t->count; k++)
    if (t->e[k].op == op) return &t->e[k];
  return NULL;
}

static const op_name_t *entry_named(const op_names_t *t, const char *name) {
  uint16_t k;
  for (k = 0; k < t->count; k++)
    if (!strcmp(t->e[k].name, name)) return &t->e[k];
  return NULL;
}

/* name cut to fit, on a UTF-8 character boundary */
static void copy_name(char *out, const char *name) {
  size_t n = strlen(name);
  if (n > OP_NAME_MAX - 1) {
    n = OP_NAME_MAX - 1;
    while (n > 0 && ((unsigned char)name[n] & 0xC0u) == 0x80u) n--;
  }
  memcpy(out, name, n);
  out[n] = '\0';
}

bool op_names_set(op_names_t *t, const op_t *op, const char *name) {
  op_name_t *e = entry_of(t, op);
  char cut[OP_NAME_MAX];
  const op_name_t *other;
  copy_name(cut, name);
  other = entry_named(t, cut);
  if (other && other->op != op) return false;
  if (!e) {
    if (t->count >= OP_NAMES_CAP) return false;
    e = &t->e[t->count++];
    e->op = op;
  }
  memcpy(e->name, cut, sizeof cut);
  return true;
}

void op_names_reset(op_names_t *t, const net_t *net) {
  uint16_t i, n = net_op_count(net);
  op_names_clear(t);
  for (i = 0; i < n; i++) {
    char h[OP_NAME_MAX];
    sio_op_handle(net, i, h, sizeof h);
    op_names_set(t, net_op(net, i), h);
  }
}

/* The name of a new op showing `display`: NAME if no op goes by NAME or NAME#k, else NAME#k with
 * k one past the highest in use (plain NAME counting as 0). */
static void new_name(const op_names_t *t, const char *display, char *out, size_t cap) {
  size_t dl = strlen(display);
  long next = -1;
  uint16_t k;
  for (k = 0; k < t->count; k++) {
    const char *nm = t->e[k].name;
    if (strncmp(nm, display, dl)) continue;
    if (nm[dl] == '\0') {
      if (next < 0) next = 0;
    } else if (nm[dl] == '#' && nm[dl + 1] >= '0' && nm[dl + 1] <= '9') {
      char *end;
      long j = strtol(nm + dl + 1, &end, 10);
      if (!*end && j > next) next = j;
    }
  }
  if (next < 0)
    snprintf(out, cap, "%s", display);
  else
    snprintf(out, cap, "%s#%ld", display, next + 1);
}

/* Whether entry k names op k of net, for every op (nothing changed since the last sync). */
static bool in_net_order(const op_names_t *t, const net_t *net) {
  uint16_t i, n = net_op_count(net);
  if (t->count != n) return false;
  for (i = 0; i < n; i++)
    if (t->e[i].op != net_op(net, i)) return false;
  return true;
}

void op_names_sync(op_names_t *t, const net_t *net) {
  uint16_t k = 0, i, n = net_op_count(net);
  if (in_net_order(t, net)) return; /* the usual case: O(ops) */
  while (k < t->count) { /* ops gone: their entries go (compared as pointers, never read) */
    bool there = false;
    for (i = 0; i < n && !there; i++) there = net_op(net, i) == t->e[k].op;
    if (there)
      k++;
    else
      t->e[k] = t->e[--t->count];
  }
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    char name[OP_NAME_MAX];
    if (entry_of(t, op)) continue;
    new_name(t, net_op_name(net, i), name, sizeof name);
    op_names_set(t, op, name);
  }
  /* back into net order, so the next sync takes the quick path */
  for (i = 0; i < n && i < t->count; i++) {
    op_name_t *e = entry_of(t, net_op(net, i));
    if (e && e != &t->e[i]) {
      op_name_t tmp = t->e[i];
      t->e[i] = *e;
      *e = tmp;
    }
  }
}

void op_names_get(const op_names_t *t, const net_t *net, uint16_t i, char *out, size_t cap) {
  const op_t *op = net_op(net, i);
  uint16_t k;
  for (k = 0; t && op && k < t->count; k++)
    if (t->e[k].op == op) {
      snprintf(out, cap, "%s", t->e[k].name);
      return;
    }
  sio_op_handle(net, i, out, cap);
}

int op_names_find(const op_names_t *t, const net_t *net, const char *name) {
  const op_name_t *e = entry_named(t, name);
  uint16_t i, n = net_op_count(net);
  size_t len = strlen(name);
  if (!e && len > 2 && len < OP_NAME_MAX && !strcmp(name + len - 2, "#0")) {
    char plain[OP_NAME_MAX]; /* NAME#0 is the op named NAME, if no op is named NAME#0 */
    memcpy(plain, name, len - 2);
    plain[len - 2] = '\0';
    e = entry_named(t, plain);
  }
  if (!e) return -1;
  for (i = 0; i < n; i++)
    if (net_op(net, i) == e->op) return i;
  return -1;
}
