/* SPDX-License-Identifier: MIT */
/* audio.h: the simulated Aleph's DSP side: the module the running scene names (dsp/), chosen on
 * every scene load, its parameters bound by label to the scene's and set through bees' scalers
 * (core/scaler.h) whenever the net sets them, rendered in blocks from an input (a WAV file or
 * silence), with what the panel and OSC show: peak levels, the CV outputs, underruns. One
 * thread (the simulation's): headless runs render on the virtual clock (audio_advance), the
 * window keeps the sound card's queue filled (audio_device.c). An unknown module renders
 * silence and keeps its parameters as values only. */
#ifndef ALEPH_SIM_AUDIO_H
#define ALEPH_SIM_AUDIO_H

#include <stdbool.h>
#include <stdint.h>

#include "dsp.h"
#include "net.h"

typedef struct audio audio_t;

typedef struct {
  char module[32];        /* the scene's module name ("" for none) */
  const char *simulated;  /* the class running ("waves"...), NULL if none */
  uint16_t params, bound; /* the scene's params, and those the module has */
  uint64_t frames;        /* frames rendered since the start */
  uint32_t clipped;       /* output samples that reached full scale */
  uint32_t underruns;     /* times the sound card ran dry (window) */
  float peak[DSP_CHANNELS]; /* the meter: peak level per output, decaying */
  float max[DSP_CHANNELS];  /* the highest level per output since the start */
  float cv[DSP_CV_OUTS];  /* the CV outputs in volts (0..10) */
  bool muted;
} audio_info_t;

audio_t *audio_new(void);
void audio_free(audio_t *a);

/* A scene was swapped in: the module its header names (NULL or "" for none) starts, or keeps
 * running if it already is (bees reboots the DSP only for another module), every param of net
 * is bound by label and sent. A sentence for the user (unknown module, params the module lacks)
 * goes to msg (empty if there is nothing to say). */
void audio_select(audio_t *a, const net_t *net, const char *module, char *msg, uint32_t cap);
/* The net set param idx to value: scaled and sent to the module (ignored if it is not bound). */
void audio_param(audio_t *a, const net_t *net, uint16_t idx, io_t value);

/* The input: frames x channels at 48 kHz (taken; freed with the audio), looped or not; its
 * channels feed the module's inputs 0.. (a mono file feeds inputs 0 and 1). */
void audio_set_input(audio_t *a, float *frames, uint32_t count, uint16_t channels);
/* Keep everything rendered (for --audio-out). */
void audio_capture(audio_t *a, bool on);
const float *audio_captured(const audio_t *a, uint32_t *frames);
/* Renders frames (x DSP_CHANNELS, interleaved) into out: the module on the next input frames,
 * or silence; updates the meter, CV outputs and counters. Muting silences out afterwards. */
void audio_render(audio_t *a, float *out, uint32_t frames);
/* Renders on the virtual clock up to t ms (48 frames per ms), captured if capturing. */
void audio_advance(audio_t *a, uint32_t t_ms);
/* bees' LOAD on the DSP page: the module starts afresh (state cleared) and gets every param
 * again. false if the scene names no module aleph-sim has (msg says so). */
bool audio_reload(audio_t *a, const net_t *net, char *msg, uint32_t cap);
/* The scene's module name, and a word for its state: "RUNNING", "NOT SIMULATED", "NO MODULE". */
const char *audio_module(const audio_t *a);
const char *audio_state(const audio_t *a);
/* Whether a module runs (and renders when asked). */
bool audio_running(const audio_t *a);
void audio_set_mute(audio_t *a, bool mute);
void audio_count_underrun(audio_t *a);
void audio_get_info(const audio_t *a, audio_info_t *info);

#endif
