/* SPDX-License-Identifier: MIT */
/* test_midi.c: the MIDI and HID hubs: message parsing and dispatch by kind and channel,
 * subscription order (newest first), unsubscription when ops are removed (then sending MIDI must
 * not touch them: run under ASan and the debug pool's poisoning), hubs attached before and after
 * ops exist, replaced and detached; the HID frame's dirty flags and dispatch. */
#include "hid.h"
#include "midi.h"
#include "net_devices.h"
#include "op_harness.h"

/* Checks the log holds exactly these (op, out, value) triples in order, then clears it. */
#define EXPECT_LOG(h, ...)                                                          \
  do {                                                                              \
    const int t_[] = {__VA_ARGS__};                                                 \
    uint32_t n_ = sizeof t_ / sizeof t_[0] / 3, i_;                                 \
    CHECK_EQ_INT((h)->n, n_);                                                       \
    for (i_ = 0; i_ < n_ && i_ < (h)->n; i_++) {                                    \
      CHECK_EQ_INT((h)->log[i_].op, t_[3 * i_]);                                    \
      CHECK_EQ_INT((h)->log[i_].out, t_[3 * i_ + 1]);                               \
      CHECK_EQ_INT((h)->log[i_].value, t_[3 * i_ + 2]);                             \
    }                                                                               \
    harness_clear_log(h);                                                           \
  } while (0)

static void test_dispatch_by_kind(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  uint16_t note, cc, prog, clk;
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  CHECK(net_midi(h->net) == &hub);
  note = harness_add(h, OP_MIDI_NOTE);
  cc = harness_add(h, OP_MIDI_CC);
  prog = harness_add(h, OP_MIDI_PROG);
  clk = harness_add(h, OP_MIDI_CLOCK);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 1);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_CC), 1);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_PROGRAM), 1);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_REALTIME), 1);
  harness_in(h, cc, 1, 7); /* NUM 7 */
  harness_clear_log(h);

  midi_hub_receive(h->net, 0x90, 60, 100); /* note on */
  EXPECT_LOG(h, note, 0, 60, note, 1, 100);
  midi_hub_receive(h->net, 0x90, 60, 0); /* note on, velocity 0 = note off */
  EXPECT_LOG(h, note, 0, 60, note, 1, 0);
  midi_hub_receive(h->net, 0x80, 61, 64); /* note off with release velocity (sic: VELON 64) */
  EXPECT_LOG(h, note, 0, 61, note, 1, 64);
  midi_hub_receive(h->net, 0xE0, 0x00, 0x40); /* pitch bend centre */
  EXPECT_LOG(h, note, 2, 0);
  midi_hub_receive(h->net, 0xE0, 0x7F, 0x7F);
  EXPECT_LOG(h, note, 2, 8191);
  midi_hub_receive(h->net, 0xE0, 0x00, 0x00);
  EXPECT_LOG(h, note, 2, -8192);
  midi_hub_receive(h->net, 0xE0, 0x01, 0x00);
  EXPECT_LOG(h, note, 2, -8191);
  midi_hub_receive(h->net, 0xD0, 0x40, 0); /* channel pressure: MIDINOTE has no handler */
  HARNESS_EXPECT_NONE(h);
  midi_hub_receive(h->net, 0xB0, 7, 99); /* CC 7 */
  EXPECT_LOG(h, cc, 0, 99);
  midi_hub_receive(h->net, 0xB0, 8, 99); /* CC 8: not NUM */
  HARNESS_EXPECT_NONE(h);
  midi_hub_receive(h->net, 0xC0, 5, 0); /* program */
  EXPECT_LOG(h, prog, 0, 5);
  midi_hub_receive(h->net, 0xF8, 0, 0);
  midi_hub_receive(h->net, 0xFA, 0, 0);
  midi_hub_receive(h->net, 0xFB, 0, 0);
  midi_hub_receive(h->net, 0xFC, 0, 0);
  EXPECT_LOG(h, clk, 0, 1, clk, 1, 1, clk, 2, 1, clk, 3, 1);
  CHECK_EQ_INT(hub.ignored, 0);
  /* kinds nobody handles */
  midi_hub_receive(h->net, 0xA0, 60, 10); /* poly pressure */
  midi_hub_receive(h->net, 0xFE, 0, 0);   /* active sensing */
  midi_hub_receive(h->net, 0xF0, 0, 0);   /* sysex start */
  midi_hub_receive(h->net, 0x40, 0, 0);   /* a data byte is no status */
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(hub.ignored, 4);
  CHECK_EQ_INT(hub.received, 19);
  harness_free(h);
}

