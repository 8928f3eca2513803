/* SPDX-License-Identifier: MIT */
/* test_ui.c: the editor (core/ui) against a real net: key and encoder sequences as a user
 * would play them on the panel, asserting what they did to the network and to the screen. */
#include "op_harness.h"
#include "scaler.h"
#include "scene.h"
#include "ui.h"
#include "ui_font.h"
#include "ui_internal.h" /* name editing and knob scaling are checked directly */

static uint8_t px[SCREEN_W * SCREEN_H];

/* ---- a scene store that keeps names in memory ---- */
typedef struct {
  char names[4][UI_NAME_LEN + 1];
  uint16_t n;
  char saved[UI_NAME_LEN + 1];
  char loaded[UI_NAME_LEN + 1];
  int saves, loads;
  bool fail_save;
} fake_store_t;

static uint16_t fs_count(void *ctx) { return ((fake_store_t *)ctx)->n; }
static bool fs_name(void *ctx, uint16_t i, char *out, uint16_t cap) {
  fake_store_t *s = ctx;
  if (i >= s->n) return false;
  snprintf(out, cap, "%s", s->names[i]);
  return true;
}
static bool fs_load(void *ctx, const char *name, char *loaded, uint16_t cap, char *msg,
                    uint16_t mcap) {
  fake_store_t *s = ctx;
  (void)msg;
  (void)mcap;
  s->loads++;
  snprintf(s->loaded, sizeof s->loaded, "%s", name);
  snprintf(loaded, cap, "%s", name);
  return true;
}
static bool fs_save(void *ctx, const char *name, char *msg, uint16_t mcap) {
  fake_store_t *s = ctx;
  if (s->fail_save) {
    snprintf(msg, mcap, "CARD IS FULL");
    return false;
  }
  s->saves++;
  snprintf(s->saved, sizeof s->saved, "%s", name);
  if (s->n < 4) snprintf(s->names[s->n++], UI_NAME_LEN + 1, "%s", name);
  return true;
}
static const char *fs_module(void *ctx) {
  (void)ctx;
  return "aleph-waves.ldr";
}

/* ---- panel gestures ---- */
static void press(ui_t *ui, ui_key_t k) {
  ui_key(ui, k, true);
  ui_key(ui, k, false);
}
/* bees' confirmed action: the same key twice */
static void twice(ui_t *ui, ui_key_t k) {
  press(ui, k);
  press(ui, k);
}
static void turn(ui_t *ui, uint8_t enc, int n) {
  int i;
  for (i = 0; i < (n < 0 ? -n : n); i++) ui_encoder(ui, enc, (int16_t)(n < 0 ? -1 : 1));
}
/* encoder 1 turns pages in a ring, four detents a page */
static void goto_page(ui_t *ui, ui_page_id_t page) {
  int guard = 0;
  while (ui_page(ui) != page && guard++ < 10) ui_encoder(ui, 1, 4);
}
static uint16_t user_index(op_id_t id) {
  uint16_t i;
  for (i = 0; i < op_user_class_count(); i++)
    if (op_user_class(i)->id == id) return i;
  return 0xFFFF;
}
/* OPS page: choose the class for new ops with encoder 3 */
static void choose_class(ui_t *ui, op_id_t id) {
  int guard = 0;
  while (op_user_class(ui->new_op)->id != id && guard++ < 200) ui_encoder(ui, 3, 1);
  CHECK_EQ_INT(ui->new_op, user_index(id));
}

static harness_t *setup(ui_t *ui, fake_store_t *store, ui_scene_store_t *iface,
                        uint32_t heap_bytes) {
  harness_t *h = harness_new(heap_bytes, NULL);
  memset(store, 0, sizeof *store);
  iface->ctx = store;
  iface->count = fs_count;
  iface->name = fs_name;
  iface->load = fs_load;
  iface->save = fs_save;
  iface->module = fs_module;
  CHECK_EQ_INT(net_add_system_ops(h->net), NET_OK);
  ui_init(ui, h->net, px, iface);
  return h;
}

