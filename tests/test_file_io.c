/* SPDX-License-Identifier: MIT */
/* test_file_io.c: lib/file_io and the readers built on it. A corpus of file kinds (a FIFO with
 * no writer, a FIFO with a writer that never writes, /dev/zero, /dev/null, a folder, a link to a
 * FIFO, a socket, an empty file, a sparse file one byte over each limit, one at the limit) goes
 * through every lib reader (scene, profile, memory plan): each must refuse what is not a regular
 * file of a size its format can have, with a sentence naming the file, without blocking (a
 * watchdog alarm fails the test instead of hanging). Then the writer's pieces (publish at a
 * moment of the caller's choosing, abort keeps the old file), fio_same_file and
 * fio_resolve_inside (inside, outside, links out, "..", the folder itself). argv: WORK_DIR. */
#define _DEFAULT_SOURCE /* symlink, mkfifo */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "file_io.h"
#include "pool_plan_json.h"
#include "profile_read.h"
#include "scene_io.h"

static char work[800];

static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "test_file_io: a reader blocked (watchdog)\n";
  if (write(2, msg, sizeof msg - 1) < 0) _exit(3);
  _exit(3);
}

static void at(char *out, size_t cap, const char *name) { snprintf(out, cap, "%s/%s", work, name); }

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

/* A file of size bytes that takes no room (a hole). */
static void sparse(const char *path, size_t size) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);
  if (fd < 0) return;
  CHECK(ftruncate(fd, (off_t)size) == 0);
  close(fd);
}

/* ---- every reader on every kind of file ---- */

typedef enum { R_SCENE, R_PROFILE, R_PLAN, R_COUNT } reader_t;
static const char *const reader_names[R_COUNT] = {"scene", "profile", "memory plan"};
static const size_t limits[R_COUNT] = {SIO_SCENE_MAX_BYTES, PROFILE_MAX_BYTES, PPJ_MAX_BYTES};

/* Reads path with reader r: true if it was read; msg gets the failure. */
static bool read_with(reader_t r, const char *path, char *msg, size_t cap) {
  msg[0] = '\0';
  if (r == R_SCENE) {
    sio_world_t *w = sio_world_new();
    sio_error_t err;
    bool ok = sio_load(sio_world_slot(w), path, SCENE_LAYOUT_AUTO, NULL, NULL, &err);
    snprintf(msg, cap, "%s", err.message);
    sio_world_free(w);
    return ok;
  }
  if (r == R_PROFILE) {
    profile_t p;
    bool ok = profile_read_file(&p, path, msg, cap);
    if (ok) profile_free(&p);
    return ok;
  }
  {
    arena_plan_t plan;
    return ppj_read(path, "host", &plan, msg, cap);
  }
}

