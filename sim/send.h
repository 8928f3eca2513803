/* SPDX-License-Identifier: MIT */
/* send.h: `aleph-sim --send ADDRESS ARGS...`: one OSC message to a running aleph-sim (like Pd's
 * `pd -send`), then a ping; every reply that comes back before the pong is printed on stdout,
 * one line each ("/aleph/in/value CLOCK ENABLE 1"), errors on stderr. */
#ifndef ALEPH_SIM_SEND_H
#define ALEPH_SIM_SEND_H

/* host NULL: 127.0.0.1; port < 0: 7770. Returns the exit status: 0 answered without an error,
 * 1 an /aleph/error came back or nothing answered within 2 s, 2 a bad argument. */
int send_run(const char *host, int port, int argc, char **argv);

#endif
