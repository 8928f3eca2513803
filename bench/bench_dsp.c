/* SPDX-License-Identifier: MIT */
/* bench_dsp.c: what each simulated DSP module (dsp/) costs at 48 kHz: CPU time to render
 * SECONDS (default 20) of audio in the blocks the simulator uses, as a share of one core playing
 * it in real time, busy as a scene keeps it: waves with both oscillators cross-modulating, dsyn
 * with all four voices retriggered every 125 ms, lines with noise in and both lines feeding back
 * through their filters. Prints one line per module and the heaviest's share. Best of 3 runs.
 * Usage: bench_dsp [SECONDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "dsp.h"
#include "scaler.h"

#define BLOCK 256u

typedef struct {
  const char *module;
  uint32_t frames;
  float *in, *out;
} job_t;

static void set(dsp_module_t *m, const char *label, int32_t value) {
  int32_t id = dsp_param_find(dsp_class(m), label, 0);
  if (id >= 0) dsp_set(m, (uint16_t)id, value);
}

/* a scene's worth of activity on top of the module's defaults */
static void busy(dsp_module_t *m, const char *name) {
  if (!strcmp(name, "waves")) {
    set(m, "pm10", 0x4000);
    set(m, "pm01", 0x2000);
    set(m, "wm10", 0x3000);
    set(m, "wave0", 0x5000);
    set(m, "wave1", 0x9000);
  } else if (!strcmp(name, "lines")) {
    set(m, "del0_del1", 0x30000000);
    set(m, "del1_del0", 0x30000000);
    set(m, "band0", 0x3fffffff);
    set(m, "high1", 0x3fffffff);
  }
}

static void render(void *ctx) {
  job_t *j = ctx;
  const dsp_class_t *c = dsp_find(j->module);
  dsp_module_t *m = dsp_new(c);
  uint32_t f, k;
  if (!m) {
    fprintf(stderr, "bench_dsp: out of memory for %s\n", j->module);
    exit(1);
  }
  busy(m, c->name);
  for (f = 0; f < j->frames; f += BLOCK) {
    if (!strcmp(c->name, "dsyn") && f % 6000u < BLOCK) /* every 125 ms: all four drums */
      for (k = 0; k < 4; k++) {
        char label[8];
        snprintf(label, sizeof label, "Gate%u", (unsigned)k);
        set(m, label, 1);
      }
    dsp_process(m, j->in + (size_t)f * DSP_CHANNELS, j->out, BLOCK);
  }
  bench_sink((uintptr_t)(j->out[0] != 0.0f));
  dsp_free(m);
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 20.0, worst = 0.0;
  const char *worst_name = "";
  job_t j;
  uint32_t i, k;
  if (seconds <= 0.0) {
    fprintf(stderr, "usage: bench_dsp [SECONDS]\n");
    return 2;
  }
  j.frames = ((uint32_t)(seconds * DSP_RATE) / BLOCK) * BLOCK;
  j.in = malloc((size_t)j.frames * DSP_CHANNELS * sizeof *j.in);
  j.out = malloc(BLOCK * DSP_CHANNELS * sizeof *j.out);
  if (!j.in || !j.out) return 1;
  srand(1);
  for (i = 0; i < j.frames * DSP_CHANNELS; i++)
    j.in[i] = (float)(rand() % 20001 - 10000) / 40000.0f;
  printf("bench_dsp: %.1f s of audio per module at %u Hz in %u-frame blocks, best of 3\n",
         j.frames / (double)DSP_RATE, (unsigned)DSP_RATE, (unsigned)BLOCK);
  for (k = 0; dsp_classes[k]; k++) {
    double ns;
    j.module = dsp_classes[k]->name;
    ns = bench_best_ns(3, 1, render, &j); /* creation included: lines clears 23 MB */
    printf("  %-6s %8.1f ms for %.1f s: %5.2f%% of one core\n", j.module, ns / 1e6,
           j.frames / (double)DSP_RATE, 100.0 * ns / 1e9 / (j.frames / (double)DSP_RATE));
    if (ns > worst) {
      worst = ns;
      worst_name = j.module;
    }
  }
  printf("heaviest: %s, %.2f%% of one core at 48 kHz (budget 10%%)\n", worst_name,
         100.0 * worst / 1e9 / (j.frames / (double)DSP_RATE));
  free(j.in);
  free(j.out);
  return 0;
}
