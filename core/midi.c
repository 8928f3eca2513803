/* SPDX-License-Identifier: MIT */
/* midi.c: the MIDI hub: subscription lists, message parsing and dispatch, MIDI output. */
#include "midi.h"

#include "net_devices.h"
#include "services.h"

void midi_hub_init(struct midi_hub *hub) {
  uint8_t i;
  if (!hub) return;
  for (i = 0; i < MIDI_LIST_COUNT; i++) hub->lists[i] = 0;
  hub->net = 0;
  hub->received = 0;
  hub->ignored = 0;
}

static midi_sub_t *sub_of(op_t *op) { return &((midi_op_t *)op)->midi; }

static bool is_midi_op(const op_t *op) {
  return op && (op->cls->flags & OP_FLAG_MIDI_IN) != 0;
}

static void push(struct midi_hub *hub, midi_op_t *m) {
  midi_list_t l = m->midi.fns->list;
  m->midi.next = hub->lists[l];
  hub->lists[l] = m;
  m->midi.hub = hub;
}

/* Removes m from its hub's list (if it is there) and clears its link. */
static void unlink_op(midi_op_t *m) {
  struct midi_hub *hub = m->midi.hub;
  if (hub) {
    midi_op_t **p = &hub->lists[m->midi.fns->list];
    while (*p && *p != m) p = &(*p)->midi.next;
    if (*p) *p = m->midi.next;
  }
  m->midi.next = 0;
  m->midi.hub = 0;
}

/* Empties every list, clearing the links of the ops on them. */
static void empty(struct midi_hub *hub) {
  uint8_t l;
  for (l = 0; l < MIDI_LIST_COUNT; l++) {
    midi_op_t *m = hub->lists[l];
    while (m) {
      midi_op_t *next = m->midi.next;
      m->midi.next = 0;
      m->midi.hub = 0;
      m = next;
    }
    hub->lists[l] = 0;
  }
  hub->net = 0;
}

/* Makes hub's lists hold exactly net's MIDI input ops, if they belong to another net or none.
 * Stale entries (ops of a net the hub served before) are dropped without being touched. */
static void sync(struct midi_hub *hub, net_t *net) {
  uint16_t i, n;
  uint8_t l;
  if (hub->net == net) return;
  for (l = 0; l < MIDI_LIST_COUNT; l++) hub->lists[l] = 0;
  hub->net = net;
  n = net_op_count(net);
  for (i = 0; i < n; i++) {
    op_t *op = net_op(net, i);
    midi_op_t *m;
    if (!is_midi_op(op)) continue;
    m = (midi_op_t *)op;
    if (!m->midi.fns) continue; /* not yet initialised */
    if (m->midi.hub && m->midi.hub != hub) unlink_op(m);
    push(hub, m);
  }
}

void midi_hub_attach(net_t *net, struct midi_hub *hub) {
  struct midi_hub *old;
  if (!net) return;
  old = net_midi(net);
  if (old && old != hub) empty(old);
  net_attach_midi(net, hub);
  if (hub) {
    if (hub != old) hub->net = 0; /* force a fresh subscription of net's ops */
    sync(hub, net);
  }
}

uint16_t midi_hub_subscribers(const struct midi_hub *hub, midi_list_t list) {
  const midi_op_t *m;
  uint16_t n = 0;
  if (!hub || (unsigned)list >= MIDI_LIST_COUNT) return 0;
  for (m = hub->lists[list]; m; m = m->midi.next) n++;
  return n;
}

op_t *midi_hub_subscriber(const struct midi_hub *hub, midi_list_t list, uint16_t n) {
  midi_op_t *m;
  if (!hub || (unsigned)list >= MIDI_LIST_COUNT) return 0;
  for (m = hub->lists[list]; m && n; m = m->midi.next) n--;
  return m ? &m->super : 0;
}

/* ---- dispatch ---- */

typedef enum {
  EV_NOTE_ON, EV_NOTE_OFF, EV_PRESSURE, EV_BEND, EV_CC, EV_PROGRAM,
  EV_TICK, EV_START, EV_CONTINUE, EV_STOP
} midi_ev_t;

/* Calls the event's handler of every op on the list, newest first. The next link is read before
 * each call so a handler may unsubscribe its own op. */
