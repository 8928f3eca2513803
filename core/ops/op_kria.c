/* SPDX-License-Identifier: MIT */
/* op_kria.c: KRIA, the kria grid sequencer (bees op_kria, a port of the monome ansible kria):
 * two tracks, 16 patterns, each track with separate trigger, accent, octave, duration, note,
 * scale and transpose sequences (each its own loop and clock divider), user scales. Every CLOCK
 * input advances both tracks; a track whose trigger step is on fires NOTEn (scale degree +
 * octave x OCTAVE + transpose, TUNING per transpose row) then TRn (1, or 2 with accent), and
 * TRn 0 after the step's duration ((dur + 1) x dur_mul x 4 ms). OCTAVE and TUNING are stored;
 * PATTERN does nothing (as in bees). The grid shows changes at the next 50 ms refresh.
 * Grid: bottom row 0/1 track, 3..7 trigger / duration / note / scale / transpose pages, 9 held
 * loop edit, 10 held clock-divider edit, 12 scale editor, 13 patterns, 15 alt.
 *
 * State (both formats; KRIA is new in 0.8.1): FOCUS, OCTAVE, TUNING, PATTERN, then the pattern
 * set as bees' AVR32 struct image (5808 bytes: big-endian, 4-byte aligned, enums 4 bytes,
 * padding kept so hardware files round-trip) written as 1452 little-endian u32 words.
 *
 * Differs from bees: the sequencer state (pages, positions, current notes) and the note-off
 * timers are per op (bees kept them in file globals shared by every KRIA op, quirk 13); note-offs
 * run from the net's timers in the caller's context (bees fired them from the timer interrupt),
 * and two falling due in the same ms fire in the order they were armed (bees: track 0 first);
 * keys on rows 8..15 of a 16x16 grid are ignored; alt + a scale-slot key copies the edited
 * scale into the slot it then selects (bees indexed its 7-entry slot table with the 0..41 slot
 * number, copying into whichever scale the bytes past the table named); scene data out of range is indexed modulo the
 * array sizes and LEDs outside the buffer are not drawn. Kept as in bees: CLOCK's value reads 0;
 * resetting track 2's phase puts every one of its sequences at the trigger loop's end; a new op
 * plays scale degrees as 0 until a scale step changes or a scene is loaded.
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"
#include "op_timer.h"

enum { IN_FOCUS, IN_CLOCK, IN_OCTAVE, IN_TUNING, IN_PATTERN };
enum { OUT_TR0, OUT_NOTE0, OUT_TR1, OUT_NOTE1 };
enum { M_TR, M_DUR, M_NOTE, M_SCALE, M_TRANS, M_SCALE_EDIT, M_PATTERN };
enum { T_TR, T_AC, T_OCT, T_DUR, T_NOTE, T_TRANS, T_SCALE, NUM_PARAMS };
enum { MOD_NONE, MOD_LOOP, MOD_TIME };

#define L2 12
#define L1 8
#define L0 4
#define PATTERN_IMAGE_BYTES 172u
#define SET_IMAGE_BYTES 5808u
#define USER_SCALES 42u
#define REFRESH_MS 50u

typedef struct {
  uint8_t tr[16], ac[16], oct[16], note[16], dur[16], sc[16], trans[16];
  uint8_t dur_mul;
  uint8_t lstart[NUM_PARAMS], lend[NUM_PARAMS], llen[NUM_PARAMS], lswap[NUM_PARAMS];
  uint8_t pad[3];             /* AVR32 padding before tmul */
  uint32_t tmul[NUM_PARAMS]; /* an enum array in bees: 4 bytes each */
} kria_pattern_t;

typedef struct {
  kria_pattern_t kp[2][16];
  uint8_t pscale[7];
  uint8_t scales[USER_SCALES][7];
  uint8_t pad[3]; /* the set's trailing padding */
} kria_set_t;

typedef struct {
  uint8_t mode, mod_mode, p, p_next, ch, trans_edit, pscale_edit, key_alt;
  int8_t loop_count;
  uint8_t loop_edit, dirty;
  uint8_t need_off[2];
  uint8_t pos[2][NUM_PARAMS], pos_mul[2][NUM_PARAMS];
  uint8_t cur_scale[2][7];
  uint8_t tr[2], ac[2], oct[2], note[2], sc[2];
  uint16_t dur[2], trans[2], cv[2];
} kria_session_t;

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[4];
  monome_client_t mon;
  op_timer_t refresh;
  op_timer_t note_off[2];
  kria_set_t k;
  kria_session_t s;
  uint8_t leds[MONOME_GRID_LEDS];
} op_kria_t;

