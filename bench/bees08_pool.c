/* SPDX-License-Identifier: MIT */
/* bees08_pool.c: bees 0.8.1's op pool algorithm, our own code from its description. */
#include "bees08_pool.h"

#include <stdint.h>

typedef struct cons {
  uint8_t *block;
  struct cons *next;
} cons_t;

static uint8_t small_data[BEES08_SMALL_SIZE * BEES08_MAX_BLOCKS];
static uint8_t big_data[BEES08_BIG_SIZE * BEES08_MAX_BLOCKS];
static cons_t small_cells[BEES08_MAX_BLOCKS], big_cells[BEES08_MAX_BLOCKS];
static cons_t *small_head, *big_head;
static uint32_t small_count, big_count;

void bees08_pool_init_counts(uint32_t small, uint32_t big) {
  uint32_t i;
  small_count = small < BEES08_MAX_BLOCKS ? small : BEES08_MAX_BLOCKS;
  big_count = big < BEES08_MAX_BLOCKS ? big : BEES08_MAX_BLOCKS;
  for (i = 0; i < small_count; i++) {
    small_cells[i].block = small_data + i * BEES08_SMALL_SIZE;
    small_cells[i].next = i + 1 < small_count ? &small_cells[i + 1] : 0;
  }
  for (i = 0; i < big_count; i++) {
    big_cells[i].block = big_data + i * BEES08_BIG_SIZE;
    big_cells[i].next = i + 1 < big_count ? &big_cells[i + 1] : 0;
  }
  small_head = small_count ? small_cells : 0;
  big_head = big_count ? big_cells : 0;
}

void bees08_pool_init(void) { bees08_pool_init_counts(BEES08_SMALL_COUNT, BEES08_BIG_COUNT); }

static uint8_t *pop(cons_t **head) {
  cons_t *c = *head;
  if (!c) return 0;
  *head = c->next;
  return c->block;
}

uint8_t *bees08_alloc_small(void) { return pop(&small_head); }
uint8_t *bees08_alloc_big(void) { return pop(&big_head); }

static int free_in(uint8_t *region, uint8_t *data, uint32_t size, uint32_t count, cons_t *cells,
                   cons_t **head) {
  intptr_t off = (intptr_t)((uintptr_t)region - (uintptr_t)data);
  intptr_t idx;
  if (off % (intptr_t)size != 0) return -1;
  idx = off / (intptr_t)size;
  if (idx < 0 || idx >= (intptr_t)count) return -1;
  cells[idx].next = *head;
  *head = &cells[idx];
  return 0;
}

int bees08_free(uint8_t *region) {
  if (free_in(region, small_data, BEES08_SMALL_SIZE, small_count, small_cells,
              &small_head) == 0)
    return 0;
  return free_in(region, big_data, BEES08_BIG_SIZE, big_count, big_cells, &big_head);
}
