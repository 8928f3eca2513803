/* SPDX-License-Identifier: MIT */
/* panel_inject.h: synthesized window input for tests (--inject "T:wheel:ENC:N,T:drag:ENC:DY,
 * T:click:KEY,T:key:C,T:size:W:H"): SDL events at the controls' positions at window time T ms. */
#ifndef ALEPH_SIM_PANEL_INJECT_H
#define ALEPH_SIM_PANEL_INJECT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "panel_input.h"

#define PANEL_INJECT_MAX 64

typedef struct {
  uint32_t t;
  char what;  /* 'w' wheel, 'd' drag, 'c' click, 'k' key, 'u' key up, 'r' button release,
                 's' window size (target x amount) */
  int target; /* encoder, control, or keycode */
  int amount;
} panel_inject_item_t;

typedef struct {
  panel_inject_item_t item[PANEL_INJECT_MAX];
  int n, next;
} panel_inject_t;

/* Parses spec (keys and clicks are released 100 ms later); false with a sentence in err. */
bool panel_inject_parse(panel_inject_t *p, const char *spec, char *err, size_t errlen);
/* Pushes the SDL events due by now (ms since the window opened) for window win. */
void panel_inject_run(panel_inject_t *p, const panel_input_t *in, Uint32 win, uint32_t now);
bool panel_inject_pending(const panel_inject_t *p);

#endif
