/* SPDX-License-Identifier: MIT */
/* osc_apply.c: the network edits, scene loads and device events OSC brings (and replays bring
 * back), applied to the running net in the simulation thread. */
#include "osc_apply.h"

#include <stdio.h>

#include "hid.h"
#include "midi.h"
#include "monome.h"
#include "op_catalog.h"
#include "scene_load.h"

static net_status_t last_status; /* simulation thread only */

net_status_t osc_apply_last_status(void) { return last_status; }

static bool net_ok(net_status_t st) {
  last_status = st;
  return st == NET_OK;
}

bool osc_apply_event(engine_t *e, const sim_event_t *ev) {
  net_t *net = engine_net(e);
  last_status = NET_OK;
  switch (ev->kind) {
  case SIM_EV_OP_ADD: {
    const op_class_t *cls = op_class_by_id((uint32_t)ev->value);
    if (!cls) return net_ok(NET_ERR_UNKNOWN_CLASS);
    /* refused while there is still room to load the scene again (a switch holds two) */
    if (!net_ok(net_room_for_op(net, cls->id))) return false;
    return net_ok(net_add_op(net, cls->id, ev->index, NULL));
  }
  case SIM_EV_OP_REMOVE:
    return net_ok(net_remove_op(net, ev->index));
  case SIM_EV_CONNECT:
    if (ev->value < 0) return net_ok(net_disconnect(net, ev->index));
    return net_ok(net_connect(net, ev->index, ev->value));
  case SIM_EV_GRID_KEY: {
    monome_status_t st = monome_grid_key(net, (uint8_t)(ev->index & 15u),
                                         (uint8_t)(ev->index >> 4), (uint8_t)ev->value);
    return st == MONOME_OK || st == MONOME_ERR_NO_FOCUS; /* dropped without focus, as bees */
  }
  case SIM_EV_ARC: {
    monome_status_t st = monome_arc_delta(net, (uint8_t)ev->index, (int8_t)ev->value);
    return st == MONOME_OK || st == MONOME_ERR_NO_FOCUS;
  }
  case SIM_EV_MIDI:
    midi_hub_receive(net, (uint8_t)(ev->index & 0xFFu), (uint8_t)(ev->index >> 8),
                     (uint8_t)ev->value);
    return true;
  case SIM_EV_SCENE_LOAD:
    if (ev->index >= e->n_paths) {
      snprintf(e->error, sizeof e->error, "no scene path %u", (unsigned)ev->index);
      return false;
    }
    return scene_load_file(e, engine_path(e, ev->index), e->error, sizeof e->error);
  case SIM_EV_HID:
    e->hid_report[ev->index & 31u] = (uint8_t)ev->value;
    if (ev->index & SIM_HID_LAST) hid_hub_frame(net, e->hid_report, sizeof e->hid_report);
    return true;
  case SIM_EV_MONOME:
    return monome_connect(&e->monome, (monome_kind_t)ev->index, (uint8_t)(ev->value & 0xFF),
                          (uint8_t)((uint16_t)ev->value >> 8)) == MONOME_OK;
  default:
    return false;
  }
}
