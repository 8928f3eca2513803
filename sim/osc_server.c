/* SPDX-License-Identifier: MIT */
/* osc_server.c: the OSC socket and its receive thread: datagrams (and bundles) parsed with liblo,
 * checked against the address table, malformed ones answered at once, the rest queued for the
 * simulation thread; sending; the pump and the wait the main loops call. A detached server
 * (osc_server_new_detached) has no socket or thread: datagrams are handed in by the caller and
 * replies go to a hook (fuzz/fuzz_osc.c). */
#define _POSIX_C_SOURCE 200809L
#include "osc_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

const osc_addr_info_t OSC_ADDRS[OSC_A_COUNT] = {
    [OSC_A_ENC] = {"/aleph/enc", {"ii", 0}},
    [OSC_A_SW] = {"/aleph/sw", {"ii", 0}},
    [OSC_A_FS] = {"/aleph/fs", {"ii", 0}},
    [OSC_A_CV] = {"/aleph/cv", {"ii", 0}},
    [OSC_A_PING] = {"/aleph/ping", {"", "i", 0}},
    [OSC_A_OPS] = {"/aleph/ops", {"", 0}},
    [OSC_A_OP_ADD] = {"/aleph/op/add", {"s", "si", 0}},
    [OSC_A_OP_REMOVE] = {"/aleph/op/remove", {"s", "i", 0}},
    [OSC_A_OP_PORTS] = {"/aleph/op/ports", {"s", "i", 0}},
    [OSC_A_CONNECT] = {"/aleph/connect", {"ssss", "ii", 0}},
    [OSC_A_CONNECT_PARAM] = {"/aleph/connect/param", {"sss", 0}},
    [OSC_A_DISCONNECT] = {"/aleph/disconnect", {"ss", "i", 0}},
    [OSC_A_IN] = {"/aleph/in", {"ssi", "ii", 0}},
    [OSC_A_IN_GET] = {"/aleph/in/get", {"ss", "i", 0}},
    [OSC_A_PARAM] = {"/aleph/param", {"si", "ii", 0}},
    [OSC_A_PARAMS] = {"/aleph/params", {"", 0}},
    [OSC_A_SUBSCRIBE] = {"/aleph/subscribe", {"s", "si", 0}},
    [OSC_A_UNSUBSCRIBE] = {"/aleph/unsubscribe", {"s", "si", 0}},
    [OSC_A_STATS] = {"/aleph/stats", {"", 0}},
    [OSC_A_SCENE_LOAD] = {"/aleph/scene/load", {"s", 0}},
    [OSC_A_SCENE_SAVE] = {"/aleph/scene/save", {"s", 0}},
    [OSC_A_MIDI] = {"/aleph/midi", {"iii", 0}},
    [OSC_A_HID] = {"/aleph/hid", {"ii", 0}},
    [OSC_A_MONOME] = {"/aleph/monome/connect", {"s", "si", "sii", 0}},
    [OSC_A_SYS_PREFIX] = {"/sys/prefix", {"s", 0}},
    [OSC_A_GRID_KEY] = {"/grid/key", {"iii", 0}},
    [OSC_A_ARC_DELTA] = {"/enc/delta", {"ii", 0}},
    [OSC_A_CV_OUT] = {"/aleph/cv/out", {"", 0}},
    [OSC_A_DSP] = {"/aleph/dsp", {"", 0}},
};

/* ---- sending ---- */

static void send_msg(osc_server_t *s, const struct sockaddr_in *to, const char *path,
                     lo_message m) {
  uint8_t buf[2048];
  size_t len = lo_message_length(m, path);
  if (len <= sizeof buf && lo_message_serialise(m, path, buf, &len)) {
    if (s->fd < 0) {
      if (s->send_hook) s->send_hook(s->send_ctx, buf, len, to);
    } else {
      ssize_t r;
      int refused = 0;
      /* ECONNREFUSED is an earlier datagram's (IP_RECVERR reports it once, on the next send,
       * which it fails): this one is sent again */
      do {
        r = sendto(s->fd, buf, len, 0, (const struct sockaddr *)to, sizeof *to);
      } while (r < 0 && (errno == EINTR || (errno == ECONNREFUSED && refused++ < 2)));
    }
    pthread_mutex_lock(&s->lock);
    s->n.sent++;
    pthread_mutex_unlock(&s->lock);
  }
  lo_message_free(m);
}

