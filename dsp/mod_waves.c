/* SPDX-License-Identifier: MIT */
/* mod_waves.c: aleph-waves, two wavetable oscillators, written for aleph-sim from what the
 * public module (monome/aleph modules/waves) does. Each voice: an oscillator morphing through
 * five tables (sine, then sums of 3, 4, 7 and 11 partials), its frequency hz x tune through an
 * integrator, phase (pm) and shape (wm) modulation by the other voice's oscillator through a
 * delay of modDel / 64 samples; a state-variable filter (once per sample; mode 0 lowpass,
 * 1 highpass, 2 bandpass) on half the oscillator; dry and wet mixed, times amp. Each voice and
 * each input go to each output where its patch point (osc*_dac*, adc*_dac*) is on. The four CV
 * outputs follow cv0..cv3 through 1-pole integrators, one channel per sample in turn.
 * Levels as on the Blackfin: the oscillator at 1/4 of full scale, the filter fed 1/8.
 * Kept from the module: dry1Slew sets voice 1's rq integrator (not its dry one). */
#include <math.h>
#include <string.h>

#include "dsp.h"
#include "dsp_blocks.h"
#include "scaler.h"

#define SHAPES 5
#define TAB 1024
#define MOD_DEL 1024 /* the PM delay line (samples) */
#define SLEW_DEFAULT 0x76000000 /* the module's default integrator, about 0.25 ms */

enum {
  P_AMP0_SLEW, P_AMP1_SLEW, P_HZ0_SLEW, P_HZ1_SLEW, P_WAVE0_SLEW, P_WAVE1_SLEW, P_PM10_SLEW,
  P_PM01_SLEW, P_WM10_SLEW, P_WM01_SLEW, P_CUT0_SLEW, P_CUT1_SLEW, P_RQ0_SLEW, P_RQ1_SLEW,
  P_DRY0_SLEW, P_DRY1_SLEW, P_WET0_SLEW, P_WET1_SLEW,
  P_ADC_DAC,                  /* adc0_dac0 .. adc3_dac3 */
  P_OSC_DAC = P_ADC_DAC + 16, /* osc0_dac0 .. osc1_dac3 */
  P_CV_SLEW3 = P_OSC_DAC + 8, P_CV_SLEW2, P_CV_SLEW1, P_CV_SLEW0, P_CV3, P_CV2, P_CV1, P_CV0,
  P_CUT1, P_RQ1, P_MODE1, P_FWET1, P_FDRY1, P_CUT0, P_RQ0, P_MODE0, P_FWET0, P_FDRY0,
  P_MODDEL0, P_MODDEL1, P_WM10, P_WM01, P_PM10, P_PM01, P_WAVE1, P_WAVE0, P_AMP1, P_AMP0,
  P_TUNE1, P_TUNE0, P_HZ1, P_HZ0, P_COUNT
};

#define SEC_SLEW(l) {l, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_DEFAULT, 0}
#define RAW_SLEW(l) {l, SCALER_INTEGRATOR, 0, 0x7fffffff, 32, SLEW_DEFAULT, 0}
#define PATCH(l, on) {l, SCALER_AMP, 0, 0x7fffffff, 1, on, 0}
#define OSC_PATCH(l) {l, SCALER_BOOL, 0, 1, 2, 1, 0}
#define UNIT(l) {l, SCALER_FIX, 0, 0x7fffffff, 1, 0, 0}

