/* SPDX-License-Identifier: MIT */
/* panel_keys.h: the keyboard bindings of the front panel and the help text listing them. The
 * encoders, function keys and footswitches are bound by the key's place on the keyboard (its
 * scancode, a USB HID usage: the same on every layout, so AZERTY or Dvorak users find them
 * where a US keyboard has q/a w/s e/d r/f, 1-4, z x); the other keys by what they type (SDL
 * keycodes, ASCII for printable keys: m for MODE, o, h, p, v). No SDL here. */
#ifndef ALEPH_SIM_PANEL_KEYS_H
#define ALEPH_SIM_PANEL_KEYS_H

typedef enum {
  KEY_ACT_ENCODER, /* index: hardware encoder; value: detents (Shift: x10) */
  KEY_ACT_SWITCH,  /* index: SIM_SW_* (held while the key is down) */
  KEY_ACT_OVERLAY, /* statistics overlay on/off */
  KEY_ACT_HELP,    /* key help on/off */
  KEY_ACT_SHOT,    /* write a screenshot */
  KEY_ACT_MUTE,    /* sound off/on (the DSP keeps running) */
  KEY_ACT_QUIT
} key_action_kind_t;

typedef struct {
  int key;       /* the keycode it types on a US keyboard */
  int scancode;  /* its place (USB HID usage), or 0: bound by keycode only */
  key_action_kind_t kind;
  int index, value;
} key_binding_t;

#define KEY_ESCAPE 27
#define KEY_SHIFT_FACTOR 10

/* The binding of a key: by its scancode (0: unknown) if a binding has that place, else by its
 * keycode among the bindings without one (and, for synthesized keys with no scancode, all). */
const key_binding_t *panel_key_lookup(int keycode, int scancode);
/* Lines of key and mouse help, NULL-terminated (shown by 'h' and printed by --help). */
extern const char *const PANEL_KEY_HELP[];

#endif
