/* SPDX-License-Identifier: MIT */
/* test_osc.c: aleph-sim's OSC server in-process, driven by a real liblo client over loopback
 * UDP: every address with its reply and its effect, a table of malformed messages (each answered
 * with /aleph/error, none changing the net), bundles, record/replay of an OSC session, and a
 * flood of 100,000 messages with the net's invariants checked afterwards (prints messages/s). */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <lo/lo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../tests/check.h"
#include "engine.h"
#include "file_io.h"
#include "osc_server.h"
#include "record.h"
#include "scene_store.h"

#define RX_MAX 8192
typedef struct {
  char path[64];
  char types[16];
  int32_t i[12];
  char s[6][160];
  float f[12];
  int blob_len;
} rx_t;
static rx_t rx[RX_MAX];
static int nrx;
static engine_t *E;
static osc_server_t *S;
static lo_server C;
static lo_address A;
static int32_t ping_seq;
static char scene_dir[64]; /* the server's scene folder: a fresh one per start() */

static int on_msg(const char *path, const char *types, lo_arg **argv, int argc, lo_message m,
                  void *ud) {
  rx_t *r;
  int k;
  (void)m;
  (void)ud;
  if (nrx >= RX_MAX) nrx = 0; /* keep the newest (floods) */
  r = &rx[nrx++];
  memset(r, 0, sizeof *r);
  snprintf(r->path, sizeof r->path, "%s", path);
  snprintf(r->types, sizeof r->types, "%s", types);
  for (k = 0; k < argc && k < 12; k++) {
    /* liblo's args are only 4-byte aligned: no member access through lo_arg */
    if (types[k] == 'i') memcpy(&r->i[k], argv[k], sizeof r->i[k]);
    if (types[k] == 's' && k < 6) snprintf(r->s[k], sizeof r->s[k], "%s", (const char *)argv[k]);
    if (types[k] == 'b') r->blob_len = lo_blob_datasize((lo_blob)argv[k]);
    if (types[k] == 'f') memcpy(&r->f[k], argv[k], sizeof r->f[k]);
  }
  return 0;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static lo_message vmsg(const char *types, va_list ap) {
  lo_message m = lo_message_new();
  const char *t;
  for (t = types; *t; t++) {
    if (*t == 'i') lo_message_add_int32(m, va_arg(ap, int32_t));
    if (*t == 's') lo_message_add_string(m, va_arg(ap, const char *));
    if (*t == 'f') lo_message_add_float(m, (float)va_arg(ap, double));
  }
  return m;
}

/* A message of these types ('i', 's', 'f') and arguments. */
static lo_message msg(const char *types, ...) {
  va_list ap;
  lo_message m;
  va_start(ap, types);
  m = vmsg(types, ap);
  va_end(ap);
  return m;
}

static void sendm(const char *path, const char *types, ...) {
  va_list ap;
  lo_message m;
  va_start(ap, types);
  m = vmsg(types, ap);
  va_end(ap);
  lo_send_message_from(A, C, path, m);
  lo_message_free(m);
}

static void settle(void);
/* Pings and runs the simulation side until the pong comes back: everything sent before has
 * been run and answered. */
static void settle(void) {
  int32_t seq = ++ping_seq;
  double until = now_s() + 5.0;
  sendm("/aleph/ping", "i", seq);
  while (now_s() < until) {
    int k;
    osc_server_pump(S);
    while (lo_server_recv_noblock(C, 0) > 0) {
    }
    for (k = nrx - 1; k >= 0; k--)
      if (!strcmp(rx[k].path, "/aleph/pong") && rx[k].i[0] == seq) return;
    osc_server_wait(S, 1);
  }
  CHECK(!"settle: no pong within 5 s");
}

static int count(const char *path) {
  int k, n = 0;
  for (k = 0; k < nrx; k++) n += !strcmp(rx[k].path, path);
  return n;
}

static const rx_t *last(const char *path) {
  int k;
  for (k = nrx - 1; k >= 0; k--)
    if (!strcmp(rx[k].path, path)) return &rx[k];
  return NULL;
}

/* The last message on path whose first two strings are a and b. */
static const rx_t *last_ss(const char *path, const char *a, const char *b) {
  int k;
  for (k = nrx - 1; k >= 0; k--)
    if (!strcmp(rx[k].path, path) && !strcmp(rx[k].s[0], a) && (!b || !strcmp(rx[k].s[1], b)))
      return &rx[k];
  return NULL;
}

static void settle(void);
static void tick(uint32_t ms) {
  engine_tick(E, E->now + ms);
  osc_server_pump(S);
  settle();
}

/* A fingerprint of everything a message could change: ops, classes, targets, input values,
 * params, device kind. */
static uint64_t net_print(void) {
  net_t *net = engine_net(E);
  uint64_t h = 1469598103934665603ull;
  uint16_t i;
#define MIX(v) h = (h ^ (uint64_t)(uint32_t)(v)) * 1099511628211ull
  MIX(net_op_count(net));
  for (i = 0; i < net_op_count(net); i++) MIX(net_op(net, i)->cls->id);
  for (i = 0; i < net_out_count(net); i++) MIX(net_target(net, i));
  for (i = 0; i < net_in_count(net) + net_param_count(net); i++) MIX(net_get_value(net, i));
  MIX(E->monome.plugged);
  MIX(E->enc_acc[0]);
  return h;
}

static void start(const char *record_path, recorder_t *rec) {
  char err[256];
  E = calloc(1, sizeof *E);
  CHECK(engine_init(E, 8u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(E, err, sizeof err));
  if (record_path) {
    CHECK(recorder_open(rec, E, record_path, NULL, 8u << 20, err, sizeof err));
    engine_add_tap(E, recorder_tap, rec);
  }
  S = osc_server_start(E, NULL, 0, err, sizeof err);
  CHECK(S != NULL);
  if (!S) {
    fprintf(stderr, "%s\n", err);
    exit(1);
  }
  snprintf(scene_dir, sizeof scene_dir, "/tmp/test_osc_scenes_XXXXXX");
  CHECK(mkdtemp(scene_dir) != NULL);
  CHECK(osc_server_set_scene_dir(S, scene_dir));
  CHECK(osc_server_port(S) > 0);
  C = lo_server_new(NULL, NULL);
  lo_server_add_method(C, NULL, NULL, on_msg, NULL);
  {
    char port[16];
    snprintf(port, sizeof port, "%d", osc_server_port(S));
    A = lo_address_new("127.0.0.1", port);
  }
  nrx = 0;
}

/* Empties and removes the scene folder (files, links and empty folders). */
static void remove_scene_dir(void) {
  DIR *d = opendir(scene_dir);
  struct dirent *ent;
  char p[512];
  while (d && (ent = readdir(d))) {
    if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, "..")) continue;
    snprintf(p, sizeof p, "%s/%s", scene_dir, ent->d_name);
    CHECK(unlink(p) == 0 || rmdir(p) == 0);
  }
  if (d) closedir(d);
  CHECK(rmdir(scene_dir) == 0);
}

static bool keep_scenes; /* stop() leaves the scene folder (a replay reads it after) */

static void stop(void) {
  if (!keep_scenes) remove_scene_dir();
  osc_server_stop(S);
  lo_address_free(A);
  lo_server_free(C);
  engine_free(E);
  free(E);
}

