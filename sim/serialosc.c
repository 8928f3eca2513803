/* SPDX-License-Identifier: MIT */
/* serialosc.c: the serialosc client: discovery, claiming, keys and ring turns in, LEDs out,
 * plugging and unplugging (serialosc.h). */
#define _POSIX_C_SOURCE 200809L
#include "serialosc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <lo/lo.h>

#include "monome.h"
#include "monome_leds.h"

#define ID_MAX 64u
#define ASK_AGAIN_MS 3000u /* while a wanted device is missing, list again this often */

typedef struct {
  bool wanted;
  const char *want_id;     /* NULL: any */
  const char *prefix;
  monome_kind_t kind;
  char id[ID_MAX];         /* "" while none is claimed */
  int port;                /* the device's port (on 127.0.0.1) */
  uint8_t rings;           /* arc: from the type name */
  bool plugged;            /* a SIM_EV_MONOME plugged it into the simulation */
  bool shown_valid;        /* the device shows shown[] */
  uint8_t shown[256];
  uint8_t ring_shown[4][64];
} device_t;

struct serialosc {
  engine_t *e;
  int fd;          /* UDP, bound to 127.0.0.1: serialosc and its devices are on this machine */
  int port;        /* fd's port */
  int daemon_port; /* serialoscd's */
  bool quiet;
  uint32_t next_ask;
  device_t dev[2]; /* grid, arc */
};

