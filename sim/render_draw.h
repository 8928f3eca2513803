/* SPDX-License-Identifier: MIT */
/* render_draw.h: drawing primitives on ARGB images (filled and translucent rectangles, circles,
 * thick lines), clipped to the image. */
#ifndef ALEPH_SIM_RENDER_DRAW_H
#define ALEPH_SIM_RENDER_DRAW_H

#include <stdint.h>

#include "panel_layout.h"
#include "render_font.h"

#define RGB(r, g, b) (0xFF000000u | ((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (uint32_t)(b))

void draw_fill(rgba_img_t *img, uint32_t color);
void draw_rect(rgba_img_t *img, panel_rect_t r, uint32_t color);
/* Rectangle outline, t pixels thick. */
void draw_frame(rgba_img_t *img, panel_rect_t r, int t, uint32_t color);
/* Mixes color into the rectangle with alpha 0..255. */
void draw_blend(rgba_img_t *img, panel_rect_t r, uint32_t color, int alpha);
void draw_disc(rgba_img_t *img, int cx, int cy, int r, uint32_t color);
/* A line of thickness t from (x0, y0) to (x1, y1). */
void draw_line(rgba_img_t *img, int x0, int y0, int x1, int y1, int t, uint32_t color);

#endif
