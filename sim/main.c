/* SPDX-License-Identifier: MIT */
/* main.c: aleph-sim: parses the command line, sets up the engine (scene or demo), recorder and
 * player, runs the window or the headless loop, and writes the outputs asked for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "headless.h"
#include "devices.h"
#include "midi_ports.h"
#include "send.h"
#include "trace.h"
#include "osc_server.h"
#include "options.h"
#include "panel_layout.h"
#include "panel_window.h"
#include "pool_plan_json.h"
#include "profile_capture.h"
#include "render_panel.h"
#include "render_png.h"
#include "render_screen.h"
#include "scene_load.h"
#include "session.h"
#include "stats_print.h"
#include "stop_signal.h"
#include "wav.h"

#define DEFAULT_PANEL_SHOT_SCALE 3

static profile_capture_t profile; /* --profile (profile.root is NULL when not recording) */

static bool write_screenshots(const sim_session_t *s) {
  const sim_options_t *o = s->opt;
  char err[512];
  bool ok = true;
  if (o->screenshot) {
    uint8_t levels[SCREEN_W * SCREEN_H];
    render_screen(&s->engine, levels);
    if (!png_write_levels(o->screenshot, levels, SCREEN_W, SCREEN_H, o->scale ? o->scale : 1, err,
                          sizeof err)) {
      fprintf(stderr, "aleph-sim: %s\n", err);
      ok = false;
    }
  }
  if (o->panel_shot && !s->panel_shot_taken) {
    panel_layout_t l;
    panel_ui_t ui;
    rgba_img_t img;
    panel_layout(&l, o->scale ? o->scale : DEFAULT_PANEL_SHOT_SCALE, o->overlay);
    memset(&ui, 0, sizeof ui);
    ui.overlay = o->overlay;
    ui.hover = PANEL_NONE;
    img.w = l.w;
    img.h = l.h;
    img.px = malloc((size_t)img.w * (size_t)img.h * 4u);
    if (!img.px) {
      fprintf(stderr, "aleph-sim: out of memory for the panel screenshot\n");
      return false;
    }
    render_panel(&img, &l, &s->engine, &ui);
    if (!png_write_rgba(o->panel_shot, &img, err, sizeof err)) {
      fprintf(stderr, "aleph-sim: %s\n", err);
      ok = false;
    }
    free(img.px);
  }
  return ok;
}

/* --audio-in and --audio-out: the input fed to the module, what it renders kept */
static bool setup_audio(sim_session_t *s, char *err, size_t errlen) {
  const sim_options_t *o = s->opt;
  if (o->no_audio) s->engine.audio_clock = false;
  if (o->audio_in) {
    wav_t in;
    if (!wav_load(o->audio_in, &in, err, errlen)) return false;
    if (in.rate != DSP_RATE) {
      snprintf(err, errlen, "%s: %u Hz; the Aleph's DSP runs at %u Hz (resample it first)",
               o->audio_in, (unsigned)in.rate, (unsigned)DSP_RATE);
      wav_free(&in);
      return false;
    }
    audio_set_input(s->engine.audio, in.frames, in.count, in.channels);
  }
  if (o->audio_out) audio_capture(s->engine.audio, true);
  return true;
}