static void say(const serialosc_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const serialosc_t *c, const char *fmt, ...) {
  va_list ap;
  if (c->quiet) return;
  fprintf(stderr, "aleph-sim: serialosc: ");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

static void push(serialosc_t *c, uint8_t kind, uint16_t index, int32_t value) {
  sim_event_t ev;
  memset(&ev, 0, sizeof ev);
  ev.t = c->e->now;
  ev.kind = kind;
  ev.index = index;
  ev.value = (int16_t)value;
  if (!engine_push(c->e, &ev) && !c->quiet)
    fprintf(stderr, "aleph-sim: serialosc: the event queue is full; a device event was lost\n");
}

/* Sends m (freed) to 127.0.0.1:port. A lost datagram is serialosc's own risk too. */
static void send_msg(serialosc_t *c, int port, const char *path, lo_message m) {
  uint8_t buf[1024];
  size_t len;
  struct sockaddr_in to;
  if (!m) return;
  len = lo_message_length(m, path);
  if (len <= sizeof buf && lo_message_serialise(m, path, buf, &len)) {
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_port = htons((uint16_t)port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ssize_t r;
    int refused = 0;
    /* ECONNREFUSED is an earlier datagram's (a device gone): this one is sent again */
    do {
      r = sendto(c->fd, buf, len, 0, (const struct sockaddr *)&to, sizeof to);
    } while (r < 0 && (errno == EINTR || (errno == ECONNREFUSED && refused++ < 2)));
  }
  lo_message_free(m);
}

/* send_msg with arguments: 'i' int, 's' string. */
static void send_args(serialosc_t *c, int port, const char *path, const char *types, ...) {
  lo_message m = lo_message_new();
  va_list ap;
  const char *t;
  if (!m) return;
  va_start(ap, types);
  for (t = types; *t; t++) {
    if (*t == 'i')
      lo_message_add_int32(m, va_arg(ap, int));
    else
      lo_message_add_string(m, va_arg(ap, const char *));
  }
  va_end(ap);
  send_msg(c, port, path, m);
}

/* Asks serialoscd for its devices and for the next plug or unplug. */
static void ask(serialosc_t *c) {
  send_args(c, c->daemon_port, "/serialosc/list", "si", "127.0.0.1", c->port);
  send_args(c, c->daemon_port, "/serialosc/notify", "si", "127.0.0.1", c->port);
  c->next_ask = c->e->now + ASK_AGAIN_MS;
}

static void release(serialosc_t *c, device_t *d, bool unplugged) {
  if (!d->id[0]) return;
  say(c, "%s %s", d->id, unplugged ? "unplugged" : "released");
  if (d->plugged) push(c, SIM_EV_MONOME, (uint16_t)d->kind, 0); /* that kind unplugged */
  d->port = 0;
  d->id[0] = '\0';
  d->plugged = false;
  d->shown_valid = false;
}

/* /serialosc/device (or a full /serialosc/add): claim it if it is one we want. */
static void offered(serialosc_t *c, const char *id, const char *type, int port) {
  bool arc = strstr(type, "arc") != NULL;
  device_t *d = &c->dev[arc ? 1 : 0];
  if (!d->wanted || d->id[0] || (d->want_id && strcmp(d->want_id, id))) return;
  if (port <= 0 || port > 65535) return;
  snprintf(d->id, sizeof d->id, "%s", id);
  d->port = port;
  d->shown_valid = false;
  send_args(c, port, "/sys/port", "i", c->port);
  send_args(c, port, "/sys/host", "s", "127.0.0.1");
  send_args(c, port, "/sys/prefix", "s", d->prefix);
  send_args(c, port, "/sys/info", "si", "127.0.0.1", c->port);
  say(c, "claimed %s (%s)", id, type);
  if (arc) { /* "monome arc 2" has two rings; the others four */
    d->rings = strstr(type, "arc 2") ? 2 : 4;
    push(c, SIM_EV_MONOME, MONOME_ARC, d->rings);
    d->plugged = true;
  }
}

/* The device a message came from (by its source port), or NULL. */
static device_t *from_device(serialosc_t *c, int port) {
  int k;
  for (k = 0; k < 2; k++)
    if (c->dev[k].id[0] && c->dev[k].port == port) return &c->dev[k];
  return NULL;
}

static bool is(const char *path, const char *prefix, const char *tail) {
  size_t n = strlen(prefix);
  return !strncmp(path, prefix, n) && !strcmp(path + n, tail);
}

/* liblo's arguments are only 4-byte aligned: read them by copying, never through lo_arg */
static int32_t arg_i(lo_arg **argv, int k) {
  int32_t v;
  memcpy(&v, argv[k], sizeof v);
  return v;
}
static const char *arg_s(lo_arg **argv, int k) { return (const char *)argv[k]; }

/* One message from 127.0.0.1:from. */
static void handle(serialosc_t *c, const char *path, const char *types, lo_arg **argv, int from) {
  device_t *grid = &c->dev[0], *arc = &c->dev[1], *d;
  if (!strcmp(path, "/serialosc/device") && !strcmp(types, "ssi")) {
    offered(c, arg_s(argv, 0), arg_s(argv, 1), arg_i(argv, 2));
  } else if (!strcmp(path, "/serialosc/add") || !strcmp(path, "/serialosc/remove")) {
    bool add = path[11] == 'a';
    int k;
    if (types[0] != 's') return;
    /* notifications are one-shot: ask for the next one */
    send_args(c, c->daemon_port, "/serialosc/notify", "si", "127.0.0.1", c->port);
    if (add) {
      if (!strcmp(types, "ssi"))
        offered(c, arg_s(argv, 0), arg_s(argv, 1), arg_i(argv, 2));
      else
        ask(c); /* older serialosc names only the id: the list tells the rest */
    } else {
      for (k = 0; k < 2; k++)
        if (c->dev[k].id[0] && !strcmp(c->dev[k].id, arg_s(argv, 0))) release(c, &c->dev[k], true);
      ask(c); /* another device of the kind may be there */
    }
  } else if (!strcmp(path, "/sys/size") && !strcmp(types, "ii")) {
    d = from_device(c, from);
    if (d == grid) {
      int cols = arg_i(argv, 0), rows = arg_i(argv, 1);
      if ((cols == 8 && rows == 8) || (cols == 16 && rows == 8) || (cols == 16 && rows == 16)) {
        push(c, SIM_EV_MONOME, MONOME_GRID, cols | rows << 8);
        grid->plugged = true;
        grid->shown_valid = false;
      } else {
        say(c, "%s is %dx%d: bees drives grids of 8x8, 16x8 and 16x16 only", grid->id, cols, rows);
      }
    }
  } else if (grid->id[0] && is(path, grid->prefix, "/grid/key") && !strcmp(types, "iii")) {
    const struct monome *m = &c->e->monome;
    if (grid->plugged && arg_i(argv, 0) >= 0 && arg_i(argv, 0) < m->cols && arg_i(argv, 1) >= 0 &&
        arg_i(argv, 1) < m->rows)
      push(c, SIM_EV_GRID_KEY, (uint16_t)(arg_i(argv, 0) + 16 * arg_i(argv, 1)), arg_i(argv, 2) ? 1 : 0);
  } else if (arc->id[0] && is(path, arc->prefix, "/enc/delta") && !strcmp(types, "ii")) {
    int delta = arg_i(argv, 1);
    if (arc->plugged && arg_i(argv, 0) >= 0 && arg_i(argv, 0) < arc->rings)
      push(c, SIM_EV_ARC, (uint16_t)arg_i(argv, 0), delta < -128 ? -128 : delta > 127 ? 127 : delta);
  }
  /* the rest (/sys/id, /sys/host, /sys/port, /sys/prefix, /sys/rotation, arc keys, tilt) is
   * not needed */
}

serialosc_t *serialosc_start(engine_t *e, const serialosc_config_t *cfg, char *err,
                             size_t errlen) {
  serialosc_t *c = calloc(1, sizeof *c);
  struct sockaddr_in a;
  socklen_t alen = sizeof a;
  if (!c) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  c->e = e;
  c->quiet = cfg->quiet;
  c->daemon_port = cfg->daemon_port ? cfg->daemon_port : SERIALOSC_PORT;
  c->fd = socket(AF_INET, SOCK_DGRAM, 0);
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (c->fd < 0 || bind(c->fd, (struct sockaddr *)&a, sizeof a) < 0 ||
      getsockname(c->fd, (struct sockaddr *)&a, &alen) < 0 ||
      fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK) < 0) {
    snprintf(err, errlen, "serialosc: cannot open a UDP port on 127.0.0.1: %s", strerror(errno));
    if (c->fd >= 0) close(c->fd);
    free(c);
    return NULL;
  }
  c->port = ntohs(a.sin_port);
  c->dev[0] = (device_t){.wanted = cfg->grid, .want_id = cfg->grid_id,
                         .prefix = SERIALOSC_GRID_PREFIX, .kind = MONOME_GRID};
  c->dev[1] = (device_t){.wanted = cfg->arc, .want_id = cfg->arc_id,
                         .prefix = SERIALOSC_ARC_PREFIX, .kind = MONOME_ARC};
  ask(c);
  return c;
}

/* Sends the level messages that bring the device to what the simulation shows. */
static void send_leds(serialosc_t *c, device_t *d, const mled_msg_t *msgs, uint32_t n) {
  char sub[32], path[96];
  uint32_t k;
  for (k = 0; k < n; k++) {
    lo_message m = mled_message(&msgs[k], true, sub, sizeof sub);
    if (!m) continue;
    snprintf(path, sizeof path, "%s%s", d->prefix, sub);
    send_msg(c, d->port, path, m);
  }
}

void serialosc_pump(serialosc_t *c) {
  const struct monome *m;
  device_t *grid, *arc;
  mled_msg_t msgs[MLED_GRID_MSGS_MAX];
  uint32_t n, budget = 256; /* datagrams per pass: a flood cannot stall the simulation */
  if (!c) return;
  while (budget--) {
    uint8_t buf[2048];
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    ssize_t len = recvfrom(c->fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    lo_message msg;
    int result = 0;
    if (len < 0) {
      if (errno == EINTR || errno == ECONNREFUSED) continue; /* ICMP for an earlier send */
      break;
    }
    msg = lo_message_deserialise(buf, (size_t)len, &result);
    if (!msg) continue; /* not an OSC message (serialosc sends no bundles) */
    handle(c, lo_get_path(buf, len), lo_message_get_types(msg), lo_message_get_argv(msg),
           ntohs(from.sin_port));
    lo_message_free(msg);
  }
  m = &c->e->monome;
  grid = &c->dev[0];
  arc = &c->dev[1];
  if ((grid->wanted && !grid->id[0]) || (arc->wanted && !arc->id[0]))
    if ((int32_t)(c->e->now - c->next_ask) >= 0) ask(c);
  if (grid->plugged && grid->port && monome_has_grid(m)) {
    n = mled_grid_diff(grid->shown, monome_grid_leds(m), m->cols, m->rows, grid->shown_valid,
                       msgs);
    grid->shown_valid = true;
    send_leds(c, grid, msgs, n);
  }
  if (arc->plugged && arc->port && monome_has_arc(m)) {
    n = mled_arc_diff(arc->ring_shown, (const uint8_t (*)[64])m->arc, m->rings, arc->shown_valid,
                      msgs);
    arc->shown_valid = true;
    send_leds(c, arc, msgs, n);
  }
}

void serialosc_stop(serialosc_t *c) {
  int k;
  if (!c) return;
  for (k = 0; k < 2; k++) {
    device_t *d = &c->dev[k];
    if (d->port && d->id[0]) { /* leave the device dark */
      char path[96];
      if (d->kind == MONOME_GRID) {
        snprintf(path, sizeof path, "%s/grid/led/level/all", d->prefix);
        send_args(c, d->port, path, "i", 0);
      } else {
        int r;
        snprintf(path, sizeof path, "%s/ring/all", d->prefix);
        for (r = 0; r < d->rings; r++) send_args(c, d->port, path, "ii", r, 0);
      }
    }
  }
  close(c->fd);
  free(c);
}

int serialosc_port(const serialosc_t *c) { return c ? c->port : -1; }
bool serialosc_has_grid(const serialosc_t *c) { return c && c->dev[0].plugged; }
bool serialosc_has_arc(const serialosc_t *c) { return c && c->dev[1].plugged; }