static const dsp_param_desc_t params[P_COUNT] = {
  SEC_SLEW("amp0Slew"), SEC_SLEW("amp1Slew"), SEC_SLEW("hz0Slew"), SEC_SLEW("hz1Slew"),
  SEC_SLEW("wave0Slew"), SEC_SLEW("wave1Slew"), SEC_SLEW("pm10Slew"), SEC_SLEW("pm01Slew"),
  SEC_SLEW("wm10Slew"), SEC_SLEW("wm01Slew"), RAW_SLEW("cut0Slew"), RAW_SLEW("cut1Slew"),
  RAW_SLEW("rq0Slew"), RAW_SLEW("rq1Slew"), RAW_SLEW("dry0Slew"), RAW_SLEW("dry1Slew"),
  RAW_SLEW("wet0Slew"), RAW_SLEW("wet1Slew"),
  PATCH("adc0_dac0", 1), PATCH("adc0_dac1", 0), PATCH("adc0_dac2", 0), PATCH("adc0_dac3", 0),
  PATCH("adc1_dac0", 0), PATCH("adc1_dac1", 1), PATCH("adc1_dac2", 0), PATCH("adc1_dac3", 0),
  PATCH("adc2_dac0", 0), PATCH("adc2_dac1", 0), PATCH("adc2_dac2", 1), PATCH("adc2_dac3", 0),
  PATCH("adc3_dac0", 0), PATCH("adc3_dac1", 0), PATCH("adc3_dac2", 0), PATCH("adc3_dac3", 1),
  OSC_PATCH("osc0_dac0"), OSC_PATCH("osc0_dac1"), OSC_PATCH("osc0_dac2"), OSC_PATCH("osc0_dac3"),
  OSC_PATCH("osc1_dac0"), OSC_PATCH("osc1_dac1"), OSC_PATCH("osc1_dac2"), OSC_PATCH("osc1_dac3"),
  RAW_SLEW("cvSlew3"), RAW_SLEW("cvSlew2"), RAW_SLEW("cvSlew1"), RAW_SLEW("cvSlew0"),
  {"cv3", SCALER_FIX, 0, 0x7fffffff, 16, 0x3fffffff, 0},
  {"cv2", SCALER_FIX, 0, 0x7fffffff, 16, 0x3fffffff, 0},
  {"cv1", SCALER_FIX, 0, 0x7fffffff, 16, 0x3fffffff, 0},
  {"cv0", SCALER_FIX, 0, 0x7fffffff, 16, 0x3fffffff, 0},
  {"cut1", SCALER_SVF_FC, 0, 0x7fffffff, 32, 0x43D0A8EC, 0},
  {"rq1", SCALER_FIX, 0, 0xffff, 2, 0xfff0, 0},
  {"mode1", SCALER_FIX, 0, 0x30000, 3, 0, 0},
  {"fwet1", SCALER_AMP, 0, 0x7fffffff, 0, 0x3fffffff, 0},
  {"fdry1", SCALER_AMP, 0, 0x7fffffff, 0, 0x3fffffff, 0},
  {"cut0", SCALER_SVF_FC, 0, 0x7fffffff, 32, 0x43D0A8EC, 0},
  {"rq0", SCALER_FIX, 0, 0xffff, 2, 0xfff0, 0},
  {"mode0", SCALER_FIX, 0, 0x30000, 3, 0, 0},
  {"fwet0", SCALER_AMP, 0, 0x7fffffff, 1, 0x3fffffff, 0},
  {"fdry0", SCALER_AMP, 0, 0x7fffffff, 1, 0x3fffffff, 0},
  {"modDel0", SCALER_FIX, 0, 0xffff, 1, 0xff, 0},
  {"modDel1", SCALER_FIX, 0, 0xffff, 1, 0xff, 0},
  UNIT("wm10"), UNIT("wm01"), UNIT("pm10"), UNIT("pm01"), UNIT("wave1"), UNIT("wave0"),
  {"amp1", SCALER_AMP, 0, 0x3fffffff, 1, 0x3fffffff, 0},
  {"amp0", SCALER_AMP, 0, 0x3fffffff, 1, 0x3fffffff, 0},
  {"tune1", SCALER_FIX, 0x4000, 0x40000, 3, 0x10000, 0},
  {"tune0", SCALER_FIX, 0x4000, 0x40000, 3, 0x10000, 0},
  {"hz1", SCALER_NOTE, 0x10000, 0x40000000, 15, 220 << 16, 0},
  {"hz0", SCALER_NOTE, 0x10000, 0x40000000, 15, 330 << 16, 0},
};

typedef struct {
  uint32_t phase;       /* one cycle is 2^32 */
  float hz, ratio;
  dsp_slew_t inc;       /* phase increment per sample, in cycles */
  float shape;          /* 0..1 across the five tables */
  dsp_slew_t pm, wm;    /* modulation amounts */
  float pm_in, wm_in;   /* the other voice, delayed */
  dsp_slew_t amp, cut, rq, dry, wet;
  dsp_svf_t svf;
  int mode;
  float osc_out;
  float del[MOD_DEL];
  uint32_t del_wr, del_rd;
  uint8_t to_dac[DSP_CHANNELS];
} voice_t;

typedef struct {
  float tab[SHAPES][TAB];
  voice_t v[2];
  uint8_t adc_dac[DSP_CHANNELS][DSP_CHANNELS];
  dsp_cv_t cv;
} waves_t;

/* the tables: sums of partials 1..n with the given amplitudes, normalized to peak 1 */
static void make_table(float *t, const float *amps, int n) {
  double peak = 0.0, s[TAB];
  int i, k;
  for (i = 0; i < TAB; i++) {
    s[i] = 0.0;
    for (k = 0; k < n; k++) s[i] += amps[k] * sin(2.0 * 3.14159265358979323846 * (k + 1) * i / TAB);
    if (fabs(s[i]) > peak) peak = fabs(s[i]);
  }
  for (i = 0; i < TAB; i++) t[i] = (float)(s[i] / peak);
}

