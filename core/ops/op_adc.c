/* SPDX-License-Identifier: MIT */
/* op_adc.c: ADC (shown as CV-IN), the system op of the four CV inputs (bees op_adc). While
 * enabled it samples the inputs every PERIOD ms; MODE 0 fires every sample, MODE 1 fires 1 or
 * 0 when a channel crosses the gate threshold.
 * Differs from bees: a scene's negative ENABLE loads as stopped (bees started polling on any
 * nonzero ENABLE and then could not stop it, since ENABLE 0 only stops a positive one). */
#include "op.h"
#include "op_timer.h"

enum { IN_ENABLE, IN_PERIOD, IN_MODE };
#define ADC_GATE_THRESHOLD 1000

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[4];
  io_t level[4]; /* what is present at each input now */
  io_t gate[4];  /* MODE 1: last gate state per channel */
  op_timer_t timer;
} op_adc_t;

static void poll(op_t *op, op_timer_t *t) {
  op_adc_t *adc = (op_adc_t *)op;
  uint8_t ch;
  (void)t;
  for (ch = 0; ch < 4; ch++) {
    if (op->in[IN_MODE] == 0) {
      op_fire(op, ch, adc->level[ch]);
    } else {
      io_t g = adc->level[ch] > ADC_GATE_THRESHOLD ? 1 : 0;
      if (g != adc->gate[ch]) {
        adc->gate[ch] = g;
        op_fire(op, ch, g);
      }
    }
  }
}

/* The voltage now present at CV input `channel` (12-bit, 0..4095): the op samples it every
 * PERIOD ms while enabled, as the hardware's ADC poll does. */
static void sample(op_t *op, uint8_t channel, io_t value) {
  if (channel < 4) ((op_adc_t *)op)->level[channel] = value;
}

static void in_enable(op_t *op, io_t v) {
  op_adc_t *adc = (op_adc_t *)op;
  if (v > 0) {
    if (!op->in[IN_ENABLE]) {
      op->in[IN_ENABLE] = 1;
      op_timer_start(op, &adc->timer, (uint32_t)op->in[IN_PERIOD], poll);
    }
  } else if (op->in[IN_ENABLE]) {
    op->in[IN_ENABLE] = 0;
    op_timer_stop(op, &adc->timer);
  }
}

static void in_period(op_t *op, io_t v) {
  op->in[IN_PERIOD] = v < 1 ? 1 : v;
  op_timer_set_period(&((op_adc_t *)op)->timer, (uint32_t)op->in[IN_PERIOD]);
}

static void in_mode(op_t *op, io_t v) { op->in[IN_MODE] = v > 0 ? 1 : 0; }

static void init(op_t *op) { op->in[IN_PERIOD] = 50; }

static const uint8_t order[] = {IN_ENABLE, IN_PERIOD, IN_MODE};
static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_inputs(op, order, 3, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  int32_t n;
  io_t enable;
  (void)fmt;
  n = op_unpickle_inputs(op, order, 3, src, len);
  if (n < 0) return -1;
  /* re-arm polling as bees does when a scene enables the ADC */
  enable = op->in[IN_ENABLE];
  op->in[IN_ENABLE] = 0;
  if (op->in[IN_PERIOD] < 1) op->in[IN_PERIOD] = 1;
  in_enable(op, enable);
  return n;
}

static const char *const ins[] = {"ENABLE", "PERIOD", "MODE"};
static const char *const outs[] = {"VAL0", "VAL1", "VAL2", "VAL3"};
static const op_in_fn fns[] = {in_enable, in_period, in_mode};

const op_class_t op_class_adc = {
  .id = OP_ADC, .name = "ADC", .display = "CV-IN", .num_ins = 3, .num_outs = 4,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_adc_t), .size32 = 104,
  .flags = OP_FLAG_SYSTEM, .init = init, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
  .device_in = sample,
};