static void test_addresses(void) {
  net_t *net;
  const rx_t *r;
  uint16_t n0;
  int p_cut;
  char scn[128], bad[128];
  start(NULL, NULL);
  net = engine_net(E);
  n0 = net_op_count(net);

  /* listing */
  sendm("/aleph/ops", "");
  settle();
  CHECK_EQ_INT(count("/aleph/op"), n0);
  r = last("/aleph/ops/end");
  CHECK(r && r->i[0] == n0);
  r = last("/aleph/op");
  CHECK(r && r->i[0] == n0 - 1 && r->types[0] == 'i');
  { /* the demo's first ENC: index, handle, class, 4 inputs, 2 outputs */
    int k, enc = 0;
    for (k = 0; k < nrx; k++)
      enc += !strcmp(rx[k].path, "/aleph/op") && !strcmp(rx[k].s[1], "ENC#0") &&
             !strcmp(rx[k].s[2], "ENC") && rx[k].i[3] == 4 && rx[k].i[4] == 2;
    CHECK_EQ_INT(enc, 1);
  }
  sendm("/aleph/op/ports", "s", "SW1");
  settle();
  CHECK(last_ss("/aleph/op/in", "SW1", NULL) != NULL);
  CHECK(last_ss("/aleph/op/out", "SW1", "VAL") != NULL);
  CHECK(last("/aleph/op/ports/end") != NULL);

  /* adding two ADD ops (the demo has one: they become ADD#1, ADD#2), connecting them */
  nrx = 0;
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/op/add", "si", "MUL", 0);
  settle();
  CHECK_EQ_INT(count("/aleph/op/added"), 3);
  CHECK_EQ_INT(net_op_count(net), n0 + 3);
  CHECK(!strcmp(net_op(net, 0)->cls->name, "MUL"));
  r = &rx[1];
  CHECK(!strcmp(r->path, "/aleph/op/added") && !strcmp(r->s[1], "ADD#2"));
  sendm("/aleph/op/remove", "i", 0);
  settle();
  /* names stay with their ops: the demo's MUL is still MUL, the new one MUL#1 (issue 24) */
  CHECK(last("/aleph/op/removed") && !strcmp(last("/aleph/op/removed")->s[1], "MUL#1"));
  CHECK_EQ_INT(net_op_count(net), n0 + 2);

  nrx = 0;
  sendm("/aleph/subscribe", "s", "outputs");
  sendm("/aleph/subscribe", "s", "inputs");
  sendm("/aleph/connect", "ssss", "ADD#1", "SUM", "ADD#2", "A");
  settle();
  CHECK_EQ_INT(count("/aleph/subscribed"), 2);
  r = last("/aleph/connected");
  CHECK(r && !strcmp(r->s[0], "ADD#1") && !strcmp(r->s[1], "SUM") && !strcmp(r->s[2], "ADD#2") &&
        !strcmp(r->s[3], "A"));
  nrx = 0;
  sendm("/aleph/in", "ssi", "ADD#2", "B", 100);
  sendm("/aleph/in", "ssi", "ADD#1", "A", 7);
  settle();
  r = last_ss("/aleph/watch/out", "ADD#2", "SUM");
  CHECK(r && r->i[2] == 107); /* 7 propagated through ADD#1 into ADD#2's A, plus B 100 */
  CHECK(last_ss("/aleph/watch/in", "ADD#2", "A") && last_ss("/aleph/watch/in", "ADD#2", "A")->i[2] == 7);
  sendm("/aleph/in/get", "ss", "ADD#2", "A");
  settle();
  r = last("/aleph/in/value");
  CHECK(r && !strcmp(r->s[0], "ADD#2") && r->i[2] == 7);
  /* index forms */
  nrx = 0;
  sendm("/aleph/in", "ii", net_op_first_in(net, (uint16_t)(n0)), 9); /* ADD#1 A */
  settle();
  CHECK(last_ss("/aleph/watch/out", "ADD#2", "SUM") &&
        last_ss("/aleph/watch/out", "ADD#2", "SUM")->i[2] == 109);
  nrx = 0;
  sendm("/aleph/disconnect", "ss", "ADD#1", "SUM");
  sendm("/aleph/in", "ssi", "ADD#1", "A", 8);
  settle();
  CHECK(last("/aleph/disconnected") != NULL);
  CHECK(last_ss("/aleph/watch/out", "ADD#1", "SUM") != NULL);
  CHECK(last_ss("/aleph/watch/out", "ADD#2", "SUM") == NULL);
  CHECK_EQ_INT(net_target(net, net_op_first_out(net, n0)), -1);
  sendm("/aleph/connect", "ii", net_op_first_out(net, n0), net_op_first_in(net, (uint16_t)(n0 + 1)) + 1);
  settle();
  CHECK_EQ_INT(net_target(net, net_op_first_out(net, n0)), net_op_first_in(net, (uint16_t)(n0 + 1)) + 1);
  sendm("/aleph/disconnect", "i", net_op_first_out(net, n0));
  settle();
  CHECK_EQ_INT(net_target(net, net_op_first_out(net, n0)), -1);

  /* params */
  nrx = 0;
  sendm("/aleph/params", "");
  settle();
  CHECK_EQ_INT(count("/aleph/param/info"), net_param_count(net));
  CHECK(last("/aleph/params/end") && last("/aleph/params/end")->i[0] == net_param_count(net));
  /* each with its type, what the DSP gets and bees' text for it (the demo's are shorts) */
  CHECK(last("/aleph/param/info") && !strcmp(last("/aleph/param/info")->types, "isisis"));
  CHECK(last("/aleph/param/info") && !strcmp(last("/aleph/param/info")->s[3], "short"));
  CHECK(last("/aleph/param/info") &&
        last("/aleph/param/info")->i[4] == net_param(net, net_param_count(net) - 1)->value);
  p_cut = 0;
  sendm("/aleph/subscribe", "s", "params");
  sendm("/aleph/param", "si", net_param(net, 0)->label, 1234);
  settle();
  CHECK_EQ_INT(net_param(net, 0)->value, 1234);
  CHECK(last_ss("/aleph/watch/param", net_param(net, 0)->label, NULL) &&
        last_ss("/aleph/watch/param", net_param(net, 0)->label, NULL)->i[1] == 1234);
  CHECK(last_ss("/aleph/watch/param", net_param(net, 0)->label, NULL) &&
        last_ss("/aleph/watch/param", net_param(net, 0)->label, NULL)->i[2] == 1234 &&
        !strcmp(last_ss("/aleph/watch/param", net_param(net, 0)->label, NULL)->s[3],
                "1234.00000"));
  /* the DSP: no module in the demo; its CV outputs on request */
  nrx = 0;
  sendm("/aleph/dsp", "");
  sendm("/aleph/cv/out", "");
  settle();
  CHECK(last("/aleph/dsp") && !strcmp(last("/aleph/dsp")->s[1], "NO MODULE"));
  CHECK(last("/aleph/cv/out") && !strcmp(last("/aleph/cv/out")->types, "ffff") &&
        last("/aleph/cv/out")->f[0] == 0.0f);
  /* aleph-waves running (its CV outputs start at 5 V): the cv topic pushes them as they move */
  engine_loaded(E, "aleph-waves.ldr");
  nrx = 0;
  sendm("/aleph/subscribe", "s", "cv");
  settle();
  tick(100);
  CHECK(last("/aleph/cv/out") && last("/aleph/cv/out")->f[2] > 4.99f &&
        last("/aleph/cv/out")->f[2] < 5.01f);
  sendm("/aleph/dsp", "");
  settle();
  CHECK(last("/aleph/dsp") && !strcmp(last("/aleph/dsp")->s[0], "aleph-waves.ldr") &&
        !strcmp(last("/aleph/dsp")->s[1], "RUNNING"));
  sendm("/aleph/unsubscribe", "s", "cv");
  engine_loaded(E, NULL);
  settle();
  sendm("/aleph/param", "ii", p_cut, 55);
  sendm("/aleph/connect/param", "sss", "ADD#2", "SUM", net_param(net, 1)->label);
  sendm("/aleph/in", "ssi", "ADD#2", "A", 1);
  settle();
  CHECK_EQ_INT(net_param(net, 0)->value, 55);
  CHECK_EQ_INT(net_param(net, 1)->value, 101);
  CHECK(last("/aleph/connected") && !strcmp(last("/aleph/connected")->s[2], "param"));

  /* front panel: encoder batches reach the ENC op at the next 50 ms poll */
  nrx = 0;
  sendm("/aleph/enc", "ii", 0, 5);
  sendm("/aleph/sw", "ii", 0, 1);
  sendm("/aleph/fs", "ii", 1, 1);
  sendm("/aleph/cv", "ii", 0, 4000);
  settle();
  tick(60);
  CHECK(last_ss("/aleph/watch/out", "ENC#0", "VAL") != NULL);
  CHECK(last_ss("/aleph/watch/out", "SW1", "VAL") && last_ss("/aleph/watch/out", "SW1", "VAL")->i[2] == 1);
  CHECK(last_ss("/aleph/watch/out", "FS2", "VAL") != NULL);

  /* statistics: on request and pushed every second */
  nrx = 0;
  sendm("/aleph/stats", "");
  settle();
  r = last("/aleph/stats");
  CHECK(r && !strcmp(r->types, "iiiiiiiiiii") && r->i[7] == net_op_count(net) && r->i[0] > 0);
  sendm("/aleph/subscribe", "s", "stats");
  settle();
  nrx = 0;
  tick(1000);
  CHECK_EQ_INT(count("/aleph/stats"), 1);

  /* the screen: a newcomer gets every row, then only rows that change */
  nrx = 0;
  sendm("/aleph/subscribe", "s", "screen");
  settle();
  CHECK_EQ_INT(count("/aleph/screen/row"), 64);
  CHECK(last("/aleph/screen/row") && last("/aleph/screen/row")->blob_len == 128);
  nrx = 0;
  tick(10);
  CHECK_EQ_INT(count("/aleph/screen/row"), 0);
  sendm("/aleph/unsubscribe", "s", "screen");
  settle();
  CHECK(last("/aleph/unsubscribed") != NULL);

  /* monome grid (serialosc conventions), arc, prefix */
  nrx = 0;
  sendm("/aleph/monome/connect", "sii", "grid", 16, 8);
  sendm("/aleph/subscribe", "s", "grid");
  sendm("/aleph/op/add", "s", "GRID");
  settle();
  CHECK(last("/aleph/monome/connected") != NULL);
  CHECK_EQ_INT(E->monome.plugged, MONOME_GRID);
  /* the new subscriber got the dark grid as one /grid/led/all, not 128 sets (issue 24) */
  CHECK_EQ_INT(count("/monome/grid/led/set"), 0);
  CHECK_EQ_INT(count("/monome/grid/led/all"), 1);
  CHECK_EQ_INT(count("/monome/grid/led/level/all"), 1);
  nrx = 0;
  sendm("/monome/grid/key", "iii", 3, 2, 1);
  settle();
  r = last_ss("/aleph/watch/out", "GRID", "COL");
  CHECK(r && r->i[2] == 3);
  r = last("/monome/grid/led/set");
  CHECK(r && r->i[0] == 3 && r->i[1] == 2 && r->i[2] == 1);
  CHECK(last("/monome/grid/led/level/set") && last("/monome/grid/led/level/set")->i[2] == 15);
  sendm("/sys/prefix", "s", "/sim");
  sendm("/sim/grid/key", "iii", 4, 1, 1);
  settle();
  r = last_ss("/aleph/watch/out", "GRID", "COL");
  CHECK(r && r->i[2] == 4);
  CHECK(last("/sim/grid/led/set") != NULL);
  sendm("/sys/prefix", "s", "/monome");
  sendm("/aleph/monome/connect", "si", "arc", 4);
  sendm("/aleph/op/add", "s", "ARC");
  settle();
  /* the grid stays plugged in beside the arc (docs/osc.md's block, in order) */
  CHECK_EQ_INT(E->monome.plugged, MONOME_GRID | MONOME_ARC);
  nrx = 0;
  sendm("/monome/grid/key", "iii", 5, 2, 1);
  settle();
  CHECK(last("/aleph/error") == NULL);
  r = last_ss("/aleph/watch/out", "GRID", "COL");
  CHECK(r && r->i[2] == 5);
  nrx = 0;
  sendm("/monome/enc/delta", "ii", 0, 3);
  settle();
  CHECK(last_ss("/aleph/watch/out", "ARC", "DELTA") &&
        last_ss("/aleph/watch/out", "ARC", "DELTA")->i[2] == 3);
  sendm("/aleph/monome/connect", "sii", "grid", 0, 0); /* the grid alone unplugged */
  settle();
  CHECK_EQ_INT(E->monome.plugged, MONOME_ARC);
  sendm("/aleph/monome/connect", "s", "none");
  settle();
  CHECK_EQ_INT(E->monome.plugged, 0);

  /* MIDI in and out */
  nrx = 0;
  sendm("/aleph/op/add", "s", "MIDINOTE");
  sendm("/aleph/op/add", "s", "MOUT_NOTE");
  sendm("/aleph/subscribe", "s", "midi");
  sendm("/aleph/midi", "iii", 0x90, 60, 100);
  sendm("/aleph/in", "ssi", "MOUTNO", "NUM", 64);
  sendm("/aleph/in", "ssi", "MOUTNO", "VEL", 90);
  settle();
  CHECK(last_ss("/aleph/watch/out", "MIDINOTE", "NUM") &&
        last_ss("/aleph/watch/out", "MIDINOTE", "NUM")->i[2] == 60);
  r = last("/aleph/midi/out");
  CHECK(r && (r->i[1] & 0xF0) == 0x90 && r->i[2] == 64 && r->i[3] == 90);

  /* scenes: save safely, load back; failures carry the codec's text */
  snprintf(scn, sizeof scn, "%s/test_osc_scene.scn", scene_dir);
  snprintf(bad, sizeof bad, "%s/test_osc_scene.bad", scene_dir);
  {
    FILE *f = fopen(bad, "wb");
    int k;
    for (k = 0; k < 1000; k++) fputc(0, f);
    fclose(f);
  }
  nrx = 0;
  n0 = net_op_count(net);
  sendm("/aleph/scene/save", "s", scn);
  settle();
  CHECK(last("/aleph/scene/saved") != NULL);
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/scene/load", "s", scn);
  settle();
  CHECK(last("/aleph/scene/loaded") && last("/aleph/scene/loaded")->i[1] == n0);
  { /* the editor's SCENES page now saves under the loaded file's name */
    char want[64];
    snprintf(want, sizeof want, "%s", strrchr(scn, '/') + 1);
    *strrchr(want, '.') = '\0';
    CHECK_EQ_STR(ui_scene_name(&E->ui), want);
  }
  CHECK_EQ_INT(net_op_count(engine_net(E)), n0);
  net = engine_net(E);
  sendm("/aleph/scene/load", "s", bad);
  settle();
  r = last("/aleph/error");
  CHECK(r && strstr(r->s[0], "offset") != NULL);
  CHECK_EQ_INT(net_op_count(engine_net(E)), n0);
  /* observation survives the swap */
  nrx = 0;
  sendm("/aleph/in", "ssi", "ADD#1", "A", 3);
  settle();
  CHECK(last_ss("/aleph/watch/out", "ADD#1", "SUM") != NULL);
  CHECK_EQ_INT(net_check(engine_net(E)), NET_OK);
  CHECK_EQ_INT(E->sys.host.faults, 0);
  stop();
}

