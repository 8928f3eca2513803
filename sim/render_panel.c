/* SPDX-License-Identifier: MIT */
/* render_panel.c: draws the front panel: the OLED scaled by whole pixels, knobs turned by the
 * detents they received, keys lit while held, switch-op LEDs, the DSP strip (a meter per
 * output, the four CV outputs, mute and underruns), and the overlays on top. */
#include "render_panel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render_draw.h"
#include "render_overlay.h"

#define PANEL_BG RGB(0x2C, 0x2E, 0x33)
#define BEZEL RGB(0x0C, 0x0C, 0x0E)
#define LABEL RGB(0xC8, 0xCA, 0xCE)
#define DIM_LABEL RGB(0x86, 0x8A, 0x90)
#define KNOB_RIM RGB(0x8E, 0x91, 0x97)
#define KNOB RGB(0x4C, 0x4F, 0x55)
#define KNOB_MARK RGB(0xF0, 0xF0, 0xF0)
#define KEY_UP RGB(0x55, 0x58, 0x5E)
#define KEY_DOWN RGB(0xE6, 0xE6, 0xE2)
#define HOVER RGB(0x9A, 0xB8, 0xD8)
#define LED_ON RGB(0xFF, 0x5A, 0x2E)
#define LED_OFF RGB(0x45, 0x26, 0x22)

#define DETENTS_PER_TURN 24

uint32_t render_level_color(uint8_t level) {
  uint32_t v = (uint32_t)(level & 0x0F) * 17u;
  return RGB(v, v, v);
}

/* The VAL of the ENC op hardware encoder hw drives, INT32_MIN if that op is not an ENC. */
static int32_t enc_value(const engine_t *e, int hw) {
  const net_t *net = engine_net(e);
  uint8_t op = ENGINE_ENC_OP[hw];
  const op_t *o = net_op(net, op);
  if (!o || o->cls->id != OP_ENC) return INT32_MIN;
  return net_get_value(net, (uint16_t)(net_op_first_in(net, op) + 3u));
}

/* a level as 2 dB steps under full scale, 0..30 (30: -60 dB or less) */
static int8_t meter_steps(float level) {
  double db = level > 0.0f ? -20.0 * log10((double)level) : 60.0;
  return (int8_t)(db >= 60.0 ? 30 : db <= 0.0 ? 0 : (int)(db / 2.0));
}

void panel_view_capture(const engine_t *e, panel_view_t *v) {
  audio_info_t a;
  int i;
  memset(v, 0, sizeof *v);
  audio_get_info(e->audio, &a);
  for (i = 0; i < 4; i++) {
    v->meter[i] = meter_steps(a.peak[i]);
    v->cv[i] = (int16_t)lround(a.cv[i] * 10.0f);
  }
  v->muted = a.muted;
  v->underruns = a.underruns;
  render_screen(e, v->screen);
  for (i = 0; i < 4; i++) {
    v->enc_turned[i] = e->enc_turned[i];
    v->enc_value[i] = enc_value(e, i);
  }
  for (i = 0; i < SIM_SW_COUNT; i++) v->sw_down[i] = e->sw_down[i];
  for (i = 0; i < 6; i++) v->led[i] = e->sw_value[i] != 0;
}

static void draw_screen(rgba_img_t *img, const panel_layout_t *l, const engine_t *e) {
  uint8_t levels[SCREEN_W * SCREEN_H];
  int x, y;
  render_screen(e, levels);
  for (y = 0; y < SCREEN_H; y++) {
    for (x = 0; x < SCREEN_W; x++) {
      panel_rect_t r;
      r.x = l->screen.x + x * l->scale;
      r.y = l->screen.y + y * l->scale;
      r.w = r.h = l->scale;
      draw_rect(img, r, render_level_color(levels[y * SCREEN_W + x]));
    }
  }
}

static void text_centered(rgba_img_t *img, int cx, int y, const char *s, uint32_t c, int t) {
  font_draw_rgba(img, cx - font_text_width(s, t) / 2, y, s, c, t);
}

static void draw_knob(rgba_img_t *img, const panel_layout_t *l, const engine_t *e, int i,
                      bool hover) {
  int cx = l->enc_cx[i], cy = l->enc_cy[i], r = l->enc_r, s = l->scale;
  uint8_t op = ENGINE_ENC_OP[i];
  double a = 2.0 * 3.14159265358979 * (double)(e->enc_turned[i] % DETENTS_PER_TURN) /
             DETENTS_PER_TURN;
  char buf[32];
  int32_t val = enc_value(e, i);
  draw_disc(img, cx, cy, r, hover ? HOVER : KNOB_RIM);
  draw_disc(img, cx, cy, r - s, KNOB);
  draw_line(img, cx + (int)lround(sin(a) * r * 0.25), cy - (int)lround(cos(a) * r * 0.25),
            cx + (int)lround(sin(a) * (r - 2 * s)), cy - (int)lround(cos(a) * (r - 2 * s)),
            s < 2 ? 1 : s, KNOB_MARK);
  if (s < 2 || engine_edit_mode(e)) /* no room for the op at the smallest scale */
    snprintf(buf, sizeof buf, "E%d", i);
  else
    snprintf(buf, sizeof buf, "E%d>op%u", i, (unsigned)op);
  text_centered(img, cx, cy + r + 2 * s, buf, DIM_LABEL, l->text);
  if (engine_edit_mode(e)) /* the editor's use of the knob (docs/editor.md) */
    snprintf(buf, sizeof buf, "%s", (const char *const[]){"line", "page", "edit", "edit"}[i]);
  else if (val != INT32_MIN)
    snprintf(buf, sizeof buf, "%d", (int)val);
  else
    snprintf(buf, sizeof buf, "-");
  text_centered(img, cx, cy + r + 2 * s + FONT_CELL_H * l->text + s, buf, LABEL, l->text);
}

