/* SPDX-License-Identifier: MIT */
/* panel_input.c: mouse (drag or wheel on a knob, click and hold a key) and keyboard (see
 * panel_keys.c) handling for the panel window; every hardware action becomes a queued event. */
#include "panel_input.h"

#include <string.h>

#include "panel_keys.h"

#define DRAG_UNITS_PER_DETENT 3 /* OLED-pixel units of vertical drag per encoder detent */

void panel_input_init(panel_input_t *in, int scale) {
  memset(in, 0, sizeof *in);
  panel_layout(&in->layout, scale, false);
  in->ui.hover = PANEL_NONE;
  in->px_per_pt = 1.0f;
  in->drag_enc = -1;
  in->mouse_switch = -1;
  in->dirty = true;
}

void panel_input_to_image(const panel_input_t *in, int wx, int wy, int *ix, int *iy) {
  *ix = (int)((float)wx * in->px_per_pt) - in->off_x;
  *iy = (int)((float)wy * in->px_per_pt) - in->off_y;
}

static void push(engine_t *e, uint8_t kind, int index, int value, uint32_t now) {
  sim_event_t ev;
  ev.t = now;
  ev.kind = kind;
  ev.index = (uint8_t)index;
  ev.value = (int16_t)value;
  engine_push(e, &ev);
}

/* A source (bit 1: mouse, bit 2: keyboard) presses or releases switch sw; the engine hears only
 * the first press and the last release. */
static void hold(panel_input_t *in, engine_t *e, int sw, uint8_t source, bool down, uint32_t now) {
  uint8_t before = in->held[sw];
  if (down)
    in->held[sw] |= source;
  else
    in->held[sw] &= (uint8_t)~source;
  if (!before != !in->held[sw]) push(e, SIM_EV_SWITCH, sw, in->held[sw] ? 1 : 0, now);
}

static void set_hover(panel_input_t *in) {
  int h = panel_hit(&in->layout, in->mouse_x, in->mouse_y);
  if (h != in->ui.hover) {
    in->ui.hover = h;
    in->dirty = true;
  }
}

static void on_key(panel_input_t *in, const SDL_KeyboardEvent *k, engine_t *e, uint32_t now) {
  const key_binding_t *b = panel_key_lookup((int)k->keysym.sym, (int)k->keysym.scancode);
  bool down = k->type == SDL_KEYDOWN;
  if (!b) return;
  switch (b->kind) {
  case KEY_ACT_ENCODER:
    if (down)
      push(e, SIM_EV_ENCODER, b->index,
           b->value * ((k->keysym.mod & KMOD_SHIFT) ? KEY_SHIFT_FACTOR : 1), now);
    break;
  case KEY_ACT_SWITCH:
    if (!k->repeat) hold(in, e, b->index, 2, down, now);
    break;
  case KEY_ACT_OVERLAY:
    if (down && !k->repeat) {
      in->ui.overlay = !in->ui.overlay;
      in->ui.help = false;
      in->dirty = true;
    }
    break;
  case KEY_ACT_HELP:
    if (down && !k->repeat) {
      in->ui.help = !in->ui.help;
      in->dirty = true;
    }
    break;
  case KEY_ACT_SHOT:
    if (down && !k->repeat) in->shot = true;
    break;
  case KEY_ACT_MUTE:
    if (down && !k->repeat) {
      audio_info_t a;
      audio_get_info(e->audio, &a);
      audio_set_mute(e->audio, !a.muted);
      in->dirty = true;
    }
    break;
  case KEY_ACT_QUIT:
    if (down) in->quit = true;
    break;
  }
}

void panel_input_handle(panel_input_t *in, const SDL_Event *ev, engine_t *e, uint32_t now) {
  int step = DRAG_UNITS_PER_DETENT * in->layout.scale;
  switch (ev->type) {
  case SDL_QUIT:
    in->quit = true;
    break;
  case SDL_KEYDOWN:
  case SDL_KEYUP:
    on_key(in, &ev->key, e, now);
    break;
  case SDL_MOUSEMOTION:
    panel_input_to_image(in, ev->motion.x, ev->motion.y, &in->mouse_x, &in->mouse_y);
    set_hover(in);
    if (in->drag_enc >= 0) {
      in->drag_acc -= (int)((float)ev->motion.yrel * in->px_per_pt); /* up turns right */
      if (in->drag_acc >= step || in->drag_acc <= -step) {
        int detents = in->drag_acc / step;
        in->drag_acc -= detents * step;
        push(e, SIM_EV_ENCODER, in->drag_enc, detents, now);
      }
    }
    break;
  case SDL_MOUSEBUTTONDOWN: {
    int hit;
    if (ev->button.button != SDL_BUTTON_LEFT) break;
    panel_input_to_image(in, ev->button.x, ev->button.y, &in->mouse_x, &in->mouse_y);
    hit = panel_hit(&in->layout, in->mouse_x, in->mouse_y);
    if (hit >= PANEL_ENC0 && hit < PANEL_ENC0 + 4) {
      in->drag_enc = hit - PANEL_ENC0;
      in->drag_acc = 0;
    } else if (hit >= PANEL_SW0 && hit < PANEL_SW0 + SIM_SW_COUNT) {
      in->mouse_switch = hit - PANEL_SW0;
      hold(in, e, in->mouse_switch, 1, true, now);
    }
    break;
  }
  case SDL_MOUSEBUTTONUP:
    if (ev->button.button != SDL_BUTTON_LEFT) break;
    in->drag_enc = -1;
    if (in->mouse_switch >= 0) hold(in, e, in->mouse_switch, 1, false, now);
    in->mouse_switch = -1;
    break;
  case SDL_MOUSEWHEEL: {
    int hit = panel_hit(&in->layout, in->mouse_x, in->mouse_y);
    int n = ev->wheel.y;
    if (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) n = -n;
    if (n && hit >= PANEL_ENC0 && hit < PANEL_ENC0 + 4)
      push(e, SIM_EV_ENCODER, hit - PANEL_ENC0, n, now);
    break;
  }
  case SDL_WINDOWEVENT:
    if (ev->window.event == SDL_WINDOWEVENT_LEAVE && in->ui.hover != PANEL_NONE) {
      in->ui.hover = PANEL_NONE;
      in->dirty = true;
    }
    if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) in->dirty = true;
    if (ev->window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
      int sw; /* keys released while away would otherwise stay held */
      for (sw = 0; sw < SIM_SW_COUNT; sw++) hold(in, e, sw, 2, false, now);
    }
    break;
  default:
    break;
  }
}
