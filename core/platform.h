/* SPDX-License-Identifier: MIT */
/* platform.h: the interface core/ gets all platform services through.
 * Owns nothing but the contract; platform/host and platform/avr32 fill it in. */
#ifndef ALEPH_PLATFORM_H
#define ALEPH_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* Severity of a log line. */
typedef enum {
  PLATFORM_LOG_DEBUG,
  PLATFORM_LOG_INFO,
  PLATFORM_LOG_WARN,
  PLATFORM_LOG_ERROR
} platform_log_level_t;

/* Everything core/ may ask of the machine it runs on.
 * - arena/arena_size: the SDRAM region core owns entirely (its pools and tables live there).
 *   Must be at least 8-byte aligned; size_t only here, at the boundary.
 * - ticks_ms: a monotonic millisecond clock (wraps at 2^32). Tests pass a manual clock.
 * - log: one complete line, no trailing newline. May be NULL (silent).
 * - fault: called when core detects corruption or a broken contract (overrun, bad free,
 *   invariant failure). It may return; core then fails the operation with an error value.
 *   May be NULL.
 * - ctx: handed back to every callback. */
typedef struct platform {
  void *arena;
  size_t arena_size;
  uint32_t (*ticks_ms)(void *ctx);
  void (*log)(void *ctx, platform_log_level_t level, const char *line);
  void (*fault)(void *ctx, const char *what);
  void *ctx;
} platform_t;

/* Convenience wrappers that tolerate a NULL platform or NULL callbacks. */
static inline uint32_t platform_ticks(const platform_t *p) {
  return (p && p->ticks_ms) ? p->ticks_ms(p->ctx) : 0u;
}
static inline void platform_log(const platform_t *p, platform_log_level_t lvl, const char *line) {
  if (p && p->log) p->log(p->ctx, lvl, line);
}
static inline void platform_fault(const platform_t *p, const char *what) {
  if (p && p->fault) p->fault(p->ctx, what);
}

#endif
