/* SPDX-License-Identifier: MIT */
/* serialosc.h: aleph-sim as a serialosc client, so a real monome grid and arc drive the GRID and
 * ARC ops. It asks serialoscd (UDP 12002) for its devices (/serialosc/list) and for news of
 * plugging (/serialosc/notify, asked again after each), claims the first grid and the first arc
 * listed (or the ones named by id) with /sys/port, /sys/host and /sys/prefix, learns a grid's
 * size from /sys/info, turns keys and ring turns into engine events (so they record and replay),
 * and sends LEDs as serialosc's level messages, only what changed (monome_leds.h). A device
 * unplugged is unplugged in the simulation; plugged in again, it is claimed again and gets every
 * LED. Everything runs on the simulation thread, from serialosc_pump (no thread of its own). */
#ifndef ALEPH_SIM_SERIALOSC_H
#define ALEPH_SIM_SERIALOSC_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

#define SERIALOSC_PORT 12002
#define SERIALOSC_GRID_PREFIX "/aleph-sim-grid" /* the prefixes claimed devices are given */
#define SERIALOSC_ARC_PREFIX "/aleph-sim-arc"

typedef struct {
  bool grid, arc;          /* which kinds to claim */
  const char *grid_id;     /* NULL: the first grid listed; else its serial (e.g. m1000010) */
  const char *arc_id;
  int daemon_port;         /* serialoscd's port (SERIALOSC_PORT; tests run a fake elsewhere) */
  bool quiet;              /* no status lines on stderr */
} serialosc_config_t;

typedef struct serialosc serialosc_t;

/* Opens a UDP port on 127.0.0.1 and asks serialoscd for devices. NULL with a sentence in err
 * (no socket). A serialoscd that is not running is no error: devices come when it answers. */
serialosc_t *serialosc_start(engine_t *e, const serialosc_config_t *cfg, char *err,
                             size_t errlen);
/* Simulation thread, after engine_tick: handles what arrived (claims, sizes, keys, turns,
 * plugging), then sends the LEDs that changed. Asks serialoscd again every few seconds while a
 * wanted device is missing. */
void serialosc_pump(serialosc_t *c);
/* Lets go of the devices (their LEDs are cleared) and closes the port. NULL: nothing. */
void serialosc_stop(serialosc_t *c);
int serialosc_port(const serialosc_t *c);
/* Which devices are claimed and sized now (for tests and --stats). */
bool serialosc_has_grid(const serialosc_t *c);
bool serialosc_has_arc(const serialosc_t *c);

#endif
