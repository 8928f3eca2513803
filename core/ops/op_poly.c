/* SPDX-License-Identifier: MIT */
/* op_poly.c: POLY, 4-voice allocation (bees op_poly). Voices are numbered 0..3; the free list
 * and the held list are both last-in first-out, starting with 0 first free.
 * PITCH stores. AMP > 0 stores AMP and takes the first free voice (none free: nothing happens),
 * gives it the current PITCH and fires IDX (poly mode only), PITCH, AMP. AMP <= 0 stores 0 and
 * looks for the most recently taken held voice with the current PITCH; if there is one it is
 * freed and, in poly mode, IDX and AMP 0 fire; in mono mode PITCH of the most recently taken
 * voice still held fires, or AMP 0 if none is left. OFF fires IDX i, AMP 0 for i = 0..3 and
 * frees every voice; OFF's own value is not stored. MONO stores 0 or 1. Voices are not
 * pickled: a loaded POLY starts with all voices free. */
#include "op.h"

enum { IN_PITCH, IN_AMP, IN_OFF, IN_MONO };
enum { OUT_IDX, OUT_PITCH, OUT_AMP };
#define POLY_VOICES 4
#define VOICE_NONE 0xFFu

typedef struct {
  op_t super;
  io_t in[4];
  op_target_t out[3];
  io_t pitch[POLY_VOICES];
  uint8_t next[POLY_VOICES]; /* list links: a voice is in exactly one of the two lists */
  uint8_t held;              /* head of the held list (most recently taken first) */
  uint8_t free;              /* head of the free list (most recently freed first) */
} op_poly_t;

static void reset_voices(op_poly_t *p) {
  uint8_t i;
  for (i = 0; i < POLY_VOICES; i++) {
    p->pitch[i] = 0;
    p->next[i] = i + 1 < POLY_VOICES ? (uint8_t)(i + 1) : (uint8_t)VOICE_NONE;
  }
  p->held = VOICE_NONE;
  p->free = 0;
}

static uint8_t take_voice(op_poly_t *p) {
  uint8_t v = p->free;
  if (v != VOICE_NONE) {
    p->free = p->next[v];
    p->next[v] = p->held;
    p->held = v;
  }
  return v;
}

static uint8_t find_held(const op_poly_t *p, io_t pitch) {
  uint8_t v;
  for (v = p->held; v != VOICE_NONE; v = p->next[v])
    if (p->pitch[v] == pitch) return v;
  return VOICE_NONE;
}

static void free_voice(op_poly_t *p, uint8_t v) {
  uint8_t *link = &p->held;
  while (*link != VOICE_NONE && *link != v) link = &p->next[*link];
  if (*link != v) return; /* not held */
  *link = p->next[v];
  p->next[v] = p->free;
  p->free = v;
}

static void in_pitch(op_t *op, io_t v) { op->in[IN_PITCH] = v; }

static void in_amp(op_t *op, io_t v) {
  op_poly_t *p = (op_poly_t *)op;
  uint8_t voice;
  if (v > 0) {
    op->in[IN_AMP] = v;
    voice = take_voice(p);
    if (voice == VOICE_NONE) return;
    p->pitch[voice] = op->in[IN_PITCH];
    if (!op->in[IN_MONO]) op_fire(op, OUT_IDX, voice);
    op_fire(op, OUT_PITCH, p->pitch[voice]);
    op_fire(op, OUT_AMP, v);
    return;
  }
  op->in[IN_AMP] = 0;
  voice = find_held(p, op->in[IN_PITCH]);
  if (voice == VOICE_NONE) return;
  free_voice(p, voice);
  if (op->in[IN_MONO]) {
    if (p->held == VOICE_NONE)
      op_fire(op, OUT_AMP, 0);
    else
      op_fire(op, OUT_PITCH, p->pitch[p->held]);
  } else {
    op_fire(op, OUT_IDX, voice);
    op_fire(op, OUT_AMP, 0);
  }
}

static void in_off(op_t *op, io_t v) {
  uint8_t i;
  (void)v;
  for (i = 0; i < POLY_VOICES; i++) {
    op_fire(op, OUT_IDX, i);
    op_fire(op, OUT_AMP, 0);
  }
  reset_voices((op_poly_t *)op);
}

static void in_mono(op_t *op, io_t v) { op->in[IN_MONO] = v > 0 ? 1 : 0; }

static void init(op_t *op) { reset_voices((op_poly_t *)op); }

/* state (0.8.1 only; both layouts): PITCH, AMP, OFF, MONO */
static const uint8_t order[] = {IN_PITCH, IN_AMP, IN_OFF, IN_MONO};

static const char *const ins[] = {"PITCH", "AMP", "OFF", "MONO"};
static const char *const outs[] = {"IDX", "PITCH", "AMP"};
static const op_in_fn fns[] = {in_pitch, in_amp, in_off, in_mono};

const op_class_t op_class_poly = {
  .id = OP_POLY, .name = "POLY", .display = "POLY", .num_ins = 4, .num_outs = 3,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_poly_t), .size32 = 72,
  .init = init, .in_fns = fns, OP_STATE_INPUTS(order),
};
