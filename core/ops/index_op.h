/* SPDX-License-Identifier: MIT */
/* index_op.h: what bees' index-selected ops share. LIST2/4/8/16: INDEX (clamped to the item
 * range) picks an item and outputs it; the item inputs I0.. store silently. ROUTE4/8/16: VAL is
 * sent out of the output TO picks (TO clamped to the output range). The item and output counts
 * come from the class (num_ins - 1 items, num_outs routes), so one set of handlers serves every
 * size; each op_listN.c / op_routeN.c only declares its class. */
#ifndef ALEPH_INDEX_OP_H
#define ALEPH_INDEX_OP_H

#include "op.h"

#define LIST_ITEMS_MAX 16
#define ROUTE_OUTS_MAX 16

enum { LIST_INDEX };       /* then the items: in[1 + k] = Ik */
enum { ROUTE_VAL, ROUTE_TO };

/* LISTn: INDEX then I0..I15 (a class uses the first num_ins). State: INDEX, I0.. (all inputs
 * in order, the same in 0.7.1 and 0.8.1). */
extern const char *const list_in_names[1 + LIST_ITEMS_MAX];
extern const char *const list_out_names[1];
extern const op_in_fn list_in_fns[1 + LIST_ITEMS_MAX];
int32_t list_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt);
int32_t list_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt);

/* ROUTEn: inputs VAL, TO; outputs O0..O9, then "10".."15" (bees' names). State: TO only. */
extern const char *const route_in_names[2];
extern const char *const route_out_names[ROUTE_OUTS_MAX];
extern const op_in_fn route_in_fns[2];
int32_t route_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt);
int32_t route_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt);

#endif
