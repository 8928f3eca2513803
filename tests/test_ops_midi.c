/* SPDX-License-Identifier: MIT */
/* test_ops_midi.c: the MIDI, HID and serial op classes: defaults, flags and names; MIDI input
 * ops driven by scripted messages; the MIDI bytes MOUT_NOTE, MOUT_CC and MOUT_CLK send and the
 * serial messages SERIAL sends (captured through a services stub); HID values for SIZE 0 and 1;
 * pickle round trips in both formats, byte-exact records, and 0.7.1 decodes where the layouts
 * differ (MOUT_NOTE, MOUT_CC). */
#include "hid.h"
#include "midi.h"
#include "net_devices.h"
#include "op_harness.h"
#include "services.h"

/* ---- services stub ---- */

typedef struct {
  uint8_t cable, status, d1, d2;
} midi_msg_t;

typedef struct {
  midi_msg_t midi[64];
  uint32_t n_midi;
  io_t serial[32][2];
  uint32_t n_serial;
} capture_t;

static void cap_midi(void *ctx, uint8_t cable, uint8_t status, uint8_t d1, uint8_t d2) {
  capture_t *c = ctx;
  if (c->n_midi < 64) {
    c->midi[c->n_midi].cable = cable;
    c->midi[c->n_midi].status = status;
    c->midi[c->n_midi].d1 = d1;
    c->midi[c->n_midi].d2 = d2;
  }
  c->n_midi++;
}

static void cap_serial(void *ctx, io_t addr, io_t data) {
  capture_t *c = ctx;
  if (c->n_serial < 32) {
    c->serial[c->n_serial][0] = addr;
    c->serial[c->n_serial][1] = data;
  }
  c->n_serial++;
}

/* Checks exactly one MIDI message was captured since the last check, and what it was. */
static void expect_midi(capture_t *c, int line, int cable, int status, int d1, int d2) {
  if (c->n_midi != 1) fprintf(stderr, "line %d: %u MIDI messages\n", line, c->n_midi);
  CHECK_EQ_INT(c->n_midi, 1);
  if (c->n_midi >= 1) {
    if (c->midi[0].cable != cable || c->midi[0].status != status || c->midi[0].d1 != d1 ||
        c->midi[0].d2 != d2)
      fprintf(stderr, "line %d: got %u %02X %u %u\n", line, c->midi[0].cable, c->midi[0].status,
              c->midi[0].d1, c->midi[0].d2);
    CHECK_EQ_INT(c->midi[0].cable, cable);
    CHECK_EQ_INT(c->midi[0].status, status);
    CHECK_EQ_INT(c->midi[0].d1, d1);
    CHECK_EQ_INT(c->midi[0].d2, d2);
  }
  c->n_midi = 0;
}
#define EXPECT_MIDI(c, cable, status, d1, d2) expect_midi(c, __LINE__, cable, status, d1, d2)

/* ---- classes ---- */

static void test_classes(void) {
  static const struct {
    op_id_t id;
    const char *name, *display, *in0, *out0;
    uint8_t flags;
    int32_t size081, size071;
  } t[] = {
    {OP_MIDI_NOTE, "MIDINOTE", "MIDINOTE", "CHAN", "NUM", OP_FLAG_MIDI_IN, 2, 2},
    {OP_MIDI_CC, "MIDICC", "MIDICC", "CHAN", "VAL", OP_FLAG_MIDI_IN, 4, 4},
    {OP_MIDI_PROG, "MIDIPROG", "MIDIPROG", "CHAN", "VAL", OP_FLAG_MIDI_IN, 2, 2},
    {OP_MIDI_CLOCK, "MIDICLK", "MIDICLK", "DUMMY", "TICK", OP_FLAG_MIDI_IN, 0, 0},
    {OP_MOUT_NOTE, "MOUT_NOTE", "MOUTNO", "CABLE", "DUMMY", 0, 6, 2},
    {OP_MOUT_CC, "MOUT_CC", "MOUTCC", "CABLE", "DUMMY", 0, 6, 4},
    {OP_MOUT_CLK, "MOUT_CLK", "MOUTCK", "CABLE", "DUMMY", 0, 2, 2},
    {OP_SERIAL, "SERIAL", "SERIAL", "ADDR", "ADDR", 0, 4, 4},
    {OP_HID, "HID", "HID", "BYTE", "VAL", OP_FLAG_HID, 4, 4},
  };
  harness_t *h = harness_new(0, 0);
  uint32_t i;
  for (i = 0; i < sizeof t / sizeof t[0]; i++) {
    const op_class_t *c = op_class_by_id(t[i].id);
    uint16_t idx, k;
    op_t *op;
    CHECK(c != 0);
    if (!c) continue;
    CHECK_EQ_STR(c->name, t[i].name);
    CHECK_EQ_STR(c->display, t[i].display);
    CHECK(op_class_by_name(t[i].display) == c);
    CHECK_EQ_STR(c->in_names[0], t[i].in0);
    CHECK_EQ_STR(c->out_names[0], t[i].out0);
    CHECK_EQ_INT(c->flags, t[i].flags);
    idx = harness_add(h, t[i].id);
    op = net_op(h->net, idx);
    /* quirk 1 fixed: every output starts unconnected */
    for (k = 0; k < c->num_outs; k++)
      CHECK_EQ_INT(net_target(h->net, (uint16_t)(net_op_first_out(h->net, idx) + k)), -1);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, idx, OP_FORMAT_0_8_1), t[i].size081);
    CHECK_EQ_INT(harness_pickle_roundtrip(h, idx, OP_FORMAT_0_7_1), t[i].size071);
    (void)op;
  }
  harness_free(h);
}

