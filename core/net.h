/* SPDX-License-Identifier: MIT */
/* net.h: the operator network: ops allocated from the pool, their input and output nodes with
 * O(1) index tables, connections, DSP parameters, presets, activation with a feedback bound,
 * and the op timers. The tables are sized from the limits; everything that grows with a scene
 * (ops, the params, the presets' entries) lives in the pool. */
#ifndef ALEPH_NET_H
#define ALEPH_NET_H

#include <stdbool.h>
#include <stdint.h>

#include "op.h"
#include "platform.h"
#include "pool.h"

/* Every outcome a net function can report. net_strerror() gives a sentence for each. */
typedef enum {
  NET_OK = 0,
  NET_ERR_NULL_ARG,
  NET_ERR_REGION_TOO_SMALL,  /* the region cannot hold the tables for these limits */
  NET_ERR_BAD_LIMITS,        /* a limit is zero or over what indices can address */
  NET_ERR_UNKNOWN_CLASS,     /* no such op class id or name */
  NET_ERR_TOO_MANY_OPS,      /* the op table is full */
  NET_ERR_TOO_MANY_INS,      /* the op's inputs do not fit the input table */
  NET_ERR_TOO_MANY_OUTS,     /* the op's outputs do not fit the output table */
  NET_ERR_NO_MEMORY,         /* the pool cannot hold it (see pool_last_status) */
  NET_ERR_NO_ROOM,           /* adding it would leave too little memory to load the scene again */
  NET_ERR_BAD_INDEX,         /* op, input, output, param or preset index out of range */
  NET_ERR_SYSTEM_OP,         /* system ops cannot be removed */
  NET_ERR_SELF_CONNECT,      /* an op's output cannot target its own input */
  NET_ERR_TOO_MANY_PARAMS,
  NET_ERR_CORRUPT            /* the invariant checker found an inconsistency */
} net_status_t;

/* Table capacities. All node indices fit in int16 (bees' scene format uses signed 16-bit). */
typedef struct {
  uint16_t max_ops;
  uint16_t max_ins;
  uint16_t max_outs;
  uint16_t max_params;
  uint16_t max_presets;
  uint16_t max_depth;  /* longest chain of output->input deliveries before it is cut */
} net_limits_t;

#define NET_DSP_PARAMS_MAX 256u /* bees' DSP protocol addresses parameters with one byte */
#define NET_PRESETS 32u         /* bees' preset count, part of the scene format */
#define NET_DEFAULT_DEPTH 64u
/* Deliveries one outside event (an activation, a timer, an encoder...) may cause before the rest
 * are cut: the depth limit stops loops, this stops fan-out (ops with several outputs feeding
 * each other make 2^depth deliveries within the depth limit). */
#define NET_CASCADE_MAX 65536u
/* bees 0.8.1's fixed limits (128 ops, 256 ins/outs/params, 32 presets): what its scene format
 * can hold, and what the shipped configuration gives every net. */
extern const net_limits_t NET_LIMITS_BEES08;

/* Pool tags of what the net allocates besides ops (ops are tagged with their class id + 1). */
#define NET_TAG_PARAMS 252u
#define NET_TAG_PRESET_INS 253u
#define NET_TAG_PRESET_OUTS 254u
/* For planners, which size a 32-bit target from a 64-bit recording: what an allocation of bytes
 * tagged tag in this build takes on a 32-bit target (ops: their class's size32; params and
 * preset entries: per element). bytes itself for an unknown tag. */
uint32_t net_alloc_size32(uint16_t tag, uint32_t bytes);
/* Element sizes on a 32-bit target (checked against sizeof in 32-bit builds by test_catalog). */
#define NET_PARAM_SIZE32 36u
#define NET_PRESET_IN_SIZE32 8u
#define NET_PRESET_OUT_SIZE32 16u

/* Bytes net_init() needs for the tables of these limits. 0 if limits are invalid. */
uint32_t net_region_size(const net_limits_t *limits);
/* Heap bytes of this net's allocations in the pool (ops, params, preset entries, headers
 * included): what loading the same scene again would need beside it. O(1). */
uint32_t net_pool_bytes(const net_t *net);

