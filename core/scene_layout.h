/* SPDX-License-Identifier: MIT */
/* scene_layout.h: what the two bees scene layouts (0.7.1 and 0.8.1) say about each op class:
 * its pickled state size and its input/output counts, and how a 0.7.1 op's nodes map onto the
 * class as aleph-sim builds it (bees 0.8.1's ports). Owns only constant tables. */
#ifndef ALEPH_SCENE_LAYOUT_H
#define ALEPH_SCENE_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "op.h"

/* The largest pickled state of any class in either layout (KRIA's in 0.8.1): a buffer of this
 * size holds any one op's state (test_scene checks it against the table). */
#define SCENE_STATE_MAX 5816u

/* One class in one layout. */
typedef struct {
  uint16_t state;   /* bytes of pickled state after the class id (fixed per class) */
  uint8_t ins;      /* inputs the class has in that layout */
  uint8_t outs;     /* outputs the class has in that layout */
  uint8_t in_shift; /* layout input k is the built class's input k + in_shift */
  const char *name; /* bees' registry name in that layout */
} scene_class_layout_t;

/* Classes the layout knows: 50 for 0.7.1, 66 for 0.8.1. */
uint16_t scene_layout_class_count(op_format_t fmt);
/* The class `id` in layout fmt; false if the layout has no such class. Time O(1). */
bool scene_class_layout(op_format_t fmt, uint32_t id, scene_class_layout_t *out);

#endif
