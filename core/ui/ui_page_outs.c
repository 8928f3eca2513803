/* SPDX-License-Identifier: MIT */
/* ui_page_outs.c: bees' OUTPUTS page: every op output and its target; encoder 3 chooses a
 * target and F2 connects it (or disconnects), preset inclusion, play visibility, FOLLOW to the
 * target on the INS page, SPLIT (a SPLIT op inserted after the output's op). */
#include "strbuf.h"
#include "ui_font.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_OUTS]; }

/* An OUTS line as bees writes it, "IDX.OP/OUT->IDX.OP/IN" ("->IDX.LABEL" for a param), in the
 * 20 whole characters between the play and preset marks: when it is longer, the indices lose
 * their leading zeros, then the longest of the four names loses its last letter, again and
 * again (down to 2 letters each). So source and target, op and port, all stay on the line, and
 * no glyph is cut. */
#define OUTS_LINE_CHARS ((SCREEN_W - 4 + 1) / UI_FONT_CELL_W)
#define OUTS_NAME_MIN 2u

typedef struct {
  uint32_t idx[2];       /* source op, target op (or param) */
  const char *name[4];   /* source op, output, target op (or param label), input ("" for a param) */
  uint8_t len[4];        /* how much of each name is shown */
  bool target, pad;      /* a target to show; three-digit indices */
} outs_text_t;

static void put_index(strbuf_t *sb, uint32_t v, bool pad) {
  if (pad) {
    sb_char(sb, (char)('0' + (v / 100u) % 10u));
    sb_char(sb, (char)('0' + (v / 10u) % 10u));
    sb_char(sb, (char)('0' + v % 10u));
  } else {
    sb_u32(sb, v);
  }
}

static void put_name(strbuf_t *sb, const char *s, uint8_t len) {
  uint8_t k;
  for (k = 0; k < len && s[k]; k++) sb_char(sb, s[k]);
}

/* Writes the line; returns its length. */
static uint32_t outs_compose(const outs_text_t *t, char *out, uint32_t cap) {
  strbuf_t sb;
  sb_init(&sb, out, cap);
  put_index(&sb, t->idx[0], t->pad);
  sb_char(&sb, '.');
  put_name(&sb, t->name[0], t->len[0]);
  sb_char(&sb, '/');
  put_name(&sb, t->name[1], t->len[1]);
  if (t->target) {
    sb_str(&sb, "->");
    put_index(&sb, t->idx[1], t->pad);
    sb_char(&sb, '.');
    put_name(&sb, t->name[2], t->len[2]);
    if (t->len[3]) {
      sb_char(&sb, '/');
      put_name(&sb, t->name[3], t->len[3]);
    }
  }
  return str_nlen(out, cap);
}

static void outs_text(outs_text_t *t, char *out, uint32_t cap) {
  uint8_t k;
  for (k = 0; k < 4; k++) t->len[k] = (uint8_t)str_nlen(t->name[k] ? t->name[k] : "", 40);
  t->pad = true;
  if (outs_compose(t, out, cap) <= OUTS_LINE_CHARS) return;
  t->pad = false;
  while (outs_compose(t, out, cap) > OUTS_LINE_CHARS) {
    uint8_t longest = 0;
    for (k = 1; k < 4; k++)
      if (t->len[k] > t->len[longest]) longest = k;
    if (t->len[longest] <= OUTS_NAME_MIN) return; /* cannot happen with bees' names */
    t->len[longest]--;
  }
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  net_t *net = ui->net;
  uint16_t out = (uint16_t)idx, op = 0, top = 0, nins = net_in_count(net);
  uint8_t sub, tsub;
  int32_t target = (ui->target_select && idx == *sel(ui)) ? ui->tmp_target : net_target(net, out);
  uint8_t fg = UI_LO_FG;
  char text[64];
  outs_text_t t;
  net_out_owner(net, out, &op, &sub);
  t.idx[0] = op;
  t.name[0] = net_op_name(net, op);
  t.name[1] = net_out_name(net, out);
  t.target = target >= 0;
  t.idx[1] = 0;
  t.name[2] = t.name[3] = "";
  if (target >= 0 && target < nins && net_in_owner(net, (uint16_t)target, &top, &tsub)) {
    /* the net does not deliver from an op to its own input: bees dims such a line */
    if (top == op) fg = UI_DIM_FG;
    t.idx[1] = top;
    t.name[2] = net_op_name(net, top);
    t.name[3] = net_in_name(net, (uint16_t)target);
  } else if (target >= nins) {
    const net_param_t *p = net_param(net, (uint16_t)(target - nins));
    t.idx[1] = (uint32_t)(target - nins);
    t.name[2] = p ? p->label : "";
  }
  outs_text(&t, text, sizeof text);
  ui_line_text(ui, ln, 2, text, fg, SCREEN_W - 2);
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
