/* SPDX-License-Identifier: MIT */
/* history.c: a ring of pool usage samples taken on the virtual clock, read by the overlay's
 * sparklines. */
#include "history.h"

#include <string.h>

void history_init(history_t *h) { memset(h, 0, sizeof *h); }

void history_sample(history_t *h, const pool_t *pool) {
  pool_stats_t st;
  history_sample_t *s = &h->s[h->total % HISTORY_SAMPLES];
  pool_get_stats(pool, &st);
  s->small_bytes = st.small.bytes_handed_out;
  s->big_bytes = st.big.bytes_handed_out;
  s->used = st.used_bytes;
  h->total++;
}

uint32_t history_count(const history_t *h) {
  return h->total < HISTORY_SAMPLES ? h->total : HISTORY_SAMPLES;
}

const history_sample_t *history_get(const history_t *h, uint32_t back) {
  if (back >= history_count(h)) return NULL;
  return &h->s[(h->total - 1u - back) % HISTORY_SAMPLES];
}
