/* SPDX-License-Identifier: MIT */
/* panel_layout.c: the front panel's geometry: OLED at the left, four encoders to its right with
 * the function keys under them, MODE and the two footswitches along the bottom, the DSP strip
 * (meters, CV outputs) under the keys. */
#include "panel_layout.h"

static panel_rect_t rect(int s, int x, int y, int w, int h) {
  panel_rect_t r;
  r.x = x * s;
  r.y = y * s;
  r.w = w * s;
  r.h = h * s;
  return r;
}

void panel_layout(panel_layout_t *l, int scale, bool side) {
  int s = scale < 1 ? 1 : scale > PANEL_MAX_SCALE ? PANEL_MAX_SCALE : scale;
  int i;
  l->scale = s;
  l->text = s >= 4 ? s / 2 : 1;
  l->side = side;
  l->w = (PANEL_UNITS_W + (side ? PANEL_SIDE_W : 0)) * s;
  l->h = PANEL_UNITS_H * s;
  l->bezel = rect(s, 4, 10, 136, 72);
  l->screen = rect(s, 8, 14, 128, 64);
  l->enc_r = 11 * s;
  for (i = 0; i < 4; i++) {
    l->enc_cx[i] = (162 + 30 * i) * s;
    l->enc_cy[i] = 30 * s;
    l->key[i] = rect(s, 151 + 30 * i, 62, 22, 14);
  }
  l->key[4] = rect(s, 46, 90, 40, 16);  /* FS1 */
  l->key[5] = rect(s, 92, 90, 40, 16);  /* FS2 */
  l->key[6] = rect(s, 8, 90, 30, 16);   /* MODE */
  l->overlay = rect(s, PANEL_UNITS_W + 2, 2, PANEL_SIDE_W - 4, 108);
  l->sound = rect(s, 151, 82, 112, 26);
}

int panel_fit_scale(int w, int h, bool side) {
  int sw = w / (PANEL_UNITS_W + (side ? PANEL_SIDE_W : 0)), sh = h / PANEL_UNITS_H;
  int s = sw < sh ? sw : sh;
  if (s < 1) s = 1;
  if (s > PANEL_MAX_SCALE) s = PANEL_MAX_SCALE;
  return s;
}

bool panel_rect_contains(const panel_rect_t *r, int x, int y) {
  return x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

panel_control_t panel_hit(const panel_layout_t *l, int x, int y) {
  int i;
  for (i = 0; i < 4; i++) {
    /* a knob takes its bounding square plus a little, easier to grab than the circle */
    int dx = x - l->enc_cx[i], dy = y - l->enc_cy[i], r = l->enc_r + 2 * l->scale;
    if (dx * dx + dy * dy <= r * r) return (panel_control_t)(PANEL_ENC0 + i);
  }
  for (i = 0; i < 7; i++)
    if (panel_rect_contains(&l->key[i], x, y)) return (panel_control_t)(PANEL_SW0 + i);
  return PANEL_NONE;
}
