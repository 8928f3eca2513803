/* SPDX-License-Identifier: MIT */
/* record.h: recording every input event the engine applies (with its virtual ms) to a JSON file,
 * and replaying such a file into the engine's queue, checking the encoder batches it reproduces. */
#ifndef ALEPH_SIM_RECORD_H
#define ALEPH_SIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"

struct fio_out;

#define RECORD_FORMAT "aleph-sim events"
#define RECORD_VERSION 2       /* one JSON object per line (what the recorder writes) */
#define RECORD_VERSION_DOC 1   /* one JSON document with an "events" array (hand-written) */
/* The largest recording read: 256 MiB of lines, about 4 million events; one written as a
 * single JSON document (read whole with cJSON, about ten times its size in memory) 16 MiB. */
#define RECORD_MAX_BYTES (256u << 20)
#define RECORD_DOC_MAX_BYTES (16u << 20)

/* Writes as it goes: a header line, one line per event, an end line (docs/recording.md). Every
 * line reaches the file with its own write(2), so a killed session leaves every event recorded
 * until then. The file is written as a temporary sibling that replaces path when the first
 * event is recorded (or at the end, if none is): until then an earlier recording at path
 * stays. */
typedef struct {
  struct fio_out *out;
  const engine_t *engine; /* names the scene files of scene_load events */
  uint32_t count;
  bool failed;            /* a write failed: recording stopped, reported by recorder_close */
  char error[512];
} recorder_t;

/* Opens path for writing and writes the header (scene: file name or "demo"). Events come from e.
 * false with a sentence in err (path not writable, a scene name that is not UTF-8). */
bool recorder_open(recorder_t *r, const engine_t *e, const char *path, const char *scene,
                   size_t arena_bytes, char *err, size_t errlen);
/* engine_tap_fn: appends the event (inputs and encoder batches; a scene_load with its path). */
void recorder_tap(void *ctx, const sim_event_t *ev);
/* Appends the end marker at virtual time end_t, makes the file durable (fsync) and closes it.
 * false if any write failed (the recording then holds what was written before the failure). */
bool recorder_close(recorder_t *r, uint32_t end_t, char *err, size_t errlen);
/* Closes without an end marker (a session that failed to start): an unpublished recording is
 * discarded, an earlier file at its path kept. */
void recorder_abort(recorder_t *r);

/* What a hand-written event names instead of numbers, resolved when it is fed (record.c). */
typedef struct player_ref player_ref_t;

typedef struct {
  sim_event_t *inputs;   /* to feed, in file order */
  player_ref_t *refs;    /* per input: the op, port and param names it gives (NULL: none does) */
  uint32_t n_inputs, next_input, cap_inputs;
  char **paths;          /* scene_load events' files (an input's index names one) */
  uint32_t n_paths;
  sim_event_t *batches;  /* expected encoder batches */
  uint32_t n_batches, next_batch;
  uint32_t end_t;        /* the end marker's time (no marker: the last event's) */
  char scene[512];       /* as recorded ("" if none) */
  size_t arena_bytes;    /* as recorded (0 if none) */
  uint32_t mismatches;   /* batches that differ from the recording */
  bool check;            /* compare batches: on if the file has any (a recording, not a
                            hand-written script); off when other input sources are live */
  char note[512];        /* what the reader accepted but the user should know ("" if nothing):
                            a recording cut short (no end marker, a torn last line) */
} player_t;

/* Reads and validates a recording (a regular file of at most RECORD_MAX_BYTES), in either form;
 * errors name the line or the event and the field. A recording cut short by a kill (no end
 * marker, a last line without its newline) is read up to its last whole line, with p->note
 * saying so. */
bool player_load(player_t *p, const char *path, char *err, size_t errlen);
void player_free(player_t *p);
/* Queues every recorded input due by t (scene_load paths get the engine's ids). */
void player_feed(player_t *p, engine_t *e, uint32_t t);
/* Time of the next input not yet fed; false if none is left. */
bool player_next_time(const player_t *p, uint32_t *t);
/* engine_tap_fn: compares encoder batches with the recording (when p->check). */
void player_tap(void *ctx, const sim_event_t *ev);
/* After a replay up to end_t: mismatches plus expected batches by end_t that never came. */
uint32_t player_divergence(const player_t *p, uint32_t end_t);

#endif
