/* SPDX-License-Identifier: MIT */
/* devices.c: opens, pumps and closes the real devices the options ask for (devices.h). */
#include "devices.h"

#include <stdio.h>
#include <stdlib.h>

#include "gamepad.h"
#include "midi_ports.h"
#include "serialosc.h"

struct sim_devices {
  serialosc_t *monome;
  midi_ports_t *midi;
  gamepads_t *pads;
};

bool devices_start(sim_devices_t **out, engine_t *e, const sim_options_t *opt, char *err,
                   size_t errlen) {
  sim_devices_t *d;
  *out = NULL;
  if (!opt->grid && !opt->arc && !opt->midi && !opt->gamepad) return true;
  d = calloc(1, sizeof *d);
  if (!d) {
    snprintf(err, errlen, "out of memory");
    return false;
  }
  if (opt->grid || opt->arc) {
    serialosc_config_t cfg = {.grid = opt->grid, .arc = opt->arc, .grid_id = opt->grid_id,
                              .arc_id = opt->arc_id, .daemon_port = opt->serialosc_port};
    d->monome = serialosc_start(e, &cfg, err, errlen);
    if (!d->monome) {
      devices_stop(d);
      return false;
    }
  }
  if (opt->midi) {
    midi_ports_config_t cfg = {.in = opt->midi_in, .out = opt->midi_out};
    d->midi = midi_ports_open(e, &cfg, err, errlen);
    if (!d->midi) {
      devices_stop(d);
      return false;
    }
  }
  if (opt->gamepad && !(d->pads = gamepads_open(e, err, errlen))) {
    devices_stop(d);
    return false;
  }
  *out = d;
  return true;
}

void devices_pump(sim_devices_t *d) {
  if (!d) return;
  serialosc_pump(d->monome);
  midi_ports_pump(d->midi);
  gamepads_pump(d->pads);
}

bool devices_active(const sim_devices_t *d) { return d != NULL; }

void devices_stop(sim_devices_t *d) {
  if (!d) return;
  gamepads_close(d->pads);
  midi_ports_close(d->midi); /* the net's services are unhooked in the reverse order */
  serialosc_stop(d->monome);
  free(d);
}
