/* SPDX-License-Identifier: MIT */
/* fake_serialosc.c: a serialoscd and two devices (a 16x8 grid, a 4-ring arc) on loopback UDP,
 * speaking serialosc's protocol, against a real aleph-sim started with --grid --arc: discovery,
 * claiming (/sys/port, /sys/host, /sys/prefix, /sys/info), keys and ring turns in, LED messages
 * out, unplugging and plugging the grid in again. Exit 0 when every step happened as serialosc
 * clients expect, 1 naming the step that did not (each waits at most 5 s).
 *
 *   fake_serialosc ALEPH-SIM [aleph-sim arguments...] */
#define _DEFAULT_SOURCE /* usleep, fdopen, kill */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lo/lo.h>

#define WAIT_MS 5000

typedef struct {
  int fd, port;
} sock_t;

typedef struct {
  char path[96];
  char types[80];
  int32_t i[70];
  char s[2][96];
  int from;
} msg_t;

static int failures;
static pid_t sim = -1;

static sock_t open_sock(void) {
  sock_t s;
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  s.fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (s.fd < 0 || bind(s.fd, (struct sockaddr *)&a, sizeof a) < 0 ||
      getsockname(s.fd, (struct sockaddr *)&a, &len) < 0) {
    perror("fake_serialosc: socket");
    exit(1);
  }
  s.port = ntohs(a.sin_port);
  return s;
}

