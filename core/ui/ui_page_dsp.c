/* SPDX-License-Identifier: MIT */
/* ui_page_dsp.c: bees' MODULES page. The Aleph lists the DSP modules on its card and F0 loads
 * one. Here the first line is the module the scene names (its state, from the platform's DSP:
 * running, not simulated, none, on the head line), F0 (twice) loads it afresh with every param
 * sent again, and the lines after it list the params with the values the module gets, as their
 * scalers show them; encoder 0 scrolls. Without a DSP F0 says that nothing is loaded. */
#include "strbuf.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_DSP]; }

static const char *module(const ui_t *ui) {
  const char *m = "";
  if (ui->dsp && ui->dsp->module)
    m = ui->dsp->module(ui->dsp->ctx);
  else if (ui->store && ui->store->module)
    m = ui->store->module(ui->store->ctx);
  return m ? m : "";
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  if (idx == 0) {
    ui_line_text(ui, ln, 0, module(ui)[0] ? module(ui) : "(no module)", UI_LO_FG, SCREEN_W);
  } else {
    const net_param_t *p = net_param(ui->net, (uint16_t)(idx - 1));
    char text[32];
    int16_t x;
    if (!p) return;
    ui_index_name(text, sizeof text, (uint32_t)(idx - 1), p->label);
    x = ui_param_value(ui, ln, p, p->value, UI_LO_FG);
    ui_line_text(ui, ln, 4, text, UI_LO_FG, (int16_t)(x - 2));
  }
}

static void draw(ui_t *ui) {
  const char *state = ui->dsp && ui->dsp->state ? ui->dsp->state(ui->dsp->ctx) : NULL;
  char title[32];
  strbuf_t sb;
  sb_init(&sb, title, sizeof title);
  sb_str(&sb, "MODULES");
  if (state && state[0]) {
    sb_str(&sb, "  ");
    sb_str(&sb, state);
  }
  ui_draw_list(ui, *sel(ui), 1 + (int32_t)net_param_count(ui->net), false, line);
  ui_draw_head(ui, title);
}

static const char *const *foot(ui_t *ui) {
  static const char *const labels[4] = {"LOAD", "", "", ""};
  (void)ui;
  return labels;
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  char msg[UI_NOTICE_LEN + 1];
  if (k != 0 || !pressed) return;
  if (!ui_check_key(ui, 0)) return;
  if (!ui->dsp || !ui->dsp->load) {
    ui_notify(ui, "NO DSP IN THE SIM");
    return;
  }
  msg[0] = '\0';
  ui->dsp->load(ui->dsp->ctx, msg, sizeof msg);
  ui_notify(ui, msg);
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  if (n != 0) return;
  ui_reset_key(ui);
  *sel(ui) = ui_scroll_clamp(*sel(ui), delta > 0 ? 1 : -1, 1 + (int32_t)net_param_count(ui->net));
}

const ui_page_t ui_page_dsp = {"MODULES", NULL, key, encoder, draw, foot};
