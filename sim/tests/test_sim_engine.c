/* SPDX-License-Identifier: MIT */
/* test_sim_engine.c: the simulator's parts without a window: queue order, arena carving, 50 ms
 * encoder batching and bees' mapping, exactness of any tick step, play log lines, the font, the
 * routing of MODE, keys and encoders between play mode and the editor, the scene folder's
 * listing, recordings cut short by a kill (readable, an earlier one kept until the first event),
 * the recordings' field-by-field messages, and replayed events the engine refuses. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../tests/check.h"
#include "engine.h"
#include "events.h"
#include "op_names.h"
#include "panel_keys.h"
#include "record.h"
#include "render_font.h"
#include "render_screen.h"
#include "scene_store.h"

static sim_event_t ev(uint32_t t, uint8_t kind, uint16_t index, int16_t value) {
  sim_event_t e;
  memset(&e, 0, sizeof e);
  e.t = t;
  e.kind = kind;
  e.index = index;
  e.value = value;
  return e;
}

static void test_queue_order(void) {
  static sim_queue_t q;
  sim_event_t out, e;
  uint32_t i;
  sim_queue_init(&q);
  e = ev(30, SIM_EV_SWITCH, 0, 1);
  CHECK(sim_queue_push(&q, &e));
  e = ev(10, SIM_EV_SWITCH, 1, 1);
  CHECK(sim_queue_push(&q, &e));
  e = ev(30, SIM_EV_SWITCH, 2, 1); /* equal stamps keep push order */
  CHECK(sim_queue_push(&q, &e));
  CHECK(!sim_queue_pop_due(&q, 9, &out));
  CHECK(sim_queue_pop_due(&q, 30, &out) && out.index == 1);
  CHECK(sim_queue_pop_due(&q, 30, &out) && out.index == 0);
  CHECK(sim_queue_pop_due(&q, 30, &out) && out.index == 2);
  CHECK(!sim_queue_pop_due(&q, 1000, &out));
  for (i = 0; i < SIM_QUEUE_CAP; i++) {
    e = ev(i, SIM_EV_CV, 0, 1);
    sim_queue_push(&q, &e);
  }
  e = ev(5, SIM_EV_CV, 0, 1);
  CHECK(!sim_queue_push(&q, &e));
  CHECK_EQ_INT(q.dropped, 1);
  sim_queue_destroy(&q);
}

/* The arena is carved by core's arena module from the shipped plan: core takes what the plan
 * needs (the rest is spare), a smaller arena shrinks the heap down to the plan's floor, a
 * smaller one still is refused with a sentence. */
static void test_carve(void) {
  const arena_plan_t *plan = &ARENA_PLAN_SHIPPED;
  arena_layout_t c;
  char err[256];
  uint32_t sizes[] = {256u << 10, 2u << 20, 32u << 20, 256u << 20};
  uint32_t need = arena_size_for(plan), floor_bytes;
  size_t i;
  CHECK(need > 0 && need < (256u << 10));
  for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    CHECK(host_system_layout(sizes[i], NULL, &c, err, sizeof err));
    CHECK_EQ_INT(c.pool_offset, 0);
    CHECK_EQ_INT(c.net_offset % 8u, 0);
    CHECK(c.net_offset >= c.pool_bytes);
    CHECK_EQ_INT((uint64_t)c.used_bytes + c.spare_bytes, sizes[i]);
    CHECK_EQ_INT(c.used_bytes, need); /* the plan, whatever the arena */
    CHECK_EQ_INT(c.net_bytes, scene_slot_region_size(&plan->limits));
    CHECK(c.pool_bytes >= pool_region_size(plan->heap_bytes, &plan->pool));
    CHECK(!c.reduced);
  }
  /* an arena a little short of the plan: the heap gives up headroom, not the floor */
  CHECK(host_system_layout(need - 1000u, NULL, &c, err, sizeof err));
  CHECK(c.reduced);
  CHECK(c.plan.heap_bytes < plan->heap_bytes && c.plan.heap_bytes >= plan->heap_min);
  CHECK(c.used_bytes <= need - 1000u);
  floor_bytes = scene_slot_region_size(&plan->limits) +
                pool_region_size(plan->heap_min, &plan->pool);
  CHECK(!host_system_layout(floor_bytes - 64u, NULL, &c, err, sizeof err));
  CHECK(strstr(err, "cannot hold") != NULL);
  CHECK(!host_system_layout((size_t)5 << 30, NULL, &c, err, sizeof err));
  CHECK(strstr(err, "4 GiB") != NULL);
}

