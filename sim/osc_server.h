/* SPDX-License-Identifier: MIT */
/* osc_server.h: aleph-sim's OSC interface (docs/osc.md). A receive thread on a UDP socket (bound
 * to 127.0.0.1 unless told otherwise) parses messages with liblo, answers malformed ones at once
 * and queues the rest; the simulation thread runs them at a defined point of each loop pass
 * (osc_server_pump, right after engine_tick): every change to the net goes through the engine's
 * event queue, stamped with the current virtual time, so --record/--replay reproduce OSC runs.
 * Observations (outputs, inputs, params, screen, grid and arc LEDs, MIDI out, memory statistics)
 * go to subscribed client addresses. */
#ifndef ALEPH_SIM_OSC_SERVER_H
#define ALEPH_SIM_OSC_SERVER_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define OSC_DEFAULT_PORT 7770
#define OSC_DEFAULT_HOST "127.0.0.1"

typedef struct osc_server osc_server_t;

/* Binds host:port (port 0: a free one; host NULL: 127.0.0.1; IPv4 addresses only), starts the
 * receive thread and hooks the engine (net watch, MIDI out service). NULL with a sentence in err. */
osc_server_t *osc_server_start(engine_t *e, const char *host, int port, char *err, size_t errlen);
/* Unhooks the engine, stops the thread, closes the socket (any server, detached ones too). */
void osc_server_stop(osc_server_t *s);

/* A server without socket or thread (tests, fuzzing): the caller hands datagrams to
 * osc_server_receive and runs them with osc_server_pump; replies and observations, serialised,
 * go to send (NULL: dropped), error replies too (they are not logged). Hooks the engine as
 * osc_server_start does. NULL if out of memory. */
typedef void (*osc_send_fn)(void *ctx, const uint8_t *data, size_t len,
                            const struct sockaddr_in *to);
osc_server_t *osc_server_new_detached(engine_t *e, osc_send_fn send, void *ctx);
/* One datagram (a message or a #bundle) from `from`, handled as the receive thread handles one:
 * parsed and checked against the address table, answered at once if malformed, else queued. A
 * bundle is checked whole first: if any part of it is malformed (or it does not fit in the
 * queue), none of it is queued. */
void osc_server_receive(osc_server_t *s, const uint8_t *data, size_t len,
                        const struct sockaddr_in *from);
/* The folder /aleph/scene/load and /aleph/scene/save are confined to (a copy is kept): names in
 * it, or paths that resolve into it (links followed); anything else is refused with an error
 * reply. NULL: both refused (no file access, e.g. while fuzzing), which is how servers start.
 * Simulation thread. false if out of memory. */
bool osc_server_set_scene_dir(osc_server_t *s, const char *dir);
int osc_server_port(const osc_server_t *s);

/* Simulation thread, after engine_tick(): runs every queued message in arrival order (each
 * applied at once at the engine's current time), then sends what subscribers watch. */
void osc_server_pump(osc_server_t *s);
/* Sleeps until a message is queued or ms pass. true if messages are waiting. */
bool osc_server_wait(osc_server_t *s, uint32_t ms);
/* Called from the receive thread whenever a message is queued (e.g. to wake a window loop). */
void osc_server_set_wake(osc_server_t *s, void (*fn)(void *ctx), void *ctx);

typedef struct {
  uint64_t received;  /* datagrams (and bundle elements) read */
  uint64_t queued;    /* messages queued for the simulation thread */
  uint64_t run;       /* messages run by the simulation thread */
  uint64_t errors;    /* error replies sent */
  uint64_t sent;      /* datagrams sent (replies and observations) */
  uint64_t overflows; /* messages refused because the queue was full */
} osc_counters_t;
void osc_server_counters(osc_server_t *s, osc_counters_t *out);

#endif
