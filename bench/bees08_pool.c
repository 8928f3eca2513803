/* bees08_pool.c: bees 0.8.1's op pool algorithm, our own code from its description. */
#include "bees08_pool.h"

#include <stdint.h>

typedef struct cons {
  uint8_t *block;
  struct cons *next;
} cons_t;

static uint8_t small_data[BEES08_SMALL_SIZE * BEES08_SMALL_COUNT];
static uint8_t big_data[BEES08_BIG_SIZE * BEES08_BIG_COUNT];
static cons_t small_cells[BEES08_SMALL_COUNT], big_cells[BEES08_BIG_COUNT];
static cons_t *small_head, *big_head;

void bees08_pool_init(void) {
  uint32_t i;
  for (i = 0; i < BEES08_SMALL_COUNT; i++) {
    small_cells[i].block = small_data + i * BEES08_SMALL_SIZE;
    small_cells[i].next = i + 1 < BEES08_SMALL_COUNT ? &small_cells[i + 1] : 0;
  }
  for (i = 0; i < BEES08_BIG_COUNT; i++) {
    big_cells[i].block = big_data + i * BEES08_BIG_SIZE;
    big_cells[i].next = i + 1 < BEES08_BIG_COUNT ? &big_cells[i + 1] : 0;
  }
  small_head = small_cells;
  big_head = big_cells;
}

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
  if (free_in(region, small_data, BEES08_SMALL_SIZE, BEES08_SMALL_COUNT, small_cells,
              &small_head) == 0)
    return 0;
  return free_in(region, big_data, BEES08_BIG_SIZE, BEES08_BIG_COUNT, big_cells, &big_head);
}