void osc_send_message(osc_server_t *s, const struct sockaddr_in *to, const char *path,
                      lo_message m) {
  send_msg(s, to, path, m);
}

/* A message from types and the matching variadic arguments (see osc_send). */
static lo_message build(const char *types, va_list ap) {
  lo_message m = lo_message_new();
  const char *t;
  if (!m) return NULL;
  for (t = types; *t; t++) {
    if (*t == 'i') {
      lo_message_add_int32(m, va_arg(ap, int32_t));
    } else if (*t == 's') {
      lo_message_add_string(m, va_arg(ap, const char *));
    } else if (*t == 'f') {
      lo_message_add_float(m, (float)va_arg(ap, double));
    } else if (*t == 'b') {
      int n = va_arg(ap, int);
      const uint8_t *p = va_arg(ap, const uint8_t *);
      lo_blob b = lo_blob_new(n, p);
      if (b) {
        lo_message_add_blob(m, b);
        lo_blob_free(b);
      }
    }
  }
  return m;
}

void osc_send(osc_server_t *s, const struct sockaddr_in *to, const char *path, const char *types,
              ...) {
  va_list ap;
  lo_message m;
  va_start(ap, types);
  m = build(types, ap);
  va_end(ap);
  if (m) send_msg(s, to, path, m);
}

void osc_reply(osc_server_t *s, const struct sockaddr_in *to, const char *path, const char *types,
               ...) {
  struct sockaddr_in copy[OSC_SUBSCRIBERS];
  uint32_t n, i;
  va_list ap;
  pthread_mutex_lock(&s->lock);
  n = s->n_mirror;
  memcpy(copy, s->mirror, n * sizeof copy[0]);
  pthread_mutex_unlock(&s->lock);
  for (i = 0; i <= n; i++) {
    const struct sockaddr_in *dst = i < n ? &copy[i] : to;
    lo_message m;
    if (i < n && dst->sin_port == to->sin_port && dst->sin_addr.s_addr == to->sin_addr.s_addr)
      continue; /* it gets the reply anyway */
    va_start(ap, types);
    m = build(types, ap);
    va_end(ap);
    if (m) send_msg(s, dst, path, m);
  }
}

void osc_error(osc_server_t *s, const struct sockaddr_in *to, const char *fmt, ...) {
  char text[400];
  va_list ap;
  bool log;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  pthread_mutex_lock(&s->lock);
  s->n.errors++;
  log = s->logged < OSC_LOG_LIMIT;
  if (log) s->logged++;
  pthread_mutex_unlock(&s->lock);
  if (log)
    fprintf(stderr, "aleph-sim: osc: %s%s\n", text,
            s->logged == OSC_LOG_LIMIT ? " (further OSC errors are counted, not logged)" : "");
  if (to) osc_reply(s, to, "/aleph/error", "s", text);
}

/* ---- parsing ---- */

/* The address a path names, with prefix the monome prefix in force (the bundle being checked
 * may have changed it). */
static int match_addr(const char *path, const char *prefix) {
  int a;
  size_t pl = strlen(prefix);
  for (a = 0; a < OSC_A_GRID_KEY; a++)
    if (!strcmp(path, OSC_ADDRS[a].path)) return a;
  if (!strncmp(path, prefix, pl))
    for (a = OSC_A_GRID_KEY; a < OSC_A_COUNT; a++)
      if (!strcmp(path + pl, OSC_ADDRS[a].path)) return a;
  return -1;
}

