/* SPDX-License-Identifier: MIT */
/* panel_keys.c: keyboard bindings and their help text. Encoders are numbered as the hardware
 * numbers them; bees' play page routes hardware encoders 1 and 2 to ENC ops 2 and 1; MODE
 * toggles play mode and bees' edit pages (docs/editor.md). */
#include "panel_keys.h"

#include <stddef.h>

#include "events.h"

/* USB HID usages (SDL's scancodes): letters from 4 (a), digits from 30 (1) */
#define AT(letter) (4 + ((letter) - 'a'))
#define AT_DIGIT(d) (30 + ((d) - '1'))

static const key_binding_t bindings[] = {
  {'q', AT('q'), KEY_ACT_ENCODER, 0, 1},  {'a', AT('a'), KEY_ACT_ENCODER, 0, -1},
  {'w', AT('w'), KEY_ACT_ENCODER, 1, 1},  {'s', AT('s'), KEY_ACT_ENCODER, 1, -1},
  {'e', AT('e'), KEY_ACT_ENCODER, 2, 1},  {'d', AT('d'), KEY_ACT_ENCODER, 2, -1},
  {'r', AT('r'), KEY_ACT_ENCODER, 3, 1},  {'f', AT('f'), KEY_ACT_ENCODER, 3, -1},
  {'1', AT_DIGIT('1'), KEY_ACT_SWITCH, 0, 0}, {'2', AT_DIGIT('2'), KEY_ACT_SWITCH, 1, 0},
  {'3', AT_DIGIT('3'), KEY_ACT_SWITCH, 2, 0}, {'4', AT_DIGIT('4'), KEY_ACT_SWITCH, 3, 0},
  {'z', AT('z'), KEY_ACT_SWITCH, SIM_SW_FS1, 0}, {'x', AT('x'), KEY_ACT_SWITCH, SIM_SW_FS2, 0},
  {'m', 0, KEY_ACT_SWITCH, SIM_SW_MODE, 0},
  {'o', 0, KEY_ACT_OVERLAY, 0, 0},  {'h', 0, KEY_ACT_HELP, 0, 0},  {'/', 0, KEY_ACT_HELP, 0, 0},
  {'p', 0, KEY_ACT_SHOT, 0, 0},     {'v', 0, KEY_ACT_MUTE, 0, 0},
  {KEY_ESCAPE, 0, KEY_ACT_QUIT, 0, 0},
};
#define N_BINDINGS (sizeof bindings / sizeof bindings[0])

const key_binding_t *panel_key_lookup(int keycode, int scancode) {
  size_t i;
  if (scancode)
    for (i = 0; i < N_BINDINGS; i++)
      if (bindings[i].scancode == scancode) return &bindings[i];
  for (i = 0; i < N_BINDINGS; i++) /* a key with no place known (synthesized) finds any */
    if (bindings[i].key == keycode && (!scancode || !bindings[i].scancode)) return &bindings[i];
  return NULL;
}

const char *const PANEL_KEY_HELP[] = {
  "KEYS  (Shift: 10 detents a press)",
  "q-f 1-4 z x: by place (any layout)",
  "q/a  encoder 0 +/-   -> ENC op 0",
  "w/s  encoder 1 +/-   -> ENC op 2",
  "e/d  encoder 2 +/-   -> ENC op 1",
  "r/f  encoder 3 +/-   -> ENC op 3",
  "1-4  function keys F0-F3 (hold)",
  "z x  footswitches FS1 FS2 (hold)",
  "m    MODE: play mode / edit pages",
  "o    memory statistics overlay",
  "h    this help",
  "p    screenshot to aleph-sim-N.png",
  "v    mute / unmute the sound",
  "Esc  quit",
  "",
  "MOUSE",
  "drag up/down or wheel on a knob",
  "click and hold a key or footswitch",
  "",
  "Play: encoders 1 and 2 drive ENC",
  "ops 2 and 1 (as bees), in 50 ms.",
  "Edit: enc 1 page, 0 line, 2/3 edit;",
  "F3 ALT; F0-F2 act on a 2nd press.",
  NULL,
};