static void test_readers_refuse(void) {
  struct {
    const char *name, *words; /* words: in every reader's message */
  } kinds[] = {
      {"fifo", "is a FIFO (named pipe), not a regular file"},
      {"fifo-with-writer", "is a FIFO (named pipe), not a regular file"},
      {"/dev/zero", "is a character device, not a regular file"},
      {"/dev/null", "is a character device, not a regular file"},
      {"folder", "is a folder, not a regular file"},
      {"link-to-fifo", "is a FIFO (named pipe), not a regular file"},
      {"socket", "is a socket, not a regular file"},
      {"missing", "cannot open: No such file or directory"},
  };
  char path[1000], msg[600], fifo[1000];
  size_t k;
  int r, wfd = -1, sfd;
  struct sockaddr_un sa;
  at(fifo, sizeof fifo, "fifo");
  CHECK(mkfifo(fifo, 0600) == 0);
  at(path, sizeof path, "fifo-with-writer");
  CHECK(mkfifo(path, 0600) == 0);
  { /* a writer that never writes: a blocking read would wait for ever */
    int rfd = open(path, O_RDONLY | O_NONBLOCK);
    wfd = open(path, O_WRONLY | O_NONBLOCK);
    CHECK(wfd >= 0);
    if (rfd >= 0) close(rfd);
  }
  at(path, sizeof path, "folder");
  CHECK(mkdir(path, 0755) == 0);
  at(path, sizeof path, "link-to-fifo");
  CHECK(symlink(fifo, path) == 0);
  sfd = socket(AF_UNIX, SOCK_STREAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sun_family = AF_UNIX;
  at(path, sizeof path, "socket");
  if (strlen(path) < sizeof sa.sun_path) {
    memcpy(sa.sun_path, path, strlen(path) + 1);
    CHECK(bind(sfd, (struct sockaddr *)&sa, sizeof sa) == 0);
  }
  alarm(20);
  for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    if (kinds[k].name[0] == '/')
      snprintf(path, sizeof path, "%s", kinds[k].name);
    else
      at(path, sizeof path, kinds[k].name);
    if (!strcmp(kinds[k].name, "socket") && strlen(path) >= sizeof sa.sun_path) continue;
    for (r = 0; r < R_COUNT; r++) {
      bool ok = read_with((reader_t)r, path, msg, sizeof msg);
      CHECK(!ok);
      if (ok || !strstr(msg, kinds[k].words) || !strstr(msg, path))
        fprintf(stderr, "%s on %s: %s\n", reader_names[r], kinds[k].name, msg);
      CHECK(strstr(msg, kinds[k].words) != NULL);
      CHECK(strstr(msg, path) != NULL);
    }
  }
  /* the file behind a link is what counts: a link to a regular file reads */
  at(path, sizeof path, "plan.json");
  write_text(path, "{\"format\": \"aleph-sim memory plan\", \"version\": 2, \"host\": "
                   "{\"heap_bytes\": 65536, \"heap_min\": 4096, \"granule\": 8}}");
  at(fifo, sizeof fifo, "link-to-plan");
  CHECK(symlink(path, fifo) == 0);
  CHECK(read_with(R_PLAN, fifo, msg, sizeof msg));
  alarm(0);
  if (wfd >= 0) close(wfd);
  close(sfd);
}

static void test_readers_limits(void) {
  char path[1000], msg[600], want[200];
  int r;
  uint8_t *data;
  size_t len;
  alarm(60);
  for (r = 0; r < R_COUNT; r++) {
    /* one byte over: refused by its size, before a byte is read */
    at(path, sizeof path, "over");
    sparse(path, limits[r] + 1u);
    CHECK(!read_with((reader_t)r, path, msg, sizeof msg));
    snprintf(want, sizeof want, "%zu bytes is more than a %s can be (at most %zu bytes)",
             limits[r] + 1u, reader_names[r], limits[r]);
    if (!strstr(msg, want)) fprintf(stderr, "%s over its limit: %s\n", reader_names[r], msg);
    CHECK(strstr(msg, want) != NULL);
    /* exactly at the limit: read (then refused by its content, for another reason) */
    sparse(path, limits[r]);
    CHECK(fio_read_regular(path, limits[r], reader_names[r], &data, &len, msg, sizeof msg) ==
          FIO_OK);
    CHECK_EQ_INT(len, limits[r]);
    free(data);
    CHECK(!read_with((reader_t)r, path, msg, sizeof msg));
    CHECK(strstr(msg, "more than") == NULL);
    unlink(path);
  }
  /* a .scn one byte longer than bees writes: the codec says so */
  at(path, sizeof path, "long.scn");
  sparse(path, SCENE_FILE_SIZE + 1u);
  CHECK(!read_with(R_SCENE, path, msg, sizeof msg));
  CHECK(strstr(msg, "a scene file has exactly 262200") != NULL);
  unlink(path);
  /* an empty file: read, refused for what it holds */
  at(path, sizeof path, "empty");
  write_text(path, "");
  CHECK(fio_read_regular(path, 10, "thing", &data, &len, msg, sizeof msg) == FIO_OK);
  CHECK(len == 0 && data && data[0] == 0);
  free(data);
  for (r = 0; r < R_COUNT; r++) CHECK(!read_with((reader_t)r, path, msg, sizeof msg));
  unlink(path);
  /* the status values */
  CHECK(fio_read_regular("/dev/zero", 10, "thing", &data, &len, msg, sizeof msg) ==
        FIO_ERR_NOT_REGULAR);
  CHECK(data == NULL && len == 0);
  at(path, sizeof path, "eleven");
  write_text(path, "0123456789a");
  CHECK(fio_read_regular(path, 10, "thing", &data, &len, msg, sizeof msg) == FIO_ERR_TOO_LARGE);
  CHECK(strstr(msg, "11 bytes is more than a thing can be (at most 10 bytes)") != NULL);
  CHECK(fio_read_regular(path, 11, "thing", &data, &len, msg, sizeof msg) == FIO_OK);
  CHECK(len == 11 && !memcmp(data, "0123456789a", 12));
  free(data);
  unlink(path);
  alarm(0);
}