static engine_t *new_engine(void) {
  engine_t *e = calloc(1, sizeof *e);
  char err[256];
  CHECK(engine_init(e, 4u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(e, err, sizeof err));
  return e;
}

static void free_engine(engine_t *e) {
  engine_free(e);
  free(e);
}

static io_t enc_val(const engine_t *e, uint16_t op) {
  return net_get_value(engine_net(e), (uint16_t)(net_op_first_in(engine_net(e), op) + 3u));
}

static void push(engine_t *e, uint32_t t, uint8_t kind, uint16_t index, int16_t value) {
  sim_event_t x = ev(t, kind, index, value);
  CHECK(engine_push(e, &x));
}

/* At exit the host system reports what is still allocated once the nets are cleared. */
static void test_leak_report_at_exit(void) {
  host_system_t sys;
  char err[256];
  CHECK(host_system_init(&sys, 1u << 20, true, NULL, err, sizeof err));
  CHECK_EQ_INT(net_add_system_ops(host_system_net(&sys)), NET_OK);
  CHECK_EQ_INT(host_system_free(&sys), 0); /* the net's ops are its own: none leaked */
  CHECK(host_system_init(&sys, 1u << 20, true, NULL, err, sizeof err));
  CHECK(pool_alloc(sys.pool, 100, 7) != NULL); /* nobody frees this */
  sys.host.min_level = PLATFORM_LOG_ERROR + 1; /* (the report itself not shown here) */
  CHECK_EQ_INT(host_system_free(&sys), 1);
}

static void test_batching(void) {
  engine_t *e = new_engine();
  /* three detents within one poll period reach the ENC op as one batch at the poll */
  push(e, 10, SIM_EV_ENCODER, 0, 1);
  push(e, 20, SIM_EV_ENCODER, 0, 1);
  push(e, 49, SIM_EV_ENCODER, 0, 1);
  engine_tick(e, 49);
  CHECK_EQ_INT(enc_val(e, 0), 0);
  engine_tick(e, 50);
  CHECK_EQ_INT(enc_val(e, 0), 3);
  CHECK_EQ_INT(e->batches, 1);
  /* an event stamped at a poll waits for the next one */
  push(e, 100, SIM_EV_ENCODER, 0, 2);
  engine_tick(e, 100);
  CHECK_EQ_INT(enc_val(e, 0), 3);
  engine_tick(e, 150);
  CHECK_EQ_INT(enc_val(e, 0), 5);
  /* bees' play page: hardware encoders 1 and 2 drive ENC ops 2 and 1 */
  push(e, 160, SIM_EV_ENCODER, 1, 4);
  push(e, 160, SIM_EV_ENCODER, 2, 7);
  engine_tick(e, 200);
  CHECK_EQ_INT(enc_val(e, 2), 4);
  CHECK_EQ_INT(enc_val(e, 1), 7);
  /* a batch is handed over as a signed byte: saturated at 127 */
  push(e, 210, SIM_EV_ENCODER, 3, 300);
  engine_tick(e, 250);
  CHECK_EQ_INT(enc_val(e, 3), 127);
  CHECK_EQ_INT(e->enc_turned[3], 300);
  /* invalid events are refused */
  {
    sim_event_t bad = ev(300, SIM_EV_ENCODER, 4, 1);
    CHECK(!engine_push(e, &bad));
    bad = ev(300, SIM_EV_ENC_BATCH, 0, 1);
    CHECK(!engine_push(e, &bad));
    CHECK_EQ_INT(e->rejected, 2);
  }
  free_engine(e);
}

/* The same input stepped 1 ms at a time and in one jump: identical nets and logs. */
static void test_step_size(void) {
  engine_t *a = new_engine(), *b = new_engine();
  net_stats_t sa, sb;
  uint32_t t, i;
  static const struct { uint32_t t; uint8_t kind; uint16_t index; int16_t value; } script[] = {
    {5, SIM_EV_ENCODER, 0, 2}, {333, SIM_EV_SWITCH, 0, 1}, {334, SIM_EV_SWITCH, 0, 0},
    {1000, SIM_EV_ENCODER, 1, -3}, {1000, SIM_EV_CV, 0, 3}, {2999, SIM_EV_SWITCH, 1, 1},
  };
  for (i = 0; i < sizeof script / sizeof script[0]; i++) {
    push(a, script[i].t, script[i].kind, script[i].index, script[i].value);
    push(b, script[i].t, script[i].kind, script[i].index, script[i].value);
  }
  for (t = 1; t <= 4000; t++) engine_tick(a, t);
  engine_tick(b, 4000);
  net_get_stats(engine_net(a), &sa);
  net_get_stats(engine_net(b), &sb);
  CHECK_EQ_INT(sa.deliveries, sb.deliveries);
  CHECK_EQ_INT(a->log.total, b->log.total);
  CHECK_EQ_INT(a->history.total, b->history.total);
  CHECK_EQ_INT(a->history.total, 41); /* samples at 0, 100, ..., 4000 */
  for (i = 0; i < PLAYLOG_LINES; i++) {
    const playlog_line_t *la = playlog_get(&a->log, i), *lb = playlog_get(&b->log, i);
    CHECK(la && lb);
    if (la && lb) {
      CHECK_EQ_STR(la->name, lb->name);
      CHECK_EQ_STR(la->value, lb->value);
    }
  }
  free_engine(a);
  free_engine(b);
}

static void test_play_log(void) {
  engine_t *e = new_engine();
  uint8_t px[SCREEN_W * SCREEN_H];
  const playlog_line_t *l;
  int lit = 0, i;
  render_screen(e, px);
  for (i = 0; i < SCREEN_W * SCREEN_H; i++) lit += px[i] != 0;
  CHECK_EQ_INT(lit, 0); /* bees' play screen starts empty */
  /* the demo's counter: CV-IN fires each second, ADD.B (play flag on) logs the count */
  engine_tick(e, 3000);
  l = playlog_get(&e->log, 0);
  CHECK(l != NULL);
  if (l) {
    CHECK_EQ_STR(l->name, "12.ADD/B");
    CHECK_EQ_STR(l->value, "     3"); /* bees' op_print: 6 columns */
  }
  /* ENC op 0 -> MUL.A (play) -> param 0 "cutoff" (params show by default) */
  push(e, 3010, SIM_EV_ENCODER, 0, 4);
  engine_tick(e, 3050);
  l = playlog_get(&e->log, 0);
  CHECK(l && !strcmp(l->name, "0.cutoff") && !strcmp(l->value, "    12"));
  l = playlog_get(&e->log, 1);
  CHECK(l && !strcmp(l->name, "14.MUL/A") && !strcmp(l->value, "     4"));
  /* an input without a play flag logs nothing: SUB.A (ENC op 2) goes to param 1 "gain" only */
  push(e, 3060, SIM_EV_ENCODER, 1, 1);
  engine_tick(e, 3100);
  l = playlog_get(&e->log, 0);
  /* bees' op_print puts the sign in the first column */
  CHECK(l && !strcmp(l->name, "1.gain") && !strcmp(l->value, "-   99"));
  l = playlog_get(&e->log, 1);
  CHECK(l && !strcmp(l->name, "0.cutoff"));
  /* drawn at the bottom line, level 10 */
  render_screen(e, px);
  lit = 0;
  for (i = 0; i < SCREEN_W * (SCREEN_H - 8); i++) lit += px[i] != 0;
  for (i = SCREEN_W * (SCREEN_H - 8); i < SCREEN_W * SCREEN_H; i++) {
    CHECK(px[i] == 0 || px[i] == PLAY_TEXT_LEVEL);
    lit += px[i] != 0;
  }
  CHECK(lit > 0);
  free_engine(e);
}

static void test_font(void) {
  int c, x, y, blank = 0;
  /* every printable character but space has ink, inside its 5x7 box */
  for (c = 33; c < 127; c++) {
    int ink = 0;
    for (y = 0; y < FONT_H; y++)
      for (x = 0; x < FONT_W; x++) ink += font_pixel((char)c, x, y);
    if (!ink) blank++;
  }
  CHECK_EQ_INT(blank, 0);
  CHECK(!font_pixel(' ', 2, 3));
  CHECK(!font_pixel('A', 5, 0) && !font_pixel('A', 0, 7));
  CHECK(font_pixel('A', 0, 6) && font_pixel('A', 4, 6)); /* A's feet */
  CHECK_EQ_INT(font_text_width("ab", 2), 22);
}

/* MODE toggles the editor: in edit mode encoders and F0..F3 go to the page at once (no
 * batches, no SW op), the footswitches still reach their ops, and the screen shows the page;
 * pending play-mode detents are dropped on the switch, as bees clears its accumulators. */
static void test_editor_routing(void) {
  engine_t *e = new_engine();
  uint8_t levels[SCREEN_W * SCREEN_H];
  push(e, 10, SIM_EV_ENCODER, 0, 2); /* would reach ENC op 0 at 50 ms ... */
  push(e, 20, SIM_EV_SWITCH, SIM_SW_MODE, 1);
  push(e, 30, SIM_EV_SWITCH, SIM_SW_MODE, 0);
  engine_tick(e, 100);
  CHECK(engine_edit_mode(e));
  CHECK_EQ_INT(ui_page(&e->ui), UI_PAGE_SCENES);
  CHECK_EQ_INT(e->batches, 0); /* ... but MODE came first */
  CHECK_EQ_INT(enc_val(e, 0), 0);
  push(e, 110, SIM_EV_ENCODER, 1, 4); /* turns the page at once */
  engine_tick(e, 110);
  CHECK_EQ_INT(ui_page(&e->ui), UI_PAGE_DSP);
  push(e, 120, SIM_EV_SWITCH, 0, 1);
  push(e, 130, SIM_EV_SWITCH, 0, 0);
  engine_tick(e, 200);
  CHECK_EQ_INT(e->sw_value[0], 0); /* SW1 heard nothing */
  CHECK_EQ_INT(e->batches, 0);
  render_screen(e, levels);
  CHECK(!memcmp(levels, e->ui_px, sizeof levels));
  CHECK_EQ_INT(levels[0], 0xF); /* the page title's first pixel column */
  push(e, 210, SIM_EV_SWITCH, SIM_SW_MODE, 1);
  push(e, 220, SIM_EV_ENCODER, 0, 3);
  engine_tick(e, 250);
  CHECK(!engine_edit_mode(e));
  CHECK_EQ_INT(enc_val(e, 0), 3);
  CHECK_EQ_INT(e->batches, 1);
  free_engine(e);
}

/* The SCENES page's folder: .scn files with names a scene can hold, sorted; of more than
 * SCENE_STORE_MAX, the first by name whatever order the folder lists them in (created here in
 * descending order, which most file systems list first). */
static void touch(const char *path) {
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (f) fclose(f);
}

static void test_scene_store_listing(void) {
  engine_t *e = new_engine();
  scene_store_t st;
  char dir[] = "/tmp/aleph-store-XXXXXX", path[512], name[32];
  int i;
  CHECK(mkdtemp(dir) != NULL);
  for (i = 299; i >= 0; i--) {
    snprintf(path, sizeof path, "%s/s%03d.scn", dir, i);
    touch(path);
  }
  snprintf(path, sizeof path, "%s/%s.scn", dir, "a-name-of-24-characters!"); /* too long */
  touch(path);
  snprintf(path, sizeof path, "%s/%s", dir, "a.txt");
  touch(path);
  CHECK(scene_store_init(&st, e, dir));
  CHECK_EQ_INT(st.iface.count(st.iface.ctx), SCENE_STORE_MAX);
  CHECK(st.iface.name(st.iface.ctx, 0, name, sizeof name));
  CHECK_EQ_STR(name, "s000");
  CHECK(st.iface.name(st.iface.ctx, SCENE_STORE_MAX - 1, name, sizeof name));
  CHECK_EQ_STR(name, "s255");
  CHECK(!st.iface.name(st.iface.ctx, SCENE_STORE_MAX, name, sizeof name));
  scene_store_free(&st);
  for (i = 0; i < 300; i++) {
    snprintf(path, sizeof path, "%s/s%03d.scn", dir, i);
    remove(path);
  }
  snprintf(path, sizeof path, "%s/%s.scn", dir, "a-name-of-24-characters!");
  remove(path);
  snprintf(path, sizeof path, "%s/%s", dir, "a.txt");
  remove(path);
  CHECK_EQ_INT(rmdir(dir), 0);
  free_engine(e);
}

/* ---- recordings survive a kill (issue 22) ---- */

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf = calloc(1, 1u << 16);
  size_t n = f && buf ? fread(buf, 1, (1u << 16) - 1u, f) : 0;
  (void)n;
  if (f) fclose(f);
  return buf;
}

