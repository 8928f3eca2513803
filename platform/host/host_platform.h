/* SPDX-License-Identifier: MIT */
/* host_platform.h: core/'s platform on a PC: the "SDRAM" arena from malloc, the monotonic
 * host clock (or a virtual one for deterministic runs), log lines to stderr. */
#ifndef ALEPH_HOST_PLATFORM_H
#define ALEPH_HOST_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/* The Aleph's SDRAM: 32 MiB. */
#define HOST_DEFAULT_ARENA_BYTES (32u << 20)

typedef struct {
  platform_t platform;   /* hand &host->platform to core */
  void *arena_alloc;     /* what malloc returned */
  bool virtual_clock;    /* ticks come from virtual_ms, advanced by the caller */
  uint32_t virtual_ms;
  uint64_t start_ns;
  platform_log_level_t min_level; /* lines below this level are dropped */
  uint32_t faults;       /* fault hook calls so far */
} host_platform_t;

/* Allocates an arena of arena_bytes (8-byte aligned, zero-filled) and sets up the callbacks.
 * Returns false (with a message on stderr) if the arena cannot be allocated. */
bool host_platform_init(host_platform_t *host, size_t arena_bytes, bool virtual_clock);
void host_platform_free(host_platform_t *host);
/* Advances the virtual clock (no effect on the real clock). */
void host_platform_advance(host_platform_t *host, uint32_t ms);

/* Parses a size like "32M", "512KiB", "1048576", "64B" (K/M/G binary multiples, an optional i and
 * B after them) of 1 B to 4 GiB - 1, saying what is wrong with one that is not: not a size at
 * all, zero, or a well-formed size of 4 GiB or more (4G: the most is 4G minus one byte). */
typedef enum { HOST_SIZE_OK, HOST_SIZE_SYNTAX, HOST_SIZE_ZERO, HOST_SIZE_TOO_LARGE } host_size_t;
host_size_t host_size_parse(const char *text, size_t *out);
/* host_size_parse(text, out) == HOST_SIZE_OK. */
bool host_parse_size(const char *text, size_t *out);

#endif
