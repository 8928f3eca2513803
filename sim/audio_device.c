/* SPDX-License-Identifier: MIT */
/* audio_device.c: the window's sound card through SDL2's queue (audio_device.h). */
#include "audio_device.h"

#include <SDL.h>
#include <stdio.h>

#define QUEUE_FRAMES 2400u /* 50 ms at 48 kHz: what the loop keeps queued */
#define CHUNK 256u

bool audio_device_open(audio_device_t *d, char *err, size_t errlen) {
  SDL_AudioSpec want, have;
  d->dev = 0;
  d->started = false;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    snprintf(err, errlen, "%s", SDL_GetError());
    return false;
  }
  SDL_zero(want);
  want.freq = (int)DSP_RATE;
  want.format = AUDIO_F32SYS;
  want.channels = 2;
  want.samples = 512;
  want.callback = NULL; /* queued from the simulation thread */
  d->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
  if (!d->dev) {
    snprintf(err, errlen, "%s", SDL_GetError());
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return false;
  }
  SDL_PauseAudioDevice(d->dev, 0);
  return true;
}

void audio_device_pump(audio_device_t *d, audio_t *a) {
  float out[CHUNK * DSP_CHANNELS], stereo[CHUNK * 2];
  uint32_t queued, i;
  if (!d->dev) return;
  queued = SDL_GetQueuedAudioSize(d->dev) / (uint32_t)(2 * sizeof(float));
  if (d->started && queued == 0) audio_count_underrun(a);
  while (queued < QUEUE_FRAMES) {
    audio_render(a, out, CHUNK);
    for (i = 0; i < CHUNK; i++) {
      stereo[2 * i] = out[i * DSP_CHANNELS];
      stereo[2 * i + 1] = out[i * DSP_CHANNELS + 1];
    }
    if (SDL_QueueAudio(d->dev, stereo, sizeof stereo) != 0) break;
    queued += CHUNK;
    d->started = true;
  }
}

void audio_device_close(audio_device_t *d) {
  if (!d->dev) return;
  SDL_CloseAudioDevice(d->dev);
  SDL_QuitSubSystem(SDL_INIT_AUDIO);
  d->dev = 0;
}
