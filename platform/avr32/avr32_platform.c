/* avr32_platform.c: core/'s platform on the Aleph itself (AVR32 UC3A0512, bees' libavr32).
 * The op arena comes from SDRAM through alloc_mem(), time from the timer/counter tick that
 * libavr32's interrupt handler advances every millisecond, the log from print_dbg() on the
 * debug UART. Compile-checked here (freestanding, 32-bit big-endian); linked into firmware
 * together with libavr32, whose functions are declared below as avr32/src/memory.h,
 * interrupts.h and print_funcs.h declare them. */
#include <stdint.h>

#include "platform.h"

/* --- libavr32 (monome/aleph avr32/src) --- */
typedef volatile uint8_t *heap_t;
extern heap_t alloc_mem(uint32_t bytes); /* SDRAM heap (0xD0000000...) */
extern volatile uint64_t tcTicks;        /* ms ticks, advanced by the TC interrupt */
extern void print_dbg(const char *str);  /* debug UART */

/* Bytes of SDRAM given to core/: the pools and the network tables live here. bees 0.8 gave
 * its op pools 160 KiB; the design gives operators 60% of what core receives. */
#ifndef AVR32_CORE_ARENA_BYTES
#define AVR32_CORE_ARENA_BYTES (4u << 20)
#endif

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

/* Fills *p for the Aleph. Returns 0 on success, -1 if SDRAM could not be had. */
int avr32_platform_init(platform_t *p);
int avr32_platform_init(platform_t *p) {
  heap_t arena = alloc_mem(AVR32_CORE_ARENA_BYTES);
  if (arena == (heap_t)0 || arena == (heap_t)0xFFFFFFFFu) return -1;
  p->arena = (void *)arena;
  p->arena_size = AVR32_CORE_ARENA_BYTES;
  p->ticks_ms = avr32_ticks;
  p->log = avr32_log;
  p->fault = avr32_fault;
  p->ctx = (void *)0;
  return 0;
}

/* How many faults core has reported since boot (for a status page). */
uint32_t avr32_platform_faults(void);
uint32_t avr32_platform_faults(void) { return avr32_fault_count; }
