/* SPDX-License-Identifier: MIT */
/* op_mp.c: MP, the "cascades" (meadowphysics) grid sequencer (bees op_cascades). Eight rows
 * count down; STEP counts row 0 down by one. A row that passes zero triggers: it fires OUTn = 1,
 * applies its rule to its rule destination row (inc, dec, max, min, random, wander, return),
 * reloads its count, and counts down every row it routes triggers to (recursively, each row
 * at most once per STEP). Grid: column 0 held selects a row to edit (routing), with column 1
 * also held the rules page; otherwise a press sets that row's count to the column.
 *
 * 0.8.1 state: FOCUS, SIZE, then positions, points, points_save, triggers, trig_dests, rules,
 * rule_dests (8 bytes each) as bees' AVR32 struct image: 14 big-endian words written as
 * little-endian u32 (byte-reversed in groups of 4).
 *
 * Differs from bees: the column count the rules use follows SIZE at init and on scene load too
 * (bees set it only from the SIZE input, so a fresh op's max/random/wander rules used 0 columns
 * and random divided by zero, quirk 11); the random generator is per op (bees shared one between
 * all MP ops); keys on rows 8..15 of a 16x16 grid are ignored (bees wrote past its 8-row arrays);
 * LEDs outside 0..15 columns from out-of-range scene data are not drawn; the grid is redrawn
 * after a scene load. STEP keeps no value, as in bees.
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"

enum { IN_FOCUS, IN_SIZE, IN_STEP };
enum { RULE_NONE, RULE_INC, RULE_DEC, RULE_MAX, RULE_MIN, RULE_RND, RULE_WANDER, RULE_RETURN };
#define LVL_HI 15
#define LVL_MID 9
#define LVL_LO 5
#define IMAGE_BYTES 56u

typedef struct {
  op_t super;
  io_t in[3];
  op_target_t out[8];
  monome_client_t mon;
  int8_t positions[8];
  int8_t points[8];
  int8_t points_save[8];
  uint8_t triggers[8];
  uint8_t trig_dests[8];
  uint8_t rules[8];
  uint8_t rule_dests[8];
  uint8_t edit_row, key_count, mode, prev_mode;
  uint8_t xsize; /* columns the rules use: 8 or 16 */
  uint32_t rng[2];
  uint8_t leds[MONOME_GRID_LEDS];
} op_mp_t;

/* rule glyphs shown on the rules page (8 rows of 8 columns, bit i = column 8 + i) */
static const uint8_t glyph[8][8] = {
  {0, 0, 0, 0, 0, 0, 0, 0},           {0, 24, 24, 126, 126, 24, 24, 0},
  {0, 0, 0, 126, 126, 0, 0, 0},       {0, 96, 96, 126, 126, 96, 96, 0},
  {0, 6, 6, 126, 126, 6, 6, 0},       {0, 102, 102, 24, 24, 102, 102, 0},
  {0, 120, 120, 102, 102, 30, 30, 0}, {0, 126, 126, 102, 102, 126, 126, 0},
};

static uint32_t rnd(op_mp_t *mp) {
  mp->rng[0] = mp->rng[0] * 0x3c6ef35fu + 0x19660du;
  mp->rng[1] = mp->rng[1] * 0x3c6ef35fu + 0x19660du;
  return (mp->rng[0] >> 16) | (mp->rng[1] >> 16);
}

static uint8_t xsize_of(io_t size) { return size < 9 ? 8 : 16; }

static void led(op_mp_t *mp, uint32_t row, int32_t colm, uint8_t level) {
  if (row < 8 && colm >= 0 && colm < 16) mp->leds[row * 16u + (uint32_t)colm] = level;
}

