/* SPDX-License-Identifier: MIT */
/* events.h: the simulator's one input queue. Every change from outside the net (panel, replay,
 * OSC) is an event stamped with virtual ms; the engine applies them in time order at a tick. */
#ifndef ALEPH_SIM_EVENTS_H
#define ALEPH_SIM_EVENTS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum {
  SIM_EV_ENCODER,   /* index: hardware encoder 0..3; value: detents turned (before batching) */
  SIM_EV_SWITCH,    /* index: SIM_SW_*; value: 1 pressed, 0 released */
  SIM_EV_CV,        /* index: CV input 0..3; value: 12-bit level 0..4095 */
  SIM_EV_INPUT,     /* index: global input (params after op inputs); value: what to set
                       (net_activate, as bees' serial/OSC input setting does) */
  SIM_EV_ENC_BATCH, /* derived, never queued: the 50 ms encoder poll delivered value detents
                       to ENC op `index` (recorded, and checked on replay) */
  /* network edits and devices (OSC; applied by sim/osc_apply.c) */
  SIM_EV_OP_ADD,    /* index: position (0xFFFF: append); value: class id */
  SIM_EV_OP_REMOVE, /* index: op index */
  SIM_EV_CONNECT,   /* index: global output; value: global target (params after inputs), -1 none */
  SIM_EV_GRID_KEY,  /* index: x + 16 y; value: 1 pressed, 0 lifted */
  SIM_EV_ARC,       /* index: ring 0..3; value: delta -128..127 */
  SIM_EV_MIDI,      /* index: status | data1 << 8; value: data2 */
  SIM_EV_MONOME,    /* index: monome_kind_t; value: cols | rows << 8 (arc: rings) */
  SIM_EV_SCENE_LOAD,/* index: a path id (engine_path_id); value: 0. Loads a scene file into
                       the slot's spare and swaps it in (recordings carry the path itself) */
  SIM_EV_HID,       /* index: HID frame byte 0..31, | SIM_HID_LAST on a report's last change
                       (the frame then goes to the HID ops); value: the byte 0..255 */
  SIM_EV_KIND_COUNT
} sim_event_kind_t;

#define SIM_HID_LAST 0x100u
#define SIM_PATHS_MAX 64u /* distinct scene paths one session can load by event */

/* Switch indices: the four function keys, the footswitches, MODE. 0..5 match net_switch(). */
enum { SIM_SW_F0 = 0, SIM_SW_FS1 = 4, SIM_SW_FS2 = 5, SIM_SW_MODE = 6, SIM_SW_COUNT = 7 };

typedef struct {
  uint32_t t;    /* virtual ms at which it happens */
  uint8_t kind;  /* sim_event_kind_t */
  uint8_t replayed; /* 1: fed by a replay (engine_push_replayed); set by the engine's push */
  uint16_t index;
  int16_t value;
} sim_event_t;

/* True if the event names a real control with a sensible value. */
bool sim_event_valid(const sim_event_t *ev);
/* "encoder", "switch", "cv", "input", "enc_batch"; and back (false if unknown). */
const char *sim_event_kind_name(uint8_t kind);
bool sim_event_kind_from_name(const char *name, uint8_t *kind);

#define SIM_QUEUE_CAP 1024u

/* A bounded queue kept in time order (equal stamps keep push order). Producers may be other
 * threads (an OSC server's); the simulation loop is the one consumer. */
typedef struct {
  pthread_mutex_t lock;
  sim_event_t ev[SIM_QUEUE_CAP];
  uint32_t head, count;
  uint32_t dropped; /* pushes refused because the queue was full */
} sim_queue_t;

void sim_queue_init(sim_queue_t *q);
void sim_queue_destroy(sim_queue_t *q);
/* Inserts ev after every queued event with t <= ev->t. False (and dropped++) if full. */
bool sim_queue_push(sim_queue_t *q, const sim_event_t *ev);
/* The earliest event, if any is due by t (its stamp <= t); removes it into *out. */
bool sim_queue_pop_due(sim_queue_t *q, uint32_t t, sim_event_t *out);
uint32_t sim_queue_count(sim_queue_t *q);

#endif
