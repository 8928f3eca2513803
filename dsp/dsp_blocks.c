/* SPDX-License-Identifier: MIT */
/* dsp_blocks.c: the shared building blocks (dsp_blocks.h): integrator sync, the state-variable
 * filter, the exponential ADSR's state machine. */
#include "dsp_blocks.h"

#include <math.h>

#define SYNC_THRESH (1.0 / 131072.0) /* 0x4000 in fract32 */

int dsp_slew_sync(dsp_slew_t *s) {
  if (s->x == s->y) return 1;
  if (fabs(s->x - s->y) < SYNC_THRESH) s->y = s->x; /* equal from the next look on */
  return 0;
}

void dsp_cv_step(dsp_cv_t *c, int while_moving) {
  dsp_slew_t *s = &c->ch[c->next];
  if (!while_moving || !dsp_slew_sync(s)) dsp_slew_next(s);
  c->next = (c->next + 1u) % DSP_CV_OUTS;
}

void dsp_cv_read(const dsp_cv_t *c, float out[DSP_CV_OUTS]) {
  uint32_t k;
  for (k = 0; k < DSP_CV_OUTS; k++) out[k] = c->ch[k].y < 0.0 ? 0.0f : (float)c->ch[k].y;
}

void dsp_svf_step(dsp_svf_t *f, float in) {
  f->low = dsp_sat(f->low + f->freq * f->band);
  f->high = dsp_sat(in - f->damp * f->band - f->low);
  f->band = dsp_sat(f->band + f->freq * f->high);
}

static float mix(const dsp_svf_t *f) {
  float notch = dsp_sat(f->low + f->high);
  return dsp_sat(2.0f * f->low * f->low_mix + f->high * f->high_mix + f->band * f->band_mix +
                 notch * f->notch_mix);
}

float dsp_svf_mixed(dsp_svf_t *f, float in) {
  float out;
  dsp_svf_step(f, in);
  out = 0.5f * mix(f);
  dsp_svf_step(f, in);
  return out + 0.5f * mix(f);
}

void dsp_env_init(dsp_env_t *e) {
  e->on = 0.5f;
  e->sus = 0.25f;
  e->off = 0.0f;
  e->sus_count = 0;
  e->sus_dur = 16;
  e->trig = 0;
  e->state = DSP_ENV_OFF;
  e->atk.x = e->atk.y = e->off;
  e->dec.x = e->dec.y = e->on;
  e->rel.x = e->rel.y = e->off; /* (the module's starts at sustain: a gate-off when off blipped) */
  e->atk.c = e->dec.c = e->rel.c = 0.0f;
}

/* into attack from where the output is now (gate mode) or from off (trigger mode); a gate in
 * attack or sustain only moves the state to attack */
static void to_attack(dsp_env_t *e, int restart) {
  if (restart || e->state == DSP_ENV_OFF)
    e->atk.y = e->off;
  else if (e->state == DSP_ENV_DEC)
    e->atk.y = e->dec.y;
  else if (e->state == DSP_ENV_REL)
    e->atk.y = e->rel.y;
  else {
    e->state = DSP_ENV_ATK;
    return;
  }
  e->atk.x = e->on;
  e->state = DSP_ENV_ATK;
}

static void to_release(dsp_env_t *e) {
  switch (e->state) {
  case DSP_ENV_SUS: e->rel.y = e->sus; break;
  case DSP_ENV_ATK: e->rel.y = e->atk.y; break;
  case DSP_ENV_DEC: e->rel.y = e->dec.y; break;
  default: break;
  }
  if (e->state != DSP_ENV_OFF && e->state != DSP_ENV_REL) e->rel.x = e->off;
  e->state = DSP_ENV_REL;
}

void dsp_env_gate(dsp_env_t *e, int on) {
  if (on)
    to_attack(e, e->trig);
  else
    to_release(e);
}

void dsp_env_trig(dsp_env_t *e, int trig) { e->trig = (uint8_t)(trig != 0); }

void dsp_env_set_on(dsp_env_t *e, float v) {
  e->on = v;
  if (e->state == DSP_ENV_ATK) e->atk.x = v;
}

void dsp_env_set_off(dsp_env_t *e, float v) {
  e->off = v;
  if (e->state == DSP_ENV_REL) e->rel.x = v;
}

/* (a release in progress heads for the new sustain level: the modules' envelope does that) */
void dsp_env_set_sus(dsp_env_t *e, float v) {
  e->sus = v;
  if (e->state == DSP_ENV_REL) e->rel.x = v;
}

float dsp_env_next(dsp_env_t *e) {
  float v;
  switch (e->state) {
  case DSP_ENV_ATK:
    v = dsp_slew_next(&e->atk);
    if (dsp_slew_sync(&e->atk)) {
      e->dec.y = e->on;
      e->dec.x = e->sus;
      e->state = DSP_ENV_DEC;
    }
    return v;
  case DSP_ENV_DEC:
    v = dsp_slew_next(&e->dec);
    if (dsp_slew_sync(&e->dec)) {
      e->sus_count = 0;
      e->state = DSP_ENV_SUS;
    }
    return v;
  case DSP_ENV_SUS:
    if (e->trig && ++e->sus_count > e->sus_dur) {
      e->sus_count = 0;
      to_release(e);
    }
    return (float)e->sus;
  case DSP_ENV_REL:
    v = dsp_slew_next(&e->rel);
    if (dsp_slew_sync(&e->rel)) e->state = DSP_ENV_OFF;
    return v;
  default:
    return 0.0f;
  }
}
