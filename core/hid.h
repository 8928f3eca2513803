/* SPDX-License-Identifier: MIT */
/* hid.h: the HID hub a net's HID ops reach through net_hid(): bees' 32-byte HID frame with a
 * dirty flag per byte, and the list of subscribed HID ops (newest first, as bees' net_hid).
 * hid_hub_frame() stores a device report, marks the bytes that changed, lets every subscribed op
 * read the frame, then clears the dirty flags.
 * Differs from bees: bees stores reports from the USB driver and dispatches them to the ops from
 * a 20 ms timer interrupt; here each frame is dispatched when it is given, from the caller's
 * context (so reports between polls are never merged and nothing runs from an interrupt).
 *
 * Lifecycle (as midi.h): a class with OP_FLAG_HID starts its instance struct with a hid_op_t and
 * calls hid_op_init()/hid_op_deinit(); ops created before a hub is attached are subscribed by
 * hid_hub_attach() or lazily by the next hid_hub_frame(). The hub is allocated by whoever
 * attaches it and must outlive its attachment. One hub serves one net. */
#ifndef ALEPH_HID_H
#define ALEPH_HID_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"
#include "op.h"

#define HID_FRAME_BYTES 32u
#define HID_FRAME_IDX_MASK 31u

struct hid_hub;
struct hid_op;

/* Called for every subscribed op after a frame was stored. */
typedef void (*hid_frame_fn)(op_t *op, const struct hid_hub *hub);

typedef struct {
  struct hid_op *next;
  struct hid_hub *hub; /* the hub this op is linked into; NULL if none */
  hid_frame_fn frame;
} hid_sub_t;

/* The first member of every OP_FLAG_HID instance struct. */
typedef struct hid_op {
  op_t super;
  hid_sub_t hid;
} hid_op_t;

struct hid_hub {
  uint8_t frame[HID_FRAME_BYTES];
  uint32_t dirty;    /* bit i: byte i changed since the last dispatch */
  hid_op_t *subs;    /* newest first */
  net_t *net;        /* the net the list belongs to (NULL: not yet synchronised) */
  uint32_t frames;   /* counter: frames given to hid_hub_frame */
};

/* Zero frame, every byte dirty (as bees starts: the first report fires every op). */
void hid_hub_init(struct hid_hub *hub);
/* Attaches hub to net (NULL: detach), subscribing the net's existing HID ops. */
void hid_hub_attach(net_t *net, struct hid_hub *hub);
/* Stores a report of n bytes (at most 32 are used; bytes beyond n keep their value and flag),
 * dispatches it to the subscribed ops and clears the dirty flags. No hub attached: nothing. */
void hid_hub_frame(net_t *net, const uint8_t *bytes, uint32_t n);
/* Frame accessors (index masked to 0..31). */
bool hid_hub_byte_dirty(const struct hid_hub *hub, uint8_t i);
uint8_t hid_hub_byte(const struct hid_hub *hub, uint8_t i);
uint16_t hid_hub_subscribers(const struct hid_hub *hub);
op_t *hid_hub_subscriber(const struct hid_hub *hub, uint16_t n);

/* ---- for op classes ---- */
void hid_op_init(op_t *op, hid_frame_fn frame);
void hid_op_deinit(op_t *op);

#endif
