/* SPDX-License-Identifier: MIT */
/* panel_layout.h: where the front panel's parts are at a given integer scale (screen, encoders,
 * keys, MODE, footswitches), the side column the statistics overlay and the key help open in
 * (beside the panel, so they hide no control: the window grows for it), and which control a
 * point falls on. No SDL here. */
#ifndef ALEPH_SIM_PANEL_LAYOUT_H
#define ALEPH_SIM_PANEL_LAYOUT_H

#include <stdbool.h>

/* The panel in units of one OLED pixel; multiplied by the scale for the image. */
#define PANEL_UNITS_W 276
#define PANEL_UNITS_H 112
#define PANEL_SIDE_W 136 /* the side column's width, added while the overlay or help shows */
#define PANEL_MAX_SCALE 16

typedef struct {
  int x, y, w, h;
} panel_rect_t;

/* Controls a point can hit. */
typedef enum {
  PANEL_NONE = -1,
  PANEL_ENC0 = 0,  /* ..PANEL_ENC0+3: hardware encoders 0..3 */
  PANEL_SW0 = 4,   /* ..PANEL_SW0+3: function keys; +4, +5: FS1, FS2; +6: MODE */
  PANEL_CONTROLS = 11
} panel_control_t;

typedef struct {
  int scale;            /* image pixels per OLED pixel */
  int text;             /* scale of label text (font pixels) */
  int w, h;             /* image size */
  bool side;            /* the side column is there (w includes it) */
  panel_rect_t screen;  /* the OLED's 128x64 pixels */
  panel_rect_t bezel;
  int enc_cx[4], enc_cy[4], enc_r;
  panel_rect_t key[7];  /* function keys 0..3, FS1, FS2, MODE */
  panel_rect_t overlay; /* the statistics overlay and key help, in the side column */
  panel_rect_t sound;   /* the DSP strip: output meters, CV outputs, sound state */
} panel_layout_t;

/* Lays the panel out at scale (clamped to 1..PANEL_MAX_SCALE), with the side column or not. */
void panel_layout(panel_layout_t *l, int scale, bool side);
/* The largest scale whose panel (with the side column or not) fits in w x h pixels (at least
 * 1). */
int panel_fit_scale(int w, int h, bool side);
/* The control under image point (x, y), or PANEL_NONE. */
panel_control_t panel_hit(const panel_layout_t *l, int x, int y);
bool panel_rect_contains(const panel_rect_t *r, int x, int y);

#endif