/* kria's built-in scales: intervals of the seven modes */
static const uint8_t modes_table[49] = {
  2, 2, 1, 2, 2, 2, 1, /* ionian */
  2, 1, 2, 2, 2, 1, 2, /* dorian */
  1, 2, 2, 2, 1, 2, 2, /* phrygian */
  2, 2, 2, 1, 2, 2, 1, /* lydian */
  2, 2, 1, 2, 2, 1, 2, /* mixolydian */
  2, 1, 2, 2, 1, 2, 2, /* aeolian */
  1, 2, 2, 1, 2, 2, 2, /* locrian */
};

static uint8_t wrap(uint32_t v, uint32_t n) { return (uint8_t)(v % n); }
static kria_pattern_t *pat(op_kria_t *k, uint8_t track) {
  return &k->k.kp[track & 1u][k->s.p & 15u];
}
static uint8_t *user_scale(op_kria_t *k, uint8_t slot) {
  return k->k.scales[wrap(k->k.pscale[wrap(slot, 7)], USER_SCALES)];
}

static void led(op_kria_t *k, int32_t i, uint8_t level) {
  if (i >= 0 && i < (int32_t)MONOME_GRID_LEDS) k->leds[i] = level;
}
static void led_add(op_kria_t *k, int32_t i, int32_t d) {
  if (i >= 0 && i < (int32_t)MONOME_GRID_LEDS) k->leds[i] = (uint8_t)(k->leds[i] + d);
}
static void clear_top(op_kria_t *k) {
  uint32_t i;
  for (i = 0; i < 112; i++) k->leds[i] = 0;
}

/* ---------------------------------------------------------------- sequencing */

static void calc_scale(op_kria_t *k, uint8_t c) {
  const uint8_t *sc = user_scale(k, k->s.sc[c]);
  uint8_t i;
  k->s.cur_scale[c][0] = sc[0];
  for (i = 1; i < 7; i++) k->s.cur_scale[c][i] = (uint8_t)(k->s.cur_scale[c][i - 1] + sc[i]);
}

static void phase_reset(op_kria_t *k, uint8_t track) {
  uint8_t i;
  for (i = 0; i < NUM_PARAMS; i++) /* track 2 uses the trigger loop's end for all (as bees) */
    k->s.pos[track][i] = k->k.kp[track][k->s.p & 15u].lend[track == 0 ? i : 1];
}

static bool next_step(op_kria_t *k, uint8_t t, uint8_t param) {
  kria_pattern_t *kp = pat(k, t);
  uint8_t *pos = &k->s.pos[t][param];
  if (++k->s.pos_mul[t][param] < kp->tmul[param]) return false;
  if (*pos == kp->lend[param]) {
    *pos = kp->lstart[param];
  } else {
    (*pos)++;
    if (*pos > 15) *pos = 0;
  }
  k->s.pos_mul[t][param] = 0;
  return true;
}

static void track_tick(op_kria_t *k, uint8_t t) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp;
  if (s->p_next != s->p) { /* pattern change: both tracks restart, this track waits a step */
    s->p = s->p_next;
    phase_reset(k, 0);
    phase_reset(k, 1);
    return;
  }
  kp = pat(k, t);
  if (next_step(k, t, T_TRANS)) s->trans[t] = kp->trans[wrap(s->pos[t][T_TRANS], 16)];
  if (next_step(k, t, T_SCALE)) {
    uint8_t sc = kp->sc[wrap(s->pos[t][T_SCALE], 16)];
    if (s->sc[t] != sc) {
      s->sc[t] = sc;
      calc_scale(k, t);
    }
  }
  if (next_step(k, t, T_DUR))
    s->dur[t] = (uint16_t)((kp->dur[wrap(s->pos[t][T_DUR], 16)] + 1) * (kp->dur_mul << 2));
  if (next_step(k, t, T_OCT)) s->oct[t] = kp->oct[wrap(s->pos[t][T_OCT], 16)];
  if (next_step(k, t, T_NOTE)) s->note[t] = kp->note[wrap(s->pos[t][T_NOTE], 16)];
  if (next_step(k, t, T_AC)) s->ac[t] = kp->ac[wrap(s->pos[t][T_AC], 16)];
  if (next_step(k, t, T_TR)) {
    if (kp->tr[wrap(s->pos[t][T_TR], 16)]) {
      s->tr[t] = (uint8_t)(1 + s->ac[t]);
      s->cv[t] = (uint16_t)(s->cur_scale[t][wrap(s->note[t], 7)] +
                            s->oct[t] * k->super.in[IN_OCTAVE] + (s->trans[t] & 0xF) +
                            (s->trans[t] >> 4) * k->super.in[IN_TUNING]);
    } else {
      s->tr[t] = 0;
    }
  }
}

