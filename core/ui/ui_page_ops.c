/* SPDX-License-Identifier: MIT */
/* ui_page_ops.c: bees' OPERATORS page: the op list; encoder 3 picks the class of a new op (ALT:
 * eight at a time), F2 creates it after the selection (ALT: deletes the selection), F0 and F1
 * jump to the op's inputs and outputs. A failed creation says why on the head line. */
#include "op_catalog.h"
#include "strbuf.h"
#include "ui_font.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_OPS]; }

/* Whether name is only the class's display name or a NAME#k handle made from it. */
static bool is_handle(const char *name, const char *display) {
  uint32_t n = str_nlen(display, 32), k;
  for (k = 0; k < n; k++)
    if (name[k] != display[k]) return false;
  if (name[n] == '\0') return true;
  if (name[n] != '#' || !name[n + 1]) return false;
  for (k = n + 1; name[k]; k++)
    if (name[k] < '0' || name[k] > '9') return false;
  return true;
}

/* The op's own name (from the host: a JSON scene's "CLOCK"), over the right half of its line,
 * where it is more than a handle and fits the 10 characters there (whole glyphs; never on the
 * selected line, which shows the new op's class there). */
static void own_name(ui_t *ui, uint8_t ln, uint16_t op) {
  char name[24];
  if (ln == UI_CENTER || !ui->names || !ui->names->op_name) return;
  if (!ui->names->op_name(ui->names->ctx, op, name, sizeof name)) return;
  if (is_handle(name, net_op_name(ui->net, op)) || str_nlen(name, sizeof name) > 10) return;
  ui_line_text(ui, ln, 64, name, UI_DIM_FG, SCREEN_W);
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  char text[32];
  ui_index_name(text, sizeof text, (uint32_t)idx, net_op_name(ui->net, (uint16_t)idx));
  ui_line_text(ui, ln, 0, text, UI_LO_FG, SCREEN_W);
  if ((int32_t)str_nlen(text, sizeof text) * UI_FONT_CELL_W <= 62) own_name(ui, ln, (uint16_t)idx);
}

static void draw(ui_t *ui) {
  const op_class_t *c = op_user_class(ui->new_op);
  char text[24];
  strbuf_t sb;
  ui_draw_list(ui, *sel(ui), net_op_count(ui->net), false, line);
  /* the class a new op gets, over the right half of the selected line */
  sb_init(&sb, text, sizeof text);
  sb_char(&sb, '+');
  sb_str(&sb, c ? c->name : "");
  ui_fill(ui, 64, UI_CENTER * UI_LINE_H, 64, UI_LINE_H, UI_HI_BG);
  ui_line_text(ui, UI_CENTER, 64, text, UI_LO_FG, SCREEN_W);
  ui_draw_head(ui, "OPERATORS");
}

static const char *const *foot(ui_t *ui) {
  static const char *labels[4];
  labels[0] = "INS";
  labels[1] = "OUTS";
  labels[2] = ui->alt ? "DELETE" : "CREATE";
  labels[3] = "ALT";
  return labels;
}

static void scroll(ui_t *ui, int32_t dir) {
  ui_reset_key(ui);
  *sel(ui) = ui_scroll_clamp(*sel(ui), dir, net_op_count(ui->net));
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  net_t *net = ui->net;
  uint16_t s = (uint16_t)*sel(ui);
  if (!pressed || k == 3) return;
  if (!ui_check_key(ui, k)) return;
  if (k == 0) {
    uint16_t in = net_op_first_in(net, s);
    ui->select[UI_PAGE_INS] = (int16_t)(in < net_in_count(net) ? in : 0);
    ui_set_page(ui, UI_PAGE_INS);
    ui_reset_key(ui);
  } else if (k == 1) {
    uint16_t out = net_op_first_out(net, s);
    ui->select[UI_PAGE_OUTS] = (int16_t)(out < net_out_count(net) ? out : 0);
    ui_set_page(ui, UI_PAGE_OUTS);
    ui_reset_key(ui);
  } else if (k == 2) {
    net_status_t st;
    if (ui->alt) {
      st = net_remove_op(net, s);
      if (st == NET_OK)
        scroll(ui, -1);
      else
        ui_notify(ui, st == NET_ERR_SYSTEM_OP ? "SYSTEM OPS STAY" : "NOT DELETED");
    } else {
      const op_class_t *c = op_user_class(ui->new_op);
      uint32_t at = (uint32_t)s + 1u;
      if (at < UI_SYSTEM_OPS) at = UI_SYSTEM_OPS;
      if (at > net_op_count(net)) at = net_op_count(net);
      st = c ? net_room_for_op(net, c->id) : NET_ERR_UNKNOWN_CLASS;
      if (st == NET_OK) st = net_add_op(net, c->id, (uint16_t)at, NULL);
      if (st == NET_OK) {
        ui->notice[0] = '\0';
        /* bees moves the selection one line down (onto the new op when it went right after) */
        scroll(ui, 1);
      } else {
        ui_notify_add_failed(ui, st);
      }
    }
  }
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  uint16_t count = op_user_class_count();
  int32_t t = ui->new_op;
  if (n == 0) {
    scroll(ui, delta);
  } else if (n == 3 && count) {
    int32_t step = ui->alt ? 8 : 1;
    t += delta > 0 ? step : -step;
    /* bees: past the end back to the first; before the first to the last */
    if (t >= count) t = 0;
    if (t < 0) t = count - 1;
    ui->new_op = (uint16_t)t;
  }
}

static void enter(ui_t *ui) {
  if (*sel(ui) < 0) *sel(ui) = 0;
}

const ui_page_t ui_page_ops = {"OPERATORS", enter, key, encoder, draw, foot};
