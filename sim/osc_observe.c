/* SPDX-License-Identifier: MIT */
/* osc_observe.c: what OSC subscribers hear: net activity (chained into the net watch ahead of
 * the engine's own), MIDI the ops send (the net's MIDI out service), the screen's changed rows,
 * grid and arc LEDs that changed (serialosc style), and memory statistics, on request and every
 * second of virtual time. Simulation thread only. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "osc_internal.h"

#include "monome_leds.h"
#include "render_screen.h"
#include "scaler.h"

static void to_subs(osc_server_t *s, uint32_t topic, const char *path, const char *types,
                    int32_t a, const char *sa, const char *sb, int32_t b) {
  uint32_t i;
  for (i = 0; i < OSC_SUBSCRIBERS; i++) {
    const struct sockaddr_in *to = &s->subs[i].addr;
    if (!(s->subs[i].topics & topic)) continue;
    if (!strcmp(types, "ssi")) osc_send(s, to, path, types, sa, sb, a);
    else if (!strcmp(types, "si")) osc_send(s, to, path, types, sa, a);
    else if (!strcmp(types, "ss")) osc_send(s, to, path, types, sa, sb);
    else if (!strcmp(types, "ii")) osc_send(s, to, path, types, a, b);
  }
}

static void watch(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx, io_t value) {
  osc_server_t *s = ctx;
  net_t *net = engine_net(s->e);
  char h[40];
  if (s->prev_watch) s->prev_watch(s->prev_watch_ctx, kind, op, idx, value);
  if (!s->topics) return;
  switch (kind) {
  case NET_EV_OUTPUT:
  case NET_EV_FEEDBACK:
    if (!(s->topics & OSC_T_OUTPUTS) || !op || idx >= op->cls->num_outs) return;
    net_ref_op_name(&s->e->names, net, op->index, h, sizeof h);
    if (kind == NET_EV_OUTPUT)
      to_subs(s, OSC_T_OUTPUTS, "/aleph/watch/out", "ssi", value, h, op->cls->out_names[idx], 0);
    else
      to_subs(s, OSC_T_OUTPUTS, "/aleph/watch/feedback", "ss", 0, h, op->cls->out_names[idx], 0);
    break;
  case NET_EV_INPUT:
    if (!(s->topics & OSC_T_INPUTS) || !op || idx >= op->cls->num_ins) return;
    net_ref_op_name(&s->e->names, net, op->index, h, sizeof h);
    to_subs(s, OSC_T_INPUTS, "/aleph/watch/in", "ssi", value, h, op->cls->in_names[idx], 0);
    break;
  case NET_EV_PARAM: {
    const net_param_t *p;
    char text[SCALER_TEXT_CAP];
    const char *t = text;
    uint32_t i;
    if (!(s->topics & OSC_T_PARAMS) || idx >= net_param_count(net)) return;
    p = net_param(net, idx); /* with what the DSP gets, as bees' scaler shows it */
    scaler_text(p, value, text);
    while (*t == ' ') t++;
    for (i = 0; i < OSC_SUBSCRIBERS; i++)
      if (s->subs[i].topics & OSC_T_PARAMS)
        osc_send(s, &s->subs[i].addr, "/aleph/watch/param", "siis", p->label, (int32_t)value,
                 scaler_value(p, value), t);
    break;
  }
  default:
    break;
  }
}

static void svc_param(void *ctx, uint16_t idx, io_t value) {
  osc_server_t *s = ctx;
  if (s->prev_services && s->prev_services->param_changed)
    s->prev_services->param_changed(s->prev_services->ctx, idx, value);
}

static void svc_midi(void *ctx, uint8_t cable, uint8_t status, uint8_t d1, uint8_t d2) {
  osc_server_t *s = ctx;
  uint32_t i;
  if (s->prev_services && s->prev_services->midi_send)
    s->prev_services->midi_send(s->prev_services->ctx, cable, status, d1, d2);
  for (i = 0; i < OSC_SUBSCRIBERS; i++)
    if (s->subs[i].topics & OSC_T_MIDI)
      osc_send(s, &s->subs[i].addr, "/aleph/midi/out", "iiii", (int32_t)cable, (int32_t)status,
               (int32_t)d1, (int32_t)d2);
}

static void svc_serial(void *ctx, io_t addr, io_t data) {
  osc_server_t *s = ctx;
  if (s->prev_services && s->prev_services->serial_send)
    s->prev_services->serial_send(s->prev_services->ctx, addr, data);
}

void osc_observe_hook(osc_server_t *s) {
  scene_slot_t *slot = &s->e->sys.slot;
  net_t *net = engine_net(s->e);
  s->prev_watch = slot->watch;
  s->prev_watch_ctx = slot->watch_ctx;
  scene_slot_set_watch(slot, watch, s);
  s->prev_services = net_services(net);
  s->services.ctx = s;
  s->services.param_changed = svc_param;
  s->services.midi_send = svc_midi;
  s->services.serial_send = svc_serial;
  net_set_services(net, &s->services);
}

void osc_observe_unhook(osc_server_t *s) {
  scene_slot_set_watch(&s->e->sys.slot, s->prev_watch, s->prev_watch_ctx);
  net_set_services(engine_net(s->e), s->prev_services);
}