static void put(const char *path, const char *mode, const char *text) {
  FILE *f = fopen(path, mode);
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* A child that opens a recorder on path, applies `events` switch presses (and releases) and is
 * killed (SIGKILL) without closing it. */
static void record_and_die(const char *path, int events) {
  pid_t pid = fork();
  int status;
  if (pid == 0) {
    engine_t *e = new_engine();
    recorder_t r;
    char err[512];
    int k;
    if (!recorder_open(&r, e, path, "demo", 4u << 20, err, sizeof err)) _exit(3);
    engine_add_tap(e, recorder_tap, &r);
    for (k = 0; k < events; k++) push(e, (uint32_t)(10 * k), SIM_EV_SWITCH, 0, (int16_t)(k & 1));
    engine_tick(e, (uint32_t)(10 * events));
    raise(SIGKILL);
    _exit(4);
  }
  CHECK(pid > 0);
  CHECK(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void test_recorder_killed(void) {
  char dir[] = "/tmp/aleph-rec-XXXXXX", path[512], err[512], *text;
  static const char earlier[] =
      "{\"format\":\"aleph-sim events\",\"version\":1,\"events\":[{\"t\":1,\"type\":"
      "\"encoder\",\"index\":0,\"value\":1},{\"t\":2,\"type\":\"end\"}]}\n";
  player_t p;
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/rec.json", dir);
  put(path, "w", earlier);
  /* killed before the first event: the earlier recording is still there, whole */
  record_and_die(path, 0);
  text = slurp(path);
  CHECK_EQ_STR(text, earlier);
  free(text);
  /* killed after 40 events: a recording of those 40, replayable, without its end marker */
  record_and_die(path, 40);
  CHECK(player_load(&p, path, err, sizeof err));
  CHECK_EQ_INT(p.n_inputs, 40);
  CHECK_EQ_INT(p.end_t, 390);
  CHECK(strstr(p.note, "no end marker") != NULL);
  player_free(&p);
  /* the last line torn by the kill: read to the line before, and said so */
  put(path, "a", "{\"t\":400,\"type\":\"swi");
  CHECK(player_load(&p, path, err, sizeof err));
  CHECK_EQ_INT(p.n_inputs, 40);
  CHECK(strstr(p.note, "is cut short") != NULL);
  player_free(&p);
  /* a broken line that is not the last is an error naming it */
  put(path, "a", "\n{\"t\":500,\"type\":\"switch\",\"index\":0,\"value\":0}\n");
  CHECK(!player_load(&p, path, err, sizeof err));
  CHECK(strstr(err, "line 42: not valid JSON") != NULL);
  /* closed properly: the end marker, no note */
  {
    engine_t *e = new_engine();
    recorder_t r;
    CHECK(recorder_open(&r, e, path, "demo", 4u << 20, err, sizeof err));
    engine_add_tap(e, recorder_tap, &r);
    push(e, 5, SIM_EV_SWITCH, 1, 1);
    engine_tick(e, 20);
    CHECK(recorder_close(&r, 20, err, sizeof err));
    free_engine(e);
    CHECK(player_load(&p, path, err, sizeof err));
    CHECK_EQ_INT(p.n_inputs, 1);
    CHECK_EQ_INT(p.end_t, 20);
    CHECK_EQ_STR(p.note, "");
    player_free(&p);
  }
  CHECK_EQ_INT(remove(path), 0);
  CHECK_EQ_INT(rmdir(dir), 0); /* no temporary file left behind */
}

/* Recordings' fields are checked one by one, each with its own sentence. */
static void test_recording_messages(void) {
  static const struct {
    const char *text, *words;
  } cases[] = {
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"events\":[{\"t\":5,\"type\":"
       "\"encoder\",\"index\":0,\"value\":40000}]}",
       "event 0: encoder value 40000 is out of range (a whole number from -32768 to 32767)"},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"events\":[{\"t\":5,\"type\":"
       "\"knob\",\"index\":0,\"value\":1}]}",
       "event 0: unknown type \"knob\""},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"events\":[{\"t\":5,\"type\":"
       "\"switch\",\"index\":-1,\"value\":1}]}",
       "event 0: switch needs \"index\", a whole number from 0 to 65535"},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"tick_ms\":2,\"events\":[]}",
       "\"tick_ms\" must be 1"},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"encoder_poll_ms\":10,\"events\":[]}",
       "\"encoder_poll_ms\" must be 50"},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"arena_size\":\"big\",\"events\":[]}",
       "\"arena_size\" must be a whole number of bytes"},
      {"{\"format\":\"aleph-sim events\",\"version\":1,\"scene\":7,\"events\":[]}",
       "\"scene\" must be a file name"},
      {"{\"format\":\"aleph-sim events\",\"version\":2,\"events\":[]}",
       "\"version\" must be 1 for a recording written as one JSON document"},
      {"{\"format\":\"aleph-sim events\",\"version\":2}\n{\"t\":1,\"type\":\"cv\","
       "\"index\":0,\"value\":5000}\n",
       "line 2: cv 0 value 5000 is out of range"},
      {"{\"format\":\"aleph-sim events\",\"version\":2}\n{\"t\":1,\"type\":\"end\"}\n"
       "{\"t\":2,\"type\":\"end\"}\n",
       "line 3: more after the end marker"},
  };
  char path[] = "/tmp/aleph-rec-msg-XXXXXX", err[512];
  size_t k;
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    player_t p;
    put(path, "w", cases[k].text);
    CHECK(!player_load(&p, path, err, sizeof err));
    if (!strstr(err, cases[k].words))
      fprintf(stderr, "case %zu: got '%s', want '%s'\n", k, err, cases[k].words);
    CHECK(strstr(err, cases[k].words) != NULL);
  }
  remove(path);
}