static void note_off(op_t *op, op_timer_t *t) {
  op_kria_t *k = (op_kria_t *)op;
  uint8_t track = t == &k->note_off[1] ? 1 : 0;
  if (!k->s.need_off[track]) return;
  k->s.need_off[track] = 0;
  op_fire(op, track ? OUT_TR1 : OUT_TR0, 0);
}

static void in_clock(op_t *op, io_t v) {
  op_kria_t *k = (op_kria_t *)op;
  kria_session_t *s = &k->s;
  uint8_t t;
  (void)v;
  op->in[IN_CLOCK] = 0;
  track_tick(k, 0);
  track_tick(k, 1);
  for (t = 0; t < 2; t++) {
    if (!s->tr[t]) continue;
    op_fire(op, t ? OUT_NOTE1 : OUT_NOTE0, (io_t)s->cv[t]);
    op_fire(op, t ? OUT_TR1 : OUT_TR0, (io_t)s->tr[t]);
    s->need_off[t] = 1;
    op_timer_once(op, &k->note_off[t], s->dur[t], note_off);
  }
  s->tr[0] = s->tr[1] = 0;
  s->dirty = 1;
}

static void in_octave(op_t *op, io_t v) { op->in[IN_OCTAVE] = v; }
static void in_tuning(op_t *op, io_t v) { op->in[IN_TUNING] = v; }
static void in_pattern(op_t *op, io_t v) { op->in[IN_PATTERN] = v; }
static void in_focus(op_t *op, io_t v) { monome_focus(&((op_kria_t *)op)->mon, v > 0); }

/* ---------------------------------------------------------------- loops */

static void adjust_loop_start(op_kria_t *k, uint8_t x, uint8_t m) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp = pat(k, s->ch);
  int8_t temp = (int8_t)(s->pos[s->ch & 1u][m] - kp->lstart[m] + x);
  if (temp < 0)
    temp = (int8_t)(temp + 16);
  else if (temp > 15)
    temp = (int8_t)(temp - 16);
  s->pos[s->ch & 1u][m] = (uint8_t)temp;
  kp->lstart[m] = x;
  temp = (int8_t)(x + kp->llen[m] - 1);
  if (temp > 15) {
    kp->lend[m] = (uint8_t)(temp - 16);
    kp->lswap[m] = 1;
  } else {
    kp->lend[m] = (uint8_t)temp;
    kp->lswap[m] = 0;
  }
}

static void adjust_loop_end(op_kria_t *k, uint8_t x, uint8_t m) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp = pat(k, s->ch);
  uint8_t *pos = &s->pos[s->ch & 1u][m];
  int8_t temp;
  kp->lend[m] = x;
  temp = (int8_t)(kp->lend[m] - kp->lstart[m]);
  if (temp < 0) {
    kp->llen[m] = (uint8_t)(temp + 17);
    kp->lswap[m] = 1;
  } else {
    kp->llen[m] = (uint8_t)(temp + 1);
    kp->lswap[m] = 0;
  }
  if (kp->lswap[m]) {
    if (*pos < kp->lstart[m] && *pos > kp->lend[m]) *pos = kp->lstart[m];
  } else if (*pos < kp->lstart[m] || *pos > kp->lend[m]) {
    *pos = kp->lstart[m];
  }
}

/* a loop-edit press on a row whose sequence is m (the pages other than triggers) */
static void loop_press(op_kria_t *k, uint8_t x, uint8_t m) {
  kria_session_t *s = &k->s;
  s->loop_count++;
  if (s->key_alt) {
    adjust_loop_start(k, x, m);
    adjust_loop_end(k, x, m);
  } else if (s->loop_count == 1) {
    adjust_loop_start(k, x, m);
  } else {
    adjust_loop_end(k, x, m);
  }
}

/* ---------------------------------------------------------------- keys */

static void key_bottom(op_kria_t *k, uint8_t x, uint8_t z) {
  kria_session_t *s = &k->s;
  if (z) {
    if (x >= 3 && x <= 7)
      s->mode = (uint8_t)(M_TR + (x - 3));
    else if (x == 9) {
      s->mod_mode = MOD_LOOP;
      s->loop_count = 0;
    } else if (x == 10)
      s->mod_mode = MOD_TIME;
    else if (x == 12)
      s->mode = M_SCALE_EDIT;
    else if (x == 13)
      s->mode = M_PATTERN;
    if (x == 15) {
      s->key_alt = 1;
    } else if (x == 0 || x == 1) {
      s->ch = x;
      if (s->key_alt) phase_reset(k, x);
    }
  } else {
    if (x == 9 || x == 10) s->mod_mode = MOD_NONE;
    if (x == 15) s->key_alt = 0;
  }
}

static uint8_t tr_page_param(uint8_t y) { return y == 0 ? T_TR : y == 1 ? T_AC : T_OCT; }

