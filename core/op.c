/* SPDX-License-Identifier: MIT */
/* op.c: framework helpers every op class shares (pickling of io values). */
#include "op.h"

#include "bytes.h"

int32_t op_pickle_ios(const io_t *vals, uint32_t n, uint8_t *dst, uint32_t cap) {
  uint32_t i;
  if (cap < 2u * n) return -1;
  for (i = 0; i < n; i++) le_put_u16(dst + 2u * i, (uint16_t)vals[i]);
  return (int32_t)(2u * n);
}

int32_t op_unpickle_ios(io_t *vals, uint32_t n, const uint8_t *src, uint32_t len) {
  uint32_t i;
  if (len < 2u * n) return -1;
  for (i = 0; i < n; i++) vals[i] = (io_t)le_get_u16(src + 2u * i);
  return (int32_t)(2u * n);
}

int32_t op_pickle_inputs(const op_t *op, const uint8_t *order, uint32_t n, uint8_t *dst,
                         uint32_t cap) {
  uint32_t i;
  if (cap < 2u * n) return -1;
  for (i = 0; i < n; i++) le_put_u16(dst + 2u * i, (uint16_t)op->in[order[i]]);
  return (int32_t)(2u * n);
}

int32_t op_unpickle_inputs(op_t *op, const uint8_t *order, uint32_t n, const uint8_t *src,
                           uint32_t len) {
  uint32_t i;
  if (len < 2u * n) return -1;
  for (i = 0; i < n; i++) op->in[order[i]] = (io_t)le_get_u16(src + 2u * i);
  return (int32_t)(2u * n);
}

int32_t op_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  const op_class_t *cls = op->cls;
  if (cls->pickle) return cls->pickle(op, dst, cap, fmt);
  return op_pickle_inputs(op, cls->state_ins, cls->num_state_ins, dst, cap);
}

int32_t op_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  const op_class_t *cls = op->cls;
  if (cls->unpickle) return cls->unpickle(op, src, len, fmt);
  return op_unpickle_inputs(op, cls->state_ins, cls->num_state_ins, src, len);
}
