/* SPDX-License-Identifier: MIT */
/* ui.c: the editor's top level: play/edit mode on MODE, routing keys and encoders to play mode
 * (the system ops) or to the current page, bees' page ring on encoder 1, ALT on F3, key
 * confirmation, head-line notices, name editing and list scrolling shared by the pages. */
#include "ui.h"

#include "op_catalog.h"
#include "strbuf.h"
#include "ui_internal.h"

static const ui_page_t *const pages[UI_PAGE_PLAY] = {
  &ui_page_ins, &ui_page_outs, &ui_page_presets, &ui_page_ops, &ui_page_scenes, &ui_page_dsp,
};

/* Encoder 1 turns the pages as a ring: INS OUTS PRESETS SCENES DSP OPS (bees' handlers). */
static const ui_page_id_t page_next[UI_PAGE_PLAY] = {
  UI_PAGE_OUTS, UI_PAGE_PRESETS, UI_PAGE_SCENES, UI_PAGE_INS, UI_PAGE_DSP, UI_PAGE_OPS,
};
static const ui_page_id_t page_prev[UI_PAGE_PLAY] = {
  UI_PAGE_OPS, UI_PAGE_INS, UI_PAGE_OUTS, UI_PAGE_DSP, UI_PAGE_PRESETS, UI_PAGE_SCENES,
};

static void clear_px(ui_t *ui) {
  uint32_t i;
  for (i = 0; i < (uint32_t)SCREEN_W * SCREEN_H; i++) ui->px[i] = 0;
}

void ui_init(ui_t *ui, net_t *net, uint8_t *px, const ui_scene_store_t *store) {
  uint8_t *p = (uint8_t *)ui;
  uint32_t i;
  for (i = 0; i < sizeof *ui; i++) p[i] = 0;
  ui->net = net;
  ui->px = px;
  ui->store = store;
  ui->page = UI_PAGE_PLAY;
  ui->last_page = UI_PAGE_SCENES;
  ui->key_pressed = UI_NO_KEY;
  ui->tmp_target = -1;
  /* bees starts its op-type choice at index eOpAccum (11) of the user list */
  ui->new_op = op_user_class_count() > 11u ? 11u : 0u;
  ui->cursor = 0;
  if (px) clear_px(ui);
}

static void keep_in_range(ui_t *ui) {
  int32_t ins = ui_in_total(ui->net), outs = ui->net ? net_out_count(ui->net) : 0;
  int32_t ops = ui->net ? net_op_count(ui->net) : 0;
  if (ui->select[UI_PAGE_INS] >= ins) ui->select[UI_PAGE_INS] = (int16_t)(ins - 1);
  if (ui->select[UI_PAGE_OUTS] >= outs) ui->select[UI_PAGE_OUTS] = (int16_t)(outs - 1);
  if (ui->select[UI_PAGE_OPS] >= ops) ui->select[UI_PAGE_OPS] = (int16_t)(ops > 0 ? ops - 1 : 0);
  if (ui->tmp_target >= ins) ui->tmp_target = -1;
  if (ui->net && ui->select[UI_PAGE_DSP] > (int16_t)net_param_count(ui->net))
    ui->select[UI_PAGE_DSP] = (int16_t)net_param_count(ui->net);
}

void ui_set_store(ui_t *ui, const ui_scene_store_t *store) { ui->store = store; }
void ui_set_dsp(ui_t *ui, const ui_dsp_t *dsp) { ui->dsp = dsp; }
void ui_set_names(ui_t *ui, const ui_names_t *names) { ui->names = names; }

void ui_set_net(ui_t *ui, net_t *net) {
  ui->net = net;
  ui->target_select = false;
  ui->editing = false;
  keep_in_range(ui);
}

void ui_set_scene_name(ui_t *ui, const char *name) {
  uint32_t i;
  for (i = 0; i < sizeof ui->scene_name; i++) ui->scene_name[i] = 0;
  str_copy(ui->scene_name, name ? name : "", sizeof ui->scene_name);
}

const char *ui_scene_name(const ui_t *ui) { return ui->scene_name; }

bool ui_edit_mode(const ui_t *ui) { return ui->page != UI_PAGE_PLAY; }
ui_page_id_t ui_page(const ui_t *ui) { return ui->page; }
const char *ui_notice(const ui_t *ui) { return ui->notice; }

