/* SPDX-License-Identifier: MIT */
/* audio.c: the simulated DSP side (audio.h): module choice and parameter binding on scene loads,
 * scaled parameter changes, block rendering with input, meter, CV and capture. */
#include "audio.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scaler.h"

#define BLOCK 256u
#define METER_FALL (1.0f / (float)DSP_RATE) /* the meter falls by 1/e (8.7 dB) a second */

struct audio {
  dsp_module_t *mod;
  char module[32];
  int32_t *bind;        /* scene param -> module param (-1: none) */
  uint16_t nbind, bound;
  float *in;            /* the input file, interleaved */
  uint32_t in_count, in_pos;
  uint16_t in_channels;
  float *cap;           /* captured output */
  uint64_t cap_count, cap_size;
  bool capturing, muted;
  uint64_t frames;
  uint32_t clipped, underruns;
  float peak[DSP_CHANNELS], max[DSP_CHANNELS];
};

audio_t *audio_new(void) { return calloc(1, sizeof(audio_t)); }

void audio_free(audio_t *a) {
  if (!a) return;
  dsp_free(a->mod);
  free(a->bind);
  free(a->in);
  free(a->cap);
  free(a);
}

void audio_param(audio_t *a, const net_t *net, uint16_t idx, io_t value) {
  const net_param_t *p;
  /* during a scene swap the old net is already empty (the new one is bound after it) */
  if (!a->mod || idx >= a->nbind || a->bind[idx] < 0 || idx >= net_param_count(net)) return;
  p = net_param(net, idx);
  dsp_set(a->mod, (uint16_t)a->bind[idx], scaler_value(p, value));
}

/* labels the module lacks, for the message: "a, b, c and 4 more" */
static void list_missing(const audio_t *a, const net_t *net, char *out, uint32_t cap) {
  uint16_t i, shown = 0, missing = (uint16_t)(a->nbind - a->bound);
  size_t len = 0;
  out[0] = '\0';
  for (i = 0; i < a->nbind && shown < 4; i++) {
    if (a->bind[i] >= 0) continue;
    len += (size_t)snprintf(out + len, cap - len, "%s%s", shown ? ", " : "",
                            net_param(net, i)->label);
    if (len >= cap) return;
    shown++;
  }
  if (missing > shown) snprintf(out + len, cap - len, " and %u more", (unsigned)(missing - shown));
}

void audio_select(audio_t *a, const net_t *net, const char *module, char *msg, uint32_t cap) {
  const dsp_class_t *c = module && module[0] ? dsp_find(module) : NULL;
  uint16_t i, n = net_param_count(net);
  msg[0] = '\0';
  snprintf(a->module, sizeof a->module, "%s", module ? module : "");
  if (!a->mod || !c || dsp_class(a->mod) != c) { /* bees reboots the DSP for another module */
    dsp_free(a->mod);
    a->mod = c ? dsp_new(c) : NULL;
    if (c && !a->mod)
      snprintf(msg, cap, "out of memory for the DSP module %s: it is silent", module);
  }
  free(a->bind);
  a->bind = n ? malloc(n * sizeof *a->bind) : NULL;
  a->nbind = a->bind ? n : 0;
  a->bound = 0;
  for (i = 0; i < a->nbind; i++) {
    const net_param_t *p = net_param(net, i);
    a->bind[i] = a->mod ? dsp_param_find(c, p->label, p->radix) : -1;
    a->bound += a->bind[i] >= 0;
  }
  if (module && module[0] && !c) {
    snprintf(msg, cap, "the scene's DSP module %s is not simulated: its %u parameters are kept "
                       "and shown, not heard (simulated: aleph-waves, aleph-dsyn, aleph-lines)",
             module, (unsigned)n);
    return;
  }
  if (a->mod && a->bound < a->nbind) {
    char missing[160];
    list_missing(a, net, missing, sizeof missing);
    snprintf(msg, cap, "%s has no parameter named %s: %u of the scene's %u parameters do nothing",
             module, missing, (unsigned)(a->nbind - a->bound), (unsigned)a->nbind);
  }
  for (i = 0; i < a->nbind; i++) audio_param(a, net, i, net_param(net, i)->value); /* as bees */
}

bool audio_reload(audio_t *a, const net_t *net, char *msg, uint32_t cap) {
  char module[sizeof a->module];
  snprintf(module, sizeof module, "%s", a->module);
  dsp_free(a->mod);
  a->mod = NULL;
  audio_select(a, net, module, msg, cap);
  return a->mod != NULL;
}

const char *audio_module(const audio_t *a) { return a->module; }
bool audio_running(const audio_t *a) { return a->mod != NULL; }

