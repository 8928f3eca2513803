/* SPDX-License-Identifier: MIT */
/* devices.h: the real devices a session drives the simulation with, as the command line asks:
 * a monome grid and arc through serialosc (--grid, --arc), MIDI ports (--midi-in, --midi-out)
 * and game controllers (HID). Started once the engine runs, pumped after every engine_tick on
 * the simulation thread, stopped before the engine is freed. */
#ifndef ALEPH_SIM_DEVICES_H
#define ALEPH_SIM_DEVICES_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"
#include "options.h"

typedef struct sim_devices sim_devices_t;

/* The devices the options ask for; *out NULL (and true) when they ask for none. false with a
 * sentence in err when one cannot be opened. */
bool devices_start(sim_devices_t **out, engine_t *e, const sim_options_t *opt, char *err,
                   size_t errlen);
/* Handles what the devices sent and sends them what changed. NULL: nothing. */
void devices_pump(sim_devices_t *d);
/* true while devices are open: the session then runs in real time. */
bool devices_active(const sim_devices_t *d);
void devices_stop(sim_devices_t *d);

#endif
