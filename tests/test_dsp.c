/* SPDX-License-Identifier: MIT */
/* test_dsp.c: the simulated DSP modules (dsp/) checked by measuring what they render, with their
 * parameters set as bees sends them (16-bit values through core/scaler against the module's
 * descriptors): a waves oscillator's frequency from its hz parameter (within 0.5%), a dsyn voice's
 * decay time from its envelope parameter (the integrator table's time to -40 dB), a lines echo
 * from its delay parameter (both releases' units); the registry's names and label binding. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "dsp.h"
#include "scaler.h"

#define RATE ((double)DSP_RATE)

typedef struct {
  dsp_module_t *m;
  const dsp_class_t *c;
} mod_t;

static mod_t open_module(const char *name) {
  mod_t r;
  r.c = dsp_find(name);
  CHECK(r.c != NULL);
  r.m = r.c ? dsp_new(r.c) : NULL;
  CHECK(r.m != NULL);
  return r;
}

/* sets the module's param `label` as bees would from 16-bit value in (radix: the descriptor a
 * scene carries; 0: the module's own) */
static void set_in(mod_t *m, const char *label, io_t in, int32_t radix) {
  int32_t id = dsp_param_find(m->c, label, radix);
  net_param_t p;
  CHECK(id >= 0);
  if (id < 0) {
    fprintf(stderr, "  no param %s\n", label);
    return;
  }
  memset(&p, 0, sizeof p);
  p.type = m->c->params[id].type;
  p.min = m->c->params[id].min;
  p.max = m->c->params[id].max;
  p.radix = m->c->params[id].radix;
  dsp_set(m->m, (uint16_t)id, scaler_value(&p, in));
}

static void set_value(mod_t *m, const char *label, int32_t value) {
  int32_t id = dsp_param_find(m->c, label, 0);
  CHECK(id >= 0);
  if (id >= 0) dsp_set(m->m, (uint16_t)id, value);
}

/* renders frames of output channel ch (input: in0 on channel 0, may be NULL) */
static float *render(mod_t *m, uint32_t frames, const float *in0, int ch) {
  float *in = calloc((size_t)frames * DSP_CHANNELS, sizeof *in);
  float *out = calloc((size_t)frames * DSP_CHANNELS, sizeof *out);
  float *mono = calloc(frames, sizeof *mono);
  uint32_t i;
  if (in0)
    for (i = 0; i < frames; i++) in[i * DSP_CHANNELS] = in0[i];
  for (i = 0; i < frames; i += 256)
    dsp_process(m->m, in + (size_t)i * DSP_CHANNELS, out + (size_t)i * DSP_CHANNELS,
                frames - i < 256 ? frames - i : 256);
  for (i = 0; i < frames; i++) mono[i] = out[i * DSP_CHANNELS + (uint32_t)ch];
  free(in);
  free(out);
  return mono;
}

/* frequency by upward zero crossings (interpolated) from `from` on */
static double frequency(const float *x, uint32_t from, uint32_t n) {
  double first = -1.0, last = -1.0;
  uint32_t i, crossings = 0;
  for (i = from + 1; i < n; i++) {
    if (x[i - 1] < 0.0f && x[i] >= 0.0f) {
      double t = (double)(i - 1) + (double)(-x[i - 1]) / (double)(x[i] - x[i - 1]);
      if (first < 0) first = t;
      else crossings++;
      last = t;
    }
  }
  return crossings ? crossings * RATE / (last - first) : 0.0;
}

