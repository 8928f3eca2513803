/* SPDX-License-Identifier: MIT */
/* midi_ports.h: real MIDI in and out for the MIDI ops, through RtMidi (the ALSA sequencer on
 * Linux, CoreMIDI on macOS). Input comes from a virtual port named "aleph-sim" that other
 * programs connect to, or from a port picked by number or name; each message becomes a MIDI
 * event (recorded and replayed like any other). What the ops send (MOUT_NOTE, MOUT_CC,
 * MOUT_CLK) goes to a virtual "aleph-sim" output or a picked port. Built without RtMidi, opening
 * fails with a sentence saying so. Simulation thread only (input is polled by midi_ports_pump). */
#ifndef ALEPH_SIM_MIDI_PORTS_H
#define ALEPH_SIM_MIDI_PORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine.h"

#define MIDI_PORT_NAME "aleph-sim"

typedef struct {
  const char *in;  /* NULL: a virtual input port "aleph-sim"; else a port's number or part of its name */
  const char *out; /* likewise for output */
} midi_ports_config_t;

typedef struct midi_ports midi_ports_t;

/* Opens both ports and hooks the engine's net MIDI out service (chained to the one before).
 * NULL with a sentence in err (no MIDI system, no such port, built without RtMidi). */
midi_ports_t *midi_ports_open(engine_t *e, const midi_ports_config_t *cfg, char *err,
                              size_t errlen);
/* Turns the messages that arrived into MIDI events (SysEx and malformed ones are dropped). */
void midi_ports_pump(midi_ports_t *p);
/* Unhooks the service and closes the ports. NULL: nothing. */
void midi_ports_close(midi_ports_t *p);
/* Prints the input and output ports there are now. false with a sentence in err. */
bool midi_ports_list(FILE *to, char *err, size_t errlen);
/* Counters (tests, --stats). */
typedef struct {
  unsigned long received, dropped, sent;
} midi_ports_counters_t;
void midi_ports_counters(const midi_ports_t *p, midi_ports_counters_t *out);

#endif
