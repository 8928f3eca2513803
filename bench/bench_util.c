/* SPDX-License-Identifier: MIT */
/* bench_util.c: timing helpers shared by the benchmarks. */
#define _POSIX_C_SOURCE 200809L
#include "bench_util.h"

#include <time.h>

static volatile uintptr_t sink;

double bench_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

void bench_sink(uintptr_t v) { sink += v; }

double bench_best_ns(int runs, uint64_t ops, void (*fn)(void *ctx), void *ctx) {
  double best = 1e300;
  int r;
  for (r = 0; r < runs; r++) {
    double t0 = bench_now_ns(), dt;
    fn(ctx);
    dt = (bench_now_ns() - t0) / (double)ops;
    if (dt < best) best = dt;
  }
  return best;
}
