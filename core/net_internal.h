/* SPDX-License-Identifier: MIT */
/* net_internal.h: the net's private layout, shared by the modules that implement the net
 * (net.c, preset.c, op_timer.c, op_catalog.c). Nothing outside core/ includes this. */
#ifndef ALEPH_NET_INTERNAL_H
#define ALEPH_NET_INTERNAL_H

#include "net.h"
#include "op_timer.h"
#include "preset.h"

typedef struct {
  op_t *op;       /* NULL: DSP param idx */
  uint16_t idx;
  io_t value;
} preset_in_t;

typedef struct {
  op_t *src;      /* output owner */
  uint8_t out;
  op_target_t target;
} preset_out_t;

typedef struct {
  char name[PRESET_NAME_LEN + 1];
  uint16_t num_ins, num_outs;
  uint16_t cap_ins, cap_outs;
  preset_in_t *ins;   /* in the pool, NULL while empty; grows to at most max_ins + max_params */
  preset_out_t *outs; /* in the pool, NULL while empty; grows to at most max_outs */
} preset_t;

struct net {
  net_hot_t hot; /* first: op_fire reads it through op->net */
  pool_t *pool;
  const platform_t *platform;
  net_limits_t lim;
  op_t **ops;
  op_t **in_op;     /* global input g -> its op; its index in the op is g - op->first_in */
  uint8_t *in_play; /* global input g -> play flag (moves with the node) */
  op_t **out_op;    /* global output g -> its op */
  uint8_t *out_play;/* global output g -> play flag (moves with the node) */
  net_param_t *params; /* in the pool, NULL while there are none */
  preset_t *presets;
  uint16_t num_ops, num_ins, num_outs, num_params, cap_params;
  uint32_t pool_bytes;  /* heap bytes of this net's allocations (net_pool_bytes) */
  uint16_t scope;   /* open net_event_begin()s: while one is, every delivery shares its budget */
  uint16_t preset_select;
  net_stats_t stats;
  net_watch_fn watch;
  void *watch_ctx;
  op_timer_t *timers;
  uint32_t now;
  const struct net_services *services;
  struct screen *screen; /* attached devices (net_devices.h) */
  struct monome *monome;
  struct midi_hub *midi;
  struct hid_hub *hid;
};

static inline uint8_t net_in_sub(const net_t *net, uint16_t g) {
  return (uint8_t)(g - net->in_op[g]->first_in);
}
static inline uint8_t net_out_sub(const net_t *net, uint16_t g) {
  return (uint8_t)(g - net->out_op[g]->first_out);
}

/* The net's allocations in the pool, counted in pool_bytes (file/line: debug leak records). */
void *net_mem_alloc(net_t *net, uint32_t size, uint16_t tag, const char *file, uint32_t line);
void net_mem_free(net_t *net, void *ptr);
/* Grows an array in the pool to hold `want` elements of `elem` bytes (at least doubling, up to
 * `max`): *arr and *cap updated. NET_OK, or NET_ERR_NO_MEMORY with the array as it was. */
net_status_t net_mem_grow(net_t *net, void **arr, uint16_t *cap, uint32_t want, uint32_t max,
                          uint32_t elem, uint16_t used, uint16_t tag);

/* Removes every preset entry naming op (as input owner, output owner or target). */
void preset_forget_op(net_t *net, const op_t *op);
/* The params are going away: drops every preset value entry for a param and disconnects every
 * preset routing to a param, as net_clear_params disconnects the outputs themselves. */
void preset_forget_params(net_t *net);
/* The first preset with an entry naming a param at or past num_params, or -1 (for the checker). */
int32_t preset_check_params(const net_t *net);
/* How many preset entries name op (for the invariant checker). */
uint32_t preset_count_refs(const net_t *net, const op_t *op);
/* Clears every preset (names reset to bees' "NNN_"), returning their entries' memory. */
void preset_clear_all(net_t *net);
/* Stops every timer owned by op. */
void op_timer_stop_all(net_t *net, const op_t *op);
/* Delivers v to a target (input handler or param), within the depth bound and the cascade
 * budget (NET_CASCADE_MAX). */
void net_deliver(net_t *net, const op_t *src, uint8_t out, op_target_t t, io_t v);

#endif
