/* SPDX-License-Identifier: MIT */
/* demo.c: the built-in demo network (system ops, ADD, MOD, MUL, SUB), with play flags set so
 * the play screen shows what happens. */

/* The network:
 *   CV-IN (enabled, 1000 ms, CV1 at 1) -> ADD.A; ADD.SUM -> MOD.A (B 16); MOD.VAL -> ADD.B:
 *     a counter 0..15 stepping every second, shown as "12.ADD/B".
 *   SW1 -> ADD.B (hold to reset the counter).
 *   hw encoder 0 (ENC op 0) -> MUL.A (B 3) -> param 0 "cutoff".
 *   hw encoder 1 (ENC op 2) -> SUB.A (B 100) -> param 1 "gain".
 *   SW2 -> param 2 "mute"; FS1 -> param 3 "hold". */
#include "demo.h"

#include <string.h>

#include "preset.h"
#include "scaler.h"

#define TRY(x)                    \
  do {                            \
    net_status_t st_ = (x);       \
    if (st_ != NET_OK) return st_; \
  } while (0)

static net_status_t add(net_t *net, op_id_t id, uint16_t *index) {
  return net_add_op(net, id, NET_NONE, index);
}

static net_status_t param(net_t *net, const char *label) {
  net_param_t p;
  memset(&p, 0, sizeof p);
  strncpy(p.label, label, NET_PARAM_LABEL_LEN);
  p.play = 1; /* bees: params show on the play screen by default */
  p.type = SCALER_SHORT; /* shown as the number itself */
  p.min = 0;
  p.max = 32767;
  p.radix = 16;
  return net_add_param(net, &p);
}

/* Global input index of op's input k. */
static uint16_t in_of(const net_t *net, uint16_t op, uint16_t k) {
  return (uint16_t)(net_op_first_in(net, op) + k);
}

net_status_t demo_build(net_t *net) {
  uint16_t add_op, mod_op, mul_op, sub_op, n_in;
  const uint16_t cv = 10, sw1 = 4, sw2 = 5, fs1 = 8;
  net_clear(net);
  TRY(net_add_system_ops(net));
  TRY(add(net, OP_ADD, &add_op));
  TRY(add(net, OP_MOD, &mod_op));
  TRY(add(net, OP_MUL, &mul_op));
  TRY(add(net, OP_SUB, &sub_op));
  TRY(param(net, "cutoff"));
  TRY(param(net, "gain"));
  TRY(param(net, "mute"));
  TRY(param(net, "hold"));
  n_in = net_in_count(net);

  /* the counter */
  TRY(net_activate(net, in_of(net, mod_op, 1), 16));
  TRY(net_connect(net, net_op_first_out(net, cv), in_of(net, add_op, 0)));
  TRY(net_connect(net, net_op_first_out(net, add_op), in_of(net, mod_op, 0)));
  TRY(net_connect(net, net_op_first_out(net, mod_op), in_of(net, add_op, 1)));
  TRY(net_connect(net, net_op_first_out(net, sw1), in_of(net, add_op, 1)));
  TRY(net_set_in_play(net, in_of(net, add_op, 1), true));

  /* encoders */
  TRY(net_activate(net, in_of(net, mul_op, 1), 3));
  TRY(net_connect(net, net_op_first_out(net, 0), in_of(net, mul_op, 0)));
  TRY(net_connect(net, net_op_first_out(net, mul_op), n_in + 0));
  TRY(net_set_in_play(net, in_of(net, mul_op, 0), true));
  TRY(net_activate(net, in_of(net, sub_op, 1), 100));
  TRY(net_connect(net, net_op_first_out(net, 2), in_of(net, sub_op, 0)));
  TRY(net_connect(net, net_op_first_out(net, sub_op), n_in + 1));

  /* switches */
  TRY(net_connect(net, net_op_first_out(net, sw2), n_in + 2));
  TRY(net_connect(net, net_op_first_out(net, fs1), n_in + 3));

  /* CV input 1 holds 1; the CV-IN poll then clocks the counter */
  TRY(net_cv_in(net, 0, 1));
  TRY(net_activate(net, in_of(net, cv, 1), 1000));
  TRY(net_activate(net, in_of(net, cv, 0), 1));
  return NET_OK;
}
