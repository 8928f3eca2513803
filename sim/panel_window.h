/* SPDX-License-Identifier: MIT */
/* panel_window.h: the interactive front panel: an SDL2 window showing the rendered panel at an
 * integer scale (resizable), fed by mouse and keyboard, redrawn at up to 60 fps when it changes. */
#ifndef ALEPH_SIM_PANEL_WINDOW_H
#define ALEPH_SIM_PANEL_WINDOW_H

#include <stddef.h>

#include "session.h"

/* panel_run's result when SDL cannot open a display (the caller may go headless). */
#define PANEL_NO_DISPLAY (-1)

/* Runs the window until it is closed, Esc, or the session's duration (real time) has passed.
 * Returns SIM_EXIT_OK, SIM_EXIT_USAGE (bad --inject), or PANEL_NO_DISPLAY; err says why. With
 * --stats, prints the frames drawn and the CPU used. */
int panel_run(sim_session_t *s, char *err, size_t errlen);

#endif
