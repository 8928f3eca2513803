/* SPDX-License-Identifier: MIT */
/* ui_page_presets.c: bees' PRESETS page: the preset names; store, recall and clear (each on the
 * key's release, confirmed by a second press), and the name editor on encoders 2 and 3. */
#include "strbuf.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_PRESETS]; }

/* The name being edited lives in ui->edit while the selection stays on its preset. */
static void load_name(ui_t *ui) {
  uint32_t i;
  for (i = 0; i < sizeof ui->edit; i++) ui->edit[i] = 0;
  str_copy(ui->edit, preset_name(ui->net, (uint16_t)*sel(ui)), UI_PRESET_NAME_LEN + 1u);
}

static void save_name(ui_t *ui) { preset_set_name(ui->net, (uint16_t)*sel(ui), ui->edit); }

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  ui_line_text(ui, ln, 2, preset_name(ui->net, (uint16_t)idx), UI_LO_FG, SCREEN_W);
}

static void draw(ui_t *ui) {
  ui_draw_list(ui, *sel(ui), preset_count(ui->net), false, line);
  if (ui->editing) { /* bees draws the edited name over the selection, unhighlighted */
    ui_fill(ui, 0, UI_CENTER * UI_LINE_H, SCREEN_W, UI_LINE_H, 0);
    ui_edit_string(ui, 0, UI_CENTER * UI_LINE_H, ui->edit, UI_PRESET_NAME_LEN, ui->cursor);
  }
  ui_draw_head(ui, "PRESETS");
}

/* bees' preset_clear: nothing included, the name back to "NNN_". */
static void clear(net_t *net, uint16_t p) {
  uint16_t i, n = ui_in_total(net);
  char name[8];
  strbuf_t sb;
  for (i = 0; i < n; i++) preset_include_in(net, p, i, false);
  for (i = 0; i < net_out_count(net); i++) preset_include_out(net, p, i, false);
  sb_init(&sb, name, sizeof name);
  sb_char(&sb, (char)('0' + (p / 100u) % 10u));
  sb_char(&sb, (char)('0' + (p / 10u) % 10u));
  sb_char(&sb, (char)('0' + p % 10u));
  sb_char(&sb, '_');
  preset_set_name(net, p, name);
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  net_t *net = ui->net;
  uint16_t s = (uint16_t)*sel(ui);
  if (k == 3) {
    if (pressed) { /* ALT cuts the name at the cursor */
      if (!ui->editing) load_name(ui);
      ui->edit[ui->cursor] = '\0';
      save_name(ui);
      ui->editing = true;
    }
    return;
  }
  if (pressed) return; /* bees acts on the release */
  if (!ui_check_key(ui, k)) return;
  ui->editing = false;
  if (k == 0)
    preset_store(net, s);
  else if (k == 1)
    preset_recall(net, s);
  else if (k == 2)
    clear(net, s);
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  switch (n) {
  case 0:
    ui_reset_key(ui);
    ui->cursor = 4; /* past bees' "NNN_" */
    ui->editing = false;
    *sel(ui) = ui_scroll_clamp(*sel(ui), delta, preset_count(ui->net));
    break;
  case 2:
  case 3:
    if (!ui->editing) load_name(ui);
    ui->editing = true;
    if (n == 2)
      ui_edit_cursor(ui, delta, ui->edit, UI_PRESET_NAME_LEN);
    else
      ui_edit_char(ui->edit, (uint8_t)ui->cursor, delta);
    save_name(ui);
    break;
  default: break;
  }
}

static void enter(ui_t *ui) {
  if (*sel(ui) < 0) *sel(ui) = 0;
  if (ui->cursor >= (int8_t)UI_PRESET_NAME_LEN) ui->cursor = 0;
}

const ui_page_t ui_page_presets = {"PRESETS", enter, key, encoder, draw, ui_foot_store_recall};
