/* SPDX-License-Identifier: MIT */
/* osc_internal.h: what the OSC server's files share: the server struct, the parsed message, the
 * address table, sending, name resolution and observation. Not for use outside sim/osc_*.c. */
#ifndef ALEPH_SIM_OSC_INTERNAL_H
#define ALEPH_SIM_OSC_INTERNAL_H

#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include <lo/lo.h>

#include "engine.h"
#include "net_refs.h"
#include "osc_server.h"
#include "screen.h"
#include "services.h"

#define OSC_STR_MAX 128u   /* strings of 128 bytes or more are refused */
#define OSC_MAX_ARGS 4u
#define OSC_QUEUE_CAP 4096u
#define OSC_QUEUE_CAP_DETACHED 64u /* a detached server's caller pumps after each datagram */
#define OSC_RXBUF_BYTES 65536u     /* the largest UDP datagram */
#define OSC_SUBSCRIBERS 16u
#define OSC_PREFIX_MAX 64u
#define OSC_STATS_PERIOD_MS 1000u
#define OSC_LOG_LIMIT 50u  /* error log lines before they are only counted */
#define OSC_BUNDLE_DEPTH 4u /* bundles in bundles deeper than this are refused */

/* Addresses (osc_server.c's table). */
typedef enum {
  OSC_A_ENC, OSC_A_SW, OSC_A_FS, OSC_A_CV, OSC_A_PING, OSC_A_OPS, OSC_A_OP_ADD, OSC_A_OP_REMOVE,
  OSC_A_OP_PORTS, OSC_A_CONNECT, OSC_A_CONNECT_PARAM, OSC_A_DISCONNECT, OSC_A_IN, OSC_A_IN_GET,
  OSC_A_PARAM, OSC_A_PARAMS, OSC_A_SUBSCRIBE, OSC_A_UNSUBSCRIBE, OSC_A_STATS, OSC_A_SCENE_LOAD,
  OSC_A_SCENE_SAVE, OSC_A_MIDI, OSC_A_HID, OSC_A_MONOME, OSC_A_SYS_PREFIX, OSC_A_CV_OUT, OSC_A_DSP,
  OSC_A_GRID_KEY, OSC_A_ARC_DELTA, /* these two under the monome prefix */
  OSC_A_COUNT,
  OSC_A_GONE = OSC_A_COUNT /* internal, never in the table: the address in `from` went away
                              (ICMP port unreachable): its subscriptions are dropped */
} osc_addr_t;

typedef struct {
  const char *path;       /* for OSC_A_GRID_KEY/ARC_DELTA: the part after the prefix */
  const char *types[4];   /* accepted type tag strings ("" = no arguments), NULL-terminated */
} osc_addr_info_t;
extern const osc_addr_info_t OSC_ADDRS[OSC_A_COUNT];

/* One parsed message. Argument k is i[k] ('i') or s[k] ('s'). */
typedef struct {
  uint8_t addr;
  char types[OSC_MAX_ARGS + 1];
  int32_t i[OSC_MAX_ARGS];
  char s[OSC_MAX_ARGS][OSC_STR_MAX];
  struct sockaddr_in from;
} osc_cmd_t;

/* Topics a subscriber can ask for. */
enum {
  OSC_T_OUTPUTS = 1u << 0, OSC_T_INPUTS = 1u << 1, OSC_T_PARAMS = 1u << 2,
  OSC_T_SCREEN = 1u << 3, OSC_T_GRID = 1u << 4, OSC_T_ARC = 1u << 5, OSC_T_MIDI = 1u << 6,
  OSC_T_STATS = 1u << 7,
  OSC_T_REPLIES = 1u << 8, /* copies of every reply and error, to anyone */
  OSC_T_CV = 1u << 9,      /* the DSP's CV outputs when they change */
  OSC_T_ALL = 0xFFu | OSC_T_CV /* "all": the observation topics (not replies) */
};
typedef struct {
  struct sockaddr_in addr;
  uint32_t topics; /* 0: free slot */
} osc_sub_t;

struct osc_server {
  engine_t *e;
  int fd, port;    /* fd -1: detached (no socket; replies go to send_hook) */
  pthread_t thread;
  bool threaded;   /* the receive thread runs */
  volatile int stop;
  osc_send_fn send_hook;
  void *send_ctx;
  char *scene_dir; /* scene load and save stay inside it; NULL: refused (simulation thread) */
  /* the queue, receive thread -> simulation thread */
  pthread_mutex_t lock;
  pthread_cond_t cond;
  osc_cmd_t *q;
  uint32_t qcap, head, count;
  char prefix[OSC_PREFIX_MAX]; /* monome prefix ("/monome"), under lock */
  void (*wake)(void *ctx);
  void *wake_ctx;
  osc_counters_t n; /* under lock */
  uint32_t logged;  /* under lock */
  struct sockaddr_in mirror[OSC_SUBSCRIBERS]; /* "replies" subscribers, under lock */
  uint32_t n_mirror;
  /* receive thread only */
  uint8_t *rxbuf; /* OSC_RXBUF_BYTES (servers with a socket) */
  osc_cmd_t rxcmd;
  /* simulation thread only */
  osc_cmd_t runcmd;
  osc_sub_t subs[OSC_SUBSCRIBERS];
  uint32_t topics; /* union of subscribers' topics */
  net_watch_fn prev_watch;
  void *prev_watch_ctx;
  const net_services_t *prev_services;
  net_services_t services;
  uint32_t screen_changes;
  bool screen_valid;
  uint8_t screen[SCREEN_W * SCREEN_H];
  bool grid_valid, arc_valid;
  uint8_t grid[256];
  uint8_t arc[4][64];
  uint32_t next_stats;
  int32_t cv_mv[4];   /* the CV outputs last pushed, millivolts */
  bool cv_valid;
};

/* ---- sending (any thread) ---- */
/* Sends path with args built from types: 'i' int32_t, 's' const char *, 'b' (int len,
 * const uint8_t *), 'f' double (a float argument). */
void osc_send(osc_server_t *s, const struct sockaddr_in *to, const char *path, const char *types,
              ...);
/* Sends a built message and frees it. */
void osc_send_message(osc_server_t *s, const struct sockaddr_in *to, const char *path,
                      lo_message m);
/* osc_send for a reply to a request: also copied to the "replies" subscribers. */
void osc_reply(osc_server_t *s, const struct sockaddr_in *to, const char *path, const char *types,
               ...);
/* /aleph/error s to `to` (if non-NULL, as a reply) and a log line. */
void osc_error(osc_server_t *s, const struct sockaddr_in *to, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- simulation thread ---- */
void osc_run(osc_server_t *s, const osc_cmd_t *c);
/* Observation: the net watch (chained before the engine's), the MIDI out service, and pushes. */
void osc_observe_hook(osc_server_t *s);
void osc_observe_unhook(osc_server_t *s);
void osc_observe_flush(osc_server_t *s);
/* /aleph/stats to `to`: a reply (copied to "replies" subscribers) or a push. */
void osc_send_stats(osc_server_t *s, const struct sockaddr_in *to, bool reply);
/* /aleph/cv/out f f f f (volts) to `to`: a reply or a push. */
void osc_send_cv(osc_server_t *s, const struct sockaddr_in *to, bool reply);
void osc_monome_prefix(osc_server_t *s, char *out, size_t cap);

#endif