static void redraw(op_mp_t *mp) {
  uint32_t r, i;
  uint8_t er = (uint8_t)(mp->edit_row & 7u);
  for (i = 0; i < 128; i++) mp->leds[i] = 0;
  if (mp->mode == 0) {
    for (r = 0; r < 8; r++) {
      int32_t c;
      for (c = (uint8_t)mp->positions[r]; c <= mp->points[r] && c < 16; c++)
        led(mp, r, c, LVL_MID);
      led(mp, r, mp->positions[r], LVL_HI);
    }
  } else if (mp->mode == 1) {
    led(mp, er, 0, LVL_MID);
    led(mp, er, 1, LVL_MID);
    for (r = 0; r < 8; r++) {
      if (mp->trig_dests[er] & (1u << r)) {
        int32_t c;
        for (c = 0; c <= mp->points[r] && c < 16; c++) led(mp, r, c, LVL_HI);
      }
      led(mp, r, mp->positions[r], LVL_LO);
    }
  } else if (mp->mode == 2) {
    uint8_t rule = (uint8_t)(mp->rules[er] & 7u);
    led(mp, er, 0, LVL_MID);
    led(mp, er, 1, LVL_MID);
    for (i = 2; i < 7; i++) led(mp, mp->rule_dests[er], (int32_t)i, LVL_HI);
    for (i = 8; i < 16; i++) led(mp, mp->rules[er], (int32_t)i, LVL_LO);
    for (r = 0; r < 8; r++) led(mp, r, mp->positions[r], LVL_LO);
    for (r = 0; r < 8; r++)
      for (i = 0; i < 8; i++)
        if (glyph[rule][r] & (1u << i)) led(mp, r, (int32_t)(8 + i), LVL_HI);
    led(mp, mp->rules[er], 7, LVL_HI);
  }
  monome_mark_quadrant(&mp->mon, 0);
  monome_mark_quadrant(&mp->mon, 1);
}

static void trigger(op_mp_t *mp, uint8_t n) {
  uint8_t m, d;
  mp->positions[n]--;
  if (mp->positions[n] >= 0 || mp->triggers[n]) return;
  mp->triggers[n]++;
  d = (uint8_t)(mp->rule_dests[n] & 7u);
  switch (mp->rules[n]) {
  case RULE_INC:
    if (mp->points[d] < mp->xsize - 1) {
      mp->points[d]++;
      mp->positions[d] = mp->points[d];
    }
    break;
  case RULE_DEC:
    if (mp->points[d] > 0) {
      mp->points[d]--;
      mp->positions[d] = mp->points[d];
    }
    break;
  case RULE_MAX:
    mp->points[d] = (int8_t)(mp->xsize - 1);
    mp->positions[d] = mp->points[d];
    break;
  case RULE_MIN:
    mp->points[d] = 0;
    mp->positions[d] = 0;
    break;
  case RULE_RND:
    mp->points[d] = (int8_t)(rnd(mp) % mp->xsize);
    mp->positions[d] = mp->points[d];
    break;
  case RULE_WANDER:
    mp->points[d] = (int8_t)(mp->points[d] + (int8_t)(rnd(mp) % 3u) - 1);
    if (mp->points[d] < 0)
      mp->points[d] = 0;
    else if (mp->points[d] > mp->xsize - 1)
      mp->points[d] = (int8_t)(mp->xsize - 1);
    mp->positions[d] = mp->points[d];
    break;
  case RULE_RETURN:
    mp->points[d] = mp->points_save[d];
    break;
  default:
    break;
  }
  mp->positions[n] = (int8_t)(mp->positions[n] + mp->points[n] + 1);
  /* each row triggers at most once per STEP, so the recursion is at most 8 deep */
  for (m = 0; m < 8; m++)
    if (mp->trig_dests[n] & (1u << m)) trigger(mp, m);
}

static void in_focus(op_t *op, io_t v) { monome_focus(&((op_mp_t *)op)->mon, v > 0); }

static void in_size(op_t *op, io_t v) {
  op->in[IN_SIZE] = v < 9 ? 8 : 16;
  ((op_mp_t *)op)->xsize = (uint8_t)op->in[IN_SIZE];
}

static void in_step(op_t *op, io_t v) {
  op_mp_t *mp = (op_mp_t *)op;
  uint8_t i;
  (void)v;
  for (i = 0; i < 8; i++) mp->triggers[i] = 0;
  trigger(mp, 0);
  for (i = 0; i < 8; i++) {
    if (mp->positions[i] < 0)
      mp->positions[i] = 0;
    else if (mp->positions[i] > mp->points[i])
      mp->positions[i] = mp->points[i];
    if (mp->triggers[i]) op_fire(op, i, 1);
  }
  redraw(mp);
}

