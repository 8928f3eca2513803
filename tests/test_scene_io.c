/* SPDX-License-Identifier: MIT */
/* test_scene_io.c: lib/ and tools/aleph-scene: the real scenes through JSON and beekeep's native
 * JSON back to byte-identical .scn files, hand-written JSON (names, defaults, edits, presets),
 * one case per malformed JSON with the running network untouched, DOT output, safe saves, and
 * the tool's commands and exit codes. argv: SCENES_DIR ALEPH_SCENE_BINARY WORK_DIR. Exits 77 when
 * the real scenes are absent (the other tests still run first). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bytes.h"
#include "scene_io.h"
#include "scene_test_util.h"

static const char *const scenes[] = {"cvtest",    "default",   "dsyn_test", "life",
                                     "mpdrumssss", "stepcvout", "stepwaves", "stepwavescv"};
static const char *work;
static const char *tool;

static char *listing_of(const net_t *net) {
  text_t t = {0, 0, 0};
  listing(net, SCENE_LAYOUT_0_8_1, &t);
  return t.buf ? t.buf : calloc(1, 1);
}

/* ---- real scenes through both JSON forms ---- */

/* Bytes after the NUL of the scene and module names survive .scn -> JSON -> .scn: bees strcpy's
 * names over longer ones (and 0.8.1 rewrites "aleph-waves.ldr" as "waves.ldr" in place when only
 * the short name is on the card), leaving the old name's tail in the field. */
static void name_tails_round_trip(const uint8_t *orig, const char *name) {
  sio_world_t *w = sio_world_new(), *w2 = sio_world_new();
  uint8_t *img = malloc(SCENE_FILE_SIZE), *back = malloc(SCENE_FILE_SIZE);
  uint8_t *mod, *scn;
  scene_header_t hdr, hdr2;
  sio_error_t err;
  char *json;
  size_t n;
  memcpy(img, orig, SCENE_FILE_SIZE);
  mod = img + SCENE_DESC_SIZE + 28u; /* the module name field in the pickle */
  scn = img + SCENE_DESC_SIZE;       /* the scene name field */
  n = strlen((const char *)mod);
  CHECK(n > 6 && strncmp((const char *)mod, "aleph-", 6) == 0);
  memmove(mod, mod + 6, n - 6 + 1); /* bees: strcpy(name, &name[6]) */
  n = strlen((const char *)scn);
  if (n + 3 < SCENE_NAME_LEN) memcpy(scn + n + 1, "ab", 2);
  CHECK_EQ_INT(scene_slot_load(sio_world_slot(w), img, SCENE_FILE_SIZE, SCENE_LAYOUT_AUTO, &hdr, 0),
               SCENE_OK);
  CHECK(scene_name_field_has_tail(hdr.module_field, hdr.module));
  json = scene_json_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
  CHECK(json && strstr(json, "\"moduleField\""));
  CHECK(scene_json_read(scene_slot_spare(sio_world_slot(w2)), json, SCENE_LAYOUT_AUTO, &hdr2, name,
                        &err));
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w2), 0), SCENE_OK);
  CHECK_EQ_INT(scene_encode(sio_world_net(w2), &hdr2, SCENE_LAYOUT_AUTO, back, SCENE_FILE_SIZE, 0),
               SCENE_OK);
  CHECK(memcmp(img, back, SCENE_FILE_SIZE) == 0);
  /* a renamed module is written NUL-padded: the old field no longer holds it */
  snprintf(hdr2.module, sizeof hdr2.module, "aleph-lines.ldr");
  CHECK_EQ_INT(scene_encode(sio_world_net(w2), &hdr2, SCENE_LAYOUT_AUTO, back, SCENE_FILE_SIZE, 0),
               SCENE_OK);
  CHECK(memcmp(back + SCENE_DESC_SIZE + 28u, "aleph-lines.ldr\0\0\0\0\0\0\0\0", 24) == 0);
  free(json);
  free(img);
  free(back);
  sio_world_free(w);
  sio_world_free(w2);
}

