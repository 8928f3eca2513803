/* SPDX-License-Identifier: MIT */
/* mod_dsyn.c: aleph-dsyn, four noise drum voices, written for aleph-sim from what the public
 * module (monome/aleph modules/dsyn) does. Each voice: a 32-bit xorshift noise generator (seeded
 * 1..4, reseeded at every Gate), a 2x-oversampled state-variable filter with its four outputs
 * mixed by Low, High, Band, Notch, and three exponential ADSR envelopes for the amplitude, the
 * cutoff (FreqOff/On/Sus, while FreqEnv is on; else FreqOn) and the reciprocal Q (Rq..., while
 * RqEnv is on). Gate > 0 starts the envelopes (from Off in trigger mode, Trig > 0, where sustain
 * lasts the SusDur samples), Gate <= 0 releases them. SvfPre puts the amplitude after the filter
 * (else before it). Each voice at half level; their sum is added to inputs 0+1 on outputs 0 and
 * 1, and to inputs 2+3 on outputs 2 and 3. No CV outputs (they stay at 0). */
#include "dsp.h"
#include "dsp_blocks.h"
#include "scaler.h"

#define VOICES 4
#define PER_VOICE 29

enum {
  P_GATE, P_TRIG, P_AMP, P_AMP_SUS, P_AMP_ATK, P_AMP_DEC, P_AMP_REL, P_AMP_DUR,
  P_FREQ_OFF, P_FREQ_ON, P_FREQ_SUS, P_FREQ_ATK, P_FREQ_DEC, P_FREQ_REL, P_FREQ_DUR,
  P_RQ_OFF, P_RQ_ON, P_RQ_SUS, P_RQ_ATK, P_RQ_DEC, P_RQ_REL, P_RQ_DUR,
  P_LOW, P_HIGH, P_BAND, P_NOTCH, P_SVF_PRE, P_FREQ_ENV, P_RQ_ENV
};

#define SLEW_1MS 0x745502CD
#define SLEW_100MS 0x7FE09E54
#define SLEW_1S 0x7FFCDCEC
#define CUT_DEFAULT 0x43D0A8EC
#define RQ_DEFAULT 0xFFF0

