/* SPDX-License-Identifier: MIT */
/* op.h: the operator framework: what an op class declares (names, ports, size, handlers,
 * pickling) and the header every op instance starts with. Owns no state; ops/ implement it. */
#ifndef ALEPH_OP_H
#define ALEPH_OP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The value type of every input and output (bees' io_t): signed 16-bit. */
typedef int16_t io_t;
#define IO_MAX INT16_MAX
#define IO_MIN INT16_MIN

typedef struct net net_t;
typedef struct op op_t;
typedef struct op_class op_class_t;

/* bees' op_id_t: the class ids stored in scene files. The order must never change. */
typedef enum {
  OP_SW, OP_ENC, OP_ADD, OP_MUL, OP_GATE, OP_GRID, OP_MIDI_NOTE, OP_ADC, OP_METRO, OP_PRESET,
  OP_TOG, OP_ACCUM, OP_SPLIT, OP_DIV, OP_SUB, OP_TIMER, OP_RANDOM, OP_LIST8, OP_THRESH, OP_MOD,
  OP_BITS, OP_IS, OP_LOGIC, OP_LIST2, OP_LIFE, OP_HISTORY, OP_BIGNUM, OP_SCREEN, OP_SPLIT4,
  OP_DELAY, OP_ROUTE, OP_MIDI_CC, OP_MOUT_NOTE, OP_LIST16, OP_STEP, OP_ROUTE8, OP_MP, OP_BARS,
  OP_SERIAL, OP_HID, OP_WW, OP_ARC, OP_FADE, OP_DIVR, OP_SHL, OP_SHR, OP_CHANGE, OP_ROUTE16,
  OP_BARS8, OP_MOUT_CC, OP_PARAM, OP_MEM0D, OP_MEM1D, OP_MEM2D, OP_ITER, OP_GRIDRAW,
  OP_MIDI_CLOCK, OP_MAGINC, OP_KRIA, OP_HARRY, OP_POLY, OP_MIDI_PROG, OP_MOUT_CLK, OP_CKDIV,
  OP_LINLIN, OP_LIST4,
  OP_CLASS_COUNT /* 66 */
} op_id_t;

/* Scene layouts an op's state can be read from / written to. */
typedef enum {
  OP_FORMAT_0_7_1 = 0, /* bees 0.7.1 (reads the scenes of the 0.7.1 release bundle) */
  OP_FORMAT_0_8_1 = 1  /* bees 0.8.1, the layout aleph-sim writes */
} op_format_t;

/* Where an output goes. op != NULL: input `idx` of that op. op == NULL and idx != NET_NONE:
 * DSP parameter `idx`. Otherwise unconnected. References are stable across insertions and
 * deletions elsewhere in the net (no index to fix up). */
#define NET_NONE 0xFFFFu
typedef struct {
  op_t *op;
  uint16_t idx;
} op_target_t;

/* Class flags. */
enum {
  OP_FLAG_SYSTEM = 1u << 0, /* created by the system, not by the user; cannot be deleted */
  OP_FLAG_GRID = 1u << 1,   /* monome grid consumer */
  OP_FLAG_ARC = 1u << 2,    /* monome arc consumer */
  OP_FLAG_MIDI_IN = 1u << 3,
  OP_FLAG_HID = 1u << 4
};

/* Handler of input k: stores v (usually into op->in[k]) and acts; may fire outputs. */
typedef void (*op_in_fn)(op_t *op, io_t v);
/* Sets defaults after the header is set up (in[] and out[] are zero / unconnected). */
typedef void (*op_init_fn)(op_t *op);
/* Releases what init acquired (timers, devices). Memory is the framework's. */
typedef void (*op_deinit_fn)(op_t *op);
/* Writes the op's state in the given scene layout. Returns bytes written (0 for a class with no
 * state), or -1 if it needs more than cap. Every multi-byte value is little-endian. */
typedef int32_t (*op_pickle_fn)(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt);
/* Reads the op's state. Returns bytes consumed, or -1 if src[len] is too short or malformed. */
typedef int32_t (*op_unpickle_fn)(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt);
/* UI increment of input k by inc (bees' inc_fn). NULL: the framework adds with saturation. */
typedef void (*op_inc_fn)(op_t *op, uint8_t k, io_t inc);
/* A hardware event for a system op, from the front panel's door (panel.c): an encoder's detents
 * (value: delta), a key or footswitch (value: 1 pressed, 0 released), a CV input's level
 * (channel 0..3, value 0..4095). */
typedef void (*op_device_fn)(op_t *op, uint8_t channel, io_t value);

