/* SPDX-License-Identifier: MIT */
/* render_font.h: text in aleph-sim's 5x7 font (glyphs: core/ui/ui_font.h; 6x8 cell) drawn
 * into 8-bit level buffers (the OLED) and 32-bit ARGB images (the panel). */
#ifndef ALEPH_SIM_RENDER_FONT_H
#define ALEPH_SIM_RENDER_FONT_H

#include <stdbool.h>
#include <stdint.h>

#include "ui_font.h"

#define FONT_W UI_FONT_W           /* glyph width in pixels */
#define FONT_H UI_FONT_H           /* glyph height */
#define FONT_CELL_W UI_FONT_CELL_W /* advance */
#define FONT_CELL_H UI_FONT_CELL_H /* line height */

/* An ARGB8888 image (0xAARRGGBB words, row-major, stride w). */
typedef struct {
  uint32_t *px;
  int w, h;
} rgba_img_t;

/* Whether pixel (x, y) of character c's glyph is set (unknown characters draw as '?'). */
bool font_pixel(char c, int x, int y);

/* Draws s at (x, y) (top left of the first cell) into a w x h buffer of levels, clipped.
 * Returns the x after the last character. */
int font_draw_levels(uint8_t *buf, int w, int h, int x, int y, const char *s, uint8_t level);
/* Same into an image, each font pixel a scale x scale square. */
int font_draw_rgba(rgba_img_t *img, int x, int y, const char *s, uint32_t color, int scale);
/* Width in pixels of s at scale (cells, without the trailing gap). */
int font_text_width(const char *s, int scale);

#endif
