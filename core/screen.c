/* SPDX-License-Identifier: MIT */
/* screen.c: the OLED framebuffer, its dirty rectangle, the graphics-mode count and the digit
 * font (see screen.h). */
#include "screen.h"

#include "bytes.h"

/* ---- font ----
 * aleph-sim's own digits, drawn for this project: stroked outlines rendered with 8x8
 * supersampling to 16 grey levels. One string per row, one character per pixel: '.' is level 0,
 * '1'..'9' and 'A'..'F' are levels 1..15. Index: '0'..'9', then '-'. */
#define FONT_GLYPHS 11
static const char font_glyphs[FONT_GLYPHS][SCREEN_FONT_H][SCREEN_FONT_W + 1] = {
  {/* '0' */
    "..........",
    "..........",
    "...7EE7...",
    "..6FEEF6..",
    ".1EF33FE1.",
    ".5F9..9F5.",
    ".AF4..4FA.",
    ".CF1..1FC.",
    ".ED....DE.",
    ".FD....DF.",
    ".FD....DF.",
    ".ED....DE.",
    ".CF1..1FC.",
    ".AF4..4FA.",
    ".5F9..9F5.",
    ".1EF33FE1.",
    "..6FEEF6..",
    "...7EE7...",
    "..........",
    "..........",
  },
  {/* '1' */
    "..........",
    "..........",
    "....8F3...",
    "...8FF6...",
    "..8FFF6...",
    "..EEAF6...",
    "..218F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    "....8F6...",
    ".2CDEFED9.",
    ".3FFFFFFB.",
    "..........",
    "..........",
  },
  {/* '2' */
    "..........",
    "..........",
    "..2BFFB2..",
    ".2EFEEFE2.",
    ".AF8..8FA.",
    ".CD....EF.",
    ".11....DF.",
    "......5FB.",
    ".....1EF3.",
    ".....8F9..",
    "....3FE1..",
    "....CF6...",
    "...6FB....",
    "..1EF3....",
    "..9F8.....",
    ".3FD1.....",
    ".CFEDDDDA.",
    ".DFFFFFFD.",
    "..........",
    "..........",
  },
  {/* '3' */
    "..........",
    "..........",
    "..2BFE91..",
    ".2EFEEFC..",
    ".9F9.1BF6.",
    ".BE...3FB.",
    ".11....FC.",
    "......3FB.",
    "....43BF6.",
    "...1FFFC..",
    "....DFFE1.",
    "......9F7.",
    "......2FB.",
    ".21....FC.",
    ".FC...4FA.",
    ".BF7.1CF5.",
    ".3EFEEFB..",
    "..3BFE81..",
    "..........",
    "..........",
  },
  {/* '4' */
    "..........",
    "..........",
    ".....3F5..",
    ".....AF8..",
    "....3FF8..",
    "....AFF8..",
    "...2FFF8..",
    "...9FCF8..",
    "..1FE6F8..",
    "..8F86F8..",
    ".1EE16F8..",
    ".8F927F81.",
    ".EFFFFFFE.",
    ".8BBBDFD8.",
    ".....6F8..",
    ".....6F8..",
    ".....6F8..",
    ".....3F5..",
    "..........",
    "..........",
  },
  {/* '5' */
    "..........",
    "..........",
    ".7FFFFFFA.",
    ".9FEDDDD7.",
    ".9F2......",
    ".BF2......",
    ".BF2......",
    ".BF344....",
    ".BFFFFD2..",
    ".CFE9BFE1.",
    ".5D4..8F8.",
    "......1FC.",
    ".......DF.",
    ".......EE.",
    ".9C...3FB.",
    ".AF8.1CF6.",
    ".2EFEEFB..",
    "..2BFE81..",
    "..........",
    "..........",
  },
  {/* '6' */
    "..........",
    "..........",
    "...19EFB1.",
    "..1DFEEF2.",
    "..9FA..1..",
    ".2FE1.....",
    ".7F7......",
    ".BF2......",
    ".EE1551...",
    ".FFFFFF6..",
    ".FFE88EF4.",
    ".FF5..5FB.",
    ".FE....EE.",
    ".FD....DF.",
    ".DF1..1FD.",
    ".8F9..9F8.",
    ".1DFEEFD1.",
    "..1AFFA1..",
    "..........",
    "..........",
  },
  {/* '7' */
    "..........",
    "..........",
    ".DFFFFFFD.",
    ".ADDDDDFD.",
    "......4F9.",
    "......9F5.",
    "......DF1.",
    ".....2FC..",
    ".....6F8..",
    ".....AF4..",
    ".....EE...",
    "....3FA...",
    "....8F6...",
    "....BF2...",
    "...1FD....",
    "...5F9....",
    "...9F5....",
    "...8E1....",
    "..........",
    "..........",
  },
  {/* '8' */
    "..........",
    "..........",
    "..19FF91..",
    "..BFEEFB..",
    ".5FB11BF5.",
    ".9F4..4F9.",
    ".9F3..3F9.",
    ".8F6..6F8.",
    ".3FE44EF3.",
    "..9FFFF9..",
    ".2EFEEFE2.",
    ".9F9..9F9.",
    ".EE....EE.",
    ".FB....BF.",
    ".EE....EE.",
    ".9F9..9F9.",
    ".2EFEEFE2.",
    "..2AFFA2..",
    "..........",
    "..........",
  },
  {/* '9' */
    "..........",
    "..........",
    "..1AFFA1..",
    ".1DFEEFD1.",
    ".8F9..9F8.",
    ".DF1..1FD.",
    ".FD....DF.",
    ".EE....EF.",
    ".BF5..5FF.",
    ".4FE88EFF.",
    "..6FFFFFF.",
    "...1551EE.",
    "......2FB.",
    "......7F7.",
    ".....1EF2.",
    "..1..AF9..",
    ".2FEEFD1..",
    ".1BFE91...",
    "..........",
    "..........",
  },
  {/* '-' */
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..466664..",
    ".4FFFFFF4.",
    ".17888871.",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
    "..........",
  },
};