/* What a class declares. One per file in core/ops/, listed in op_catalog.c. */
struct op_class {
  op_id_t id;
  const char *name;    /* registry name: what the user picks when creating ("HISTORY") */
  const char *display; /* what a created op shows (bees' opString: "HIST") */
  uint8_t num_ins;
  uint8_t num_outs;
  const char *const *in_names;  /* num_ins names, as bees shows them */
  const char *const *out_names; /* num_outs names */
  uint16_t size;       /* bytes of the instance struct in this build (sizeof) */
  uint16_t size32;     /* bytes on the AVR32 (32-bit pointers, 4-byte alignment), from
                          op_size32() over the struct's declared layout; used by planners */
  uint16_t in_offset;  /* offsetof the io_t in[num_ins] array in the instance struct */
  uint16_t out_offset; /* offsetof the op_target_t out[num_outs] array */
  uint8_t flags;
  op_init_fn init;     /* may be NULL */
  op_deinit_fn deinit; /* may be NULL */
  const op_in_fn *in_fns; /* num_ins handlers */
  op_pickle_fn pickle;     /* NULL: the state is the inputs state_ins lists (op_pickle) */
  op_unpickle_fn unpickle; /* NULL: likewise */
  const uint8_t *state_ins;/* with pickle NULL: the inputs that are the whole state, in the
                              order they are stored (none: a class with no state) */
  uint8_t num_state_ins;
  op_inc_fn inc;       /* may be NULL */
  op_device_fn device_in; /* system ops driven by the panel's hardware; NULL for the rest */
};

/* The header every instance struct starts with (as its first member, `op_t super`). */
struct op {
  const op_class_t *cls;
  net_t *net;
  io_t *in;          /* this op's input values (inside its own block) */
  op_target_t *out;  /* this op's output targets (inside its own block) */
  uint16_t index;    /* position in the net's op list (kept current by the net) */
  uint16_t first_in; /* global index of input 0 (kept current by the net) */
  uint16_t first_out;/* global index of output 0 (kept current by the net) */
  uint16_t refs;     /* connections and preset entries that name this op */
};

/* What every delivery reads and writes: the first member of struct net, so that op_fire can be
 * inline (the common hop is a few loads, two compares and the handler's call). Only net.c and
 * op_fire touch it. */
typedef struct {
  uint16_t depth;      /* deliveries nested now */
  uint16_t fast_depth; /* a delivery to an input from below this depth needs nothing but
                          counting: 0 outside an event and while a watcher sees every delivery,
                          else the depth limit or the deepest chain seen so far, the lower */
  uint32_t budget;     /* deliveries the outside event being handled may still make */
} net_hot_t;

/* op_fire's every other case: a watcher, a param, no target, a new depth, a cut. Hidden where
 * the toolchain knows visibility: position-independent 32-bit x86 code then calls it without
 * setting up the GOT register, and an op handler's last op_fire becomes a jump. */
#if defined(__GNUC__) && defined(__ELF__)
__attribute__((visibility("hidden")))
#endif
void op_fire_slow(op_t *op, uint8_t k, io_t v);

/* Fires output k with value v: delivers it to the connected input (running that op's handler,
 * depth first, as bees does) or DSP parameter. Bounded: a chain deeper than the net's limit is
 * cut and counted as feedback (see net_stats_t). Constant time per hop. */
static inline void op_fire(op_t *op, uint8_t k, io_t v) {
  net_hot_t *h = (net_hot_t *)(void *)op->net;
  op_target_t t = op->out[k];
  if (t.op && h->depth < h->fast_depth && h->budget) {
    h->budget--;
    h->depth++;
    t.op->cls->in_fns[t.idx](t.op, v);
    h->depth--;
  } else {
    op_fire_slow(op, k, v);
  }
}

/* Arithmetic helpers with bees' semantics. */
static inline io_t op_sat(int32_t v) {
  return (io_t)(v > IO_MAX ? IO_MAX : v < IO_MIN ? IO_MIN : v);
}
static inline io_t op_wrap(int32_t v) { return (io_t)(uint16_t)(uint32_t)v; }
static inline io_t op_clamp(io_t v, io_t lo, io_t hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Declares a class's in/out layout from its instance struct type. */
#define OP_LAYOUT(type)                                                       \
  .size = (uint16_t)sizeof(type), .in_offset = (uint16_t)offsetof(type, in), \
  .out_offset = (uint16_t)offsetof(type, out)

/* Pickle helpers: io_t values as little-endian 16-bit, the way every bees op stores them.
 * They return bytes written/consumed, or -1 if cap/len is too small. */
int32_t op_pickle_ios(const io_t *vals, uint32_t n, uint8_t *dst, uint32_t cap);
int32_t op_unpickle_ios(io_t *vals, uint32_t n, const uint8_t *src, uint32_t len);
/* Declares that a class's state is the inputs in `list` (a uint8_t array of input indices),
 * stored in that order as 16-bit values in every layout: the class then needs no pickle pair. */
#define OP_STATE_INPUTS(list) \
  .state_ins = (list), .num_state_ins = (uint8_t)(sizeof(list) / sizeof((list)[0]))
/* Writes / reads an op's state: its class's pickle pair, or its declared state inputs (0 bytes
 * for a class with neither). Same results as op_pickle_fn / op_unpickle_fn. */
int32_t op_pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt);
int32_t op_unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt);
/* The common case: state is exactly the op's inputs listed in `order` (indices into in[]).
 * Used by classes whose pickle is a list of input values. */
int32_t op_pickle_inputs(const op_t *op, const uint8_t *order, uint32_t n, uint8_t *dst,
                          uint32_t cap);
int32_t op_unpickle_inputs(op_t *op, const uint8_t *order, uint32_t n, const uint8_t *src,
                           uint32_t len);

#endif
