/* SPDX-License-Identifier: MIT */
/* wav.c: WAV encoding and decoding (wav.h): the RIFF chunks, little-endian whatever the host. */
#include "wav.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"

#define FMT_PCM 1u
#define FMT_FLOAT 3u
#define FMT_EXTENSIBLE 0xFFFEu
#define READ_LIMIT ((size_t)1 << 30) /* 1 GiB: 23 min of 4 x 32-bit at 48 kHz */

static void put16(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}
static void put32(uint8_t *p, uint32_t v) {
  put16(p, v & 0xFFFFu);
  put16(p + 2, v >> 16);
}
static uint32_t get16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t get32(const uint8_t *p) { return get16(p) | get16(p + 2) << 16; }

bool wav_encode(const float *frames, uint32_t count, uint16_t channels, uint32_t rate,
                uint8_t **out, size_t *len, uint32_t *clipped) {
  /* the extensible form: fmt is 40 bytes (18 + 22); its sub-format GUID names PCM */
  static const uint8_t pcm_guid[16] = {1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38,
                                       0x9B, 0x71};
  bool ext = channels > 2;
  uint32_t fmt_len = ext ? 40u : 16u, head = 12u + 8u + fmt_len + 8u, i, n, clips = 0;
  uint64_t data = (uint64_t)count * channels * 2u;
  uint8_t *b, *p;
  if (!channels || data + head > 0xFFFFFFF0u) return false;
  b = malloc(head + (size_t)data);
  if (!b) return false;
  memcpy(b, "RIFF", 4);
  put32(b + 4, (uint32_t)(head - 8u + data));
  memcpy(b + 8, "WAVEfmt ", 8);
  put32(b + 16, fmt_len);
  put16(b + 20, ext ? FMT_EXTENSIBLE : FMT_PCM);
  put16(b + 22, channels);
  put32(b + 24, rate);
  put32(b + 28, rate * channels * 2u);
  put16(b + 32, channels * 2u);
  put16(b + 34, 16);
  if (ext) {
    put16(b + 36, 22);
    put16(b + 38, 16);                                  /* valid bits */
    put32(b + 40, channels == 4 ? 0x33u : 0u);          /* front L/R, back L/R */
    memcpy(b + 44, pcm_guid, 16);
  }
  p = b + 20 + fmt_len;
  memcpy(p, "data", 4);
  put32(p + 4, (uint32_t)data);
  p += 8;
  for (i = 0, n = count * channels; i < n; i++) {
    float x = frames[i];
    if (x > 1.0f || x < -1.0f) {
      clips++;
      x = x > 0 ? 1.0f : -1.0f;
    }
    put16(p + 2u * i, (uint32_t)(uint16_t)(int16_t)lrintf(x * 32767.0f));
  }
  if (clipped) *clipped = clips;
  *out = b;
  *len = head + (size_t)data;
  return true;
}

static bool fail(char *err, size_t errlen, const char *what) {
  snprintf(err, errlen, "%s", what);
  return false;
}

/* one sample of the given format (bits, float or not) at p, as a float */
static float sample(const uint8_t *p, uint32_t bits, bool is_float) {
  switch (bits) {
  case 8: return ((float)p[0] - 128.0f) / 128.0f;
  case 16: return (float)(int16_t)get16(p) / 32768.0f;
  case 24: return (float)((int32_t)(get16(p) << 8 | (uint32_t)p[2] << 24) >> 8) / 8388608.0f;
  default: {
    uint32_t u = get32(p);
    float f;
    if (!is_float) return (float)((double)(int32_t)u / 2147483648.0);
    memcpy(&f, &u, sizeof f);
    return f;
  }
  }
}

bool wav_decode(const uint8_t *d, size_t len, wav_t *out, char *err, size_t errlen) {
  size_t pos = 12;
  const uint8_t *fmt = NULL, *data = NULL;
  uint32_t fmt_len = 0, data_len = 0, tag, bits, align, i, n;
  bool is_float;
  memset(out, 0, sizeof *out);
  if (len < 12 || memcmp(d, "RIFF", 4) || memcmp(d + 8, "WAVE", 4))
    return fail(err, errlen, "not a WAV file (no RIFF WAVE header)");
  while (pos + 8 <= len) {
    uint32_t n8 = get32(d + pos + 4);
    const uint8_t *body = d + pos + 8;
    if (n8 > len - pos - 8) n8 = (uint32_t)(len - pos - 8); /* a cut file: what there is */
    if (!memcmp(d + pos, "fmt ", 4)) {
      fmt = body;
      fmt_len = n8;
    } else if (!memcmp(d + pos, "data", 4)) {
      data = body;
      data_len = n8;
    }
    pos += 8u + n8 + (n8 & 1u);
  }
  if (!fmt || fmt_len < 16) return fail(err, errlen, "no format chunk");
  if (!data) return fail(err, errlen, "no data chunk");
  tag = get16(fmt);
  out->channels = (uint16_t)get16(fmt + 2);
  out->rate = get32(fmt + 4);
  align = get16(fmt + 12);
  bits = get16(fmt + 14);
  if (tag == FMT_EXTENSIBLE && fmt_len >= 40) tag = get16(fmt + 24); /* the sub-format */
  is_float = tag == FMT_FLOAT;
  if (tag != FMT_PCM && !is_float)
    return fail(err, errlen, "not PCM or float samples (compressed WAV files are not read)");
  if (!out->channels || (is_float && bits != 32) ||
      (!is_float && bits != 8 && bits != 16 && bits != 24 && bits != 32) ||
      align != out->channels * (bits / 8u))
    return fail(err, errlen, "an unsupported sample layout (8/16/24/32-bit PCM, 32-bit float)");
  out->count = data_len / align;
  n = out->count * out->channels;
  out->frames = malloc((n ? n : 1) * sizeof *out->frames);
  if (!out->frames) return fail(err, errlen, "out of memory");
  for (i = 0; i < n; i++) out->frames[i] = sample(data + (size_t)i * (bits / 8u), bits, is_float);
  return true;
}

bool wav_save(const char *path, const float *frames, uint32_t count, uint16_t channels,
              uint32_t rate, char *err, size_t errlen) {
  uint8_t *img;
  size_t len;
  bool ok;
  if (!wav_encode(frames, count, channels, rate, &img, &len, NULL)) {
    snprintf(err, errlen, "%s: out of memory for %u frames of audio", path, (unsigned)count);
    return false;
  }
  ok = fio_write_file(path, img, len, err, errlen);
  free(img);
  return ok;
}

bool wav_load(const char *path, wav_t *out, char *err, size_t errlen) {
  uint8_t *data;
  size_t len;
  char why[160];
  bool ok;
  memset(out, 0, sizeof *out);
  if (fio_read_regular(path, READ_LIMIT, "WAV file", &data, &len, err, errlen) != FIO_OK)
    return false;
  ok = wav_decode(data, len, out, why, sizeof why);
  if (!ok) snprintf(err, errlen, "%s: %s", path, why);
  free(data);
  return ok;
}

void wav_free(wav_t *w) {
  free(w->frames);
  w->frames = NULL;
  w->count = 0;
}