static void want_types(int a, char *out, size_t cap) {
  int k;
  size_t n = 0;
  out[0] = '\0';
  for (k = 0; OSC_ADDRS[a].types[k] && n < cap; k++)
    n += (size_t)snprintf(out + n, cap - n, "%s'%s'", k ? " or " : "", OSC_ADDRS[a].types[k]);
}

static void queue_cmd(osc_server_t *s, const osc_cmd_t *c) {
  bool full;
  pthread_mutex_lock(&s->lock);
  full = s->count >= s->qcap;
  if (full) {
    s->n.overflows++;
  } else {
    s->q[(s->head + s->count) % s->qcap] = *c;
    s->count++;
    s->n.queued++;
    pthread_cond_signal(&s->cond);
  }
  pthread_mutex_unlock(&s->lock);
  if (full)
    osc_error(s, &c->from, "%s: the simulator is busy (queue of %u full); message dropped",
              c->addr == OSC_A_GONE ? "(internal)" : OSC_ADDRS[c->addr].path, s->qcap);
  else if (s->wake)
    s->wake(s->wake_ctx);
}

/* Parses one message and checks it against the address table and the string limits; prefix:
 * the monome prefix in force. true with *cp filled. false after an error reply whose text ends
 * with why (" (in a bundle: ...)" or ""). */
static bool parse_message(osc_server_t *s, const uint8_t *data, size_t len,
                          const struct sockaddr_in *from, const char *prefix, const char *why,
                          osc_cmd_t *cp) {
  const char *path;
  const char *types;
  lo_arg **argv;
  lo_message m;
  int result = 0, a, k, argc;
  bool ok = false;
  m = lo_message_deserialise((void *)data, len, &result);
  if (!m) {
    osc_error(s, from, "not an OSC message (liblo error %d)%s", result, why);
    return false;
  }
  path = lo_get_path((void *)data, (ssize_t)len);
  if (!path) {
    osc_error(s, from, "not an OSC message (no address)%s", why);
    lo_message_free(m);
    return false;
  }
  a = match_addr(path, prefix);
  if (a < 0) {
    osc_error(s, from, "%.200s: unknown address%s", path, why);
    lo_message_free(m);
    return false;
  }
  types = lo_message_get_types(m);
  argc = lo_message_get_argc(m);
  argv = lo_message_get_argv(m);
  for (k = 0; OSC_ADDRS[a].types[k]; k++)
    if (!strcmp(types ? types : "", OSC_ADDRS[a].types[k])) ok = true;
  if (!ok) {
    char want[64];
    want_types(a, want, sizeof want);
    osc_error(s, from, "%s: wrong type tags '%.32s' (want %s)%s", path, types ? types : "", want,
              why);
    lo_message_free(m);
    return false;
  }
  memset(cp, 0, sizeof *cp);
  cp->addr = (uint8_t)a;
  cp->from = *from;
  snprintf(cp->types, sizeof cp->types, "%s", types ? types : "");
  for (k = 0; k < argc; k++) {
    if (types[k] == 'i') {
      memcpy(&cp->i[k], argv[k], sizeof cp->i[k]); /* liblo's args are only 4-byte aligned */
    } else {
      const char *str = (const char *)argv[k];
      size_t n = strlen(str);
      if (n >= OSC_STR_MAX) {
        osc_error(s, from, "%s: argument %d is too long (%zu bytes; at most %u)%s", path, k, n,
                  OSC_STR_MAX - 1u, why);
        lo_message_free(m);
        return false;
      }
      memcpy(cp->s[k], str, n + 1);
    }
  }
  lo_message_free(m);
  if (a == OSC_A_SYS_PREFIX && (cp->s[0][0] != '/' || strlen(cp->s[0]) >= OSC_PREFIX_MAX)) {
    osc_error(s, from, "/sys/prefix: '%s' must start with '/' and be under %u bytes%s", cp->s[0],
              OSC_PREFIX_MAX, why);
    return false;
  }
  return true;
}

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool is_bundle(const uint8_t *data, size_t len) {
  return len >= 8 && !memcmp(data, "#bundle", 8);
}

