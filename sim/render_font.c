/* SPDX-License-Identifier: MIT */
/* render_font.c: text drawing for aleph-sim with the project's 5x7 font, whose glyphs live in
 * core/ui/ui_font.c (the editor pages draw with the same font): levels for the OLED, ARGB for the
 * panel. */
#include "render_font.h"

#include <stddef.h>

#include "ui_font.h"

bool font_pixel(char c, int x, int y) {
  if (x < 0 || x >= FONT_W || y < 0 || y >= FONT_H + UI_FONT_DESCENT) return false;
  return ui_font_pixel(c, (int16_t)x, (int16_t)y);
}

int font_draw_levels(uint8_t *buf, int w, int h, int x, int y, const char *s, uint8_t level) {
  return ui_font_draw(buf, (uint16_t)w, (uint16_t)h, (int16_t)x, (int16_t)y, s, level, (int16_t)w,
                      FONT_CELL_W);
}

static void fill_square(rgba_img_t *img, int x, int y, int n, uint32_t color) {
  int i, j;
  for (j = y; j < y + n; j++) {
    if (j < 0 || j >= img->h) continue;
    for (i = x; i < x + n; i++)
      if (i >= 0 && i < img->w) img->px[(size_t)j * (size_t)img->w + (size_t)i] = color;
  }
}

int font_draw_rgba(rgba_img_t *img, int x, int y, const char *s, uint32_t color, int scale) {
  for (; *s; s++, x += FONT_CELL_W * scale) {
    int gx, gy;
    for (gy = 0; gy < FONT_H + UI_FONT_DESCENT; gy++)
      for (gx = 0; gx < FONT_W; gx++)
        if (font_pixel(*s, gx, gy)) fill_square(img, x + gx * scale, y + gy * scale, scale, color);
  }
  return x;
}

int font_text_width(const char *s, int scale) {
  int n = 0;
  while (s[n]) n++;
  return n ? (n * FONT_CELL_W - 1) * scale : 0;
}