static void test_modes(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  CHECK(!ui_edit_mode(&ui));
  /* play mode: F1 drives SW2 (op 5), encoder 1 drives ENC op 2 */
  press(&ui, UI_KEY_F1);
  CHECK(h->n >= 1);
  CHECK_EQ_INT(h->log[0].op, 5);
  h->n = 0;
  ui_encoder(&ui, 1, 3);
  CHECK(h->n >= 1);
  CHECK_EQ_INT(h->log[0].op, 2);
  /* MODE opens the editor on SCENES (bees' start page); MODE again goes back to play */
  press(&ui, UI_KEY_MODE);
  CHECK(ui_edit_mode(&ui));
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_SCENES);
  /* in edit mode the keys no longer reach the SW ops */
  h->n = 0;
  press(&ui, UI_KEY_F1);
  CHECK_EQ_INT(h->n, 0);
  /* the page ring: SCENES -> DSP -> OPS -> INS -> OUTS -> PRESETS -> SCENES, 4 detents each */
  ui_encoder(&ui, 1, 3);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_SCENES);
  ui_encoder(&ui, 1, 1);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_DSP);
  ui_encoder(&ui, 1, 4);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OPS);
  ui_encoder(&ui, 1, 4);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_INS);
  ui_encoder(&ui, 1, 4);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OUTS);
  ui_encoder(&ui, 1, 4);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_PRESETS);
  ui_encoder(&ui, 1, -4);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OUTS);
  press(&ui, UI_KEY_MODE);
  CHECK(!ui_edit_mode(&ui));
  press(&ui, UI_KEY_MODE);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OUTS); /* back where we left */
  harness_free(h);
}

/* Create two ADDs, connect the first's SUM to the second's A, set a value, store it in a
 * preset, change it, recall the preset, rename the preset. */