#define VOICE(n)                                                                             \
  {"Gate" #n, SCALER_BOOL, 0, 1, 2, 0, 0}, {"Trig" #n, SCALER_BOOL, 0, 1, 2, 1, 0},         \
  {"Amp" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0x3fffffff, 0},                                  \
  {"AmpSus" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0, 0},                                        \
  {"AmpAtkSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1MS, 0},                   \
  {"AmpDecSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_100MS, 0},                 \
  {"AmpRelSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1S, 0},                    \
  {"AmpSusDur" #n, SCALER_SHORT, 0, 480000, 16, 4800, 0},                                    \
  {"FreqOff" #n, SCALER_SVF_FC, 0, 0x7fffffff, 1, CUT_DEFAULT >> 2, 0},                      \
  {"FreqOn" #n, SCALER_SVF_FC, 0, 0x7fffffff, 1, CUT_DEFAULT, 0},                            \
  {"FreqSus" #n, SCALER_SVF_FC, 0, 0x7fffffff, 1, CUT_DEFAULT >> 1, 0},                      \
  {"FreqAtkSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1MS, 0},                  \
  {"FreqDecSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_100MS, 0},                \
  {"FreqRelSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1S, 0},                   \
  {"FreqSusDur" #n, SCALER_SHORT, 0, 480000, 16, 2400, 0},                                   \
  {"RqOff" #n, SCALER_FIX, 0, 0xffff, 2, RQ_DEFAULT, 0},                                     \
  {"RqOn" #n, SCALER_FIX, 0, 0xffff, 2, RQ_DEFAULT, 0},                                      \
  {"RqSus" #n, SCALER_FIX, 0, 0xffff, 2, RQ_DEFAULT, 0},                                     \
  {"RqAtkSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1MS, 0},                    \
  {"RqDecSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_100MS, 0},                  \
  {"RqRelSlew" #n, SCALER_INTEGRATOR, 0x2000, 0x400000, 7, SLEW_1S, 0},                     \
  {"RqSusDur" #n, SCALER_SHORT, 0, 480000, 16, 1200, 0},                                     \
  {"Low" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0x7fffffff, 0},                                   \
  {"High" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0, 0},                                           \
  {"Band" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0, 0},                                           \
  {"Notch" #n, SCALER_AMP, 0, 0x7fffffff, 1, 0, 0},                                          \
  {"SvfPre" #n, SCALER_BOOL, 0, 1, 2, 1, 0}, {"FreqEnv" #n, SCALER_BOOL, 0, 1, 2, 1, 0},     \
  {"RqEnv" #n, SCALER_BOOL, 0, 1, 2, 1, 0}

static const dsp_param_desc_t params[VOICES * PER_VOICE] = {VOICE(0), VOICE(1), VOICE(2),
                                                            VOICE(3)};

typedef struct {
  uint32_t noise, seed;
  dsp_svf_t svf;
  dsp_env_t amp, freq, rq;
  uint8_t svf_pre, freq_env, rq_env;
} voice_t;

typedef struct {
  voice_t v[VOICES];
} dsyn_t;

static bool init(void *p) {
  dsyn_t *d = p;
  uint32_t i;
  for (i = 0; i < VOICES; i++) {
    voice_t *v = &d->v[i];
    v->seed = v->noise = i + 1u;
    dsp_env_init(&v->amp);
    dsp_env_init(&v->freq);
    dsp_env_init(&v->rq);
    v->svf.low_mix = 0.5f;
    v->svf.freq = 0.25f;
    v->svf.damp = 0.125f;
    dsp_env_set_off(&v->amp, 0.0f);
    dsp_env_set_on(&v->amp, 0.25f);
    dsp_env_set_off(&v->freq, dsp_fr32(0xffff));
    dsp_env_set_on(&v->freq, dsp_fr32(0x1fffffff));
    dsp_env_set_off(&v->rq, dsp_fr32(0x1fffffff));
    dsp_env_set_on(&v->rq, dsp_fr32(0x1fffffff));
    v->freq_env = v->rq_env = v->svf_pre = 1;
  }
  return true;
}

/* the Blackfin's rq: 16.16 in [0, 1) moved to 2.30, used as a fract32 multiplier */
static float rq_of(int32_t v) { return dsp_fr32((int32_t)((uint32_t)v << 14)); }

static void set_param(void *p, uint16_t id, int32_t v) {
  dsyn_t *d = p;
  voice_t *vc = &d->v[(id / PER_VOICE) % VOICES];
  switch (id % PER_VOICE) {
  case P_GATE:
    if (v > 0) vc->noise = vc->seed; /* the same "note" every time */
    dsp_env_gate(&vc->amp, v > 0);
    dsp_env_gate(&vc->freq, v > 0);
    dsp_env_gate(&vc->rq, v > 0);
    break;
  case P_TRIG:
    dsp_env_trig(&vc->amp, v > 0);
    dsp_env_trig(&vc->freq, v > 0);
    dsp_env_trig(&vc->rq, v > 0);
    break;
  case P_AMP: dsp_env_set_on(&vc->amp, dsp_fr32(v)); break;
  case P_AMP_SUS: dsp_env_set_sus(&vc->amp, dsp_fr32(v)); break;
  case P_AMP_ATK: vc->amp.atk.c = dsp_fr32(v); break;
  case P_AMP_DEC: vc->amp.dec.c = dsp_fr32(v); break;
  case P_AMP_REL: vc->amp.rel.c = dsp_fr32(v); break;
  case P_AMP_DUR: vc->amp.sus_dur = (uint32_t)v; break;
  case P_FREQ_OFF: dsp_env_set_off(&vc->freq, dsp_fr32(v)); break;
  case P_FREQ_ON:
    dsp_env_set_on(&vc->freq, dsp_fr32(v));
    if (!vc->freq_env) vc->svf.freq = dsp_fr32(v);
    break;
  case P_FREQ_SUS: dsp_env_set_sus(&vc->freq, dsp_fr32(v)); break;
  case P_FREQ_ATK: vc->freq.atk.c = dsp_fr32(v); break;
  case P_FREQ_DEC: vc->freq.dec.c = dsp_fr32(v); break;
  case P_FREQ_REL: vc->freq.rel.c = dsp_fr32(v); break;
  case P_FREQ_DUR: vc->freq.sus_dur = (uint32_t)v; break;
  case P_RQ_OFF: dsp_env_set_off(&vc->rq, rq_of(v)); break;
  case P_RQ_ON:
    dsp_env_set_on(&vc->rq, rq_of(v));
    if (!vc->rq_env) vc->svf.damp = rq_of(v);
    break;
  case P_RQ_SUS: dsp_env_set_sus(&vc->rq, rq_of(v)); break;
  case P_RQ_ATK: vc->rq.atk.c = dsp_fr32(v); break;
  case P_RQ_DEC: vc->rq.dec.c = dsp_fr32(v); break;
  case P_RQ_REL: vc->rq.rel.c = dsp_fr32(v); break;
  case P_RQ_DUR: vc->rq.sus_dur = (uint32_t)v; break;
  case P_LOW: vc->svf.low_mix = dsp_fr32(v); break;
  case P_HIGH: vc->svf.high_mix = dsp_fr32(v); break;
  case P_BAND: vc->svf.band_mix = dsp_fr32(v); break;
  case P_NOTCH: vc->svf.notch_mix = dsp_fr32(v); break;
  case P_SVF_PRE: vc->svf_pre = v > 0; break;
  case P_FREQ_ENV:
    vc->freq_env = v > 0;
    if (!vc->freq_env) vc->svf.freq = (float)vc->freq.on;
    break;
  case P_RQ_ENV:
    vc->rq_env = v > 0;
    if (!vc->rq_env) vc->svf.damp = (float)vc->rq.on;
    break;
  default: break;
  }
}

/* xorshift (13, 17, 5) then a 32-bit multiply, a quarter of full scale */
static float noise_next(voice_t *v) {
  uint32_t y = v->noise;
  y ^= y >> 13;
  y ^= y << 17;
  y ^= y >> 5;
  y *= 1597334677u;
  v->noise = y;
  return (float)(int32_t)y * (0.25f / 2147483648.0f);
}

static float voice_next(voice_t *v) {
  float amp = dsp_env_next(&v->amp);
  if (v->freq_env) v->svf.freq = dsp_env_next(&v->freq);
  if (v->rq_env) v->svf.damp = dsp_env_next(&v->rq);
  if (v->svf_pre) return 0.5f * amp * dsp_svf_mixed(&v->svf, noise_next(v));
  return 0.5f * dsp_svf_mixed(&v->svf, amp * noise_next(v));
}

static void process(void *p, const float *in, float *out, uint32_t frames) {
  dsyn_t *d = p;
  uint32_t f, i;
  for (f = 0; f < frames; f++, in += DSP_CHANNELS, out += DSP_CHANNELS) {
    float sum = 0.0f;
    for (i = 0; i < VOICES; i++) sum = dsp_sat(sum + 0.5f * voice_next(&d->v[i]));
    out[0] = out[1] = dsp_sat(dsp_sat(in[0] + in[1]) + sum);
    out[2] = out[3] = dsp_sat(dsp_sat(in[2] + in[3]) + sum);
  }
}

static void cv(const void *p, float out[DSP_CV_OUTS]) {
  uint32_t k;
  (void)p;
  for (k = 0; k < DSP_CV_OUTS; k++) out[k] = 0.0f;
}

const dsp_class_t dsp_class_dsyn = {"dsyn", params, VOICES * PER_VOICE, sizeof(dsyn_t), init, NULL,
                                    set_param, process, cv};