/* A replayed event the engine refuses counts as a replay failure, the first one kept. */
static void test_replay_rejected(void) {
  engine_t *e = new_engine();
  sim_event_t x = ev(10, SIM_EV_INPUT, 9999, 1); /* no such input */
  CHECK(engine_push_replayed(e, &x));
  x = ev(20, SIM_EV_INPUT, 0, 1);
  CHECK(engine_push(e, &x));
  x = ev(30, SIM_EV_INPUT, 9998, 1);
  CHECK(engine_push(e, &x)); /* not a replay's: counted as rejected only */
  engine_tick(e, 40);
  CHECK_EQ_INT(e->rejected, 2);
  CHECK_EQ_INT(e->replay_rejected, 1);
  CHECK_EQ_INT(e->replay_first_rejected.index, 9999);
  free_engine(e);
}

/* The encoder, function and footswitch keys are found by their place: an AZERTY keyboard's keys
 * where a US one has q, a, 1, z turn and press the same controls; MODE and the others go by
 * what they type. */
static void test_keys_by_place(void) {
  enum { SC_A = 4, SC_Q = 20, SC_W = 26, SC_Z = 29, SC_1 = 30, SC_SEMICOLON = 51, SC_M = 16 };
  const key_binding_t *b;
  b = panel_key_lookup('a', SC_Q); /* AZERTY: 'a' is typed at the place of US 'q' */
  CHECK(b && b->kind == KEY_ACT_ENCODER && b->index == 0 && b->value == 1);
  b = panel_key_lookup('q', SC_A);
  CHECK(b && b->kind == KEY_ACT_ENCODER && b->index == 0 && b->value == -1);
  b = panel_key_lookup('z', SC_W);
  CHECK(b && b->kind == KEY_ACT_ENCODER && b->index == 1 && b->value == 1);
  b = panel_key_lookup('w', SC_Z);
  CHECK(b && b->kind == KEY_ACT_SWITCH && b->index == SIM_SW_FS1);
  b = panel_key_lookup('&', SC_1); /* AZERTY's unshifted 1 key */
  CHECK(b && b->kind == KEY_ACT_SWITCH && b->index == 0);
  b = panel_key_lookup('m', SC_SEMICOLON); /* AZERTY's m: MODE, by what it types */
  CHECK(b && b->kind == KEY_ACT_SWITCH && b->index == SIM_SW_MODE);
  CHECK(panel_key_lookup(',', SC_M) == NULL); /* US m's place types ',' there: nothing */
  b = panel_key_lookup('q', 0); /* synthesized, no place: by keycode */
  CHECK(b && b->kind == KEY_ACT_ENCODER && b->index == 0 && b->value == 1);
  b = panel_key_lookup('o', 18);
  CHECK(b && b->kind == KEY_ACT_OVERLAY);
}