static int real_scene(const char *dir, const char *name) {
  char path[1024];
  sio_world_t *w = sio_world_new(), *w2 = sio_world_new();
  scene_header_t hdr, hdr2;
  sio_error_t err;
  sio_kind_t kind;
  uint8_t *orig, *img = malloc(SCENE_FILE_SIZE);
  size_t len;
  char *json, *native, *dot, *a, *b;
  int skipped = 0;
  snprintf(path, sizeof path, "%s/%s.scn", dir, name);
  CHECK(sio_read_file(path, &orig, &len, &err));
  if (!sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &hdr, &kind, &err)) {
    if (err.scene.status == SCENE_ERR_CLASS_MISSING) {
      printf("%-12s SKIPPED: %s\n", name, err.message);
      skipped = 1;
    } else {
      CHECK(!"real scene loads");
      fprintf(stderr, "%s\n", err.message);
    }
    goto out;
  }
  CHECK_EQ_INT(kind, SIO_KIND_SCN);
  /* aleph-scene JSON: byte-identical back */
  json = scene_json_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
  CHECK(json != 0);
  CHECK(scene_json_read(scene_slot_spare(sio_world_slot(w2)), json, SCENE_LAYOUT_AUTO, &hdr2, name,
                        &err));
  if (err.message[0]) fprintf(stderr, "%s\n", err.message);
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w2), 0), SCENE_OK);
  CHECK_EQ_INT(scene_encode(sio_world_net(w2), &hdr2, SCENE_LAYOUT_AUTO, img, SCENE_FILE_SIZE, 0),
               SCENE_OK);
  CHECK(len == SCENE_FILE_SIZE && memcmp(img, orig, SCENE_FILE_SIZE) == 0);
  a = listing_of(sio_world_net(w));
  b = listing_of(sio_world_net(w2));
  CHECK(strcmp(a, b) == 0);
  free(b);
  /* the same JSON after a UTF-8 byte order mark (some editors write one): read the same */
  {
    size_t n = strlen(json);
    char *bom = malloc(n + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, json, n + 1);
    CHECK_EQ_INT(sio_sniff((const uint8_t *)bom, n + 3), SIO_KIND_JSON);
    CHECK(scene_json_read(scene_slot_spare(sio_world_slot(w2)), bom, SCENE_LAYOUT_AUTO, &hdr2,
                          name, &err));
    CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w2), 0), SCENE_OK);
    b = listing_of(sio_world_net(w2));
    CHECK(strcmp(a, b) == 0);
    free(b);
    free(bom);
  }
  /* beekeep's native form: identical after the descriptor (which that form does not carry) */
  native = scene_native_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
  CHECK(native != 0);
  CHECK_EQ_INT(sio_sniff((const uint8_t *)native, strlen(native)), SIO_KIND_NATIVE);
  CHECK(scene_native_read(scene_slot_spare(sio_world_slot(w2)), native, SCENE_LAYOUT_AUTO, &hdr2,
                          name, &err));
  if (err.message[0]) fprintf(stderr, "%s\n", err.message);
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w2), 0), SCENE_OK);
  CHECK_EQ_INT(hdr2.layout, SCENE_LAYOUT_0_7_1); /* from beesVersion 0.5.x */
  CHECK_EQ_INT(scene_encode(sio_world_net(w2), &hdr2, SCENE_LAYOUT_AUTO, img, SCENE_FILE_SIZE, 0),
               SCENE_OK);
  CHECK(memcmp(img + SCENE_DESC_SIZE, orig + SCENE_DESC_SIZE, SCENE_PICKLE_SIZE) == 0);
  b = listing_of(sio_world_net(w2));
  CHECK(strcmp(a, b) == 0);
  free(b);
  /* DOT: one edge per connection */
  dot = scene_dot_write(sio_world_net(w), &hdr);
  CHECK(dot && strncmp(dot, "digraph", 7) == 0);
  {
    uint16_t o, edges = 0;
    const char *p;
    int found = 0;
    for (o = 0; o < net_out_count(sio_world_net(w)); o++) edges += net_target(sio_world_net(w), o) >= 0;
    for (p = dot; (p = strstr(p, " -> ")); p++) found++;
    CHECK_EQ_INT(found, edges);
  }
  free(dot);
  free(a);
  free(json);
  free(native);
  name_tails_round_trip(orig, name);
out:
  free(orig);
  free(img);
  sio_world_free(w);
  sio_world_free(w2);
  return skipped;
}

/* ---- hand-written JSON ---- */

static const char hand_json[] =
  "{\n"
  "  \"layout\": \"0.8.1\",\n"
  "  \"scene\": {\"name\": \"hand\", \"module\": \"aleph-lines.ldr\", \"moduleVersion\": \"1.2.3\"},\n"
  "  \"ops\": [\n"
  "    {\"class\": \"ENC\", \"ins\": {\"STEP\": 5}}, {\"class\": \"ENC\"}, {\"class\": \"ENC\"},\n"
  "    {\"class\": \"ENC\"}, {\"class\": \"SW\"}, {\"class\": \"SW\"}, {\"class\": \"SW\"},\n"
  "    {\"class\": \"SW\"}, {\"class\": \"SW\"}, {\"class\": \"SW\"}, {\"class\": \"CV-IN\"},\n"
  "    {\"class\": \"PRESET\"},\n"
  "    {\"class\": \"ADD\", \"name\": \"sum\", \"ins\": {\"B\": 10}, \"play\": [\"B\"]},\n"
  "    {\"class\": 3, \"ins\": {\"#1\": 4}}\n"
  "  ],\n"
  "  \"params\": [{\"label\": \"Vol\", \"value\": 100, \"type\": \"amp\", \"play\": true},\n"
  "             {\"label\": \"Pan\", \"value\": -3, \"type\": 7, \"min\": -10, \"max\": 10, \"radix\": 32}],\n"
  "  \"connections\": [\n"
  "    {\"from\": \"ENC#0\", \"out\": \"VAL\", \"to\": \"sum\", \"in\": \"A\"},\n"
  "    {\"from\": \"sum\", \"out\": 0, \"to\": 13, \"in\": \"A\"},\n"
  "    {\"from\": \"MUL\", \"out\": \"VAL\", \"param\": \"Pan\"}\n"
  "  ],\n"
  "  \"presets\": [{\"index\": 3, \"name\": \"drop\",\n"
  "                \"ins\": [{\"op\": \"sum\", \"in\": \"B\", \"value\": -2}],\n"
  "                \"params\": [{\"param\": 0, \"value\": 7}],\n"
  "                \"outs\": [{\"from\": \"sum\", \"out\": \"SUM\"}, {\"from\": \"ENC#1\", \"out\": \"DELTA\", \"param\": \"Vol\"}]}]\n"
  "}\n";