static void dispatch(struct midi_hub *hub, midi_list_t list, midi_ev_t ev, uint8_t ch,
                     uint8_t a, uint8_t b, uint16_t bend) {
  midi_op_t *m = hub->lists[list];
  while (m) {
    midi_op_t *next = m->midi.next;
    const midi_handlers_t *f = m->midi.fns;
    op_t *op = &m->super;
    switch (ev) {
      case EV_NOTE_ON: if (f->note_on) f->note_on(op, ch, a, b); break;
      case EV_NOTE_OFF: if (f->note_off) f->note_off(op, ch, a, b); break;
      case EV_PRESSURE: if (f->channel_pressure) f->channel_pressure(op, ch, a); break;
      case EV_BEND: if (f->pitch_bend) f->pitch_bend(op, ch, bend); break;
      case EV_CC: if (f->control_change) f->control_change(op, ch, a, b); break;
      case EV_PROGRAM: if (f->program_change) f->program_change(op, ch, a); break;
      case EV_TICK: if (f->clock_tick) f->clock_tick(op); break;
      case EV_START: if (f->seq_start) f->seq_start(op); break;
      case EV_CONTINUE: if (f->seq_continue) f->seq_continue(op); break;
      case EV_STOP: if (f->seq_stop) f->seq_stop(op); break;
    }
    m = next;
  }
}

void midi_hub_receive(net_t *net, uint8_t status, uint8_t data1, uint8_t data2) {
  struct midi_hub *hub = net_midi(net);
  uint8_t ch = (uint8_t)(status & 0x0Fu);
  if (!hub) return;
  sync(hub, net);
  hub->received++;
  net_event_begin(net); /* one MIDI message, one event */
  switch (status >> 4) {
    case 0x9:
      /* velocity 0 is a note-off (MIDI running-status convention) */
      dispatch(hub, MIDI_LIST_NOTE, data2 ? EV_NOTE_ON : EV_NOTE_OFF, ch, data1, data2, 0);
      break;
    case 0x8: dispatch(hub, MIDI_LIST_NOTE, EV_NOTE_OFF, ch, data1, data2, 0); break;
    case 0xD: dispatch(hub, MIDI_LIST_NOTE, EV_PRESSURE, ch, (uint8_t)(data1 & 0x7Fu), 0, 0); break;
    case 0xE:
      /* bees combines LSB | MSB << 7 without masking either byte */
      dispatch(hub, MIDI_LIST_NOTE, EV_BEND, ch, 0, 0,
               (uint16_t)((uint16_t)data1 | (uint16_t)((uint16_t)data2 << 7)));
      break;
    case 0xB: dispatch(hub, MIDI_LIST_CC, EV_CC, ch, data1, data2, 0); break;
    case 0xC: dispatch(hub, MIDI_LIST_PROGRAM, EV_PROGRAM, ch, data1, 0, 0); break;
    case 0xF:
      switch (ch) {
        case 0x8: dispatch(hub, MIDI_LIST_REALTIME, EV_TICK, 0, 0, 0, 0); break;
        case 0xA: dispatch(hub, MIDI_LIST_REALTIME, EV_START, 0, 0, 0, 0); break;
        case 0xB: dispatch(hub, MIDI_LIST_REALTIME, EV_CONTINUE, 0, 0, 0, 0); break;
        case 0xC: dispatch(hub, MIDI_LIST_REALTIME, EV_STOP, 0, 0, 0, 0); break;
        default: hub->ignored++; break;
      }
      break;
    default: hub->ignored++; break; /* poly pressure, stray data bytes */
  }
  net_event_end(net);
}

/* ---- op side ---- */

void midi_op_init(op_t *op, const midi_handlers_t *fns) {
  midi_sub_t *s;
  struct midi_hub *hub;
  if (!is_midi_op(op) || !fns) return;
  s = sub_of(op);
  s->fns = fns;
  s->next = 0;
  s->hub = 0;
  hub = net_midi(op->net);
  if (!hub) return; /* nothing plugged in: subscribed when a hub is attached */
  sync(hub, op->net); /* may already subscribe this op */
  if (!s->hub) push(hub, (midi_op_t *)op);
}

void midi_op_deinit(op_t *op) {
  if (!is_midi_op(op)) return;
  unlink_op((midi_op_t *)op);
}

void midi_op_send(const op_t *op, uint8_t cable, uint8_t status, uint8_t data1, uint8_t data2) {
  const net_services_t *s;
  if (!op) return;
  s = net_services(op->net);
  if (s && s->midi_send) s->midi_send(s->ctx, cable, status, data1, data2);
}
