/* SPDX-License-Identifier: MIT */
/* ui_page_outs.c: bees' OUTPUTS page: every op output and its target; encoder 3 chooses a
 * target and F2 connects it (or disconnects), preset inclusion, play visibility, FOLLOW to the
 * target on the INS page, SPLIT (a SPLIT op inserted after the output's op). */
#include "strbuf.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_OUTS]; }

static void append_node(const net_t *net, strbuf_t *sb, int32_t in) {
  char text[32];
  uint16_t nins = net_in_count(net);
  if (in < nins) {
    uint16_t op;
    uint8_t sub;
    net_in_owner(net, (uint16_t)in, &op, &sub);
    ui_index_name(text, sizeof text, op, net_op_name(net, op));
    sb_str(sb, text);
    sb_char(sb, '/');
    sb_str(sb, net_in_name(net, (uint16_t)in));
  } else {
    const net_param_t *p = net_param(net, (uint16_t)(in - nins));
    ui_index_name(text, sizeof text, (uint32_t)(in - nins), p ? p->label : "");
    sb_str(sb, text);
  }
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  net_t *net = ui->net;
  uint16_t out = (uint16_t)idx, op = 0, top = 0;
  uint8_t sub, tsub;
  int32_t target = (ui->target_select && idx == *sel(ui)) ? ui->tmp_target : net_target(net, out);
  uint8_t fg = UI_LO_FG;
  char text[48];
  strbuf_t sb;
  net_out_owner(net, out, &op, &sub);
  /* the net does not deliver from an op to its own input: bees dims such a line */
  if (target >= 0 && target < net_in_count(net) && net_in_owner(net, (uint16_t)target, &top, &tsub) &&
      top == op)
    fg = UI_DIM_FG;
  ui_index_name(text, sizeof text, op, net_op_name(net, op));
  sb_init(&sb, text + str_nlen(text, sizeof text), (uint32_t)(sizeof text - str_nlen(text, sizeof text)));
  sb_char(&sb, '/');
  sb_str(&sb, net_out_name(net, out));
  ui_line_text(ui, ln, 2, text, fg, target >= 0 ? 58 : SCREEN_W - 2);
  if (target >= 0) {
    sb_init(&sb, text, sizeof text);
    sb_str(&sb, "->");
    append_node(net, &sb, target);
    ui_line_text(ui, ln, 60, text, fg, SCREEN_W - 2);
  }
  ui_line_marks(ui, ln, net_out_play(net, out),
                preset_out_included(net, preset_selected(net), out), fg);
}

static void draw(ui_t *ui) {
  ui_draw_list(ui, *sel(ui), net_out_count(ui->net), true, line);
  ui_draw_head(ui, "OUTPUTS");
}

static const char *const *foot(ui_t *ui) {
  static const char *labels[4];
  int16_t s = *sel(ui);
  bool ok = s >= 0;
  if (ui->alt) {
    labels[0] = "FOLLOW";
    labels[1] = "SPLIT";
    labels[2] = ok && net_out_play(ui->net, (uint16_t)s) ? "HIDE" : "SHOW";
  } else {
    labels[0] = "STORE";
    labels[1] = ok && preset_out_included(ui->net, preset_selected(ui->net), (uint16_t)s) ? "EXC"
                                                                                           : "INC";
    labels[2] = ui->target_select ? "CONN" : "DISC";
  }
  labels[3] = "ALT";
  return labels;
}

/* bees' net_split_out: a SPLIT op right after the output's op takes the output's place: the
 * output feeds the split, the split's first output goes where the output went. Returns the
 * output the selection moves to. */
