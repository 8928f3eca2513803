/* SPDX-License-Identifier: MIT */
/* audio_device.h: the window session's sound card (SDL2 audio, 48 kHz, outputs 0 and 1 as
 * stereo): the simulation thread keeps about 50 ms queued, rendering the DSP as the queue needs
 * it, and counts an underrun each time it finds the queue run dry (the loop was late: a long
 * scene load, a slow frame). No audio thread of ours: SDL's plays what is queued. */
#ifndef ALEPH_SIM_AUDIO_DEVICE_H
#define ALEPH_SIM_AUDIO_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audio.h"

typedef struct {
  uint32_t dev;  /* SDL_AudioDeviceID; 0: none open */
  bool started;  /* something was queued: an empty queue now is an underrun */
} audio_device_t;

/* Opens the default output. false with SDL's reason in err (then nothing is open). */
bool audio_device_open(audio_device_t *d, char *err, size_t errlen);
/* Tops the queue up from a (call every loop iteration, at least every 20 ms). */
void audio_device_pump(audio_device_t *d, audio_t *a);
void audio_device_close(audio_device_t *d);

#endif
