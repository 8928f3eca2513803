/* SPDX-License-Identifier: MIT */
/* engine.h: the simulated Aleph minus its window: the host system (arena, pools, net), the one
 * input queue, bees' 50 ms encoder batching, the play log and usage history, the DSP side
 * (audio.h: the scene's module, fed the net's params), advanced by ticks. */
#ifndef ALEPH_SIM_ENGINE_H
#define ALEPH_SIM_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audio.h"
#include "events.h"
#include "history.h"
#include "host_system.h"
#include "hid.h"
#include "midi.h"
#include "op_names.h"
#include "trace.h"
#include "monome.h"
#include "playlog.h"
#include "screen.h"
#include "services.h"
#include "ui.h"

#define ENGINE_ENC_POLL_MS 50u /* bees' encoder accumulator poll */
#define ENGINE_ENC_MAX 127     /* bees hands the batch to the ENC op as a signed byte */
#define ENGINE_TAPS 4u

/* bees' play page: hardware encoder n drives ENC op ENGINE_ENC_OP[n] (1 and 2 swapped; the
 * editor's play mode, core/ui, routes them so). */
extern const uint8_t ENGINE_ENC_OP[4];

/* Hears every event the engine applies (stamped with the tick it was applied at), and every
 * encoder batch it delivers (kind SIM_EV_ENC_BATCH). */
typedef void (*engine_tap_fn)(void *ctx, const sim_event_t *ev);

typedef struct {
  host_system_t sys;
  screen_t screen;         /* the OLED graphics ops draw into (attached to the running net) */
  struct monome monome;    /* the monome device (nothing plugged in until an event says so) */
  struct midi_hub midi;    /* MIDI input ops' subscriptions */
  struct hid_hub hid;      /* HID ops' subscriptions and the frame they read */
  uint8_t hid_report[32];  /* the HID frame being assembled from SIM_EV_HID events */
  op_names_t names;        /* the running net's op names (lib/op_names.h), synced per event */
  ui_names_t ui_names;     /* the editor's view of them (the OPS page) */
  trace_t *trace;          /* --trace: net events to a stream (NULL: none) */
  /* told of every scene file loaded by scene_load_file (command line, OSC, replays): the scene
   * store, so the editor's pages follow (NULL: nobody) */
  void (*on_scene_loaded)(void *ctx, const char *path, const scene_header_t *hdr);
  void *on_scene_loaded_ctx;
  sim_queue_t queue;
  playlog_t log;
  history_t history;
  uint32_t now;            /* virtual ms the net has been advanced to */
  uint32_t next_poll, next_sample;
  int32_t enc_acc[4];      /* detents waiting for the next poll, per hardware encoder */
  int32_t enc_turned[4];   /* detents ever turned, per hardware encoder (the knob's angle) */
  bool sw_down[SIM_SW_COUNT];
  io_t sw_value[6];        /* last value each switch op put out (its LED) */
  uint32_t changes;        /* bumped whenever something visible may have changed */
  uint32_t applied;        /* input events applied */
  uint32_t batches;        /* encoder batches delivered */
  uint32_t rejected;       /* invalid events dropped */
  uint32_t replay_rejected; /* of them, events a replay fed (aleph-sim then exits 1) */
  sim_event_t replay_first_rejected; /* the first of those */
  engine_tap_fn tap[ENGINE_TAPS];
  void *tap_ctx[ENGINE_TAPS];
  char *paths[SIM_PATHS_MAX]; /* scene files named by SIM_EV_SCENE_LOAD events (owned) */
  uint32_t n_paths;
  uint64_t paths_loaded;      /* bit i: path i was loaded by an applied event (recorded) */
  char error[640];            /* why the last refused scene load failed (the codec's text) */
  ui_t ui;                    /* bees' editor: MODE toggles play/edit (core/ui) */
  audio_t *audio;             /* the DSP module the scene names, and its sound */
  bool audio_clock;           /* render on the engine's clock (headless, or no sound card) */
  net_services_t services;    /* param changes -> audio */
  ui_dsp_t dsp;               /* the editor's DSP page -> audio */
  uint8_t ui_px[SCREEN_W * SCREEN_H]; /* the edit page as last drawn */
  uint32_t ui_drawn;          /* `changes` when ui_px was drawn */
} engine_t;

/* Sets up the host system (arena of arena_bytes, carved), the screen and the watch. The net is
 * empty: load a scene (scene_load.h) or the demo (engine_load_demo) next. false with a sentence
 * in err. */
bool engine_init(engine_t *e, size_t arena_bytes, bool virtual_clock, char *err, size_t errlen);
/* As engine_init, with the arena carved by plan (NULL: the shipped plan). */
bool engine_init_plan(engine_t *e, size_t arena_bytes, bool virtual_clock, const arena_plan_t *plan,
                      char *err, size_t errlen);
void engine_free(engine_t *e);
/* The running net (it changes when a scene is swapped in). */
net_t *engine_net(const engine_t *e);
/* Builds the demo network in the slot's spare and swaps it in. */
bool engine_load_demo(engine_t *e, char *err, size_t errlen);
/* After a net was swapped in: clears the play log (bees' play screen starts empty), points
 * the editor at the new net, and starts (or keeps) the DSP module named module (NULL: none)
 * with the new params, saying on stderr what it cannot simulate. */
void engine_loaded(engine_t *e, const char *module);
void engine_add_tap(engine_t *e, engine_tap_fn fn, void *ctx);
/* The id of a scene file path for a SIM_EV_SCENE_LOAD event: the same id for the same file
 * (paths are made absolute when the file exists, so recordings replay from any folder). -1 if
 * SIM_PATHS_MAX different paths were already used or memory ran out. */
int engine_path_id(engine_t *e, const char *path);
/* The path behind an id ("" if there is none). */
const char *engine_path(const engine_t *e, uint16_t id);
/* Forgets id's path if it is the newest and no applied event has loaded it (a load that
 * failed): failed loads do not use up the SIM_PATHS_MAX paths a session records. */
void engine_path_release(engine_t *e, int id);

/* Queues an input event (stamp in ev->t). false if it is invalid or the queue is full. From the
 * simulation thread; another thread (an OSC server's) checks sim_event_valid() and calls
 * sim_queue_push(&e->queue, ...), which is thread-safe. */
bool engine_push(engine_t *e, const sim_event_t *ev);
/* engine_push for an event a replay feeds: if it is refused, here or when applied, it counts in
 * replay_rejected (a replay that does not reproduce its recording fails). */
bool engine_push_replayed(engine_t *e, const sim_event_t *ev);
/* Counts a replayed event that could not even be queued (rejected, replay_rejected). */
void engine_replay_rejected(engine_t *e, const sim_event_t *ev);
/* Advances to virtual time t (>= the current time): every queued event due by t is applied at
 * its stamp, between the timer expiries and encoder polls that come before it; then the net is
 * advanced to t. Any step size gives the same result as 1 ms steps. */
void engine_tick(engine_t *e, uint32_t t);

/* Whether the editor is in edit mode (its page is on the screen), and that page's levels. */
bool engine_edit_mode(const engine_t *e);
const uint8_t *engine_edit_screen(const engine_t *e);

/* Whether graphics ops currently own the screen (bees' opPlay), and the framebuffer
 * (128x64 levels 0..15) to show then; NULL when there is no screen. */
bool engine_gfx_mode(const engine_t *e);
const uint8_t *engine_framebuffer(const engine_t *e);

#endif