static int16_t split(ui_t *ui, uint16_t out) {
  net_t *net = ui->net;
  int32_t target = net_target(net, out);
  uint16_t op = 0, at, idx;
  uint8_t sub;
  uint16_t first_in, first_out;
  net_status_t st;
  net_out_owner(net, out, &op, &sub);
  at = (uint16_t)(op + 1u);
  if (at < UI_SYSTEM_OPS) at = UI_SYSTEM_OPS;
  if (at > net_op_count(net)) at = net_op_count(net);
  st = net_room_for_op(net, OP_SPLIT);
  if (st == NET_OK) st = net_add_op(net, OP_SPLIT, at, &idx);
  if (st != NET_OK) {
    ui_notify_add_failed(ui, st);
    return (int16_t)out;
  }
  /* the output's own index is unchanged: the split comes after its op */
  target = net_target(net, out); /* a param target's global index moved with the new inputs */
  first_in = net_op_first_in(net, idx);
  first_out = net_op_first_out(net, idx);
  net_connect(net, out, first_in);
  if (target < 0) return (int16_t)first_out;
  net_connect(net, first_out, target);
  return (int16_t)(first_out + 1u);
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  net_t *net = ui->net;
  int16_t s = *sel(ui);
  uint16_t p = preset_selected(net);
  if (ui_preview_alt_key(ui, k, pressed)) return;
  if (!pressed) return;
  switch (k) {
  case 0:
    if (ui->alt) { /* FOLLOW: the target, on the INS page */
      int32_t t = s >= 0 ? net_target(net, (uint16_t)s) : -1;
      if (t >= 0) {
        ui->select[UI_PAGE_INS] = (int16_t)t;
        ui_set_page(ui, UI_PAGE_INS);
      }
      break;
    }
    ui->head_preset = true;
    if (ui_check_key(ui, 0) && s >= 0) preset_include_out(net, p, (uint16_t)s, true);
    break;
  case 1:
    if (!ui_check_key(ui, 1) || s < 0) break;
    if (ui->alt) {
      *sel(ui) = split(ui, (uint16_t)s);
    } else {
      ui->head_preset = true;
      preset_include_out(net, p, (uint16_t)s, !preset_out_included(net, p, (uint16_t)s));
    }
    break;
  case 2:
    if (!ui_check_key(ui, 2) || s < 0) break;
    if (ui->alt) {
      net_set_out_play(net, (uint16_t)s, !net_out_play(net, (uint16_t)s));
    } else if (ui->target_select) {
      net_connect(net, (uint16_t)s, ui->tmp_target);
      ui->target_select = false;
    } else {
      net_disconnect(net, (uint16_t)s);
    }
    break;
  default: break;
  }
}

static void edit_target(ui_t *ui, int32_t inc) {
  int32_t n = ui_in_total(ui->net), t;
  if (!ui->target_select) {
    int32_t cur = net_target(ui->net, (uint16_t)*sel(ui));
    ui->target_select = true;
    /* an unconnected output starts from the last target chosen */
    if (cur >= 0) ui->tmp_target = cur;
  }
  t = ui->tmp_target + inc;
  /* the choices are -1 (none) and 0..n-1, in a ring */
  t = ((t + 1) % (n + 1) + (n + 1)) % (n + 1) - 1;
  ui->tmp_target = t;
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  net_t *net = ui->net;
  int16_t s = *sel(ui);
  if (n != 3) ui->target_select = false;
  switch (n) {
  case 0:
    ui_reset_key(ui);
    *sel(ui) = ui_scroll_wrap(s, ui->alt ? ui_warp_out(net, s, delta) : (delta > 0 ? 1 : -1),
                              net_out_count(net));
    break;
  case 2:
    if (ui->alt) {
      ui_preview_choose(ui, delta);
    }
    break;
  case 3:
    if (s < 0) break;
    if (ui->alt) {
      int32_t t = ui->target_select ? ui->tmp_target : net_target(net, (uint16_t)s);
      edit_target(ui, ui_warp_in(net, t < 0 ? ui->tmp_target : t, delta));
    } else {
      edit_target(ui, delta > 0 ? 1 : -1);
    }
    break;
  default: break;
  }
}

const ui_page_t ui_page_outs = {"OUTPUTS", NULL, key, encoder, draw, foot};
