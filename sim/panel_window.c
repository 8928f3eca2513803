/* SPDX-License-Identifier: MIT */
/* panel_window.c: the SDL2 window loop: waits for input with SDL_WaitEventTimeout until the next
 * 60 Hz frame, ticks the engine from the host clock, and re-renders only when something changed. */
#define _POSIX_C_SOURCE 200809L
#include "panel_window.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "audio_device.h"
#include "op_timer.h"
#include "devices.h"
#include "osc_server.h"
#include "panel_inject.h"
#include "panel_input.h"
#include "render_panel.h"
#include "render_png.h"
#include "stop_signal.h"

#define FPS 60u
#define OVERLAY_SAMPLES_PER_FRAME 2u
#define QUIET_WAIT_MS 250u /* how long to sleep when nothing in the net can change by itself */

typedef struct {
  SDL_Window *win;
  SDL_Renderer *ren;
  SDL_Texture *tex;
  rgba_img_t img;
  panel_input_t in;
  panel_view_t drawn, now;  /* what the window shows, and what it would show now */
  panel_inject_t inject;
  int shots;
  audio_device_t sound; /* the sound card (dev 0: none; the DSP then runs on the engine's clock) */
} window_t;

/* Whether the side column (overlay, key help) is wanted. */
static bool side_wanted(const window_t *w) { return w->in.ui.overlay || w->in.ui.help; }

/* Fits the panel to the drawable at the largest whole scale and centres it. */
static bool relayout(window_t *w, char *err, size_t errlen) {
  int dw, dh, ww, wh, scale;
  bool side = side_wanted(w);
  SDL_GetRendererOutputSize(w->ren, &dw, &dh);
  SDL_GetWindowSize(w->win, &ww, &wh);
  w->in.px_per_pt = ww > 0 ? (float)dw / (float)ww : 1.0f;
  scale = panel_fit_scale(dw, dh, side);
  if (!w->tex || scale != w->in.layout.scale || side != w->in.layout.side) {
    panel_layout(&w->in.layout, scale, side);
    if (w->tex) SDL_DestroyTexture(w->tex);
    free(w->img.px);
    w->img.w = w->in.layout.w;
    w->img.h = w->in.layout.h;
    w->img.px = malloc((size_t)w->img.w * (size_t)w->img.h * 4u);
    w->tex = SDL_CreateTexture(w->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING,
                               w->img.w, w->img.h);
    if (!w->img.px || !w->tex) {
      snprintf(err, errlen, "cannot make a %dx%d panel image: %s", w->img.w, w->img.h,
               SDL_GetError());
      return false;
    }
  }
  w->in.off_x = (dw - w->img.w) / 2;
  w->in.off_y = (dh - w->img.h) / 2;
  w->in.dirty = true;
  return true;
}

/* The overlay or the help opened or closed: the window grows by the side column (or gives it
 * back) at the scale it has, so they hide no control; a window manager that refuses the size
 * leaves a smaller scale to relayout. */
static bool grow_for_side(window_t *w, char *err, size_t errlen) {
  bool side = side_wanted(w);
  int s = w->in.layout.scale, ww, wh;
  float ppt = w->in.px_per_pt > 0.0f ? w->in.px_per_pt : 1.0f;
  SDL_GetWindowSize(w->win, &ww, &wh);
  ww += (int)((float)((side ? PANEL_SIDE_W : -PANEL_SIDE_W) * s) / ppt);
  if (!(SDL_GetWindowFlags(w->win) & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN)))
    SDL_SetWindowSize(w->win, ww, wh);
  return relayout(w, err, errlen);
}

static void draw(window_t *w, const engine_t *e, bool present) {
  SDL_Rect dst;
  render_panel(&w->img, &w->in.layout, e, &w->in.ui);
  SDL_UpdateTexture(w->tex, NULL, w->img.px, w->img.w * 4);
  SDL_SetRenderDrawColor(w->ren, 0x10, 0x10, 0x12, 0xFF);
  SDL_RenderClear(w->ren);
  dst.x = w->in.off_x;
  dst.y = w->in.off_y;
  dst.w = w->img.w;
  dst.h = w->img.h;
  SDL_RenderCopy(w->ren, w->tex, NULL, &dst);
  if (present) SDL_RenderPresent(w->ren);
}

/* The panel as the renderer drew it, read back from the window's render target. */
static bool capture(window_t *w, const engine_t *e, const char *path, char *err, size_t errlen) {
  rgba_img_t shot;
  SDL_Rect r;
  bool ok;
  draw(w, e, false);
  r.x = w->in.off_x;
  r.y = w->in.off_y;
  r.w = w->img.w;
  r.h = w->img.h;
  shot.w = r.w;
  shot.h = r.h;
  shot.px = malloc((size_t)r.w * (size_t)r.h * 4u);
  if (!shot.px) {
    snprintf(err, errlen, "out of memory for the window capture");
    return false;
  }
  if (SDL_RenderReadPixels(w->ren, &r, SDL_PIXELFORMAT_ARGB8888, shot.px, r.w * 4) != 0) {
    snprintf(err, errlen, "cannot read the window back: %s", SDL_GetError());
    free(shot.px);
    return false;
  }
  SDL_RenderPresent(w->ren);
  ok = png_write_rgba(path, &shot, err, errlen);
  free(shot.px);
  return ok;
}

