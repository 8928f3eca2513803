/* SPDX-License-Identifier: MIT */
/* bench_util.h: timing helpers shared by the benchmarks. */
#ifndef ALEPH_BENCH_UTIL_H
#define ALEPH_BENCH_UTIL_H

#include <stdint.h>

/* Monotonic nanoseconds. */
double bench_now_ns(void);
/* Keeps a value alive so the compiler cannot drop the work that made it. */
void bench_sink(uintptr_t v);
/* Best (lowest) of `runs` timings of fn(ctx), each divided by ops: ns per op. */
double bench_best_ns(int runs, uint64_t ops, void (*fn)(void *ctx), void *ctx);

#endif
