/* profile_read.h: reading the pool usage profiles aleph-sim --profile writes (JSON, "format":
 * "aleph-sim profile", version 1): the run's pool plan, every alloc/free/fail event with its
 * host size and its op class's AVR32 size (size32), the usage samples, and the levels as
 * recorded (peaks per pool, internal fragmentation at the peak, failures, spills). Shared by
 * tools/aleph-profile and fuzz/fuzz_profile. */
#ifndef ALEPH_PROFILE_READ_H
#define ALEPH_PROFILE_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pool.h"
#include "pool_planner.h"

typedef struct {
  uint32_t t, small_used, big_used;
} profile_sample_t;

typedef struct {
  const char *path;
  char scene[256];
  pool_plan_t plan;      /* the plan the run had */
  uint32_t duration_ms;
  planner_event_t *avr32, *host; /* one per alloc/free/fail event */
  uint32_t nev;
  profile_sample_t *samples;
  uint32_t nsamples;
  /* as recorded (host sizes, the run's plan) */
  uint32_t peak[2], live_peak, fails, spills;
  uint64_t peak_req[2], peak_hand[2]; /* at each pool's peak of bytes handed out */
} profile_t;

/* The largest profile read: 128 MiB, about a million pool events (a profile takes some 130
 * bytes per event, and reading it about 3.5 times its size in memory). */
#define PROFILE_MAX_BYTES (128u << 20)

/* Reads and checks one profile file (a regular file of at most PROFILE_MAX_BYTES). false with a sentence naming path in err on any problem
 * (then *p holds nothing to free). p->path points at path. */
bool profile_read_file(profile_t *p, const char *path, char *err, size_t errlen);
/* The same on text already in memory (len bytes, need not be NUL-terminated); name is used in
 * messages and as the scene name when the profile has none. */
bool profile_read_text(profile_t *p, const char *text, size_t len, const char *name, char *err,
                       size_t errlen);
/* Frees what a successful read allocated (and is harmless on a zeroed profile). */
void profile_free(profile_t *p);

#endif
