/* SPDX-License-Identifier: MIT */
/* panel_keys.c: keyboard bindings and their help text. Encoders are numbered as the hardware
 * numbers them; bees' play page routes hardware encoders 1 and 2 to ENC ops 2 and 1; MODE
 * toggles play mode and bees' edit pages (docs/editor.md). */
#include "panel_keys.h"

#include <stddef.h>

#include "events.h"

static const key_binding_t bindings[] = {
  {'q', KEY_ACT_ENCODER, 0, 1},  {'a', KEY_ACT_ENCODER, 0, -1},
  {'w', KEY_ACT_ENCODER, 1, 1},  {'s', KEY_ACT_ENCODER, 1, -1},
  {'e', KEY_ACT_ENCODER, 2, 1},  {'d', KEY_ACT_ENCODER, 2, -1},
  {'r', KEY_ACT_ENCODER, 3, 1},  {'f', KEY_ACT_ENCODER, 3, -1},
  {'1', KEY_ACT_SWITCH, 0, 0},   {'2', KEY_ACT_SWITCH, 1, 0},
  {'3', KEY_ACT_SWITCH, 2, 0},   {'4', KEY_ACT_SWITCH, 3, 0},
  {'z', KEY_ACT_SWITCH, SIM_SW_FS1, 0}, {'x', KEY_ACT_SWITCH, SIM_SW_FS2, 0},
  {'m', KEY_ACT_SWITCH, SIM_SW_MODE, 0},
  {'o', KEY_ACT_OVERLAY, 0, 0},  {'h', KEY_ACT_HELP, 0, 0},  {'/', KEY_ACT_HELP, 0, 0},
  {'p', KEY_ACT_SHOT, 0, 0},     {'v', KEY_ACT_MUTE, 0, 0},  {KEY_ESCAPE, KEY_ACT_QUIT, 0, 0},
};

const key_binding_t *panel_key_lookup(int keycode) {
  size_t i;
  for (i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
    if (bindings[i].key == keycode) return &bindings[i];
  return NULL;
}

const char *const PANEL_KEY_HELP[] = {
  "KEYS  (Shift: 10 detents a press)",
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
