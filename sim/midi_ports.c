/* SPDX-License-Identifier: MIT */
/* midi_ports.c: MIDI ports through RtMidi's C interface (midi_ports.h). */
#include "midi_ports.h"

#include <stdlib.h>
#include <string.h>

#include "midi_bytes.h"
#include "services.h"

#ifdef ALEPH_HAVE_RTMIDI
#include <rtmidi_c.h>

struct midi_ports {
  engine_t *e;
  RtMidiInPtr in;
  RtMidiOutPtr out;
  const net_services_t *prev; /* the services before ours, chained */
  net_services_t services;
  midi_ports_counters_t n;
};

/* The port of dev named by `want`: a number, or the first whose name contains it. -1 if none,
 * with the list in err. */
static int find_port(RtMidiPtr dev, const char *want, const char *what, char *err, size_t errlen) {
  unsigned int i, count = rtmidi_get_port_count(dev);
  char *end;
  long num = strtol(want, &end, 10);
  size_t used;
  if (*want && !*end && num >= 0 && (unsigned long)num < count) return (int)num;
  for (i = 0; i < count; i++) {
    char name[256];
    int len = (int)sizeof name;
    if (rtmidi_get_port_name(dev, i, name, &len) >= 0 && strstr(name, want)) return (int)i;
  }
  used = (size_t)snprintf(err, errlen, "no MIDI %s port '%s'; there are:", what, want);
  for (i = 0; i < count && used < errlen; i++) {
    char name[256];
    int len = (int)sizeof name;
    if (rtmidi_get_port_name(dev, i, name, &len) < 0) continue;
    used += (size_t)snprintf(err + used, errlen - used, " %u '%s'", i, name);
  }
  if (count == 0 && used < errlen) snprintf(err + used, errlen - used, " none");
  return -1;
}

static void svc_midi(void *ctx, uint8_t cable, uint8_t status, uint8_t d1, uint8_t d2) {
  midi_ports_t *p = ctx;
  uint8_t bytes[3];
  uint32_t len = midi_bytes_make(status, d1, d2, bytes);
  if (len && rtmidi_out_send_message(p->out, bytes, (int)len) == 0) p->n.sent++;
  if (p->prev && p->prev->midi_send) p->prev->midi_send(p->prev->ctx, cable, status, d1, d2);
}
static void svc_param(void *ctx, uint16_t idx, io_t value) {
  midi_ports_t *p = ctx;
  if (p->prev && p->prev->param_changed) p->prev->param_changed(p->prev->ctx, idx, value);
}
static void svc_serial(void *ctx, io_t addr, io_t data) {
  midi_ports_t *p = ctx;
  if (p->prev && p->prev->serial_send) p->prev->serial_send(p->prev->ctx, addr, data);
}

/* RtMidi's own message is not kept past a failed call: ours says what to look at. */
#define NO_SYSTEM "RtMidi found no MIDI system to use (on Linux the ALSA sequencer, /dev/snd/seq: " \
                  "is the snd-seq module loaded and the device readable?)"

/* Opens dev's port `want` (NULL: a virtual one). false with a sentence in err. */
static bool open_port(RtMidiPtr dev, const char *want, const char *what, char *err,
                      size_t errlen) {
  if (!dev || !dev->ok) {
    snprintf(err, errlen, "cannot open a MIDI %s port: %s", what, NO_SYSTEM);
    return false;
  }
  if (want) {
    int port = find_port(dev, want, what, err, errlen);
    if (port < 0) return false;
    rtmidi_open_port(dev, (unsigned int)port, MIDI_PORT_NAME);
  } else {
    rtmidi_open_virtual_port(dev, MIDI_PORT_NAME);
  }
  if (!dev->ok) {
    snprintf(err, errlen, "cannot open the MIDI %s port %s%s%s", what, want ? "'" : "",
             want ? want : "aleph-sim (virtual)", want ? "'" : "");
    return false;
  }
  return true;
}

