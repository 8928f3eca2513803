/* SPDX-License-Identifier: MIT */
/* stop_signal.h: SIGINT, SIGTERM and SIGHUP (a closed terminal) end a session the way its end
 * does: the loops see the request and return, and aleph-sim finishes its outputs (the recording
 * gets its end marker and is synced) before it exits. */
#ifndef ALEPH_SIM_STOP_SIGNAL_H
#define ALEPH_SIM_STOP_SIGNAL_H

#include <stdbool.h>

/* Installs the handlers (before SDL_Init, which then leaves them alone). */
void stop_signal_install(void);
/* Whether one of the signals came; and which (0: none). */
bool stop_signal_requested(void);
int stop_signal_which(void);

#endif