const char *audio_state(const audio_t *a) {
  return a->mod ? "RUNNING" : a->module[0] ? "NOT SIMULATED" : "NO MODULE";
}

void audio_set_input(audio_t *a, float *frames, uint32_t count, uint16_t channels) {
  free(a->in);
  a->in = frames;
  a->in_count = count;
  a->in_channels = channels;
  a->in_pos = 0;
}

void audio_capture(audio_t *a, bool on) { a->capturing = on; }

const float *audio_captured(const audio_t *a, uint32_t *frames) {
  *frames = (uint32_t)a->cap_count;
  return a->cap;
}

/* the next frames of input, on the module's channels (silence after the file) */
static void fill_input(audio_t *a, float *in, uint32_t frames) {
  uint32_t f, c;
  memset(in, 0, (size_t)frames * DSP_CHANNELS * sizeof *in);
  for (f = 0; f < frames && a->in_pos < a->in_count; f++, a->in_pos++) {
    const float *src = a->in + (size_t)a->in_pos * a->in_channels;
    for (c = 0; c < a->in_channels && c < DSP_CHANNELS; c++) in[f * DSP_CHANNELS + c] = src[c];
    if (a->in_channels == 1) in[f * DSP_CHANNELS + 1] = src[0];
  }
}

static void meter(audio_t *a, const float *out, uint32_t frames) {
  float fall = expf(-(float)frames * METER_FALL);
  uint32_t f, c;
  for (c = 0; c < DSP_CHANNELS; c++) {
    float top = 0.0f;
    for (f = 0; f < frames; f++) {
      float x = fabsf(out[f * DSP_CHANNELS + c]);
      if (x > top) top = x;
      if (x >= 0.99997f) a->clipped++;
    }
    a->peak[c] = a->peak[c] * fall > top ? a->peak[c] * fall : top;
    if (top > a->max[c]) a->max[c] = top;
  }
}

static bool keep(audio_t *a, const float *out, uint32_t frames) {
  uint64_t need = (a->cap_count + frames) * DSP_CHANNELS;
  if (need > a->cap_size) {
    uint64_t size = a->cap_size ? a->cap_size * 2 : (uint64_t)DSP_RATE * DSP_CHANNELS * 4u;
    float *grown;
    while (size < need) size *= 2;
    grown = realloc(a->cap, (size_t)size * sizeof *grown);
    if (!grown) return false;
    a->cap = grown;
    a->cap_size = size;
  }
  memcpy(a->cap + a->cap_count * DSP_CHANNELS, out, (size_t)frames * DSP_CHANNELS * sizeof *out);
  a->cap_count += frames;
  return true;
}

void audio_render(audio_t *a, float *out, uint32_t frames) {
  float in[BLOCK * DSP_CHANNELS];
  uint32_t done = 0;
  while (done < frames) {
    uint32_t n = frames - done < BLOCK ? frames - done : BLOCK;
    float *o = out + (size_t)done * DSP_CHANNELS;
    fill_input(a, in, n);
    if (a->mod)
      dsp_process(a->mod, in, o, n);
    else
      memset(o, 0, (size_t)n * DSP_CHANNELS * sizeof *o);
    meter(a, o, n);
    if (a->capturing && !keep(a, o, n)) a->capturing = false; /* out of memory: stop keeping */
    if (a->muted) memset(o, 0, (size_t)n * DSP_CHANNELS * sizeof *o);
    done += n;
  }
  a->frames += frames;
}

void audio_advance(audio_t *a, uint32_t t_ms) {
  float out[BLOCK * DSP_CHANNELS];
  uint64_t until = (uint64_t)t_ms * (DSP_RATE / 1000u);
  while (a->frames < until) {
    uint64_t n = until - a->frames;
    audio_render(a, out, n < BLOCK ? (uint32_t)n : BLOCK);
  }
}

void audio_set_mute(audio_t *a, bool mute) { a->muted = mute; }
void audio_count_underrun(audio_t *a) { a->underruns++; }

void audio_get_info(const audio_t *a, audio_info_t *info) {
  uint32_t k;
  memset(info, 0, sizeof *info);
  snprintf(info->module, sizeof info->module, "%s", a->module);
  info->simulated = a->mod ? dsp_class(a->mod)->name : NULL;
  info->params = a->nbind;
  info->bound = a->bound;
  info->frames = a->frames;
  info->clipped = a->clipped;
  info->underruns = a->underruns;
  info->muted = a->muted;
  for (k = 0; k < DSP_CHANNELS; k++) {
    info->peak[k] = a->peak[k];
    info->max[k] = a->max[k];
  }
  if (a->mod) {
    dsp_cv(a->mod, info->cv);
    for (k = 0; k < DSP_CV_OUTS; k++) info->cv[k] *= 10.0f;
  }
}