static void test_defaults(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t note = harness_add(h, OP_MIDI_NOTE), cc = harness_add(h, OP_MIDI_CC),
           prog = harness_add(h, OP_MIDI_PROG), clk = harness_add(h, OP_MIDI_CLOCK),
           mn = harness_add(h, OP_MOUT_NOTE), mc = harness_add(h, OP_MOUT_CC),
           mk = harness_add(h, OP_MOUT_CLK), ser = harness_add(h, OP_SERIAL),
           hid = harness_add(h, OP_HID);
  static const io_t mn_def[6] = {0, 1, 0, 0, 0, 0}, mc_def[4] = {0, 1, 0, 0};
  uint8_t k;
  CHECK_EQ_INT(harness_value(h, note, 0), -1);
  CHECK_EQ_INT(harness_value(h, cc, 0), -1);
  CHECK_EQ_INT(harness_value(h, cc, 1), 0);
  CHECK_EQ_INT(harness_value(h, prog, 0), -1);
  CHECK_EQ_INT(harness_value(h, clk, 0), 0);
  for (k = 0; k < 6; k++) CHECK_EQ_INT(harness_value(h, mn, k), mn_def[k]);
  for (k = 0; k < 4; k++) CHECK_EQ_INT(harness_value(h, mc, k), mc_def[k]);
  for (k = 0; k < 5; k++) CHECK_EQ_INT(harness_value(h, mk, k), 0);
  CHECK_EQ_INT(harness_value(h, ser, 0), 0);
  CHECK_EQ_INT(harness_value(h, ser, 1), 0);
  CHECK_EQ_INT(harness_value(h, hid, 0), 0);
  CHECK_EQ_INT(harness_value(h, hid, 1), 1);
  /* MIDICLK's DUMMY keeps nothing */
  harness_in(h, clk, 0, 5);
  CHECK_EQ_INT(harness_value(h, clk, 0), 0);
  HARNESS_EXPECT_NONE(h);
  harness_free(h);
}

/* ---- MIDI input ops: scripted messages ---- */

typedef struct {
  uint8_t status, d1, d2;
  int8_t out0, out1; /* expected outputs fired (-1: none) */
  io_t v0, v1;
} midi_step_t;

static void run_script(harness_t *h, uint16_t op, const midi_step_t *s, uint32_t n) {
  uint32_t i;
  for (i = 0; i < n; i++) {
    uint32_t want = (s[i].out0 >= 0) + (s[i].out1 >= 0);
    harness_clear_log(h);
    midi_hub_receive(h->net, s[i].status, s[i].d1, s[i].d2);
    if (h->n != want) fprintf(stderr, "script step %u\n", i);
    CHECK_EQ_INT(h->n, want);
    if (want >= 1 && h->n >= 1) {
      CHECK_EQ_INT(h->log[0].op, op);
      CHECK_EQ_INT(h->log[0].out, s[i].out0);
      CHECK_EQ_INT(h->log[0].value, s[i].v0);
    }
    if (want == 2 && h->n == 2) {
      CHECK_EQ_INT(h->log[1].out, s[i].out1);
      CHECK_EQ_INT(h->log[1].value, s[i].v1);
    }
  }
  harness_clear_log(h);
}