static void test_build_a_patch(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  uint16_t out, in_a2, in_a1;
  int guard;
  io_t v;
  press(&ui, UI_KEY_MODE);
  goto_page(&ui, UI_PAGE_OPS);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OPS);
  /* bees' op-class choice starts at the user list's 12th entry */
  CHECK_EQ_INT(ui.new_op, 11);
  choose_class(&ui, OP_ADD);
  turn(&ui, 0, 20); /* to the last op (PRESET, 11): scrolling stops there */
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OPS), 11);
  /* one press only lights the key; the second creates */
  press(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_op_count(h->net), 12);
  CHECK_EQ_INT(ui.key_pressed, 2);
  press(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_op_count(h->net), 13);
  CHECK_EQ_INT(net_op(h->net, 12)->cls->id, OP_ADD);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OPS), 12);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_op_count(h->net), 14);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OPS), 13);
  CHECK_EQ_STR(ui_notice(&ui), "");

  /* OPS F1 on the first ADD: its outputs on the OUTS page */
  turn(&ui, 0, -1);
  twice(&ui, UI_KEY_F1);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_OUTS);
  out = net_op_first_out(h->net, 12);
  in_a2 = net_op_first_in(h->net, 13);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OUTS), out);
  /* encoder 3 chooses a target (ALT + encoder 3 warps op by op); F2 connects */
  ui_key(&ui, UI_KEY_F3, true);
  ui_encoder(&ui, 3, 1); /* from "none": 7 inputs on */
  guard = 0;
  while (ui.tmp_target != in_a2 && guard++ < 40) ui_encoder(&ui, 3, 1);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK(ui.target_select);
  CHECK_EQ_INT(ui.tmp_target, in_a2);
  CHECK_EQ_INT(net_target(h->net, out), -1); /* nothing happens before F2 */
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_target(h->net, out), in_a2);
  CHECK(!ui.target_select);

  /* ALT+F0 FOLLOW: the target on the INS page */
  ui_key(&ui, UI_KEY_F3, true);
  press(&ui, UI_KEY_F0);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_INS);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), in_a2);

  /* INS: the first ADD's A = 5 with encoder 2 (fine), include it in preset 0 (F1 twice) */
  in_a1 = net_op_first_in(h->net, 12);
  turn(&ui, 0, (int)in_a1 - (int)in_a2);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), in_a1);
  turn(&ui, 2, 5);
  CHECK_EQ_INT(net_get_value(h->net, in_a1), 5);
  /* the value propagated: SUM -> ADD#2 A */
  CHECK_EQ_INT(net_get_value(h->net, in_a2), 5);
  twice(&ui, UI_KEY_F1);
  CHECK(preset_in_included(h->net, 0, in_a1));
  /* encoder 3 is accelerated: one detent is 8 */
  ui_encoder(&ui, 3, 1);
  CHECK_EQ_INT(net_get_value(h->net, in_a1), 13);

  /* PRESETS: store into preset 0 (on the key's release, confirmed) */
  goto_page(&ui, UI_PAGE_PRESETS);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_PRESETS);
  ui_key(&ui, UI_KEY_F0, true);
  ui_key(&ui, UI_KEY_F0, false);
  ui_key(&ui, UI_KEY_F0, true); /* the press alone does nothing */
  CHECK(preset_in_value(h->net, 0, in_a1, &v));
  CHECK_EQ_INT(v, 5);
  ui_key(&ui, UI_KEY_F0, false);
  CHECK(preset_in_value(h->net, 0, in_a1, &v));
  CHECK_EQ_INT(v, 13);
  /* change the value on INS (ZERO with F2), then recall the preset on PRESETS */
  ui.select[UI_PAGE_INS] = (int16_t)in_a1;
  goto_page(&ui, UI_PAGE_INS);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_get_value(h->net, in_a1), 0);
  CHECK_EQ_INT(net_get_value(h->net, in_a2), 0);
  goto_page(&ui, UI_PAGE_PRESETS);
  twice(&ui, UI_KEY_F1);
  CHECK_EQ_INT(net_get_value(h->net, in_a1), 13);
  CHECK_EQ_INT(net_get_value(h->net, in_a2), 13);

  /* rename preset 0: "000_" -> first character up by one, then cut after it with ALT */
  CHECK_EQ_STR(preset_name(h->net, 0), "000_");
  ui_encoder(&ui, 3, 1);
  CHECK_EQ_STR(preset_name(h->net, 0), "100_");
  ui_encoder(&ui, 2, 1);  /* cursor to 1 */
  ui_encoder(&ui, 3, -1); /* '0' -> '-' */
  CHECK_EQ_STR(preset_name(h->net, 0), "1-0_");
  ui_key(&ui, UI_KEY_F3, true); /* ALT cuts at the cursor */
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_STR(preset_name(h->net, 0), "1");
  /* ALT + encoder 2 past the end: the name ends there */
  ui_encoder(&ui, 2, 1);
  ui_encoder(&ui, 3, 1);
  CHECK_EQ_STR(preset_name(h->net, 0), "1");
  /* back onto the cut: an empty place takes the character before it, and what followed the
   * cut is still there (bees keeps it, drawn dim) */
  ui_encoder(&ui, 2, -1);
  CHECK_EQ_STR(preset_name(h->net, 0), "111_");

  /* PRESETS F2 (confirmed) clears: nothing included, the bees name back */
  twice(&ui, UI_KEY_F2);
  CHECK(!preset_in_included(h->net, 0, in_a1));
  CHECK_EQ_STR(preset_name(h->net, 0), "000_");

  /* OUTS: F2 without choosing a target disconnects; ALT+F2 toggles the play flag */
  ui.select[UI_PAGE_OUTS] = (int16_t)out;
  goto_page(&ui, UI_PAGE_OUTS);
  ui_key(&ui, UI_KEY_F3, true);
  twice(&ui, UI_KEY_F2);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK(net_out_play(h->net, out));
  CHECK_EQ_INT(net_target(h->net, out), in_a2);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_target(h->net, out), -1);

  /* OPS: ALT+F2 deletes the selected op; system ops stay */
  goto_page(&ui, UI_PAGE_OPS);
  ui.select[UI_PAGE_OPS] = 13;
  ui_key(&ui, UI_KEY_F3, true);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_op_count(h->net), 13);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OPS), 12);
  ui.select[UI_PAGE_OPS] = 3;
  twice(&ui, UI_KEY_F2);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_INT(net_op_count(h->net), 13);
  CHECK(ui_notice(&ui)[0] != '\0');
  harness_free(h);
}

