/* SPDX-License-Identifier: MIT */
/* wavcheck.c: what the audio tests measure in aleph-sim's WAV files (sim_tests.sh, case audio):
 *   wavcheck sound FILE                 exit 1 if it is silent or clipped (levels printed)
 *   wavcheck echo FILE CH CLICK DELAY   exit 1 unless channel CH's loudest sample after frame
 *                                       CLICK is at CLICK + DELAY (one frame either way)
 *   wavcheck click FILE SECONDS AT      writes a mono 48 kHz file: one half-scale sample at AT s
 *   wavcheck rate FILE SECONDS RATE     writes a silent mono file at another rate */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wav.h"

static int sound(const char *path) {
  wav_t w;
  char err[600];
  uint32_t c, i, clipped = 0;
  double peak = 0.0, sum = 0.0;
  if (!wav_load(path, &w, err, sizeof err)) {
    fprintf(stderr, "wavcheck: %s\n", err);
    return 1;
  }
  for (i = 0; i < w.count * w.channels; i++) {
    double x = fabs(w.frames[i]);
    if (x > peak) peak = x;
    if (x >= 32767.0 / 32768.0) clipped++;
    sum += x * x;
  }
  printf("%s: %u frames x %u channels at %u Hz, peak %.4f, rms %.5f, %u samples at full scale\n",
         path, (unsigned)w.count, (unsigned)w.channels, (unsigned)w.rate, peak,
         sqrt(sum / (w.count * (double)w.channels + 1e-9)), (unsigned)clipped);
  for (c = 0; c < w.channels; c++) {
    double p = 0.0;
    for (i = 0; i < w.count; i++)
      if (fabs(w.frames[i * w.channels + c]) > p) p = fabs(w.frames[i * w.channels + c]);
    printf("  channel %u peak %.4f\n", (unsigned)c, p);
  }
  wav_free(&w);
  if (peak < 0.002) {
    printf("%s: silent\n", path);
    return 1;
  }
  if (clipped) {
    printf("%s: clipped\n", path);
    return 1;
  }
  return 0;
}

static int echo(const char *path, uint32_t ch, uint32_t click, uint32_t delay) {
  wav_t w;
  char err[600];
  uint32_t i, at = 0;
  float big = 0.0f;
  if (!wav_load(path, &w, err, sizeof err)) {
    fprintf(stderr, "wavcheck: %s\n", err);
    return 1;
  }
  for (i = click + 1; i < w.count && ch < w.channels; i++) {
    float x = fabsf(w.frames[i * w.channels + ch]);
    if (x > big) {
      big = x;
      at = i;
    }
  }
  wav_free(&w);
  printf("%s: channel %u's loudest sample after frame %u is %.4f at +%d frames (want +%u)\n",
         path, (unsigned)ch, (unsigned)click, big, (int)(at - click), (unsigned)delay);
  return big > 0.05f && at + 1 >= click + delay && at <= click + delay + 1 ? 0 : 1;
}

static int write_mono(const char *path, double seconds, double at, uint32_t rate) {
  uint32_t n = (uint32_t)(seconds * rate);
  float *x = calloc(n ? n : 1, sizeof *x);
  char err[600];
  int rc = 0;
  if (!x) return 1;
  if (at >= 0 && (uint32_t)(at * rate) < n) x[(uint32_t)(at * rate)] = 0.5f;
  if (!wav_save(path, x, n, 1, rate, err, sizeof err)) {
    fprintf(stderr, "wavcheck: %s\n", err);
    rc = 1;
  }
  free(x);
  return rc;
}

int main(int argc, char **argv) {
  if (argc == 3 && !strcmp(argv[1], "sound")) return sound(argv[2]);
  if (argc == 6 && !strcmp(argv[1], "echo"))
    return echo(argv[2], (uint32_t)atoi(argv[3]), (uint32_t)atoi(argv[4]), (uint32_t)atoi(argv[5]));
  if (argc == 5 && !strcmp(argv[1], "click"))
    return write_mono(argv[2], atof(argv[3]), atof(argv[4]), 48000);
  if (argc == 5 && !strcmp(argv[1], "rate"))
    return write_mono(argv[2], atof(argv[3]), -1.0, (uint32_t)atoi(argv[4]));
  fprintf(stderr, "usage: wavcheck sound FILE | echo FILE CH CLICK DELAY | click FILE SECONDS AT |"
                  " rate FILE SECONDS RATE\n");
  return 2;
}
