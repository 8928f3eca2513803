/* SPDX-License-Identifier: MIT */
/* osc_apply.h: applying the event kinds that edit the network or drive devices (op add/remove,
 * connect, monome grid/arc, MIDI in, monome plug-in) on the simulation thread. The engine calls it
 * for every kind it does not handle itself, live and on replay, so OSC runs replay exactly. */
#ifndef ALEPH_SIM_OSC_APPLY_H
#define ALEPH_SIM_OSC_APPLY_H

#include <stdbool.h>

#include "engine.h"
#include "net.h"

/* Applies ev to the engine's running net and devices. false if it was refused (nothing changed);
 * osc_apply_last_status() then says why when the net refused it. */
bool osc_apply_event(engine_t *e, const sim_event_t *ev);
/* The net status of the last refused edit (NET_OK if the refusal was not the net's). */
net_status_t osc_apply_last_status(void);

#endif
