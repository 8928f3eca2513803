/* SPDX-License-Identifier: MIT */
/* send.c: the one-shot OSC client of --send (send.h). */
#define _POSIX_C_SOURCE 200809L
#include "send.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lo/lo.h>

#include "osc_server.h"

#define SEND_WAIT_MS 2000

typedef struct {
  int32_t seq;   /* the ping's number */
  bool pong, error;
} send_state_t;

/* Prints one reply: the address, then each argument. */
static int on_reply(const char *path, const char *types, lo_arg **argv, int argc, lo_message m,
                    void *ctx) {
  send_state_t *st = ctx;
  FILE *to = stdout;
  int k;
  (void)m;
  if (!strcmp(path, "/aleph/pong") && argc >= 1 && types[0] == 'i') {
    int32_t seq;
    memcpy(&seq, argv[0], sizeof seq);
    if (seq == st->seq) {
      st->pong = true;
      return 0;
    }
  }
  if (!strcmp(path, "/aleph/error")) {
    st->error = true;
    to = stderr;
  }
  fputs(path, to);
  for (k = 0; k < argc; k++) {
    int32_t i;
    float f;
    switch (types[k]) {
    case 'i': memcpy(&i, argv[k], sizeof i); fprintf(to, " %d", i); break;
    case 'f': memcpy(&f, argv[k], sizeof f); fprintf(to, " %g", (double)f); break;
    case 's': fprintf(to, " %s", (const char *)argv[k]); break;
    case 'b': fprintf(to, " <blob of %d bytes>", lo_blob_datasize((lo_blob)argv[k])); break;
    default: fprintf(to, " <%c>", types[k]); break;
    }
  }
  fputc('\n', to);
  return 0;
}

/* ARG as an int, a float or a string (s:, i: and f: prefixes force the type). */
static bool add_arg(lo_message m, const char *a) {
  char *end;
  long v;
  double d;
  if (!strncmp(a, "s:", 2)) return lo_message_add_string(m, a + 2) == 0;
  if (!strncmp(a, "i:", 2) || !strncmp(a, "f:", 2)) {
    bool is_int = a[0] == 'i';
    errno = 0;
    if (is_int) {
      v = strtol(a + 2, &end, 10);
      if (errno || end == a + 2 || *end || v < INT32_MIN || v > INT32_MAX) return false;
      return lo_message_add_int32(m, (int32_t)v) == 0;
    }
    d = strtod(a + 2, &end);
    if (errno || end == a + 2 || *end) return false;
    return lo_message_add_float(m, (float)d) == 0;
  }
  errno = 0;
  v = strtol(a, &end, 10);
  if (*a && !*end && !errno && v >= INT32_MIN && v <= INT32_MAX)
    return lo_message_add_int32(m, (int32_t)v) == 0;
  d = strtod(a, &end);
  if (*a && !*end && !errno && strchr(a, '.')) return lo_message_add_float(m, (float)d) == 0;
  return lo_message_add_string(m, a) == 0;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int send_run(const char *host, int port, int argc, char **argv) {
  char portstr[16];
  send_state_t st = {0, false, false};
  lo_server srv;
  lo_address to;
  lo_message m;
  long long end;
  int k, rc;
  if (argc < 1 || argv[0][0] != '/') {
    fprintf(stderr, "aleph-sim: --send needs an OSC address starting with '/' (try --help)\n");
    return 2;
  }
  m = lo_message_new();
  for (k = 1; m && k < argc; k++)
    if (!add_arg(m, argv[k])) {
      fprintf(stderr, "aleph-sim: --send: '%s' is not a %s (try --help)\n", argv[k],
              argv[k][0] == 'f' ? "number" : "32-bit integer");
      lo_message_free(m);
      return 2;
    }
  snprintf(portstr, sizeof portstr, "%d", port < 0 ? OSC_DEFAULT_PORT : port);
  srv = lo_server_new_with_proto(NULL, LO_UDP, NULL);
  to = lo_address_new(host ? host : OSC_DEFAULT_HOST, portstr);
  if (!m || !srv || !to) {
    fprintf(stderr, "aleph-sim: --send: cannot open a UDP socket\n");
    if (m) lo_message_free(m);
    if (srv) lo_server_free(srv);
    if (to) lo_address_free(to);
    return 1;
  }
  lo_server_add_method(srv, NULL, NULL, on_reply, &st);
  srand((unsigned)now_ms());
  st.seq = rand() & 0x7FFFFFFF;
  rc = lo_send_message_from(to, srv, argv[0], m) < 0 ||
       lo_send_from(to, srv, LO_TT_IMMEDIATE, "/aleph/ping", "i", st.seq) < 0;
  lo_message_free(m);
  end = now_ms() + SEND_WAIT_MS;
  while (!rc && !st.pong && now_ms() < end) lo_server_recv_noblock(srv, 20);
  if (!st.pong)
    fprintf(stderr, "aleph-sim: --send: no aleph-sim answered on %s:%s within %d s (is one "
            "running with --osc?)\n", host ? host : OSC_DEFAULT_HOST, portstr, SEND_WAIT_MS / 1000);
  lo_server_free(srv);
  lo_address_free(to);
  return st.pong && !st.error ? 0 : 1;
}
