/* SPDX-License-Identifier: MIT */
/* op_catalog.c: the registry of op classes, built from the generated list of core/ops files. */
#include "op_catalog.h"

#include "strbuf.h"

#define OP_CLASS(name, ID) extern const op_class_t op_class_##name;
#include "op_list.h"
#undef OP_CLASS

/* In file-name order (op_class_at). */
static const op_class_t *const classes[] = {
#define OP_CLASS(name, ID) &op_class_##name,
#include "op_list.h"
#undef OP_CLASS
};

/* By class id (op_class_by_id, O(1): net_check asks it for every op at every check). A file
 * whose upper-cased name is no op_id_t does not compile; two files with one id are flagged by
 * -Woverride-init (in -Wextra). */
static const op_class_t *const by_id[OP_CLASS_COUNT] = {
#define OP_CLASS(name, ID) [OP_##ID] = &op_class_##name,
#include "op_list.h"
#undef OP_CLASS
};

/* bees 0.8.1's userOpTypes order. */
static const op_id_t user_order[] = {
  OP_ACCUM, OP_ADD, OP_ARC, OP_BARS, OP_BARS8, OP_BIGNUM, OP_BITS, OP_CHANGE, OP_CKDIV, OP_DELAY,
  OP_DIV, OP_DIVR, OP_FADE, OP_GATE, OP_GRID, OP_GRIDRAW, OP_HARRY, OP_HID, OP_HISTORY, OP_IS,
  OP_ITER, OP_KRIA, OP_LIFE, OP_LINLIN, OP_LIST2, OP_LIST4, OP_LIST8, OP_LIST16, OP_LOGIC,
  OP_MAGINC, OP_MEM0D, OP_MEM1D, OP_MEM2D, OP_METRO, OP_MIDI_CC, OP_MIDI_CLOCK, OP_MIDI_NOTE,
  OP_MIDI_PROG, OP_MOUT_CC, OP_MOUT_NOTE, OP_MOUT_CLK, OP_MOD, OP_MP, OP_MUL, OP_PARAM, OP_POLY,
  OP_RANDOM, OP_ROUTE, OP_ROUTE8, OP_ROUTE16, OP_SCREEN, OP_SERIAL, OP_SHL, OP_SHR, OP_SPLIT,
  OP_SPLIT4, OP_STEP, OP_SUB, OP_THRESH, OP_TIMER, OP_TOG, OP_WW};

uint16_t op_class_count(void) { return (uint16_t)(sizeof classes / sizeof classes[0]); }

const op_class_t *op_class_at(uint16_t n) { return n < op_class_count() ? classes[n] : 0; }

const op_class_t *op_class_by_id(uint32_t id) { return id < OP_CLASS_COUNT ? by_id[id] : 0; }

const op_class_t *op_class_by_name(const char *name) {
  uint16_t i;
  if (!name) return 0;
  for (i = 0; i < op_class_count(); i++)
    if (str_eq(classes[i]->name, name)) return classes[i];
  for (i = 0; i < op_class_count(); i++)
    if (str_eq(classes[i]->display, name)) return classes[i];
  return 0;
}

uint16_t op_user_class_count(void) {
  uint16_t i, n = 0;
  for (i = 0; i < sizeof user_order / sizeof user_order[0]; i++)
    if (op_class_by_id(user_order[i])) n++;
  return n;
}

const op_class_t *op_user_class(uint16_t n) {
  uint16_t i;
  for (i = 0; i < sizeof user_order / sizeof user_order[0]; i++) {
    const op_class_t *c = op_class_by_id(user_order[i]);
    if (c && n-- == 0) return c;
  }
  return 0;
}