static void test_channels(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  uint16_t note, cc, prog;
  static const struct {
    io_t chan;      /* value given to CHAN */
    io_t stored;    /* what CHAN then reads */
    int8_t matches; /* the channel that fires (-1: every channel) */
  } chans[] = {
    {-1, -1, -1}, {0, 0, 0}, {3, 3, 3}, {15, 15, 15}, {20, 20, 15}, {-5, -5, -1},
    {256, 256, 0}, /* bees: (s8)256 = 0 */
    {200, 200, -1}, /* (s8)200 = -56, clamped to -1: omni */
    {271, 271, 15},
  };
  uint32_t i;
  uint8_t ch;
  midi_hub_init(&hub);
  net_attach_midi(h->net, &hub); /* plain attach: subscription happens at op init */
  note = harness_add(h, OP_MIDI_NOTE);
  for (i = 0; i < sizeof chans / sizeof chans[0]; i++) {
    harness_in(h, note, 0, chans[i].chan);
    CHECK_EQ_INT(harness_value(h, note, 0), chans[i].stored);
    for (ch = 0; ch < 16; ch++) {
      int fires = chans[i].matches == -1 || chans[i].matches == ch;
      harness_clear_log(h);
      midi_hub_receive(h->net, (uint8_t)(0x90 | ch), 40, 1);
      CHECK_EQ_INT(h->n, fires ? 2 : 0);
      harness_clear_log(h);
      midi_hub_receive(h->net, (uint8_t)(0xE0 | ch), 0, 0x40);
      CHECK_EQ_INT(h->n, fires ? 1 : 0);
    }
  }
  net_remove_op(h->net, note);

  cc = harness_add(h, OP_MIDI_CC);
  prog = harness_add(h, OP_MIDI_PROG);
  CHECK_EQ_INT(harness_value(h, cc, 0), -1);
  CHECK_EQ_INT(harness_value(h, prog, 0), -1);
  harness_in(h, cc, 0, 2);
  harness_in(h, cc, 1, 10);
  harness_in(h, prog, 0, 4);
  harness_clear_log(h);
  midi_hub_receive(h->net, 0xB2, 10, 127);
  midi_hub_receive(h->net, 0xB3, 10, 1);  /* other channel */
  midi_hub_receive(h->net, 0xB2, 11, 1);  /* other controller */
  midi_hub_receive(h->net, 0xC4, 9, 0);
  midi_hub_receive(h->net, 0xC5, 8, 0);
  EXPECT_LOG(h, cc, 0, 127, prog, 0, 9);
  /* clamps */
  harness_in(h, cc, 0, 99);
  CHECK_EQ_INT(harness_value(h, cc, 0), 15);
  harness_in(h, cc, 0, -9);
  CHECK_EQ_INT(harness_value(h, cc, 0), -1);
  harness_in(h, cc, 1, 200);
  CHECK_EQ_INT(harness_value(h, cc, 1), 127);
  harness_in(h, cc, 1, -3);
  CHECK_EQ_INT(harness_value(h, cc, 1), 0);
  harness_in(h, prog, 0, 16);
  CHECK_EQ_INT(harness_value(h, prog, 0), 15);
  harness_in(h, prog, 0, -32768);
  CHECK_EQ_INT(harness_value(h, prog, 0), -1);
  harness_clear_log(h);
  midi_hub_receive(h->net, 0xBF, 0, 5); /* omni, NUM 0 */
  midi_hub_receive(h->net, 0xC7, 1, 0); /* omni */
  EXPECT_LOG(h, cc, 0, 5, prog, 0, 1);
  harness_free(h);
}

