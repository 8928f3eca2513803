/* SPDX-License-Identifier: MIT */
/* engine.c: the simulated Aleph's heart: applies queued input at its stamp, batches encoder
 * detents per 50 ms poll as bees does (play mode; in edit mode keys and encoders go to the
 * editor's page at once), advances the net's timers, keeps the play log, and hands the DSP
 * module its params (and, on the engine's clock, renders its sound up to each step). */
#define _DEFAULT_SOURCE /* realpath, strdup */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "net_devices.h"
#include "op_timer.h"
#include "osc_apply.h"

const uint8_t ENGINE_ENC_OP[4] = {0, 2, 1, 3};

static void emit(engine_t *e, const sim_event_t *ev) {
  uint32_t i;
  for (i = 0; i < ENGINE_TAPS; i++)
    if (e->tap[i]) e->tap[i](e->tap_ctx[i], ev);
}

static void watch(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx, io_t value) {
  engine_t *e = ctx;
  net_t *net = engine_net(e);
  e->changes++;
  if (kind == NET_EV_OUTPUT && op && op->cls->id == OP_SW && op->index >= 4 && op->index < 10)
    e->sw_value[op->index - 4] = value;
  /* bees logs nothing while a graphics op owns the screen */
  if (!engine_gfx_mode(e)) playlog_note(&e->log, net, kind, op, idx, value);
  if (e->trace) trace_note(e->trace, &e->names, net, e->now, kind, op, idx, value);
}

static void param_changed(void *ctx, uint16_t idx, io_t value) {
  engine_t *e = ctx;
  audio_param(e->audio, engine_net(e), idx, value);
}

/* the editor's DSP page */
static const char *dsp_module(void *ctx) { return audio_module(((engine_t *)ctx)->audio); }
static const char *dsp_state(void *ctx) { return audio_state(((engine_t *)ctx)->audio); }
static bool dsp_load(void *ctx, char *msg, uint16_t mcap) {
  engine_t *e = ctx;
  char why[300];
  bool ok = audio_reload(e->audio, engine_net(e), why, sizeof why);
  if (why[0]) fprintf(stderr, "aleph-sim: %s\n", why);
  snprintf(msg, mcap, "%s", ok ? "MODULE LOADED" : "NOT SIMULATED");
  e->changes++;
  return ok;
}

/* ui_names_t's op_name: the running net's names (lib/op_names.h) for the OPS page. */
static bool ui_op_name(void *ctx, uint16_t op, char *out, uint16_t cap) {
  engine_t *e = ctx;
  op_names_get(&e->names, engine_net(e), op, out, cap);
  return out[0] != '\0';
}

bool engine_init(engine_t *e, size_t arena_bytes, bool virtual_clock, char *err, size_t errlen) {
  return engine_init_plan(e, arena_bytes, virtual_clock, NULL, err, errlen);
}

bool engine_init_plan(engine_t *e, size_t arena_bytes, bool virtual_clock, const arena_plan_t *plan,
                      char *err, size_t errlen) {
  memset(e, 0, sizeof *e);
  if (!host_system_init(&e->sys, arena_bytes, virtual_clock, plan, err, errlen)) return false;
  sim_queue_init(&e->queue);
  playlog_init(&e->log);
  history_init(&e->history);
  screen_init(&e->screen);
  e->next_poll = ENGINE_ENC_POLL_MS;
  e->next_sample = 0;
  net_attach_screen(engine_net(e), &e->screen);
  monome_init(&e->monome);
  net_attach_monome(engine_net(e), &e->monome);
  midi_hub_init(&e->midi);
  midi_hub_attach(engine_net(e), &e->midi);
  hid_hub_init(&e->hid);
  hid_hub_attach(engine_net(e), &e->hid);
  scene_slot_set_watch(&e->sys.slot, watch, e);
  ui_init(&e->ui, engine_net(e), e->ui_px, NULL);
  e->audio = audio_new();
  if (!e->audio) {
    host_system_free(&e->sys);
    snprintf(err, errlen, "out of memory for the DSP");
    return false;
  }
  e->audio_clock = true;
  e->services.ctx = e;
  e->services.param_changed = param_changed;
  net_set_services(engine_net(e), &e->services);
  e->dsp.ctx = e;
  e->dsp.module = dsp_module;
  e->dsp.state = dsp_state;
  e->dsp.load = dsp_load;
  ui_set_dsp(&e->ui, &e->dsp);
  e->ui_names.ctx = e;
  e->ui_names.op_name = ui_op_name;
  ui_set_names(&e->ui, &e->ui_names);
  return true;
}