static void test_registry(void) {
  CHECK(dsp_find("aleph-waves.ldr") == dsp_find("waves"));
  CHECK(dsp_find("aleph-dsyn.ldr") != NULL);
  CHECK(dsp_find("lines.ldr") != NULL);
  CHECK(dsp_find("aleph-grains.ldr") == NULL);
  CHECK(dsp_find("") == NULL);
  CHECK(dsp_find(NULL) == NULL);
  CHECK_EQ_INT(dsp_find("waves")->num_params, 74);
  CHECK_EQ_INT(dsp_find("dsyn")->num_params, 116);
  /* lines: the module's delay0, and the 2014 release's (radix 7, seconds) for such scenes */
  CHECK(dsp_param_find(dsp_find("lines"), "delay0", 32) >= 0);
  CHECK(dsp_param_find(dsp_find("lines"), "delay0", 7) != dsp_param_find(dsp_find("lines"), "delay0", 32));
  CHECK(dsp_param_find(dsp_find("lines"), "delay0", 16) == dsp_param_find(dsp_find("lines"), "delay0", 32));
  CHECK_EQ_INT(dsp_param_find(dsp_find("lines"), "nope", 0), -1);
}

/* waves: voice 0 alone, sine, dry; its frequency from the hz param's note value */
static void test_waves_frequency(void) {
  static const io_t notes[] = {33 * 8 << 5, 69 * 8 << 5, (81 * 8 + 3) << 5, 100 * 8 << 5, 2345};
  size_t k;
  for (k = 0; k < sizeof notes / sizeof notes[0]; k++) {
    mod_t m = open_module("aleph-waves.ldr");
    net_param_t hz;
    double want, got;
    float *x;
    memset(&hz, 0, sizeof hz);
    hz.type = SCALER_NOTE;
    want = scaler_value(&hz, notes[k]) / 65536.0;
    set_in(&m, "hz0", notes[k], 0);
    set_value(&m, "amp1", 0);
    set_value(&m, "fwet0", 0);
    set_value(&m, "fdry0", 0x7fffffff);
    set_value(&m, "amp0", 0x7fffffff);
    x = render(&m, DSP_RATE, NULL, 0);
    got = frequency(x, DSP_RATE / 10, DSP_RATE);
    printf("waves hz0 %5d: want %.4f Hz, measured %.4f Hz\n", notes[k], want, got);
    CHECK(fabs(got - want) <= 0.005 * want);
    /* tune scales it: 1.5 (fix, radix 3: 1.5 * 8192) */
    dsp_free(m.m);
    free(x);
  }
  {
    mod_t m = open_module("waves");
    float *x;
    double got;
    set_value(&m, "hz0", 200 << 16);
    set_in(&m, "tune0", 12288, 0);
    set_value(&m, "amp1", 0);
    x = render(&m, DSP_RATE, NULL, 0);
    got = frequency(x, DSP_RATE / 10, DSP_RATE);
    CHECK(fabs(got - 300.0) <= 1.5);
    /* the second voice on output 1 alone, at its own 220 Hz default */
    free(x);
    dsp_free(m.m);
  }
}

/* dsyn: voice 0, trigger mode, lowpassed noise; its decay in dB per second against the
 * integrator table's promise (-40 dB in the table's time) */
