/* SPDX-License-Identifier: MIT */
/* headless.c: the windowless loops. Virtual: jumps from one recorded input to the next and to
 * the end (the engine makes any step size exact). Real time: the host clock, 10 ms naps. */
#define _POSIX_C_SOURCE 200809L
#include "headless.h"

#include <stdio.h>
#include <time.h>

#include "devices.h"
#include "osc_server.h"
#include "stop_signal.h"

static uint64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* Steps of at most this many virtual ms, so a stop signal is seen during a long run. */
#define VIRTUAL_STEP_MS 1000u

static void run_virtual(sim_session_t *s, uint32_t end) {
  engine_t *e = &s->engine;
  while (!stop_signal_requested()) {
    uint32_t t = end - e->now > VIRTUAL_STEP_MS ? e->now + VIRTUAL_STEP_MS : end;
    if (s->replaying) {
      uint32_t next;
      if (player_next_time(&s->player, &next) && next < t) t = next;
      player_feed(&s->player, e, t);
    }
    engine_tick(e, t);
    if (t == end && (!s->replaying || !player_next_time(&s->player, &t) || t > end)) break;
  }
}

static void run_real_time(sim_session_t *s) {
  struct timespec nap = {0, 10 * 1000000L};
  uint64_t start = now_ms();
  while (!stop_signal_requested()) {
    uint32_t t = (uint32_t)(now_ms() - start);
    if ((s->osc || s->devices) && s->opt->duration_set && t >= s->opt->duration_ms)
      t = s->opt->duration_ms;
    if (s->replaying) player_feed(&s->player, &s->engine, t);
    engine_tick(&s->engine, t);
    if (s->osc) osc_server_pump(s->osc); /* OSC messages run here, at the engine's time t */
    devices_pump(s->devices);
    if ((s->osc || s->devices) && s->opt->duration_set && t >= s->opt->duration_ms) break;
    if (s->osc)
      osc_server_wait(s->osc, 10);
    else
      nanosleep(&nap, NULL);
  }
  fprintf(stderr, "aleph-sim: stopped at %u ms\n", (unsigned)s->engine.now);
}

static void say_stopped(const sim_session_t *s) {
  if (stop_signal_requested())
    fprintf(stderr, "aleph-sim: signal %d: stopped at %u ms\n", stop_signal_which(),
            (unsigned)s->engine.now);
}

int headless_run(sim_session_t *s) {
  if (s->osc || s->devices) /* OSC clients and devices live in real time: so does the run */
    run_real_time(s);
  else if (s->opt->duration_set || s->replaying) {
    run_virtual(s, s->opt->duration_set ? s->opt->duration_ms : s->player.end_t);
    say_stopped(s);
  } else
    run_real_time(s);
  return SIM_EXIT_OK;
}