static void test_subscription_order(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  uint16_t a, b, c, d, idx;
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  a = harness_add(h, OP_MIDI_NOTE);
  b = harness_add(h, OP_MIDI_NOTE);
  c = harness_add(h, OP_MIDI_NOTE);
  CHECK(midi_hub_subscriber(&hub, MIDI_LIST_NOTE, 0) == net_op(h->net, c));
  CHECK(midi_hub_subscriber(&hub, MIDI_LIST_NOTE, 2) == net_op(h->net, a));
  CHECK(midi_hub_subscriber(&hub, MIDI_LIST_NOTE, 3) == 0);
  harness_clear_log(h);
  midi_hub_receive(h->net, 0x90, 1, 2);
  EXPECT_LOG(h, c, 0, 1, c, 1, 2, b, 0, 1, b, 1, 2, a, 0, 1, a, 1, 2);
  /* remove the middle one */
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  c--; /* indices after b shift down */
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 2);
  midi_hub_receive(h->net, 0x90, 3, 4);
  EXPECT_LOG(h, c, 0, 3, c, 1, 4, a, 0, 3, a, 1, 4);
  /* remove the head */
  CHECK_EQ_INT(net_remove_op(h->net, c), NET_OK);
  midi_hub_receive(h->net, 0x90, 5, 6);
  EXPECT_LOG(h, a, 0, 5, a, 1, 6);
  /* an op inserted before a is still the newest subscriber */
  CHECK_EQ_INT(net_add_op(h->net, OP_MIDI_NOTE, 0, &idx), NET_OK);
  d = idx;
  a++;
  midi_hub_receive(h->net, 0x90, 7, 8);
  EXPECT_LOG(h, d, 0, 7, d, 1, 8, a, 0, 7, a, 1, 8);
  /* other lists are separate */
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_CC), 0);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, 7), 0);
  harness_free(h);
}

/* Remove MIDI ops, reuse their memory, then send every kind of message: nothing may fire and
 * nothing may touch the freed ops. */