static void test_dsyn_decay(void) {
  static const io_t decays[] = {600 << 5, 700 << 5, 800 << 5};
  size_t k;
  for (k = 0; k < sizeof decays / sizeof decays[0]; k++) {
    mod_t m = open_module("dsyn");
    int j = decays[k] >> 5;
    double t40 = 64.0 * (pow(1000.0, j / 1023.0) - 1.0) / 999.0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    double slope, measured, peak = 0.0;
    uint32_t frames = (uint32_t)(RATE * (t40 * 0.9 + 0.1)), w, n = 0, win = 480;
    float *x;
    set_value(&m, "Amp0", 0x7fffffff);
    set_value(&m, "AmpSus0", 0);
    set_in(&m, "AmpAtkSlew0", 32, 0);
    set_in(&m, "AmpDecSlew0", decays[k], 0);
    set_value(&m, "FreqEnv0", 0);
    set_in(&m, "FreqOn0", 100 * 8 << 5, 0); /* ~2.6 kHz */
    set_value(&m, "RqEnv0", 0);
    set_in(&m, "RqOn0", 8000, 0);
    set_value(&m, "Gate0", 1);
    x = render(&m, frames, NULL, 0);
    /* dB of each 10 ms window's RMS: a line of slope -40 dB / t40 once decaying */
    for (w = 0; w + win <= frames; w += win) {
      double e = 0.0;
      uint32_t i;
      for (i = w; i < w + win; i++) e += (double)x[i] * x[i];
      e = 10.0 * log10(e / win + 1e-30);
      if (e > peak || w == 0) peak = w == 0 ? e : (e > peak ? e : peak);
      if (w >= 2 * win && e > peak - 35.0 && e < peak - 3.0) {
        double t = (w + win / 2) / RATE;
        sx += t; sy += e; sxx += t * t; sxy += t * e; n++;
      }
    }
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    measured = -40.0 / slope;
    printf("dsyn AmpDecSlew0 %5d: table -40 dB in %.4f s, measured %.4f s (%u windows)\n",
           decays[k], t40, measured, (unsigned)n);
    CHECK(n > 10);
    CHECK(fabs(measured - t40) <= 0.05 * t40);
    free(x);
    dsp_free(m.m);
  }
}

/* lines: a click into line 0 comes out once, delay0 later (dry off, filter bypassed) */
static void echo_check(const char *what, mod_t *m, uint32_t want_samples) {
  uint32_t frames = 24000u + want_samples + 4800u, i, at = 0;
  float *click = calloc(frames, sizeof *click), *y, big = 0.0f;
  click[24000] = 0.5f;
  y = render(m, frames, click, 0);
  for (i = 0; i < frames; i++)
    if (fabsf(y[i]) > big) {
      big = fabsf(y[i]);
      at = i;
    }
  printf("lines %s: echo after %u samples, want %u\n", what, (unsigned)(at - 24000u),
         (unsigned)want_samples);
  CHECK_EQ_INT(at, 24000u + want_samples);
  CHECK(big > 0.2f);
  free(click);
  free(y);
}

static mod_t lines_for_echo(void) {
  mod_t m = open_module("aleph-lines.ldr");
  int d;
  char label[16];
  for (d = 0; d < 16; d++) {
    snprintf(label, sizeof label, "adc%d_dac%d", d / 4, d % 4);
    set_value(&m, label, 0);
  }
  set_value(&m, "adc0_del0", 0x7fffffff);
  set_value(&m, "adc0_del1", 0);
  set_value(&m, "del0_dac0", 0x7fffffff);
  set_value(&m, "del1_dac0", 0);
  set_value(&m, "fdry0", 0x7fffffff);
  set_value(&m, "fwet0", 0);
  return m;
}

static void test_lines_echo(void) {
  mod_t m = lines_for_echo();
  float *y;
  /* a running line fades to a new delay; while that fade runs, the module ignores another */
  set_in(&m, "delay0", 100, 32);
  y = render(&m, 100, NULL, 0);
  free(y);
  /* the module's unit: 16-bit ticks, 1/2 ms each at timescale 1.0 -> 700 ticks = 350 ms */
  set_in(&m, "delay0", 700, 32);
  set_in(&m, "delay0", 50, 32); /* during the fade to 700: ignored */
  echo_check("delay0 700 ticks", &m, 350u * 48u);
  dsp_free(m.m);
  /* the 2014 release's: seconds in 16.16 through radix 7 (in << 7) */
  m = lines_for_echo();
  set_in(&m, "delay0", 256, 7); /* 256 << 7 = 0x8000: half a second */
  echo_check("delay0 0.5 s (2014)", &m, DSP_RATE / 2u);
  dsp_free(m.m);
}

int main(void) {
  RUN(test_registry);
  RUN(test_waves_frequency);
  RUN(test_dsyn_decay);
  RUN(test_lines_echo);
  return check_summary("test_dsp");
}