static void test_midi_note(void) {
  static const midi_step_t script[] = {
    {0x95, 60, 100, 0, 1, 60, 100}, /* channel 5 = CHAN */
    {0x94, 60, 100, -1, -1, 0, 0},  /* other channel */
    {0x95, 60, 0, 0, 1, 60, 0},     /* note on velocity 0 = off */
    {0x85, 61, 0, 0, 1, 61, 0},     /* note off */
    {0x85, 62, 33, 0, 1, 62, 33},   /* note off, release velocity on VELON (sic) */
    {0x95, 127, 127, 0, 1, 127, 127},
    {0xE5, 0x00, 0x40, 2, -1, 0, 0},
    {0xE5, 0x7F, 0x7F, 2, -1, 8191, 0},
    {0xE5, 0x00, 0x00, 2, -1, -8192, 0},
    {0xE5, 0x7F, 0x3F, 2, -1, -1, 0},
    {0xE5, 0x00, 0x41, 2, -1, 128, 0},
    {0xE6, 0x00, 0x41, -1, -1, 0, 0},
    {0xD5, 0x10, 0, -1, -1, 0, 0},  /* channel pressure: ignored */
    {0xA5, 60, 10, -1, -1, 0, 0},   /* poly pressure: ignored */
    {0xB5, 60, 10, -1, -1, 0, 0},   /* CC: not a note op's list */
    {0xF8, 0, 0, -1, -1, 0, 0},
  };
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  uint16_t op;
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  op = harness_add(h, OP_MIDI_NOTE);
  harness_in(h, op, 0, 5);
  run_script(h, op, script, sizeof script / sizeof script[0]);
  harness_free(h);
}

static void test_midi_cc_prog_clock(void) {
  static const midi_step_t cc_script[] = {
    {0xB0, 74, 0, 0, -1, 0, 0},     /* omni by default */
    {0xBF, 74, 127, 0, -1, 127, 0},
    {0xB3, 73, 5, -1, -1, 0, 0},    /* other controller */
    {0x93, 74, 5, -1, -1, 0, 0},    /* a note */
  };
  static const midi_step_t prog_script[] = {
    {0xC9, 0, 0, 0, -1, 0, 0},      /* CHAN 9 */
    {0xC9, 127, 0, 0, -1, 127, 0},
    {0xC8, 5, 0, -1, -1, 0, 0},
    {0xB9, 5, 0, -1, -1, 0, 0},
  };
  static const midi_step_t clk_script[] = {
    {0xF8, 0, 0, 0, -1, 1, 0}, {0xFA, 0, 0, 1, -1, 1, 0}, {0xFB, 0, 0, 2, -1, 1, 0},
    {0xFC, 0, 0, 3, -1, 1, 0}, {0xF9, 0, 0, -1, -1, 0, 0}, {0xFF, 0, 0, -1, -1, 0, 0},
    {0xF2, 1, 2, -1, -1, 0, 0}, {0x90, 1, 2, -1, -1, 0, 0},
  };
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  uint16_t op;
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  op = harness_add(h, OP_MIDI_CC);
  harness_in(h, op, 1, 74);
  run_script(h, op, cc_script, sizeof cc_script / sizeof cc_script[0]);
  net_remove_op(h->net, op);
  op = harness_add(h, OP_MIDI_PROG);
  harness_in(h, op, 0, 9);
  run_script(h, op, prog_script, sizeof prog_script / sizeof prog_script[0]);
  net_remove_op(h->net, op);
  op = harness_add(h, OP_MIDI_CLOCK);
  run_script(h, op, clk_script, sizeof clk_script / sizeof clk_script[0]);
  harness_free(h);
}

/* A MIDI input op's output drives a MIDI output op: what arrives goes back out. */
static void test_midi_thru(void) {
  harness_t *h = harness_new(0, 0);
  struct midi_hub hub;
  capture_t cap;
  net_services_t svc = {&cap, 0, cap_midi, cap_serial};
  uint16_t cc, mc;
  memset(&cap, 0, sizeof cap);
  net_set_services(h->net, &svc);
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);
  cc = harness_add(h, OP_MIDI_CC);
  mc = harness_add(h, OP_MOUT_CC);
  harness_in(h, cc, 1, 1);  /* listen to CC 1 */
  harness_in(h, mc, 2, 11); /* send CC 11 */
  CHECK_EQ_INT(net_connect(h->net, net_op_first_out(h->net, cc),
                           (int32_t)net_op_first_in(h->net, mc) + 3), NET_OK);
  midi_hub_receive(h->net, 0xB4, 1, 42);
  EXPECT_MIDI(&cap, 0, 0xB1, 11, 42);
  harness_free(h);
}

/* ---- MIDI output ops ---- */

