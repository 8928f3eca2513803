/* SPDX-License-Identifier: MIT */
/* events.c: the simulator's input queue: a mutex-guarded ring buffer kept in time order, and
 * the event kinds' names used by recordings. */
#include "events.h"

#include <string.h>

static const char *const kind_names[SIM_EV_KIND_COUNT] = {
    "encoder", "switch", "cv", "input", "enc_batch", "op_add", "op_remove", "connect",
    "grid_key", "arc", "midi", "monome", "scene_load", "hid"};

bool sim_event_valid(const sim_event_t *ev) {
  switch (ev->kind) {
  case SIM_EV_ENCODER: return ev->index < 4;
  case SIM_EV_SWITCH: return ev->index < SIM_SW_COUNT && (ev->value == 0 || ev->value == 1);
  case SIM_EV_CV: return ev->index < 4 && ev->value >= 0 && ev->value <= 4095;
  case SIM_EV_INPUT: return true; /* the net checks the index when it is applied */
  case SIM_EV_ENC_BATCH: return ev->index < 4;
  case SIM_EV_OP_ADD: return ev->value >= 0;
  case SIM_EV_OP_REMOVE: return ev->index != 0xFFFFu;
  case SIM_EV_CONNECT: return ev->value >= -1;
  case SIM_EV_GRID_KEY: return ev->index < 256 && (ev->value == 0 || ev->value == 1);
  case SIM_EV_ARC: return ev->index < 4 && ev->value >= -128 && ev->value <= 127;
  case SIM_EV_MIDI: return (ev->index & 0xFFu) >= 0x80u && (ev->index >> 8) < 128u &&
                           ev->value >= 0 && ev->value < 128;
  case SIM_EV_MONOME: return ev->index <= 2 && ev->value >= 0;
  case SIM_EV_SCENE_LOAD: return ev->index < SIM_PATHS_MAX && ev->value == 0;
  case SIM_EV_HID: return (ev->index & ~SIM_HID_LAST) < 32 && ev->value >= 0 && ev->value <= 255;
  default: return false;
  }
}

const char *sim_event_kind_name(uint8_t kind) {
  return kind < SIM_EV_KIND_COUNT ? kind_names[kind] : "?";
}

bool sim_event_kind_from_name(const char *name, uint8_t *kind) {
  uint8_t k;
  for (k = 0; k < SIM_EV_KIND_COUNT; k++) {
    if (!strcmp(name, kind_names[k])) {
      *kind = k;
      return true;
    }
  }
  return false;
}

void sim_queue_init(sim_queue_t *q) {
  memset(q, 0, sizeof *q);
  pthread_mutex_init(&q->lock, NULL);
}

void sim_queue_destroy(sim_queue_t *q) { pthread_mutex_destroy(&q->lock); }

static sim_event_t *slot(sim_queue_t *q, uint32_t i) {
  return &q->ev[(q->head + i) % SIM_QUEUE_CAP];
}

bool sim_queue_push(sim_queue_t *q, const sim_event_t *ev) {
  uint32_t i;
  pthread_mutex_lock(&q->lock);
  if (q->count >= SIM_QUEUE_CAP) {
    q->dropped++;
    pthread_mutex_unlock(&q->lock);
    return false;
  }
  /* usually appends; a stamp earlier than the tail slides it in (sources may interleave) */
  i = q->count;
  while (i > 0 && slot(q, i - 1u)->t > ev->t) {
    *slot(q, i) = *slot(q, i - 1u);
    i--;
  }
  *slot(q, i) = *ev;
  q->count++;
  pthread_mutex_unlock(&q->lock);
  return true;
}

bool sim_queue_pop_due(sim_queue_t *q, uint32_t t, sim_event_t *out) {
  bool due;
  pthread_mutex_lock(&q->lock);
  due = q->count > 0 && q->ev[q->head].t <= t;
  if (due) {
    *out = q->ev[q->head];
    q->head = (q->head + 1u) % SIM_QUEUE_CAP;
    q->count--;
  }
  pthread_mutex_unlock(&q->lock);
  return due;
}

uint32_t sim_queue_count(sim_queue_t *q) {
  uint32_t n;
  pthread_mutex_lock(&q->lock);
  n = q->count;
  pthread_mutex_unlock(&q->lock);
  return n;
}
