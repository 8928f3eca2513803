/* SPDX-License-Identifier: MIT */
/* history.h: pool usage sampled on the virtual clock (every HISTORY_PERIOD_MS) for the stats
 * overlay's sparkline; a fixed ring of the most recent samples. */
#ifndef ALEPH_SIM_HISTORY_H
#define ALEPH_SIM_HISTORY_H

#include <stdint.h>

#include "pool.h"

#define HISTORY_SAMPLES 120u   /* 12 s at 10 samples a second */
#define HISTORY_PERIOD_MS 100u

typedef struct {
  uint32_t small_bytes, big_bytes; /* bytes handed out to small and big allocations */
  uint32_t used;                   /* heap bytes in live blocks, headers included */
} history_sample_t;

typedef struct {
  history_sample_t s[HISTORY_SAMPLES];
  uint32_t total; /* samples ever taken */
} history_t;

void history_init(history_t *h);
void history_sample(history_t *h, const pool_t *pool);
/* Samples held (at most HISTORY_SAMPLES) and the one `back` before the newest. */
uint32_t history_count(const history_t *h);
const history_sample_t *history_get(const history_t *h, uint32_t back);

#endif
