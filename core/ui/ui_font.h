/* SPDX-License-Identifier: MIT */
/* ui_font.h: aleph-sim's own 5x7 bitmap font (printable ASCII in a 6x8 cell; g j p q y , ; reach
 * one row below the baseline), its condensed 4x7 capitals for key labels of six letters, and
 * text drawing into 8-bit level buffers. Used by the editor pages and by the simulator's play
 * screen and panel. */
#ifndef ALEPH_UI_FONT_H
#define ALEPH_UI_FONT_H

#include <stdbool.h>
#include <stdint.h>

#define UI_FONT_W 5      /* glyph width in pixels */
#define UI_FONT_H 7      /* glyph height above the baseline (capitals, digits) */
#define UI_FONT_DESCENT 1 /* rows below it: the descenders of g j p q y , ; (the cell's last row) */
#define UI_FONT_CELL_W 6 /* advance */
#define UI_FONT_CELL_H 8 /* line height */

/* Whether pixel (x, y) of character c's glyph is set (characters outside printable ASCII draw
 * as '?'); y runs to UI_FONT_H + UI_FONT_DESCENT - 1. false outside the glyph. */
bool ui_font_pixel(char c, int16_t x, int16_t y);
/* The condensed capitals (4 pixels wide; other characters as ui_font_pixel): for labels that
 * the regular font cannot fit, drawn with an advance of UI_FONT_CONDENSED_ADVANCE. */
#define UI_FONT_CONDENSED_ADVANCE 5
bool ui_font_condensed_pixel(char c, int16_t x, int16_t y);

/* Draws s with its first cell's top left at (x, y) into a w x h buffer of levels (row-major),
 * ink only (the background is left as it is), clipped to the buffer and to x < clip_x.
 * advance: pixels from one character to the next: UI_FONT_CELL_W, or UI_FONT_CONDENSED_ADVANCE
 * for the condensed capitals. Returns the x after the last character. */
int16_t ui_font_draw(uint8_t *buf, uint16_t w, uint16_t h, int16_t x, int16_t y, const char *s,
                     uint8_t level, int16_t clip_x, uint8_t advance);

#endif