static void key_tr(op_kria_t *k, uint8_t x, uint8_t y, uint8_t z) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp = pat(k, s->ch);
  if (s->mod_mode == MOD_NONE) {
    if (!z) return;
    if (y == 0)
      kp->tr[x] ^= 1;
    else if (y == 1)
      kp->ac[x] ^= 1;
    else
      kp->oct[x] = (uint8_t)(6 - y);
  } else if (s->mod_mode == MOD_LOOP) {
    if (!z) {
      s->loop_count--;
      return;
    }
    s->loop_count++;
    if (s->key_alt) {
      adjust_loop_start(k, x, tr_page_param(y));
      adjust_loop_end(k, x, tr_page_param(y));
    } else if (s->loop_count == 1) {
      s->loop_edit = y;
      adjust_loop_start(k, x, tr_page_param(y));
    } else if (y == s->loop_edit) {
      adjust_loop_end(k, x, tr_page_param(y));
    }
  } else if (s->mod_mode == MOD_TIME && z) {
    if (y == 0)
      kp->tmul[T_TR] = (uint32_t)x + 1u;
    else if (y == 2)
      kp->tmul[T_AC] = (uint32_t)x + 1u;
    else if (y == 4)
      kp->tmul[T_OCT] = (uint32_t)x + 1u;
  }
}

/* the duration, note and scale pages share their shape */
static void key_column_page(op_kria_t *k, uint8_t x, uint8_t y, uint8_t z, uint8_t m) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp = pat(k, s->ch);
  if (!z) {
    if (s->mod_mode == MOD_LOOP) s->loop_count--;
    return;
  }
  if (s->mod_mode == MOD_TIME) {
    if (y == 0) kp->tmul[m] = (uint32_t)x + 1u;
    return;
  }
  if (m == T_DUR && y == 0) {
    kp->dur_mul = (uint8_t)(x + 1);
  } else if (s->mod_mode == MOD_NONE) {
    if (m == T_DUR)
      kp->dur[x] = (uint8_t)(y - 1);
    else if (m == T_NOTE)
      kp->note[x] = (uint8_t)(6 - y);
    else
      kp->sc[x] = y;
  } else if (s->mod_mode == MOD_LOOP) {
    loop_press(k, x, m);
  }
}

static void key_trans(op_kria_t *k, uint8_t x, uint8_t y, uint8_t z) {
  kria_session_t *s = &k->s;
  kria_pattern_t *kp = pat(k, s->ch);
  if (!z) {
    if (s->mod_mode == MOD_LOOP) s->loop_count--;
    return;
  }
  if (s->mod_mode == MOD_TIME) {
    if (y == 0) kp->tmul[T_TRANS] = (uint32_t)x + 1u;
  } else if (y == 0) {
    if (s->mod_mode == MOD_NONE)
      s->trans_edit = x;
    else if (s->mod_mode == MOD_LOOP)
      loop_press(k, x, T_TRANS);
  } else {
    kp->trans[wrap(s->trans_edit, 16)] = (uint8_t)(x + ((6 - y) << 4));
  }
}

static void rescale_if_edited(op_kria_t *k) {
  if (k->s.sc[0] == k->s.pscale_edit) calc_scale(k, 0);
  if (k->s.sc[1] == k->s.pscale_edit) calc_scale(k, 1);
}

static void key_scale_edit(op_kria_t *k, uint8_t x, uint8_t y, uint8_t z) {
  kria_session_t *s = &k->s;
  uint8_t *edit = user_scale(k, s->pscale_edit), i;
  if (!z) {
    if (s->mod_mode == MOD_LOOP) s->loop_count--;
    return;
  }
  if (x == 0) {
    s->pscale_edit = y;
  } else if (y == 6 && x < 8) { /* load a built-in mode */
    for (i = 0; i < 6; i++) edit[i + 1] = modes_table[(x - 1) * 7 + i];
    edit[0] = 0;
    rescale_if_edited(k);
  } else if (x < 8) { /* choose the user scale for this slot (alt: copy into it) */
    uint8_t slot = (uint8_t)(x - 1 + y * 7);
    if (s->key_alt)
      for (i = 0; i < 7; i++) k->k.scales[wrap(slot, USER_SCALES)][i] = edit[i];
    k->k.pscale[wrap(s->pscale_edit, 7)] = slot;
    rescale_if_edited(k);
  } else { /* interval of degree 6 - y (alt: keep the next degree's pitch) */
    if (s->key_alt && y != 0) {
      int8_t diff = (int8_t)((x - 8) - edit[6 - y]);
      int8_t change = (int8_t)(edit[7 - y] - diff);
      if (change < 0) change = 0;
      if (change > 7) change = 7;
      edit[7 - y] = (uint8_t)change;
    }
    edit[6 - y] = (uint8_t)(x - 8);
    rescale_if_edited(k);
  }
}

