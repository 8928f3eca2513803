/* SPDX-License-Identifier: MIT */
/* panel_keys.h: the keyboard bindings of the front panel (keys are SDL keycodes, which are ASCII
 * for printable keys) and the help text listing them. No SDL here. */
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
  int key;
  key_action_kind_t kind;
  int index, value;
} key_binding_t;

#define KEY_ESCAPE 27
#define KEY_SHIFT_FACTOR 10

/* The binding of keycode, or NULL. */
const key_binding_t *panel_key_lookup(int keycode);
/* Lines of key and mouse help, NULL-terminated (shown by 'h' and printed by --help). */
extern const char *const PANEL_KEY_HELP[];

#endif
