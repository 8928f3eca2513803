/* SPDX-License-Identifier: MIT */
/* ui_page_dsp.c: bees' MODULES page. The Aleph lists the DSP modules on its card and loads one
 * with F0; the simulator has no DSP, so the page lists the module the scene names and F0 says
 * that nothing is loaded. */
#include "ui_internal.h"

static const char *module(const ui_t *ui) {
  const char *m = ui->store && ui->store->module ? ui->store->module(ui->store->ctx) : "";
  return m ? m : "";
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  (void)idx;
  ui_line_text(ui, ln, 0, module(ui)[0] ? module(ui) : "(no module)", UI_LO_FG, SCREEN_W);
}

static void draw(ui_t *ui) {
  ui_draw_list(ui, 0, 1, false, line);
  ui_draw_head(ui, "MODULES");
}

static const char *const *foot(ui_t *ui) {
  static const char *const labels[4] = {"LOAD", "", "", ""};
  (void)ui;
  return labels;
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  if (k != 0 || !pressed) return;
  if (ui_check_key(ui, 0)) ui_notify(ui, "NO DSP IN THE SIM");
}

const ui_page_t ui_page_dsp = {"MODULES", NULL, key, NULL, draw, foot};