static void test_remove_then_send(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  static const uint8_t msgs[][3] = {{0x90, 1, 1}, {0x80, 1, 1}, {0xE0, 0, 0}, {0xD0, 1, 0},
                                    {0xB0, 0, 1}, {0xC0, 1, 0}, {0xF8, 0, 0}, {0xFA, 0, 0},
                                    {0xFB, 0, 0}, {0xFC, 0, 0}};
  uint32_t i, l;
  uint16_t keep = 12;
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  net_add_system_ops(h->net);
  harness_add(h, OP_MIDI_NOTE);
  harness_add(h, OP_MIDI_CC);
  harness_add(h, OP_MIDI_CLOCK);
  harness_add(h, OP_MIDI_PROG);
  harness_add(h, OP_MIDI_CLOCK);
  harness_add(h, OP_MIDI_NOTE);
  /* remove all but `keep`, in a mixed order */
  CHECK_EQ_INT(net_remove_op(h->net, 17), NET_OK);
  CHECK_EQ_INT(net_remove_op(h->net, 12), NET_OK);
  CHECK_EQ_INT(net_remove_op(h->net, 15), NET_OK); /* the second MIDICLK */
  CHECK_EQ_INT(net_remove_op(h->net, 14), NET_OK); /* MIDIPROG */
  CHECK_EQ_INT(net_remove_op(h->net, 12), NET_OK); /* MIDICC */
  CHECK_EQ_INT(net_op(h->net, keep)->cls->id, OP_MIDI_CLOCK);
  for (l = 0; l < MIDI_LIST_COUNT; l++)
    CHECK_EQ_INT(midi_hub_subscribers(&hub, (midi_list_t)l), l == MIDI_LIST_REALTIME ? 1 : 0);
  /* reuse the freed blocks with other ops */
  for (i = 0; i < 6; i++) harness_add(h, OP_ADD);
  harness_clear_log(h);
  for (i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
    midi_hub_receive(h->net, msgs[i][0], msgs[i][1], msgs[i][2]);
  EXPECT_LOG(h, keep, 0, 1, keep, 1, 1, keep, 2, 1, keep, 3, 1);
  /* clearing the user ops leaves every list empty */
  net_clear_user_ops(h->net);
  for (l = 0; l < MIDI_LIST_COUNT; l++)
    CHECK_EQ_INT(midi_hub_subscribers(&hub, (midi_list_t)l), 0);
  for (i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
    midi_hub_receive(h->net, msgs[i][0], msgs[i][1], msgs[i][2]);
  HARNESS_EXPECT_NONE(h);
  harness_free(h);
}

static void test_attach_detach(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub, hub2;
  uint16_t a, b, c;
  midi_hub_init(&hub);
  midi_hub_init(&hub2);
  /* nothing attached: ops are created, messages go nowhere, nothing crashes */
  CHECK(net_midi(h->net) == 0);
  a = harness_add(h, OP_MIDI_NOTE);
  b = harness_add(h, OP_MIDI_NOTE);
  midi_hub_receive(h->net, 0x90, 1, 1);
  midi_hub_receive(0, 0x90, 1, 1);
  HARNESS_EXPECT_NONE(h);
  /* attaching subscribes the existing ops, the last in the net first */
  midi_hub_attach(h->net, &hub);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 2);
  midi_hub_receive(h->net, 0x90, 1, 2);
  EXPECT_LOG(h, b, 0, 1, b, 1, 2, a, 0, 1, a, 1, 2);
  /* attaching the same hub again changes nothing */
  midi_hub_attach(h->net, &hub);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 2);
  /* a plain net_attach_midi of another hub: it subscribes the ops lazily at the first message,
   * taking them from the old hub */
  net_attach_midi(h->net, &hub2);
  CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 0);
  midi_hub_receive(h->net, 0x90, 3, 4);
  EXPECT_LOG(h, b, 0, 3, b, 1, 4, a, 0, 3, a, 1, 4);
  CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 2);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 0);
  /* replacing through midi_hub_attach empties the old hub */
  midi_hub_attach(h->net, &hub);
  CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 0);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 2);
  /* detach: nothing is subscribed; removing an op afterwards is safe */
  midi_hub_attach(h->net, 0);
  CHECK(net_midi(h->net) == 0);
  CHECK_EQ_INT(midi_hub_subscribers(&hub, MIDI_LIST_NOTE), 0);
  CHECK_EQ_INT(net_remove_op(h->net, a), NET_OK);
  b--;
  midi_hub_receive(h->net, 0x90, 1, 1);
  HARNESS_EXPECT_NONE(h);
  /* plain attach, then an op is created: it subscribes itself and the older op */
  net_attach_midi(h->net, &hub2);
  c = harness_add(h, OP_MIDI_NOTE);
  CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 2);
  CHECK(midi_hub_subscriber(&hub2, MIDI_LIST_NOTE, 0) == net_op(h->net, c));
  midi_hub_receive(h->net, 0x9F, 9, 9);
  EXPECT_LOG(h, c, 0, 9, c, 1, 9, b, 0, 9, b, 1, 9);
  /* a hub moved to another net drops the first net's ops without touching them */
  {
    harness_t *h2 = harness_new(0, 0);
    uint16_t x = harness_add(h2, OP_MIDI_NOTE);
    midi_hub_attach(h2->net, &hub2);
    CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 1);
    midi_hub_receive(h2->net, 0x90, 2, 2);
    CHECK_EQ_INT(h2->n, 2);
    CHECK_EQ_INT(h2->log[0].op, x);
    harness_free(h2);
    CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 0);
  }
  net_attach_midi(h->net, 0);
  harness_free(h); /* h's ops still name hub2; their removal must not disturb it */
  CHECK_EQ_INT(midi_hub_subscribers(&hub2, MIDI_LIST_NOTE), 0);
}

/* ---- HID ---- */