void osc_send_stats(osc_server_t *s, const struct sockaddr_in *to, bool reply) {
  pool_stats_t ps;
  net_stats_t ns;
  void (*send)(osc_server_t *, const struct sockaddr_in *, const char *, const char *, ...) =
      reply ? osc_reply : osc_send;
  pool_get_stats(s->e->sys.pool, &ps);
  net_get_stats(engine_net(s->e), &ns);
  send(s, to, "/aleph/stats", "iiiiiiiiiii", (int32_t)ps.used_bytes, (int32_t)ps.heap_bytes,
       (int32_t)ps.handed_out_peak, (int32_t)pool_frag_permille(&ps),
       (int32_t)pool_bookkeeping_permille(&ps), (int32_t)ps.live_allocs, (int32_t)ps.failures,
       (int32_t)ns.ops, (int32_t)ns.deliveries, (int32_t)ns.feedback_cuts, (int32_t)s->e->now);
}

static void flush_screen(osc_server_t *s) {
  uint8_t now[SCREEN_W * SCREEN_H];
  uint32_t y, i;
  if (s->screen_valid && s->e->changes == s->screen_changes) return;
  render_screen(s->e, now);
  for (y = 0; y < SCREEN_H; y++) {
    const uint8_t *row = now + y * SCREEN_W;
    if (s->screen_valid && !memcmp(row, s->screen + y * SCREEN_W, SCREEN_W)) continue;
    for (i = 0; i < OSC_SUBSCRIBERS; i++)
      if (s->subs[i].topics & OSC_T_SCREEN)
        osc_send(s, &s->subs[i].addr, "/aleph/screen/row", "ib", (int32_t)y, (int)SCREEN_W, row);
  }
  memcpy(s->screen, now, sizeof now);
  s->screen_valid = true;
  s->screen_changes = s->e->changes;
}

/* Sends each LED message to every subscriber of topic: the on/off form, and with varibright
 * the level form too, under the monome prefix. */
static void send_leds(osc_server_t *s, uint32_t topic, const mled_msg_t *msgs, uint32_t n,
                      bool vari) {
  char prefix[OSC_PREFIX_MAX], path[OSC_PREFIX_MAX + 32], sub[32];
  uint32_t k, i, form;
  osc_monome_prefix(s, prefix, sizeof prefix);
  for (k = 0; k < n; k++)
    for (form = 0; form < 2; form++) {
      bool level = form == 1;
      if (mled_is_grid(&msgs[k]) ? (level && !vari) : !level) continue;
      for (i = 0; i < OSC_SUBSCRIBERS; i++) {
        lo_message m;
        if (!(s->subs[i].topics & topic)) continue;
        m = mled_message(&msgs[k], level, sub, sizeof sub);
        if (!m) continue;
        snprintf(path, sizeof path, "%s%s", prefix, sub);
        osc_send_message(s, &s->subs[i].addr, path, m);
      }
    }
}

/* Grid LEDs that changed since the subscribers last heard (a newcomer: all of them), as
 * led/set, row, col, map or all messages (monome_leds.h). */
static void flush_grid(osc_server_t *s) {
  struct monome *m = &s->e->monome;
  mled_msg_t msgs[MLED_GRID_MSGS_MAX];
  uint32_t n;
  monome_take_grid_dirty(m);
  if (!monome_has_grid(m)) {
    s->grid_valid = false; /* the next grid plugged in gets everything */
    return;
  }
  n = mled_grid_diff(s->grid, monome_grid_leds(m), m->cols, m->rows, s->grid_valid, msgs);
  s->grid_valid = true;
  send_leds(s, OSC_T_GRID, msgs, n, m->vari);
}

static void flush_arc(osc_server_t *s) {
  struct monome *m = &s->e->monome;
  mled_msg_t msgs[MLED_ARC_MSGS_MAX];
  uint32_t n;
  monome_take_arc_dirty(m);
  if (!monome_has_arc(m)) {
    s->arc_valid = false;
    return;
  }
  n = mled_arc_diff(s->arc, (const uint8_t (*)[64])m->arc, m->rings, s->arc_valid, msgs);
  s->arc_valid = true;
  send_leds(s, OSC_T_ARC, msgs, n, true);
}

void osc_send_cv(osc_server_t *s, const struct sockaddr_in *to, bool reply) {
  audio_info_t a;
  audio_get_info(s->e->audio, &a);
  (reply ? osc_reply : osc_send)(s, to, "/aleph/cv/out", "ffff", (double)a.cv[0], (double)a.cv[1],
                                 (double)a.cv[2], (double)a.cv[3]);
}

/* the CV outputs, when one moved by a millivolt or more */
static void flush_cv(osc_server_t *s) {
  audio_info_t a;
  int32_t mv[4];
  uint32_t i;
  audio_get_info(s->e->audio, &a);
  for (i = 0; i < 4; i++) mv[i] = (int32_t)(a.cv[i] * 1000.0f + 0.5f);
  if (s->cv_valid && !memcmp(mv, s->cv_mv, sizeof mv)) return;
  memcpy(s->cv_mv, mv, sizeof mv);
  s->cv_valid = true;
  for (i = 0; i < OSC_SUBSCRIBERS; i++)
    if (s->subs[i].topics & OSC_T_CV) osc_send_cv(s, &s->subs[i].addr, false);
}

void osc_observe_flush(osc_server_t *s) {
  uint32_t i;
  if (s->topics & OSC_T_CV) flush_cv(s);
  if (s->topics & OSC_T_SCREEN) flush_screen(s);
  if (s->topics & OSC_T_GRID) flush_grid(s);
  if (s->topics & OSC_T_ARC) flush_arc(s);
  if ((int32_t)(s->e->now - s->next_stats) >= 0) {
    s->next_stats = s->e->now + OSC_STATS_PERIOD_MS;
    for (i = 0; i < OSC_SUBSCRIBERS; i++)
      if (s->subs[i].topics & OSC_T_STATS) osc_send_stats(s, &s->subs[i].addr, false);
  }
}
