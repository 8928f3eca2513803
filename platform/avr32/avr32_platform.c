/* SPDX-License-Identifier: MIT */
/* avr32_platform.c: core/'s platform on the Aleph itself (AVR32 UC3A0512, bees' libavr32).
 * core's arena comes from SDRAM through alloc_mem(), as large as the shipped plan needs (core's
 * arena module carves it, as on the host), time from the timer/counter tick that libavr32's
 * interrupt handler advances every millisecond, the log from print_dbg() on the debug UART.
 * Compile-checked here (freestanding, 32-bit big-endian); linked into firmware together with
 * libavr32, whose functions are declared below as avr32/src/memory.h, interrupts.h and
 * print_funcs.h declare them. */
#include <stdint.h>

#include "arena.h"
#include "platform.h"

/* --- libavr32 (monome/aleph avr32/src) --- */
typedef volatile uint8_t *heap_t;
extern heap_t alloc_mem(uint32_t bytes); /* SDRAM heap (0xD0000000...) */
extern volatile uint64_t tcTicks;        /* ms ticks, advanced by the TC interrupt */
extern void print_dbg(const char *str);  /* debug UART */


static uint32_t avr32_ticks(void *ctx) {
  (void)ctx;
  return (uint32_t)tcTicks; /* the low word wraps every 49 days, as platform_t allows */
}

static void avr32_log(void *ctx, platform_log_level_t level, const char *line) {
  (void)ctx;
  if (level == PLATFORM_LOG_DEBUG) return;
  print_dbg("\r\n");
  print_dbg(line);
}

static uint32_t avr32_fault_count;

static void avr32_fault(void *ctx, const char *what) {
  (void)ctx;
  avr32_fault_count++;
  print_dbg("\r\nFAULT: ");
  print_dbg(what);
}

/* Fills *p for the Aleph and lays core out in SDRAM: sdram_free is what the SDRAM heap still
 * holds; core asks it for what the shipped plan needs (ARENA_PLAN_SHIPPED: the op heap in which
 * every scene can replace every other, and both nets' tables), or, if less is free, for all of
 * it and a smaller heap down to the plan's floor. On success *pool and *slot are ready for
 * scenes. Returns 0, or -1 if SDRAM could not be had or cannot hold core. */
int avr32_core_init(platform_t *p, uint32_t sdram_free, pool_t **pool, scene_slot_t *slot);
int avr32_core_init(platform_t *p, uint32_t sdram_free, pool_t **pool, scene_slot_t *slot) {
  arena_layout_t l;
  uint32_t want = arena_size_for(&ARENA_PLAN_SHIPPED);
  heap_t arena;
  if (want > sdram_free) want = sdram_free;
  if (arena_layout(want, &ARENA_PLAN_SHIPPED, &l) != ARENA_OK) return -1;
  arena = alloc_mem(l.used_bytes);
  if (arena == (heap_t)0 || arena == (heap_t)0xFFFFFFFFu) return -1;
  p->arena = (void *)arena;
  p->arena_size = l.used_bytes;
  p->ticks_ms = avr32_ticks;
  p->log = avr32_log;
  p->fault = avr32_fault;
  p->ctx = (void *)0;
  if (l.reduced) avr32_log(0, PLATFORM_LOG_WARN, "core: SDRAM short: op heap under the plan's");
  return arena_init(p->arena, &l, p, pool, slot) == ARENA_OK ? 0 : -1;
}

/* How many faults core has reported since boot (for a status page). */
uint32_t avr32_platform_faults(void);
uint32_t avr32_platform_faults(void) { return avr32_fault_count; }