midi_ports_t *midi_ports_open(engine_t *e, const midi_ports_config_t *cfg, char *err,
                              size_t errlen) {
  midi_ports_t *p = calloc(1, sizeof *p);
  net_t *net = engine_net(e);
  if (!p) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  p->e = e;
  p->in = rtmidi_in_create(RTMIDI_API_UNSPECIFIED, MIDI_PORT_NAME, 1024);
  if (!open_port(p->in, cfg->in, "input", err, errlen)) goto fail;
  rtmidi_in_ignore_types(p->in, true, false, true); /* SysEx and active sensing: not bees' */
  p->out = rtmidi_out_create(RTMIDI_API_UNSPECIFIED, MIDI_PORT_NAME);
  if (!open_port(p->out, cfg->out, "output", err, errlen)) goto fail;
  p->prev = net_services(net);
  p->services.ctx = p;
  p->services.param_changed = svc_param;
  p->services.midi_send = svc_midi;
  p->services.serial_send = svc_serial;
  net_set_services(net, &p->services);
  return p;
fail:
  if (p->in) rtmidi_in_free(p->in);
  if (p->out) rtmidi_out_free(p->out);
  free(p);
  return NULL;
}

void midi_ports_pump(midi_ports_t *p) {
  uint32_t budget = 1024; /* messages per pass */
  if (!p) return;
  while (budget--) {
    uint8_t buf[64], status, d1, d2;
    size_t size = sizeof buf;
    sim_event_t ev;
    rtmidi_in_get_message(p->in, buf, &size);
    if (!p->in->ok || size == 0) break;
    if (!midi_bytes_parse(buf, size, &status, &d1, &d2)) {
      p->n.dropped++;
      continue;
    }
    memset(&ev, 0, sizeof ev);
    ev.t = p->e->now;
    ev.kind = SIM_EV_MIDI;
    ev.index = (uint16_t)(status | d1 << 8);
    ev.value = d2;
    if (engine_push(p->e, &ev))
      p->n.received++;
    else
      p->n.dropped++;
  }
}

void midi_ports_close(midi_ports_t *p) {
  if (!p) return;
  net_set_services(engine_net(p->e), p->prev);
  rtmidi_in_free(p->in);
  rtmidi_out_free(p->out);
  free(p);
}

/* Prints dev's ports under a heading. */
static void list_ports(FILE *to, RtMidiPtr dev, const char *what) {
  unsigned int i, count = rtmidi_get_port_count(dev);
  fprintf(to, "MIDI %s ports:%s\n", what, count ? "" : " none");
  for (i = 0; i < count; i++) {
    char name[256];
    int len = (int)sizeof name;
    if (rtmidi_get_port_name(dev, i, name, &len) >= 0) fprintf(to, "  %u  %s\n", i, name);
  }
}

bool midi_ports_list(FILE *to, char *err, size_t errlen) {
  RtMidiInPtr in = rtmidi_in_create(RTMIDI_API_UNSPECIFIED, MIDI_PORT_NAME, 16);
  RtMidiOutPtr out = rtmidi_out_create(RTMIDI_API_UNSPECIFIED, MIDI_PORT_NAME);
  bool ok = in && in->ok && out && out->ok;
  if (ok) {
    list_ports(to, in, "input");
    list_ports(to, out, "output");
  } else {
    snprintf(err, errlen, "cannot list MIDI ports: %s", NO_SYSTEM);
  }
  if (in) rtmidi_in_free(in);
  if (out) rtmidi_out_free(out);
  return ok;
}

void midi_ports_counters(const midi_ports_t *p, midi_ports_counters_t *out) {
  memset(out, 0, sizeof *out);
  if (p) *out = p->n;
}

#else /* built without RtMidi */

#define NO_RTMIDI "aleph-sim was built without RtMidi, so it has no MIDI ports (install librtmidi-dev, or your system's rtmidi package, and build again)"

midi_ports_t *midi_ports_open(engine_t *e, const midi_ports_config_t *cfg, char *err,
                              size_t errlen) {
  (void)e;
  (void)cfg;
  snprintf(err, errlen, "%s", NO_RTMIDI);
  return NULL;
}
void midi_ports_pump(midi_ports_t *p) { (void)p; }
void midi_ports_close(midi_ports_t *p) { (void)p; }
bool midi_ports_list(FILE *to, char *err, size_t errlen) {
  (void)to;
  snprintf(err, errlen, "%s", NO_RTMIDI);
  return false;
}
void midi_ports_counters(const midi_ports_t *p, midi_ports_counters_t *out) {
  (void)p;
  memset(out, 0, sizeof *out);
}

#endif