/* 'p': the next aleph-sim-N.png that does not exist yet, so earlier sessions' shots stay */
static void screenshot(window_t *w) {
  char name[64], err[256];
  struct stat st;
  do {
    snprintf(name, sizeof name, "aleph-sim-%d.png", ++w->shots);
  } while (stat(name, &st) == 0 && w->shots < 1000000);
  if (png_write_rgba(name, &w->img, err, sizeof err))
    fprintf(stderr, "aleph-sim: wrote %s\n", name);
  else
    fprintf(stderr, "aleph-sim: %s\n", err);
}

static int initial_scale(const sim_options_t *o) {
  SDL_DisplayMode dm;
  int s;
  if (o->scale) return o->scale;
  if (SDL_GetDesktopDisplayMode(0, &dm) != 0) return 3;
  s = panel_fit_scale(dm.w * 4 / 5, dm.h * 4 / 5, o->overlay);
  return s > 5 ? 5 : s;
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static void close_window(window_t *w) {
  audio_device_close(&w->sound);
  if (w->tex) SDL_DestroyTexture(w->tex);
  if (w->ren) SDL_DestroyRenderer(w->ren);
  if (w->win) SDL_DestroyWindow(w->win);
  free(w->img.px);
  SDL_Quit();
}

/* True when nothing but input can change what is shown: no armed timer, no detents waiting
 * for the encoder poll, nothing queued or scheduled, no live overlay. */
/* OSC's receive thread wakes the loop when a message is queued. */
static void wake_loop(void *ctx) {
  SDL_Event ev;
  (void)ctx;
  memset(&ev, 0, sizeof ev);
  ev.type = SDL_USEREVENT;
  SDL_PushEvent(&ev);
}

static bool quiet(const sim_session_t *s, const window_t *w) {
  const engine_t *e = &s->engine;
  uint32_t t;
  int i;
  /* the sound card's queue needs topping up; a running module moves the meters and CV */
  if (w->sound.dev || audio_running(e->audio)) return false;
  if (net_timer_count(engine_net(e)) || e->queue.count || w->in.ui.overlay || s->devices ||
      panel_inject_pending(&w->inject) || (s->replaying && player_next_time(&s->player, &t)))
    return false;
  for (i = 0; i < 4; i++)
    if (e->enc_acc[i]) return false;
  return true;
}

int panel_run(sim_session_t *s, char *err, size_t errlen) {
  window_t w;
  engine_t *e = &s->engine;
  char title[256];
  int scale;
  uint64_t start, frame_n = 0, next_frame;
  uint32_t drawn_changes = 0, drawn_samples = 0, frames = 0, now = 0;
  double cpu0;
  memset(&w, 0, sizeof w);
  if (s->opt->inject && !panel_inject_parse(&w.inject, s->opt->inject, err, errlen))
    return SIM_EXIT_USAGE;
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    snprintf(err, errlen, "%s", SDL_GetError());
    return PANEL_NO_DISPLAY;
  }
  /* SDL falls back to a window nobody sees; only take that when asked for by name */
  if (!getenv("SDL_VIDEODRIVER") && (!strcmp(SDL_GetCurrentVideoDriver(), "offscreen") ||
                                     !strcmp(SDL_GetCurrentVideoDriver(), "dummy"))) {
    snprintf(err, errlen, "SDL found only its %s video driver", SDL_GetCurrentVideoDriver());
    SDL_Quit();
    return PANEL_NO_DISPLAY;
  }
  scale = initial_scale(s->opt);
  panel_input_init(&w.in, scale);
  w.in.ui.overlay = s->opt->overlay;
  panel_layout(&w.in.layout, scale, side_wanted(&w)); /* the window opens with the column */
  snprintf(title, sizeof title, "aleph-sim: %s", s->title);
  w.win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w.in.layout.w,
                           w.in.layout.h, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (w.win) w.ren = SDL_CreateRenderer(w.win, -1, SDL_RENDERER_ACCELERATED);
  if (w.win && !w.ren) w.ren = SDL_CreateRenderer(w.win, -1, SDL_RENDERER_SOFTWARE);
  if (!w.win || !w.ren) {
    snprintf(err, errlen, "%s", SDL_GetError());
    close_window(&w);
    return PANEL_NO_DISPLAY;
  }
  SDL_SetWindowMinimumSize(w.win, PANEL_UNITS_W, PANEL_UNITS_H);
  if (!relayout(&w, err, errlen)) {
    close_window(&w);
    return SIM_EXIT_FAIL;
  }
  if (s->replaying) s->player.check = false; /* the user may add input of their own */
  if (!s->opt->no_audio) {
    if (audio_device_open(&w.sound, err, errlen))
      e->audio_clock = false; /* the sound card's queue drives rendering now */
    else
      fprintf(stderr, "aleph-sim: no sound card (%s): the DSP runs silently\n", err);
  }
  if (s->osc) osc_server_set_wake(s->osc, wake_loop, NULL);
  start = SDL_GetTicks64();
  next_frame = start;
  cpu0 = cpu_seconds();
  while (!w.in.quit && !stop_signal_requested()) {
    SDL_Event ev;
    uint64_t t = SDL_GetTicks64();
    int wait = next_frame > t ? (int)(next_frame - t) : 0;
    if (wait > 0 && !w.in.dirty && e->changes == drawn_changes && quiet(s, &w)) {
      wait = QUIET_WAIT_MS;
      if (s->opt->duration_set && (uint64_t)s->opt->duration_ms + start > t &&
          (uint64_t)s->opt->duration_ms + start - t < (uint64_t)wait)
        wait = (int)((uint64_t)s->opt->duration_ms + start - t);
    }
    if (SDL_WaitEventTimeout(&ev, wait)) {
      now = (uint32_t)(SDL_GetTicks64() - start);
      do {
        if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED &&
            !relayout(&w, err, errlen)) {
          if (s->osc) osc_server_set_wake(s->osc, NULL, NULL);
          close_window(&w);
          return SIM_EXIT_FAIL;
        }
        panel_input_handle(&w.in, &ev, e, now);
      } while (SDL_PollEvent(&ev));
    }
    t = SDL_GetTicks64();
    now = (uint32_t)(t - start);
    panel_inject_run(&w.inject, &w.in, SDL_GetWindowID(w.win), now);
    if (side_wanted(&w) != w.in.layout.side && !grow_for_side(&w, err, errlen)) {
      if (s->osc) osc_server_set_wake(s->osc, NULL, NULL);
      close_window(&w);
      return SIM_EXIT_FAIL;
    }
    if (s->replaying) player_feed(&s->player, e, now);
    engine_tick(e, now);
    if (s->osc) osc_server_pump(s->osc); /* OSC messages run here, at the engine's time now */
    devices_pump(s->devices);
    audio_device_pump(&w.sound, e->audio);
    if (s->opt->duration_set && now >= s->opt->duration_ms) w.in.quit = true;
    if (t >= next_frame) {
      /* the overlay's sparkline and clock move every history sample; 5 Hz is live enough */
      bool overlay_stale = w.in.ui.overlay && !w.in.ui.help &&
                           e->history.total - drawn_samples >= OVERLAY_SAMPLES_PER_FRAME;
      bool changed = false;
      /* the net did something, or a module is playing (meters, CV: looked at 10 times a
       * second): does it show? */
      if (e->changes != drawn_changes || (audio_running(e->audio) && frame_n % 6u == 0)) {
        panel_view_capture(e, &w.now);
        changed = memcmp(&w.now, &w.drawn, sizeof w.now) != 0;
        drawn_changes = e->changes;
      }
      if (w.in.dirty || changed || overlay_stale) {
        draw(&w, e, true);
        panel_view_capture(e, &w.drawn);
        drawn_samples = e->history.total;
        w.in.dirty = false;
        frames++;
      }
      if (w.in.shot) {
        screenshot(&w);
        w.in.shot = false;
      }
      frame_n++;
      next_frame = start + frame_n * 1000u / FPS;
      if (next_frame <= t) { /* fell behind: skip, don't catch up */
        frame_n = (t - start) * FPS / 1000u + 1u;
        next_frame = start + frame_n * 1000u / FPS;
      }
    }
  }
  /* --panel-screenshot: what the window shows, read back from the renderer */
  if (s->opt->panel_shot) {
    if (capture(&w, e, s->opt->panel_shot, err, errlen))
      s->panel_shot_taken = true;
    else
      fprintf(stderr, "aleph-sim: %s\n", err);
  }
  if (s->opt->stats) {
    double wall = (double)(SDL_GetTicks64() - start) / 1000.0, cpu = cpu_seconds() - cpu0;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(w.ren, &info) != 0) info.name = "?";
    printf("window: %u frames drawn in %.1f s at scale %d (%s, %s renderer); "
           "cpu %.1f%% of one core\n",
           (unsigned)frames, wall, w.in.layout.scale, SDL_GetCurrentVideoDriver(), info.name,
           wall > 0 ? 100.0 * cpu / wall : 0.0);
  }
  if (s->osc) osc_server_set_wake(s->osc, NULL, NULL);
  close_window(&w);
  return SIM_EXIT_OK;
}
