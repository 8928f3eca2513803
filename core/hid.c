/* SPDX-License-Identifier: MIT */
/* hid.c: the HID hub: frame store with dirty flags, subscribed HID ops, dispatch. */
#include "hid.h"

#include "net_devices.h"

void hid_hub_init(struct hid_hub *hub) {
  uint32_t i;
  if (!hub) return;
  for (i = 0; i < HID_FRAME_BYTES; i++) hub->frame[i] = 0;
  hub->dirty = 0xFFFFFFFFu;
  hub->subs = 0;
  hub->net = 0;
  hub->frames = 0;
}

static bool is_hid_op(const op_t *op) { return op && (op->cls->flags & OP_FLAG_HID) != 0; }

static void push(struct hid_hub *hub, hid_op_t *h) {
  h->hid.next = hub->subs;
  hub->subs = h;
  h->hid.hub = hub;
}

static void unlink_op(hid_op_t *h) {
  struct hid_hub *hub = h->hid.hub;
  if (hub) {
    hid_op_t **p = &hub->subs;
    while (*p && *p != h) p = &(*p)->hid.next;
    if (*p) *p = h->hid.next;
  }
  h->hid.next = 0;
  h->hid.hub = 0;
}

static void empty(struct hid_hub *hub) {
  hid_op_t *h = hub->subs;
  while (h) {
    hid_op_t *next = h->hid.next;
    h->hid.next = 0;
    h->hid.hub = 0;
    h = next;
  }
  hub->subs = 0;
  hub->net = 0;
}

/* Makes the list hold exactly net's HID ops if it belonged to another net or none (stale
 * entries are dropped untouched). */
static void sync(struct hid_hub *hub, net_t *net) {
  uint16_t i, n;
  if (hub->net == net) return;
  hub->subs = 0;
  hub->net = net;
  n = net_op_count(net);
  for (i = 0; i < n; i++) {
    op_t *op = net_op(net, i);
    hid_op_t *h;
    if (!is_hid_op(op)) continue;
    h = (hid_op_t *)op;
    if (!h->hid.frame) continue;
    if (h->hid.hub && h->hid.hub != hub) unlink_op(h);
    push(hub, h);
  }
}

void hid_hub_attach(net_t *net, struct hid_hub *hub) {
  struct hid_hub *old;
  if (!net) return;
  old = net_hid(net);
  if (old && old != hub) empty(old);
  net_attach_hid(net, hub);
  if (hub) {
    if (hub != old) hub->net = 0;
    sync(hub, net);
  }
}

void hid_hub_frame(net_t *net, const uint8_t *bytes, uint32_t n) {
  struct hid_hub *hub = net_hid(net);
  hid_op_t *h;
  uint32_t i;
  if (!hub) return;
  sync(hub, net);
  hub->frames++;
  if (!bytes) n = 0;
  if (n > HID_FRAME_BYTES) n = HID_FRAME_BYTES;
  for (i = 0; i < n; i++) {
    if (hub->frame[i] != bytes[i])
      hub->dirty |= 1u << i;
    else
      hub->dirty &= ~(1u << i);
    hub->frame[i] = bytes[i];
  }
  net_event_begin(net); /* one frame, one event */
  for (h = hub->subs; h;) {
    hid_op_t *next = h->hid.next; /* a handler may unsubscribe its own op */
    h->hid.frame(&h->super, hub);
    h = next;
  }
  net_event_end(net);
  hub->dirty = 0;
}

bool hid_hub_byte_dirty(const struct hid_hub *hub, uint8_t i) {
  return hub && (hub->dirty >> (i & HID_FRAME_IDX_MASK)) & 1u;
}

uint8_t hid_hub_byte(const struct hid_hub *hub, uint8_t i) {
  return hub ? hub->frame[i & HID_FRAME_IDX_MASK] : 0;
}

uint16_t hid_hub_subscribers(const struct hid_hub *hub) {
  const hid_op_t *h;
  uint16_t n = 0;
  if (!hub) return 0;
  for (h = hub->subs; h; h = h->hid.next) n++;
  return n;
}

op_t *hid_hub_subscriber(const struct hid_hub *hub, uint16_t n) {
  hid_op_t *h;
  if (!hub) return 0;
  for (h = hub->subs; h && n; h = h->hid.next) n--;
  return h ? &h->super : 0;
}

void hid_op_init(op_t *op, hid_frame_fn frame) {
  hid_sub_t *s;
  struct hid_hub *hub;
  if (!is_hid_op(op) || !frame) return;
  s = &((hid_op_t *)op)->hid;
  s->frame = frame;
  s->next = 0;
  s->hub = 0;
  hub = net_hid(op->net);
  if (!hub) return;
  sync(hub, op->net);
  if (!s->hub) push(hub, (hid_op_t *)op);
}

void hid_op_deinit(op_t *op) {
  if (!is_hid_op(op)) return;
  unlink_op((hid_op_t *)op);
}