/* ---- writing in pieces ---- */

static char *slurp(const char *path) {
  uint8_t *data;
  size_t len;
  char msg[300];
  return fio_read_regular(path, 1u << 20, "file", &data, &len, msg, sizeof msg) == FIO_OK
             ? (char *)data
             : NULL;
}

static void test_out_pieces(void) {
  char path[1000], msg[600], *text;
  fio_out_t *o;
  at(path, sizeof path, "pieces.txt");
  write_text(path, "old");
  /* written, not published: the old content stays; aborted: still */
  o = fio_out_open(path, msg, sizeof msg);
  CHECK(o != NULL);
  if (!o) return;
  CHECK(fio_out_write(o, "new ", 4, msg, sizeof msg));
  text = slurp(path);
  CHECK(text && !strcmp(text, "old"));
  free(text);
  fio_out_abort(o);
  text = slurp(path);
  CHECK(text && !strcmp(text, "old"));
  free(text);
  /* published: the new content from then on, and what follows is appended */
  o = fio_out_open(path, msg, sizeof msg);
  CHECK(o && fio_out_write(o, "new ", 4, msg, sizeof msg));
  CHECK(o && fio_out_publish(o, msg, sizeof msg));
  text = slurp(path);
  CHECK(text && !strcmp(text, "new "));
  free(text);
  CHECK(o && fio_out_write(o, "and more", 8, msg, sizeof msg));
  CHECK(o && fio_out_sync(o, msg, sizeof msg));
  text = slurp(path);
  CHECK(text && !strcmp(text, "new and more"));
  free(text);
  CHECK(o && fio_out_close(o, msg, sizeof msg));
  /* a published file aborted: kept as it is */
  o = fio_out_open(path, msg, sizeof msg);
  CHECK(o && fio_out_write(o, "third", 5, msg, sizeof msg) && fio_out_publish(o, msg, sizeof msg));
  fio_out_abort(o);
  text = slurp(path);
  CHECK(text && !strcmp(text, "third"));
  free(text);
  /* nothing to publish a second time; a folder refused at open */
  CHECK(fio_out_open(work, msg, sizeof msg) == NULL);
  CHECK(strstr(msg, "is a directory") != NULL);
  unlink(path);
}

/* ---- names ---- */

static void test_same_file(void) {
  char a[1000], b[1000], link[1000], sub[1000], dots[1100];
  at(a, sizeof a, "same-a");
  at(b, sizeof b, "same-b");
  at(link, sizeof link, "same-link");
  at(sub, sizeof sub, "same-sub");
  write_text(a, "a");
  write_text(b, "b");
  CHECK(symlink(a, link) == 0);
  CHECK(mkdir(sub, 0755) == 0);
  snprintf(dots, sizeof dots, "%s/../same-a", sub);
  CHECK(fio_same_file(a, a));
  CHECK(fio_same_file(a, link));
  CHECK(fio_same_file(a, dots));
  CHECK(!fio_same_file(a, b));
  /* names not there yet: the same once the folders are resolved */
  snprintf(dots, sizeof dots, "%s/../same-new", sub);
  at(b, sizeof b, "same-new");
  CHECK(fio_same_file(b, dots));
  at(b, sizeof b, "same-new2");
  CHECK(!fio_same_file(b, dots));
  CHECK(!fio_same_file(a, dots)); /* one there, one not */
  CHECK(fio_is_char_device("/dev/null"));
  CHECK(!fio_is_char_device(a));
  at(b, sizeof b, "same-b");
  unlink(a);
  unlink(b);
  unlink(link);
  rmdir(sub);
}