void engine_free(engine_t *e) {
  uint32_t i;
  for (i = 0; i < e->n_paths; i++) free(e->paths[i]);
  e->n_paths = 0;
  scene_slot_set_watch(&e->sys.slot, NULL, NULL);
  net_set_services(engine_net(e), NULL);
  sim_queue_destroy(&e->queue);
  host_system_free(&e->sys);
  audio_free(e->audio);
  e->audio = NULL;
}

net_t *engine_net(const engine_t *e) { return host_system_net(&e->sys); }

bool engine_load_demo(engine_t *e, char *err, size_t errlen) {
  net_t *spare = scene_slot_spare(&e->sys.slot);
  net_status_t st = demo_build(spare);
  scene_error_t serr;
  if (st != NET_OK) {
    scene_slot_discard(&e->sys.slot);
    snprintf(err, errlen, "the demo network: %s", net_strerror(st));
    return false;
  }
  if (scene_slot_commit(&e->sys.slot, &serr) != SCENE_OK) {
    snprintf(err, errlen, "the demo network: %s", serr.message);
    return false;
  }
  op_names_reset(&e->names, engine_net(e));
  engine_loaded(e, NULL);
  return true;
}

void engine_loaded(engine_t *e, const char *module) {
  char msg[400];
  playlog_init(&e->log);
  ui_set_net(&e->ui, engine_net(e));
  audio_select(e->audio, engine_net(e), module, msg, sizeof msg);
  if (msg[0]) fprintf(stderr, "aleph-sim: %s\n", msg);
  e->changes++;
}

void engine_add_tap(engine_t *e, engine_tap_fn fn, void *ctx) {
  uint32_t i;
  for (i = 0; i < ENGINE_TAPS; i++) {
    if (!e->tap[i]) {
      e->tap[i] = fn;
      e->tap_ctx[i] = ctx;
      return;
    }
  }
}

int engine_path_id(engine_t *e, const char *path) {
  char *abs = realpath(path, NULL), *copy;
  const char *key = abs ? abs : path;
  uint32_t i;
  for (i = 0; i < e->n_paths; i++) {
    if (!strcmp(e->paths[i], key)) {
      free(abs);
      return (int)i;
    }
  }
  copy = abs ? abs : strdup(path);
  if (!copy || e->n_paths >= SIM_PATHS_MAX) {
    free(copy);
    return -1;
  }
  e->paths[e->n_paths] = copy;
  return (int)e->n_paths++;
}

const char *engine_path(const engine_t *e, uint16_t id) {
  return id < e->n_paths ? e->paths[id] : "";
}

void engine_path_release(engine_t *e, int id) {
  if (id < 0 || (uint32_t)id + 1u != e->n_paths || (e->paths_loaded >> id & 1u)) return;
  free(e->paths[id]);
  e->paths[id] = NULL;
  e->n_paths--;
}

void engine_replay_rejected(engine_t *e, const sim_event_t *ev) {
  e->rejected++;
  if (e->replay_rejected++ == 0) e->replay_first_rejected = *ev;
}

static bool push(engine_t *e, const sim_event_t *ev, uint8_t replayed) {
  sim_event_t copy = *ev;
  copy.replayed = replayed;
  if (copy.kind == SIM_EV_ENC_BATCH || !sim_event_valid(&copy)) {
    if (replayed)
      engine_replay_rejected(e, &copy);
    else
      e->rejected++;
    return false;
  }
  return sim_queue_push(&e->queue, &copy);
}

bool engine_push(engine_t *e, const sim_event_t *ev) { return push(e, ev, 0); }

bool engine_push_replayed(engine_t *e, const sim_event_t *ev) { return push(e, ev, 1); }

static void flush_encoders(engine_t *e) {
  uint8_t hw;
  for (hw = 0; hw < 4; hw++) {
    int32_t d = e->enc_acc[hw];
    sim_event_t ev;
    if (d == 0) continue;
    if (d > ENGINE_ENC_MAX) d = ENGINE_ENC_MAX;
    if (d < -ENGINE_ENC_MAX) d = -ENGINE_ENC_MAX;
    e->enc_acc[hw] = 0;
    ui_encoder(&e->ui, hw, (int16_t)d); /* play mode: ENC op ENGINE_ENC_OP[hw] */
    e->batches++;
    e->changes++;
    ev.t = e->now;
    ev.replayed = 0;
    ev.kind = SIM_EV_ENC_BATCH;
    ev.index = ENGINE_ENC_OP[hw];
    ev.value = (int16_t)d;
    emit(e, &ev);
  }
}

