/* record.h: recording every input event the engine applies (with its virtual ms) to a JSON file,
 * and replaying such a file into the engine's queue, checking the encoder batches it reproduces. */
#ifndef ALEPH_SIM_RECORD_H
#define ALEPH_SIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"

#define RECORD_FORMAT "aleph-sim events"
#define RECORD_VERSION 1

/* Writes as it goes (one event per line), so long sessions cost no memory. */
typedef struct {
  FILE *f;
  char *path;
  const engine_t *engine; /* names the scene files of scene_load events */
  uint32_t count;
} recorder_t;

/* Opens path for writing and writes the header (scene: file name or "demo"). Events come from e. */
bool recorder_open(recorder_t *r, const engine_t *e, const char *path, const char *scene,
                   size_t arena_bytes, char *err, size_t errlen);
/* engine_tap_fn: appends the event (inputs and encoder batches; a scene_load with its path). */
void recorder_tap(void *ctx, const sim_event_t *ev);
/* Appends the end marker at virtual time end_t and closes. false if writing failed. */
bool recorder_close(recorder_t *r, uint32_t end_t, char *err, size_t errlen);

typedef struct {
  sim_event_t *inputs;   /* to feed, in file order */
  uint32_t n_inputs, next_input;
  char **paths;          /* scene_load events' files (an input's index names one) */
  uint32_t n_paths;
  sim_event_t *batches;  /* expected encoder batches */
  uint32_t n_batches, next_batch;
  uint32_t end_t;        /* the end marker's time */
  char scene[512];       /* as recorded ("" if none) */
  size_t arena_bytes;    /* as recorded (0 if none) */
  uint32_t mismatches;   /* batches that differ from the recording */
  bool check;            /* compare batches: on if the file has any (a recording, not a
                            hand-written script); off when other input sources are live */
} player_t;

/* Reads and validates a recording; errors name the event. */
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