static void test_resolve_inside(void) {
  char dir[1000], outside[1000], link[1100], msg[600], name[1200], *r;
  at(dir, sizeof dir, "scenes");
  at(outside, sizeof outside, "outside.txt");
  CHECK(mkdir(dir, 0755) == 0);
  write_text(outside, "precious");
  snprintf(link, sizeof link, "%s/out.scn", dir);
  CHECK(symlink(outside, link) == 0);
  snprintf(link, sizeof link, "%s/in.scn", dir);
  write_text(link, "x");
  /* inside */
  r = fio_resolve_inside(dir, "in.scn", true, msg, sizeof msg);
  CHECK(r && strstr(r, "/scenes/in.scn"));
  free(r);
  r = fio_resolve_inside(dir, "new.scn", false, msg, sizeof msg);
  CHECK(r && strstr(r, "/scenes/new.scn"));
  free(r);
  CHECK(fio_resolve_inside(dir, "new.scn", true, msg, sizeof msg) == NULL); /* a load: missing */
  r = fio_resolve_inside(dir, link, true, msg, sizeof msg); /* absolute, inside */
  CHECK(r != NULL);
  free(r);
  /* outside: ../, absolute, a link that leads out, the folder itself, no name */
  CHECK(fio_resolve_inside(dir, "../outside.txt", true, msg, sizeof msg) == NULL);
  CHECK(strstr(msg, "outside the scene folder") != NULL);
  CHECK(fio_resolve_inside(dir, "../x.scn", false, msg, sizeof msg) == NULL);
  CHECK(strstr(msg, "outside the scene folder") != NULL);
  CHECK(fio_resolve_inside(dir, outside, false, msg, sizeof msg) == NULL);
  CHECK(fio_resolve_inside(dir, "/etc/passwd", true, msg, sizeof msg) == NULL);
  CHECK(fio_resolve_inside(dir, "out.scn", false, msg, sizeof msg) == NULL);
  CHECK(strstr(msg, "outside the scene folder") != NULL);
  CHECK(fio_resolve_inside(dir, ".", false, msg, sizeof msg) == NULL);
  CHECK(fio_resolve_inside(dir, "..", false, msg, sizeof msg) == NULL);
  CHECK(fio_resolve_inside(dir, "", false, msg, sizeof msg) == NULL);
  snprintf(name, sizeof name, "%s/", dir);
  CHECK(fio_resolve_inside(dir, name, false, msg, sizeof msg) == NULL);
  CHECK(fio_resolve_inside(dir, "no-such-sub/x.scn", false, msg, sizeof msg) == NULL);
  /* a folder beside it whose name starts the same is not inside */
  at(name, sizeof name, "scenes2");
  CHECK(mkdir(name, 0755) == 0);
  CHECK(fio_resolve_inside(dir, "../scenes2/x.scn", false, msg, sizeof msg) == NULL);
  rmdir(name);
  /* nothing outside was touched */
  r = slurp(outside);
  CHECK(r && !strcmp(r, "precious"));
  free(r);
  unlink(link);
  snprintf(link, sizeof link, "%s/out.scn", dir);
  unlink(link);
  unlink(outside);
  rmdir(dir);
}

int main(int argc, char **argv) {
  char cmd[1200];
  if (argc < 2) {
    fprintf(stderr, "usage: test_file_io WORK_DIR\n");
    return 2;
  }
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", argv[1]);
  if (system(cmd) != 0) return 2;
  {
    char *real = mkdir(argv[1], 0755) == 0 ? realpath(argv[1], NULL) : NULL;
    if (!real || strlen(real) >= sizeof work) return 2;
    memcpy(work, real, strlen(real) + 1);
    free(real);
  }
  signal(SIGALRM, on_alarm);
  RUN(test_readers_refuse);
  RUN(test_readers_limits);
  RUN(test_out_pieces);
  RUN(test_same_file);
  RUN(test_resolve_inside);
  return check_summary("test_file_io");
}
