/* SPDX-License-Identifier: MIT */
/* index_op.c: handlers and pickling shared by the LISTn and ROUTEn classes (see index_op.h). */
#include "index_op.h"

/* ---- LISTn ---- */

const char *const list_in_names[1 + LIST_ITEMS_MAX] = {
  "INDEX", "I0", "I1", "I2",  "I3",  "I4",  "I5",  "I6",  "I7",
  "I8",    "I9", "I10", "I11", "I12", "I13", "I14", "I15"};
const char *const list_out_names[1] = {"VAL"};

static void list_in_index(op_t *op, io_t v) {
  io_t last = (io_t)(op->cls->num_ins - 2);
  op->in[LIST_INDEX] = op_clamp(v, 0, last);
  op_fire(op, 0, op->in[1 + op->in[LIST_INDEX]]);
}

/* items only store; one handler per position */
#define LIST_ITEM_FN(k) \
  static void list_in_i##k(op_t *op, io_t v) { op->in[1 + (k)] = v; }
LIST_ITEM_FN(0)
LIST_ITEM_FN(1)
LIST_ITEM_FN(2)
LIST_ITEM_FN(3)
LIST_ITEM_FN(4)
LIST_ITEM_FN(5)
LIST_ITEM_FN(6)
LIST_ITEM_FN(7)
LIST_ITEM_FN(8)
LIST_ITEM_FN(9)
LIST_ITEM_FN(10)
LIST_ITEM_FN(11)
LIST_ITEM_FN(12)
LIST_ITEM_FN(13)
LIST_ITEM_FN(14)
LIST_ITEM_FN(15)

const op_in_fn list_in_fns[1 + LIST_ITEMS_MAX] = {
  list_in_index, list_in_i0,  list_in_i1,  list_in_i2,  list_in_i3,  list_in_i4,
  list_in_i5,    list_in_i6,  list_in_i7,  list_in_i8,  list_in_i9,  list_in_i10,
  list_in_i11,   list_in_i12, list_in_i13, list_in_i14, list_in_i15};

int32_t list_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, op->cls->num_ins, dst, cap);
}

int32_t list_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, op->cls->num_ins, src, len);
}

/* ---- ROUTEn ---- */

const char *const route_in_names[2] = {"VAL", "TO"};
const char *const route_out_names[ROUTE_OUTS_MAX] = {
  "O0", "O1", "O2", "O3", "O4", "O5", "O6", "O7",
  "O8", "O9", "10", "11", "12", "13", "14", "15"};

static io_t route_last(const op_t *op) { return (io_t)(op->cls->num_outs - 1); }

static void route_in_val(op_t *op, io_t v) {
  op->in[ROUTE_VAL] = v;
  /* TO can only be out of range when a scene file stored it so: clamp it as the input would */
  op_fire(op, (uint8_t)op_clamp(op->in[ROUTE_TO], 0, route_last(op)), op->in[ROUTE_VAL]);
}

static void route_in_to(op_t *op, io_t v) { op->in[ROUTE_TO] = op_clamp(v, 0, route_last(op)); }

const op_in_fn route_in_fns[2] = {route_in_val, route_in_to};

int32_t route_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(&op->in[ROUTE_TO], 1, dst, cap);
}

int32_t route_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(&op->in[ROUTE_TO], 1, src, len);
}