static void key(op_t *op, uint8_t x, uint8_t y, uint8_t z) {
  op_mp_t *mp = (op_mp_t *)op;
  bool dirty = false;
  if (y > 7) return;
  mp->prev_mode = mp->mode;
  if (x == 0) {
    mp->key_count = (uint8_t)(mp->key_count + (z ? 1 : -1));
    if (mp->key_count == 1 && z)
      mp->mode = 1;
    else if (mp->key_count == 0)
      mp->mode = 0;
    if (z && mp->mode == 1) {
      mp->edit_row = y;
      dirty = true;
    }
  } else if (x == 1 && mp->mode != 0) {
    if (mp->mode == 1 && z)
      mp->mode = 2;
    else if (mp->mode == 2 && !z)
      mp->mode = 1;
  } else if (mp->mode == 0 && z) {
    mp->points[y] = (int8_t)x;
    mp->points_save[y] = (int8_t)x;
    mp->positions[y] = (int8_t)x;
    dirty = true;
  } else if (mp->mode == 1 && z) {
    if (y != mp->edit_row) {
      mp->trig_dests[mp->edit_row & 7u] ^= (uint8_t)(1u << y);
      dirty = true;
    }
  } else if (mp->mode == 2 && z) {
    if (x > 1 && x < 6) {
      mp->rule_dests[mp->edit_row & 7u] = y;
      dirty = true;
    } else if (x > 5) {
      mp->rules[mp->edit_row & 7u] = y;
      dirty = true;
    }
  }
  if (mp->mode != mp->prev_mode) dirty = true;
  if (dirty) redraw(mp);
}

static const int8_t start_points[8] = {3, 1, 2, 2, 3, 3, 5, 7};

static void init(op_t *op) {
  op_mp_t *mp = (op_mp_t *)op;
  uint8_t i;
  monome_client_init(&mp->mon, op, IN_FOCUS, mp->leds, key, 0);
  op->in[IN_SIZE] = monome_grid_cols(op->net);
  mp->xsize = xsize_of(op->in[IN_SIZE]);
  for (i = 0; i < 8; i++) {
    mp->positions[i] = mp->points[i] = mp->points_save[i] = start_points[i];
    mp->rule_dests[i] = i;
  }
  mp->rng[0] = 1234567u;
  mp->rng[1] = 7654321u;
  op->in[IN_FOCUS] = 1;
  monome_focus_at_init(&mp->mon);
  redraw(mp);
}

static void deinit(op_t *op) { monome_release(&((op_mp_t *)op)->mon); }

static void to_image(const op_mp_t *mp, uint8_t img[IMAGE_BYTES]) {
  uint32_t i;
  for (i = 0; i < 8; i++) {
    img[i] = (uint8_t)mp->positions[i];
    img[8 + i] = (uint8_t)mp->points[i];
    img[16 + i] = (uint8_t)mp->points_save[i];
    img[24 + i] = mp->triggers[i];
    img[32 + i] = mp->trig_dests[i];
    img[40 + i] = mp->rules[i];
    img[48 + i] = mp->rule_dests[i];
  }
}

static void from_image(op_mp_t *mp, const uint8_t img[IMAGE_BYTES]) {
  uint32_t i;
  for (i = 0; i < 8; i++) {
    mp->positions[i] = (int8_t)img[i];
    mp->points[i] = (int8_t)img[8 + i];
    mp->points_save[i] = (int8_t)img[16 + i];
    mp->triggers[i] = img[24 + i];
    mp->trig_dests[i] = img[32 + i];
    mp->rules[i] = img[40 + i];
    mp->rule_dests[i] = img[48 + i];
  }
}

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  uint8_t img[IMAGE_BYTES];
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + IMAGE_BYTES, i;
  if (cap < n) return -1;
  op_pickle_ios(op->in, 2, dst, cap);
  if (fmt == OP_FORMAT_0_7_1) return (int32_t)n;
  to_image((const op_mp_t *)op, img);
  for (i = 0; i < IMAGE_BYTES; i++) dst[4 + i] = img[(i & ~3u) + 3u - (i & 3u)];
  return (int32_t)n;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_mp_t *mp = (op_mp_t *)op;
  uint8_t img[IMAGE_BYTES];
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + IMAGE_BYTES, i;
  if (len < n) return -1;
  op_unpickle_ios(op->in, 2, src, len);
  if (fmt != OP_FORMAT_0_7_1) {
    for (i = 0; i < IMAGE_BYTES; i++) img[(i & ~3u) + 3u - (i & 3u)] = src[4 + i];
    from_image(mp, img);
  }
  mp->xsize = xsize_of(op->in[IN_SIZE]);
  monome_focus(&mp->mon, op->in[IN_FOCUS] > 0);
  redraw(mp);
  return (int32_t)n;
}

static const char *const ins[] = {"FOCUS", "SIZE", "STEP"};
static const char *const outs[] = {"OUT0", "OUT1", "OUT2", "OUT3",
                                   "OUT4", "OUT5", "OUT6", "OUT7"};
static const op_in_fn fns[] = {in_focus, in_size, in_step};

const op_class_t op_class_mp = {
  .id = OP_MP, .name = "MP", .display = "MP", .num_ins = 3, .num_outs = 8,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_mp_t), .size32 = 444,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