static void test_ins_page_details(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  uint16_t in;
  press(&ui, UI_KEY_MODE);
  goto_page(&ui, UI_PAGE_INS);
  /* the list wraps through a blank line at -1 */
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), 0);
  turn(&ui, 0, -1);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), -1);
  turn(&ui, 0, -1);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), net_in_count(h->net) - 1);
  turn(&ui, 0, 2);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), 0);
  /* ALT + encoder 0 warps to the next op's first input */
  ui_key(&ui, UI_KEY_F3, true);
  ui_encoder(&ui, 0, 1);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_INS), net_op_first_in(h->net, 1));
  /* an ADD's B (0): F2 toggles MAX / ZERO, the label following the value */
  in = (uint16_t)(net_op_first_in(h->net, harness_add(h, OP_ADD)) + 1u);
  ui.select[UI_PAGE_INS] = (int16_t)in;
  ui_set_page(&ui, UI_PAGE_INS);
  CHECK(ui.zeroed);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_get_value(h->net, in), IO_MAX);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_get_value(h->net, in), 0);
  CHECK(ui.zeroed);
  /* ALT+F1 (confirmed) shows the input on the play screen */
  ui_key(&ui, UI_KEY_F3, true);
  twice(&ui, UI_KEY_F1);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK(net_in_play(h->net, in));
  /* F0 (confirmed) stores the input in the selected preset, including it */
  twice(&ui, UI_KEY_F0);
  CHECK(preset_in_included(h->net, 0, in));
  /* ALT + encoder 2 chooses another preset; pressing ALT again recalls it */
  ui_key(&ui, UI_KEY_F3, true);
  ui_encoder(&ui, 2, -1);
  CHECK_EQ_INT(preset_selected(h->net), 31); /* wraps */
  ui_encoder(&ui, 2, 1);
  ui_encoder(&ui, 2, 1);
  CHECK_EQ_INT(preset_selected(h->net), 1);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_INT(net_activate(h->net, in, 77), NET_OK);
  /* preset 1 holds nothing: recalling it changes nothing, selects it */
  ui_key(&ui, UI_KEY_F3, true);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_INT(net_get_value(h->net, in), 77);
  CHECK(!ui.in_preset_select);
  harness_free(h);
}

static void test_split(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  uint16_t add1 = harness_add(h, OP_ADD), add2 = harness_add(h, OP_ADD);
  uint16_t out = net_op_first_out(h->net, add1), split_op;
  int32_t target = net_op_first_in(h->net, add2);
  CHECK_EQ_INT(net_connect(h->net, out, target), NET_OK);
  press(&ui, UI_KEY_MODE);
  goto_page(&ui, UI_PAGE_OUTS);
  ui.select[UI_PAGE_OUTS] = (int16_t)out;
  ui_key(&ui, UI_KEY_F3, true);
  twice(&ui, UI_KEY_F1);
  ui_key(&ui, UI_KEY_F3, false);
  /* a SPLIT right after the first ADD, between it and its old target */
  split_op = (uint16_t)(add1 + 1u);
  CHECK_EQ_INT(net_op(h->net, split_op)->cls->id, OP_SPLIT);
  CHECK_EQ_INT(net_target(h->net, out), net_op_first_in(h->net, split_op));
  target = net_op_first_in(h->net, (uint16_t)(add2 + 1u));
  CHECK_EQ_INT(net_target(h->net, net_op_first_out(h->net, split_op)), target);
  CHECK_EQ_INT(ui_selection(&ui, UI_PAGE_OUTS), net_op_first_out(h->net, split_op) + 1);
  harness_free(h);
}

/* A small heap: ADDs are created until the net would take more than half of it (a reload of
 * the scene could then fail); the next is refused with a message and changes nothing. */
static void test_pool_pressure(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 8192);
  net_stats_t before, after;
  pool_stats_t ps;
  int i, made = 0;
  press(&ui, UI_KEY_MODE);
  goto_page(&ui, UI_PAGE_OPS);
  choose_class(&ui, OP_ADD);
  ui.select[UI_PAGE_OPS] = 11;
  for (i = 0; i < 100 && !ui_notice(&ui)[0]; i++) {
    uint16_t n = net_op_count(h->net);
    twice(&ui, UI_KEY_F2);
    made += net_op_count(h->net) > n;
  }
  CHECK(made >= 10);
  CHECK_EQ_STR(ui_notice(&ui), "MEMORY NEAR FULL!");
  /* refused with room to spare: the heap could hold this net twice over */
  pool_get_stats(h->pool, &ps);
  CHECK(2u * net_pool_bytes(h->net) <= ps.heap_bytes);
  CHECK(net_pool_bytes(h->net) * 2u + 3u * pool_footprint(h->pool, net_op(h->net, 12)) >
        ps.heap_bytes * 15u / 16u);
  net_get_stats(h->net, &before);
  twice(&ui, UI_KEY_F2);
  net_get_stats(h->net, &after);
  CHECK_EQ_INT(after.ops, before.ops);
  CHECK_EQ_STR(ui_notice(&ui), "MEMORY NEAR FULL!");
  /* the message is on the screen's head line (brighter than nothing at its left) */
  ui_render(&ui);
  {
    int x, lit = 0;
    for (x = 0; x < 60; x++)
      for (i = 0; i < 8; i++) lit += px[i * SCREEN_W + x] == 0xA;
    CHECK(lit > 20);
  }
  /* leaving the page clears it */
  goto_page(&ui, UI_PAGE_INS);
  CHECK_EQ_STR(ui_notice(&ui), "");
  harness_free(h);
}

