/* SPDX-License-Identifier: MIT */
/* pool_plan_json.h: memory plan files (what aleph-profile recommends, what aleph-sim --pool-plan
 * applies): one plan per target, "avr32" (sizes as the Aleph sees them) and "host" (this
 * simulator's 64-bit op sizes, so the same scenes fit when the plan is applied here). A plan is
 * the op heap's size with and without editing headroom, and its granule. */
#ifndef ALEPH_POOL_PLAN_JSON_H
#define ALEPH_POOL_PLAN_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define PPJ_FORMAT "aleph-sim memory plan"
#define PPJ_VERSION 2
/* The largest plan file read: a plan takes some 300 bytes; 1 MiB leaves room for any note. */
#define PPJ_MAX_BYTES (1u << 20)

/* Reads the plan for target ("host" or "avr32") from path (limits: bees' scene format's).
 * false with a sentence naming the file in err: unreadable, not a regular file of at most
 * PPJ_MAX_BYTES, not JSON, not a plan file, target missing, fields missing or out of range, or
 * a plan arena_layout() refuses. */
bool ppj_read(const char *path, const char *target, arena_plan_t *out, char *err, size_t errlen);
/* Writes both plans (host may be NULL) and a note (may be NULL), safely (sio_write_file). */
bool ppj_write(const char *path, const arena_plan_t *avr32, const arena_plan_t *host,
               const char *note, char *err, size_t errlen);

#endif