/* What walking a packet does with each message: check it only (counting the messages to queue),
 * or run its effect (queue it; /sys/prefix takes effect at once, so the messages after it match
 * the new prefix). */
typedef struct {
  bool commit;
  const char *why;               /* appended to error texts */
  char prefix[OSC_PREFIX_MAX];   /* the monome prefix in force at this point of the packet */
  uint32_t to_queue;
} walk_t;

static bool walk(osc_server_t *s, const uint8_t *data, size_t len, const struct sockaddr_in *from,
                 uint32_t depth, walk_t *w) {
  osc_cmd_t *cp = &s->rxcmd;
  if (is_bundle(data, len)) {
    size_t at = 16;
    if (len < 16 || depth > OSC_BUNDLE_DEPTH) {
      osc_error(s, from, "a malformed or too deeply nested bundle%s", w->why);
      return false;
    }
    while (at < len) {
      uint32_t n;
      if (len - at < 4) {
        osc_error(s, from, "a bundle ends in %zu stray bytes%s", len - at, w->why);
        return false;
      }
      n = be32(data + at);
      at += 4;
      if (n > len - at || n % 4) {
        osc_error(s, from, "a bundle element overruns the bundle%s", w->why);
        return false;
      }
      if (!walk(s, data + at, n, from, depth + 1u, w)) return false;
      at += n;
    }
    return true;
  }
  if (!w->commit) {
    pthread_mutex_lock(&s->lock);
    s->n.received++;
    pthread_mutex_unlock(&s->lock);
  }
  if (!parse_message(s, data, len, from, w->prefix, w->why, cp)) return false;
  if (cp->addr == OSC_A_SYS_PREFIX) {
    memcpy(w->prefix, cp->s[0], strlen(cp->s[0]) + 1); /* checked shorter than OSC_PREFIX_MAX */
    if (w->commit) {
      pthread_mutex_lock(&s->lock);
      memcpy(s->prefix, w->prefix, sizeof s->prefix);
      pthread_mutex_unlock(&s->lock);
      osc_reply(s, from, "/sys/prefix", "s", cp->s[0]);
    }
    return true;
  }
  w->to_queue++;
  if (w->commit) queue_cmd(s, cp);
  return true;
}

/* One datagram: a message is checked and queued; a bundle is checked whole (every element, the
 * prefix changes among them followed) and then queued whole, or not at all. */
static void handle_packet(osc_server_t *s, const uint8_t *data, size_t len,
                          const struct sockaddr_in *from) {
  walk_t w;
  uint32_t room;
  memset(&w, 0, sizeof w);
  pthread_mutex_lock(&s->lock);
  memcpy(w.prefix, s->prefix, sizeof w.prefix);
  pthread_mutex_unlock(&s->lock);
  if (!is_bundle(data, len)) {
    w.commit = true;
    w.why = "";
    pthread_mutex_lock(&s->lock);
    s->n.received++;
    pthread_mutex_unlock(&s->lock);
    walk(s, data, len, from, 0, &w);
    return;
  }
  w.why = " (in a bundle: none of it was run)";
  if (!walk(s, data, len, from, 0, &w)) return;
  /* this thread is the only producer: the room seen now can only grow before the queueing */
  pthread_mutex_lock(&s->lock);
  room = s->qcap - s->count;
  if (w.to_queue > room) s->n.overflows += w.to_queue;
  pthread_mutex_unlock(&s->lock);
  if (w.to_queue > room) {
    osc_error(s, from, "a bundle of %u messages: the simulator is busy (room for %u in its "
              "queue of %u); none of it was run", w.to_queue, room, s->qcap);
    return;
  }
  w.commit = true;
  w.to_queue = 0;
  pthread_mutex_lock(&s->lock);
  memcpy(w.prefix, s->prefix, sizeof w.prefix);
  pthread_mutex_unlock(&s->lock);
  walk(s, data, len, from, 0, &w);
}