static void test_hand_json(void) {
  sio_world_t *w = sio_world_new();
  net_t *spare = scene_slot_spare(sio_world_slot(w)), *net;
  scene_header_t hdr;
  sio_error_t err;
  io_t v;
  int32_t t;
  char *json;
  CHECK(scene_json_read(spare, hand_json, SCENE_LAYOUT_AUTO, &hdr, "hand.json", &err));
  if (err.message[0]) fprintf(stderr, "%s\n", err.message);
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w), 0), SCENE_OK);
  net = sio_world_net(w);
  CHECK_EQ_STR(hdr.name, "hand");
  CHECK_EQ_INT(hdr.module_version.rev, 3);
  CHECK_EQ_INT(hdr.bees.min, 8); /* default: 0.8.1 */
  CHECK_EQ_INT(net_op_count(net), 14);
  CHECK_EQ_INT(net_get_value(net, 2), 5);              /* ENC0 STEP */
  CHECK_EQ_INT(net_get_value(net, 1), 32767);          /* ENC0 MAX: class default */
  CHECK_EQ_INT(net_get_value(net, 34), 10);            /* ADD B */
  CHECK(net_in_play(net, 34));
  CHECK_EQ_INT(net_get_value(net, 37), 4);             /* MUL B via "#1" */
  CHECK_EQ_INT(net_target(net, 0), 33);                /* ENC0 VAL -> ADD A */
  CHECK_EQ_INT(net_target(net, 18), 36);               /* ADD SUM -> MUL A */
  CHECK_EQ_INT(net_target(net, 19), 39 + 1);           /* MUL VAL -> Pan */
  CHECK_EQ_INT(net_param(net, 0)->type, 2);
  CHECK_EQ_INT(net_param(net, 0)->play, 1);
  CHECK_EQ_INT(net_param(net, 1)->min, -10);
  CHECK_EQ_STR(preset_name(net, 3), "drop");
  CHECK(preset_in_value(net, 3, 34, &v) && v == -2);
  CHECK(preset_in_value(net, 3, 39, &v) && v == 7);
  CHECK(preset_out_target(net, 3, 18, &t) && t == -1);
  CHECK(preset_out_target(net, 3, 3, &t) && t == 39);
  /* it runs: ENC0 +1 -> ADD (A=5, B=10) -> MUL x4 -> Pan */
  CHECK_EQ_INT(net_encoder(net, 0, 1), NET_OK);
  CHECK_EQ_INT(net_param(net, 1)->value, 60);
  /* written back, the explicit name survives */
  json = scene_json_write(net, &hdr, SCENE_LAYOUT_AUTO, &err);
  CHECK(json && strstr(json, "\"name\": \"sum\"") == 0); /* handles are generated: ADD */
  CHECK(json && strstr(json, "\"drop\"") != 0);
  free(json);
  sio_world_free(w);
}

/* ---- names that are not UTF-8: the JSON writers refuse them, naming the field ---- */

static void test_utf8_names(void) {
  sio_world_t *w = sio_world_new();
  net_t *net;
  scene_header_t hdr;
  sio_error_t err;
  char *json;
  CHECK(scene_json_read(scene_slot_spare(sio_world_slot(w)), hand_json, SCENE_LAYOUT_AUTO, &hdr,
                        0, &err));
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w), 0), SCENE_OK);
  net = sio_world_net(w);
  snprintf(hdr.name, sizeof hdr.name, "caf\xe9"); /* Latin-1, as a .scn may hold */
  CHECK(scene_json_write(net, &hdr, SCENE_LAYOUT_AUTO, &err) == 0);
  CHECK(strstr(err.message, "scene.name: byte 3 (0xe9) is not UTF-8") != 0);
  CHECK(scene_native_write(net, &hdr, SCENE_LAYOUT_AUTO, &err) == 0);
  CHECK(strstr(err.message, "scene.name: byte 3 (0xe9) is not UTF-8") != 0);
  snprintf(hdr.name, sizeof hdr.name, "caf\xc3\xa9"); /* UTF-8 */
  snprintf(hdr.module, sizeof hdr.module, "\xed\xa0\x80"); /* a surrogate: not UTF-8 */
  CHECK(scene_json_write(net, &hdr, SCENE_LAYOUT_AUTO, &err) == 0);
  CHECK(strstr(err.message, "scene.module: byte 0") != 0);
  snprintf(hdr.module, sizeof hdr.module, "mod");
  json = scene_json_write(net, &hdr, SCENE_LAYOUT_AUTO, &err);
  CHECK(json && strstr(json, "\"caf\xc3\xa9\"") != 0);
  free(json);
  sio_world_free(w);
}

/* ---- malformed JSON: message names the place; the running network is untouched ---- */

