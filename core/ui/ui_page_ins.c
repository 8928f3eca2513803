/* SPDX-License-Identifier: MIT */
/* ui_page_ins.c: bees' INPUTS page: every op input, then the DSP params, with their values (a
 * param's as its scaler shows it); values edited with encoders 2 (fine) and 3 (accelerated), a
 * param through its scaler's increment, preset inclusion, play visibility, zero/max, and ALT +
 * encoder 2 to preview and recall presets. */
#include "scaler.h"
#include "strbuf.h"
#include "ui_font.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_INS]; }

/* While a preset is being chosen (ALT + ENC2), lines show that preset's stored values. */
static io_t shown_value(const ui_t *ui, uint16_t in, bool *included) {
  io_t v = net_get_value(ui->net, in);
  uint16_t p = preset_selected(ui->net);
  *included = preset_in_included(ui->net, p, in);
  if (ui->alt && ui->in_preset_select && *included) preset_in_value(ui->net, p, in, &v);
  return v;
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  net_t *net = ui->net;
  uint16_t in = (uint16_t)idx, nins = net_in_count(net);
  char text[40], val[7];
  const char *shown = val;
  int16_t val_x = UI_VALUE_X;
  bool included;
  io_t v = shown_value(ui, in, &included);
  screen_format_number(val, v);
  if (in < nins) {
    uint16_t op;
    uint8_t sub;
    strbuf_t sb;
    net_in_owner(net, in, &op, &sub);
    ui_index_name(text, sizeof text, op, net_op_name(net, op));
    sb_init(&sb, text + str_nlen(text, sizeof text), (uint32_t)(sizeof text - str_nlen(text, sizeof text)));
    sb_char(&sb, '/');
    sb_str(&sb, net_in_name(net, in));
    /* a PARAM op's input names a param: bees shows that param's label, right-justified */
    if (net_op(net, op)->cls->id == OP_PARAM && v >= 0 && (uint16_t)v < net_param_count(net)) {
      const net_param_t *p = net_param(net, (uint16_t)v);
      uint32_t len = p ? str_nlen(p->label, 10) : 0;
      if (len) {
        shown = p->label;
        val_x = (int16_t)(SCREEN_W - 2 - (int16_t)(len * UI_FONT_CELL_W));
      }
    }
  } else {
    /* a DSP param: bees shows its scaler's text (net_get_param_value_string) */
    const net_param_t *p = net_param(net, (uint16_t)(in - nins));
    ui_index_name(text, sizeof text, (uint32_t)(in - nins), p ? p->label : "");
    if (p) {
      val_x = ui_param_value(ui, ln, p, v, UI_LO_FG);
      shown = NULL;
    }
  }
  ui_line_text(ui, ln, 4, text, UI_LO_FG, (int16_t)(val_x - 2));
  if (shown) ui_line_text(ui, ln, val_x, shown, UI_LO_FG, SCREEN_W - 2);
  ui_line_marks(ui, ln, net_in_play(net, in), included, UI_LO_FG);
}

static void draw(ui_t *ui) {
  ui_draw_list(ui, *sel(ui), ui_in_total(ui->net), true, line);
  ui_draw_head(ui, "INPUTS");
}

static const char *const *foot(ui_t *ui) {
  static const char *labels[4];
  int16_t s = *sel(ui);
  bool ok = s >= 0;
  if (ui->alt) {
    labels[0] = ""; /* GATHER: not done in bees 0.8.1 either */
    labels[1] = ok && net_in_play(ui->net, (uint16_t)s) ? "HIDE" : "SHOW";
    labels[2] = "";
  } else {
    labels[0] = "STORE";
    labels[1] = ok && preset_in_included(ui->net, preset_selected(ui->net), (uint16_t)s) ? "EXC"
                                                                                         : "INC";
    labels[2] = ui->zeroed ? "MAX" : "ZERO";
  }
  labels[3] = "ALT";
  return labels;
}

static void scroll(ui_t *ui, int32_t dir) {
  int16_t s;
  ui_reset_key(ui);
  s = ui_scroll_wrap(*sel(ui), dir, ui_in_total(ui->net));
  *sel(ui) = s;
  ui->zeroed = s >= 0 && net_get_value(ui->net, (uint16_t)s) == 0;
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  net_t *net = ui->net;
  int16_t s = *sel(ui);
  uint16_t p = preset_selected(net);
  if (ui_preview_alt_key(ui, k, pressed)) return;
  if (!pressed) return;
  switch (k) {
  case 0:
    if (ui->alt) break; /* GATHER (bees 0.8.1: to do) */
    ui->head_preset = true;
    if (ui_check_key(ui, 0) && s >= 0) preset_include_in(net, p, (uint16_t)s, true);
    break;
  case 1:
    if (!ui_check_key(ui, 1) || s < 0) break;
    if (ui->alt) {
      net_set_in_play(net, (uint16_t)s, !net_in_play(net, (uint16_t)s));
    } else {
      ui->head_preset = true;
      preset_include_in(net, p, (uint16_t)s, !preset_in_included(net, p, (uint16_t)s));
    }
    break;
  case 2:
    if (!ui_check_key(ui, 2) || ui->alt || s < 0) break;
    net_activate(net, (uint16_t)s, ui->zeroed ? IO_MAX : 0);
    ui->zeroed = !ui->zeroed;
    break;
  default: break;
  }
}

/* bees' net_inc_in_value: an op input through its op's increment, a param through its scaler's
 * (which keeps it within the type's range) */
static void increment(net_t *net, uint16_t in, io_t inc) {
  uint16_t nins = net_in_count(net);
  const net_param_t *p = in >= nins ? net_param(net, (uint16_t)(in - nins)) : NULL;
  if (p)
    net_activate(net, in, scaler_increment(p, p->value, inc, NULL));
  else
    net_increment(net, in, inc);
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  net_t *net = ui->net;
  int16_t s = *sel(ui);
  switch (n) {
  case 0:
    if (ui->alt)
      scroll(ui, ui_warp_in(net, s, delta));
    else
      scroll(ui, delta > 0 ? 1 : -1);
    break;
  case 2:
    if (ui->alt) {
      ui_preview_choose(ui, delta);
    } else if (s >= 0) {
      increment(net, (uint16_t)s, delta);
    }
    break;
  case 3:
    if (s >= 0) increment(net, (uint16_t)s, ui_knob_fast(delta));
    break;
  default: break;
  }
}

static void enter(ui_t *ui) {
  int16_t s = *sel(ui);
  ui->zeroed = s >= 0 && net_get_value(ui->net, (uint16_t)s) == 0;
}

const ui_page_t ui_page_ins = {"INPUTS", enter, key, encoder, draw, foot};
