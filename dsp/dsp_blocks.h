/* SPDX-License-Identifier: MIT */
/* dsp_blocks.h: the building blocks the modules share, in float with the Blackfin's fixed-point
 * meanings: unit conversions, the 1-pole integrator bees' "slew" parameters drive, the
 * Chamberlin state-variable filter, the exponential ADSR envelope, saturation. */
#ifndef ALEPH_DSP_BLOCKS_H
#define ALEPH_DSP_BLOCKS_H

#include <stdint.h>

#include "dsp.h"

/* fract32 (1.31) and fix16 (16.16) DSP values as floats */
static inline float dsp_fr32(int32_t v) { return (float)v * (1.0f / 2147483648.0f); }
static inline float dsp_fix16(int32_t v) { return (float)v * (1.0f / 65536.0f); }
/* a fract32 truncated to its top 16 bits (trunc_fr1x32) */
static inline float dsp_fr16_of(int32_t v) { return (float)(int16_t)(v >> 16) * (1.0f / 32768.0f); }
/* the fixed-point saturation at +-1 */
static inline float dsp_sat(float x) { return x > 1.0f ? 1.0f : x < -1.0f ? -1.0f : x; }

/* A 1-pole integrator: y moves toward x by y = x + c (y - x) each step (c from an integrator
 * scaler: 0 jumps, near 1 glides). In double: with c near 1 a float y stops short of x (the
 * step falls under half its last place), where the Blackfin's 31 bits still arrive. */
typedef struct {
  double x, y, c;
} dsp_slew_t;

static inline float dsp_slew_next(dsp_slew_t *s) {
  s->y = s->x + s->c * (s->y - s->x);
  return (float)s->y;
}
/* bees' filter_1p_sync: true once y is x; y snaps to x when within 2^-17 (and says so next time) */
int dsp_slew_sync(dsp_slew_t *s);

/* The CV outputs: an integrator toward each output's value, one channel stepped per sample in
 * turn (the modules update one DAC per frame). */
typedef struct {
  dsp_slew_t ch[DSP_CV_OUTS];
  uint32_t next;
} dsp_cv_t;

/* Steps the next channel; while_moving: only until it has arrived (else every time). */
void dsp_cv_step(dsp_cv_t *c, int while_moving);
/* The outputs now, 0..1 (below 0 reads 0: the DAC's range). */
void dsp_cv_read(const dsp_cv_t *c, float out[DSP_CV_OUTS]);

/* The state-variable filter (Chamberlin): freq is the coefficient 2 sin(pi fc / rate) an svf_fc
 * scaler gives, damp the reciprocal of Q as the modules use it. */
typedef struct {
  float freq, damp;
  float low, band, high;
  float low_mix, high_mix, band_mix, notch_mix; /* the mixed output's levels */
} dsp_svf_t;

void dsp_svf_step(dsp_svf_t *f, float in);
/* twice per sample (the 2x oversampling the svf_fc coefficients are tuned for), averaging the
 * mixed outputs (lowpass counted twice, as the modules' mix does) */
float dsp_svf_mixed(dsp_svf_t *f, float in);

/* The exponential ADSR (gate or trigger mode): attack, decay and release are integrators toward
 * on, sustain and off; in trigger mode sustain lasts sus_dur samples. Off outputs 0. */
typedef enum { DSP_ENV_ATK, DSP_ENV_DEC, DSP_ENV_SUS, DSP_ENV_REL, DSP_ENV_OFF } dsp_env_state_t;

typedef struct {
  dsp_slew_t atk, dec, rel;
  float off, on, sus;
  uint32_t sus_count, sus_dur;
  uint8_t trig;
  dsp_env_state_t state;
} dsp_env_t;

void dsp_env_init(dsp_env_t *e);
void dsp_env_gate(dsp_env_t *e, int on);
void dsp_env_trig(dsp_env_t *e, int trig);
void dsp_env_set_on(dsp_env_t *e, float v);
void dsp_env_set_off(dsp_env_t *e, float v);
void dsp_env_set_sus(dsp_env_t *e, float v);
float dsp_env_next(dsp_env_t *e);

#endif
