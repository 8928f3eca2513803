/* SPDX-License-Identifier: MIT */
/* test_catalog.c: every registered op class is well formed, named as bees names it, and (on a
 * 32-bit build such as the big-endian qemu run) declares its true AVR32-like size. Prints which
 * classes fit the small pool of a plan and which need big blocks. */
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "net.h"
#include "op_catalog.h"

/* bees 0.8.1: registry name, inputs, outputs, per class id (from op.c and ops/). */
static const struct {
  const char *name;
  uint8_t ins, outs;
} bees[OP_CLASS_COUNT] = {
  {"SW", 2, 1},       {"ENC", 4, 2},      {"ADD", 3, 1},      {"MUL", 3, 1},
  {"GATE", 3, 1},     {"GRID", 3, 3},     {"MIDINOTE", 1, 3}, {"ADC", 3, 4},
  {"METRO", 3, 1},    {"PRESET", 2, 0},   {"TOG", 2, 1},      {"ACCUM", 5, 2},
  {"SPLIT", 1, 2},    {"DIV", 3, 1},      {"SUB", 3, 1},      {"TIMER", 2, 1},
  {"RANDOM", 4, 1},   {"LIST8", 9, 1},    {"THRESH", 2, 2},   {"MOD", 3, 1},
  {"BITS", 9, 9},     {"IS", 4, 4},       {"LOGIC", 5, 3},    {"LIST2", 3, 1},
  {"LIFE", 9, 3},     {"HISTORY", 1, 9},  {"BIGNUM", 5, 1},   {"SCREEN", 6, 1},
  {"SPLIT4", 1, 4},   {"DELAY", 3, 1},    {"ROUTE", 2, 4},    {"MIDICC", 2, 1},
  {"MOUT_NOTE", 6, 1},{"LIST16", 17, 1},  {"STEP", 3, 8},     {"ROUTE8", 2, 8},
  {"MP", 3, 8},       {"BARS", 7, 1},     {"SERIAL", 2, 2},   {"HID", 2, 1},
  {"WW", 5, 7},       {"ARC", 5, 3},      {"FADE", 3, 1},     {"DIVR", 3, 2},
  {"SHL", 3, 1},      {"SHR", 3, 1},      {"CHANGE", 2, 1},   {"ROUTE16", 2, 16},
  {"BARS8", 11, 1},   {"MOUT_CC", 4, 1},  {"PARAM", 1, 1},    {"MEM0D", 3, 1},
  {"MEM1D", 4, 2},    {"MEM2D", 5, 3},    {"ITER", 3, 3},     {"GRIDRAW", 5, 3},
  {"MIDICLK", 1, 4},  {"MAGINC", 1, 1},   {"KRIA", 5, 4},     {"HARRY", 4, 1},
  {"POLY", 4, 3},     {"MIDIPROG", 1, 1}, {"MOUT_CLK", 5, 1}, {"CKDIV", 4, 2},
  {"LINLIN", 5, 1},   {"LIST4", 5, 1},
};