/* A DSP parameter node (the module's parameter, as bees stores it in scenes). */
#define NET_PARAM_LABEL_LEN 16
typedef struct {
  char label[NET_PARAM_LABEL_LEN + 1];
  uint8_t play;     /* shown on the play screen */
  uint8_t type;     /* bees' ParamType */
  io_t value;       /* the 16-bit control value the network drives */
  int32_t min, max; /* descriptor range (DSP units) */
  int32_t radix;
} net_param_t;

/* Activity an observer can watch (the play screen, OSC subscribers, recorders). */
typedef enum {
  NET_EV_INPUT,   /* an op input received a value: op, idx = input, value */
  NET_EV_OUTPUT,  /* an op output fired: op, idx = output, value */
  NET_EV_PARAM,   /* a DSP parameter was set: op = NULL, idx = param, value */
  NET_EV_FEEDBACK, /* a delivery was cut (depth limit, cascade budget): op, idx = output */
  NET_EV_PRESET    /* a preset was recalled: op = NULL, idx = preset */
} net_event_kind_t;
typedef void (*net_watch_fn)(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx,
                             io_t value);

typedef struct {
  uint16_t ops, ins, outs, params;
  uint32_t deliveries;     /* counter: values delivered to inputs or params */
  uint32_t feedback_cuts;  /* counter: deliveries dropped at the depth limit or past the
                            * cascade budget (NET_CASCADE_MAX) */
  uint16_t max_depth_seen; /* high-water mark of the delivery depth */
  uint32_t add_failures;   /* counter: ops that could not be added */
} net_stats_t;

/* Lays out the net's tables in [region, region+size) and binds it to a pool for op memory.
 * The net starts empty (no system ops: see net_add_system_ops()). */
net_status_t net_init(void *region, uint32_t size, const net_limits_t *limits, pool_t *pool,
                      const platform_t *platform, net_t **out);
/* Removes every op (system ops too), returning their memory; params and presets cleared. */
void net_clear(net_t *net);
/* Appends bees' 12 system ops: ENC x4, SW x4 (SW1..SW4), SW x2 (FS1, FS2), ADC, PRESET. */
net_status_t net_add_system_ops(net_t *net);

/* Adds an op of class id at position `at` (0..count; NET_NONE or count: append). On any failure
 * the net is unchanged. Returns the new op's index in *index if non-NULL.
 * Time: O(ops after `at` + their nodes) for the index tables; O(1) appending.
 * net_add_op is a macro that, in debug builds, records its caller's file and line with the op's
 * memory, so a leak report names the code that asked for the op. */
net_status_t net_add_op_at(net_t *net, op_id_t id, uint16_t at, uint16_t *index,
                           const char *file, uint32_t line);
#if POOL_DEBUG
#define net_add_op(net, id, at, index) net_add_op_at((net), (id), (at), (index), __FILE__, __LINE__)
#else
#define net_add_op(net, id, at, index) net_add_op_at((net), (id), (at), (index), 0, 0)
#endif
/* What an editor asks before adding an op of class id: NET_OK, a limit's status, or
 * NET_ERR_NO_ROOM when the net would then take more than half of the pool (less a margin for
 * fragmentation), so that loading the same scene again, which holds the old and the new net at
 * once, could fail. Scene loading does not ask. O(1). */
net_status_t net_room_for_op(const net_t *net, op_id_t id);
/* Removes op `index` and every connection and preset entry naming it.
 * Time: O(ops after it + their nodes), plus O(outputs) only if something targets it. */
net_status_t net_remove_op(net_t *net, uint16_t index);
/* Removes every op that is not a system op. */
void net_clear_user_ops(net_t *net);

/* ---- O(1) lookups ---- */
uint16_t net_op_count(const net_t *net);
uint16_t net_in_count(const net_t *net);   /* op inputs (params not included) */
uint16_t net_out_count(const net_t *net);
op_t *net_op(const net_t *net, uint16_t index);      /* NULL if out of range */
uint16_t net_op_first_in(const net_t *net, uint16_t op);  /* NET_NONE if out of range */
uint16_t net_op_first_out(const net_t *net, uint16_t op);
/* Global input index -> its op's index and the input's index within the op. */
bool net_in_owner(const net_t *net, uint16_t in, uint16_t *op, uint8_t *sub);
bool net_out_owner(const net_t *net, uint16_t out, uint16_t *op, uint8_t *sub);
/* Name helpers: an op's display name (bees shows SW1..SW4, FS1, FS2 for ops 4..9). */
const char *net_op_name(const net_t *net, uint16_t op);
const char *net_in_name(const net_t *net, uint16_t in);
const char *net_out_name(const net_t *net, uint16_t out);

