/* SPDX-License-Identifier: MIT */
/* test_midi_ports.c: MIDI between ports and the MIDI ops.
 *   test_midi_ports          the translation: every kind of message from a port's bytes to an
 *                            event, through the MIDI ops and back out to bytes, unchanged;
 *                            SysEx, data bytes and short or long messages refused
 *   test_midi_ports alsa     the same through the virtual "aleph-sim" ports and a second
 *                            sequencer client, where the machine has an ALSA sequencer
 *                            (/dev/snd/seq); exit 77 (skipped) with a message where not */
#define _DEFAULT_SOURCE /* usleep */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../tests/check.h"
#include "engine.h"
#include "midi_bytes.h"
#include "midi_ports.h"
#include "services.h"

static void test_lengths_and_refusals(void) {
  static const uint8_t sysex[] = {0xF0, 0x7E, 0xF7}, data[] = {0x40, 0x40, 0x40},
                       short_note[] = {0x90, 60}, long_pc[] = {0xC0, 5, 6},
                       high_data[] = {0x90, 0x80, 0x10}, undefined[] = {0xF4};
  uint8_t s, a, b;
  CHECK_EQ_INT(midi_bytes_length(0x80), 3);
  CHECK_EQ_INT(midi_bytes_length(0xC3), 2);
  CHECK_EQ_INT(midi_bytes_length(0xD0), 2);
  CHECK_EQ_INT(midi_bytes_length(0xF8), 1);
  CHECK_EQ_INT(midi_bytes_length(0xF2), 3);
  CHECK(!midi_bytes_parse(sysex, sizeof sysex, &s, &a, &b));
  CHECK(!midi_bytes_parse(data, sizeof data, &s, &a, &b));
  CHECK(!midi_bytes_parse(short_note, sizeof short_note, &s, &a, &b));
  CHECK(!midi_bytes_parse(long_pc, sizeof long_pc, &s, &a, &b));
  CHECK(!midi_bytes_parse(high_data, sizeof high_data, &s, &a, &b));
  CHECK(!midi_bytes_parse(undefined, sizeof undefined, &s, &a, &b));
  CHECK(!midi_bytes_parse(NULL, 0, &s, &a, &b));
}

/* Every status byte that has a length: bytes -> (status, d1, d2) -> bytes, the same. */
static void test_round_trips(void) {
  uint32_t st, n = 0;
  for (st = 0x80; st <= 0xFF; st++) {
    uint8_t in[3] = {(uint8_t)st, 0x3C, 0x64}, out[3], s, a, b;
    uint32_t len = midi_bytes_length((uint8_t)st), back;
    if (!len) continue;
    CHECK(midi_bytes_parse(in, len, &s, &a, &b));
    CHECK_EQ_INT(s, st);
    CHECK_EQ_INT(a, len > 1 ? 0x3C : 0);
    CHECK_EQ_INT(b, len > 2 ? 0x64 : 0);
    back = midi_bytes_make(s, a, b, out);
    CHECK_EQ_INT(back, len);
    CHECK(!memcmp(in, out, len));
    n++;
  }
  CHECK_EQ_INT(n, 16 * 7 + 10); /* 7 channel kinds x 16 channels, 10 system messages */
}

/* What the ops send, captured as a port would get it. */
static uint8_t sent[16][3];
static uint32_t n_sent, sent_len[16];
static void capture(void *ctx, uint8_t cable, uint8_t status, uint8_t d1, uint8_t d2) {
  (void)ctx;
  (void)cable;
  if (n_sent < 16) sent_len[n_sent] = midi_bytes_make(status, d1, d2, sent[n_sent]), n_sent++;
}

static void push_bytes(engine_t *e, const uint8_t *bytes, size_t n) {
  sim_event_t ev;
  uint8_t s, a, b;
  CHECK(midi_bytes_parse(bytes, n, &s, &a, &b));
  memset(&ev, 0, sizeof ev);
  ev.t = e->now;
  ev.kind = SIM_EV_MIDI;
  ev.index = (uint16_t)(s | a << 8);
  ev.value = b;
  CHECK(sim_event_valid(&ev));
  CHECK(engine_push(e, &ev));
  engine_tick(e, e->now + 1);
}

/* A note from a port reaches MIDINOTE, whose outputs drive MOUT_NOTE, whose message goes out as
 * the same three bytes on channel 1. */