static void key_pattern(op_kria_t *k, uint8_t x, uint8_t y, uint8_t z) {
  kria_session_t *s = &k->s;
  uint8_t t;
  if (!z || y != 0) return;
  s->p_next = x;
  if (!s->key_alt) return;
  for (t = 0; t < 2; t++) { /* alt: copy the current pattern there and switch now */
    kria_pattern_t *d = &k->k.kp[t][x];
    uint8_t pad[3] = {d->pad[0], d->pad[1], d->pad[2]}; /* bees copies fields, not padding */
    *d = k->k.kp[t][s->p & 15u];
    d->pad[0] = pad[0], d->pad[1] = pad[1], d->pad[2] = pad[2];
  }
  s->p = s->p_next;
}

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_kria_t *k = (op_kria_t *)op;
  kria_session_t *s = &k->s;
  if (y > 7 || x > 15) return;
  if (y == 7)
    key_bottom(k, x, z);
  else if (s->mode == M_TR)
    key_tr(k, x, y, z);
  else if (s->mode == M_DUR)
    key_column_page(k, x, y, z, T_DUR);
  else if (s->mode == M_NOTE)
    key_column_page(k, x, y, z, T_NOTE);
  else if (s->mode == M_SCALE)
    key_column_page(k, x, y, z, T_SCALE);
  else if (s->mode == M_TRANS)
    key_trans(k, x, y, z);
  else if (s->mode == M_SCALE_EDIT)
    key_scale_edit(k, x, y, z);
  else if (s->mode == M_PATTERN)
    key_pattern(k, x, y, z);
  s->dirty = 1;
}

/* ---------------------------------------------------------------- grid display */

static bool outside_loop(const kria_pattern_t *kp, uint8_t m, uint8_t i) {
  if (kp->lswap[m]) return i < kp->lstart[m] && i > kp->lend[m];
  return i < kp->lstart[m] || i > kp->lend[m];
}

static void draw_loop(op_kria_t *k, const kria_pattern_t *kp, uint8_t m, int32_t row) {
  uint32_t i;
  if (kp->lswap[m]) {
    for (i = 0; i < kp->llen[m]; i++) led(k, row + (int32_t)((i + kp->lstart[m]) % 16u), L0);
  } else {
    for (i = kp->lstart[m]; i <= kp->lend[m]; i++) led(k, row + (int32_t)i, L0);
  }
}

/* the clock-divider page: a sequence's position dim, its divider bright */
static void draw_time(op_kria_t *k, const kria_pattern_t *kp, uint8_t m, int32_t row) {
  led(k, row + k->s.pos[k->s.ch & 1u][m], L0);
  led(k, row + (int32_t)kp->tmul[m] - 1, L2);
}

static void draw_tr(op_kria_t *k, const kria_pattern_t *kp, const uint8_t *pos) {
  uint32_t i, j;
  clear_top(k);
  if (k->s.mod_mode == MOD_TIME) {
    draw_time(k, kp, T_TR, 0);
    draw_time(k, kp, T_AC, 32);
    draw_time(k, kp, T_OCT, 64);
    return;
  }
  if (k->s.mod_mode == MOD_LOOP) {
    draw_loop(k, kp, T_TR, 0);
    draw_loop(k, kp, T_AC, 16);
  }
  for (i = 0; i < 16; i++) {
    if (kp->tr[i]) k->leds[i] = L1;
    if (kp->ac[i]) k->leds[16 + i] = L1;
    for (j = 0; j <= kp->oct[i]; j++) led(k, 96 - 16 * (int32_t)j + (int32_t)i, L0);
    if (i == pos[T_TR]) k->leds[i] = (uint8_t)(k->leds[i] + 4);
    if (i == pos[T_AC]) k->leds[16 + i] = (uint8_t)(k->leds[16 + i] + 4);
    if (i == pos[T_OCT]) led_add(k, 96 - kp->oct[i] * 16 + (int32_t)i, 4);
  }
  /* steps outside a loop are dimmed (unsigned, as bees: a lone marker wraps) */
  for (i = 0; i < 16; i++)
    if (k->leds[i] && outside_loop(kp, T_TR, (uint8_t)i)) k->leds[i] = (uint8_t)(k->leds[i] - 6);
  for (i = 0; i < 16; i++)
    if (k->leds[16 + i] && outside_loop(kp, T_AC, (uint8_t)i))
      k->leds[16 + i] = (uint8_t)(k->leds[16 + i] - 6);
  for (i = 0; i < 16; i++)
    if (outside_loop(kp, T_OCT, (uint8_t)i))
      for (j = 0; j <= kp->oct[i]; j++) led_add(k, 96 - 16 * (int32_t)j + (int32_t)i, -2);
}

