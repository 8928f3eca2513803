/* SPDX-License-Identifier: MIT */
/* gamepad.c: SDL2 game controllers as bees' USB gamepad report (gamepad.h). */
#include "gamepad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#define SCAN_MS 1000u /* while no controller is open, look for one this often */

/* A stick axis as a signed byte (-128..127), a trigger as 0..127. */
static uint8_t stick(int16_t v) { return (uint8_t)(int8_t)(v >> 8); }
static uint8_t trigger(int16_t v) { return (uint8_t)(v < 0 ? 0 : v >> 8); }

void gamepad_report(const gamepad_state_t *s, uint8_t out[GAMEPAD_REPORT_BYTES]) {
  /* bits of byte 6 and 7, by SDL button */
  static const uint8_t byte7_of[GAMEPAD_BUTTONS] = {
      /* A */ 0x10, /* B */ 0x11, /* X */ 0x12, /* Y */ 0x13, /* back */ 0x16, /* guide */ 0x22,
      /* start */ 0x17, /* lstick */ 0x20, /* rstick */ 0x21, /* lshoulder */ 0x14,
      /* rshoulder */ 0x15, /* up */ 0x23, /* down */ 0x24, /* left */ 0x25, /* right */ 0x26};
  uint32_t k;
  memset(out, 0, GAMEPAD_REPORT_BYTES);
  for (k = 0; k < 4; k++) out[k] = stick(s->axis[k]);
  out[4] = trigger(s->axis[4]);
  out[5] = trigger(s->axis[5]);
  for (k = 0; k < GAMEPAD_BUTTONS; k++)
    if (s->buttons & (1u << k))
      out[5 + (byte7_of[k] >> 4)] |= (uint8_t)(1u << (byte7_of[k] & 15u));
}

uint32_t gamepad_events(const uint8_t *shown, const uint8_t *now, uint32_t t,
                        sim_event_t out[GAMEPAD_REPORT_BYTES]) {
  uint32_t k, n = 0;
  for (k = 0; k < GAMEPAD_REPORT_BYTES; k++) {
    if (shown[k] == now[k]) continue;
    memset(&out[n], 0, sizeof out[n]);
    out[n].t = t;
    out[n].kind = SIM_EV_HID;
    out[n].index = (uint16_t)k;
    out[n].value = now[k];
    n++;
  }
  if (n) out[n - 1].index |= SIM_HID_LAST;
  return n;
}

struct gamepads {
  engine_t *e;
  SDL_GameController *pad;
  uint8_t shown[GAMEPAD_REPORT_BYTES];
  uint32_t next_scan;
};

gamepads_t *gamepads_open(engine_t *e, char *err, size_t errlen) {
  gamepads_t *g = calloc(1, sizeof *g);
  if (!g) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0) {
    snprintf(err, errlen, "game controllers: %s", SDL_GetError());
    free(g);
    return NULL;
  }
  g->e = e;
  return g;
}

static void read_state(SDL_GameController *pad, gamepad_state_t *s) {
  uint32_t k;
  for (k = 0; k < GAMEPAD_AXES; k++)
    s->axis[k] = SDL_GameControllerGetAxis(pad, (SDL_GameControllerAxis)k);
  s->buttons = 0;
  for (k = 0; k < GAMEPAD_BUTTONS; k++)
    if (SDL_GameControllerGetButton(pad, (SDL_GameControllerButton)k)) s->buttons |= 1u << k;
}

void gamepads_pump(gamepads_t *g) {
  gamepad_state_t st;
  uint8_t now[GAMEPAD_REPORT_BYTES];
  sim_event_t ev[GAMEPAD_REPORT_BYTES];
  uint32_t n, k;
  if (!g) return;
  if (g->pad && !SDL_GameControllerGetAttached(g->pad)) {
    fprintf(stderr, "aleph-sim: game controller unplugged\n");
    SDL_GameControllerClose(g->pad);
    g->pad = NULL;
    g->next_scan = g->e->now;
  }
  if (!g->pad && (int32_t)(g->e->now - g->next_scan) >= 0) {
    int i, count;
    g->next_scan = g->e->now + SCAN_MS;
    SDL_PumpEvents(); /* plugging is noticed here; the events themselves are not needed */
    SDL_FlushEvents(SDL_JOYAXISMOTION, SDL_CONTROLLERSENSORUPDATE);
    count = SDL_NumJoysticks();
    for (i = 0; i < count && !g->pad; i++)
      if (SDL_IsGameController(i)) g->pad = SDL_GameControllerOpen(i);
    if (g->pad)
      fprintf(stderr, "aleph-sim: game controller '%s' drives the HID ops\n",
              SDL_GameControllerName(g->pad) ? SDL_GameControllerName(g->pad) : "?");
  }
  if (!g->pad) return;
  SDL_GameControllerUpdate();
  read_state(g->pad, &st);
  gamepad_report(&st, now);
  n = gamepad_events(g->shown, now, g->e->now, ev);
  for (k = 0; k < n; k++)
    if (!engine_push(g->e, &ev[k])) break;
  memcpy(g->shown, now, sizeof now);
}

void gamepads_close(gamepads_t *g) {
  if (!g) return;
  if (g->pad) SDL_GameControllerClose(g->pad);
  SDL_QuitSubSystem(SDL_INIT_GAMECONTROLLER);
  free(g);
}

bool gamepads_connected(const gamepads_t *g) { return g && g->pad; }
