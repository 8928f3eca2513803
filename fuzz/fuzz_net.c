/* SPDX-License-Identifier: MIT */
/* fuzz_net.c: the pools and the network under arbitrary operation sequences. The input is a
 * program: each step reads an opcode and its operands from the bytes (running out reads 0) and
 * adds, inserts or removes ops, connects and disconnects outputs, activates and increments
 * inputs and params, stores, recalls and edits presets, adds params, advances the clock, turns
 * encoders and presses switches. After every step net_check() and pool_check_live() (debug
 * pools: the bookkeeping and every live op's canaries) must pass and no fault may have been
 * reported; a write into a free block is caught when the block is handed out again (its poison
 * is checked then) or by the full pool_check() at the end of the input, after the net is cleared,
 * when nothing may be left in the pools. (The full scan after every step was 80 KB of free
 * blocks 256 times per input, a third of the time.) The pools are small (bees 0.8-sized), so
 * exhaustion and spills are part of the game. */
#include <string.h>

#include "fuzz_common.h"
#include "op_catalog.h"
#include "op_timer.h"
#include "preset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
  const uint8_t *p;
  size_t n;
} reader_t;

static uint8_t get8(reader_t *r) {
  if (!r->n) return 0;
  r->n--;
  return *r->p++;
}
static uint16_t get16(reader_t *r) {
  uint16_t lo = get8(r);
  return (uint16_t)(lo | (uint16_t)(get8(r) << 8));
}

#define MAX_STEPS 256u

typedef struct {
  void *arena;
  pool_t *pool;
  net_t *net;
  platform_t platform;
  screen_t screen;
  uint32_t faults;
} ops_world_t;

static void ops_fault(void *ctx, const char *what) {
  ops_world_t *w = ctx;
  w->faults++;
  fprintf(stderr, "core fault: %s\n", what);
}

static ops_world_t *ops_world(void) {
  static ops_world_t *w;
  /* a heap of 96 KiB: a few dozen ops of any class, and runs out now and then */
  const net_limits_t lim = NET_LIMITS_BEES08;
  uint32_t psize, nsize;
  if (w) return w;
  w = calloc(1, sizeof *w);
  psize = (pool_region_size(96u << 10, 0) + 7u) & ~7u;
  nsize = net_region_size(&lim);
  w->arena = aligned_alloc(8, ((size_t)psize + nsize + 7u) & ~(size_t)7u);
  w->platform.fault = ops_fault;
  w->platform.ctx = w;
  FUZZ_REQUIRE(pool_init(w->arena, psize, 0, &w->platform, &w->pool) == POOL_OK);
  FUZZ_REQUIRE(net_init((uint8_t *)w->arena + psize, nsize, &lim, w->pool, &w->platform,
                        &w->net) == NET_OK);
  net_attach_screen(w->net, &w->screen);
  return w;
}