static int font_index(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c == '-') return 10;
  return -1;
}

uint8_t screen_font_level(char c, uint8_t x, uint8_t y) {
  int g = font_index(c);
  char p;
  if (g < 0 || x >= SCREEN_FONT_W || y >= SCREEN_FONT_H) return 0;
  p = font_glyphs[g][y][x];
  if (p >= '1' && p <= '9') return (uint8_t)(p - '0');
  if (p >= 'A' && p <= 'F') return (uint8_t)(p - 'A' + 10);
  return 0;
}

/* ---- framebuffer ---- */

/* Clips the span [*x, *x + *w) to [lo, hi). Returns false if nothing is left. */
static bool clip(int32_t *x, int32_t *w, int32_t lo, int32_t hi) {
  if (*x < lo) {
    *w -= lo - *x;
    *x = lo;
  }
  if (*x + *w > hi) *w = hi - *x;
  return *w > 0;
}

static void mark(screen_t *s, int32_t x, int32_t y, int32_t w, int32_t h) {
  int32_t x1 = x + w, y1 = y + h;
  if (s->dirty) {
    int32_t ox = s->dirty_rect.x, oy = s->dirty_rect.y;
    int32_t ox1 = ox + s->dirty_rect.w, oy1 = oy + s->dirty_rect.h;
    if (ox < x) x = ox;
    if (oy < y) y = oy;
    if (ox1 > x1) x1 = ox1;
    if (oy1 > y1) y1 = oy1;
  }
  s->dirty = true;
  s->dirty_rect.x = (uint8_t)x;
  s->dirty_rect.y = (uint8_t)y;
  s->dirty_rect.w = (uint8_t)(x1 - x);
  s->dirty_rect.h = (uint8_t)(y1 - y);
}

void screen_init(screen_t *s) {
  if (!s) return;
  bytes_fill(s, 0, (uint32_t)sizeof *s);
}

void screen_fill_rect(screen_t *s, int16_t x, int16_t y, int16_t w, int16_t h, uint8_t level) {
  int32_t cx = x, cy = y, cw = w, ch = h, j;
  if (!s || !clip(&cx, &cw, 0, SCREEN_W) || !clip(&cy, &ch, 0, SCREEN_H)) return;
  level &= 0x0Fu;
  for (j = 0; j < ch; j++) bytes_fill(&s->px[(cy + j) * SCREEN_W + cx], level, (uint32_t)cw);
  mark(s, cx, cy, cw, ch);
}

void screen_fill(screen_t *s, uint8_t level) {
  screen_fill_rect(s, 0, 0, SCREEN_W, SCREEN_H, level);
}

void screen_set_pixel(screen_t *s, int16_t x, int16_t y, uint8_t level) {
  screen_fill_rect(s, x, y, 1, 1, level);
}

uint8_t screen_pixel(const screen_t *s, int16_t x, int16_t y) {
  if (!s || x < 0 || y < 0 || x >= SCREEN_W || y >= SCREEN_H) return 0;
  return s->px[y * SCREEN_W + x];
}

/* Copies a clipped w x h block of source pixels (row-major, stride w): one byte each, or two
 * per byte, high nibble first (packed). */