int16_t ui_selection(const ui_t *ui, ui_page_id_t page) {
  return page < UI_PAGE_COUNT ? ui->select[page] : -1;
}

const char *ui_page_name(ui_page_id_t page) {
  static const char *const names[UI_PAGE_COUNT] = {"INS",    "OUTS", "PRESETS", "OPS",
                                                    "SCENES", "DSP",  "PLAY"};
  return page < UI_PAGE_COUNT ? names[page] : "";
}

void ui_set_page(ui_t *ui, ui_page_id_t page) {
  ui->page = page;
  ui->notice[0] = '\0';
  ui->head_preset = false;
  ui->target_select = false;
  ui->editing = false;
  ui->page_acc = 0; /* bees clears the encoders' accumulators on a page change */
  if (ui->net) keep_in_range(ui);
  if (page < UI_PAGE_PLAY && pages[page]->enter) pages[page]->enter(ui);
}

bool ui_check_key(ui_t *ui, uint8_t k) {
  if (ui->key_pressed == k) {
    ui->key_pressed = UI_NO_KEY;
    return true;
  }
  ui->key_pressed = k;
  return false;
}

void ui_reset_key(ui_t *ui) { ui->key_pressed = UI_NO_KEY; }

void ui_preview_choose(ui_t *ui, int16_t delta) {
  int32_t p = (int32_t)preset_selected(ui->net) + (delta > 0 ? 1 : -1);
  int32_t np = preset_count(ui->net);
  ui->in_preset_select = true;
  ui->head_preset = true;
  preset_select(ui->net, (uint16_t)(p < 0 ? np - 1 : p >= np ? 0 : p));
}

bool ui_preview_alt_key(ui_t *ui, uint8_t k, bool pressed) {
  if (k != 3) return false;
  if (pressed && ui->in_preset_select) {
    preset_recall(ui->net, preset_selected(ui->net));
    ui->in_preset_select = false;
  }
  return true;
}

const char *const *ui_foot_store_recall(ui_t *ui) {
  static const char *const plain[4] = {"STORE", "RECALL", "CLEAR", "ALT"};
  static const char *const alt[4] = {"STORE", "RECALL", "COPY", "ALT"};
  return ui->alt ? alt : plain;
}

void ui_notify(ui_t *ui, const char *msg) { str_copy(ui->notice, msg, sizeof ui->notice); }

void ui_notify_add_failed(ui_t *ui, net_status_t st) {
  switch (st) {
  case NET_ERR_NO_MEMORY: ui_notify(ui, "NO MEMORY FOR OP!"); break;
  /* the net would take over half the heap: reloading it (a switch) could fail */
  case NET_ERR_NO_ROOM: ui_notify(ui, "MEMORY NEAR FULL!"); break;
  case NET_ERR_TOO_MANY_OPS: ui_notify(ui, "OP LIST IS FULL!"); break;
  case NET_ERR_TOO_MANY_INS: ui_notify(ui, "TOO MANY INPUTS!"); break;
  case NET_ERR_TOO_MANY_OUTS: ui_notify(ui, "TOO MANY OUTPUTS!"); break;
  default: ui_notify(ui, "OP NOT CREATED"); break;
  }
}

uint16_t ui_in_total(const net_t *net) {
  return net ? (uint16_t)(net_in_count(net) + net_param_count(net)) : 0;
}

int16_t ui_scroll_wrap(int16_t sel, int32_t dir, int32_t count) {
  int32_t span = count + 1, n = sel + dir;
  n = ((n + 1) % span + span) % span - 1;
  return (int16_t)n;
}

int16_t ui_scroll_clamp(int16_t sel, int32_t dir, int32_t count) {
  if (dir < 0 && sel > 0) return (int16_t)(sel - 1);
  if (dir > 0 && sel < count - 1) return (int16_t)(sel + 1);
  return sel;
}

io_t ui_knob_fast(int16_t detents) {
  int32_t a = detents < 0 ? -(int32_t)detents : detents, v;
  if (a > 23) a = 23;
  if (a <= 2)
    v = 8 * a;
  else if (a <= 9)
    v = 16 * (a - 1);
  else if (a <= 16)
    v = 256 * (a - 8);
  else
    v = 4096 * (a - 16);
  return (io_t)(detents < 0 ? -v : v);
}

