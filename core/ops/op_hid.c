/* SPDX-License-Identifier: MIT */
/* op_hid.c: HID (bees op_hid_word): reads one value from the HID frame. When a frame arrives in
 * which byte BYTE (0..31, clamped) changed, fires VAL: SIZE 0 (any value <= 0) the byte as a
 * signed 8-bit value; SIZE 1 (any value > 0) a 16-bit word, byte BYTE high and byte BYTE+1
 * (mod 32) low, each sign-extended before they are combined as bees does (so a low byte of 0x80
 * or more sets the whole high byte: 0x12,0x80 gives -128, sic). Only BYTE's dirty flag is tested.
 * State (both formats): BYTE, SIZE.
 * Differs from bees: frames are dispatched from the caller's context, not a timer interrupt
 * (see hid.h); a reloaded BYTE and SIZE are clamped as the inputs clamp them (bees used them raw,
 * so a corrupt BYTE indexed outside the frame). */
#include "hid.h"
#include "op.h"

enum { IN_BYTE, IN_SIZE };

typedef struct {
  hid_op_t base;
  io_t in[2];
  op_target_t out[1];
} op_hid_t;

static void in_byte(op_t *op, io_t v) { op->in[IN_BYTE] = op_clamp(v, 0, HID_FRAME_IDX_MASK); }
static void in_size(op_t *op, io_t v) { op->in[IN_SIZE] = v > 0 ? 1 : 0; }

static int32_t sext8(uint8_t b) { return b > 127 ? (int32_t)b - 256 : (int32_t)b; }

static void on_frame(op_t *op, const struct hid_hub *hub) {
  uint8_t b = (uint8_t)op->in[IN_BYTE];
  int32_t hi = sext8(hid_hub_byte(hub, b));
  if (!hid_hub_byte_dirty(hub, b)) return;
  if (op->in[IN_SIZE] > 0) {
    int32_t lo = sext8(hid_hub_byte(hub, (uint8_t)((b + 1u) & HID_FRAME_IDX_MASK)));
    op_fire(op, 0, op_wrap((int32_t)(((uint32_t)hi << 8) | (uint32_t)lo)));
  } else {
    op_fire(op, 0, (io_t)hi);
  }
}

static void init(op_t *op) {
  op->in[IN_BYTE] = 0;
  op->in[IN_SIZE] = 1;
  hid_op_init(op, on_frame);
}

static void deinit(op_t *op) { hid_op_deinit(op); }

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  (void)fmt;
  return op_pickle_ios(op->in, 2, dst, cap);
}
static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  io_t v[2];
  (void)fmt;
  if (op_unpickle_ios(v, 2, src, len) < 0) return -1;
  in_byte(op, v[0]);
  in_size(op, v[1]);
  return 4;
}

static const char *const ins[] = {"BYTE", "SIZE"};
static const char *const outs[] = {"VAL"};
static const op_in_fn fns[] = {in_byte, in_size};

const op_class_t op_class_hid = {
  .id = OP_HID, .name = "HID", .display = "HID", .num_ins = 2, .num_outs = 1, .in_names = ins,
  .out_names = outs, OP_LAYOUT(op_hid_t), .size32 = 48, .flags = OP_FLAG_HID, .init = init,
  .deinit = deinit, .in_fns = fns, .pickle = pickle, .unpickle = unpickle,
};