static void test_classes_well_formed(void) {
  uint16_t i, k;
  CHECK(op_class_count() >= 9);
  CHECK(op_class_count() <= OP_CLASS_COUNT);
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    CHECK(c != 0);
    if (!c) continue;
    CHECK((unsigned)c->id < OP_CLASS_COUNT);
    CHECK(op_class_by_id(c->id) == c); /* one class per id */
    CHECK_EQ_STR(c->name, bees[c->id].name);
    CHECK_EQ_INT(c->num_ins, bees[c->id].ins);
    CHECK_EQ_INT(c->num_outs, bees[c->id].outs);
    CHECK(op_class_by_name(c->name) == c);
    CHECK(c->display && c->display[0]);
    CHECK(c->in_fns != 0);
    /* state: a pickle pair, or declared state inputs (each a real input, once), never both */
    CHECK((c->pickle != 0) == (c->unpickle != 0));
    CHECK(!c->pickle || c->num_state_ins == 0);
    CHECK((c->state_ins != 0) == (c->num_state_ins != 0));
    CHECK(c->num_state_ins <= c->num_ins);
    for (k = 0; k < c->num_state_ins; k++) {
      uint32_t j;
      CHECK(c->state_ins[k] < c->num_ins);
      for (j = 0; j < k; j++) CHECK(c->state_ins[j] != c->state_ins[k]);
    }
    CHECK(c->size >= sizeof(op_t));
    CHECK(c->in_offset >= sizeof(op_t) && c->in_offset + 2u * c->num_ins <= c->size);
    CHECK(c->out_offset + sizeof(op_target_t) * c->num_outs <= c->size);
    for (k = 0; k < c->num_ins; k++) {
      CHECK(c->in_fns[k] != 0);
      CHECK(c->in_names[k] && c->in_names[k][0]);
    }
    for (k = 0; k < c->num_outs; k++) CHECK(c->out_names[k] && c->out_names[k][0]);
    if (sizeof(void *) == 4 && c->size != c->size32) {
      fprintf(stderr, "%s: size32 is %u but sizeof on this 32-bit build is %u\n", c->name,
              c->size32, c->size);
      CHECK_EQ_INT(c->size32, c->size);
    }
  }
  CHECK(op_class_by_name("HIST") == op_class_by_id(OP_HISTORY));
  CHECK(op_class_by_name("nope") == 0);
  CHECK(op_class_by_id(OP_CLASS_COUNT) == 0);
}

static void test_user_classes(void) {
  uint16_t i;
  for (i = 0; i < op_user_class_count(); i++) {
    const op_class_t *c = op_user_class(i);
    CHECK(c && !(c->flags & OP_FLAG_SYSTEM));
  }
  CHECK(op_user_class(op_user_class_count()) == 0);
}

/* Which classes fit bees 0.8's 128-byte small blocks on a 32-bit target (the pool's default
 * line between small and big ops in its statistics at the AVR32's 4-byte granule). */
/* The front panel's door (panel.c) reaches ENC, SW and ADC through device_in, and only them. */
static void test_panel_door(void) {
  uint16_t i;
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    bool panel = c->id == OP_ENC || c->id == OP_SW || c->id == OP_ADC;
    CHECK(panel == (c->device_in != 0));
    if (c->device_in) CHECK(c->flags & OP_FLAG_SYSTEM);
  }
}

static void test_small_or_big(void) {
  uint16_t i, small = 0, big = 0;
  printf("classes by bees 0.8's pools on a 32-bit target (small blocks of 128 bytes):\n");
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    int fits = c->size32 <= 128u;
    printf("  %-10s %5u bytes  %s\n", c->name, c->size32, fits ? "small" : "big");
    small += fits;
    big += !fits;
    CHECK(c->size32 > 0);
  }
  printf("%u small, %u big\n", small, big);
  CHECK_EQ_INT(small + big, op_class_count());
}

/* What planners assume of the net's own allocations on a 32-bit target holds there. */
static void test_table_sizes32(void) {
  net_param_t params[3];
  if (sizeof(void *) == 4) {
    CHECK_EQ_INT(sizeof params[0], NET_PARAM_SIZE32);
    CHECK_EQ_INT(net_alloc_size32(NET_TAG_PRESET_INS, 5u * NET_PRESET_IN_SIZE32),
                 5u * NET_PRESET_IN_SIZE32);
    CHECK_EQ_INT(net_alloc_size32(NET_TAG_PRESET_OUTS, 5u * NET_PRESET_OUT_SIZE32),
                 5u * NET_PRESET_OUT_SIZE32);
  }
  CHECK_EQ_INT(net_alloc_size32(NET_TAG_PARAMS, sizeof params), 3u * NET_PARAM_SIZE32);
  CHECK_EQ_INT(net_alloc_size32((uint16_t)(OP_KRIA + 1u), 1u), op_class_by_id(OP_KRIA)->size32);
  CHECK_EQ_INT(net_alloc_size32(0, 77u), 77u);
}

int main(void) {
  RUN(test_classes_well_formed);
  RUN(test_user_classes);
  RUN(test_panel_door);
  RUN(test_small_or_big);
  RUN(test_table_sizes32);
  return check_summary("test_catalog");
}
