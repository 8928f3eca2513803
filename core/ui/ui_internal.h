/* SPDX-License-Identifier: MIT */
/* ui_internal.h: what the editor's pages share: the page table, bees' key confirmation (a second
 * press of the same key acts), ALT, the head line's notices, name editing, list scrolling and the
 * drawing helpers (ui_draw.c). Private to core/ui. */
#ifndef ALEPH_UI_INTERNAL_H
#define ALEPH_UI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ui.h"

#define UI_NO_KEY 0xFFu
#define UI_SYSTEM_OPS 12u   /* bees' system ops come first; new ops go after them */
#define UI_PAGE_DETENTS 4   /* detents of encoder 1 that turn the page (bees: a heavy threshold) */
#define UI_WARP_LINES 7     /* ALT-scroll fallback when there is no next op to warp to */

/* One page: its head title and its handlers. Encoder 1 (page scroll) and F3 (ALT) are handled
 * in ui.c before the page hears them (the page's key() still sees F3 for its side effects). */
typedef struct {
  const char *title;
  void (*enter)(ui_t *ui);                        /* the page became current */
  void (*key)(ui_t *ui, uint8_t key, bool pressed); /* F0..F3 */
  void (*encoder)(ui_t *ui, uint8_t n, int16_t delta); /* encoders 0, 2, 3 */
  void (*draw)(ui_t *ui);                         /* the scroll area: lines 0..7 */
  const char *const *(*foot)(ui_t *ui);           /* the four key labels ("" for none) */
} ui_page_t;

extern const ui_page_t ui_page_ins, ui_page_outs, ui_page_presets, ui_page_ops, ui_page_scenes,
    ui_page_dsp;

/* ---- ui_page_play.c: play mode's routing to the system ops ---- */
void ui_play_key(ui_t *ui, uint8_t key, bool pressed);
void ui_play_encoder(ui_t *ui, uint8_t n, int16_t delta);

/* ---- ui.c: state shared by pages ---- */
void ui_set_page(ui_t *ui, ui_page_id_t page);
/* bees' check_key: true if k was the key pressed before (the confirming press; resets), else
 * remembers k (its label lights) and returns false. */
bool ui_check_key(ui_t *ui, uint8_t k);
void ui_reset_key(ui_t *ui);
/* INS and OUTS: ALT + encoder 2 chooses a preset (one per turn, wrapping; lines show it), and
 * the next ALT press recalls it. ui_preview_alt_key handles F3 (true: k was F3, consumed). */
void ui_preview_choose(ui_t *ui, int16_t delta);
bool ui_preview_alt_key(ui_t *ui, uint8_t k, bool pressed);
/* The PRESETS and SCENES pages' key labels: STORE, RECALL, CLEAR (ALT: COPY, which bees 0.8.1
 * labels but still clears), ALT. */
const char *const *ui_foot_store_recall(ui_t *ui);
/* Replaces the head line with a message until the page changes. */
void ui_notify(ui_t *ui, const char *msg);
/* A short message for an op that could not be added (pool pressure, full tables). */
void ui_notify_add_failed(ui_t *ui, net_status_t st);
/* Inputs the editor addresses: op inputs, then DSP params (bees' net_num_ins()). */
uint16_t ui_in_total(const net_t *net);
/* Scroll of a list whose index space is -1 (a blank line) .. count-1, wrapping (INS, OUTS). */
int16_t ui_scroll_wrap(int16_t sel, int32_t dir, int32_t count);
/* Scroll by one line within 0..count-1, stopping at the ends (OPS, PRESETS, SCENES, DSP). */
int16_t ui_scroll_clamp(int16_t sel, int32_t dir, int32_t count);
/* bees' accelerated knob scaling (INS, ENC3): detents per poll -> value increment. */
io_t ui_knob_fast(int16_t detents);
/* ALT scrolling: from op input (or output) `from`, the offset to the first input (output) of
 * the next (dir > 0) or previous op; dir * UI_WARP_LINES if there is none. */
int32_t ui_warp_in(const net_t *net, int32_t from, int32_t dir);
int32_t ui_warp_out(const net_t *net, int32_t from, int32_t dir);

/* ---- name editing (bees' pages_edit_cursor / pages_edit_char_inc / _dec) ---- */
/* Moves the cursor one place (dir's sign) within len; with ALT held, erases from the cursor on
 * (at position 0 it writes '_'); otherwise an empty place takes the character before it. */
void ui_edit_cursor(ui_t *ui, int16_t dir, char *buf, uint8_t len);
/* Steps the character at pos through the legal name characters (- 0-9 A-Z _ a-z). */
void ui_edit_char(char *buf, uint8_t pos, int16_t dir);

/* ---- ui_draw.c: bees' screen regions ---- */
#define UI_LINES 8
#define UI_LINE_H 8
#define UI_CENTER 3       /* the selected line */
#define UI_HI_FG 0xF      /* highlighted line: ink */
#define UI_HI_BG 0x2      /* highlighted line: background */
#define UI_LO_FG 0xA      /* other lines: ink */
#define UI_DIM_FG 0x5     /* dimmed lines (an output targeting its own op) */
#define UI_HEAD_BG 0x1    /* behind the page title */
#define UI_KEY_FILL 0x5   /* behind the label of the key awaiting confirmation */
#define UI_VALUE_X 90     /* where a line's value goes (6 characters, then the preset mark) */

void ui_fill(ui_t *ui, int16_t x, int16_t y, int16_t w, int16_t h, uint8_t level);
/* Text at (x, y), ink only, clipped to x < clip_x; returns the x after it. */
int16_t ui_text(ui_t *ui, int16_t x, int16_t y, const char *s, uint8_t level, int16_t clip_x);
/* Text on line n (0..7) of the scroll area. */
int16_t ui_line_text(ui_t *ui, uint8_t line, int16_t x, const char *s, uint8_t level,
                     int16_t clip_x);
/* bees' highlight of a scroll line: background -> UI_HI_BG, ink >= UI_LO_FG -> UI_HI_FG. */
void ui_highlight(ui_t *ui, uint8_t line);
/* The play-visibility mark (left edge) and the preset-inclusion mark (right edge) of a line. */
void ui_line_marks(ui_t *ui, uint8_t line, bool play, bool preset, uint8_t level);
/* A name being edited, at (x, y): the cursor's character inverted, characters after an end of
 * string dimmed (bees' render_edit_string). */
void ui_edit_string(ui_t *ui, int16_t x, int16_t y, const char *buf, uint8_t len, int8_t cursor);
/* A DSP param's value v as bees' scaler shows it (leading blanks dropped), right-justified on
 * line n against the preset mark; returns the x it starts at (what is left of it is the name's). */
int16_t ui_param_value(ui_t *ui, uint8_t line, const net_param_t *p, io_t v, uint8_t level);
/* "NNN." (bees' three-digit index) then name, into out[cap]. */
void ui_index_name(char *out, uint32_t cap, uint32_t idx, const char *name);
/* Lines 0..7 from a list: line k shows item sel - UI_CENTER + k (wrapping over -1..count-1 if
 * wrap, else blank outside 0..count-1), then the centre line is highlighted. */
typedef void (*ui_line_fn)(ui_t *ui, uint8_t line, int32_t idx);
void ui_draw_list(ui_t *ui, int32_t sel, int32_t count, bool wrap, ui_line_fn fn);
/* Head line (title or notice, and the selected preset's name) and foot (key labels). */
void ui_draw_head(ui_t *ui, const char *title);
void ui_draw_foot(ui_t *ui, const char *const labels[4]);

#endif