static void test_scenes(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  snprintf(fs.names[0], sizeof fs.names[0], "alpha");
  snprintf(fs.names[1], sizeof fs.names[1], "beta");
  fs.n = 2;
  ui_set_scene_name(&ui, "ab");
  press(&ui, UI_KEY_MODE);
  CHECK_EQ_INT(ui_page(&ui), UI_PAGE_SCENES);
  CHECK_EQ_INT(ui.scene_count, 2);
  /* the name: cursor right twice (the empty place copies 'b'), that character up one: "abc" */
  ui_encoder(&ui, 2, 1);
  ui_encoder(&ui, 2, 1);
  ui_encoder(&ui, 3, 1);
  CHECK_EQ_STR(ui_scene_name(&ui), "abc");
  /* STORE acts on the press, confirmed */
  ui_key(&ui, UI_KEY_F0, true);
  CHECK_EQ_INT(fs.saves, 0);
  ui_key(&ui, UI_KEY_F0, false);
  ui_key(&ui, UI_KEY_F0, true);
  CHECK_EQ_INT(fs.saves, 1);
  ui_key(&ui, UI_KEY_F0, false);
  CHECK_EQ_STR(fs.saved, "abc");
  CHECK_EQ_INT(ui.scene_count, 3);
  CHECK_EQ_STR(ui_notice(&ui), "done writing.");
  /* a failing store says why */
  fs.fail_save = true;
  twice(&ui, UI_KEY_F0);
  CHECK_EQ_STR(ui_notice(&ui), "CARD IS FULL");
  /* RECALL the second scene: on the release, confirmed */
  ui_encoder(&ui, 0, 1);
  ui_key(&ui, UI_KEY_F1, true);
  ui_key(&ui, UI_KEY_F1, false);
  ui_key(&ui, UI_KEY_F1, true);
  CHECK_EQ_INT(fs.loads, 0);
  ui_key(&ui, UI_KEY_F1, false);
  CHECK_EQ_INT(fs.loads, 1);
  CHECK_EQ_STR(fs.loaded, "beta");
  CHECK_EQ_STR(ui_scene_name(&ui), "beta");
  /* CLEAR: the user ops go */
  harness_add(h, OP_ADD);
  twice(&ui, UI_KEY_F2);
  CHECK_EQ_INT(net_op_count(h->net), 12);
  /* ALT cuts the name at the cursor (0 after scrolling): "" */
  ui_key(&ui, UI_KEY_F3, true);
  ui_key(&ui, UI_KEY_F3, false);
  CHECK_EQ_STR(ui_scene_name(&ui), "");
  /* DSP: the scene's module; LOAD says the simulator has none */
  goto_page(&ui, UI_PAGE_DSP);
  twice(&ui, UI_KEY_F0);
  CHECK(ui_notice(&ui)[0] != '\0');
  harness_free(h);
}

/* The pages edit names only as long as a .scn file can hold with its NUL: a preset name of 15
 * characters, a scene name of 23; the net and header then encode. */
static void test_names_fit_the_scene_file(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  scene_header_t hdr;
  scene_error_t err;
  uint8_t *img = malloc(SCENE_FILE_SIZE);
  press(&ui, UI_KEY_MODE);
  goto_page(&ui, UI_PAGE_PRESETS);
  turn(&ui, 2, 40); /* the cursor to the end: each empty place copies the one before */
  CHECK_EQ_INT(strlen(preset_name(h->net, 0)), PRESET_NAME_LEN - 1);
  CHECK_EQ_STR(preset_name(h->net, 0), "000____________");
  goto_page(&ui, UI_PAGE_SCENES);
  ui_set_scene_name(&ui, "a");
  ui.cursor = 0; /* the cursor is shared with PRESETS, as in bees; selecting a scene zeroes it */
  turn(&ui, 2, 40);
  CHECK_EQ_INT(strlen(ui_scene_name(&ui)), SCENE_NAME_LEN - 1);
  scene_header_init(&hdr);
  snprintf(hdr.name, sizeof hdr.name, "%s", ui_scene_name(&ui));
  CHECK_EQ_INT(scene_encode(h->net, &hdr, SCENE_LAYOUT_0_8_1, img, SCENE_FILE_SIZE, &err), SCENE_OK);
  free(img);
  harness_free(h);
}

