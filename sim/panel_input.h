/* SPDX-License-Identifier: MIT */
/* panel_input.h: turns SDL mouse and keyboard events on the front panel into input events on
 * the engine's queue (encoders, switches) and into UI changes (overlay, help, quit). */
#ifndef ALEPH_SIM_PANEL_INPUT_H
#define ALEPH_SIM_PANEL_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "engine.h"
#include "panel_layout.h"
#include "render_panel.h"

typedef struct {
  panel_layout_t layout;
  panel_ui_t ui;
  int off_x, off_y;        /* where the panel image sits in the drawable */
  float px_per_pt;         /* drawable pixels per window point (HiDPI) */
  int mouse_x, mouse_y;    /* last mouse position, image pixels */
  int drag_enc, drag_acc;  /* encoder being dragged (-1: none), pixels not yet a detent */
  int mouse_switch;        /* switch held by the mouse (-1: none) */
  uint8_t held[SIM_SW_COUNT]; /* sources holding each switch (mouse, key) */
  bool quit, shot, dirty;
} panel_input_t;

void panel_input_init(panel_input_t *in, int scale);
/* Handles one SDL event; input events are stamped `now` (virtual ms). */
void panel_input_handle(panel_input_t *in, const SDL_Event *ev, engine_t *e, uint32_t now);
/* Window point -> panel image pixel. */
void panel_input_to_image(const panel_input_t *in, int wx, int wy, int *ix, int *iy);

#endif