/* ---- malformed messages ---- */

typedef struct {
  const char *path, *types;
  const char *s[4];
  int32_t i[4];
  const char *want; /* in the error text */
} bad_t;

static void test_malformed(void) {
  static char longs[300];
  const bad_t table[] = {
      {"/aleph/nope", "", {0}, {0}, "unknown address"},
      {"/aleph", "", {0}, {0}, "unknown address"},
      {"/aleph/enc", "i", {0}, {0}, "wrong type tags"},
      {"/aleph/enc", "ff", {0}, {0}, "wrong type tags"},
      {"/aleph/enc", "ss", {"a", "b"}, {0}, "wrong type tags"},
      {"/aleph/enc", "iii", {0}, {0, 1, 2}, "wrong type tags"},
      {"/aleph/enc", "ii", {0}, {4, 1}, "encoder 4 is out of range"},
      {"/aleph/enc", "ii", {0}, {-1, 1}, "out of range"},
      {"/aleph/enc", "ii", {0}, {0, 40000}, "delta 40000"},
      {"/aleph/sw", "ii", {0}, {7, 1}, "out of range"},
      {"/aleph/sw", "ii", {0}, {0, 2}, "pressed 2"},
      {"/aleph/fs", "ii", {0}, {2, 1}, "out of range"},
      {"/aleph/cv", "ii", {0}, {0, 5000}, "out of range"},
      {"/aleph/op/add", "s", {"NOSUCH"}, {0}, "no op class"},
      {"/aleph/op/add", "s", {"ENC"}, {0}, "system op class"},
      {"/aleph/op/add", "si", {"ADD"}, {0, 999}, "position 999"},
      {"/aleph/op/add", "i", {0}, {3}, "wrong type tags"},
      {"/aleph/op/remove", "s", {"NOSUCH"}, {0}, "no op is named"},
      {"/aleph/op/remove", "i", {0}, {500}, "out of range"},
      {"/aleph/op/remove", "i", {0}, {0}, "system op"},
      {"/aleph/op/remove", "s", {"ADD#7"}, {0}, "no op is named \"ADD#7\""},
      {"/aleph/op/ports", "s", {"ZZZ#3"}, {0}, "no op is named"},
      {"/aleph/connect", "ssss", {"ADD#1", "NOPE", "ADD#0", "A"}, {0}, "no output \"NOPE\""},
      {"/aleph/connect", "ssss", {"ADD#1", "SUM", "ADD#0", "Q"}, {0}, "no input \"Q\""},
      {"/aleph/connect", "ssss", {"ADD#1", "SUM", "GHOST", "A"}, {0}, "no op is named"},
      {"/aleph/connect", "ssss", {"ADD#1", "SUM", "ADD#1", "A"}, {0}, "its own input"},
      {"/aleph/connect", "ssss", {"ADD#1", "#9", "ADD#0", "A"}, {0}, "no output"},
      {"/aleph/connect", "ii", {0}, {9999, 0}, "output 9999"},
      {"/aleph/connect", "ii", {0}, {0, 9999}, "target 9999"},
      {"/aleph/connect", "sss", {"a", "b", "c"}, {0}, "wrong type tags"},
      {"/aleph/connect/param", "sss", {"ADD#1", "SUM", "nope"}, {0}, "no param is labelled"},
      {"/aleph/disconnect", "i", {0}, {-3}, "out of range"},
      {"/aleph/disconnect", "ss", {"ADD#9", "SUM"}, {0}, "no op is named"},
      {"/aleph/in", "ssi", {"ADD#1", "A"}, {0, 0, 70000}, "value 70000"},
      {"/aleph/in", "ssi", {"ADD#1", "Z"}, {0, 0, 1}, "no input"},
      {"/aleph/in", "ii", {0}, {30000, 1}, "input 30000"},
      {"/aleph/in", "si", {"ADD#1"}, {0, 1}, "wrong type tags"},
      {"/aleph/in/get", "ss", {"NOP", "A"}, {0}, "no op is named"},
      {"/aleph/param", "si", {"nolabel"}, {0, 1}, "no param is labelled"},
      {"/aleph/param", "ii", {0}, {300, 1}, "param index 300"},
      {"/aleph/subscribe", "s", {"everything"}, {0}, "no topic"},
      {"/aleph/subscribe", "si", {"outputs"}, {0, 70000}, "port 70000"},
      {"/aleph/monome/connect", "sii", {"grid"}, {0, 7, 7}, "a grid is"},
      {"/aleph/monome/connect", "si", {"arc"}, {0, 3}, "2 or 4 rings"},
      {"/aleph/monome/connect", "s", {"toaster"}, {0}, "say grid"},
      {"/monome/grid/key", "iii", {0}, {1, 1, 1}, "no grid is connected"},
      {"/monome/enc/delta", "ii", {0}, {0, 1}, "no arc is connected"},
      {"/aleph/midi", "iii", {0}, {0x40, 1, 1}, "status 64"},
      {"/aleph/midi", "iii", {0}, {0x90, 128, 1}, "data1 128"},
      {"/aleph/scene/load", "s", {"/no/such/file.scn"}, {0}, "/no/such/file.scn"},
      {"/aleph/scene/save", "s", {"/no/such/dir/x.scn"}, {0}, "/no/such/dir"},
      {"/sys/prefix", "s", {"noslash"}, {0}, "must start with"},
      {"/aleph/op/add", "s", {longs}, {0}, "too long"},
  };
  size_t k;
  uint64_t before;
  uint32_t applied;
  osc_counters_t cnt;
  memset(longs, 'A', sizeof longs - 1);
  start(NULL, NULL);
  sendm("/aleph/op/add", "s", "ADD");
  settle();
  before = net_print();
  applied = E->applied;
  for (k = 0; k < sizeof table / sizeof table[0]; k++) {
    const bad_t *b = &table[k];
    lo_message m = lo_message_new();
    const char *t;
    int a = 0;
    for (t = b->types; *t; t++, a++) {
      if (*t == 'i') lo_message_add_int32(m, b->i[a]);
      if (*t == 's') lo_message_add_string(m, b->s[a]);
      if (*t == 'f') lo_message_add_float(m, 1.5f);
    }
    nrx = 0;
    lo_send_message_from(A, C, b->path, m);
    lo_message_free(m);
    settle();
    {
      const rx_t *r = last("/aleph/error");
      if (!r || !strstr(r->s[0], b->want)) {
        fprintf(stderr, "case %zu %s: got '%s', want '%s'\n", k, b->path, r ? r->s[0] : "(none)",
                b->want);
        CHECK(!"malformed message answered as expected");
      }
    }
    CHECK(net_print() == before);
  }
  CHECK_EQ_INT(E->applied, applied);
  /* not OSC at all, a broken bundle: answered, nothing changes */
  {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to;
    const char junk[] = "hello, not osc";
    uint8_t bundle[32] = "#bundle";
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((uint16_t)osc_server_port(S));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sendto(fd, junk, sizeof junk, 0, (struct sockaddr *)&to, sizeof to);
    bundle[16] = 0x7F; /* element size far past the end */
    sendto(fd, bundle, sizeof bundle, 0, (struct sockaddr *)&to, sizeof to);
    close(fd);
    settle();
    osc_server_counters(S, &cnt);
    CHECK(cnt.errors >= sizeof table / sizeof table[0] + 2);
  }
  CHECK(net_print() == before);
  CHECK_EQ_INT(net_check(engine_net(E)), NET_OK);
  /* a good bundle: both messages run, in order */
  {
    lo_bundle bu = lo_bundle_new(LO_TT_IMMEDIATE);
    lo_message m1 = lo_message_new(), m2 = lo_message_new();
    lo_message_add_string(m1, "ADD");
    lo_message_add_string(m2, "outputs");
    lo_bundle_add_message(bu, "/aleph/op/add", m1);
    lo_bundle_add_message(bu, "/aleph/subscribe", m2);
    nrx = 0;
    lo_send_bundle_from(A, C, bu);
    lo_bundle_free_recursive(bu);
    settle();
    CHECK(last("/aleph/op/added") && last("/aleph/subscribed"));
  }
  stop();
}