static void test_name_characters(void) {
  char s[4] = "z-";
  ui_edit_char(s, 0, 1);
  CHECK_EQ_INT(s[0], 'z'); /* the top stays */
  ui_edit_char(s, 1, -1);
  CHECK_EQ_INT(s[1], '-'); /* the bottom stays */
  ui_edit_char(s, 1, 1);
  CHECK_EQ_INT(s[1], '0'); /* '.' and '/' are skipped */
  s[1] = '9';
  ui_edit_char(s, 1, 1);
  CHECK_EQ_INT(s[1], 'A');
  s[1] = 'Z';
  ui_edit_char(s, 1, 1);
  CHECK_EQ_INT(s[1], '_');
  ui_edit_char(s, 1, 1);
  CHECK_EQ_INT(s[1], 'a');
  ui_edit_char(s, 2, 1);
  CHECK_EQ_INT(s[2], '_'); /* an empty place starts at '_' */
  CHECK_EQ_INT(ui_knob_fast(1), 8);
  CHECK_EQ_INT(ui_knob_fast(-3), -32);
  CHECK_EQ_INT(ui_knob_fast(10), 512);
  CHECK_EQ_INT(ui_knob_fast(100), 0x7000);
}

/* What the pages draw: the title on the head line, the selection highlighted on line 3, key
 * labels at the foot; play mode draws nothing. */
/* Whether every pixel of s's glyphs, drawn from (x, y), is lit (level > 2) in the screen. */
static bool text_at(int x, int y, const char *s) {
  int i, gx, gy;
  for (i = 0; s[i]; i++)
    for (gy = 0; gy < UI_FONT_H; gy++)
      for (gx = 0; gx < UI_FONT_W; gx++)
        if (ui_font_pixel(s[i], (int16_t)gx, (int16_t)gy) &&
            px[(y + gy) * SCREEN_W + x + i * UI_FONT_CELL_W + gx] <= 2)
          return false;
  return true;
}

/* INS shows a PARAM op's input as the label of the param it names (bees: right-justified);
 * other inputs show their value. */
static void test_param_op_label(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  net_param_t cutoff = {"cutoff", 0, 0, 0, 0, 100, 16}, gain = {"gain", 0, 0, 0, 0, 100, 16};
  uint16_t op, in;
  const int y = 3 * 8; /* the selected line */
  CHECK_EQ_INT(net_add_param(h->net, &cutoff), NET_OK);
  CHECK_EQ_INT(net_add_param(h->net, &gain), NET_OK);
  op = harness_add(h, OP_PARAM);
  in = net_op_first_in(h->net, op);
  press(&ui, UI_KEY_MODE);
  ui_set_page(&ui, UI_PAGE_INS);
  ui.select[UI_PAGE_INS] = (int16_t)in;
  net_activate(h->net, in, 1);
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 4 * UI_FONT_CELL_W, y, "gain"));
  net_activate(h->net, in, 0);
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 6 * UI_FONT_CELL_W, y, "cutoff"));
  CHECK(!text_at(SCREEN_W - 2 - 4 * UI_FONT_CELL_W, y, "gain"));
  /* a plain op's input shows its number where the label would be */
  in = net_op_first_in(h->net, harness_add(h, OP_ADD));
  net_activate(h->net, in, 1);
  ui.select[UI_PAGE_INS] = (int16_t)in;
  ui_render(&ui);
  CHECK(!text_at(SCREEN_W - 2 - 4 * UI_FONT_CELL_W, y, "gain"));
  harness_free(h);
}

/* INS shows a DSP param's value as its scaler does (right-justified, leading blanks dropped) and
 * edits it through the scaler's increment (bees' inc_param_value); DSP shows the module, its
 * state and the params, and F0 (twice) loads the module through the platform's DSP. */
typedef struct {
  int loads;
} fake_dsp_t;
static const char *fd_module(void *ctx) {
  (void)ctx;
  return "aleph-dsyn.ldr";
}
static const char *fd_state(void *ctx) {
  (void)ctx;
  return "RUNNING";
}
static bool fd_load(void *ctx, char *msg, uint16_t mcap) {
  ((fake_dsp_t *)ctx)->loads++;
  snprintf(msg, mcap, "LOADED");
  return true;
}