static bool init(void *p) {
  waves_t *w = p;
  static const float sine[1] = {1}, odd[5] = {1, 0, 1.f / 3, 0, 1.f / 5},
                     even[6] = {1, 1.f / 2, 0, 1.f / 4, 0, 1.f / 6};
  float saw[11];
  int k;
  for (k = 0; k < 11; k++) saw[k] = 1.0f / (float)(k + 1);
  make_table(w->tab[0], sine, 1);
  make_table(w->tab[1], odd, 5);
  make_table(w->tab[2], even, 6);
  make_table(w->tab[3], saw, 7);
  make_table(w->tab[4], saw, 11);
  for (k = 0; k < 2; k++) {
    w->v[k].hz = 1.0f;
    w->v[k].ratio = 1.0f;
  }
  return true;
}

static void set_inc(voice_t *v) { v->inc.x = v->hz * v->ratio / (float)DSP_RATE; }
/* a fix param's fractional part as fract16 (param_unit_to_fr16), here 0..1 */
static float unit(int32_t v) { return (float)((v & 0xffff) >> 1) / 32768.0f; }
/* a fract32 integrator coefficient kept to 16 bits, its last bit cleared (param_fract_to_slew16) */
static float slew16(int32_t v) { return (float)((v >> 16) & 0x7ffe) / 32768.0f; }

static void set_param(void *p, uint16_t id, int32_t v) {
  waves_t *w = p;
  voice_t *v0 = &w->v[0], *v1 = &w->v[1];
  if (id >= P_ADC_DAC && id < P_ADC_DAC + 16) {
    w->adc_dac[(id - P_ADC_DAC) / 4][(id - P_ADC_DAC) % 4] = v > 0;
    return;
  }
  if (id >= P_OSC_DAC && id < P_OSC_DAC + 8) {
    w->v[(id - P_OSC_DAC) / 4].to_dac[(id - P_OSC_DAC) % 4] = v > 0;
    return;
  }
  switch (id) {
  case P_HZ0: v0->hz = dsp_fix16(v); set_inc(v0); break;
  case P_HZ1: v1->hz = dsp_fix16(v); set_inc(v1); break;
  case P_TUNE0: v0->ratio = dsp_fix16(v); set_inc(v0); break;
  case P_TUNE1: v1->ratio = dsp_fix16(v); set_inc(v1); break;
  case P_WAVE0: v0->shape = unit(v); break;
  case P_WAVE1: v1->shape = unit(v); break;
  case P_PM10: v0->pm.x = unit(v); break;
  case P_PM01: v1->pm.x = unit(v); break;
  case P_WM10: v0->wm.x = unit(v); break;
  case P_WM01: v1->wm.x = unit(v); break;
  case P_MODDEL0: v0->del_rd = (v0->del_wr - ((uint32_t)v >> 6)) & (MOD_DEL - 1); break;
  case P_MODDEL1: v1->del_rd = (v1->del_wr - ((uint32_t)v >> 6)) & (MOD_DEL - 1); break;
  case P_AMP0: v0->amp.x = dsp_fr32(v); break;
  case P_AMP1: v1->amp.x = dsp_fr32(v); break;
  case P_CUT0: v0->cut.x = dsp_fr32(v); break;
  case P_CUT1: v1->cut.x = dsp_fr32(v); break;
  case P_RQ0: v0->rq.x = dsp_fr32((int32_t)((uint32_t)v << 14)); break;
  case P_RQ1: v1->rq.x = dsp_fr32((int32_t)((uint32_t)v << 14)); break;
  case P_MODE0: v0->mode = v >> 16; break;
  case P_MODE1: v1->mode = v >> 16; break;
  case P_FWET0: v0->wet.x = dsp_fr16_of(v); break;
  case P_FWET1: v1->wet.x = dsp_fr16_of(v); break;
  case P_FDRY0: v0->dry.x = dsp_fr16_of(v); break;
  case P_FDRY1: v1->dry.x = dsp_fr16_of(v); break;
  case P_HZ0_SLEW: v0->inc.c = dsp_fr32(v); break;
  case P_HZ1_SLEW: v1->inc.c = dsp_fr32(v); break;
  case P_PM10_SLEW: v0->pm.c = slew16(v); break;
  case P_PM01_SLEW: v1->pm.c = slew16(v); break;
  case P_WM10_SLEW: v0->wm.c = slew16(v); break;
  case P_WM01_SLEW: v1->wm.c = slew16(v); break;
  case P_WAVE0_SLEW: case P_WAVE1_SLEW: break; /* the shape is not smoothed (as in the module) */
  case P_AMP0_SLEW: v0->amp.c = dsp_fr32(v); break;
  case P_AMP1_SLEW: v1->amp.c = dsp_fr32(v); break;
  case P_CUT0_SLEW: v0->cut.c = dsp_fr32(v); break;
  case P_CUT1_SLEW: v1->cut.c = dsp_fr32(v); break;
  case P_RQ0_SLEW: v0->rq.c = dsp_fr32(v); break;
  case P_RQ1_SLEW: v1->rq.c = dsp_fr32(v); break;
  case P_WET0_SLEW: v0->wet.c = slew16(v); break;
  case P_WET1_SLEW: v1->wet.c = slew16(v); break;
  case P_DRY0_SLEW: v0->dry.c = slew16(v); break;
  case P_DRY1_SLEW: v1->rq.c = slew16(v); break; /* sic */
  case P_CV0: w->cv.ch[0].x = dsp_fr32(v); break;
  case P_CV1: w->cv.ch[1].x = dsp_fr32(v); break;
  case P_CV2: w->cv.ch[2].x = dsp_fr32(v); break;
  case P_CV3: w->cv.ch[3].x = dsp_fr32(v); break;
  case P_CV_SLEW0: w->cv.ch[0].c = dsp_fr32(v); break;
  case P_CV_SLEW1: w->cv.ch[1].c = dsp_fr32(v); break;
  case P_CV_SLEW2: w->cv.ch[2].c = dsp_fr32(v); break;
  case P_CV_SLEW3: w->cv.ch[3].c = dsp_fr32(v); break;
  default: break;
  }
}

