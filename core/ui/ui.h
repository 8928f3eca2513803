/* SPDX-License-Identifier: MIT */
/* ui.h: bees' editor on the front panel: play/edit mode (MODE), the edit pages (INS, OUTS,
 * PRESETS, OPS, SCENES, DSP) driven by the four function keys and four encoders, and what each
 * page shows on the 128x64 screen. Every edit goes through the network API (net.h, preset.h);
 * scenes go through a store the platform supplies. Key mappings: docs/editor.md. */
#ifndef ALEPH_UI_H
#define ALEPH_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"
#include "preset.h"
#include "scene.h"
#include "screen.h"

/* The panel's keys as the editor sees them (the footswitches always go to their SW ops). */
typedef enum { UI_KEY_F0, UI_KEY_F1, UI_KEY_F2, UI_KEY_F3, UI_KEY_MODE, UI_KEY_COUNT } ui_key_t;

/* bees' pages, in its order; PLAY is play mode. */
typedef enum {
  UI_PAGE_INS,
  UI_PAGE_OUTS,
  UI_PAGE_PRESETS,
  UI_PAGE_OPS,
  UI_PAGE_SCENES,
  UI_PAGE_DSP,
  UI_PAGE_PLAY,
  UI_PAGE_COUNT
} ui_page_id_t;

/* The longest names the pages edit: the .scn fields (24 and 16 bytes) keep a terminating NUL,
 * so a longer name could not be saved (bees' pages let the name fill the field). */
#define UI_NAME_LEN (SCENE_NAME_LEN - 1u)          /* scene names, SCENES page */
#define UI_PRESET_NAME_LEN (PRESET_NAME_LEN - 1u) /* preset names, PRESETS page */
#define UI_NOTICE_LEN 24u

/* Where scenes live (the Aleph's SD card; a folder in the simulator). All calls are synchronous.
 * A failing call writes a short sentence (for the screen's head line) into msg. */
typedef struct ui_scene_store {
  void *ctx;
  /* Number of scenes; re-reads the folder. */
  uint16_t (*count)(void *ctx);
  /* Name of scene i (in the store's order) into out[cap]; false if none. */
  bool (*name)(void *ctx, uint16_t i, char *out, uint16_t cap);
  /* Loads scene `name` into the running net (which may be replaced: the store then calls
   * ui_set_net()). On success the loaded scene's own name is written to loaded[cap]. */
  bool (*load)(void *ctx, const char *name, char *loaded, uint16_t cap, char *msg, uint16_t mcap);
  /* Saves the running net as scene `name` (replacing one of that name, safely). */
  bool (*save)(void *ctx, const char *name, char *msg, uint16_t mcap);
  /* The DSP module the scene names ("" if none); may be NULL. */
  const char *(*module)(void *ctx);
} ui_scene_store_t;

/* The DSP as the editor's DSP page sees it (the Aleph's Blackfin; the simulator's modules). All
 * calls synchronous; the struct and any function may be NULL. */
typedef struct ui_dsp {
  void *ctx;
  /* The module running, and a word for its state ("RUNNING", "NOT SIMULATED", "NONE"). */
  const char *(*module)(void *ctx);
  const char *(*state)(void *ctx);
  /* bees' LOAD: starts the module afresh and sends it every param; a short sentence in msg. */
  bool (*load)(void *ctx, char *msg, uint16_t mcap);
} ui_dsp_t;

/* The names the host gives ops (a JSON scene's, kept through edits): the OPS page shows one
 * beside an op's class where it differs and fits. The struct and the function may be NULL. */
typedef struct ui_names {
  void *ctx;
  /* Op `op`'s name into out[cap]; false if it has none of its own. */
  bool (*op_name)(void *ctx, uint16_t op, char *out, uint16_t cap);
} ui_names_t;

/* The editor's state (in the caller's memory; no allocation). Fields are private to core/ui:
 * use the functions below. */
