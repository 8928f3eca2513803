/* SPDX-License-Identifier: MIT */
/* render_draw.c: clipped rectangle, frame, translucent rectangle, disc and thick line drawing
 * on ARGB images. */
#include "render_draw.h"

#include <stddef.h>
#include <stdlib.h>

static void put(rgba_img_t *img, int x, int y, uint32_t c) {
  if (x >= 0 && y >= 0 && x < img->w && y < img->h)
    img->px[(size_t)y * (size_t)img->w + (size_t)x] = c;
}

void draw_fill(rgba_img_t *img, uint32_t color) {
  size_t i, n = (size_t)img->w * (size_t)img->h;
  for (i = 0; i < n; i++) img->px[i] = color;
}

void draw_rect(rgba_img_t *img, panel_rect_t r, uint32_t color) {
  int x, y;
  int x0 = r.x < 0 ? 0 : r.x, y0 = r.y < 0 ? 0 : r.y;
  int x1 = r.x + r.w > img->w ? img->w : r.x + r.w, y1 = r.y + r.h > img->h ? img->h : r.y + r.h;
  for (y = y0; y < y1; y++) {
    uint32_t *row = img->px + (size_t)y * (size_t)img->w;
    for (x = x0; x < x1; x++) row[x] = color;
  }
}

void draw_frame(rgba_img_t *img, panel_rect_t r, int t, uint32_t color) {
  panel_rect_t e;
  e = r; e.h = t; draw_rect(img, e, color);
  e.y = r.y + r.h - t; draw_rect(img, e, color);
  e = r; e.w = t; draw_rect(img, e, color);
  e.x = r.x + r.w - t; draw_rect(img, e, color);
}

void draw_blend(rgba_img_t *img, panel_rect_t r, uint32_t color, int alpha) {
  /* a in 0..256; red and blue blended together in one word, green alone */
  uint32_t a = (uint32_t)alpha + ((uint32_t)alpha >> 7), ia = 256u - a;
  uint32_t rb = (color & 0x00FF00FFu) * a, g = (color & 0x0000FF00u) * a;
  int x, y;
  int x0 = r.x < 0 ? 0 : r.x, y0 = r.y < 0 ? 0 : r.y;
  int x1 = r.x + r.w > img->w ? img->w : r.x + r.w, y1 = r.y + r.h > img->h ? img->h : r.y + r.h;
  for (y = y0; y < y1; y++) {
    uint32_t *row = img->px + (size_t)y * (size_t)img->w;
    for (x = x0; x < x1; x++) {
      uint32_t p = row[x];
      uint32_t prb = (((p & 0x00FF00FFu) * ia + rb) >> 8) & 0x00FF00FFu;
      uint32_t pg = (((p & 0x0000FF00u) * ia + g) >> 8) & 0x0000FF00u;
      row[x] = 0xFF000000u | prb | pg;
    }
  }
}

void draw_disc(rgba_img_t *img, int cx, int cy, int r, uint32_t color) {
  int x, y;
  for (y = -r; y <= r; y++)
    for (x = -r; x <= r; x++)
      if (x * x + y * y <= r * r) put(img, cx + x, cy + y, color);
}

void draw_line(rgba_img_t *img, int x0, int y0, int x1, int y1, int t, uint32_t color) {
  int dx = abs(x1 - x0), dy = abs(y1 - y0);
  int steps = dx > dy ? dx : dy, i, half = t / 2;
  for (i = 0; i <= steps; i++) {
    int x = steps ? x0 + (x1 - x0) * i / steps : x0;
    int y = steps ? y0 + (y1 - y0) * i / steps : y0;
    panel_rect_t r;
    r.x = x - half;
    r.y = y - half;
    r.w = r.h = t < 1 ? 1 : t;
    draw_rect(img, r, color);
  }
}
