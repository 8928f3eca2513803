/* SPDX-License-Identifier: MIT */
/* ui_page_scenes.c: bees' SCENES page: the scenes in the store; F0 stores the running net under
 * the scene name (edited on encoders 2 and 3, shown in the head line), F1 recalls the selected
 * scene and F2 clears the user ops (both on the key's release), each confirmed by a second
 * press. */
#include "strbuf.h"
#include "ui_internal.h"

static int16_t *sel(ui_t *ui) { return &ui->select[UI_PAGE_SCENES]; }

static void refresh(ui_t *ui) {
  ui->scene_count = ui->store && ui->store->count ? ui->store->count(ui->store->ctx) : 0;
  if (*sel(ui) >= (int16_t)ui->scene_count) *sel(ui) = (int16_t)(ui->scene_count ? ui->scene_count - 1 : 0);
  if (*sel(ui) < 0) *sel(ui) = 0;
}

void ui_scene_loaded(ui_t *ui, const char *entry) {
  uint16_t i;
  refresh(ui);
  if (!entry || !ui->store || !ui->store->name) return;
  for (i = 0; i < ui->scene_count; i++) {
    char name[UI_NAME_LEN + 1];
    if (ui->store->name(ui->store->ctx, i, name, sizeof name) && str_eq(name, entry)) {
      *sel(ui) = (int16_t)i;
      return;
    }
  }
}

static void line(ui_t *ui, uint8_t ln, int32_t idx) {
  char name[UI_NAME_LEN + 1];
  if (!ui->store->name(ui->store->ctx, (uint16_t)idx, name, sizeof name)) return;
  ui_line_text(ui, ln, 2, name, UI_LO_FG, SCREEN_W);
}

static void draw(ui_t *ui) {
  ui_draw_list(ui, *sel(ui), ui->store && ui->store->name ? ui->scene_count : 0, false, line);
  if (ui->editing && !ui->notice[0]) {
    ui_fill(ui, 0, 0, SCREEN_W, UI_LINE_H, 0);
    ui_edit_string(ui, 0, 0, ui->scene_name, UI_NAME_LEN, ui->cursor);
  } else {
    ui_draw_head(ui, "SCENES");
  }
}

static void store(ui_t *ui) {
  char msg[UI_NOTICE_LEN + 1];
  if (!ui->store || !ui->store->save) {
    ui_notify(ui, "NO SCENE STORE");
    return;
  }
  if (!ui->scene_name[0]) ui_set_scene_name(ui, "_");
  msg[0] = '\0';
  if (ui->store->save(ui->store->ctx, ui->scene_name, msg, sizeof msg))
    ui_notify(ui, "done writing.");
  else
    ui_notify(ui, msg[0] ? msg : "WRITE FAILED");
  refresh(ui);
}

static void recall(ui_t *ui) {
  char name[UI_NAME_LEN + 1], loaded[UI_NAME_LEN + 1], msg[UI_NOTICE_LEN + 1];
  if (!ui->store || !ui->store->load || !ui->scene_count ||
      !ui->store->name(ui->store->ctx, (uint16_t)*sel(ui), name, sizeof name)) {
    ui_notify(ui, "NO SCENE TO READ");
    return;
  }
  msg[0] = loaded[0] = '\0';
  /* the store swaps the net in (and tells us through ui_set_net) */
  if (ui->store->load(ui->store->ctx, name, loaded, sizeof loaded, msg, sizeof msg)) {
    ui_set_scene_name(ui, loaded[0] ? loaded : name);
    ui_notify(ui, "done reading.");
  } else {
    ui_notify(ui, msg[0] ? msg : "READ FAILED");
  }
}

static void key(ui_t *ui, uint8_t k, bool pressed) {
  if (k == 3) {
    if (pressed) { /* ALT cuts the name at the cursor */
      ui->scene_name[ui->cursor] = '\0';
      ui->editing = true;
      ui->notice[0] = '\0';
    }
    return;
  }
  /* bees: STORE on the press, RECALL and CLEAR on the release */
  if (k == 0 ? !pressed : pressed) return;
  if (!ui_check_key(ui, k)) return;
  ui->editing = false;
  if (k == 0) {
    store(ui);
  } else if (k == 1) {
    recall(ui);
  } else if (k == 2) {
    net_clear_user_ops(ui->net);
    ui_set_net(ui, ui->net);
    ui_notify(ui, "done clearing.");
  }
}

static void encoder(ui_t *ui, uint8_t n, int16_t delta) {
  switch (n) {
  case 0:
    ui_reset_key(ui);
    ui->cursor = 0;
    *sel(ui) = ui_scroll_clamp(*sel(ui), delta, ui->scene_count);
    break;
  case 2:
  case 3:
    ui->editing = true;
    ui->notice[0] = '\0';
    if (n == 2)
      ui_edit_cursor(ui, delta, ui->scene_name, UI_NAME_LEN);
    else
      ui_edit_char(ui->scene_name, (uint8_t)ui->cursor, delta);
    break;
  default: break;
  }
}

static void enter(ui_t *ui) {
  refresh(ui);
  if (ui->cursor >= (int8_t)UI_NAME_LEN) ui->cursor = 0;
}

const ui_page_t ui_page_scenes = {"SCENES", enter, key, encoder, draw, ui_foot_store_recall};
