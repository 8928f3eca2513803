/* SPDX-License-Identifier: MIT */
/* op_serial.c: SERIAL (bees op_serial): sends bees' host-serial "outVal" message. ADDR stores;
 * DATA stores and sends (ADDR, DATA) through the services' serial_send (none: dropped). The two
 * outputs never fire. State (both formats): ADDR, DATA.
 * Differs from bees: the outputs start unconnected (bees left them targeting input 0, quirk 1;
 * harmless there since they never fire). */
#include "op.h"
#include "services.h"

enum { IN_ADDR, IN_DATA };

typedef struct {
  op_t super;
  io_t in[2];
  op_target_t out[2];
} op_serial_t;

static void in_addr(op_t *op, io_t v) { op->in[IN_ADDR] = v; }
static void in_data(op_t *op, io_t v) {
  const net_services_t *s = net_services(op->net);
  op->in[IN_DATA] = v;
  if (s && s->serial_send) s->serial_send(s->ctx, op->in[IN_ADDR], op->in[IN_DATA]);
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  (void)fmt;
  return op_unpickle_ios(op->in, 2, src, len);
}

static const char *const ins[] = {"ADDR", "DATA"};
static const char *const outs[] = {"ADDR", "DATA"};
static const op_in_fn fns[] = {in_addr, in_data};

const op_class_t op_class_serial = {
  .id = OP_SERIAL, .name = "SERIAL", .display = "SERIAL", .num_ins = 2, .num_outs = 2,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_serial_t), .size32 = 44, .in_fns = fns,
  .pickle = pickle, .unpickle = unpickle,
};