/* Op names (lib/op_names.c): handles at load, new ops NAME or NAME#k one past the highest, kept
 * through inserts and deletes, NAME#0 finding NAME, a removed op's name dropped at the sync. */
static void test_op_names(void) {
  static engine_t e;
  static op_names_t t;
  char err[256], name[OP_NAME_MAX];
  net_t *net;
  uint16_t a, b, c, n0;
  CHECK(engine_init(&e, 8u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(&e, err, sizeof err));
  net = engine_net(&e);
  n0 = net_op_count(net);
  op_names_reset(&t, net);
  CHECK_EQ_INT(t.count, n0);
  CHECK(op_names_find(&t, net, "ENC#2") == 2);
  CHECK(op_names_find(&t, net, "SW1") == 4);
  CHECK_EQ_INT(net_add_op(net, OP_METRO, NET_NONE, &a), NET_OK);
  CHECK_EQ_INT(net_add_op(net, OP_METRO, NET_NONE, &b), NET_OK);
  op_names_sync(&t, net);
  op_names_get(&t, net, a, name, sizeof name);
  CHECK_EQ_STR(name, "METRO"); /* none went by METRO: the display name */
  op_names_get(&t, net, b, name, sizeof name);
  CHECK_EQ_STR(name, "METRO#1");
  CHECK(op_names_find(&t, net, "METRO#0") == a);
  /* an insert before them: the names stay with the ops */
  CHECK_EQ_INT(net_add_op(net, OP_ADD, 12, &c), NET_OK);
  op_names_sync(&t, net);
  CHECK(op_names_find(&t, net, "METRO") == a + 1);
  CHECK(op_names_find(&t, net, "METRO#1") == b + 1);
  /* a delete: its name goes, the others stay; a new one takes the next k */
  CHECK_EQ_INT(net_remove_op(net, (uint16_t)(a + 1)), NET_OK);
  op_names_sync(&t, net);
  CHECK(op_names_find(&t, net, "METRO") == -1);
  CHECK(op_names_find(&t, net, "METRO#1") == b);
  CHECK_EQ_INT(net_add_op(net, OP_METRO, NET_NONE, &a), NET_OK);
  op_names_sync(&t, net);
  op_names_get(&t, net, a, name, sizeof name);
  CHECK_EQ_STR(name, "METRO#2");
  /* set: unique names only */
  CHECK(op_names_set(&t, net_op(net, a), "LFO"));
  CHECK(!op_names_set(&t, net_op(net, b), "LFO"));
  CHECK(op_names_find(&t, net, "LFO") == a);
  CHECK_EQ_INT(t.count, net_op_count(net));
  engine_free(&e);
}

int main(void) {
  RUN(test_recorder_killed);
  RUN(test_recording_messages);
  RUN(test_replay_rejected);
  RUN(test_queue_order);
  RUN(test_carve);
  RUN(test_leak_report_at_exit);
  RUN(test_batching);
  RUN(test_step_size);
  RUN(test_play_log);
  RUN(test_font);
  RUN(test_editor_routing);
  RUN(test_scene_store_listing);
  RUN(test_keys_by_place);
  RUN(test_op_names);
  return check_summary("test_sim_engine");
}
