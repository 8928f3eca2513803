/* SPDX-License-Identifier: MIT */
/* scene_layout.c: per-class facts of the bees 0.7.1 and 0.8.1 scene layouts (state sizes and
 * port counts, from /work/notes/scene-format.md section 4, checked against the real files). */
#include "scene_layout.h"

typedef struct {
  const char *name;
  uint16_t state71, state81;
  uint8_t ins71, outs71, ins81, outs81, shift71;
} class_row_t;

/* Indexed by bees class id. 0.7.1 has ids 0..49; 0.8.1 has 0..65. */
static const class_row_t rows[OP_CLASS_COUNT] = {
  /* name        st71 st81 i71 o71 i81 o81 shift */
  {"SW",          6,   6,    2,  1,  2,  1, 0},
  {"ENC",        10,  10,    4,  2,  4,  2, 0},
  {"ADD",         6,   6,    3,  1,  3,  1, 0},
  {"MUL",         6,   6,    3,  1,  3,  1, 0},
  {"GATE",        0,   6,    3,  1,  3,  1, 0}, /* 0.7.1 GATE had no pickle function */
  {"GRID",        6, 262,    3,  3,  3,  3, 0},
  {"MIDINOTE",    2,   2,    1,  3,  1,  3, 0},
  {"ADC",         6,   6,    3,  4,  3,  4, 0},
  {"METRO",       6,   6,    3,  1,  3,  1, 0},
  {"PRESET",      0,   0,    2,  0,  2,  0, 0},
  {"TOG",         4,   4,    2,  1,  2,  1, 0},
  {"ACCUM",       8,   8,    5,  2,  5,  2, 0},
  {"SPLIT",       0,   0,    1,  2,  1,  2, 0},
  {"DIV",         6,   6,    3,  1,  3,  1, 0},
  {"SUB",         6,   6,    3,  1,  3,  1, 0},
  {"TIMER",       0,   0,    1,  1,  2,  1, 0}, /* 0.8.1 appends RESET */
  {"RANDOM",      6,   8,    3,  1,  4,  1, 0}, /* 0.8.1 appends SEED */
  {"LIST8",      18,  18,    9,  1,  9,  1, 0},
  {"THRESH",      4,   4,    2,  2,  2,  2, 0},
  {"MOD",         6,   6,    3,  1,  3,  1, 0},
  {"BITS",       18,  18,    9,  9,  9,  9, 0},
  {"IS",          8,   8,    4,  4,  4,  4, 0},
  {"LOGIC",      10,  10,    5,  3,  5,  3, 0},
  {"LIST2",       6,   6,    3,  1,  3,  1, 0},
  {"LIFE",       12, 268,    9,  3,  9,  3, 0},
  {"HISTORY",     2,   2,    1,  9,  1,  9, 0},
  {"BIGNUM",     10,  10,    5,  0,  5,  1, 0}, /* 0.8.1 adds a DUMMY output */
  {"SCREEN",     12,  12,    6,  0,  6,  1, 0},
  {"SPLIT4",      0,   0,    1,  4,  1,  4, 0},
  {"DELAY",       2,   2,    3,  1,  3,  1, 0},
  {"ROUTE",       2,   2,    2,  4,  2,  4, 0},
  {"MIDICC",      4,   4,    2,  1,  2,  1, 0},
  {"MOUT_NOTE",   2,   6,    3,  0,  6,  1, 1}, /* 0.8.1 puts CABLE first */
  {"LIST16",     34,  34,   17,  1, 17,  1, 0},
  {"STEP",        4, 336,    3,  8,  3,  8, 0},
  {"ROUTE8",      2,   2,    2,  8,  2,  8, 0},
  {"MP",          4,  60,    3,  8,  3,  8, 0},
  {"BARS",       14,  14,    7,  0,  7,  1, 0},
  {"SERIAL",      4,   4,    2,  2,  2,  2, 0},
  {"HID",         4,   4,    2,  1,  2,  1, 0},
  {"WW",          4, 3980,   3,  7,  5,  7, 0}, /* 0.8.1 appends CUT, PATTERN */
  {"ARC",         4,   4,    5,  3,  5,  3, 0},
  {"FADE",        6,   6,    3,  1,  3,  1, 0},
  {"DIVR",        6,   6,    3,  2,  3,  2, 0},
  {"SHL",         6,   6,    3,  1,  3,  1, 0},
  {"SHR",         6,   6,    3,  1,  3,  1, 0},
  {"CHANGE",      4,   4,    2,  1,  2,  1, 0},
  {"ROUTE16",     2,   2,    2, 16,  2, 16, 0},
  {"BARS8",      22,  22,   11,  0, 11,  1, 0},
  {"MOUT_CC",     4,   6,    3,  0,  4,  1, 1}, /* 0.8.1 puts CABLE first */
  /* new in 0.8.1 */
  {"PARAM",       0,   0,    0,  0,  1,  1, 0},
  {"MEM0D",       0,   6,    0,  0,  3,  1, 0},
  {"MEM1D",       0,  40,    0,  0,  4,  2, 0},
  {"MEM2D",       0, 522,    0,  0,  5,  3, 0},
  {"ITER",        0,   6,    0,  0,  3,  3, 0},
  {"GRIDRAW",     0, 262,    0,  0,  5,  3, 0},
  {"MIDICLK",     0,   0,    0,  0,  1,  4, 0},
  {"MAGINC",      0,   0,    0,  0,  1,  1, 0},
  {"KRIA",        0, 5816,   0,  0,  5,  4, 0},
  {"HARRY",       0,   6,    0,  0,  4,  1, 0},
  {"POLY",        0,   8,    0,  0,  4,  3, 0},
  {"MIDIPROG",    0,   2,    0,  0,  1,  1, 0},
  {"MOUT_CLK",    0,   2,    0,  0,  5,  1, 0},
  {"CKDIV",       0,   8,    0,  0,  4,  2, 0},
  {"LINLIN",      0,  10,    0,  0,  5,  1, 0},
  {"LIST4",       0,  10,    0,  0,  5,  1, 0},
};

#define CLASSES_0_7_1 50u

uint16_t scene_layout_class_count(op_format_t fmt) {
  return (uint16_t)(fmt == OP_FORMAT_0_7_1 ? CLASSES_0_7_1 : OP_CLASS_COUNT);
}

bool scene_class_layout(op_format_t fmt, uint32_t id, scene_class_layout_t *out) {
  const class_row_t *r;
  if (id >= scene_layout_class_count(fmt)) return false;
  r = &rows[id];
  if (out) {
    out->name = r->name;
    if (fmt == OP_FORMAT_0_7_1) {
      out->state = r->state71;
      out->ins = r->ins71;
      out->outs = r->outs71;
      out->in_shift = r->shift71;
    } else {
      out->state = r->state81;
      out->ins = r->ins81;
      out->outs = r->outs81;
      out->in_shift = 0;
    }
  }
  return true;
}
