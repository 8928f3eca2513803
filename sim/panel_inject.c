/* SPDX-License-Identifier: MIT */
/* panel_inject.c: synthesized SDL input for tests (--inject): parsed from a spec, pushed with
 * SDL_PushEvent at the panel's real coordinates so it takes the same path as a user's input. */
#define _POSIX_C_SOURCE 200809L
#include "panel_inject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

static const char *const control_names[SIM_SW_COUNT] = {"F0", "F1", "F2", "F3", "FS1", "FS2",
                                                        "MODE"};

static int by_time(const void *a, const void *b) {
  const panel_inject_item_t *x = a, *y = b;
  return x->t < y->t ? -1 : x->t > y->t ? 1 : 0;
}

static bool add(panel_inject_t *p, uint32_t t, char what, int target, int amount) {
  if (p->n >= PANEL_INJECT_MAX) return false;
  p->item[p->n].t = t;
  p->item[p->n].what = what;
  p->item[p->n].target = target;
  p->item[p->n].amount = amount;
  p->n++;
  return true;
}

/* "T:wheel:ENC:N,T:drag:ENC:DY,T:click:NAME,T:key:C" */
bool panel_inject_parse(panel_inject_t *p, const char *spec, char *err, size_t errlen) {
  char *copy = strdup(spec), *save = NULL, *item;
  bool ok = true;
  for (item = strtok_r(copy, ",", &save); item && ok; item = strtok_r(NULL, ",", &save)) {
    char action[16], arg[16];
    unsigned t;
    int n = 0, i;
    int fields = sscanf(item, "%u:%15[a-z]:%15[^:]:%d", &t, action, arg, &n);
    ok = false;
    if (fields >= 3 && !strcmp(action, "wheel") && fields == 4 && arg[0] >= '0' && arg[0] <= '3')
      ok = add(p, t, 'w', arg[0] - '0', n);
    else if (fields == 4 && !strcmp(action, "drag") && arg[0] >= '0' && arg[0] <= '3')
      ok = add(p, t, 'd', arg[0] - '0', n);
    else if (fields == 4 && !strcmp(action, "size") && atoi(arg) > 0 && n > 0)
      ok = add(p, t, 's', atoi(arg), n);
    else if (fields == 3 && !strcmp(action, "key") && arg[0] && !arg[1])
      ok = add(p, t, 'k', arg[0], 0) && add(p, t + 100u, 'u', arg[0], 0);
    else if (fields == 3 && !strcmp(action, "click"))
      for (i = 0; i < SIM_SW_COUNT; i++)
        if (!strcmp(arg, control_names[i]))
          ok = add(p, t, 'c', PANEL_SW0 + i, 0) && add(p, t + 100u, 'r', 0, 0);
    if (!ok) snprintf(err, errlen, "--inject: cannot understand '%s'", item);
  }
  free(copy);
  qsort(p->item, (size_t)p->n, sizeof p->item[0], by_time);
  return ok;
}

/* The window point at the centre of a control. */
static void control_point(const panel_input_t *in, int control, int *x, int *y) {
  const panel_layout_t *l = &in->layout;
  int ix, iy;
  if (control < PANEL_SW0) {
    ix = l->enc_cx[control];
    iy = l->enc_cy[control];
  } else {
    const panel_rect_t *r = &l->key[control - PANEL_SW0];
    ix = r->x + r->w / 2;
    iy = r->y + r->h / 2;
  }
  *x = (int)((float)(ix + in->off_x) / in->px_per_pt);
  *y = (int)((float)(iy + in->off_y) / in->px_per_pt);
}

static void push_mouse(Uint32 win, Uint32 type, int x, int y, int yrel) {
  SDL_Event ev;
  memset(&ev, 0, sizeof ev);
  ev.type = type;
  if (type == SDL_MOUSEMOTION) {
    ev.motion.windowID = win;
    ev.motion.x = x;
    ev.motion.y = y;
    ev.motion.yrel = yrel;
    ev.motion.state = yrel ? SDL_BUTTON_LMASK : 0;
  } else {
    ev.button.windowID = win;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    ev.button.clicks = 1;
    ev.button.x = x;
    ev.button.y = y;
  }
  SDL_PushEvent(&ev);
}

/* Pushes the synthesized SDL events due by now; they go through the normal handlers. */
void panel_inject_run(panel_inject_t *p, const panel_input_t *in, Uint32 win, uint32_t now) {
  while (p->next < p->n && p->item[p->next].t <= now) {
    const panel_inject_item_t *j = &p->item[p->next++];
    SDL_Event ev;
    int x, y;
    memset(&ev, 0, sizeof ev);
    switch (j->what) {
    case 'w':
      control_point(in, PANEL_ENC0 + j->target, &x, &y);
      push_mouse(win, SDL_MOUSEMOTION, x, y, 0);
      ev.type = SDL_MOUSEWHEEL;
      ev.wheel.windowID = win;
      ev.wheel.y = j->amount;
      ev.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
      SDL_PushEvent(&ev);
      break;
    case 'd':
      control_point(in, PANEL_ENC0 + j->target, &x, &y);
      push_mouse(win, SDL_MOUSEMOTION, x, y, 0);
      push_mouse(win, SDL_MOUSEBUTTONDOWN, x, y, 0);
      push_mouse(win, SDL_MOUSEMOTION, x, y - j->amount, -j->amount);
      push_mouse(win, SDL_MOUSEBUTTONUP, x, y - j->amount, 0);
      break;
    case 'c':
      control_point(in, j->target, &x, &y);
      push_mouse(win, SDL_MOUSEMOTION, x, y, 0);
      push_mouse(win, SDL_MOUSEBUTTONDOWN, x, y, 0);
      break;
    case 'r':
      push_mouse(win, SDL_MOUSEBUTTONUP, 0, 0, 0);
      break;
    case 's': /* the window system answers with a real SDL_WINDOWEVENT_SIZE_CHANGED */
      SDL_SetWindowSize(SDL_GetWindowFromID(win), j->target, j->amount);
      break;
    case 'k':
    case 'u':
      ev.type = j->what == 'k' ? SDL_KEYDOWN : SDL_KEYUP;
      ev.key.windowID = win;
      ev.key.state = j->what == 'k' ? SDL_PRESSED : SDL_RELEASED;
      ev.key.keysym.sym = j->target;
      SDL_PushEvent(&ev);
      break;
    default:
      break;
    }
  }
}

bool panel_inject_pending(const panel_inject_t *p) { return p->next < p->n; }
