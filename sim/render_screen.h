/* SPDX-License-Identifier: MIT */
/* render_screen.h: the Aleph's 128x64 16-level OLED as the simulator shows it: the editor's
 * page in edit mode; in play mode bees' scroll (the play log), or while graphics mode is on, the
 * framebuffer the graphics ops draw. */
#ifndef ALEPH_SIM_RENDER_SCREEN_H
#define ALEPH_SIM_RENDER_SCREEN_H

#include <stdint.h>

#include "engine.h"
#include "screen.h"

#define PLAY_TEXT_LEVEL 0xA /* bees draws play lines at level 10 */

/* Fills out[SCREEN_W * SCREEN_H] with levels 0..15 (the edit page as of the last tick). */
void render_screen(const engine_t *e, uint8_t *out);
/* The play log alone (newest line at the bottom, value right-aligned). */
void render_play(const playlog_t *log, uint8_t *out);

#endif