/* The error queue (IP_RECVERR): an ICMP port or host unreachable for a datagram sent to a
 * subscriber means it went away; the simulation thread drops its subscriptions. */
static void read_errors(osc_server_t *s) {
  for (;;) {
    struct sockaddr_in to;
    char ctrl[512];
    uint8_t dummy[64];
    struct iovec iov = {dummy, sizeof dummy};
    struct msghdr mh;
    struct cmsghdr *cm;
    memset(&mh, 0, sizeof mh);
    mh.msg_name = &to;
    mh.msg_namelen = sizeof to;
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = ctrl;
    mh.msg_controllen = sizeof ctrl;
    if (recvmsg(s->fd, &mh, MSG_ERRQUEUE | MSG_DONTWAIT) < 0) return;
    for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
      struct sock_extended_err ee;
      if (cm->cmsg_level != IPPROTO_IP || cm->cmsg_type != IP_RECVERR) continue;
      memcpy(&ee, CMSG_DATA(cm), sizeof ee);
      if (ee.ee_origin == SO_EE_ORIGIN_ICMP &&
          (ee.ee_errno == ECONNREFUSED || ee.ee_errno == EHOSTUNREACH) &&
          mh.msg_namelen >= sizeof to && to.sin_family == AF_INET) {
        osc_cmd_t gone;
        memset(&gone, 0, sizeof gone);
        gone.addr = OSC_A_GONE;
        gone.from = to;
        queue_cmd(s, &gone);
      }
    }
  }
}

