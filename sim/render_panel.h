/* SPDX-License-Identifier: MIT */
/* render_panel.h: the whole front panel drawn into an ARGB image (the window's texture and the
 * panel screenshot): OLED, encoders with their ENC op values, keys, footswitches, overlays. */
#ifndef ALEPH_SIM_RENDER_PANEL_H
#define ALEPH_SIM_RENDER_PANEL_H

#include <stdbool.h>
#include <stdint.h>

#include "engine.h"
#include "panel_layout.h"
#include "render_font.h"
#include "render_screen.h"

typedef struct {
  bool overlay; /* memory statistics */
  bool help;    /* key help (drawn instead of the statistics) */
  int hover;    /* control under the mouse, PANEL_NONE if none */
} panel_ui_t;

/* Everything the panel shows of the engine: a redraw is needed only when this changes (or the
 * UI does), however busy the net is. */
typedef struct {
  uint8_t screen[SCREEN_W * SCREEN_H];
  int32_t enc_turned[4];
  int32_t enc_value[4]; /* INT32_MIN: no ENC op there */
  uint8_t sw_down[SIM_SW_COUNT];
  uint8_t led[6];
  int8_t meter[4];     /* output peaks in 2 dB steps below full scale (0..30) */
  int16_t cv[4];       /* CV outputs in tenths of a volt */
  uint8_t muted;
  uint32_t underruns;
} panel_view_t;

void panel_view_capture(const engine_t *e, panel_view_t *v);

/* img must be l->w x l->h. */
void render_panel(rgba_img_t *img, const panel_layout_t *l, const engine_t *e,
                  const panel_ui_t *ui);
/* The OLED colour of a level 0..15 (grey level * 17). */
uint32_t render_level_color(uint8_t level);

#endif
