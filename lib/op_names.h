/* SPDX-License-Identifier: MIT */
/* op_names.h: the names a running network's ops go by on the host (labels): the names a JSON
 * scene gives its ops, else the handles sio_op_handle gives at load (METRO, ENC#2); an op added
 * later is named by its display name if no op goes by it, else NAME#k with k one past the
 * highest in use (a plain NAME counting as 0, and NAME#0 finding it). A name stays
 * with its op through inserts and deletes elsewhere (the table holds op pointers, not indices),
 * so OSC clients, traces and replay files can hold on to it; JSON saves write them back. The net
 * knows nothing of them: the owner calls op_names_sync after each change to the net (an applied
 * event) so removed ops lose their names before their memory can hold another op. */
#ifndef ALEPH_OP_NAMES_H
#define ALEPH_OP_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"

#define OP_NAME_MAX 40u   /* bytes of a name, with its NUL (longer ones are cut on a UTF-8 boundary) */
#define OP_NAMES_CAP 256u /* ops named at once (bees holds 128) */

typedef struct {
  const op_t *op;
  char name[OP_NAME_MAX];
} op_name_t;

typedef struct op_names {
  uint16_t count;
  op_name_t e[OP_NAMES_CAP];
} op_names_t;

void op_names_clear(op_names_t *t);
/* Every op of net named by its handle (sio_op_handle), as after loading a .scn. */
void op_names_reset(op_names_t *t, const net_t *net);
/* Names op (replacing its name). false if the table is full or another op has that name. */
bool op_names_set(op_names_t *t, const op_t *op, const char *name);
/* Drops the names of ops no longer in net and names the ops that have none (NAME#k). O(ops^2)
 * pointer compares (16k for 128 ops). */
void op_names_sync(op_names_t *t, const net_t *net);
/* The name of op i of net (its handle if the table has none for it). out: OP_NAME_MAX bytes. */
void op_names_get(const op_names_t *t, const net_t *net, uint16_t i, char *out, size_t cap);
/* The index of the op named `name`, or -1. */
int op_names_find(const op_names_t *t, const net_t *net, const char *name);

#endif