static const struct {
  const char *name;
  const char *text;
  const char *words;
} bad_json[] = {
  {"syntax error", "{\n  \"ops\": [\n    {\"class\": \"ADD\",,}\n  ]\n}\n", "line 3, column"},
  {"not an object", "[1, 2]", "expected a JSON object"},
  {"wrong format", "{\"format\": \"other\"}", "format: expected \"aleph-scene\""},
  {"bad layout", "{\"layout\": \"0.9\"}", "layout: expected"},
  {"unknown class", "{\"ops\": [{\"class\": \"NOPE\"}]}", "ops[0]: unknown op class \"NOPE\""},
  {"unknown key", "{\"ops\": [{\"class\": \"ADD\", \"colour\": 1}]}", "ops[0]: unknown key \"colour\""},
  {"unknown input", "{\"ops\": [{\"class\": \"ADD\", \"ins\": {\"Q\": 1}}]}", "has no input named \"Q\""},
  {"value out of range", "{\"ops\": [{\"class\": \"ADD\", \"ins\": {\"A\": 40000}}]}",
   "ops[0].ins.A: expected an integer in -32768..32767"},
  {"short state", "{\"ops\": [{\"class\": \"ADD\", \"state\": \"0102\"}]}", "expected 6 bytes of ADD state"},
  {"module field of another name",
   "{\"scene\": {\"module\": \"aleph-waves.ldr\",\n"
   "  \"moduleField\": \"77617665732e6c647200732e6c6472000000000000000000\"}}",
   "scene.moduleField: its text (up to the first zero byte) must be scene.module"},
  {"short name field", "{\"scene\": {\"name\": \"a\", \"nameField\": \"6100\"}}",
   "scene.nameField: expected 24 bytes as hex"},
  {"duplicate names", "{\"ops\": [{\"class\": \"ADD\", \"name\": \"x\"}, {\"class\": \"MUL\", \"name\": \"x\"}]}",
   "ops[1]: the name \"x\" is already op 0's"},
  {"unknown op in connection", "{\"ops\": [{\"class\": \"ADD\"}], \"connections\": [{\"from\": \"zz\", \"out\": \"SUM\"}]}",
   "connections[0].from: no op is named \"zz\""},
  {"unknown output", "{\"ops\": [{\"class\": \"ADD\"}], \"connections\": [{\"from\": \"ADD\", \"out\": \"NOPE\"}]}",
   "has no output named \"NOPE\""},
  {"self connection", "{\"ops\": [{\"class\": \"ADD\"}], \"connections\": [{\"from\": \"ADD\", \"out\": \"SUM\", \"to\": \"ADD\", \"in\": \"A\"}]}",
   "cannot feed its own input"},
  {"unknown param", "{\"ops\": [{\"class\": \"ADD\"}], \"connections\": [{\"from\": \"ADD\", \"out\": \"SUM\", \"param\": \"Vol\"}]}",
   "no param is labelled \"Vol\""},
  {"long label", "{\"params\": [{\"label\": \"seventeen_chars_x\", \"value\": 0}]}", "longer than 16"},
  {"preset index", "{\"presets\": [{\"index\": 32}]}", "presets[0].index: expected an integer in 0..31"},
  {"bad version", "{\"scene\": {\"beesVersion\": \"zero\"}}", "scene.beesVersion"},
  {"long scene name", "{\"scene\": {\"name\": \"abcdefghijklmnopqrstuvwxyz\"}}", "scene.name: at most 23"},
};

static void test_bad_json(void) {
  sio_world_t *w = sio_world_new();
  char path[1200];
  size_t k;
  char *before, *after;
  scene_header_t hdr;
  sio_error_t err;
  CHECK(scene_json_read(scene_slot_spare(sio_world_slot(w)), hand_json, SCENE_LAYOUT_AUTO, &hdr,
                        0, &err));
  CHECK_EQ_INT(scene_slot_commit(sio_world_slot(w), 0), SCENE_OK);
  before = listing_of(sio_world_net(w));
  for (k = 0; k < sizeof bad_json / sizeof bad_json[0]; k++) {
    FILE *f;
    snprintf(path, sizeof path, "%s/bad%zu.json", work, k);
    f = fopen(path, "w");
    fputs(bad_json[k].text, f);
    fclose(f);
    CHECK(!sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &hdr, 0, &err));
    CHECK(strstr(err.message, path) != 0);
    CHECK(strstr(err.message, bad_json[k].words) != 0);
    if (!strstr(err.message, bad_json[k].words))
      fprintf(stderr, "case \"%s\": %s\n", bad_json[k].name, err.message);
    else
      printf("%-26s %s\n", bad_json[k].name, err.message);
    after = listing_of(sio_world_net(w));
    CHECK(strcmp(before, after) == 0);
    CHECK_EQ_INT(net_check(sio_world_net(w)), NET_OK);
    free(after);
    unlink(path);
  }
  /* nested deeper than cJSON goes: said so, not called a syntax error */
  {
    FILE *f;
    int d;
    snprintf(path, sizeof path, "%s/deep.json", work);
    f = fopen(path, "w");
    fputs("{\"ops\": ", f);
    for (d = 0; d < 1200; d++) fputc('[', f);
    for (d = 0; d < 1200; d++) fputc(']', f);
    fputs("}\n", f);
    fclose(f);
    CHECK(!sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, &hdr, 0, &err));
    CHECK(strstr(err.message, "JSON nested more than 1000 levels deep") != 0);
    CHECK(strstr(err.message, "syntax error") == 0);
    unlink(path);
  }
  /* a missing file */
  CHECK(!sio_load(sio_world_slot(w), "/nonexistent/x.scn", SCENE_LAYOUT_AUTO, &hdr, 0, &err));
  CHECK(strstr(err.message, "/nonexistent/x.scn: cannot open") != 0);
  free(before);
  sio_world_free(w);
}

/* ---- safe saves ---- */

