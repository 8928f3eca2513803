/* SPDX-License-Identifier: MIT */
/* host_platform.c: core/'s platform on a PC (malloc'd arena, CLOCK_MONOTONIC, stderr log). */
#define _POSIX_C_SOURCE 200809L
#include "host_platform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static uint32_t host_ticks(void *ctx) {
  host_platform_t *h = ctx;
  if (h->virtual_clock) return h->virtual_ms;
  return (uint32_t)((now_ns() - h->start_ns) / 1000000u);
}

static void host_log(void *ctx, platform_log_level_t level, const char *line) {
  static const char *names[] = {"debug", "info", "warning", "error"};
  host_platform_t *h = ctx;
  if (level < h->min_level) return;
  fprintf(stderr, "aleph: %s: %s\n", names[level], line);
}

static void host_fault(void *ctx, const char *what) {
  host_platform_t *h = ctx;
  h->faults++;
  fprintf(stderr, "aleph: fault: %s\n", what);
}

bool host_platform_init(host_platform_t *h, size_t arena_bytes, bool virtual_clock) {
  memset(h, 0, sizeof *h);
  h->arena_alloc = calloc(1, arena_bytes ? arena_bytes : 1);
  if (!h->arena_alloc) {
    fprintf(stderr, "aleph: cannot allocate a %zu-byte arena: %s\n", arena_bytes, strerror(errno));
    return false;
  }
  h->platform.arena = h->arena_alloc; /* calloc's alignment is at least 8 */
  h->platform.arena_size = arena_bytes;
  h->platform.ticks_ms = host_ticks;
  h->platform.log = host_log;
  h->platform.fault = host_fault;
  h->platform.ctx = h;
  h->virtual_clock = virtual_clock;
  h->start_ns = now_ns();
  h->min_level = PLATFORM_LOG_INFO;
  return true;
}

void host_platform_free(host_platform_t *h) {
  free(h->arena_alloc);
  h->arena_alloc = NULL;
  h->platform.arena = NULL;
}

void host_platform_advance(host_platform_t *h, uint32_t ms) { h->virtual_ms += ms; }

host_size_t host_size_parse(const char *text, size_t *out) {
  char *end;
  unsigned long long v;
  unsigned shift = 0;
  bool wrapped;
  if (!text || !*text || *text < '0' || *text > '9') return HOST_SIZE_SYNTAX; /* no sign, space */
  errno = 0;
  v = strtoull(text, &end, 10);
  if (end == text || (errno && errno != ERANGE)) return HOST_SIZE_SYNTAX;
  wrapped = errno == ERANGE;
  switch (*end) {
  case 'k': case 'K': shift = 10; break;
  case 'm': case 'M': shift = 20; break;
  case 'g': case 'G': shift = 30; break;
  default: break;
  }
  if (shift) {
    end++;
    if (*end == 'i') end++; /* KiB, MiB, GiB */
  }
  if (*end == 'B') end++;
  if (*end != '\0') return HOST_SIZE_SYNTAX;
  if (!wrapped && v == 0) return HOST_SIZE_ZERO;
  /* checked before the shift, which would otherwise wrap */
  if (wrapped || v > (0xFFFFFFFFull >> shift)) return HOST_SIZE_TOO_LARGE;
  *out = (size_t)(v << shift);
  return HOST_SIZE_OK;
}

bool host_parse_size(const char *text, size_t *out) {
  return host_size_parse(text, out) == HOST_SIZE_OK;
}
