/* SPDX-License-Identifier: MIT */
/* mod_lines.c: aleph-lines, two delay lines with filters and feedback, written for aleph-sim from
 * what the public module (monome/aleph modules/lines) does. Each line: a buffer with a write
 * tap and two read taps crossfaded by a linear ramp (a new delay or read position goes to the
 * tap faded in; changes while a fade runs are ignored), rate multiplier and divider, loop
 * length, overdub (pre: 0 replaces, full adds, else mixes), write and run switches; then a
 * 2x-oversampled state-variable filter (cut, rq through integrators; low/high/band/notch
 * mixed), dry and wet through integrators. Inputs reach each line by adc*_del*, lines each
 * other by del*_del* (feedback), the outputs by del*_dac* and adc*_dac*. CV outputs follow
 * cv0..cv3 through integrators, one channel per sample in turn.
 * Times: the module's own delay/loop/pos_read/pos_write are 16-bit ticks converted by its
 * timescale (shipped as ms = ticks * timescale/64 / 2048: half a millisecond per tick at
 * timescale 1.0); scenes made with the 2014 release carry those params with radix 7, meaning
 * seconds in 16.16, and are bound to that unit (as are its filter-mix slews, which did nothing).
 * The 2014 release applied a new read position during a fade too (to the tap being faded in).
 * Differs: the buffer holds 60 s (the 2014 maximum; the module's is 131 s), and until the module
 * has processed its first sample, read positions are set without a fade (the module's first fade
 * ran from boot, swallowing the delays set at init; on the Aleph a scene's params come later). */
#include <stdlib.h>

#include "dsp.h"
#include "dsp_blocks.h"
#include "scaler.h"

#define LINES 2
#define FRAMES (60u * DSP_RATE)
#define SLEW_DEFAULT 0x77000000
#define AMP_6 0x3fffffff
#define AMP_12 0x1fffffff

enum {
  P_TIMESCALE, P_FADE0, P_FADE1, P_CUT0_SLEW, P_RQ0_SLEW, P_CUT1_SLEW, P_RQ1_SLEW,
  P_DRY0_SLEW, P_WET0_SLEW, P_DRY1_SLEW, P_WET1_SLEW, P_MIX_SLEW,
  P_ADC_DEL,                   /* adc0_del0, adc0_del1, adc1_del0 ... adc3_del1 */
  P_DEL_DAC = P_ADC_DEL + 8,   /* del0_dac0 .. del1_dac3 */
  P_DEL_DEL = P_DEL_DAC + 8,   /* del0_del0, del0_del1, del1_del0, del1_del1 */
  P_ADC_DAC = P_DEL_DEL + 4,   /* adc0_dac0 .. adc3_dac3 */
  P_CV_SLEW3 = P_ADC_DAC + 16, P_CV_SLEW2, P_CV_SLEW1, P_CV_SLEW0, P_CV3, P_CV2, P_CV1, P_CV0,
  P_LINE1,                     /* line 1's params in line_param order, then line 0's */
  P_LINE0 = P_LINE1 + 18,
  P_OWN = P_LINE0 + 18,        /* the 2014 release's params from here on */
  P_OLD_TIMES = P_OWN,         /* delay, loop, pos_read, pos_write of line 1 then line 0 */
  P_OLD_SLEWS = P_OLD_TIMES + 8, /* low/high/band/notch slews: no effect */
  P_COUNT = P_OLD_SLEWS + 8
};

/* a line's params, in the module's order */
enum { L_CUT, L_RQ, L_LOW, L_HIGH, L_BAND, L_NOTCH, L_FWET, L_FDRY, L_POS_READ, L_POS_WRITE,
       L_RUN_READ, L_RUN_WRITE, L_LOOP, L_RMUL, L_RDIV, L_PRE, L_WRITE, L_DELAY };