/* ---- connections ----
 * Targets use bees' global numbering: 0..ins-1 are op inputs, ins..ins+params-1 DSP params,
 * and -1 (or any negative) means none. */
net_status_t net_connect(net_t *net, uint16_t out, int32_t target);
net_status_t net_disconnect(net_t *net, uint16_t out);
/* The output's target in global numbering, -1 if none (or if out is out of range). */
int32_t net_target(const net_t *net, uint16_t out);

/* ---- values ---- */
/* Sets an input (global index, params included) as bees' net_set_in_value: runs the op's
 * handler, so outputs fire and propagate. */
net_status_t net_activate(net_t *net, uint16_t in, io_t value);
/* Current value of an input or param (global index). 0 if out of range. */
io_t net_get_value(const net_t *net, uint16_t in);
/* UI increment (op's inc handler, or saturating add), then activation. */
net_status_t net_increment(net_t *net, uint16_t in, io_t inc);
/* Input play flags (which inputs the play screen shows). */
bool net_in_play(const net_t *net, uint16_t in);
net_status_t net_set_in_play(net_t *net, uint16_t in, bool play);

/* Output play flags (bees' per-op playOuts: which outputs the play screen logs; not saved in
 * scenes, as in bees). */
bool net_out_play(const net_t *net, uint16_t out);
net_status_t net_set_out_play(net_t *net, uint16_t out, bool play);

/* ---- DSP parameters ---- */
uint16_t net_param_count(const net_t *net);
/* Appends a param; the param array grows in the pool (NET_ERR_NO_MEMORY if it cannot). */
net_status_t net_add_param(net_t *net, const net_param_t *param);
/* Makes room for n params at once (decoders know the count), so the array is allocated once at
 * its size. */
net_status_t net_reserve_params(net_t *net, uint16_t n);
const net_param_t *net_param(const net_t *net, uint16_t idx);
/* Sets a param's value (what an output targeting it does). */
net_status_t net_set_param(net_t *net, uint16_t idx, io_t value);
void net_clear_params(net_t *net);

/* ---- hardware events (system ops) ----
 * The front panel's door (panel.c): each finds the system op of its class and position (ENC k,
 * SW k, the one ADC) and hands the event to the class's device_in handler, as the device hubs
 * hand grid keys or MIDI to the ops that subscribed. NET_ERR_BAD_INDEX if there is no such op. */
net_status_t net_encoder(net_t *net, uint8_t enc, int16_t delta); /* enc 0..3 */
net_status_t net_switch(net_t *net, uint8_t sw, bool pressed);    /* 0..3 keys, 4..5 footswitches */
net_status_t net_cv_in(net_t *net, uint8_t channel, io_t value);  /* ADC channel 0..3 */

/* ---- outside events ----
 * One outside event (a key or encoder, a CV sample, a timer tick, an OSC message, a preset
 * recall, a scene load, a device's message) may cause NET_CASCADE_MAX deliveries, however many
 * deliveries it starts itself. The net's entry points (net_activate, net_increment, the hardware
 * events, preset_recall, each timer net_advance fires, the device hubs) open an event; a caller
 * that makes several calls for one event (the OSC server for a bundle) brackets them. Nested
 * events join the outer one. A delivery outside any event begins one of its own. */
void net_event_begin(net_t *net);
void net_event_end(net_t *net);

/* ---- observation and health ---- */
void net_set_watch(net_t *net, net_watch_fn fn, void *ctx);
void net_get_stats(const net_t *net, net_stats_t *out);
const net_limits_t *net_get_limits(const net_t *net);
pool_t *net_pool(const net_t *net);
const platform_t *net_platform(const net_t *net);
/* Recomputes every index table by brute force and compares; checks op memory with the pool.
 * Returns NET_OK or NET_ERR_CORRUPT (the platform fault hook hears what). O(nodes + outputs). */
net_status_t net_check(const net_t *net);

const char *net_strerror(net_status_t status);

#endif
