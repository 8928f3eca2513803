/* SPDX-License-Identifier: MIT */
/* render_screen.c: draws the OLED's 128x64 levels: in edit mode the editor's page (core/ui);
 * in play mode the play log in the simulator's font, or the graphics framebuffer when a
 * graphics op owns the screen. */
#include "render_screen.h"

#include <string.h>

#include "render_font.h"

void render_play(const playlog_t *log, uint8_t *out) {
  uint32_t back;
  memset(out, 0, SCREEN_W * SCREEN_H);
  for (back = 0; back < PLAYLOG_LINES; back++) {
    const playlog_line_t *l = playlog_get(log, back);
    int y = SCREEN_H - FONT_CELL_H * (int)(back + 1u);
    char name[PLAYLOG_NAME_LEN + 1];
    int vx, fit;
    if (!l) break;
    /* the value right-aligned at the right edge; the name cut one cell short of it */
    vx = SCREEN_W - 1 - (int)strlen(l->value) * FONT_CELL_W;
    fit = vx / FONT_CELL_W - 1;
    memcpy(name, l->name, sizeof name);
    if (fit >= 0 && fit < (int)PLAYLOG_NAME_LEN) name[fit] = '\0';
    font_draw_levels(out, SCREEN_W, SCREEN_H, 0, y, name, PLAY_TEXT_LEVEL);
    font_draw_levels(out, SCREEN_W, SCREEN_H, vx, y, l->value, PLAY_TEXT_LEVEL);
  }
}

void render_screen(const engine_t *e, uint8_t *out) {
  const uint8_t *fb = engine_framebuffer(e);
  if (engine_edit_mode(e)) {
    memcpy(out, engine_edit_screen(e), SCREEN_W * SCREEN_H);
    return;
  }
  if (fb && engine_gfx_mode(e)) {
    int i;
    for (i = 0; i < SCREEN_W * SCREEN_H; i++) out[i] = fb[i] & 0x0F;
    return;
  }
  render_play(&e->log, out);
}