static int count_files(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int n = 0;
  if (!d) return -1;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

static void test_safe_save(void) {
  char dir[1100], path[1200];
  sio_error_t err;
  uint8_t *data;
  size_t len;
  snprintf(dir, sizeof dir, "%s/save", work);
  mkdir(dir, 0755);
  snprintf(path, sizeof path, "%s/a.txt", dir);
  CHECK(sio_write_file(path, "first", 5, &err));
  CHECK(sio_write_file(path, "second!", 7, &err));
  CHECK(sio_read_file(path, &data, &len, &err));
  CHECK(len == 7 && memcmp(data, "second!", 7) == 0 && data[7] == 0);
  free(data);
  CHECK_EQ_INT(count_files(dir), 1); /* no temporary file left behind */
  { /* a new file is 0644; one saved over keeps its permissions */
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0644);
    CHECK_EQ_INT(chmod(path, 0600), 0);
    CHECK(sio_write_file(path, "third", 5, &err));
    CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600);
    CHECK_EQ_INT(chmod(path, 0755), 0);
    CHECK(sio_write_file(path, "fourth", 6, &err));
    CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0755);
  }
  snprintf(path, sizeof path, "%s/missing/a.txt", dir);
  CHECK(!sio_write_file(path, "x", 1, &err));
  CHECK(strstr(err.message, path) != 0);
  CHECK_EQ_INT(count_files(dir), 1);
  snprintf(path, sizeof path, "%s/a.txt", dir);
  unlink(path);
  rmdir(dir);
}

/* What lstat says path is: 'l' link, 'f' regular file, 'd' directory, 'p' FIFO, 'c' character
 * device, '-' absent, '?' anything else. */
static char kind_of(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return '-';
  if (S_ISLNK(st.st_mode)) return 'l';
  if (S_ISREG(st.st_mode)) return 'f';
  if (S_ISDIR(st.st_mode)) return 'd';
  if (S_ISFIFO(st.st_mode)) return 'p';
  if (S_ISCHR(st.st_mode)) return 'c';
  return '?';
}

static void put_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  CHECK(f != 0);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* A symbolic link (a chain of two, the first relative) to a regular file in another folder:
 * the links stay, the file they lead to gets the new bytes, the temporary file is made beside
 * it and gone after, and the stale-temp sweep runs there too. */
static void test_save_through_link(void) {
  char dir[1100], real_dir[1200], link_dir[1200], target[1300], link1[1300], link2[1300],
      stale[1300];
  sio_error_t err;
  uint8_t *data;
  size_t len;
  snprintf(dir, sizeof dir, "%s/savelink", work);
  snprintf(real_dir, sizeof real_dir, "%s/real", dir);
  snprintf(link_dir, sizeof link_dir, "%s/links", dir);
  snprintf(target, sizeof target, "%s/target.txt", real_dir);
  snprintf(link1, sizeof link1, "%s/one.txt", link_dir);
  snprintf(link2, sizeof link2, "%s/two.txt", link_dir);
  snprintf(stale, sizeof stale, "%s/.target.txt.Ab12Z9", real_dir); /* a killed save's */
  mkdir(dir, 0755);
  mkdir(real_dir, 0755);
  mkdir(link_dir, 0755);
  put_file(target, "old contents");
  put_file(stale, "partial");
  CHECK_EQ_INT(symlink("../real/target.txt", link1), 0); /* relative to the link's folder */
  CHECK_EQ_INT(symlink(link1, link2), 0);
  CHECK(sio_write_file(link2, "new contents!", 13, &err));
  if (err.message[0]) fprintf(stderr, "%s\n", err.message);
  CHECK_EQ_INT(kind_of(link1), 'l');
  CHECK_EQ_INT(kind_of(link2), 'l');
  CHECK_EQ_INT(kind_of(target), 'f');
  CHECK(sio_read_file(target, &data, &len, &err));
  CHECK(len == 13 && memcmp(data, "new contents!", 13) == 0);
  free(data);
  CHECK(sio_read_file(link2, &data, &len, &err));
  CHECK(len == 13 && memcmp(data, "new contents!", 13) == 0);
  free(data);
  CHECK_EQ_INT(kind_of(stale), '-');       /* swept beside the real file */
  CHECK_EQ_INT(count_files(real_dir), 1);  /* no temporary file left there */
  CHECK_EQ_INT(count_files(link_dir), 2);  /* nor beside the links */
  /* the link's own name in messages, even when the real folder is the problem */
  CHECK_EQ_INT(chmod(real_dir, 0555), 0);
  if (geteuid() != 0) { /* root writes anyway */
    CHECK(!sio_write_file(link1, "x", 1, &err));
    CHECK(strstr(err.message, link1) == err.message);
    CHECK(strstr(err.message, real_dir) != 0);
    CHECK_EQ_INT(kind_of(link1), 'l');
  }
  chmod(real_dir, 0755);
  unlink(link2);
  unlink(link1);
  unlink(target);
  unlink(stale);
  rmdir(real_dir);
  rmdir(link_dir);
  rmdir(dir);
}

