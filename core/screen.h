/* SPDX-License-Identifier: MIT */
/* screen.h: the Aleph's 128x64 OLED as graphics ops and the simulator see it: one byte per pixel
 * holding a grey level 0..15, a dirty rectangle the display side collects, bees' "graphics mode"
 * ref-count (while an op is in it, the play screen's op activity log is suppressed), and a
 * decimal digit font for BIGNUM. Attached to a net with net_attach_screen(); the net does not own
 * it. All drawing is clipped; levels are masked to 4 bits, as the OLED's packing does. */
#ifndef ALEPH_SCREEN_H
#define ALEPH_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

#define SCREEN_W 128
#define SCREEN_H 64
#define SCREEN_LEVEL_MAX 15

/* A rectangle in screen pixels (w, h > 0 when it holds anything). */
typedef struct {
  uint8_t x, y;
  uint8_t w, h;
} screen_rect_t;

struct screen {
  uint8_t px[SCREEN_W * SCREEN_H]; /* row-major, px[y * SCREEN_W + x] = level 0..15 */
  bool dirty;                      /* something changed since screen_take_dirty() */
  screen_rect_t dirty_rect;        /* bounding box of those changes */
  uint16_t gfx_count;              /* ops in graphics mode (bees' op_gfx_enable count) */
};
typedef struct screen screen_t;

/* All black, clean, no op in graphics mode. */
void screen_init(screen_t *s);

/* ---- drawing (all clipped to the screen; levels use their low 4 bits) ---- */
void screen_fill(screen_t *s, uint8_t level);
void screen_fill_rect(screen_t *s, int16_t x, int16_t y, int16_t w, int16_t h, uint8_t level);
void screen_set_pixel(screen_t *s, int16_t x, int16_t y, uint8_t level);
/* Level at (x, y); 0 outside the screen. */
uint8_t screen_pixel(const screen_t *s, int16_t x, int16_t y);
/* Copies an op-owned region of w x h bytes (one per pixel, row-major) with its top-left at
 * (x, y). */
void screen_blit(screen_t *s, int16_t x, int16_t y, uint16_t w, uint16_t h, const uint8_t *data);
/* Same for a region packed two pixels per byte: the even pixel in the high nibble. w is even. */
void screen_blit4(screen_t *s, int16_t x, int16_t y, uint16_t w, uint16_t h,
                  const uint8_t *packed);

/* For the display side: if anything changed since the last call, stores the bounding box of the
 * changes in *r (if r is non-NULL), marks the screen clean and returns true. */
bool screen_take_dirty(screen_t *s, screen_rect_t *r);

/* ---- graphics mode (bees' op_gfx_enable / op_gfx_disable); NULL screens are ignored ---- */
void screen_gfx_enable(screen_t *s);
void screen_gfx_disable(screen_t *s); /* never goes below 0 */
bool screen_gfx_active(const screen_t *s);

/* ---- the digit font: '0'..'9', '-' and ' ' (any other character draws as a blank cell) ----
 * Each character is a SCREEN_FONT_W x SCREEN_FONT_H cell of anti-aliased grey levels, ink bright
 * on black; a cell is drawn whole (its background too), cells abut (their margins space them). */
#define SCREEN_FONT_W 10
#define SCREEN_FONT_H 20
/* Level of pixel (x, y) of character c's cell (0 outside the cell). */
uint8_t screen_font_level(char c, uint8_t x, uint8_t y);
/* Draws str into a w x h byte buffer (one level per pixel) with its top-left at (x, y), clipped to
 * the buffer. Returns the x just past the last cell. */
int16_t screen_text_buf(uint8_t *buf, uint16_t w, uint16_t h, int16_t x, int16_t y,
                        const char *str);
/* Draws str onto the screen, clipped to the rectangle (cx, cy, cw, ch) and the screen. */
void screen_text(screen_t *s, int16_t x, int16_t y, const char *str, int16_t cx, int16_t cy,
                 int16_t cw, int16_t ch);
/* Formats v as bees' op_print does: 6 characters, right-justified, a '-' in the first column for
 * negative values, then a NUL (out holds 7 bytes). */
void screen_format_number(char out[7], int32_t v);

#endif