/* OUTS lines show source and target, op and port, in whole glyphs: bees' "012.LL/VAL" form,
 * shortened by rule when the line is longer than the 20 characters there is room for. */
static void test_outs_lines(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  net_param_t cutoff = {"cutoff", 0, 0, 0, 0, 100, 16};
  uint16_t ll, metro, out;
  const int y = 3 * 8; /* the selected line */
  int x;
  CHECK_EQ_INT(net_add_param(h->net, &cutoff), NET_OK);
  ll = harness_add(h, OP_LINLIN);
  metro = harness_add(h, OP_METRO);
  out = net_op_first_out(h->net, ll);
  press(&ui, UI_KEY_MODE);
  ui_set_page(&ui, UI_PAGE_OUTS);
  ui.select[UI_PAGE_OUTS] = (int16_t)out;
  ui_render(&ui);
  CHECK(text_at(2, y, "012.LL/VAL")); /* no target: as bees writes it */
  /* to METRO's PERIOD: 26 characters; the longest names give up letters until 20 fit */
  CHECK_EQ_INT(net_connect(h->net, out, net_op_first_in(h->net, metro) + 1), NET_OK);
  ui_render(&ui);
  CHECK(text_at(2, y, "12.LL/VA->13.MET/PER"));
  /* nothing drawn past the 20th character (no glyph cut at the edge) */
  for (x = 2 + 20 * UI_FONT_CELL_W; x < SCREEN_W - 2; x++) CHECK(px[(y + 3) * SCREEN_W + x] <= 2);
  /* a param: its index and label (22 characters: the zeros go, and it fits) */
  CHECK_EQ_INT(net_connect(h->net, out, net_in_count(h->net)), NET_OK);
  ui_render(&ui);
  CHECK(text_at(2, y, "12.LL/VAL->0.cutoff"));
  harness_free(h);
}

/* The host's op names on the OPS page: beside the class where they say more than a handle. */
static bool fake_op_name(void *ctx, uint16_t op, char *out, uint16_t cap) {
  (void)ctx;
  if (op == 13) snprintf(out, cap, "KICK");
  else if (op == 1) snprintf(out, cap, "ENC#1");
  else if (op == 14) snprintf(out, cap, "A_NAME_TOO_LONG");
  else return false;
  return true;
}

static void test_ops_names(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  ui_names_t names = {NULL, fake_op_name};
  harness_add(h, OP_ADD);
  harness_add(h, OP_METRO);
  harness_add(h, OP_METRO);
  ui_set_names(&ui, &names);
  press(&ui, UI_KEY_MODE);
  ui_set_page(&ui, UI_PAGE_OPS);
  ui.select[UI_PAGE_OPS] = 12; /* lines 0..7: ops 9..16; op 13 on line 4 */
  ui_render(&ui);
  CHECK(text_at(0, 4 * 8, "013.METRO"));
  CHECK(text_at(64, 4 * 8, "KICK"));
  CHECK(!text_at(64, 5 * 8, "A_NAME_TOO"));
  ui.select[UI_PAGE_OPS] = 3; /* op 1 on line 1: its name is a handle, not shown */
  ui_render(&ui);
  CHECK(text_at(0, 1 * 8, "001.ENC"));
  CHECK(!text_at(64, 1 * 8, "ENC#1"));
  harness_free(h);
}