/* FIFOs and devices (and links to them) are written in place, never replaced by a file. */
static void test_save_special(void) {
  char dir[1100], fifo[1200], null_link[1200], fd_path[64], buf[64];
  sio_error_t err;
  int rfd, fds[2];
  ssize_t n;
  snprintf(dir, sizeof dir, "%s/savespecial", work);
  snprintf(fifo, sizeof fifo, "%s/fifo", dir);
  snprintf(null_link, sizeof null_link, "%s/null", dir);
  mkdir(dir, 0755);
  /* a FIFO with a reader: the reader gets the bytes, the FIFO stays */
  CHECK_EQ_INT(mkfifo(fifo, 0600), 0);
  rfd = open(fifo, O_RDONLY | O_NONBLOCK); /* a reader, so the save's open does not wait */
  CHECK(rfd >= 0);
  CHECK(sio_write_file(fifo, "through the fifo", 16, &err));
  if (err.message[0]) fprintf(stderr, "%s\n", err.message);
  CHECK_EQ_INT(kind_of(fifo), 'p');
  n = read(rfd, buf, sizeof buf);
  CHECK(n == 16 && memcmp(buf, "through the fifo", 16) == 0);
  close(rfd);
  CHECK_EQ_INT(count_files(dir), 1); /* no temporary file either */
  unlink(fifo);
  /* a pipe through /proc/self/fd/N, a link the kernel resolves (realpath cannot) */
  if (pipe(fds) == 0) {
    snprintf(fd_path, sizeof fd_path, "/proc/self/fd/%d", fds[1]);
    if (kind_of(fd_path) == 'l') {
      CHECK(sio_write_file(fd_path, "piped", 5, &err));
      if (err.message[0]) fprintf(stderr, "%s\n", err.message);
      close(fds[1]);
      n = read(fds[0], buf, sizeof buf);
      CHECK(n == 5 && memcmp(buf, "piped", 5) == 0);
    } else {
      close(fds[1]);
      printf("save to /proc/self/fd/N: skipped (no /proc)\n");
    }
    close(fds[0]);
  }
  /* /dev/null, directly and through a link: both stay what they are */
  CHECK(sio_write_file("/dev/null", "gone", 4, &err));
  CHECK_EQ_INT(kind_of("/dev/null"), 'c');
  CHECK_EQ_INT(symlink("/dev/null", null_link), 0);
  CHECK(sio_write_file(null_link, "gone", 4, &err));
  CHECK_EQ_INT(kind_of(null_link), 'l');
  CHECK_EQ_INT(kind_of("/dev/null"), 'c');
  CHECK_EQ_INT(count_files(dir), 1);
  unlink(null_link);
  /* /dev/full: the usual write error, and it stays a device */
  CHECK(!sio_write_file("/dev/full", "no room", 7, &err));
  CHECK(strstr(err.message, "/dev/full: write error: ") == err.message);
  CHECK(strstr(err.message, strerror(ENOSPC)) != 0);
  printf("save to /dev/full: %s\n", err.message);
  CHECK_EQ_INT(kind_of("/dev/full"), 'c');
  rmdir(dir);
}

/* A link to a missing file and a directory: a clear failure, nothing created or replaced. */
static void test_save_refused(void) {
  char dir[1100], link[1200], sub[1200], expect[1300];
  sio_error_t err;
  snprintf(dir, sizeof dir, "%s/saverefused", work);
  snprintf(link, sizeof link, "%s/dangling.txt", dir);
  snprintf(sub, sizeof sub, "%s/sub", dir);
  mkdir(dir, 0755);
  CHECK_EQ_INT(symlink("missing.txt", link), 0);
  CHECK(!sio_write_file(link, "x", 1, &err));
  CHECK(strstr(err.message, link) == err.message);
  CHECK(strstr(err.message, "symbolic link to a missing file") != 0);
  printf("save to a dangling link: %s\n", err.message);
  CHECK_EQ_INT(kind_of(link), 'l');
  CHECK_EQ_INT(count_files(dir), 1); /* no missing.txt, no temporary file */
  unlink(link);
  mkdir(sub, 0755);
  CHECK(!sio_write_file(sub, "x", 1, &err));
  snprintf(expect, sizeof expect, "%s: is a directory", sub);
  CHECK_EQ_STR(err.message, expect);
  CHECK_EQ_INT(kind_of(sub), 'd');
  CHECK_EQ_INT(count_files(sub), 0);
  CHECK_EQ_INT(count_files(dir), 1);
  rmdir(sub);
  rmdir(dir);
}

/* ---- the tool ---- */