static void test_through_the_ops(void) {
  static const uint8_t note_on[] = {0x90, 60, 100}, note_off[] = {0x80, 60, 0};
  engine_t *e = calloc(1, sizeof *e);
  char err[256];
  net_t *net;
  net_services_t svc = {0};
  uint16_t in_op, out_op;
  op_t *mout;
  CHECK(engine_init(e, 8u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(e, err, sizeof err));
  net = engine_net(e);
  CHECK_EQ_INT(net_add_op(net, OP_MIDI_NOTE, NET_NONE, &in_op), NET_OK);
  CHECK_EQ_INT(net_add_op(net, OP_MOUT_NOTE, NET_NONE, &out_op), NET_OK);
  mout = net_op(net, out_op);
  /* MIDINOTE NUM -> MOUT_NOTE NUM, VELON -> VEL (VEL sends), on channel 1 */
  CHECK_EQ_INT(net_connect(net, net_op(net, in_op)->first_out + 0, mout->first_in + 2), NET_OK);
  CHECK_EQ_INT(net_connect(net, net_op(net, in_op)->first_out + 1, mout->first_in + 3), NET_OK);
  CHECK_EQ_INT(net_activate(net, mout->first_in + 1, 0), NET_OK);
  svc.midi_send = capture;
  net_set_services(net, &svc);
  n_sent = 0;
  push_bytes(e, note_on, sizeof note_on);
  push_bytes(e, note_off, sizeof note_off);
  CHECK_EQ_INT(n_sent, 2);
  CHECK_EQ_INT(sent_len[0], 3);
  CHECK(!memcmp(sent[0], note_on, 3));
  CHECK_EQ_INT(sent_len[1], 3);
  CHECK(!memcmp(sent[1], note_off, 3));
  net_set_services(net, NULL);
  engine_free(e);
  free(e);
}

/* The virtual ports, from a second sequencer client. */
static int test_alsa(void) {
#ifdef ALEPH_HAVE_RTMIDI
  if (access("/dev/snd/seq", R_OK | W_OK) != 0) {
    printf("skip: no ALSA sequencer here (/dev/snd/seq); the ports are not tested\n");
    return 77;
  }
  {
    engine_t *e = calloc(1, sizeof *e);
    char err[512];
    midi_ports_config_t cfg = {NULL, NULL};
    midi_ports_t *p;
    midi_ports_counters_t n;
    int k;
    CHECK(engine_init(e, 8u << 20, false, err, sizeof err));
    CHECK(engine_load_demo(e, err, sizeof err));
    p = midi_ports_open(e, &cfg, err, sizeof err);
    if (!p) {
      printf("skip: the sequencer is there but a port cannot be opened: %s\n", err);
      engine_free(e);
      free(e);
      return 77;
    }
    {
      /* a second program: its output connects to our virtual input */
      midi_ports_config_t peer = {MIDI_PORT_NAME, MIDI_PORT_NAME};
      engine_t *e2 = calloc(1, sizeof *e2);
      midi_ports_t *q;
      CHECK(engine_init(e2, 8u << 20, false, err, sizeof err));
      CHECK(engine_load_demo(e2, err, sizeof err));
      q = midi_ports_open(e2, &peer, err, sizeof err);
      CHECK(q != NULL);
      if (q) {
        const net_services_t *svc = net_services(engine_net(e2));
        svc->midi_send(svc->ctx, 0, 0x90, 60, 100); /* e2's ops send; e's port receives */
        for (k = 0; k < 100; k++) {
          midi_ports_pump(p);
          midi_ports_counters(p, &n);
          if (n.received) break;
          usleep(10000);
        }
        CHECK_EQ_INT(n.received, 1);
        engine_tick(e, 10);
        CHECK_EQ_INT(e->midi.received, 1);
        midi_ports_close(q);
      }
      engine_free(e2);
      free(e2);
    }
    midi_ports_close(p);
    engine_free(e);
    free(e);
  }
  return check_summary("test_midi_ports alsa");
#else
  printf("skip: built without RtMidi\n");
  return 77;
#endif
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "alsa")) return test_alsa();
  RUN(test_lengths_and_refusals);
  RUN(test_round_trips);
  RUN(test_through_the_ops);
  return check_summary("test_midi_ports");
}