static void test_hid_hub(void) {
  harness_t *h = harness_new(0, 0);
  struct hid_hub hub;
  uint8_t f[40];
  uint16_t a, b, c;
  uint32_t i;
  hid_hub_init(&hub);
  for (i = 0; i < 32; i++) CHECK(hid_hub_byte_dirty(&hub, (uint8_t)i));
  hid_hub_frame(h->net, f, 4); /* no hub attached: nothing */
  CHECK_EQ_INT(hub.frames, 0);
  a = harness_add(h, OP_HID); /* BYTE 0, SIZE 1 by default */
  hid_hub_attach(h->net, &hub);
  b = harness_add(h, OP_HID);
  c = harness_add(h, OP_HID);
  CHECK_EQ_INT(hid_hub_subscribers(&hub), 3);
  CHECK(hid_hub_subscriber(&hub, 0) == net_op(h->net, c));
  CHECK(hid_hub_subscriber(&hub, 2) == net_op(h->net, a));
  harness_in(h, a, 1, 0);  /* a: byte 0, 8-bit */
  harness_in(h, b, 0, 2);  /* b: bytes 2,3, 16-bit */
  harness_in(h, c, 0, 10); /* c: byte 10, 16-bit */
  harness_in(h, c, 1, 0);  /*    8-bit */
  harness_clear_log(h);
  /* first frame, 4 bytes, all zero: bytes 0..3 unchanged; byte 10 still dirty from the start */
  for (i = 0; i < sizeof f; i++) f[i] = 0;
  hid_hub_frame(h->net, f, 4);
  EXPECT_LOG(h, c, 0, 0);
  for (i = 0; i < 32; i++) CHECK(!hid_hub_byte_dirty(&hub, (uint8_t)i));
  hid_hub_frame(h->net, f, 4); /* nothing changed */
  HARNESS_EXPECT_NONE(h);
  f[0] = 5;
  f[2] = 0x12;
  f[3] = 0x34;
  hid_hub_frame(h->net, f, 4);
  EXPECT_LOG(h, b, 0, 0x1234, a, 0, 5); /* newest first */
  f[0] = 0xFF;
  f[3] = 0x80; /* only b's low byte changed: b does not look at it */
  hid_hub_frame(h->net, f, 4);
  EXPECT_LOG(h, a, 0, -1);
  f[2] = 0x13; /* low byte 0x80 sign-extends over the high byte (sic) */
  hid_hub_frame(h->net, f, 4);
  EXPECT_LOG(h, b, 0, -128);
  f[2] = 0x80;
  f[3] = 0x01;
  hid_hub_frame(h->net, f, 4);
  EXPECT_LOG(h, b, 0, -32767);
  /* a short report keeps the bytes beyond it */
  hid_hub_frame(h->net, f, 1);
  CHECK_EQ_INT(hid_hub_byte(&hub, 2), 0x80);
  HARNESS_EXPECT_NONE(h);
  /* a long report is cut to 32 bytes */
  for (i = 0; i < sizeof f; i++) f[i] = (uint8_t)(i + 1);
  hid_hub_frame(h->net, f, sizeof f);
  CHECK_EQ_INT(hid_hub_byte(&hub, 31), 32);
  CHECK_EQ_INT(hid_hub_byte(&hub, 32), 1); /* index masked */
  EXPECT_LOG(h, c, 0, 11, b, 0, 0x0304, a, 0, 1);
  /* removing ops unsubscribes them; later frames reach only the rest */
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  c--;
  CHECK_EQ_INT(hid_hub_subscribers(&hub), 2);
  for (i = 0; i < 6; i++) harness_add(h, OP_ADD);
  harness_clear_log(h);
  for (i = 0; i < sizeof f; i++) f[i] = (uint8_t)(100 + i);
  hid_hub_frame(h->net, f, 32);
  EXPECT_LOG(h, c, 0, 110, a, 0, 100);
  hid_hub_frame(h->net, 0, 0); /* no bytes: only dispatch (nothing dirty) */
  HARNESS_EXPECT_NONE(h);
  /* detach */
  hid_hub_attach(h->net, 0);
  CHECK_EQ_INT(hid_hub_subscribers(&hub), 0);
  f[0] = 1;
  hid_hub_frame(h->net, f, 32);
  HARNESS_EXPECT_NONE(h);
  /* plain attach: lazily subscribed at the next frame */
  net_attach_hid(h->net, &hub);
  f[0] = 2;
  hid_hub_frame(h->net, f, 1);
  EXPECT_LOG(h, a, 0, 2);
  CHECK_EQ_INT(hid_hub_subscribers(&hub), 2);
  harness_free(h);
  CHECK_EQ_INT(hid_hub_subscribers(&hub), 0);
}

int main(void) {
  RUN(test_dispatch_by_kind);
  RUN(test_channels);
  RUN(test_subscription_order);
  RUN(test_remove_then_send);
  RUN(test_attach_detach);
  RUN(test_hid_hub);
  return check_summary("test_midi");
}