static void draw_dur(op_kria_t *k, const kria_pattern_t *kp, const uint8_t *pos) {
  uint32_t i, j;
  clear_top(k);
  if (k->s.mod_mode == MOD_TIME) {
    draw_time(k, kp, T_DUR, 0);
    return;
  }
  led(k, kp->dur_mul - 1, L1);
  for (i = 0; i < 16; i++) {
    for (j = 0; j <= kp->dur[i]; j++) led(k, (int32_t)(16 + 16 * j + i), L0);
    if (i == pos[T_DUR]) led_add(k, (int32_t)(16 + i + 16u * kp->dur[i]), 4);
  }
  for (i = 0; i < 16; i++)
    if (outside_loop(kp, T_DUR, (uint8_t)i))
      for (j = 0; j <= kp->dur[i]; j++) led_add(k, (int32_t)(16 + 16 * j + i), -2);
}

static void draw_note(op_kria_t *k, const kria_pattern_t *kp, const uint8_t *pos) {
  uint8_t i, at = wrap(pos[T_NOTE], 16);
  clear_top(k);
  if (k->s.mod_mode == MOD_TIME) {
    draw_time(k, kp, T_NOTE, 0);
    return;
  }
  for (i = 0; i < 16; i++) led(k, i + (6 - kp->note[i]) * 16, L1);
  led_add(k, at + (6 - kp->note[at]) * 16, 4);
  for (i = 0; i < 16; i++)
    if (outside_loop(kp, T_NOTE, i)) led_add(k, i + (6 - kp->note[i]) * 16, -4);
}

static void draw_scale(op_kria_t *k, const kria_pattern_t *kp, const uint8_t *pos) {
  uint32_t i, j;
  clear_top(k);
  if (k->s.mod_mode == MOD_TIME) {
    draw_time(k, kp, T_SCALE, 0);
    return;
  }
  for (i = 0; i < 16; i++) {
    for (j = 0; j <= kp->sc[i]; j++) led(k, (int32_t)(16 * j + i), L0);
    led(k, (int32_t)(i + 16u * kp->sc[i]), L1);
    if (i == pos[T_SCALE]) led_add(k, (int32_t)(i + 16u * kp->sc[i]), 4);
  }
  for (i = 0; i < 16; i++)
    if (outside_loop(kp, T_SCALE, (uint8_t)i))
      for (j = 0; j <= kp->sc[i]; j++) led_add(k, (int32_t)(16 * j + i), -4);
}

static int32_t trans_led(uint8_t t) { return (t & 0xF) + 16 * (6 - (t >> 4)); }

static void draw_trans(op_kria_t *k, const kria_pattern_t *kp, const uint8_t *pos) {
  uint8_t i, te = wrap(k->s.trans_edit, 16), at = wrap(pos[T_TRANS], 16);
  clear_top(k);
  if (k->s.mod_mode == MOD_TIME) {
    draw_time(k, kp, T_TRANS, 0);
    return;
  }
  if (k->s.mod_mode == MOD_LOOP) draw_loop(k, kp, T_TRANS, 0);
  led(k, te, L1);
  led_add(k, at, 4);
  for (i = 0; i < 16; i++) led(k, trans_led(kp->trans[i]), L0);
  led_add(k, trans_led(kp->trans[at]), 4);
  led(k, trans_led(kp->trans[te]), L2);
}

static void draw_scale_edit(op_kria_t *k) {
  kria_session_t *s = &k->s;
  uint8_t i, t, slot = k->k.pscale[wrap(s->pscale_edit, 7)];
  const uint8_t *edit = user_scale(k, s->pscale_edit);
  k->leds[112] = L1;
  k->leds[113] = L1;
  clear_top(k);
  for (i = 0; i < 7; i++) {
    k->leds[i * 16] = 4;
    k->leds[97 + i] = L0;
    k->leds[8 + 16 * i] = L0;
  }
  for (t = 0; t < 2; t++)
    led(k, k->k.kp[t][s->p & 15u].sc[wrap(s->pos[t][T_SCALE], 16)] * 16, L1);
  led(k, s->pscale_edit * 16, L2);
  led(k, (slot / 7) * 16 + 1 + slot % 7, L2);
  for (i = 0; i < 7; i++) led(k, edit[i] + 8 + (6 - i) * 16, L1);
  for (t = 0; t < 2; t++)
    if (s->sc[t] == s->pscale_edit && s->tr[t]) {
      uint8_t n = wrap(k->k.kp[t][s->p & 15u].note[wrap(s->pos[t][T_NOTE], 16)], 7);
      led(k, edit[n] + 8 + (6 - n) * 16, L2);
    }
}