static void test_mout_note(void) {
  static const struct {
    uint8_t in;
    io_t v;
    io_t stored;
    int sends; /* 1: the message below is sent */
    int cable, status, d1, d2;
  } t[] = {
    {3, 100, 100, 1, 0, 0x91, 0, 100},   /* defaults: cable 0, chan 1, num 0 */
    {2, 60, 60, 0, 0, 0, 0, 0},          /* NUM stores */
    {3, 0, 0, 1, 0, 0x81, 60, 0},        /* VEL 0: note off */
    {3, 200, 127, 1, 0, 0x91, 60, 127},  /* VEL clamped */
    {3, -5, 0, 1, 0, 0x81, 60, 0},
    {2, 300, 127, 0, 0, 0, 0, 0},
    {2, -1, 0, 0, 0, 0, 0, 0},
    {1, -1, -1, 0, 0, 0, 0, 0},          /* CHAN -1: low nibble F */
    {3, 1, 1, 1, 0, 0x9F, 0, 1},
    {1, 20, 15, 0, 0, 0, 0, 0},
    {1, -9, -1, 0, 0, 0, 0, 0},
    {1, 9, 9, 0, 0, 0, 0, 0},
    {0, 20, 16, 0, 0, 0, 0, 0},          /* CABLE clamped 0..16 */
    {0, -3, 0, 0, 0, 0, 0, 0},
    {0, 2, 2, 0, 0, 0, 0, 0},
    {4, 0, 0, 1, 2, 0xE9, 0x00, 0x40},   /* PITCH 0 = centre */
    {4, 8191, 8191, 1, 2, 0xE9, 0x7F, 0x7F},
    {4, 9000, 8191, 1, 2, 0xE9, 0x7F, 0x7F},
    {4, -8192, -8192, 1, 2, 0xE9, 0x00, 0x00},
    {4, -32768, -8192, 1, 2, 0xE9, 0x00, 0x00},
    {4, 1, 1, 1, 2, 0xE9, 0x01, 0x40},
    {4, -129, -129, 1, 2, 0xE9, 0x7F, 0x3E},
    {5, 5, 5, 1, 2, 0xC9, 5, 0},         /* PROG */
    {5, 300, 127, 1, 2, 0xC9, 127, 0},
    {5, -1, 0, 1, 2, 0xC9, 0, 0},
  };
  harness_t *h = harness_new(0, 0);
  capture_t cap;
  net_services_t svc = {&cap, 0, cap_midi, cap_serial};
  uint16_t op = harness_add(h, OP_MOUT_NOTE);
  uint32_t i;
  /* no services: messages are dropped */
  harness_in(h, op, 3, 64);
  harness_in(h, op, 3, 0);
  memset(&cap, 0, sizeof cap);
  net_set_services(h->net, &svc);
  for (i = 0; i < sizeof t / sizeof t[0]; i++) {
    harness_in(h, op, t[i].in, t[i].v);
    CHECK_EQ_INT(harness_value(h, op, t[i].in), t[i].stored);
    if (t[i].sends) {
      EXPECT_MIDI(&cap, t[i].cable, t[i].status, t[i].d1, t[i].d2);
    } else {
      CHECK_EQ_INT(cap.n_midi, 0);
    }
  }
  HARNESS_EXPECT_NONE(h); /* DUMMY never fires */
  /* services without a MIDI sink */
  svc.midi_send = 0;
  harness_in(h, op, 3, 10);
  CHECK_EQ_INT(cap.n_midi, 0);
  net_set_services(h->net, 0);
  harness_free(h);
}