/* the table lookup: linear within a table, then across the two tables around the shape */
static float lookup(const waves_t *w, float shape, uint32_t phase) {
  float pos = shape * (SHAPES - 1), fs, fp;
  int a;
  uint32_t i = phase >> 22, j = (i + 1) & (TAB - 1);
  if (pos > SHAPES - 1.001f) pos = SHAPES - 1.001f;
  a = (int)pos;
  fs = pos - (float)a;
  fp = (float)(phase & 0x3fffff) * (1.0f / 4194304.0f);
  return (1.0f - fs) * (w->tab[a][i] + fp * (w->tab[a][j] - w->tab[a][i])) +
         fs * (w->tab[a + 1][i] + fp * (w->tab[a + 1][j] - w->tab[a + 1][i]));
}

static float voice_next(waves_t *w, voice_t *v) {
  float shape, filtered, pm_amt = dsp_slew_next(&v->pm), wm_amt = dsp_slew_next(&v->wm);
  uint32_t pm;
  dsp_slew_next(&v->inc);
  shape = fabsf(v->shape + v->wm_in * wm_amt);
  if (shape > 1.0f) shape = 1.0f;
  /* phase modulation: the input times the amount, as a fraction of half a cycle */
  pm = (uint32_t)(int64_t)((double)(v->pm_in * pm_amt) * 2147483648.0);
  v->osc_out = 0.25f * lookup(w, shape, v->phase + pm);
  v->phase += (uint32_t)(int64_t)(v->inc.y * 4294967296.0);
  v->svf.freq = dsp_slew_next(&v->cut);
  v->svf.damp = dsp_slew_next(&v->rq);
  dsp_svf_step(&v->svf, 0.5f * v->osc_out);
  filtered = v->mode == 1 ? v->svf.high : v->mode == 2 ? v->svf.band : v->svf.low;
  dsp_slew_next(&v->amp);
  dsp_slew_next(&v->dry);
  dsp_slew_next(&v->wet);
  v->del_wr = (v->del_wr + 1) & (MOD_DEL - 1);
  v->del_rd = (v->del_rd + 1) & (MOD_DEL - 1);
  v->pm_in = v->wm_in = v->del[v->del_rd];
  return (float)v->amp.y * dsp_sat(v->osc_out * (float)v->dry.y + filtered * (float)v->wet.y);
}

static void process(void *p, const float *in, float *out, uint32_t frames) {
  waves_t *w = p;
  uint32_t f, i, o;
  for (f = 0; f < frames; f++, in += DSP_CHANNELS, out += DSP_CHANNELS) {
    float vo[2];
    vo[0] = voice_next(w, &w->v[0]);
    vo[1] = voice_next(w, &w->v[1]);
    w->v[0].del[w->v[0].del_wr] = w->v[1].osc_out;
    w->v[1].del[w->v[1].del_wr] = w->v[0].osc_out;
    for (o = 0; o < DSP_CHANNELS; o++) {
      float s = 0.0f;
      for (i = 0; i < 2; i++)
        if (w->v[i].to_dac[o]) s = dsp_sat(s + vo[i]);
      for (i = 0; i < DSP_CHANNELS; i++)
        if (w->adc_dac[i][o]) s = dsp_sat(s + in[i]);
      out[o] = s;
    }
    dsp_cv_step(&w->cv, 1);
  }
}

static void cv(const void *p, float out[DSP_CV_OUTS]) {
  dsp_cv_read(&((const waves_t *)p)->cv, out);
}

const dsp_class_t dsp_class_waves = {"waves", params, P_COUNT, sizeof(waves_t), init, NULL,
                                     set_param, process, cv};