static bool write_audio(const sim_session_t *s) {
  uint32_t frames;
  const float *out = audio_captured(s->engine.audio, &frames);
  char err[600];
  if (!s->opt->audio_out) return true;
  if (!wav_save(s->opt->audio_out, out, frames, DSP_CHANNELS, DSP_RATE, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    return false;
  }
  return true;
}

/* Everything after the run: outputs, checks, exit status. */
static int finish(sim_session_t *s) {
  char err[512];
  int rc = SIM_EXIT_OK;
  if (!write_screenshots(s)) rc = SIM_EXIT_FAIL;
  if (!write_audio(s)) rc = SIM_EXIT_FAIL;
  if (s->recording && !recorder_close(&s->recorder, s->engine.now, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    rc = SIM_EXIT_FAIL;
  }
  if (s->opt->stats) stats_print(stdout, &s->engine);
  if (profile.root && !profile_capture_finish(&profile, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    rc = SIM_EXIT_FAIL;
  }
  if (s->replaying) {
    uint32_t d = player_divergence(&s->player, s->engine.now);
    if (s->engine.replay_rejected) {
      const sim_event_t *ev = &s->engine.replay_first_rejected;
      fprintf(stderr, "aleph-sim: the simulator rejected %u of the replayed events (the first: "
              "%s %u value %d at %u ms), so the replay is not the recorded session\n",
              (unsigned)s->engine.replay_rejected, sim_event_kind_name(ev->kind),
              (unsigned)ev->index, (int)ev->value, (unsigned)ev->t);
      rc = SIM_EXIT_FAIL;
    }
    if (d) {
      fprintf(stderr, "aleph-sim: the replay differed from the recording in %u encoder batches\n",
              (unsigned)d);
      rc = SIM_EXIT_FAIL;
    }
    if (s->engine.error[0]) { /* the scene file moved or changed since the recording */
      fprintf(stderr, "aleph-sim: a recorded scene load failed: %s\n", s->engine.error);
      rc = SIM_EXIT_FAIL;
    }
  }
  if (s->engine.sys.host.faults) {
    fprintf(stderr, "aleph-sim: the core reported %u faults\n",
            (unsigned)s->engine.sys.host.faults);
    rc = SIM_EXIT_FAIL;
  }
  return rc;
}

/* What talks to the simulation from outside: the OSC server (--osc...) and the real devices
 * (--grid, --arc...). false with a sentence in err; what started is in s, for the caller to stop. */
static bool start_outside(sim_session_t *s, const sim_options_t *opt, char *err, size_t errlen) {
  if (opt->osc_port >= 0) {
    s->osc = osc_server_start(&s->engine, opt->osc_host, opt->osc_port, err, errlen);
    if (!s->osc) return false;
    /* OSC loads and saves scenes in the SCENES page's folder only */
    if (!osc_server_set_scene_dir(s->osc, s->store.dir)) {
      snprintf(err, errlen, "out of memory");
      return false;
    }
    if (opt->osc_remote)
      fprintf(stderr,
              "aleph-sim: warning: OSC listens on %s:%d beyond this machine, with no "
              "authentication: anyone who can reach it can press the panel's keys, edit the "
              "network, watch everything it does, and load and overwrite scene files in %s\n",
              opt->osc_host, osc_server_port(s->osc), s->store.dir);
    printf("osc port %d\n", osc_server_port(s->osc));
    fflush(stdout);
  }
  return devices_start(&s->devices, &s->engine, opt, err, errlen);
}

int main(int argc, char **argv) {
  static sim_session_t s; /* large (the queue, the screen): not on the stack */
  static trace_t trace;   /* --trace */
  sim_options_t opt;
  char err[768];
  static char example[4096];
  int rc = options_parse(&opt, argc, argv);
  if (rc >= 0) return rc;
  if (opt.send_argc) return send_run(opt.osc_host, opt.osc_port, opt.send_argc, opt.send_argv);
  if (opt.trace && !trace_init(&trace, stdout, opt.trace_ops, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s (try --help)\n", err);
    return SIM_EXIT_USAGE;
  }
  if (opt.midi_list) {
    if (midi_ports_list(stdout, err, sizeof err)) return SIM_EXIT_OK;
    fprintf(stderr, "aleph-sim: %s\n", err);
    return SIM_EXIT_FAIL;
  }
  /* `aleph-sim sequencer`: a name that is no file here may be an installed example scene */
  if (opt.scene && examples_find(opt.scene, example, sizeof example)) opt.scene = example;
  s.opt = &opt;
  if (opt.inject && opt.headless) {
    fprintf(stderr, "aleph-sim: --inject drives the window; it cannot be used with --headless\n");
    return SIM_EXIT_USAGE;
  }
  stop_signal_install(); /* SIGINT, SIGTERM, SIGHUP: finish the outputs, then exit */
  rc = options_check_files(&opt);
  if (rc >= 0) return rc;
  if (opt.replay) {
    if (!player_load(&s.player, opt.replay, err, sizeof err)) {
      fprintf(stderr, "aleph-sim: %s\n", err);
      return SIM_EXIT_FAIL;
    }
    if (s.player.note[0]) fprintf(stderr, "aleph-sim: %s\n", s.player.note);
    s.replaying = true;
    if (!opt.scene && s.player.scene[0]) opt.scene = s.player.scene;
    if (!opt.arena_set && s.player.arena_bytes) opt.arena_bytes = s.player.arena_bytes;
  }
  rc = opt.scene && s.replaying && opt.scene == s.player.scene ? options_check_files(&opt) : -1;
  if (rc >= 0) { /* the recording's scene is an input too */
    player_free(&s.player);
    return rc;
  }
  s.title = opt.scene ? opt.scene : "demo";
  /* The engine's clock is the only clock: virtual ms, from the host clock in the window. */
  if (opt.pool_plan) {
    static arena_plan_t plan;
    if (!ppj_read(opt.pool_plan, "host", &plan, err, sizeof err) ||
        !engine_init_plan(&s.engine, opt.arena_bytes, true, &plan, err, sizeof err)) {
      fprintf(stderr, "aleph-sim: %s\n", err);
      player_free(&s.player);
      return SIM_EXIT_FAIL;
    }
  } else if (!engine_init(&s.engine, opt.arena_bytes, true, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    player_free(&s.player);
    return SIM_EXIT_FAIL;
  }
  if (!setup_audio(&s, err, sizeof err) ||
      (opt.profile && !profile_capture_start(&profile, &s.engine, opt.profile, opt.scene,
                                             opt.arena_bytes, err, sizeof err))) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    engine_free(&s.engine);
    player_free(&s.player);
    return SIM_EXIT_FAIL;
  }
  if (opt.scene ? !scene_load_file(&s.engine, opt.scene, err, sizeof err)
                : !engine_load_demo(&s.engine, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    /* the profile of a load that failed (e.g. the pools ran out) is still written */
    if (profile.root && !profile_capture_finish(&profile, err, sizeof err))
      fprintf(stderr, "aleph-sim: %s\n", err);
    engine_free(&s.engine);
    player_free(&s.player);
    return SIM_EXIT_FAIL;
  }
  {
    char dir[4096];
    if (opt.scene_dir)
      snprintf(dir, sizeof dir, "%s", opt.scene_dir);
    else
      scene_store_default_dir(opt.scene, dir, sizeof dir);
    if (!scene_store_init(&s.store, &s.engine, dir)) {
      fprintf(stderr, "aleph-sim: out of memory\n");
      profile_capture_abort(&profile);
      scene_store_free(&s.store);
      engine_free(&s.engine);
      player_free(&s.player);
      return SIM_EXIT_FAIL;
    }
    scene_store_started(&s.store, opt.scene);
  }
  if (opt.record) {
    if (!recorder_open(&s.recorder, &s.engine, opt.record, opt.scene, opt.arena_bytes, err,
                       sizeof err)) {
      fprintf(stderr, "aleph-sim: %s\n", err);
      profile_capture_abort(&profile);
      scene_store_free(&s.store);
      engine_free(&s.engine);
      player_free(&s.player);
      return SIM_EXIT_FAIL;
    }
    s.recording = true;
    engine_add_tap(&s.engine, recorder_tap, &s.recorder);
  }
  if (s.replaying) engine_add_tap(&s.engine, player_tap, &s.player);
  if (opt.trace) s.engine.trace = &trace;
  if (!start_outside(&s, &opt, err, sizeof err)) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    devices_stop(s.devices);
    osc_server_stop(s.osc);
    if (s.recording) recorder_abort(&s.recorder);
    profile_capture_abort(&profile);
    scene_store_free(&s.store);
    engine_free(&s.engine);
    player_free(&s.player);
    return SIM_EXIT_FAIL;
  }

  rc = opt.headless ? SIM_EXIT_OK : panel_run(&s, err, sizeof err);
  if (rc == PANEL_NO_DISPLAY) {
    fprintf(stderr, "aleph-sim: no display (%s): running headless\n", err);
    opt.headless = true;
    if (opt.inject) fprintf(stderr, "aleph-sim: --inject needs the window; ignored\n");
  }
  if (rc == PANEL_NO_DISPLAY || (opt.headless && rc == SIM_EXIT_OK)) rc = headless_run(&s);
  if (rc != SIM_EXIT_OK) {
    fprintf(stderr, "aleph-sim: %s\n", err);
    profile_capture_abort(&profile);
    if (s.recording) recorder_abort(&s.recorder); /* what was recorded stays, unfinished */
  } else {
    rc = finish(&s);
  }
  devices_stop(s.devices);
  osc_server_stop(s.osc);
  scene_store_free(&s.store);
  engine_free(&s.engine);
  player_free(&s.player);
  return rc;
}