/* Shared by the input and output warps: owner lookups for one kind of node. */
typedef bool (*owner_fn)(const net_t *net, uint16_t node, uint16_t *op, uint8_t *sub);

static int32_t warp(const net_t *net, int32_t from, int32_t dir, int32_t count, owner_fn owner,
                    int32_t fallback) {
  uint16_t op0, op;
  uint8_t sub;
  int32_t n;
  dir = dir > 0 ? 1 : -1;
  if (from < 0 || from >= count || !owner(net, (uint16_t)from, &op0, &sub)) return dir * fallback;
  for (n = from + dir; n >= 0 && n < count; n += dir) {
    if (!owner(net, (uint16_t)n, &op, &sub)) break;
    if (op != op0 && sub == 0) return n - from;
  }
  return dir * fallback;
}

int32_t ui_warp_in(const net_t *net, int32_t from, int32_t dir) {
  return warp(net, from, dir, net_in_count(net), net_in_owner, UI_WARP_LINES);
}

int32_t ui_warp_out(const net_t *net, int32_t from, int32_t dir) {
  return warp(net, from, dir, net_out_count(net), net_out_owner, 1);
}

static bool legal_name_char(int32_t c) {
  return c == '-' || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

void ui_edit_char(char *buf, uint8_t pos, int16_t dir) {
  int32_t c = (uint8_t)buf[pos];
  if (c == 0) {
    c = '_';
  } else if (dir > 0) {
    do c = c + 1 > 'z' ? 'z' : c + 1;
    while (!legal_name_char(c));
  } else {
    do c = c - 1 < '-' ? '-' : c - 1;
    while (!legal_name_char(c));
  }
  buf[pos] = (char)c;
}

void ui_edit_cursor(ui_t *ui, int16_t dir, char *buf, uint8_t len) {
  int32_t c = ui->cursor + (dir > 0 ? 1 : -1);
  uint8_t i;
  if (c < 0) c = 0;
  if (c >= len) c = len - 1;
  ui->cursor = (int8_t)c;
  if (ui->alt) {
    if (c == 0)
      buf[0] = '_';
    else
      for (i = (uint8_t)c; i < len; i++) buf[i] = '\0';
  } else if (buf[c] == '\0') {
    buf[c] = c > 0 ? buf[c - 1] : '_';
  }
}

/* ---- routing ---- */

void ui_key(ui_t *ui, ui_key_t key, bool pressed) {
  if (key >= UI_KEY_COUNT) return;
  if (key == UI_KEY_MODE) {
    if (!pressed) return;
    if (ui->page == UI_PAGE_PLAY) {
      ui_set_page(ui, ui->last_page);
    } else {
      ui->last_page = ui->page;
      ui->alt = false; /* (the ALT key cannot be seen released once play mode owns F3) */
      ui_set_page(ui, UI_PAGE_PLAY);
    }
    return;
  }
  if (ui->page == UI_PAGE_PLAY) {
    ui_play_key(ui, (uint8_t)key, pressed);
    return;
  }
  if (key == UI_KEY_F3) ui->alt = pressed;
  if (pages[ui->page]->key) pages[ui->page]->key(ui, (uint8_t)key, pressed);
}

void ui_encoder(ui_t *ui, uint8_t n, int16_t delta) {
  if (n > 3 || delta == 0) return;
  if (ui->page == UI_PAGE_PLAY) {
    ui_play_encoder(ui, n, delta);
    return;
  }
  if (n == 1) {
    int32_t acc = ui->page_acc + delta;
    if (acc >= UI_PAGE_DETENTS || acc <= -UI_PAGE_DETENTS) {
      ui_page_id_t cur = ui->page;
      ui_set_page(ui, acc > 0 ? page_next[cur] : page_prev[cur]);
      acc = 0;
    }
    ui->page_acc = (int16_t)acc;
    return;
  }
  if (pages[ui->page]->encoder) pages[ui->page]->encoder(ui, n, delta);
}

void ui_render(ui_t *ui) {
  const ui_page_t *p;
  if (ui->page >= UI_PAGE_PLAY || !ui->px) return;
  p = pages[ui->page];
  clear_px(ui);
  if (ui->net) keep_in_range(ui);
  p->draw(ui);
  ui_draw_foot(ui, p->foot(ui));
}