typedef struct ui {
  net_t *net;
  uint8_t *px; /* SCREEN_W * SCREEN_H levels 0..15, row-major */
  const ui_scene_store_t *store;
  const ui_dsp_t *dsp;
  const ui_names_t *names;
  ui_page_id_t page;      /* current page (UI_PAGE_PLAY in play mode) */
  ui_page_id_t last_page; /* the edit page MODE returns to */
  int16_t select[UI_PAGE_COUNT]; /* selected line per page */
  uint8_t key_pressed;    /* bees' keyPressed: the key waiting for its confirming press (or 0xFF) */
  bool alt;               /* ALT (F3) held */
  int16_t page_acc;       /* detents of the page-scroll encoder not yet acted on */
  char notice[UI_NOTICE_LEN + 1]; /* message in the head line ("" for the page title) */
  bool head_preset;       /* show the selected preset's name in the head line */
  /* INS / OUTS */
  bool in_preset_select;  /* ALT + ENC2 scrolled the preset selection: ALT recalls it */
  bool zeroed;            /* INS: the selected input is 0 (F2 sets max instead of 0) */
  bool target_select;     /* OUTS: ENC3 is choosing a target */
  int32_t tmp_target;     /* OUTS: the target being chosen (-1: none) */
  /* OPS */
  uint16_t new_op;        /* index into op_user_class() */
  /* PRESETS / SCENES name editing */
  int8_t cursor;
  bool editing;           /* the name being edited is shown with its cursor */
  char edit[UI_NAME_LEN + 1]; /* PRESETS: the selected preset's name while editing */
  char scene_name[UI_NAME_LEN + 1];
  uint16_t scene_count;   /* SCENES: scenes in the store at the last look */
} ui_t;

/* Starts in play mode (bees boots into it), with SCENES as the page MODE opens. px: the screen
 * buffer pages draw into (SCREEN_W * SCREEN_H bytes). store may be NULL (no scenes). */
void ui_init(ui_t *ui, net_t *net, uint8_t *px, const ui_scene_store_t *store);
/* Sets (or replaces) the scene store; NULL: none. */
void ui_set_store(ui_t *ui, const ui_scene_store_t *store);
/* Sets (or replaces) the DSP the DSP page shows and loads; NULL: none. */
void ui_set_dsp(ui_t *ui, const ui_dsp_t *dsp);
/* Sets (or replaces) where op names come from; NULL: none (the OPS page shows classes only). */
void ui_set_names(ui_t *ui, const ui_names_t *names);
/* The running net changed (a scene was swapped in). Selections are kept within range. */
void ui_set_net(ui_t *ui, net_t *net);
/* The name the SCENES page stores under (a loaded scene's name). */
void ui_set_scene_name(ui_t *ui, const char *name);
/* A scene was loaded from outside the page (the command line, OSC, a replay): the SCENES page
 * reads its store again and selects the entry named `entry` (the store's name for it; NULL or
 * absent: the selection stays in range), so it opens on the loaded scene. */
void ui_scene_loaded(ui_t *ui, const char *entry);
const char *ui_scene_name(const ui_t *ui);

/* A key went down (pressed) or up. MODE toggles play/edit on its press. In play mode F0..F3
 * drive SW ops 0..3 (net_switch); in edit mode they are the page's function keys. */
void ui_key(ui_t *ui, ui_key_t key, bool pressed);
/* Hardware encoder n (0..3) turned by delta detents. In play mode this drives an ENC op
 * (bees swaps encoders 1 and 2: UI_PLAY_ENC_OP); in edit mode the page's handler. */
void ui_encoder(ui_t *ui, uint8_t n, int16_t delta);
extern const uint8_t UI_PLAY_ENC_OP[4];

bool ui_edit_mode(const ui_t *ui);
ui_page_id_t ui_page(const ui_t *ui);
const char *ui_page_name(ui_page_id_t page);
/* The selected line of a page (an input, output, preset, op or scene index; -1: the blank). */
int16_t ui_selection(const ui_t *ui, ui_page_id_t page);
/* The head line's message ("" if it shows the page title). */
const char *ui_notice(const ui_t *ui);

/* Draws the current edit page into the screen buffer (the whole 128x64). In play mode nothing
 * is drawn: the play screen is the platform's (its log, or the graphics ops' framebuffer). */
void ui_render(ui_t *ui);

#endif