static void test_mout_cc_clk(void) {
  harness_t *h = harness_new(0, 0);
  capture_t cap;
  net_services_t svc = {&cap, 0, cap_midi, cap_serial};
  uint16_t cc = harness_add(h, OP_MOUT_CC), ck = harness_add(h, OP_MOUT_CLK);
  memset(&cap, 0, sizeof cap);
  net_set_services(h->net, &svc);
  harness_in(h, cc, 3, 64);
  EXPECT_MIDI(&cap, 0, 0xB1, 0, 64);
  harness_in(h, cc, 2, 7);
  harness_in(h, cc, 1, 0);
  harness_in(h, cc, 0, 3);
  CHECK_EQ_INT(cap.n_midi, 0);
  harness_in(h, cc, 3, 1000);
  EXPECT_MIDI(&cap, 3, 0xB0, 7, 127);
  CHECK_EQ_INT(harness_value(h, cc, 3), 127);
  harness_in(h, cc, 3, -1);
  EXPECT_MIDI(&cap, 3, 0xB0, 7, 0);
  harness_in(h, cc, 1, -1);
  harness_in(h, cc, 2, 128);
  harness_in(h, cc, 0, 17);
  harness_in(h, cc, 3, 5);
  EXPECT_MIDI(&cap, 16, 0xBF, 127, 5);
  CHECK_EQ_INT(harness_value(h, cc, 0), 16);
  CHECK_EQ_INT(harness_value(h, cc, 1), -1);
  CHECK_EQ_INT(harness_value(h, cc, 2), 127);
  /* MOUT_CLK: any value sends; the value is not kept */
  harness_in(h, ck, 1, 0);
  EXPECT_MIDI(&cap, 0, 0xF8, 0, 0);
  harness_in(h, ck, 0, 4);
  harness_in(h, ck, 2, 1);
  EXPECT_MIDI(&cap, 4, 0xFA, 0, 0);
  harness_in(h, ck, 3, -7);
  EXPECT_MIDI(&cap, 4, 0xFB, 0, 0);
  harness_in(h, ck, 4, 32767);
  EXPECT_MIDI(&cap, 4, 0xFC, 0, 0);
  harness_in(h, ck, 0, 99);
  CHECK_EQ_INT(harness_value(h, ck, 0), 16);
  harness_in(h, ck, 0, -99);
  CHECK_EQ_INT(harness_value(h, ck, 0), 0);
  CHECK_EQ_INT(harness_value(h, ck, 1), 0);
  CHECK_EQ_INT(harness_value(h, ck, 2), 0);
  CHECK_EQ_INT(harness_value(h, ck, 4), 0);
  CHECK_EQ_INT(cap.n_midi, 0);
  HARNESS_EXPECT_NONE(h);
  net_set_services(h->net, 0);
  harness_in(h, ck, 1, 1); /* dropped */
  CHECK_EQ_INT(cap.n_midi, 0);
  harness_free(h);
}

static void test_serial(void) {
  harness_t *h = harness_new(0, 0);
  capture_t cap;
  net_services_t svc = {&cap, 0, cap_midi, cap_serial};
  uint16_t op = harness_add(h, OP_SERIAL);
  harness_in(h, op, 1, 3); /* no services: dropped */
  memset(&cap, 0, sizeof cap);
  net_set_services(h->net, &svc);
  harness_in(h, op, 0, 5);
  CHECK_EQ_INT(cap.n_serial, 0);
  harness_in(h, op, 1, 7);
  harness_in(h, op, 1, -1);
  harness_in(h, op, 0, -32768);
  harness_in(h, op, 1, 32767);
  CHECK_EQ_INT(cap.n_serial, 3);
  CHECK_EQ_INT(cap.serial[0][0], 5);
  CHECK_EQ_INT(cap.serial[0][1], 7);
  CHECK_EQ_INT(cap.serial[1][0], 5);
  CHECK_EQ_INT(cap.serial[1][1], -1);
  CHECK_EQ_INT(cap.serial[2][0], -32768);
  CHECK_EQ_INT(cap.serial[2][1], 32767);
  CHECK_EQ_INT(cap.n_midi, 0);
  HARNESS_EXPECT_NONE(h); /* outputs never fire */
  svc.serial_send = 0;
  harness_in(h, op, 1, 1);
  CHECK_EQ_INT(cap.n_serial, 3);
  harness_free(h);
}

/* ---- HID ---- */

