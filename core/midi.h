/* SPDX-License-Identifier: MIT */
/* midi.h: the MIDI hub a net's MIDI ops reach through net_midi(): subscription lists of MIDI
 * input ops per message kind (as bees' net_midi: note, CC, program, real-time; the newest
 * subscriber is called first), the parser/dispatcher for incoming 3-byte messages, and the
 * MIDI output path (services midi_send). Owns the hub's lists; the hub struct itself is
 * allocated by whoever attaches it (simulator, test, firmware), and must outlive its attachment.
 *
 * Lifecycle: a class with OP_FLAG_MIDI_IN starts its instance struct with a midi_op_t and calls
 * midi_op_init() from init and midi_op_deinit() from deinit. An op subscribes when it is created
 * while a hub is attached; ops created before a hub is attached are subscribed by
 * midi_hub_attach(), or lazily by the first midi_hub_receive() after net_attach_midi(). Removing
 * an op unsubscribes it, so the hub never holds a pointer to a removed op. One hub serves one net.
 * Everything runs in the caller's context. */
#ifndef ALEPH_MIDI_H
#define ALEPH_MIDI_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"
#include "op.h"

/* bees' pitch-bend centre (14-bit bend value that means "no bend"). */
#define MIDI_BEND_ZERO 0x2000

/* The subscription lists (bees keeps one per group of message kinds). */
typedef enum {
  MIDI_LIST_NOTE,     /* note on, note off, pitch bend, channel pressure */
  MIDI_LIST_CC,       /* control change */
  MIDI_LIST_PROGRAM,  /* program change */
  MIDI_LIST_REALTIME, /* clock tick, start, continue, stop */
  MIDI_LIST_COUNT
} midi_list_t;

/* What a MIDI input class handles. Channels are 0-based (0..15). NULL handlers are skipped. */
typedef struct {
  midi_list_t list;
  void (*note_on)(op_t *op, uint8_t ch, uint8_t num, uint8_t vel);
  void (*note_off)(op_t *op, uint8_t ch, uint8_t num, uint8_t vel);
  void (*channel_pressure)(op_t *op, uint8_t ch, uint8_t val);
  void (*pitch_bend)(op_t *op, uint8_t ch, uint16_t bend); /* 14-bit, MIDI_BEND_ZERO = centre */
  void (*control_change)(op_t *op, uint8_t ch, uint8_t num, uint8_t val);
  void (*program_change)(op_t *op, uint8_t ch, uint8_t num);
  void (*clock_tick)(op_t *op);
  void (*seq_start)(op_t *op);
  void (*seq_continue)(op_t *op);
  void (*seq_stop)(op_t *op);
} midi_handlers_t;

struct midi_op;

/* An op's subscription (intrusive list link). */
typedef struct {
  struct midi_op *next;
  struct midi_hub *hub; /* the hub this op is linked into; NULL if none */
  const midi_handlers_t *fns;
} midi_sub_t;

/* The first member of every OP_FLAG_MIDI_IN instance struct. */
typedef struct midi_op {
  op_t super;
  midi_sub_t midi;
} midi_op_t;

/* The hub. Initialise with midi_hub_init() before attaching. Fields are the module's. */
struct midi_hub {
  midi_op_t *lists[MIDI_LIST_COUNT];
  net_t *net;         /* the net the lists belong to (NULL: not yet synchronised) */
  uint32_t received;  /* counter: messages given to midi_hub_receive */
  uint32_t ignored;   /* counter: messages of a kind no list handles */
};

void midi_hub_init(struct midi_hub *hub);
/* Attaches hub to net (NULL: detach) and subscribes the net's existing MIDI input ops (in net
 * order, so the last op is called first). A previously attached hub is emptied first. */
void midi_hub_attach(net_t *net, struct midi_hub *hub);
/* Parses one message (status byte, two data bytes; unused data bytes are ignored) as bees'
 * midi_packet_parse does and dispatches it to the subscribed ops of the hub attached to net.
 * No hub attached: nothing happens. Note-on with velocity 0 is a note-off. Channel messages
 * 0x8n 0x9n 0xBn 0xCn 0xDn 0xEn and real-time 0xF8 0xFA 0xFB 0xFC are handled; others ignored. */
void midi_hub_receive(net_t *net, uint8_t status, uint8_t data1, uint8_t data2);
/* Number of ops on a list (for tests and the UI). */
uint16_t midi_hub_subscribers(const struct midi_hub *hub, midi_list_t list);
/* The op at position n of a list (0 = called first), or NULL. */
op_t *midi_hub_subscriber(const struct midi_hub *hub, midi_list_t list, uint16_t n);

/* ---- for op classes ---- */
/* From a MIDI input class's init: records the handlers and subscribes if a hub is attached. */
void midi_op_init(op_t *op, const midi_handlers_t *fns);
/* From its deinit: unsubscribes (safe if never subscribed). */
void midi_op_deinit(op_t *op);
/* Sends a 3-byte message on a USB-MIDI cable through the net's services; dropped if none. */
void midi_op_send(const op_t *op, uint8_t cable, uint8_t status, uint8_t data1, uint8_t data2);

#endif
