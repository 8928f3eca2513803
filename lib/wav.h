/* SPDX-License-Identifier: MIT */
/* wav.h: WAV (RIFF WAVE) files for the simulator's audio: written as 16-bit PCM (with the
 * WAVE_FORMAT_EXTENSIBLE header more than two channels call for) and saved safely through
 * file_io.h; read from 8, 16, 24 or 32-bit PCM or 32-bit float, any channel count. Frames are
 * interleaved floats, full scale +-1. */
#ifndef ALEPH_WAV_H
#define ALEPH_WAV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
  float *frames;     /* count x channels, interleaved (malloc'd) */
  uint32_t count;    /* frames */
  uint16_t channels;
  uint32_t rate;     /* frames per second */
} wav_t;

/* The file image of frames (count x channels) at rate, in a malloc'd buffer. Samples beyond +-1
 * are clipped; *clipped (may be NULL) counts them. false if out of memory or too long. */
bool wav_encode(const float *frames, uint32_t count, uint16_t channels, uint32_t rate,
                uint8_t **out, size_t *len, uint32_t *clipped);
/* Parses a file image. false with a sentence in err (what is wrong and where). */
bool wav_decode(const uint8_t *data, size_t len, wav_t *out, char *err, size_t errlen);
/* wav_encode then a safe save (temporary file, fsync, rename). */
bool wav_save(const char *path, const float *frames, uint32_t count, uint16_t channels,
              uint32_t rate, char *err, size_t errlen);
/* Reads and decodes a file; err names the file. */
bool wav_load(const char *path, wav_t *out, char *err, size_t errlen);
void wav_free(wav_t *w);

#endif