/* Sends path with 'i' and 's' arguments from s to 127.0.0.1:port. */
static void sendm(const sock_t *s, int port, const char *path, const char *types, ...) {
  lo_message m = lo_message_new();
  uint8_t buf[1024];
  size_t len;
  struct sockaddr_in to;
  const char *t;
  va_list ap;
  va_start(ap, types);
  for (t = types; *t; t++) {
    if (*t == 'i')
      lo_message_add_int32(m, va_arg(ap, int));
    else
      lo_message_add_string(m, va_arg(ap, const char *));
  }
  va_end(ap);
  len = sizeof buf;
  lo_message_serialise(m, path, buf, &len);
  lo_message_free(m);
  memset(&to, 0, sizeof to);
  to.sin_family = AF_INET;
  to.sin_port = htons((uint16_t)port);
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (sendto(s->fd, buf, len, 0, (struct sockaddr *)&to, sizeof to) < 0)
    perror("fake_serialosc: sendto");
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for a message on s whose path is `path` (or starts with it, if it ends in '/'; others
 * are skipped); false after WAIT_MS. */
static bool expect(const sock_t *s, const char *path, msg_t *out) {
  long long end = now_ms() + WAIT_MS;
  for (;;) {
    struct pollfd p = {s->fd, POLLIN, 0};
    long long left = end - now_ms();
    uint8_t buf[2048];
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    ssize_t n;
    lo_message m;
    int r = 0, k, argc;
    lo_arg **argv;
    const char *types;
    if (left <= 0 || poll(&p, 1, (int)left) <= 0) return false;
    n = recvfrom(s->fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    if (n <= 0) continue;
    m = lo_message_deserialise(buf, (size_t)n, &r);
    if (!m) continue;
    memset(out, 0, sizeof *out);
    snprintf(out->path, sizeof out->path, "%s", lo_get_path(buf, n));
    types = lo_message_get_types(m);
    snprintf(out->types, sizeof out->types, "%s", types);
    argv = lo_message_get_argv(m);
    argc = lo_message_get_argc(m);
    for (k = 0; k < argc && k < 70; k++) {
      /* liblo's arguments are only 4-byte aligned: copied, not read through lo_arg */
      if (types[k] == 'i') memcpy(&out->i[k], argv[k], sizeof out->i[k]);
      if (types[k] == 's' && k < 2)
        snprintf(out->s[k], sizeof out->s[k], "%s", (const char *)argv[k]);
    }
    out->from = ntohs(from.sin_port);
    lo_message_free(m);
    if (!strcmp(out->path, path) ||
        (path[strlen(path) - 1] == '/' && !strncmp(out->path, path, strlen(path))))
      return true;
  }
}

static void step(bool ok, const char *what) {
  printf("%s: %s\n", ok ? "ok" : "FAILED", what);
  fflush(stdout);
  if (!ok) failures++;
}

/* A device claimed: /sys/port, /sys/host, /sys/prefix, /sys/info in that order, to dev. */
static bool claimed(const sock_t *dev, int client, const char *prefix) {
  msg_t m;
  return expect(dev, "/sys/port", &m) && m.i[0] == client && expect(dev, "/sys/host", &m) &&
         !strcmp(m.s[0], "127.0.0.1") && expect(dev, "/sys/prefix", &m) &&
         !strcmp(m.s[0], prefix) && expect(dev, "/sys/info", &m) && m.i[1] == client;
}

static void stop_sim(void) {
  if (sim > 0) {
    kill(sim, SIGTERM);
    waitpid(sim, NULL, 0);
    sim = -1;
  }
}

int main(int argc, char **argv) {
  sock_t daemon = open_sock(), grid = open_sock(), arc = open_sock(), osc = open_sock();
  sock_t grid2 = open_sock();
  char portarg[16], line[256];
  int out[2], client = -1, simport = -1;
  msg_t m;
  FILE *simout;
  if (argc < 2) {
    fprintf(stderr, "usage: fake_serialosc ALEPH-SIM [aleph-sim arguments...]\n");
    return 2;
  }
  snprintf(portarg, sizeof portarg, "%d", daemon.port);
  if (pipe(out) < 0) return 1;
  sim = fork();
  if (sim == 0) {
    char *args[64];
    int k, n = 0;
    dup2(out[1], 1);
    close(out[0]);
    for (k = 1; k < argc && n < 56; k++) args[n++] = argv[k];
    args[n++] = "--grid";
    args[n++] = "--arc";
    args[n++] = "--serialosc-port";
    args[n++] = portarg;
    args[n++] = "--osc-port";
    args[n++] = "0";
    args[n] = NULL;
    execv(argv[1], args);
    perror("fake_serialosc: exec");
    _exit(127);
  }
  close(out[1]);
  simout = fdopen(out[0], "r");
  while (simout && fgets(line, sizeof line, simout))
    if (sscanf(line, "osc port %d", &simport) == 1) break;
  step(simport > 0, "aleph-sim runs with OSC");
  if (simport <= 0) {
    stop_sim();
    return 1;
  }

  /* discovery: the list and the notification request */
  step(expect(&daemon, "/serialosc/list", &m) && !strcmp(m.s[0], "127.0.0.1"),
       "/serialosc/list si 127.0.0.1 PORT");
  client = m.i[1];
  step(expect(&daemon, "/serialosc/notify", &m) && m.i[1] == client, "/serialosc/notify");
  sendm(&daemon, client, "/serialosc/device", "ssi", "m0000001", "monome 128", grid.port);
  sendm(&daemon, client, "/serialosc/device", "ssi", "m0000002", "monome arc 4", arc.port);

  /* claims */
  step(claimed(&grid, client, "/aleph-sim-grid"), "grid claimed (port, host, prefix, info)");
  sendm(&grid, client, "/sys/id", "s", "m0000001");
  sendm(&grid, client, "/sys/size", "ii", 16, 8);
  step(claimed(&arc, client, "/aleph-sim-arc"), "arc claimed");
  step(expect(&grid, "/aleph-sim-grid/grid/led/level/all", &m) && m.i[0] == 0,
       "the grid's LEDs first: one level/all 0");

  /* keys in, LEDs out */
  sendm(&osc, simport, "/aleph/op/add", "s", "GRID");
  sendm(&osc, simport, "/aleph/op/add", "s", "ARC");
  step(expect(&osc, "/aleph/op/added", &m) && expect(&osc, "/aleph/op/added", &m),
       "GRID and ARC ops added over OSC");
  sendm(&grid, client, "/aleph-sim-grid/grid/key", "iii", 3, 2, 1);
  step(expect(&grid, "/aleph-sim-grid/grid/led/level/set", &m) && m.i[0] == 3 && m.i[1] == 2 &&
       m.i[2] == 15, "a key lights its LED: level/set 3 2 15 (only what changed)");
  sendm(&arc, client, "/aleph-sim-arc/enc/delta", "ii", 0, 3);
  step(expect(&arc, "/aleph-sim-arc/ring/set", &m) && m.i[0] == 0 && m.i[1] == 0 && m.i[2] == 15,
       "a ring turn lights the ARC op's LED: ring/set 0 0 15");

  /* unplug the grid: the simulation has no grid; the client asks again */
  sendm(&daemon, client, "/serialosc/remove", "s", "m0000001");
  step(expect(&daemon, "/serialosc/notify", &m), "notify asked again after the removal");
  sendm(&osc, simport, "/aleph/ping", "i", 1);
  expect(&osc, "/aleph/pong", &m);
  usleep(100 * 1000);
  sendm(&osc, simport, "/monome/grid/key", "iii", 0, 0, 1);
  step(expect(&osc, "/aleph/error", &m) && strstr(m.s[0], "no grid"),
       "unplugged: the simulation has no grid");

  /* plug it in again (serialosc gives the device a new port): claimed, sized, every LED sent */
  sendm(&daemon, client, "/serialosc/add", "ssi", "m0000001", "monome 128", grid2.port);
  step(claimed(&grid2, client, "/aleph-sim-grid"), "plugged in again: claimed again");
  sendm(&grid2, client, "/sys/size", "ii", 16, 8);
  step(expect(&grid2, "/aleph-sim-grid/grid/led/level/map", &m) && m.i[0] == 0 && m.i[1] == 0 &&
       m.i[2 + 3 + 8 * 2] == 15, "every LED again: the left quadrant's level/map with 3,2 lit");
  step(expect(&grid2, "/aleph-sim-grid/grid/led/level/map", &m) && m.i[0] == 8 && m.i[1] == 0,
       "and the right quadrant's");
  sendm(&grid2, client, "/aleph-sim-grid/grid/key", "iii", 5, 1, 1);
  step(expect(&grid2, "/aleph-sim-grid/grid/led/level/", &m) &&
       (strstr(m.path, "/set") ? m.i[0] == 5 && m.i[1] == 1 && m.i[2] == 15
                               : strstr(m.path, "/map") && m.i[2 + 5 + 8] == 15),
       "its keys reach the GRID op again");

  stop_sim();
  step(expect(&grid2, "/aleph-sim-grid/grid/led/level/all", &m) && m.i[0] == 0,
       "aleph-sim leaves the grid dark when it stops");
  printf("%d failed\n", failures);
  return failures ? 1 : 0;
}
