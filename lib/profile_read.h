/* SPDX-License-Identifier: MIT */
/* profile_read.h: reading the heap usage profiles aleph-sim --profile writes (JSON, "format":
 * "aleph-sim profile", version 2): the run's plan, every alloc/free/fail event as a planner trace
 * at the host's sizes and at a 32-bit target's (net_alloc_size32), the usage samples, and the
 * levels as recorded (peak bytes handed out and requested then, live allocations, failures).
 * Shared by tools/aleph-profile and fuzz/fuzz_profile. */
#ifndef ALEPH_PROFILE_READ_H
#define ALEPH_PROFILE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "pool_planner.h"

typedef struct {
  uint32_t t, used, handed; /* virtual ms; heap bytes in use; bytes handed out */
} profile_sample_t;

typedef struct {
  const char *path;
  char scene[256];
  arena_plan_t plan;       /* the plan the run had */
  uint32_t duration_ms;
  planner_event_t *avr32, *host; /* the events as traces (a failure counts as an allocation) */
  uint32_t nev;
  profile_sample_t *samples;
  uint32_t nsamples;
  /* as recorded (host sizes, the run's plan) */
  uint32_t live_peak, fails, handed_peak, requested_at_peak, used_peak;
} profile_t;

/* The largest profile read: 128 MiB, about a million pool events (a profile takes some 130
 * bytes per event, and reading it about 3.5 times its size in memory). */
#define PROFILE_MAX_BYTES (128u << 20)

/* Reads and checks one profile file (a regular file of at most PROFILE_MAX_BYTES). false with a
 * sentence naming path in err on any problem (then *p holds nothing to free). p->path points at
 * path. */
bool profile_read_file(profile_t *p, const char *path, char *err, size_t errlen);
/* The same on text already in memory (len bytes, need not be NUL-terminated); name is used in
 * messages and as the scene name when the profile has none. */
bool profile_read_text(profile_t *p, const char *text, size_t len, const char *name, char *err,
                       size_t errlen);
/* Frees what a successful read allocated (and is harmless on a zeroed profile). */
void profile_free(profile_t *p);

#endif