static void draw_patterns(op_kria_t *k) {
  uint8_t i;
  k->leds[112] = L1;
  k->leds[113] = L1;
  clear_top(k);
  for (i = 0; i < 16; i++) k->leds[i] = L0;
  if (k->s.p_next != k->s.p) led(k, k->s.p_next, L1);
  led(k, k->s.p, L2);
}

static void draw_bottom(op_kria_t *k) {
  kria_session_t *s = &k->s;
  uint8_t i;
  led(k, 112 + (s->ch == 0), L0);
  led(k, 112 + s->ch, L2);
  for (i = 0; i < 5; i++) k->leds[115 + i] = L0;
  if (s->mode <= M_TRANS) k->leds[115 + s->mode] = L2;
  k->leds[121] = (uint8_t)(L0 + ((s->mod_mode == MOD_LOOP) << 2));
  k->leds[122] = (uint8_t)(L0 + ((s->mod_mode == MOD_TIME) << 2));
  k->leds[124] = (uint8_t)(L0 + ((s->mode == M_SCALE_EDIT) << 2));
  k->leds[125] = (uint8_t)(L0 + ((s->mode == M_PATTERN) << 2));
  k->leds[127] = s->key_alt ? L2 : 0;
}

static void redraw(op_kria_t *k) {
  kria_session_t *s = &k->s;
  const kria_pattern_t *kp = pat(k, s->ch);
  const uint8_t *pos = s->pos[s->ch & 1u];
  draw_bottom(k);
  switch (s->mode) {
  case M_TR: draw_tr(k, kp, pos); break;
  case M_DUR: draw_dur(k, kp, pos); break;
  case M_NOTE: draw_note(k, kp, pos); break;
  case M_SCALE: draw_scale(k, kp, pos); break;
  case M_TRANS: draw_trans(k, kp, pos); break;
  case M_SCALE_EDIT: draw_scale_edit(k); break;
  case M_PATTERN: draw_patterns(k); break;
  default: break;
  }
  monome_mark_quadrant(&k->mon, 0);
  monome_mark_quadrant(&k->mon, 1);
}

static void poll(op_t *op, op_timer_t *t) {
  op_kria_t *k = (op_kria_t *)op;
  (void)t;
  if (k->s.dirty) redraw(k);
  k->s.dirty = 0;
}

/* ---------------------------------------------------------------- life cycle */

static void init(op_t *op) {
  op_kria_t *k = (op_kria_t *)op;
  uint8_t c, i, j;
  monome_client_init(&k->mon, op, IN_FOCUS, k->leds, key, 0);
  op->in[IN_OCTAVE] = 12;
  op->in[IN_TUNING] = 5;
  for (c = 0; c < 2; c++)
    for (i = 0; i < 16; i++) {
      kria_pattern_t *kp = &k->k.kp[c][i];
      kp->dur_mul = 4;
      for (j = 0; j < NUM_PARAMS; j++) {
        kp->lend[j] = 5;
        kp->llen[j] = 6;
        kp->tmul[j] = 1;
      }
    }
  for (i = 0; i < 7; i++) k->k.pscale[i] = i;
  for (i = 0; i < USER_SCALES; i++)
    for (j = 1; j < 7; j++) k->k.scales[i][j] = 1;
  monome_focus_at_init(&k->mon);
  redraw(k);
  op_timer_start(op, &k->refresh, REFRESH_MS, poll);
}

static void deinit(op_t *op) {
  op_kria_t *k = (op_kria_t *)op;
  monome_release(&k->mon);
  op_timer_stop(op, &k->refresh);
  op_timer_stop(op, &k->note_off[0]);
  op_timer_stop(op, &k->note_off[1]);
}

/* ---------------------------------------------------------------- scene state */

/* bees' AVR32 image read as u32 words and written little-endian: image byte i is file byte
 * file_at(i) */
static uint32_t file_at(uint32_t i) { return (i & ~3u) | (3u - (i & 3u)); }