static void set_time(engine_t *e, uint32_t t) {
  if (e->audio_clock) audio_advance(e->audio, t); /* the sound before t, with what held then */
  net_advance(engine_net(e), t);
  e->now = t;
  e->sys.host.virtual_ms = t;
}

/* Advances to t, stopping at every encoder poll and history sample on the way. */
static void run_to(engine_t *e, uint32_t t) {
  for (;;) {
    uint32_t next = (int32_t)(e->next_poll - e->next_sample) < 0 ? e->next_poll : e->next_sample;
    if ((int32_t)(next - t) > 0) break;
    set_time(e, next);
    if (next == e->next_poll) {
      flush_encoders(e);
      e->next_poll += ENGINE_ENC_POLL_MS;
    }
    if (next == e->next_sample) {
      history_sample(&e->history, e->sys.pool);
      e->next_sample += HISTORY_PERIOD_MS; /* (the overlay watches history.total) */
    }
  }
  set_time(e, t);
}

static void refused(engine_t *e, const sim_event_t *ev) {
  if (ev->replayed)
    engine_replay_rejected(e, ev);
  else
    e->rejected++;
}

static void apply(engine_t *e, const sim_event_t *ev) {
  net_t *net = engine_net(e);
  switch (ev->kind) {
  case SIM_EV_ENCODER:
    e->enc_turned[ev->index] += ev->value;
    if (ui_edit_mode(&e->ui))
      ui_encoder(&e->ui, (uint8_t)ev->index, ev->value); /* the page's handler, at once */
    else
      e->enc_acc[ev->index] += ev->value; /* the ENC op, at the next poll */
    break;
  case SIM_EV_SWITCH:
    e->sw_down[ev->index] = ev->value != 0;
    if (ev->index == SIM_SW_MODE) {
      bool was = ui_edit_mode(&e->ui);
      ui_key(&e->ui, UI_KEY_MODE, ev->value != 0);
      /* bees clears the encoders' accumulators when the page changes */
      if (was != ui_edit_mode(&e->ui)) memset(e->enc_acc, 0, sizeof e->enc_acc);
    } else if (ev->index < 4) {
      ui_key(&e->ui, (ui_key_t)ev->index, ev->value != 0); /* play: SW op; edit: the page */
    } else {
      net_switch(net, (uint8_t)ev->index, ev->value != 0); /* footswitches */
    }
    break;
  case SIM_EV_CV:
    net_cv_in(net, (uint8_t)ev->index, ev->value);
    break;
  case SIM_EV_INPUT:
    if (net_activate(net, ev->index, ev->value) != NET_OK) {
      refused(e, ev);
      return;
    }
    break;
  default:
    if (!osc_apply_event(e, ev)) {
      refused(e, ev);
      return;
    }
    if (ev->kind == SIM_EV_SCENE_LOAD) e->paths_loaded |= (uint64_t)1 << ev->index;
    break;
  }
  e->applied++;
  e->changes++;
  op_names_sync(&e->names, engine_net(e)); /* added ops get names, removed ones lose theirs */
  emit(e, ev);
}

void engine_tick(engine_t *e, uint32_t t) {
  sim_event_t ev;
  if ((int32_t)(t - e->now) < 0) t = e->now;
  while (sim_queue_pop_due(&e->queue, t, &ev)) {
    if ((int32_t)(ev.t - e->now) < 0) ev.t = e->now; /* a late stamp happens now */
    run_to(e, ev.t);
    apply(e, &ev);
  }
  run_to(e, t);
  if (ui_edit_mode(&e->ui) && e->ui_drawn != e->changes) {
    ui_render(&e->ui);
    e->ui_drawn = e->changes;
  }
}

bool engine_edit_mode(const engine_t *e) { return ui_edit_mode(&e->ui); }

const uint8_t *engine_edit_screen(const engine_t *e) { return e->ui_px; }

bool engine_gfx_mode(const engine_t *e) { return screen_gfx_active(&e->screen); }

const uint8_t *engine_framebuffer(const engine_t *e) { return e->screen.px; }
