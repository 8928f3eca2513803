/* SPDX-License-Identifier: MIT */
/* fuzz_osc.c: aleph-sim's OSC message handler on arbitrary datagrams. The input is a session:
 * datagrams, each a 2-byte big-endian length and that many bytes (the last takes what is left).
 * Each goes through the server's own entry point (osc_server_receive: liblo parsing, the address
 * table, type tags, string lengths, #bundle nesting, /sys/prefix), then osc_server_pump runs
 * what was queued as the simulation thread does: names resolved against a real engine's net
 * (sim/engine.h, the demo network loaded), changes applied through the engine's event queue,
 * replies sent. The server is detached: no socket; replies and observations go to a sink that
 * checks each is a well-formed OSC message. Scene load and save are refused (no file access
 * while fuzzing; the editor, reachable through MODE, has no scene store here, so its SCENES page
 * cannot save either). After every datagram the virtual clock moves on 10 ms and the net
 * (net_check) and the pools (pool_check: the engine's core is the release flavour, so the
 * structure) must be consistent; at the end both nets are cleared and nothing may be left in
 * the pools. Every input starts from the same engine state (a pristine copy restored), so a
 * crash replays alone. */
#include <arpa/inet.h>
#include <lo/lo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "osc_server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_require.h"

/* The shipped plan in an arena of 256 KiB (a fresh arena per input, so it is kept small). */
#define ARENA_BYTES (256u << 10)
#define MAX_DATAGRAMS 128u

static uint32_t replies;

/* Every reply the server serialises must parse back as an OSC message. */
static void sink(void *ctx, const uint8_t *msg, size_t len, const struct sockaddr_in *to) {
  int result = 0;
  lo_message m = lo_message_deserialise((void *)msg, len, &result);
  (void)ctx;
  (void)to;
  FUZZ_REQUIRE(m != NULL);
  lo_message_free(m);
  replies++;
}

static void consistent(engine_t *e) {
  FUZZ_REQUIRE(net_check(engine_net(e)) == NET_OK);
  FUZZ_REQUIRE(pool_check(e->sys.pool, 0) == POOL_OK);
}

/* The engine with the demo loaded, made once; every input starts from a copy of it (the engine
 * struct and its arena restored byte for byte at the same address: the pointers into the arena
 * stay valid), which is what a fresh engine_init gives, without a fresh 2 MB arena per input. */
static engine_t e, pristine;
static uint8_t *pristine_arena;

static void fresh_engine(void) {
  char err[256];
  if (!pristine_arena) {
    if (!engine_init_plan(&e, ARENA_BYTES, true, NULL, err, sizeof err) ||
        !engine_load_demo(&e, err, sizeof err)) {
      fprintf(stderr, "%s\n", err);
      abort();
    }
    pristine = e;
    pristine_arena = malloc(ARENA_BYTES);
    FUZZ_REQUIRE(pristine_arena != NULL);
    memcpy(pristine_arena, e.sys.host.platform.arena, ARENA_BYTES);
    return;
  }
  e = pristine;
  memcpy(e.sys.host.platform.arena, pristine_arena, ARENA_BYTES);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  osc_server_t *s;
  struct sockaddr_in from;
  uint32_t n = 0;
  memset(&from, 0, sizeof from);
  from.sin_family = AF_INET;
  from.sin_port = htons(57120);
  from.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  fresh_engine();
  s = osc_server_new_detached(&e, sink, NULL);
  FUZZ_REQUIRE(s != NULL);
  /* no osc_server_set_scene_dir: scene load and save are refused */
  while (size && n++ < MAX_DATAGRAMS) {
    size_t len = size >= 2 ? (size_t)data[0] << 8 | data[1] : 0;
    data += size >= 2 ? 2 : size;
    size -= size >= 2 ? 2 : size;
    if (len > size) len = size;
    osc_server_receive(s, data, len, &from);
    data += len;
    size -= len;
    osc_server_pump(s);
    engine_tick(&e, e.now + 10u);
    consistent(&e);
  }
  osc_server_stop(s);
  consistent(&e);
  /* leak-free: every live block is the running net's (its ops, params and preset entries) */
  {
    pool_stats_t ps;
    pool_get_stats(e.sys.pool, &ps);
    FUZZ_REQUIRE(ps.used_bytes == net_pool_bytes(engine_net(&e)));
  }
  net_clear(engine_net(&e));
  scene_slot_discard(&e.sys.slot);
  FUZZ_REQUIRE(pool_foreach_live(e.sys.pool, 0, 0) == 0);
  return 0;
}