static void encode_set(const kria_set_t *s, uint8_t *f) {
  uint32_t c, i, j;
  for (c = 0; c < 2; c++)
    for (i = 0; i < 16; i++) {
      const kria_pattern_t *kp = &s->kp[c][i];
      uint32_t b = (c * 16u + i) * PATTERN_IMAGE_BYTES;
      for (j = 0; j < 16; j++) {
        f[file_at(b + j)] = kp->tr[j];
        f[file_at(b + 16 + j)] = kp->ac[j];
        f[file_at(b + 32 + j)] = kp->oct[j];
        f[file_at(b + 48 + j)] = kp->note[j];
        f[file_at(b + 64 + j)] = kp->dur[j];
        f[file_at(b + 80 + j)] = kp->sc[j];
        f[file_at(b + 96 + j)] = kp->trans[j];
      }
      f[file_at(b + 112)] = kp->dur_mul;
      for (j = 0; j < NUM_PARAMS; j++) {
        f[file_at(b + 113 + j)] = kp->lstart[j];
        f[file_at(b + 120 + j)] = kp->lend[j];
        f[file_at(b + 127 + j)] = kp->llen[j];
        f[file_at(b + 134 + j)] = kp->lswap[j];
        /* a 4-byte-aligned big-endian word lands in file order as little-endian */
        f[b + 144 + 4 * j + 0] = (uint8_t)kp->tmul[j];
        f[b + 144 + 4 * j + 1] = (uint8_t)(kp->tmul[j] >> 8);
        f[b + 144 + 4 * j + 2] = (uint8_t)(kp->tmul[j] >> 16);
        f[b + 144 + 4 * j + 3] = (uint8_t)(kp->tmul[j] >> 24);
      }
      for (j = 0; j < 3; j++) f[file_at(b + 141 + j)] = kp->pad[j];
    }
  for (i = 0; i < 7; i++) f[file_at(5504 + i)] = s->pscale[i];
  for (i = 0; i < USER_SCALES; i++)
    for (j = 0; j < 7; j++) f[file_at(5511 + 7 * i + j)] = s->scales[i][j];
  for (j = 0; j < 3; j++) f[file_at(5805 + j)] = s->pad[j];
}

static void decode_set(kria_set_t *s, const uint8_t *f) {
  uint32_t c, i, j;
  for (c = 0; c < 2; c++)
    for (i = 0; i < 16; i++) {
      kria_pattern_t *kp = &s->kp[c][i];
      uint32_t b = (c * 16u + i) * PATTERN_IMAGE_BYTES;
      for (j = 0; j < 16; j++) {
        kp->tr[j] = f[file_at(b + j)];
        kp->ac[j] = f[file_at(b + 16 + j)];
        kp->oct[j] = f[file_at(b + 32 + j)];
        kp->note[j] = f[file_at(b + 48 + j)];
        kp->dur[j] = f[file_at(b + 64 + j)];
        kp->sc[j] = f[file_at(b + 80 + j)];
        kp->trans[j] = f[file_at(b + 96 + j)];
      }
      kp->dur_mul = f[file_at(b + 112)];
      for (j = 0; j < NUM_PARAMS; j++) {
        const uint8_t *w = f + b + 144 + 4 * j;
        kp->lstart[j] = f[file_at(b + 113 + j)];
        kp->lend[j] = f[file_at(b + 120 + j)];
        kp->llen[j] = f[file_at(b + 127 + j)];
        kp->lswap[j] = f[file_at(b + 134 + j)];
        kp->tmul[j] = (uint32_t)w[0] | ((uint32_t)w[1] << 8) | ((uint32_t)w[2] << 16) |
                      ((uint32_t)w[3] << 24);
      }
      for (j = 0; j < 3; j++) kp->pad[j] = f[file_at(b + 141 + j)];
    }
  for (i = 0; i < 7; i++) s->pscale[i] = f[file_at(5504 + i)];
  for (i = 0; i < USER_SCALES; i++)
    for (j = 0; j < 7; j++) s->scales[i][j] = f[file_at(5511 + 7 * i + j)];
  for (j = 0; j < 3; j++) s->pad[j] = f[file_at(5805 + j)];
}

static const uint8_t order[] = {IN_FOCUS, IN_OCTAVE, IN_TUNING, IN_PATTERN};
#define STATE_BYTES (8u + SET_IMAGE_BYTES)

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  if (cap < STATE_BYTES) return -1;
  op_pickle_inputs(op, order, 4, dst, cap);
  encode_set(&((const op_kria_t *)op)->k, dst + 8);
  return (int32_t)STATE_BYTES;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_kria_t *k = (op_kria_t *)op;
  (void)fmt;
  if (len < STATE_BYTES) return -1;
  op_unpickle_inputs(op, order, 4, src, len);
  decode_set(&k->k, src + 8);
  calc_scale(k, 0);
  calc_scale(k, 1);
  monome_focus(&k->mon, op->in[IN_FOCUS] > 0);
  k->s.dirty = 1;
  return (int32_t)STATE_BYTES;
}

static const char *const ins[] = {"FOCUS", "CLOCK", "OCTAVE", "TUNING", "PATTERN"};
static const char *const outs[] = {"TR0", "NOTE0", "TR1", "NOTE1"};
static const op_in_fn fns[] = {in_focus, in_clock, in_octave, in_tuning, in_pattern};

const op_class_t op_class_kria = {
  .id = OP_KRIA, .name = "KRIA", .display = "KRIA", .num_ins = 5, .num_outs = 4,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_kria_t), .size32 = 6304,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
