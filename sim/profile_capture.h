/* SPDX-License-Identifier: MIT */
/* profile_capture.h: aleph-sim --profile: records every pool event (alloc, free, failure: size
 * requested, bytes handed out, tag and op class, which allocation a free returns, virtual tick)
 * through pool_set_trace(), and the heap's statistics every PROFILE_PERIOD_MS of virtual time,
 * into a JSON profile with the scene, the arena size, the plan and the build target
 * (docs/memory.md describes the format; tools/aleph-profile analyses it). */
#ifndef ALEPH_SIM_PROFILE_CAPTURE_H
#define ALEPH_SIM_PROFILE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define PROFILE_FORMAT "aleph-sim profile"
#define PROFILE_VERSION 2
#define PROFILE_PERIOD_MS 100u

typedef struct {
  struct cJSON *root, *events, *samples;
  const engine_t *engine;
  const char *path;
  uint32_t next_sample;
  pool_stats_t last;            /* the heap after the latest event */
  uint32_t allocs, frees, fails;
  uint32_t nevents;             /* events written (an event's index is its id) */
  struct live_alloc *live;      /* live allocations: pointer -> event index, for frees */
  uint32_t nlive, cap_live;
} profile_capture_t;

/* Starts recording the engine's pool (call before the scene loads, so its allocations are in
 * the profile). scene may be NULL (the demo). false with a sentence in err. */
bool profile_capture_start(profile_capture_t *c, const engine_t *e, const char *path,
                           const char *scene, size_t arena_bytes, char *err, size_t errlen);
/* Samples up to the engine's current time, adds the final statistics, writes the file, stops
 * recording and frees everything. false with a sentence in err if the file cannot be written. */
bool profile_capture_finish(profile_capture_t *c, char *err, size_t errlen);
/* Stops recording and frees everything without writing. */
void profile_capture_abort(profile_capture_t *c);

#endif