static void blit(screen_t *s, int16_t x, int16_t y, uint16_t w, uint16_t h, const uint8_t *data,
                 bool packed) {
  int32_t cx = x, cy = y, cw = w, ch = h, i, j;
  if (!s || !data || !clip(&cx, &cw, 0, SCREEN_W) || !clip(&cy, &ch, 0, SCREEN_H)) return;
  for (j = 0; j < ch; j++) {
    uint32_t src = (uint32_t)(cy + j - y) * w + (uint32_t)(cx - x);
    uint8_t *dst = &s->px[(cy + j) * SCREEN_W + cx];
    if (!packed) {
      for (i = 0; i < cw; i++) dst[i] = (uint8_t)(data[src + (uint32_t)i] & 0x0Fu);
    } else {
      for (i = 0; i < cw; i++) {
        uint32_t k = src + (uint32_t)i;
        uint8_t b = data[k >> 1];
        dst[i] = (uint8_t)(((k & 1u) ? b : (uint8_t)(b >> 4)) & 0x0Fu);
      }
    }
  }
  mark(s, cx, cy, cw, ch);
}

void screen_blit(screen_t *s, int16_t x, int16_t y, uint16_t w, uint16_t h, const uint8_t *data) {
  blit(s, x, y, w, h, data, false);
}

void screen_blit4(screen_t *s, int16_t x, int16_t y, uint16_t w, uint16_t h,
                  const uint8_t *packed) {
  blit(s, x, y, w, h, packed, true);
}

bool screen_take_dirty(screen_t *s, screen_rect_t *r) {
  if (!s || !s->dirty) return false;
  if (r) *r = s->dirty_rect;
  s->dirty = false;
  return true;
}

/* ---- graphics mode ---- */

void screen_gfx_enable(screen_t *s) {
  if (s && s->gfx_count < UINT16_MAX) s->gfx_count++;
}
void screen_gfx_disable(screen_t *s) {
  if (s && s->gfx_count > 0) s->gfx_count--;
}
bool screen_gfx_active(const screen_t *s) { return s && s->gfx_count > 0; }

/* ---- text ---- */

int16_t screen_text_buf(uint8_t *buf, uint16_t w, uint16_t h, int16_t x, int16_t y,
                        const char *str) {
  int32_t cx = x;
  if (!str) return x;
  for (; *str; str++, cx += SCREEN_FONT_W) {
    int32_t gx, gy;
    if (!buf) continue;
    for (gy = 0; gy < SCREEN_FONT_H; gy++) {
      int32_t py = y + gy;
      if (py < 0 || py >= h) continue;
      for (gx = 0; gx < SCREEN_FONT_W; gx++) {
        int32_t px = cx + gx;
        if (px < 0 || px >= w) continue;
        buf[(uint32_t)py * w + (uint32_t)px] = screen_font_level(*str, (uint8_t)gx, (uint8_t)gy);
      }
    }
  }
  return (int16_t)cx;
}

void screen_text(screen_t *s, int16_t x, int16_t y, const char *str, int16_t cx, int16_t cy,
                 int16_t cw, int16_t ch) {
  int32_t x0 = cx, y0 = cy, w = cw, h = ch, gx, gy, px, py;
  const char *c;
  if (!s || !str || !clip(&x0, &w, 0, SCREEN_W) || !clip(&y0, &h, 0, SCREEN_H)) return;
  for (c = str, px = x; *c; c++, px += SCREEN_FONT_W) {
    for (gy = 0; gy < SCREEN_FONT_H; gy++) {
      py = y + gy;
      if (py < y0 || py >= y0 + h) continue;
      for (gx = 0; gx < SCREEN_FONT_W; gx++) {
        int32_t qx = px + gx;
        if (qx < x0 || qx >= x0 + w) continue;
        s->px[py * SCREEN_W + qx] = screen_font_level(*c, (uint8_t)gx, (uint8_t)gy);
      }
    }
  }
  /* the cells' box, clipped */
  {
    int32_t bx = x, by = y, bw = (int32_t)(c - str) * SCREEN_FONT_W, bh = SCREEN_FONT_H;
    if (clip(&bx, &bw, x0, x0 + w) && clip(&by, &bh, y0, y0 + h)) mark(s, bx, by, bw, bh);
  }
}

void screen_format_number(char out[7], int32_t v) {
  uint32_t u;
  int i;
  bool neg = v < 0;
  u = neg ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
  for (i = 5; i >= 0; i--) {
    if (u > 0 || i == 5) {
      out[i] = (char)('0' + u % 10u);
      u /= 10u;
    } else {
      out[i] = ' ';
    }
  }
  if (neg) out[0] = '-';
  out[6] = '\0';
}
