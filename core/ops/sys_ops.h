/* SPDX-License-Identifier: MIT */
/* sys_ops.h: how the system ops are driven by the front panel hardware (encoders, switches,
 * CV inputs). Implemented by op_enc.c, op_sw.c and op_adc.c. */
#ifndef ALEPH_SYS_OPS_H
#define ALEPH_SYS_OPS_H

#include <stdbool.h>

#include "op.h"

/* An encoder moved by delta detents (bees: VAL += STEP*delta clamped, then DELTA fires). */
void op_enc_turn(op_t *enc, int16_t delta);
/* A switch or footswitch was pressed or released. */
void op_sw_press(op_t *sw, bool pressed);
/* The voltage now present at CV input `channel` (12-bit, 0..4095). The op samples it every
 * PERIOD ms while enabled, as the hardware's ADC poll does. */
void op_adc_sample(op_t *adc, uint8_t channel, io_t value);

#endif
