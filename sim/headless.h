/* SPDX-License-Identifier: MIT */
/* headless.h: running without a window: on a deterministic virtual clock for a set time (or a
 * recording's length), or in real time until SIGINT/SIGTERM. */
#ifndef ALEPH_SIM_HEADLESS_H
#define ALEPH_SIM_HEADLESS_H

#include "session.h"

/* Runs the session; returns SIM_EXIT_OK (the caller writes the outputs). */
int headless_run(sim_session_t *s);

#endif