static void draw_key(rgba_img_t *img, const panel_layout_t *l, const engine_t *e, int k,
                     bool hover) {
  static const char *const names[7] = {"F0", "F1", "F2", "F3", "FS1", "FS2", "MODE"};
  panel_rect_t r = l->key[k];
  bool down = e->sw_down[k];
  int s = l->scale;
  draw_rect(img, r, down ? KEY_DOWN : KEY_UP);
  if (hover) draw_frame(img, r, s < 2 ? 1 : s / 2, HOVER);
  font_draw_rgba(img, r.x + 2 * s, r.y + (r.h - FONT_H * l->text) / 2, names[k],
                 down ? BEZEL : LABEL, l->text);
  if (k < 6) /* the switch op's output: lit while it holds a non-zero value */
    draw_disc(img, r.x + r.w - 4 * s, r.y + r.h / 2, 2 * s, e->sw_value[k] ? LED_ON : LED_OFF);
  else if (engine_edit_mode(e)) /* MODE: lit while the editor is on */
    draw_disc(img, r.x + r.w - 4 * s, r.y + r.h / 2, 2 * s, LED_ON);
}

#define METER_ON RGB(0x6E, 0xC8, 0x7A)
#define METER_HOT RGB(0xE8, 0xB8, 0x40)
#define METER_OFF RGB(0x1C, 0x1D, 0x20)

/* the DSP strip: a bar per output (-60..0 dBFS), the CV outputs in volts, module and sound state */
static void draw_sound(rgba_img_t *img, const panel_layout_t *l, const engine_t *e) {
  panel_view_t v;
  audio_info_t a;
  int s = l->scale, i, x = l->sound.x, y = l->sound.y, w = 56 * s, t = l->text;
  char buf[64];
  panel_view_capture(e, &v);
  audio_get_info(e->audio, &a);
  font_draw_rgba(img, x, y, "OUT", DIM_LABEL, t);
  for (i = 0; i < 4; i++) {
    panel_rect_t bar;
    int lit = w * (30 - v.meter[i]) / 30;
    bar.x = x + 20 * s;
    bar.y = y + i * 3 * s;
    bar.h = 2 * s;
    bar.w = w;
    draw_rect(img, bar, METER_OFF);
    bar.w = lit;
    if (lit > 0) draw_rect(img, bar, v.meter[i] <= 1 ? METER_HOT : METER_ON);
  }
  snprintf(buf, sizeof buf, "CV %.1f %.1f %.1f %.1f V", v.cv[0] / 10.0, v.cv[1] / 10.0,
           v.cv[2] / 10.0, v.cv[3] / 10.0);
  y += 12 * s;
  font_draw_rgba(img, x, y, buf, LABEL, t);
  snprintf(buf, sizeof buf, "%s%s  xruns %u", a.simulated ? a.simulated : "no dsp",
           v.muted ? "  MUTED" : "", (unsigned)v.underruns);
  font_draw_rgba(img, x, y + FONT_CELL_H * t + s, buf, v.muted ? LED_ON : DIM_LABEL, t);
}

void render_panel(rgba_img_t *img, const panel_layout_t *l, const engine_t *e,
                  const panel_ui_t *ui) {
  int i, s = l->scale;
  draw_fill(img, PANEL_BG);
  if (engine_edit_mode(e)) { /* bees' editor: the page's name */
    char title[48];
    snprintf(title, sizeof title, "ALEPH-SIM  bees edit: %s", ui_page_name(ui_page(&e->ui)));
    font_draw_rgba(img, 4 * s, 3 * s, title, DIM_LABEL, l->text);
  } else {
    font_draw_rgba(img, 4 * s, 3 * s, "ALEPH-SIM  bees play", DIM_LABEL, l->text);
  }
  draw_rect(img, l->bezel, BEZEL);
  draw_screen(img, l, e);
  for (i = 0; i < 4; i++) draw_knob(img, l, e, i, ui && ui->hover == PANEL_ENC0 + i);
  for (i = 0; i < 7; i++) draw_key(img, l, e, i, ui && ui->hover == PANEL_SW0 + i);
  draw_sound(img, l, e);
  font_draw_rgba(img, 142 * s, 3 * s, "h help o stats v mute", DIM_LABEL, l->text);
  if (ui && ui->help)
    render_overlay_help(img, l);
  else if (ui && ui->overlay)
    render_overlay_stats(img, l, e);
}