/* ---- record and replay an OSC session ---- */

static void test_record_replay(void) {
  char path[] = "/tmp/test_osc_rec_XXXXXX", scn[128];
  recorder_t rec;
  player_t pl;
  char err[256];
  uint64_t live;
  uint32_t end;
  net_stats_t a, b;
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  start(path, &rec);
  snprintf(scn, sizeof scn, "%s/rec.scn", scene_dir);
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/monome/connect", "sii", "grid", 8, 8);
  sendm("/aleph/op/add", "s", "GRID");
  settle();
  tick(37);
  sendm("/aleph/connect", "ssss", "ADD#1", "SUM", "ADD#2", "B");
  sendm("/aleph/connect", "ssss", "GRID", "COL", "ADD#1", "A");
  sendm("/monome/grid/key", "iii", 5, 5, 1);
  sendm("/aleph/enc", "ii", 1, -4);
  sendm("/aleph/midi", "iii", 0xB0, 1, 2);
  settle();
  tick(120);
  sendm("/aleph/param", "ii", 0, 77);
  /* a scene load in the middle: saved here, edited away, loaded back */
  sendm("/aleph/scene/save", "s", scn);
  sendm("/aleph/op/add", "s", "MUL");
  sendm("/aleph/scene/load", "s", scn);
  settle();
  CHECK(last("/aleph/scene/loaded") != NULL);
  sendm("/aleph/op/remove", "s", "ADD#0");
  sendm("/aleph/in", "ssi", "ADD#1", "A", 11);
  settle();
  tick(200);
  live = net_print();
  end = E->now;
  net_get_stats(engine_net(E), &a);
  CHECK(recorder_close(&rec, end, err, sizeof err));
  keep_scenes = true;
  stop();
  keep_scenes = false;
  { /* the recording names the file */
    FILE *f = fopen(path, "r");
    char line[1024];
    int loads = 0;
    while (f && fgets(line, sizeof line, f))
      if (strstr(line, "\"type\":\"scene_load\"") && strstr(line, scn + 5)) loads++;
    if (f) fclose(f);
    CHECK_EQ_INT(loads, 1);
  }
  /* replay on a fresh engine without OSC */
  CHECK(player_load(&pl, path, err, sizeof err));
  E = calloc(1, sizeof *E);
  CHECK(engine_init(E, 8u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(E, err, sizeof err));
  engine_add_tap(E, player_tap, &pl);
  {
    uint32_t t;
    while (player_next_time(&pl, &t)) {
      player_feed(&pl, E, t);
      engine_tick(E, t);
    }
    engine_tick(E, end);
  }
  net_get_stats(engine_net(E), &b);
  CHECK(net_print() == live);
  CHECK_EQ_INT(a.deliveries, b.deliveries);
  CHECK_EQ_INT(player_divergence(&pl, end), 0);
  player_free(&pl);
  engine_free(E);
  free(E);
  remove(path);
  remove_scene_dir();
}

/* ---- flood ---- */

static void test_flood(void) {
  const int total = 100000, window = 200;
  net_t *net;
  int sent = 0, adds = 0;
  double t0, dt;
  osc_counters_t cnt0, cnt;
  uint32_t rej0;
  uint16_t ops0;
  net_stats_t ns;
  pool_stats_t ps;
  start(NULL, NULL);
  net = engine_net(E);
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/op/add", "s", "ADD");
  sendm("/aleph/connect", "ssss", "ADD#1", "SUM", "ADD#2", "A");
  sendm("/aleph/subscribe", "s", "outputs");
  settle();
  ops0 = net_op_count(net);
  rej0 = E->rejected;
  osc_server_counters(S, &cnt0);
  t0 = now_s();
  while (sent < total) {
    int k;
    nrx = 0;
    for (k = 0; k < window && sent < total; k++, sent++) {
      switch (sent % 8) {
      case 0: sendm("/aleph/in", "ssi", "ADD#1", "A", sent & 0x3FFF); break;
      case 1: sendm("/aleph/in", "ii", net_op_first_in(net, (uint16_t)(ops0 - 1)) + 1, sent & 0xFF); break;
      case 2: sendm("/aleph/enc", "ii", sent & 3, 1); break;
      case 3: sendm("/aleph/param", "ii", sent & 3, sent & 0x7FFF); break;
      case 4: sendm("/aleph/disconnect", "ss", "ADD#1", "SUM"); break;
      case 5: sendm("/aleph/connect", "ssss", "ADD#1", "SUM", "ADD#2", "A"); break;
      case 6:
        if ((sent / 8) % 2 == 0) {
          sendm("/aleph/op/add", "s", "MUL");
          adds++;
        } else {
          sendm("/aleph/op/remove", "s", "MUL#1");
        }
        break;
      default: sendm("/aleph/sw", "ii", sent & 3, (sent >> 3) & 1); break;
      }
    }
    settle();
    tick(1);
  }
  dt = now_s() - t0;
  osc_server_counters(S, &cnt);
  printf("flood: %d messages in %.2f s: %.0f messages/s (applied, with replies and output "
         "observation, over loopback UDP)\n", total, dt, total / dt);
  /* every message arrived and ran; none was refused, dropped or erroneous */
  /* plus two pings per window (the settle after the window and the one after its tick) */
  CHECK_EQ_INT(cnt.received - cnt0.received, (uint64_t)total + 2u * (uint64_t)(total / window));
  CHECK_EQ_INT(cnt.run - cnt0.run, cnt.received - cnt0.received);
  CHECK_EQ_INT(cnt.errors, cnt0.errors);
  CHECK_EQ_INT(cnt.overflows, 0);
  CHECK_EQ_INT(E->rejected, rej0);
  CHECK_EQ_INT(E->queue.dropped, 0);
  /* the net: consistent, the ops it should have, connected as the last message left it */
  CHECK_EQ_INT(net_check(net), NET_OK);
  CHECK_EQ_INT(adds, total / 16); /* each MUL added was removed again (the demo's stays) */
  CHECK_EQ_INT(net_op_count(net), ops0);
  CHECK_EQ_INT(net_target(net, net_op_first_out(net, (uint16_t)(ops0 - 2))),
               net_op_first_in(net, (uint16_t)(ops0 - 1)));
  net_get_stats(net, &ns);
  pool_get_stats(E->sys.pool, &ps);
  CHECK_EQ_INT(ps.bad_frees, 0);
  CHECK_EQ_INT(ps.corruptions, 0);
  CHECK_EQ_INT(ps.failures, 0);
  CHECK_EQ_INT(ns.add_failures, 0);
  CHECK_EQ_INT(E->sys.host.faults, 0);
  stop();
}

/* ---- "replies": a listener (oscdump) gets a copy of every reply and error ---- */

static int copies, copy_errors, copy_pushes;
static char copy_last[64];
static int on_copy(const char *path, const char *types, lo_arg **argv, int argc, lo_message m,
                   void *ud) {
  (void)types, (void)argv, (void)argc, (void)m, (void)ud;
  copies++;
  copy_errors += !strcmp(path, "/aleph/error");
  copy_pushes += !strncmp(path, "/aleph/watch/", 13);
  snprintf(copy_last, sizeof copy_last, "%s", path);
  return 0;
}

static void test_replies_copy(void) {
  lo_server d;
  int port;
  char handle[160];
  start(NULL, NULL);
  d = lo_server_new(NULL, NULL);
  CHECK(d != NULL);
  lo_server_add_method(d, NULL, NULL, on_copy, NULL);
  port = lo_server_get_port(d);
  sendm("/aleph/subscribe", "si", "replies", port);
  sendm("/aleph/subscribe", "s", "outputs"); /* pushes to C must not be copied */
  sendm("/aleph/op/add", "s", "ADD");
  settle();
  CHECK(last("/aleph/op/added") != NULL);
  snprintf(handle, sizeof handle, "%s", last("/aleph/op/added") ? last("/aleph/op/added")->s[1] : "");
  while (lo_server_recv_noblock(d, 0) > 0) {
  }
  copies = copy_errors = copy_pushes = 0;
  copy_last[0] = '\0';
  nrx = 0;
  sendm("/aleph/ops", "");
  sendm("/aleph/enc", "s", "x");
  sendm("/aleph/in", "ssi", handle, "A", 5);
  sendm("/aleph/stats", "");
  settle();
  {
    double until = now_s() + 2.0;
    while (now_s() < until && strcmp(copy_last, "/aleph/pong") != 0)
      if (lo_server_recv_noblock(d, 10) <= 0) osc_server_pump(S);
  }
  /* everything C got but the pushes: ops, ops/end, error, stats, pong */
  CHECK(count("/aleph/watch/out") > 0);
  CHECK_EQ_INT(copies, nrx - count("/aleph/watch/out") - count("/aleph/watch/in"));
  CHECK_EQ_INT(copy_errors, 1);
  CHECK_EQ_INT(copy_pushes, 0);
  CHECK_EQ_STR(copy_last, "/aleph/pong");
  sendm("/aleph/unsubscribe", "si", "replies", port);
  settle();
  while (lo_server_recv_noblock(d, 50) > 0) {
  }
  copies = 0;
  sendm("/aleph/ops", "");
  settle();
  while (lo_server_recv_noblock(d, 50) > 0) {
  }
  CHECK_EQ_INT(copies, 0);
  lo_server_free(d);
  stop();
}

/* ---- files: confined to the scene folder (issue 22) ---- */

static bool has_error(const char *words) {
  const rx_t *r = last("/aleph/error");
  if (r && strstr(r->s[0], words)) return true;
  fprintf(stderr, "want an error with '%s', got '%s'\n", words, r ? r->s[0] : "(none)");
  return false;
}

static void test_files_confined(void) {
  char outside[64] = "/tmp/test_osc_victim_XXXXXX", p[256], fifo[256];
  struct stat st;
  uint8_t *data;
  size_t len;
  char msg[300];
  int fd;
  double t0;
  start(NULL, NULL);
  fd = mkstemp(outside);
  CHECK(fd >= 0 && write(fd, "notes", 5) == 5);
  close(fd);
  /* outside the folder: absolute, ../, a link in the folder that leads out */
  snprintf(p, sizeof p, "%s/out.scn", scene_dir);
  CHECK(symlink(outside, p) == 0);
  {
    char up[80];
    const struct {
      const char *addr, *name, *words;
    } refused[] = {{"/aleph/scene/save", outside, "outside the scene folder"},
                   {"/aleph/scene/save", up, "outside the scene folder"},
                   {"/aleph/scene/save", "out.scn", "outside the scene folder"},
                   {"/aleph/scene/load", "/etc/passwd", "outside the scene folder"},
                   {"/aleph/scene/load", "out", "outside the scene folder"},
                   {"/aleph/scene/save", "caf\xe9", "not UTF-8"}};
    size_t k;
    snprintf(up, sizeof up, "../%s", strrchr(outside, '/') + 1);
    nrx = 0;
    for (k = 0; k < sizeof refused / sizeof refused[0]; k++) {
      sendm(refused[k].addr, "s", refused[k].name);
      settle();
      CHECK(has_error(refused[k].words));
    }
  }
  CHECK_EQ_INT(count("/aleph/scene/saved") + count("/aleph/scene/loaded"), 0);
  CHECK(fio_read_regular(outside, 100, "file", &data, &len, msg, sizeof msg) == FIO_OK);
  CHECK(len == 5 && !memcmp(data, "notes", 5)); /* untouched */
  free(data);
  /* a name: NAME.scn in the folder; a relative path inside it */
  snprintf(p, sizeof p, "%s/sub", scene_dir);
  CHECK(mkdir(p, 0755) == 0);
  sendm("/aleph/scene/save", "s", "mine");
  sendm("/aleph/scene/save", "s", "sub/../mine2.scn");
  settle();
  CHECK_EQ_INT(count("/aleph/scene/saved"), 2);
  snprintf(p, sizeof p, "%s/mine.scn", scene_dir);
  CHECK(stat(p, &st) == 0 && st.st_size == SCENE_FILE_SIZE);
  sendm("/aleph/scene/load", "s", "mine");
  sendm("/aleph/scene/load", "s", p);
  settle();
  CHECK_EQ_INT(count("/aleph/scene/loaded"), 2);
  /* a FIFO and a link to /dev/zero in the folder: refused at once, the simulation goes on */
  snprintf(fifo, sizeof fifo, "%s/pipe.scn", scene_dir);
  CHECK(mkfifo(fifo, 0600) == 0);
  snprintf(p, sizeof p, "%s/zero.scn", scene_dir);
  CHECK(symlink("/dev/zero", p) == 0);
  t0 = now_s();
  nrx = 0;
  sendm("/aleph/scene/load", "s", "pipe.scn");
  settle();
  CHECK(has_error("is a FIFO (named pipe), not a regular file"));
  sendm("/aleph/scene/load", "s", "zero");
  settle();
  CHECK(has_error("outside the scene folder")); /* and it leads out anyway */
  snprintf(p, sizeof p, "%s/huge.scn", scene_dir);
  fd = open(p, O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0 && ftruncate(fd, 1 << 30) == 0);
  close(fd);
  sendm("/aleph/scene/load", "s", "huge");
  settle();
  CHECK(has_error("1073741824 bytes is more than a scene can be"));
  CHECK(now_s() - t0 < 4.0);
  remove(outside);
  stop();
  /* a server with no folder refuses both */
  start(NULL, NULL);
  CHECK(osc_server_set_scene_dir(S, NULL));
  nrx = 0;
  sendm("/aleph/scene/save", "s", "mine");
  settle();
  CHECK(has_error("no file access"));
  stop();
}

/* ---- failed loads do not use up the session's 64 scene paths ---- */

static void test_failed_loads(void) {
  char name[64], p[256];
  int k;
  FILE *f;
  start(NULL, NULL);
  snprintf(p, sizeof p, "%s/junk.scn", scene_dir);
  f = fopen(p, "wb");
  CHECK(f && fwrite("junk", 1, 4, f) == 4);
  if (f) fclose(f);
  nrx = 0;
  for (k = 0; k < 100; k++) { /* 50 missing files, 50 loads of a bad one */
    snprintf(name, sizeof name, k % 2 ? "missing%d" : "junk", k);
    sendm("/aleph/scene/load", "s", name);
    if (k % 20 == 19) settle();
  }
  settle();
  CHECK_EQ_INT(count("/aleph/error"), 100);
  CHECK_EQ_INT(E->n_paths, 0);
  sendm("/aleph/scene/save", "s", "good");
  sendm("/aleph/scene/load", "s", "good");
  settle();
  CHECK(last("/aleph/scene/loaded") != NULL);
  CHECK_EQ_INT(E->n_paths, 1);
  /* 64 different good files, then a 65th: refused, with a message that says why */
  for (k = 0; k < 64; k++) {
    snprintf(name, sizeof name, "g%d", k);
    sendm("/aleph/scene/save", "s", name);
    sendm("/aleph/scene/load", "s", name);
    if (k % 8 == 7) settle();
  }
  settle();
  CHECK_EQ_INT(E->n_paths, SIM_PATHS_MAX);
  CHECK(has_error("this session has loaded 64 different scene files"));
  sendm("/aleph/scene/load", "s", "good"); /* one it has: still fine */
  nrx = 0;
  settle();
  CHECK(count("/aleph/error") == 0);
  stop();
}

/* ---- a bundle is checked whole: a broken one changes nothing ---- */

static void send_bundle(lo_bundle b) {
  lo_send_bundle_from(A, C, b);
  lo_bundle_free_recursive(b);
}

static void test_bundle_whole(void) {
  uint64_t before;
  uint32_t applied;
  osc_counters_t c0, c1;
  lo_bundle b;
  start(NULL, NULL);
  before = net_print();
  applied = E->applied;
  /* good, good, then one with the wrong type tags: none of the three runs */
  b = lo_bundle_new(LO_TT_IMMEDIATE);
  lo_bundle_add_message(b, "/aleph/op/add", msg("s", "ADD"));
  lo_bundle_add_message(b, "/aleph/enc", msg("ii", 0, 5));
  lo_bundle_add_message(b, "/aleph/enc", msg("s", "x"));
  nrx = 0;
  send_bundle(b);
  settle();
  tick(60);
  CHECK(has_error("(in a bundle: none of it was run)"));
  CHECK_EQ_INT(count("/aleph/op/added"), 0);
  CHECK(net_print() == before);
  CHECK_EQ_INT(E->applied, applied);
  /* a prefix change, then a bad message: the prefix stays as it was */
  b = lo_bundle_new(LO_TT_IMMEDIATE);
  lo_bundle_add_message(b, "/sys/prefix", msg("s", "/other"));
  lo_bundle_add_message(b, "/aleph/nope", msg(""));
  nrx = 0;
  send_bundle(b);
  settle();
  CHECK(has_error("/aleph/nope: unknown address (in a bundle"));
  CHECK_EQ_INT(count("/sys/prefix"), 0);
  /* ... and a prefix change followed by a message under the new prefix checks as a whole */
  sendm("/aleph/monome/connect", "sii", "grid", 8, 8);
  settle();
  b = lo_bundle_new(LO_TT_IMMEDIATE);
  lo_bundle_add_message(b, "/sys/prefix", msg("s", "/other"));
  lo_bundle_add_message(b, "/other/grid/key", msg("iii", 1, 1, 1));
  nrx = 0;
  send_bundle(b);
  settle();
  CHECK(last("/sys/prefix") != NULL);
  CHECK(last("/aleph/error") == NULL);
  sendm("/sys/prefix", "s", "/monome");
  settle();
  /* a bundle whose last element overruns it, after a good one: nothing runs */
  {
    uint8_t pkt[64];
    size_t n = 0, ml;
    int fd = lo_server_get_socket_fd(C); /* the error comes back to C */
    struct sockaddr_in to;
    lo_message add = msg("s", "ADD");
    memcpy(pkt, "#bundle\0\0\0\0\0\0\0\0\1", 16);
    n = 16;
    ml = lo_message_length(add, "/aleph/op/add");
    pkt[n++] = 0; pkt[n++] = 0; pkt[n++] = 0; pkt[n++] = (uint8_t)ml;
    lo_message_serialise(add, "/aleph/op/add", pkt + n, &ml);
    n += ml;
    lo_message_free(add);
    pkt[n++] = 0; pkt[n++] = 0; pkt[n++] = 1; pkt[n++] = 0; /* 256 bytes: past the end */
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((uint16_t)osc_server_port(S));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    osc_server_counters(S, &c0);
    nrx = 0;
    CHECK(sendto(fd, pkt, n, 0, (struct sockaddr *)&to, sizeof to) == (ssize_t)n);
    settle();
    osc_server_counters(S, &c1);
    CHECK(has_error("overruns the bundle"));
    CHECK_EQ_INT(c1.queued - c0.queued, 1); /* the settle's ping only */
  }
  CHECK_EQ_INT(count("/aleph/op/added"), 0);
  CHECK_EQ_INT(net_op_count(engine_net(E)), net_op_count(engine_net(E)));
  stop();
}

/* A detached server (a queue of 64): a bundle of 65 messages does not fit and none of it is
 * queued; one of 64 does. */
static int detached_errors;
static void detached_sink(void *ctx, const uint8_t *data, size_t len,
                          const struct sockaddr_in *to) {
  (void)ctx, (void)to;
  if (len > 12 && !memcmp(data, "/aleph/error", 12)) detached_errors++;
}

static void test_bundle_queue_room(void) {
  engine_t *e = calloc(1, sizeof *e);
  char err[256];
  osc_server_t *d;
  struct sockaddr_in from;
  int n;
  CHECK(engine_init(e, 8u << 20, true, err, sizeof err) && engine_load_demo(e, err, sizeof err));
  d = osc_server_new_detached(e, detached_sink, NULL);
  CHECK(d != NULL);
  memset(&from, 0, sizeof from);
  from.sin_family = AF_INET;
  for (n = 65; n >= 64; n--) {
    lo_bundle b = lo_bundle_new(LO_TT_IMMEDIATE);
    uint8_t *buf;
    size_t len;
    int k;
    osc_counters_t c;
    for (k = 0; k < n; k++) lo_bundle_add_message(b, "/aleph/enc", msg("ii", 0, 1));
    len = lo_bundle_length(b);
    buf = malloc(len);
    lo_bundle_serialise(b, buf, &len);
    detached_errors = 0;
    osc_server_receive(d, buf, len, &from);
    osc_server_counters(d, &c);
    CHECK_EQ_INT(c.queued, n == 65 ? 0 : 64);
    CHECK_EQ_INT(detached_errors, n == 65 ? 1 : 0);
    osc_server_pump(d);
    free(buf);
    lo_bundle_free_recursive(b);
  }
  engine_tick(e, 100);
  CHECK_EQ_INT(e->enc_turned[0], 64);
  osc_server_stop(d);
  engine_free(e);
  free(e);
}

/* ---- subscribers that went away free their slots ---- */

/* A JSON scene's op names over OSC; they stay with their ops through inserts and deletes, new
 * ops get names of their own, and a JSON save writes them back (issue 24). */
static void test_names(void) {
  char src[512], dst[512], json[512], *text;
  const rx_t *r;
  FILE *in, *out;
  int ch;
  size_t len;
  uint16_t clock_index;
  start(NULL, NULL);
  snprintf(src, sizeof src, "%s/default.json", ALEPH_SCENES_SRC);
  snprintf(dst, sizeof dst, "%s/named.json", scene_dir);
  in = fopen(src, "rb");
  out = fopen(dst, "wb");
  CHECK(in && out);
  while (in && out && (ch = fgetc(in)) != EOF) fputc(ch, out);
  if (in) fclose(in);
  if (out) fclose(out);
  nrx = 0;
  sendm("/aleph/scene/load", "s", "named.json");
  sendm("/aleph/in/get", "ss", "CLOCK", "ENABLE");
  settle();
  CHECK(last("/aleph/scene/loaded") != NULL);
  r = last("/aleph/in/value");
  CHECK(r && !strcmp(r->s[0], "CLOCK") && r->i[2] == 1);
  clock_index = (uint16_t)op_names_find(&E->names, engine_net(E), "CLOCK");
  /* an op inserted before it, one deleted before it: CLOCK is still CLOCK */
  nrx = 0;
  sendm("/aleph/op/add", "si", "METRO", 0);
  sendm("/aleph/op/add", "si", "METRO", 1);
  settle();
  CHECK(last("/aleph/op/added") && !strcmp(last("/aleph/op/added")->s[1], "METRO#1"));
  CHECK_EQ_INT(op_names_find(&E->names, engine_net(E), "CLOCK"), clock_index + 2);
  sendm("/aleph/op/remove", "s", "METRO");
  sendm("/aleph/in", "ssi", "CLOCK", "ENABLE", 0);
  sendm("/aleph/in/get", "ss", "CLOCK", "ENABLE");
  sendm("/aleph/in/get", "ss", "METRO#1", "ENABLE");
  settle();
  CHECK(last("/aleph/op/removed") && !strcmp(last("/aleph/op/removed")->s[1], "METRO"));
  r = last_ss("/aleph/in/value", "CLOCK", "ENABLE");
  CHECK(r && r->i[2] == 0);
  CHECK(last_ss("/aleph/in/value", "METRO#1", "ENABLE") != NULL);
  CHECK_EQ_INT(op_names_find(&E->names, engine_net(E), "CLOCK"), clock_index + 1);
  /* /aleph/ops lists the names */
  nrx = 0;
  sendm("/aleph/ops", "");
  settle();
  {
    int k, named = 0;
    for (k = 0; k < nrx; k++)
      if (!strcmp(rx[k].path, "/aleph/op"))
        named += (!strcmp(rx[k].s[1], "COUNT") && !strcmp(rx[k].s[2], "ACCUM")) +
                 (!strcmp(rx[k].s[1], "METRO#1") && !strcmp(rx[k].s[2], "METRO"));
    CHECK_EQ_INT(named, 2);
  }
  /* saved as JSON: the names go with it */
  sendm("/aleph/scene/save", "s", "named-out.json");
  settle();
  CHECK(last("/aleph/scene/saved") != NULL);
  snprintf(json, sizeof json, "%s/named-out.json", scene_dir);
  in = fopen(json, "rb");
  CHECK(in != NULL);
  text = calloc(1, 1 << 20);
  len = in ? fread(text, 1, (1 << 20) - 1, in) : 0;
  if (in) fclose(in);
  CHECK(len > 0);
  CHECK(strstr(text, "\"name\": \"CLOCK\"") != NULL);
  CHECK(strstr(text, "\"name\": \"METRO#1\"") != NULL);
  CHECK(strstr(text, "\"from\": \"CLOCK\"") != NULL);
  free(text);
  stop();
}

/* Copies the file src to dst, replacing the first `from` with `to` (NULL: none). */
static void copy_file(const char *src, const char *dst, const char *from, const char *to) {
  FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
  static char text[300000];
  size_t n = in ? fread(text, 1, sizeof text - 1, in) : 0;
  char *at;
  CHECK(in && out && n > 0);
  text[n] = '\0';
  at = from ? strstr(text, from) : NULL;
  if (out && at) {
    fwrite(text, 1, (size_t)(at - text), out);
    fputs(to, out);
    fwrite(at + strlen(from), 1, n - (size_t)(at - text) - strlen(from), out);
  } else if (out) {
    fwrite(text, 1, n, out);
  }
  if (in) fclose(in);
  if (out) fclose(out);
}

/* A scene loaded over OSC updates the editor: the SCENES page lists the folder and selects it,
 * the DSP page shows its module, and STORE writes the loaded scene (issue 24). */
static void test_scene_pages(void) {
  scene_store_t st;
  char src[512], dst[512];
  const char *m;
  start(NULL, NULL);
  CHECK(scene_store_init(&st, E, scene_dir));
  snprintf(src, sizeof src, "%s/sequencer.scn", ALEPH_SCENES_SRC);
  snprintf(dst, sizeof dst, "%s/sequencer.scn", scene_dir);
  copy_file(src, dst, NULL, NULL);
  snprintf(src, sizeof src, "%s/default.scn", ALEPH_SCENES_SRC);
  snprintf(dst, sizeof dst, "%s/default.scn", scene_dir);
  copy_file(src, dst, NULL, NULL);
  snprintf(src, sizeof src, "%s/default.json", ALEPH_SCENES_SRC);
  snprintf(dst, sizeof dst, "%s/drums.json", scene_dir);
  copy_file(src, dst, "\"aleph-waves.ldr\"", "\"aleph-dsyn.ldr\"");
  nrx = 0;
  sendm("/aleph/scene/load", "s", "sequencer.scn");
  settle();
  CHECK(last("/aleph/scene/loaded") != NULL);
  /* SCENES lists the folder (default, sequencer) and opens on the loaded one */
  CHECK_EQ_INT(ui_selection(&E->ui, UI_PAGE_SCENES), 1);
  sendm("/aleph/scene/load", "s", "drums.json");
  settle();
  CHECK(last("/aleph/scene/loaded") != NULL);
  m = E->ui.dsp && E->ui.dsp->module ? E->ui.dsp->module(E->ui.dsp->ctx) : "";
  CHECK_EQ_STR(m, "aleph-dsyn.ldr");
  CHECK_EQ_STR(st.iface.module(st.iface.ctx), "aleph-dsyn.ldr");
  /* MODE opens SCENES; STORE (F0 twice) writes the loaded scene under its name */
  sendm("/aleph/sw", "ii", 6, 1);
  sendm("/aleph/sw", "ii", 6, 0);
  sendm("/aleph/sw", "ii", 0, 1);
  sendm("/aleph/sw", "ii", 0, 0);
  sendm("/aleph/sw", "ii", 0, 1);
  sendm("/aleph/sw", "ii", 0, 0);
  settle();
  CHECK_EQ_INT(ui_page(&E->ui), UI_PAGE_SCENES);
  CHECK_EQ_STR(ui_notice(&E->ui), "done writing.");
  snprintf(dst, sizeof dst, "%s/%s.scn", scene_dir, ui_scene_name(&E->ui));
  {
    struct stat sb;
    CHECK(stat(dst, &sb) == 0 && sb.st_size == 262200);
  }
  /* and that file is now listed and selected like any other */
  CHECK(ui_selection(&E->ui, UI_PAGE_SCENES) >= 0);
  scene_store_free(&st);
  stop();
}

static void test_subscriber_gone(void) {
  lo_server gone[16];
  int k, ok = 0;
  double until;
  start(NULL, NULL);
  sendm("/aleph/op/add", "s", "ADD");
  settle();
  for (k = 0; k < 16; k++) {
    gone[k] = lo_server_new(NULL, NULL);
    sendm("/aleph/subscribe", "si", "outputs", lo_server_get_port(gone[k]));
  }
  settle();
  CHECK_EQ_INT(count("/aleph/subscribed"), 16);
  sendm("/aleph/subscribe", "s", "outputs");
  settle();
  CHECK(has_error("16 subscribers already"));
  for (k = 0; k < 16; k++) lo_server_free(gone[k]); /* their ports close */
  sendm("/aleph/in", "ssi", "ADD#1", "A", 3);         /* output pushes to 16 closed ports */
  settle();
  until = now_s() + 5.0;
  while (!ok && now_s() < until) {
    nrx = 0;
    sendm("/aleph/subscribe", "s", "outputs");
    settle();
    ok = last("/aleph/subscribed") != NULL;
    if (!ok) {
      sendm("/aleph/in", "ssi", "ADD#1", "A", 4);
      tick(10);
    }
  }
  CHECK(ok);
  stop();
}

/* ---- memory pressure: an op is refused while the scene could no longer be loaded again ---- */

static void test_op_refused_near_full(void) {
  net_t *net;
  uint16_t n0;
  int k, added = 0, refused = 0;
  char scn[128];
  start(NULL, NULL);
  net = engine_net(E);
  n0 = net_op_count(net);
  /* KRIA is the largest class: the shipped heap holds the demo and one of them twice over */
  for (k = 0; k < 4 && !refused; k++) {
    nrx = 0;
    sendm("/aleph/op/add", "s", "KRIA");
    settle();
    added += last("/aleph/op/added") != NULL;
    refused += has_error("too full to load this scene again");
  }
  CHECK(added >= 1);
  CHECK_EQ_INT(refused, 1);
  CHECK_EQ_INT(net_op_count(net), n0 + added); /* the refused op was not added */
  /* a small op still fits: the refusal is by size, not a blanket stop */
  nrx = 0;
  sendm("/aleph/op/add", "s", "ADD");
  settle();
  CHECK(last("/aleph/op/added") != NULL);
  /* and the scene as it stands loads again over itself (both live during the switch) */
  snprintf(scn, sizeof scn, "%s/near_full.scn", scene_dir);
  nrx = 0;
  sendm("/aleph/scene/save", "s", scn);
  settle();
  CHECK(last("/aleph/scene/saved") != NULL);
  sendm("/aleph/scene/load", "s", scn);
  settle();
  CHECK(last("/aleph/scene/loaded") && last("/aleph/scene/loaded")->i[1] == n0 + added + 1);
  stop();
}

int main(void) {
  test_addresses();
  test_replies_copy();
  test_malformed();
  test_record_replay();
  test_flood();
  RUN(test_files_confined);
  RUN(test_failed_loads);
  RUN(test_bundle_whole);
  RUN(test_bundle_queue_room);
  RUN(test_subscriber_gone);
  RUN(test_op_refused_near_full);
  RUN(test_names);
  RUN(test_scene_pages);
  return check_summary("test_osc");
}