static void test_hid_op(void) {
  static const struct {
    io_t byte, size;   /* inputs as given */
    io_t sbyte, ssize; /* as stored */
    uint8_t b0, b1;    /* frame bytes at BYTE and BYTE+1 */
    io_t val;
  } t[] = {
    {0, 0, 0, 0, 0x7F, 0x00, 127},
    {0, 0, 0, 0, 0x80, 0x00, -128},
    {0, 0, 0, 0, 0xFF, 0x00, -1},
    {1, 1, 1, 1, 0x12, 0x34, 0x1234},
    {1, 5, 1, 1, 0x7F, 0x7F, 0x7F7F},
    {1, 1, 1, 1, 0xFF, 0x00, -256},
    {1, 1, 1, 1, 0x12, 0x80, -128},   /* low byte sign-extends over the high byte (sic) */
    {1, 1, 1, 1, 0x80, 0x01, -32767},
    {31, 1, 31, 1, 0x01, 0x02, 0x0102}, /* BYTE+1 wraps to byte 0 */
    {40, -3, 31, 0, 0x05, 0x00, 5},   /* BYTE clamped to 31; SIZE <= 0 is 0 */
    {-4, 0, 0, 0, 0x06, 0x00, 6},
  };
  harness_t *h = harness_new(0, 0);
  struct hid_hub hub;
  uint8_t f[32];
  uint16_t op;
  uint32_t i, k;
  hid_hub_init(&hub);
  hid_hub_attach(h->net, &hub);
  op = harness_add(h, OP_HID);
  for (k = 0; k < 32; k++) f[k] = 0;
  hid_hub_frame(h->net, f, 32); /* first frame: byte 0 unchanged */
  HARNESS_EXPECT_NONE(h);
  for (i = 0; i < sizeof t / sizeof t[0]; i++) {
    uint8_t b;
    harness_in(h, op, 0, t[i].byte);
    harness_in(h, op, 1, t[i].size);
    CHECK_EQ_INT(harness_value(h, op, 0), t[i].sbyte);
    CHECK_EQ_INT(harness_value(h, op, 1), t[i].ssize);
    b = (uint8_t)t[i].sbyte;
    for (k = 0; k < 32; k++) f[k] = 0;
    hid_hub_frame(h->net, f, 32); /* clear */
    harness_clear_log(h);
    f[b] = t[i].b0;
    f[(b + 1u) & 31u] = t[i].b1;
    hid_hub_frame(h->net, f, 32);
    HARNESS_EXPECT(h, op, 0, t[i].val);
    hid_hub_frame(h->net, f, 32); /* unchanged: nothing */
    HARNESS_EXPECT_NONE(h);
  }
  harness_free(h);
}

/* No hub attached: HID and MIDI input ops are created, used and removed without one. */
static void test_no_devices(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_HID), b = harness_add(h, OP_MIDI_NOTE);
  uint8_t f[4] = {1, 2, 3, 4};
  harness_in(h, a, 0, 3);
  harness_in(h, b, 0, 3);
  hid_hub_frame(h->net, f, 4);
  midi_hub_receive(h->net, 0x93, 1, 1);
  HARNESS_EXPECT_NONE(h);
  CHECK_EQ_INT(harness_pickle_roundtrip(h, a, OP_FORMAT_0_8_1), 4);
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  harness_free(h);
}

/* ---- pickles ---- */

static void pickle_bytes(harness_t *h, uint16_t op, op_format_t fmt, const uint8_t *want,
                         int32_t n) {
  uint8_t buf[32];
  op_t *o = net_op(h->net, op);
  int32_t got = op_pickle(o, buf, sizeof buf, fmt);
  CHECK_EQ_INT(got, n);
  CHECK(got == n && memcmp(buf, want, (size_t)n) == 0);
}

static void test_pickles(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t note = harness_add(h, OP_MIDI_NOTE), cc = harness_add(h, OP_MIDI_CC),
           prog = harness_add(h, OP_MIDI_PROG), mn = harness_add(h, OP_MOUT_NOTE),
           mc = harness_add(h, OP_MOUT_CC), mk = harness_add(h, OP_MOUT_CLK),
           ser = harness_add(h, OP_SERIAL), hid = harness_add(h, OP_HID);
  int f;
  harness_in(h, note, 0, 20);
  harness_in(h, cc, 0, 3);
  harness_in(h, cc, 1, 74);
  harness_in(h, prog, 0, 15);
  harness_in(h, mn, 0, 2);
  harness_in(h, mn, 1, 5);
  harness_in(h, mn, 2, 60);
  harness_in(h, mc, 0, 16);
  harness_in(h, mc, 1, -1);
  harness_in(h, mc, 2, 127);
  harness_in(h, mk, 0, 9);
  harness_in(h, ser, 0, -2);
  harness_in(h, ser, 1, 300);
  harness_in(h, hid, 0, 17);
  harness_in(h, hid, 1, 0);
  for (f = 0; f < 2; f++) {
    op_format_t fmt = (op_format_t)f;
    harness_pickle_roundtrip(h, note, fmt);
    harness_pickle_roundtrip(h, cc, fmt);
    harness_pickle_roundtrip(h, prog, fmt);
    harness_pickle_roundtrip(h, mn, fmt);
    harness_pickle_roundtrip(h, mc, fmt);
    harness_pickle_roundtrip(h, mk, fmt);
    harness_pickle_roundtrip(h, ser, fmt);
    harness_pickle_roundtrip(h, hid, fmt);
  }
  {
    static const uint8_t note_b[] = {20, 0}, cc_b[] = {3, 0, 74, 0}, prog_b[] = {15, 0},
                         mn81[] = {2, 0, 5, 0, 60, 0}, mn71[] = {5, 0},
                         mc81[] = {16, 0, 0xFF, 0xFF, 127, 0}, mc71[] = {0xFF, 0xFF, 127, 0},
                         mk_b[] = {9, 0}, ser_b[] = {0xFE, 0xFF, 0x2C, 0x01}, hid_b[] = {17, 0, 0, 0};
    for (f = 0; f < 2; f++) {
      op_format_t fmt = (op_format_t)f;
      pickle_bytes(h, note, fmt, note_b, 2);
      pickle_bytes(h, cc, fmt, cc_b, 4);
      pickle_bytes(h, prog, fmt, prog_b, 2);
      pickle_bytes(h, mk, fmt, mk_b, 2);
      pickle_bytes(h, ser, fmt, ser_b, 4);
      pickle_bytes(h, hid, fmt, hid_b, 4);
    }
    pickle_bytes(h, mn, OP_FORMAT_0_8_1, mn81, 6);
    pickle_bytes(h, mn, OP_FORMAT_0_7_1, mn71, 2);
    pickle_bytes(h, mc, OP_FORMAT_0_8_1, mc81, 6);
    pickle_bytes(h, mc, OP_FORMAT_0_7_1, mc71, 4);
  }
  harness_free(h);
}

