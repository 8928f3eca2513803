/* SPDX-License-Identifier: MIT */
/* scene_slot.c: two nets on one pool, so that a scene is built in the spare and swapped in
 * only when complete and consistent; a failed load leaves the running net as it was. */
#include "hid.h"
#include "midi.h"
#include "net_devices.h"
#include "op_timer.h"
#include "scene.h"
#include "scene_internal.h"
#include "services.h"
#include "strbuf.h"

static uint32_t align8(uint32_t v) { return (v + 7u) & ~7u; }

uint32_t scene_slot_region_size(const net_limits_t *limits) {
  uint32_t one = net_region_size(limits);
  return one ? 2u * align8(one) : 0;
}

net_status_t scene_slot_init(scene_slot_t *slot, void *region, uint32_t size,
                             const net_limits_t *limits, pool_t *pool,
                             const platform_t *platform) {
  uint32_t one = align8(net_region_size(limits));
  net_status_t st;
  if (!slot || !region || !limits || !pool) return NET_ERR_NULL_ARG;
  slot->nets[0] = slot->nets[1] = 0;
  slot->active = 0;
  slot->watch = 0;
  slot->watch_ctx = 0;
  if (!one) return NET_ERR_BAD_LIMITS;
  if (size < 2u * one) return NET_ERR_REGION_TOO_SMALL;
  st = net_init(region, one, limits, pool, platform, &slot->nets[0]);
  if (st != NET_OK) return st;
  return net_init((uint8_t *)region + one, one, limits, pool, platform, &slot->nets[1]);
}

net_t *scene_slot_net(const scene_slot_t *slot) { return slot ? slot->nets[slot->active] : 0; }

void scene_slot_set_watch(scene_slot_t *slot, net_watch_fn fn, void *ctx) {
  if (!slot) return;
  slot->watch = fn;
  slot->watch_ctx = ctx;
  net_set_watch(slot->nets[slot->active], fn, ctx);
}

net_t *scene_slot_spare(scene_slot_t *slot) {
  net_t *spare;
  if (!slot) return 0;
  spare = slot->nets[slot->active ^ 1u];
  net_clear(spare);
  /* While it is built, the spare reaches no device a failed load could disturb: no services
   * (DSP, MIDI out), no monome (focus), no MIDI/HID hub (subscriptions). The screen is attached:
   * graphics ops take its graphics-mode count and give it back if the load fails. */
  net_set_watch(spare, 0, 0);
  net_set_services(spare, 0);
  net_attach_screen(spare, net_screen(slot->nets[slot->active]));
  net_attach_monome(spare, 0);
  net_attach_midi(spare, 0);
  net_attach_hid(spare, 0);
  net_advance(spare, net_now(slot->nets[slot->active]));
  return spare;
}

void scene_slot_discard(scene_slot_t *slot) {
  if (slot) net_clear(slot->nets[slot->active ^ 1u]);
}

/* Grid and arc ops whose FOCUS is on take focus now, in net order, as bees' loader lets each
 * op's unpickle do (so the last one holds it and the earlier ones' FOCUS turns 0). */
static void refocus(net_t *net) {
  uint16_t i, n = net_op_count(net);
  uint8_t k;
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    if (!(op->cls->flags & (OP_FLAG_GRID | OP_FLAG_ARC))) continue;
    for (k = 0; k < op->cls->num_ins; k++)
      if (str_eq(op->cls->in_names[k], "FOCUS") && op->in[k] > 0)
        net_activate(net, (uint16_t)(op->first_in + k), 1);
  }
}

/* bees sends every parameter to the DSP after a scene load. */
static void send_params(const net_t *net) {
  const net_services_t *s = net_services(net);
  uint16_t j;
  if (!s || !s->param_changed) return;
  for (j = 0; j < net_param_count(net); j++) s->param_changed(s->ctx, j, net_param(net, j)->value);
}

scene_status_t scene_slot_commit(scene_slot_t *slot, scene_error_t *err) {
  net_t *old, *nw;
  scene_error_t elocal;
  strbuf_t sb;
  if (!err) err = &elocal;
  scene_err_ok(err);
  if (!slot) {
    scene_err_begin(err, SCENE_ERR_NULL_ARG, SCENE_NO_OFFSET, SCENE_LAYOUT_AUTO, &sb);
    sb_str(&sb, "no slot");
    return SCENE_ERR_NULL_ARG;
  }
  old = slot->nets[slot->active];
  nw = slot->nets[slot->active ^ 1u];
  if (net_check(nw) != NET_OK) {
    net_clear(nw);
    scene_err_begin(err, SCENE_ERR_NET, SCENE_NO_OFFSET, SCENE_LAYOUT_AUTO, &sb);
    sb_str(&sb, "the new network failed its consistency check; the running one is kept");
    return SCENE_ERR_NET;
  }
  /* the old net releases its ops (and with them any focus, subscription or timer) first */
  net_clear(old);
  net_set_watch(old, 0, 0);
  net_set_services(nw, net_services(old));
  net_attach_screen(nw, net_screen(old));
  if (net_midi(old)) {
    struct midi_hub *hub = net_midi(old);
    net_attach_midi(old, 0);
    midi_hub_attach(nw, hub);
  }
  if (net_hid(old)) {
    struct hid_hub *hub = net_hid(old);
    net_attach_hid(old, 0);
    hid_hub_attach(nw, hub);
  }
  net_event_begin(nw);
  if (net_monome(old)) {
    net_attach_monome(nw, net_monome(old));
    net_attach_monome(old, 0);
    refocus(nw);
  }
  send_params(nw);
  net_event_end(nw);
  net_set_watch(nw, slot->watch, slot->watch_ctx);
  slot->active ^= 1u;
  return SCENE_OK;
}

scene_status_t scene_slot_load(scene_slot_t *slot, const uint8_t *buf, uint32_t len,
                               scene_layout_t layout, scene_header_t *hdr, scene_error_t *err) {
  scene_status_t st;
  net_t *spare = scene_slot_spare(slot);
  if (!spare) {
    scene_error_t elocal;
    strbuf_t sb;
    if (!err) err = &elocal;
    scene_err_begin(err, SCENE_ERR_NULL_ARG, SCENE_NO_OFFSET, layout, &sb);
    sb_str(&sb, "no slot");
    return SCENE_ERR_NULL_ARG;
  }
  net_event_begin(spare); /* a load is one event: what its ops fire shares one budget */
  st = scene_decode(spare, buf, len, layout, hdr, err);
  net_event_end(spare);
  if (st != SCENE_OK) return st; /* scene_decode left the spare empty */
  return scene_slot_commit(slot, err);
}
