/* SPDX-License-Identifier: MIT */
/* panel.c: the front panel's door: encoders, keys, footswitches and CV inputs reach the system
 * ops (ENC, SW, ADC) through their class's device_in handler, so neither the net nor this file
 * names an op's function (the net <-> op circle bees had). Declared in net.h. */
#include "net.h"

/* The system op of a class at a position among that class (robust to scenes that reorder them,
 * constant time for the standard layout). */
static op_t *system_op(const net_t *net, op_id_t id, uint8_t nth) {
  uint16_t i, n = net_op_count(net);
  for (i = 0; i < n; i++) {
    op_t *op = net_op(net, i);
    if (op->cls->id == id && op->cls->device_in && nth-- == 0) return op;
  }
  return 0;
}

/* One outside event into the nth system op of class id. */
static net_status_t door(net_t *net, op_id_t id, uint8_t nth, uint8_t channel, io_t value) {
  op_t *op;
  if (!net) return NET_ERR_NULL_ARG;
  op = system_op(net, id, nth);
  if (!op) return NET_ERR_BAD_INDEX;
  net_event_begin(net);
  op->cls->device_in(op, channel, value);
  net_event_end(net);
  return NET_OK;
}

net_status_t net_encoder(net_t *net, uint8_t enc, int16_t delta) {
  if (net && enc > 3) return NET_ERR_BAD_INDEX;
  return door(net, OP_ENC, enc, 0, delta);
}

net_status_t net_switch(net_t *net, uint8_t sw, bool pressed) {
  if (net && sw > 5) return NET_ERR_BAD_INDEX;
  return door(net, OP_SW, sw, 0, pressed ? 1 : 0);
}

net_status_t net_cv_in(net_t *net, uint8_t channel, io_t value) {
  if (net && channel > 3) return NET_ERR_BAD_INDEX;
  return door(net, OP_ADC, 0, channel, value);
}