/* Hand-built records decoded field by field, including the layouts 0.7.1 and 0.8.1 differ in. */
static void test_decodes(void) {
  harness_t *h = harness_new(0, 0);
  capture_t cap;
  net_services_t svc = {&cap, 0, cap_midi, cap_serial};
  struct midi_hub hub;
  op_t *o;
  uint16_t op;
  memset(&cap, 0, sizeof cap);
  net_set_services(h->net, &svc);
  midi_hub_init(&hub);
  midi_hub_attach(h->net, &hub);

  /* MOUT_NOTE 0.7.1: CHAN only; followed by another record's bytes that must not be read */
  {
    static const uint8_t rec[] = {0x03, 0x00, 0xAA, 0xBB, 0xCC, 0xDD};
    op = harness_add(h, OP_MOUT_NOTE);
    o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, rec, sizeof rec, OP_FORMAT_0_7_1), 2);
    CHECK_EQ_INT(harness_value(h, op, 0), 0);
    CHECK_EQ_INT(harness_value(h, op, 1), 3);
    CHECK_EQ_INT(harness_value(h, op, 2), 0);
    CHECK_EQ_INT(op_unpickle(o, rec, 1, OP_FORMAT_0_7_1), -1);
    harness_in(h, op, 3, 90);
    EXPECT_MIDI(&cap, 0, 0x93, 0, 90);
  }
  /* MOUT_NOTE 0.8.1: CABLE, CHAN, NUM */
  {
    static const uint8_t rec[] = {0x01, 0x00, 0x0A, 0x00, 0x3C, 0x00};
    CHECK_EQ_INT(op_unpickle(o, rec, sizeof rec, OP_FORMAT_0_8_1), 6);
    CHECK_EQ_INT(harness_value(h, op, 0), 1);
    CHECK_EQ_INT(harness_value(h, op, 1), 10);
    CHECK_EQ_INT(harness_value(h, op, 2), 60);
    CHECK_EQ_INT(op_unpickle(o, rec, 5, OP_FORMAT_0_8_1), -1);
    harness_in(h, op, 3, 1);
    EXPECT_MIDI(&cap, 1, 0x9A, 60, 1);
  }
  /* out-of-range values (never written by bees) are clamped as the inputs clamp */
  {
    static const uint8_t rec[] = {0x20, 0x00, 0x30, 0x00, 0xFF, 0x7F};
    CHECK_EQ_INT(op_unpickle(o, rec, sizeof rec, OP_FORMAT_0_8_1), 6);
    CHECK_EQ_INT(harness_value(h, op, 0), 16);
    CHECK_EQ_INT(harness_value(h, op, 1), 15);
    CHECK_EQ_INT(harness_value(h, op, 2), 127);
  }
  /* MOUT_CC 0.7.1: CHAN, NUM */
  {
    static const uint8_t rec[] = {0x0F, 0x00, 0x4A, 0x00, 0xEE};
    op = harness_add(h, OP_MOUT_CC);
    o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, rec, sizeof rec, OP_FORMAT_0_7_1), 4);
    CHECK_EQ_INT(harness_value(h, op, 0), 0);
    CHECK_EQ_INT(harness_value(h, op, 1), 15);
    CHECK_EQ_INT(harness_value(h, op, 2), 74);
    CHECK_EQ_INT(op_unpickle(o, rec, 3, OP_FORMAT_0_7_1), -1);
    harness_in(h, op, 3, 100);
    EXPECT_MIDI(&cap, 0, 0xBF, 74, 100);
  }
  /* MOUT_CC 0.8.1: CABLE, CHAN, NUM. bees reads CABLE, NUM, NUM (CHAN would stay 1);
   * aleph-sim restores CHAN 9. */
  {
    static const uint8_t rec[] = {0x01, 0x00, 0x09, 0x00, 0x4A, 0x00};
    CHECK_EQ_INT(op_unpickle(o, rec, sizeof rec, OP_FORMAT_0_8_1), 6);
    CHECK_EQ_INT(harness_value(h, op, 0), 1);
    CHECK_EQ_INT(harness_value(h, op, 1), 9);
    CHECK_EQ_INT(harness_value(h, op, 2), 74);
    CHECK_EQ_INT(op_unpickle(o, rec, 5, OP_FORMAT_0_8_1), -1);
    harness_in(h, op, 3, 3);
    EXPECT_MIDI(&cap, 1, 0xB9, 74, 3);
  }
  /* MIDINOTE (same in both): CHAN -1 (omni); CHAN 20 stays 20 and listens on channel 15 */
  {
    static const uint8_t omni[] = {0xFF, 0xFF}, twenty[] = {0x14, 0x00};
    int f;
    op = harness_add(h, OP_MIDI_NOTE);
    o = net_op(h->net, op);
    for (f = 0; f < 2; f++) {
      CHECK_EQ_INT(op_unpickle(o, twenty, 2, (op_format_t)f), 2);
      CHECK_EQ_INT(harness_value(h, op, 0), 20);
      harness_clear_log(h);
      midi_hub_receive(h->net, 0x9F, 1, 1);
      midi_hub_receive(h->net, 0x94, 1, 1);
      HARNESS_EXPECT(h, op, 0, 1, 1, 1);
      CHECK_EQ_INT(op_unpickle(o, omni, 2, (op_format_t)f), 2);
      CHECK_EQ_INT(harness_value(h, op, 0), -1);
      midi_hub_receive(h->net, 0x94, 2, 2);
      HARNESS_EXPECT(h, op, 0, 2, 1, 2);
      CHECK_EQ_INT(op_unpickle(o, omni, 1, (op_format_t)f), -1);
    }
    net_remove_op(h->net, op);
  }
  /* MIDICC (same in both): CHAN, NUM */
  {
    static const uint8_t rec[] = {0x02, 0x00, 0x07, 0x00};
    int f;
    op = harness_add(h, OP_MIDI_CC);
    o = net_op(h->net, op);
    for (f = 0; f < 2; f++) {
      CHECK_EQ_INT(op_unpickle(o, rec, 4, (op_format_t)f), 4);
      CHECK_EQ_INT(harness_value(h, op, 0), 2);
      CHECK_EQ_INT(harness_value(h, op, 1), 7);
      harness_clear_log(h);
      midi_hub_receive(h->net, 0xB2, 7, 55);
      midi_hub_receive(h->net, 0xB1, 7, 56);
      HARNESS_EXPECT(h, op, 0, 55);
    }
    net_remove_op(h->net, op);
  }
  /* HID: BYTE, SIZE; a BYTE outside the frame is clamped */
  {
    static const uint8_t rec[] = {0x40, 0x00, 0x05, 0x00};
    op = harness_add(h, OP_HID);
    o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, rec, 4, OP_FORMAT_0_7_1), 4);
    CHECK_EQ_INT(harness_value(h, op, 0), 31);
    CHECK_EQ_INT(harness_value(h, op, 1), 1);
  }
  /* SERIAL: ADDR, DATA as stored */
  {
    static const uint8_t rec[] = {0x34, 0x12, 0x00, 0x80};
    op = harness_add(h, OP_SERIAL);
    o = net_op(h->net, op);
    CHECK_EQ_INT(op_unpickle(o, rec, 4, OP_FORMAT_0_7_1), 4);
    CHECK_EQ_INT(harness_value(h, op, 0), 0x1234);
    CHECK_EQ_INT(harness_value(h, op, 1), -32768);
  }
  harness_free(h);
}

int main(void) {
  RUN(test_classes);
  RUN(test_defaults);
  RUN(test_midi_note);
  RUN(test_midi_cc_prog_clock);
  RUN(test_midi_thru);
  RUN(test_mout_note);
  RUN(test_mout_cc_clk);
  RUN(test_serial);
  RUN(test_hid_op);
  RUN(test_no_devices);
  RUN(test_pickles);
  RUN(test_decodes);
  return check_summary("test_ops_midi");
}