static int run(const char *args, const char *out_file) {
  char cmd[4096];
  int st;
  snprintf(cmd, sizeof cmd, "%s %s > %s 2>&1", tool, args, out_file);
  st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The tool with its standard output to stdout_to (such as /dev/full) and stderr to err_file. */
static int run_split(const char *args, const char *stdout_to, const char *err_file) {
  char cmd[4096];
  int st;
  if (snprintf(cmd, sizeof cmd, "%s %s > %s 2> %s", tool, args, stdout_to, err_file) >=
      (int)sizeof cmd)
    return -1;
  st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static long file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int file_has(const char *path, const char *words) {
  uint8_t *data;
  size_t len;
  sio_error_t err;
  int found;
  if (!sio_read_file(path, &data, &len, &err)) return 0;
  found = strstr((char *)data, words) != 0;
  if (!found) fprintf(stderr, "%s does not contain \"%s\":\n%s\n", path, words, (char *)data);
  free(data);
  return found;
}

static void test_tool(const char *scenes_dir, int have_scenes) {
  char args[4096], out[1100], scn[1100], json[1100], bad[1100], up[1100], txt[1100];
  struct stat dev_full;
  int have_dev_full = stat("/dev/full", &dev_full) == 0 && S_ISCHR(dev_full.st_mode);
  snprintf(out, sizeof out, "%s/tool.out", work);
  snprintf(txt, sizeof txt, "%s/tool.txt", work);
  snprintf(scn, sizeof scn, "%s/tool.scn", work);
  snprintf(json, sizeof json, "%s/tool.json", work);
  snprintf(bad, sizeof bad, "%s/tool-bad.scn", work);
  snprintf(up, sizeof up, "%s/tool-up.scn", work);
  /* usage */
  CHECK_EQ_INT(run("", out), 2);
  CHECK(file_has(out, "no command given"));
  CHECK_EQ_INT(run("--help", out), 0);
  CHECK(file_has(out, "exit status"));
  CHECK_EQ_INT(run("frobnicate x", out), 2);
  CHECK_EQ_INT(run("info", out), 2);
  CHECK_EQ_INT(run("info --layout 0.9 x", out), 2);
  CHECK_EQ_INT(run("info -x y", out), 2);
  /* a hand-written JSON to .scn and back */
  {
    FILE *f = fopen(json, "w");
    fputs(hand_json, f);
    fclose(f);
  }
  CHECK_EQ_INT(run(json, out), 2); /* a file is not a command */
  snprintf(args, sizeof args, "from-json %s", json);
  CHECK_EQ_INT(run(args, out), 2); /* needs -o */
  snprintf(args, sizeof args, "from-json %s -o %s", json, scn);
  CHECK_EQ_INT(run(args, out), 0);
  snprintf(args, sizeof args, "check %s %s", scn, json);
  CHECK_EQ_INT(run(args, out), 0);
  CHECK(file_has(out, "re-encodes byte for byte"));
  snprintf(args, sizeof args, "info %s", scn);
  CHECK_EQ_INT(run(args, out), 0);
  CHECK(file_has(out, "layout:      bees 0.8.1 (detected)"));
  CHECK(file_has(out, "ENC#0.VAL -> ADD.A"));
  snprintf(args, sizeof args, "dot %s", scn);
  CHECK_EQ_INT(run(args, out), 0);
  CHECK(file_has(out, "op12:o0 -> op13:i0;"));
  /* a standard output that cannot be written (a full disk): exit 1 and the reason, for every
   * command that prints there; nothing is lost when nothing is printed (check -q) */
  if (have_dev_full) {
    static const char *const printing[] = {"info", "to-json", "to-json --native", "dot", "check"};
    size_t k;
    for (k = 0; k < sizeof printing / sizeof printing[0]; k++) {
      snprintf(args, sizeof args, "%s %s", printing[k], scn);
      CHECK_EQ_INT(run_split(args, "/dev/full", out), 1);
      CHECK(file_has(out, "aleph-scene: standard output: No space left on device"));
    }
    CHECK_EQ_INT(run_split("--help", "/dev/full", out), 1);
    CHECK(file_has(out, "aleph-scene: standard output: No space left on device"));
    snprintf(args, sizeof args, "check -q %s", scn);
    CHECK_EQ_INT(run_split(args, "/dev/full", out), 0);
    CHECK_EQ_INT(file_size(out), 0);
  } else {
    printf("tool on a full standard output: skipped (no /dev/full)\n");
  }
  /* -o for info and check as for the other text: the file gets it, standard output nothing */
  snprintf(args, sizeof args, "info %s -o %s", scn, txt);
  CHECK_EQ_INT(run(args, out), 0);
  CHECK_EQ_INT(file_size(out), 0);
  CHECK(file_has(txt, "layout:      bees 0.8.1 (detected)"));
  CHECK(file_has(txt, "ENC#0.VAL -> ADD.A"));
  snprintf(args, sizeof args, "check -o %s %s %s", txt, scn, json);
  CHECK_EQ_INT(run(args, out), 0);
  CHECK_EQ_INT(file_size(out), 0);
  CHECK(file_has(txt, "tool.scn: ok (bees scene"));
  CHECK(file_has(txt, "tool.json: ok (aleph-scene JSON"));
  snprintf(args, sizeof args, "check -o %s %s %s/nope.scn", txt, scn, work);
  CHECK_EQ_INT(run(args, out), 1); /* the report still written, the failure on stderr */
  CHECK(file_has(out, "nope.scn: cannot open"));
  CHECK(file_has(txt, "tool.scn: ok (bees scene"));
  /* an option the command does not use is refused (exit 2), nothing written */
  unlink(txt);
  snprintf(args, sizeof args, "check --native -o %s %s", txt, scn);
  CHECK_EQ_INT(run(args, out), 2);
  CHECK(file_has(out, "--native is for to-json only, not check"));
  snprintf(args, sizeof args, "info -q %s", scn);
  CHECK_EQ_INT(run(args, out), 2);
  CHECK(file_has(out, "-q/--quiet is for check only, not info"));
  snprintf(args, sizeof args, "dot --native %s", scn);
  CHECK_EQ_INT(run(args, out), 2);
  snprintf(args, sizeof args, "from-json --native %s -o %s", json, txt);
  CHECK_EQ_INT(run(args, out), 2);
  snprintf(args, sizeof args, "upgrade -q %s -o %s", scn, txt);
  CHECK_EQ_INT(run(args, out), 2);
  CHECK_EQ_INT(file_size(txt), -1);
  /* an output naming an input: a usage error, the input untouched (issue 22) */
  {
    char link[1200];
    struct stat before, after;
    CHECK(stat(scn, &before) == 0);
    snprintf(args, sizeof args, "upgrade %s -o %s", scn, scn);
    CHECK_EQ_INT(run(args, out), 2);
    CHECK(file_has(out, "-o names the input file"));
    snprintf(link, sizeof link, "%s/tool-link.scn", work);
    unlink(link);
    CHECK(symlink(scn, link) == 0);
    snprintf(args, sizeof args, "from-json %s -o %s", link, scn);
    CHECK_EQ_INT(run(args, out), 2);
    snprintf(args, sizeof args, "check %s %s -o %s", json, scn, link);
    CHECK_EQ_INT(run(args, out), 2);
    CHECK(stat(scn, &after) == 0 && after.st_ino == before.st_ino &&
          after.st_mtime == before.st_mtime && after.st_size == SCENE_FILE_SIZE);
    unlink(link);
  }
  /* what is not a regular file, or too big to be a scene: refused at once, exit 1 */
  {
    char fifo[1200];
    snprintf(fifo, sizeof fifo, "%s/tool.fifo", work);
    unlink(fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    snprintf(args, sizeof args, "check %s /dev/zero", fifo);
    CHECK_EQ_INT(run(args, out), 1);
    CHECK(file_has(out, "tool.fifo: is a FIFO (named pipe), not a regular file"));
    CHECK(file_has(out, "/dev/zero: is a character device, not a regular file"));
    snprintf(args, sizeof args, "info %s", fifo);
    CHECK_EQ_INT(run(args, out), 1);
    unlink(fifo);
  }
  /* a corrupt .scn: exit 1, the file and the offset named */
  {
    uint8_t *data;
    size_t len;
    sio_error_t err;
    CHECK(sio_read_file(scn, &data, &len, &err));
    le_put_u32(data + 0x70, 500);
    CHECK(sio_write_file(bad, data, len, &err));
    free(data);
  }
  snprintf(args, sizeof args, "check %s", bad);
  CHECK_EQ_INT(run(args, out), 1);
  CHECK(file_has(out, "offset 112 (0x70): the scene has 500 operators"));
  CHECK(file_has(out, bad));
  snprintf(args, sizeof args, "check %s %s", scn, bad);
  CHECK_EQ_INT(run(args, out), 1);
  snprintf(args, sizeof args, "to-json %s", bad);
  CHECK_EQ_INT(run(args, out), 1);
  snprintf(args, sizeof args, "to-json %s/nope.scn", work);
  CHECK_EQ_INT(run(args, out), 1);
  CHECK(file_has(out, "cannot open"));
  if (have_scenes) {
    /* the real scenes: check, JSON round trip through files, upgrade */
    snprintf(args, sizeof args, "check %s/cvtest.scn %s/default.scn %s/life.scn", scenes_dir,
             scenes_dir, scenes_dir);
    if (run(args, out) == 0) {
      CHECK(file_has(out, "default.scn: ok (bees scene, bees 0.7.1 layout, 22 ops, 116 params), "
                          "re-encodes byte for byte"));
      snprintf(args, sizeof args, "to-json %s/default.scn -o %s", scenes_dir, json);
      CHECK_EQ_INT(run(args, out), 0);
      if (have_dev_full) { /* 24 KB of JSON: the writes fail as they are made, not at the end */
        snprintf(args, sizeof args, "to-json %s/default.scn", scenes_dir);
        CHECK_EQ_INT(run_split(args, "/dev/full", out), 1);
        CHECK(file_has(out, "aleph-scene: standard output: No space left on device"));
      }
      snprintf(args, sizeof args, "from-json %s -o %s", json, scn);
      CHECK_EQ_INT(run(args, out), 0);
      snprintf(args, sizeof args, "cmp -s %s %s/default.scn", scn, scenes_dir);
      CHECK_EQ_INT(system(args), 0);
      snprintf(args, sizeof args, "upgrade %s/default.scn -o %s", scenes_dir, up);
      CHECK_EQ_INT(run(args, out), 0);
      snprintf(args, sizeof args, "info %s", up);
      CHECK_EQ_INT(run(args, out), 0);
      CHECK(file_has(out, "layout:      bees 0.8.1 (detected)"));
      CHECK(file_has(out, "bees:        0.8.1"));
      CHECK(file_has(out, "17 BARS"));
      snprintf(args, sizeof args, "info --layout 0.8.1 %s/default.scn", scenes_dir);
      CHECK_EQ_INT(run(args, out), 1);
      CHECK(file_has(out, "(as bees 0.8.1)"));
      snprintf(args, sizeof args, "to-json --native %s/life.scn -o %s", scenes_dir, json);
      CHECK_EQ_INT(run(args, out), 0);
      CHECK(file_has(json, "\"operators\""));
      snprintf(args, sizeof args, "check %s", json);
      CHECK_EQ_INT(run(args, out), 0);
      CHECK(file_has(out, "beekeep native JSON"));
    } else {
      printf("tool on real scenes: skipped (classes missing)\n");
    }
  }
  unlink(out);
  unlink(scn);
  unlink(json);
  unlink(bad);
  unlink(up);
  unlink(txt);
}

int main(int argc, char **argv) {
  char probe[1100];
  FILE *f;
  size_t i;
  int have_scenes, skipped = 0;
  if (argc < 4) {
    fprintf(stderr, "usage: test_scene_io SCENES_DIR ALEPH_SCENE WORK_DIR\n");
    return 2;
  }
  tool = argv[2];
  work = argv[3];
  mkdir(work, 0755);
  RUN(test_hand_json);
  RUN(test_bad_json);
  RUN(test_utf8_names);
  RUN(test_safe_save);
  RUN(test_save_through_link);
  RUN(test_save_special);
  RUN(test_save_refused);
  snprintf(probe, sizeof probe, "%s/default.scn", argv[1]);
  f = fopen(probe, "rb");
  have_scenes = f != 0;
  if (f) fclose(f);
  if (have_scenes)
    for (i = 0; i < sizeof scenes / sizeof scenes[0]; i++) skipped += real_scene(argv[1], scenes[i]);
  test_tool(argv[1], have_scenes);
  if (check_summary("test_scene_io")) return 1;
  if (!have_scenes) {
    printf("SKIPPED (in part): the real scenes are not at %s (set ALEPH_SHARED_SCENES)\n", argv[1]);
    return SKIP_CODE;
  }
  if (skipped) {
    printf("SKIPPED (in part): %d real scenes need op classes this build does not include\n", skipped);
    return SKIP_CODE;
  }
  return 0;
}