static void *receive_thread(void *arg) {
  osc_server_t *s = arg;
  uint8_t *buf = s->rxbuf;
  while (!s->stop) {
    struct pollfd pfd = {s->fd, POLLIN, 0};
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    ssize_t n;
    if (poll(&pfd, 1, 100) <= 0) continue;
    if (pfd.revents & POLLERR) read_errors(s);
    if (!(pfd.revents & POLLIN)) continue;
    n = recvfrom(s->fd, buf, OSC_RXBUF_BYTES, MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
    if (n <= 0 || from.sin_family != AF_INET) continue;
    handle_packet(s, buf, (size_t)n, &from);
  }
  return NULL;
}

void osc_server_receive(osc_server_t *s, const uint8_t *data, size_t len,
                        const struct sockaddr_in *from) {
  handle_packet(s, data, len, from);
}

/* ---- lifecycle ---- */

/* The parts every server has: the queue, the lock, the prefix, the engine hooks. NULL if out
 * of memory. */
static osc_server_t *server_new(engine_t *e, uint32_t qcap) {
  osc_server_t *s = calloc(1, sizeof *s);
  if (s) s->q = calloc(qcap, sizeof *s->q);
  if (!s || !s->q) {
    free(s);
    return NULL;
  }
  s->e = e;
  s->qcap = qcap;
  s->fd = -1;
  snprintf(s->prefix, sizeof s->prefix, "/monome");
  pthread_mutex_init(&s->lock, NULL);
  pthread_cond_init(&s->cond, NULL);
  s->next_stats = e->now + OSC_STATS_PERIOD_MS;
  osc_observe_hook(s);
  return s;
}

static void server_free(osc_server_t *s) {
  osc_observe_unhook(s);
  free(s->scene_dir);
  if (s->fd >= 0) close(s->fd);
  free(s->rxbuf);
  pthread_mutex_destroy(&s->lock);
  pthread_cond_destroy(&s->cond);
  free(s->q);
  free(s);
}

osc_server_t *osc_server_new_detached(engine_t *e, osc_send_fn send, void *ctx) {
  osc_server_t *s = server_new(e, OSC_QUEUE_CAP_DETACHED);
  if (!s) return NULL;
  s->send_hook = send;
  s->send_ctx = ctx;
  s->logged = OSC_LOG_LIMIT; /* errors reach the caller as replies; none are logged */
  return s;
}

bool osc_server_set_scene_dir(osc_server_t *s, const char *dir) {
  char *copy = dir ? strdup(dir) : NULL;
  if (dir && !copy) return false;
  free(s->scene_dir);
  s->scene_dir = copy;
  return true;
}

osc_server_t *osc_server_start(engine_t *e, const char *host, int port, char *err, size_t errlen) {
  osc_server_t *s;
  struct sockaddr_in sa;
  socklen_t sl = sizeof sa;
  int rcvbuf = 4 << 20, one = 1;
  if (port < 0 || port > 65535) {
    snprintf(err, errlen, "OSC port %d is not 0..65535", port);
    return NULL;
  }
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, host ? host : OSC_DEFAULT_HOST, &sa.sin_addr) != 1) {
    snprintf(err, errlen, "OSC host '%s' is not an IPv4 address such as 127.0.0.1", host);
    return NULL;
  }
  s = server_new(e, OSC_QUEUE_CAP);
  if (s && !(s->rxbuf = malloc(OSC_RXBUF_BYTES))) {
    server_free(s);
    s = NULL;
  }
  if (!s) {
    snprintf(err, errlen, "out of memory for the OSC server");
    return NULL;
  }
  s->fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (s->fd < 0 || bind(s->fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
      getsockname(s->fd, (struct sockaddr *)&sa, &sl) != 0) {
    snprintf(err, errlen, "cannot listen for OSC on %s:%d: %s", host ? host : OSC_DEFAULT_HOST,
             port, strerror(errno));
    server_free(s);
    return NULL;
  }
  setsockopt(s->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  /* ICMP errors for what we send (a subscriber gone) come back on the error queue */
  setsockopt(s->fd, IPPROTO_IP, IP_RECVERR, &one, sizeof one);
  s->port = ntohs(sa.sin_port);
  if (pthread_create(&s->thread, NULL, receive_thread, s) != 0) {
    snprintf(err, errlen, "cannot start the OSC thread");
    server_free(s);
    return NULL;
  }
  s->threaded = true;
  return s;
}

void osc_server_stop(osc_server_t *s) {
  if (!s) return;
  s->stop = 1;
  if (s->threaded) pthread_join(s->thread, NULL);
  server_free(s);
}

int osc_server_port(const osc_server_t *s) { return s->port; }

void osc_server_set_wake(osc_server_t *s, void (*fn)(void *ctx), void *ctx) {
  pthread_mutex_lock(&s->lock);
  s->wake = fn;
  s->wake_ctx = ctx;
  pthread_mutex_unlock(&s->lock);
}

void osc_server_counters(osc_server_t *s, osc_counters_t *out) {
  pthread_mutex_lock(&s->lock);
  *out = s->n;
  pthread_mutex_unlock(&s->lock);
}

void osc_monome_prefix(osc_server_t *s, char *out, size_t cap) {
  pthread_mutex_lock(&s->lock);
  snprintf(out, cap, "%s", s->prefix);
  pthread_mutex_unlock(&s->lock);
}

/* ---- the simulation thread's side ---- */

void osc_server_pump(osc_server_t *s) {
  osc_cmd_t *c = &s->runcmd;
  for (;;) {
    pthread_mutex_lock(&s->lock);
    if (!s->count) {
      pthread_mutex_unlock(&s->lock);
      break;
    }
    *c = s->q[s->head];
    s->head = (s->head + 1u) % s->qcap;
    s->count--;
    s->n.run++;
    pthread_mutex_unlock(&s->lock);
    osc_run(s, c);
  }
  osc_observe_flush(s);
}

bool osc_server_wait(osc_server_t *s, uint32_t ms) {
  struct timespec until;
  bool any;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_nsec += (long)(ms % 1000u) * 1000000L;
  until.tv_sec += (time_t)(ms / 1000u) + until.tv_nsec / 1000000000L;
  until.tv_nsec %= 1000000000L;
  pthread_mutex_lock(&s->lock);
  while (!s->count) {
    if (pthread_cond_timedwait(&s->cond, &s->lock, &until) != 0) break;
  }
  any = s->count > 0;
  pthread_mutex_unlock(&s->lock);
  return any;
}