static void test_scaled_params(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  net_param_t amp = {"Amp0", 1, SCALER_AMP, 0, 0, 0x7fffffff, 1};
  net_param_t gate = {"Gate0", 1, SCALER_BOOL, 0, 0, 1, 2};
  net_param_t hz = {"hz0", 1, SCALER_NOTE, 0, 0x10000, 0x40000000, 15};
  fake_dsp_t fd = {0};
  ui_dsp_t dsp = {&fd, fd_module, fd_state, fd_load};
  uint16_t first = net_in_count(h->net);
  const int y = 3 * 8;
  CHECK_EQ_INT(net_add_param(h->net, &amp), NET_OK);
  CHECK_EQ_INT(net_add_param(h->net, &gate), NET_OK);
  CHECK_EQ_INT(net_add_param(h->net, &hz), NET_OK);
  press(&ui, UI_KEY_MODE);
  ui_set_page(&ui, UI_PAGE_INS);
  ui.select[UI_PAGE_INS] = (int16_t)first;
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 4 * UI_FONT_CELL_W, y, "-inf"));
  /* the knob on an amp param stays within its table (0..32736) */
  turn(&ui, 3, 40);
  CHECK(net_get_value(h->net, first) > 0);
  ui_encoder(&ui, 3, 23); /* the fast knob's biggest step: 28672 */
  ui_encoder(&ui, 3, 23);
  CHECK_EQ_INT(net_get_value(h->net, first), 32736);
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 7 * UI_FONT_CELL_W, y, "0.00000")); /* 0 dB */
  /* a bool param: the knob's direction sets it */
  ui.select[UI_PAGE_INS] = (int16_t)(first + 1);
  turn(&ui, 2, 3);
  CHECK_EQ_INT(net_get_value(h->net, first + 1), 1);
  turn(&ui, 2, -1);
  CHECK_EQ_INT(net_get_value(h->net, first + 1), 0);
  /* a note param shows Hz: A4 */
  net_activate(h->net, (uint16_t)(first + 2), 69 * 8 << 5);
  ui.select[UI_PAGE_INS] = (int16_t)(first + 2);
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 9 * UI_FONT_CELL_W, y, "440.00000"));
  /* the DSP page: the module and its state, then the params */
  ui_set_dsp(&ui, &dsp);
  goto_page(&ui, UI_PAGE_DSP);
  ui_render(&ui);
  CHECK(text_at(0, y, "aleph-dsyn.ldr"));
  CHECK(text_at(9 * UI_FONT_CELL_W, 0, "RUNNING")); /* "MODULES  RUNNING" */
  CHECK(text_at(4, y + 8, "000.Amp0"));
  CHECK(text_at(SCREEN_W - 2 - 7 * UI_FONT_CELL_W, y + 8, "0.00000"));
  turn(&ui, 0, 3);
  ui_render(&ui);
  CHECK(text_at(SCREEN_W - 2 - 9 * UI_FONT_CELL_W, y, "440.00000"));
  twice(&ui, UI_KEY_F0);
  CHECK_EQ_INT(fd.loads, 1);
  CHECK_EQ_STR(ui_notice(&ui), "LOADED");
  /* without a DSP the page says so */
  ui_set_dsp(&ui, NULL);
  twice(&ui, UI_KEY_F0);
  CHECK_EQ_STR(ui_notice(&ui), "NO DSP IN THE SIM");
  harness_free(h);
}

static void test_render(void) {
  ui_t ui;
  fake_store_t fs;
  ui_scene_store_t st;
  harness_t *h = setup(&ui, &fs, &st, 0);
  int x, y, hi_bg = 0, head = 0, foot = 0;
  ui_page_id_t p;
  memset(px, 7, sizeof px);
  ui_render(&ui);
  CHECK_EQ_INT(px[0], 7); /* play mode: untouched */
  press(&ui, UI_KEY_MODE);
  for (p = UI_PAGE_INS; p < UI_PAGE_PLAY; p++) {
    ui_set_page(&ui, p);
    ui_render(&ui);
    hi_bg = head = foot = 0;
    for (y = 0; y < 8; y++)
      for (x = 0; x < SCREEN_W; x++) {
        head += px[y * SCREEN_W + x] == 0xF;
        hi_bg += px[(24 + y) * SCREEN_W + x] == 0x2;
        foot += px[(56 + y) * SCREEN_W + x] == 0xF;
      }
    CHECK(head > 20);
    CHECK(hi_bg > 200);
    CHECK(foot > 20);
  }
  /* a confirmed key's label is lit until the second press */
  ui_set_page(&ui, UI_PAGE_OPS);
  press(&ui, UI_KEY_F2);
  ui_render(&ui);
  CHECK_EQ_INT(px[56 * SCREEN_W + 64 + 31], 0x5);
  harness_free(h);
}

int main(void) {
  RUN(test_modes);
  RUN(test_build_a_patch);
  RUN(test_ins_page_details);
  RUN(test_split);
  RUN(test_pool_pressure);
  RUN(test_scenes);
  RUN(test_names_fit_the_scene_file);
  RUN(test_name_characters);
  RUN(test_param_op_label);
  RUN(test_outs_lines);
  RUN(test_ops_names);
  RUN(test_scaled_params);
  RUN(test_render);
  return check_summary("test_ui");
}
