/* SPDX-License-Identifier: MIT */
/* ui_draw.c: the editor's screen regions as bees lays them out: a head line (y 0..7), eight
 * 8-pixel scroll lines with the selection on line 3, four 32-pixel key labels (y 56..63), and
 * the grey levels bees uses for each. */
#include "scaler.h"
#include "strbuf.h"
#include "ui_font.h"
#include "ui_internal.h"

void ui_fill(ui_t *ui, int16_t x, int16_t y, int16_t w, int16_t h, uint8_t level) {
  int16_t i, j;
  for (j = y; j < y + h; j++) {
    if (j < 0 || j >= SCREEN_H) continue;
    for (i = x; i < x + w; i++)
      if (i >= 0 && i < SCREEN_W) ui->px[j * SCREEN_W + i] = level & 0x0Fu;
  }
}

int16_t ui_text(ui_t *ui, int16_t x, int16_t y, const char *s, uint8_t level, int16_t clip_x) {
  return ui_font_draw(ui->px, SCREEN_W, SCREEN_H, x, y, s, level, clip_x, UI_FONT_CELL_W);
}

int16_t ui_line_text(ui_t *ui, uint8_t line, int16_t x, const char *s, uint8_t level,
                     int16_t clip_x) {
  return ui_text(ui, x, (int16_t)(line * UI_LINE_H), s, level, clip_x);
}

int16_t ui_param_value(ui_t *ui, uint8_t line, const net_param_t *p, io_t v, uint8_t level) {
  char text[SCALER_TEXT_CAP];
  const char *t = text;
  int16_t x;
  scaler_text(p, v, text);
  while (*t == ' ') t++;
  x = (int16_t)(SCREEN_W - 2 - (int16_t)str_nlen(t, SCALER_TEXT_CAP) * UI_FONT_CELL_W);
  ui_line_text(ui, line, x, t, level, SCREEN_W - 2);
  return x;
}

void ui_highlight(ui_t *ui, uint8_t line) {
  uint8_t *p = ui->px + line * UI_LINE_H * SCREEN_W;
  uint32_t i;
  for (i = 0; i < UI_LINE_H * SCREEN_W; i++) {
    if (p[i] >= UI_LO_FG)
      p[i] = UI_HI_FG;
    else if (p[i] == 0)
      p[i] = UI_HI_BG;
  }
}

void ui_line_marks(ui_t *ui, uint8_t line, bool play, bool preset, uint8_t level) {
  int16_t y = (int16_t)(line * UI_LINE_H + 5);
  if (play) ui_fill(ui, 0, y, 2, 2, level);
  if (preset) ui_fill(ui, SCREEN_W - 2, y, 2, 2, level);
}

void ui_edit_string(ui_t *ui, int16_t x, int16_t y, const char *buf, uint8_t len, int8_t cursor) {
  uint8_t i;
  bool ended = false;
  for (i = 0; i < len && x < SCREEN_W; i++, x = (int16_t)(x + UI_FONT_CELL_W)) {
    char c[2] = {buf[i], 0};
    if (buf[i] == '\0') {
      ended = true;
      c[0] = ' ';
    }
    if (i == cursor) {
      ui_fill(ui, x, y, UI_FONT_CELL_W, UI_LINE_H, 0xF);
      if (!ended) ui_text(ui, x, y, c, 0x0, SCREEN_W);
    } else {
      ui_text(ui, x, y, c, ended ? 0x1 : 0xF, SCREEN_W);
    }
  }
}

void ui_index_name(char *out, uint32_t cap, uint32_t idx, const char *name) {
  strbuf_t sb;
  sb_init(&sb, out, cap);
  sb_char(&sb, (char)('0' + (idx / 100u) % 10u));
  sb_char(&sb, (char)('0' + (idx / 10u) % 10u));
  sb_char(&sb, (char)('0' + idx % 10u));
  sb_char(&sb, '.');
  sb_str(&sb, name);
}

void ui_draw_list(ui_t *ui, int32_t sel, int32_t count, bool wrap, ui_line_fn fn) {
  uint8_t k;
  for (k = 0; k < UI_LINES; k++) {
    int32_t n = sel - UI_CENTER + k;
    if (wrap) {
      int32_t span = count + 1; /* the blank line -1, then 0..count-1 */
      n = ((n + 1) % span + span) % span - 1;
      if (n >= 0) fn(ui, k, n);
    } else if (n >= 0 && n < count) {
      fn(ui, k, n);
    }
  }
  ui_highlight(ui, UI_CENTER);
}

void ui_draw_head(ui_t *ui, const char *title) {
  ui_fill(ui, 0, 0, SCREEN_W, UI_LINE_H, 0);
  if (ui->notice[0]) {
    ui_text(ui, 0, 0, ui->notice, UI_LO_FG, SCREEN_W);
  } else {
    int16_t n = (int16_t)str_nlen(title, 21);
    ui_fill(ui, 0, 0, (int16_t)(n * UI_FONT_CELL_W), UI_LINE_H, UI_HEAD_BG);
    ui_text(ui, 0, 0, title, 0xF, SCREEN_W);
  }
  if (ui->head_preset && ui->net) {
    ui_fill(ui, 64, 0, SCREEN_W - 64, UI_LINE_H, 0);
    ui_text(ui, 64, 0, preset_name(ui->net, preset_selected(ui->net)), UI_DIM_FG, SCREEN_W);
  }
}

void ui_draw_foot(ui_t *ui, const char *const labels[4]) {
  uint8_t k;
  for (k = 0; k < 4; k++) {
    int16_t x = (int16_t)(k * 32);
    uint8_t fill = 0, ink = 0xF;
    uint8_t advance = UI_FONT_CELL_W;
    if (k == 3 && ui->alt) {
      fill = 0xF;
      ink = 0x0;
    } else if (ui->key_pressed == k) {
      fill = UI_KEY_FILL;
    }
    ui_fill(ui, x, SCREEN_H - UI_LINE_H, 32, UI_LINE_H, fill);
    if (!labels[k] || !labels[k][0]) continue;
    /* six-letter labels (RECALL, CREATE) fit the 32-pixel region in the condensed capitals */
    if (str_nlen(labels[k], 8) > 5) advance = UI_FONT_CONDENSED_ADVANCE;
    ui_font_draw(ui->px, SCREEN_W, SCREEN_H, x, SCREEN_H - UI_LINE_H, labels[k], ink,
                 (int16_t)(x + 32), advance);
  }
}