static void step(ops_world_t *w, reader_t *r) {
  net_t *net = w->net;
  uint16_t ops = net_op_count(net), ins = net_in_count(net), outs = net_out_count(net);
  uint16_t params = net_param_count(net);
  uint8_t code = get8(r);
  switch (code % 14u) {
    case 0: { /* add or insert an op */
      uint8_t id = get8(r);
      uint16_t at = (uint16_t)(get8(r) % (ops + 2u)), idx;
      uint16_t before = net_op_count(net);
      net_status_t st = net_add_op(net, (op_id_t)(id % (OP_CLASS_COUNT + 2u)), at, &idx);
      FUZZ_REQUIRE(net_op_count(net) == before + (st == NET_OK ? 1u : 0u));
      break;
    }
    case 1: { /* remove an op */
      uint16_t idx = (uint16_t)(get8(r) % (ops + 1u)), before = net_op_count(net);
      net_status_t st = net_remove_op(net, idx);
      FUZZ_REQUIRE(net_op_count(net) == before - (st == NET_OK ? 1u : 0u));
      break;
    }
    case 2: { /* connect (targets: inputs, params, none, out of range) */
      uint16_t out = (uint16_t)(get16(r) % (outs + 1u));
      int32_t target = (int32_t)(get16(r) % (ins + params + 2u)) - 1;
      if (net_connect(net, out, target) == NET_OK) FUZZ_REQUIRE(net_target(net, out) == target);
      break;
    }
    case 3:
      net_disconnect(net, (uint16_t)(get16(r) % (outs + 1u)));
      break;
    case 4: { /* activate an input or param */
      uint16_t in = (uint16_t)(get16(r) % (ins + params + 1u));
      net_activate(net, in, (io_t)get16(r));
      break;
    }
    case 5: {
      uint16_t in = (uint16_t)(get16(r) % (ins + params + 1u));
      net_increment(net, in, (io_t)get16(r));
      break;
    }
    case 6: { /* presets */
      uint8_t what = get8(r);
      uint16_t p = (uint16_t)(get8(r) % (NET_PRESETS + 1u));
      switch (what % 7u) {
        case 0: preset_store(net, p); break;
        case 1: preset_recall(net, p); break;
        case 2: preset_include_in(net, p, (uint16_t)(get16(r) % (ins + params + 1u)), get8(r) & 1u); break;
        case 3: preset_include_out(net, p, (uint16_t)(get16(r) % (outs + 1u)), get8(r) & 1u); break;
        case 4: preset_select(net, p); break;
        case 5: preset_set_in(net, p, (uint16_t)(get16(r) % (ins + params + 1u)), (io_t)get16(r)); break;
        default: {
          char name[20];
          uint8_t k, len = (uint8_t)(get8(r) % sizeof name);
          for (k = 0; k < len; k++) name[k] = (char)(get8(r) | 1u);
          name[len] = '\0';
          preset_set_name(net, p, name);
          break;
        }
      }
      break;
    }
    case 7:
      net_advance(net, net_now(net) + (uint32_t)get8(r) * 4u);
      break;
    case 8: {
      uint8_t b = get8(r);
      net_encoder(net, (uint8_t)(b % 5u), (int16_t)(int8_t)get8(r));
      net_switch(net, (uint8_t)((b >> 3) % 7u), (b & 0x80u) != 0);
      net_cv_in(net, (uint8_t)((b >> 5) % 5u), (io_t)get16(r));
      break;
    }
    case 9:
      net_add_system_ops(net);
      break;
    case 10: {
      uint8_t b = get8(r);
      if (b == 0xFF) net_clear(net);
      else if (b == 0xFE) net_clear_user_ops(net);
      else if (b == 0xFD) net_clear_params(net);
      break;
    }
    case 11: { /* a DSP param */
      net_param_t prm;
      memset(&prm, 0, sizeof prm);
      prm.label[0] = (char)('A' + get8(r) % 26u);
      prm.type = get8(r);
      prm.value = (io_t)get16(r);
      prm.min = -(int32_t)get16(r);
      prm.max = (int32_t)get16(r);
      prm.radix = get8(r) % 33u;
      net_add_param(net, &prm);
      break;
    }
    case 12:
      net_set_in_play(net, (uint16_t)(get16(r) % (ins + params + 1u)), get8(r) & 1u);
      break;
    default:
      net_set_param(net, (uint16_t)(get8(r) % (params + 1u)), (io_t)get16(r));
      break;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ops_world_t *w = ops_world();
  reader_t r = {data, size};
  uint32_t steps = 0;
  screen_init(&w->screen);
  while (r.n && steps++ < MAX_STEPS) {
    step(w, &r);
    FUZZ_REQUIRE(net_check(w->net) == NET_OK);
    FUZZ_REQUIRE(pool_check_live(w->pool, 0) == POOL_OK);
    FUZZ_REQUIRE(w->faults == 0);
  }
  net_clear(w->net);
  FUZZ_REQUIRE(pool_foreach_live(w->pool, 0, 0) == 0);
  FUZZ_REQUIRE(pool_check(w->pool, 0) == POOL_OK);
  FUZZ_REQUIRE(w->faults == 0);
  return 0;
}