#define SLEW(l, init) {l, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, init, 0}
#define AMP(l, init) {l, SCALER_AMP, 0, 0x7fffffff, 1, init, 0}
#define CV(l) {l, SCALER_FIX, 0, 0x7fffffff, 16, AMP_6, 0}
#define TIME(l, init) {l, SCALER_FIX, 0, 0x7fffffff, 32, init, 0}
#define LINE(n, delay)                                                                      \
  {"cut" #n, SCALER_SVF_FC, 0, 0x7fffffff, 32, 0x43D0A8EC, 0},                              \
  {"rq" #n, SCALER_FIX, 0, 0xffff, 2, 0xfff0, 0}, AMP("low" #n, AMP_6), AMP("high" #n, 0),  \
  AMP("band" #n, 0), AMP("notch" #n, 0), AMP("fwet" #n, AMP_6), AMP("fdry" #n, AMP_6),     \
  TIME("pos_read" #n, 0), TIME("pos_write" #n, 0), {"run_read" #n, SCALER_BOOL, 0, 1, 2, 1, 0}, \
  {"run_write" #n, SCALER_BOOL, 0, 1, 2, 1, 0}, TIME("loop" #n, 10000 << 16),              \
  {"rMul" #n, SCALER_FIX, 0x10000, 0x80000, 32, 0x10000, 0},                               \
  {"rDiv" #n, SCALER_FIX, 0x10000, 0x80000, 32, 0x10000, 0}, AMP("pre" #n, 0),             \
  AMP("write" #n, 0x7fffffff), TIME("delay" #n, (delay) << 16)
#define OLD_TIME(l) {l, SCALER_FIX, 0, 0x3c0000, 7, 0, 7}
#define OLD_SLEW(l) {l, SCALER_INTEGRATOR, 0, 0x7fffffff, 32, 0, 32}

static const dsp_param_desc_t params[P_COUNT] = {
  {"timescale", SCALER_FIX, 0, 0x40000, 4, 1 << 16, 0},
  {"fade0", SCALER_FIX, 0x2000, 0x2000000, 12, 0x100000, 0},
  {"fade1", SCALER_FIX, 0x2000, 0x2000000, 12, 0x100000, 0},
  SLEW("cut0Slew", SLEW_DEFAULT), SLEW("rq0Slew", SLEW_DEFAULT), SLEW("cut1Slew", SLEW_DEFAULT),
  SLEW("rq1Slew", SLEW_DEFAULT), SLEW("dry0Slew", 0), SLEW("wet0Slew", 0), SLEW("dry1Slew", 0),
  SLEW("wet1Slew", 0), SLEW("mixSlew", 0),
  AMP("adc0_del0", AMP_6), AMP("adc0_del1", AMP_6), AMP("adc1_del0", 0), AMP("adc1_del1", 0),
  AMP("adc2_del0", 0), AMP("adc2_del1", 0), AMP("adc3_del0", 0), AMP("adc3_del1", 0),
  AMP("del0_dac0", AMP_6), AMP("del0_dac1", 0), AMP("del0_dac2", 0), AMP("del0_dac3", 0),
  AMP("del1_dac0", AMP_12), AMP("del1_dac1", AMP_6), AMP("del1_dac2", AMP_12),
  AMP("del1_dac3", AMP_6),
  AMP("del0_del0", 0), AMP("del0_del1", 0), AMP("del1_del0", 0), AMP("del1_del1", 0),
  AMP("adc0_dac0", AMP_12), AMP("adc0_dac1", AMP_12), AMP("adc0_dac2", AMP_12),
  AMP("adc0_dac3", AMP_12), AMP("adc1_dac0", AMP_12), AMP("adc1_dac1", AMP_12),
  AMP("adc1_dac2", AMP_12), AMP("adc1_dac3", AMP_12), AMP("adc2_dac0", AMP_12),
  AMP("adc2_dac1", AMP_12), AMP("adc2_dac2", AMP_12), AMP("adc2_dac3", AMP_12),
  AMP("adc3_dac0", AMP_12), AMP("adc3_dac1", AMP_12), AMP("adc3_dac2", AMP_12),
  AMP("adc3_dac3", AMP_12),
  SLEW("cvSlew3", SLEW_DEFAULT), SLEW("cvSlew2", SLEW_DEFAULT), SLEW("cvSlew1", SLEW_DEFAULT),
  SLEW("cvSlew0", SLEW_DEFAULT), CV("cv3"), CV("cv2"), CV("cv1"), CV("cv0"),
  LINE(1, 500), LINE(0, 1000),
  OLD_TIME("delay1"), OLD_TIME("loop1"), OLD_TIME("pos_read1"), OLD_TIME("pos_write1"),
  OLD_TIME("delay0"), OLD_TIME("loop0"), OLD_TIME("pos_read0"), OLD_TIME("pos_write0"),
  OLD_SLEW("low0Slew"), OLD_SLEW("high0Slew"), OLD_SLEW("band0Slew"), OLD_SLEW("notch0Slew"),
  OLD_SLEW("low1Slew"), OLD_SLEW("high1Slew"), OLD_SLEW("band1Slew"), OLD_SLEW("notch1Slew"),
};

typedef struct {
  uint32_t idx, loop, inc, div, div_count;
} tap_t;

typedef struct {
  float *buf;
  tap_t wr, rd[2];
  uint8_t target;          /* the read tap being faded in */
  float ramp, ramp_inc;    /* 0..1 */
  int ramp_done;
  uint8_t booting;         /* nothing processed yet: positions are set without a fade */
  float pre;               /* 0 replaces, < 0 adds, else scales the old contents */
  uint8_t write, run_rd, run_wr;
  dsp_svf_t svf;
  dsp_slew_t cut, rq, dry, wet;
  float out;
} line_t;

typedef struct {
  line_t l[LINES];
  float adc_del[DSP_CHANNELS][LINES], del_del[LINES][LINES];
  float adc_dac[DSP_CHANNELS][DSP_CHANNELS], del_dac[LINES][DSP_CHANNELS];
  int32_t timescale;       /* 3.12, as the module keeps it */
  dsp_cv_t cv;
} lines_t;

static void tap_init(tap_t *t) {
  t->idx = t->div_count = 0;
  t->loop = FRAMES;
  t->inc = t->div = 1;
}

static bool init(void *p) {
  lines_t *m = p;
  int i, k;
  for (i = 0; i < LINES; i++) {
    line_t *l = &m->l[i];
    l->buf = calloc(FRAMES, sizeof *l->buf);
    if (!l->buf) return false;
    tap_init(&l->wr);
    for (k = 0; k < 2; k++) tap_init(&l->rd[k]);
    l->ramp = 1.0f;
    l->ramp_done = 1;
    l->booting = 1;
    l->write = 1;
    l->cut.y = l->cut.x = l->rq.y = l->rq.x = 0.5f;
    l->dry.y = l->dry.x = l->wet.y = l->wet.x = 0.5f;
  }
  return true;
}

static void deinit(void *p) {
  lines_t *m = p;
  int i;
  for (i = 0; i < LINES; i++) free(m->l[i].buf);
}

static void tap_next(tap_t *t) {
  if (++t->div_count >= t->div) {
    t->div_count = 0;
    t->idx = t->loop ? (t->idx + t->inc) % t->loop : 0;
  }
}

static void tap_set_pos(tap_t *t, uint32_t samps) { t->idx = t->loop ? samps % t->loop : 0; }

/* a read tap samps behind the write tap */
static void tap_sync(tap_t *t, const tap_t *wr, uint32_t samps) {
  tap_set_pos(t, wr->idx >= samps ? wr->idx - samps : wr->idx + t->loop - samps);
}

static void set_loop(line_t *l, uint32_t samps) {
  int k;
  if (samps > FRAMES) samps = FRAMES;
  l->wr.loop = samps;
  for (k = 0; k < 2; k++) l->rd[k].loop = samps;
}

/* a new read position starts a crossfade to the other tap, unless one is running (then the 2014
 * release's params move the tap being faded in, the module's own are ignored) */
static bool start_fade(line_t *l, bool old) {
  if (l->booting) return true;
  if (!l->ramp_done) return old;
  l->rd[l->target ^ 1] = l->rd[l->target];
  l->target ^= 1;
  l->ramp = 0.0f;
  l->ramp_done = 0;
  return true;
}

/* the module's calc_ms: 16-bit ticks at the timescale (3.12 fixed point) -> milliseconds */
static uint32_t ticks_ms(const lines_t *m, int32_t v) {
  int32_t ticks = (int16_t)(v >> 16);
  return (uint32_t)((ticks * m->timescale * 2 + (m->timescale >> 2)) >> 12);
}

/* what the line does with a time: which of delay, loop, pos_read, pos_write, in samples */
static void set_time(line_t *l, int what, uint32_t samps, bool old) {
  switch (what) {
  case L_DELAY:
    if (start_fade(l, old)) tap_sync(&l->rd[l->target], &l->wr, samps);
    break;
  case L_POS_READ:
    if (start_fade(l, old)) tap_set_pos(&l->rd[l->target], samps);
    break;
  case L_POS_WRITE: tap_set_pos(&l->wr, samps); break;
  default: set_loop(l, samps); break;
  }
}

static void set_line(lines_t *m, line_t *l, int what, int32_t v) {
  int k;
  switch (what) {
  case L_CUT: l->cut.x = dsp_fr32(v); break;
  case L_RQ: l->rq.x = dsp_fr32((int32_t)((uint32_t)v << 14)); break;
  case L_LOW: l->svf.low_mix = dsp_fr32(v); break;
  case L_HIGH: l->svf.high_mix = dsp_fr32(v); break;
  case L_BAND: l->svf.band_mix = dsp_fr32(v); break;
  case L_NOTCH: l->svf.notch_mix = dsp_fr32(v); break;
  case L_FWET: l->wet.x = dsp_fr32(v); break;
  case L_FDRY: l->dry.x = dsp_fr32(v); break;
  case L_RUN_READ: l->run_rd = (uint8_t)(v != 0); break;
  case L_RUN_WRITE: l->run_wr = (uint8_t)(v != 0); break;
  case L_RMUL:
    for (k = 0; k < 2; k++) l->rd[k].inc = (uint32_t)(v >> 16);
    break;
  case L_RDIV:
    for (k = 0; k < 2; k++) {
      l->rd[k].div = (uint32_t)(v >> 16);
      l->rd[k].div_count = 0;
    }
    break;
  case L_PRE: l->pre = v == 0x7fffffff ? -1.0f : dsp_fr32(v); break;
  case L_WRITE: l->write = v > 0; break;
  default: set_time(l, what, ticks_ms(m, v) * 48u, false); break;
  }
}

static void set_param(void *p, uint16_t id, int32_t v) {
  lines_t *m = p;
  if (id >= P_ADC_DEL && id < P_DEL_DAC) {
    m->adc_del[(id - P_ADC_DEL) / 2][(id - P_ADC_DEL) % 2] = dsp_fr16_of(v);
  } else if (id >= P_DEL_DAC && id < P_DEL_DEL) {
    m->del_dac[(id - P_DEL_DAC) / 4][(id - P_DEL_DAC) % 4] = dsp_fr16_of(v);
  } else if (id >= P_DEL_DEL && id < P_ADC_DAC) {
    m->del_del[(id - P_DEL_DEL) / 2][(id - P_DEL_DEL) % 2] = dsp_fr32(v);
  } else if (id >= P_ADC_DAC && id < P_CV_SLEW3) {
    m->adc_dac[(id - P_ADC_DAC) / 4][(id - P_ADC_DAC) % 4] = dsp_fr16_of(v);
  } else if (id >= P_CV_SLEW3 && id < P_CV3) {
    m->cv.ch[3 - (id - P_CV_SLEW3)].c = dsp_fr32(v);
  } else if (id >= P_CV3 && id < P_LINE1) {
    m->cv.ch[3 - (id - P_CV3)].x = dsp_fr32(v);
  } else if (id >= P_LINE1 && id < P_OWN) {
    set_line(m, &m->l[id < P_LINE0 ? 1 : 0], (id - P_LINE1) % 18, v);
  } else if (id >= P_OLD_TIMES && id < P_OLD_SLEWS) {
    /* 2014: seconds in 16.16, truncated to frames */
    static const int what[4] = {L_DELAY, L_LOOP, L_POS_READ, L_POS_WRITE};
    uint32_t samps = v < 0 ? 0 : (uint32_t)(((int64_t)v * DSP_RATE) >> 16);
    set_time(&m->l[id - P_OLD_TIMES < 4 ? 1 : 0], what[(id - P_OLD_TIMES) % 4], samps, true);
  } else {
    switch (id) {
    case P_TIMESCALE: m->timescale = (int16_t)(v >> 6); break;
    case P_FADE0:
    case P_FADE1:
      if (v > 0x2000) m->l[id == P_FADE0 ? 0 : 1].ramp_inc = dsp_fr32(v);
      break;
    case P_CUT0_SLEW: m->l[0].cut.c = dsp_fr32(v); break;
    case P_CUT1_SLEW: m->l[1].cut.c = dsp_fr32(v); break;
    case P_RQ0_SLEW: m->l[0].rq.c = dsp_fr32(v); break;
    case P_RQ1_SLEW: m->l[1].rq.c = dsp_fr32(v); break;
    case P_DRY0_SLEW: m->l[0].dry.c = dsp_fr32(v); break;
    case P_DRY1_SLEW: m->l[1].dry.c = dsp_fr32(v); break;
    case P_WET0_SLEW: m->l[0].wet.c = dsp_fr32(v); break;
    case P_WET1_SLEW: m->l[1].wet.c = dsp_fr32(v); break;
    default: break; /* mixSlew and the 2014 filter-mix slews: no effect */
    }
  }
}

static float line_next(line_t *l, float in) {
  float fade, rd, filtered;
  int k;
  l->booting = 0;
  if (!l->ramp_done) {
    l->ramp += l->ramp_inc;
    if (l->ramp >= 1.0f) {
      l->ramp = 1.0f;
      l->ramp_done = 1;
    }
  }
  fade = l->target ? l->ramp : 1.0f - l->ramp; /* the weight of read tap 1 */
  rd = (1.0f - fade) * l->buf[l->rd[0].idx] + fade * l->buf[l->rd[1].idx];
  if (l->write) {
    float *w = &l->buf[l->wr.idx];
    *w = l->pre == 0.0f ? in : l->pre < 0.0f ? dsp_sat(*w + in) : dsp_sat(*w * l->pre + in);
  }
  if (l->run_rd)
    for (k = 0; k < 2; k++) tap_next(&l->rd[k]);
  if (l->run_wr) tap_next(&l->wr);
  l->svf.freq = dsp_slew_next(&l->cut);
  l->svf.damp = dsp_slew_next(&l->rq);
  filtered = dsp_svf_mixed(&l->svf, rd);
  return dsp_sat(rd * dsp_slew_next(&l->dry) + filtered * dsp_slew_next(&l->wet));
}

static void process(void *p, const float *in, float *out, uint32_t frames) {
  lines_t *m = p;
  uint32_t f;
  int i, j;
  for (f = 0; f < frames; f++, in += DSP_CHANNELS, out += DSP_CHANNELS) {
    float to_line[LINES];
    for (i = 0; i < LINES; i++) {
      float s = 0.0f;
      for (j = 0; j < (int)DSP_CHANNELS; j++) s = dsp_sat(s + in[j] * m->adc_del[j][i]);
      for (j = 0; j < LINES; j++) s = dsp_sat(s + m->l[j].out * m->del_del[j][i]);
      to_line[i] = s;
    }
    for (i = 0; i < LINES; i++) m->l[i].out = line_next(&m->l[i], to_line[i]);
    for (i = 0; i < (int)DSP_CHANNELS; i++) {
      float s = 0.0f;
      for (j = 0; j < LINES; j++) s = dsp_sat(s + m->l[j].out * m->del_dac[j][i]);
      for (j = 0; j < (int)DSP_CHANNELS; j++) s = dsp_sat(s + in[j] * m->adc_dac[j][i]);
      out[i] = s;
    }
    dsp_cv_step(&m->cv, 0);
  }
}

static void cv(const void *p, float out[DSP_CV_OUTS]) {
  dsp_cv_read(&((const lines_t *)p)->cv, out);
}

const dsp_class_t dsp_class_lines = {"lines", params, P_COUNT, sizeof(lines_t), init, deinit,
                                     set_param, process, cv};
