/* SPDX-License-Identifier: MIT */
/* test_screen.c: the OLED framebuffer module: init, clipped drawing, level masking, blits (byte
 * and packed), the dirty rectangle, the graphics-mode count, the digit font and number format. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "screen.h"

static screen_t *new_screen(void) {
  screen_t *s = malloc(sizeof *s);
  memset(s, 0xA5, sizeof *s); /* garbage: init must clear all of it */
  screen_init(s);
  return s;
}

static uint32_t count_level(const screen_t *s, uint8_t level) {
  uint32_t i, n = 0;
  for (i = 0; i < SCREEN_W * SCREEN_H; i++) n += s->px[i] == level;
  return n;
}

static void test_init(void) {
  screen_t *s = new_screen();
  CHECK_EQ_INT(count_level(s, 0), SCREEN_W * SCREEN_H);
  CHECK(!s->dirty);
  CHECK_EQ_INT(s->gfx_count, 0);
  CHECK(!screen_take_dirty(s, 0));
  screen_init(0); /* NULL is ignored */
  free(s);
}

static void test_pixels_and_clipping(void) {
  screen_t *s = new_screen();
  screen_rect_t r;
  screen_set_pixel(s, 3, 4, 9);
  CHECK_EQ_INT(s->px[4 * SCREEN_W + 3], 9);
  CHECK_EQ_INT(screen_pixel(s, 3, 4), 9);
  CHECK(screen_take_dirty(s, &r));
  CHECK_EQ_INT(r.x, 3);
  CHECK_EQ_INT(r.y, 4);
  CHECK_EQ_INT(r.w, 1);
  CHECK_EQ_INT(r.h, 1);
  CHECK(!screen_take_dirty(s, &r));
  /* levels keep their low 4 bits, as the OLED's packing does */
  screen_set_pixel(s, 0, 0, 0x1F);
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 15);
  screen_set_pixel(s, 1, 0, 0x13);
  CHECK_EQ_INT(screen_pixel(s, 1, 0), 3);
  screen_take_dirty(s, 0);
  /* off-screen writes do nothing, reads give 0 */
  screen_set_pixel(s, -1, 0, 5);
  screen_set_pixel(s, 128, 0, 5);
  screen_set_pixel(s, 0, 64, 5);
  screen_set_pixel(s, 0, -1, 5);
  CHECK(!screen_take_dirty(s, 0));
  CHECK_EQ_INT(count_level(s, 5), 0);
  CHECK_EQ_INT(screen_pixel(s, -1, 0), 0);
  CHECK_EQ_INT(screen_pixel(s, 200, 10), 0);
  CHECK_EQ_INT(screen_pixel(s, 10, 64), 0);
  /* rectangles clip on every side */
  screen_fill_rect(s, -5, -5, 10, 8, 7);
  CHECK_EQ_INT(count_level(s, 7), 5 * 3);
  CHECK_EQ_INT(screen_pixel(s, 4, 2), 7);
  CHECK_EQ_INT(screen_pixel(s, 5, 2), 0);
  CHECK_EQ_INT(screen_pixel(s, 4, 3), 0);
  screen_fill_rect(s, 120, 60, 100, 100, 2);
  CHECK_EQ_INT(count_level(s, 2), 8 * 4);
  CHECK(screen_take_dirty(s, &r));
  CHECK_EQ_INT(r.x, 0); /* bounding box of both rectangles */
  CHECK_EQ_INT(r.y, 0);
  CHECK_EQ_INT(r.w, 128);
  CHECK_EQ_INT(r.h, 64);
  screen_fill_rect(s, 10, 10, 0, 5, 9);  /* empty */
  screen_fill_rect(s, 10, 10, -3, 5, 9); /* negative */
  CHECK(!screen_take_dirty(s, 0));
  screen_fill(s, 12);
  CHECK_EQ_INT(count_level(s, 12), SCREEN_W * SCREEN_H);
  free(s);
}

static void test_blit(void) {
  screen_t *s = new_screen();
  screen_rect_t r;
  static const uint8_t img[2 * 3] = {1, 2, 3, 4, 5, 0x16};
  static const uint8_t packed[2 * 2] = {0x12, 0x34, 0x56, 0x78}; /* 4 x 2 */
  screen_blit(s, 10, 20, 3, 2, img);
  CHECK_EQ_INT(screen_pixel(s, 10, 20), 1);
  CHECK_EQ_INT(screen_pixel(s, 12, 20), 3);
  CHECK_EQ_INT(screen_pixel(s, 10, 21), 4);
  CHECK_EQ_INT(screen_pixel(s, 12, 21), 6); /* low 4 bits of 0x16 */
  CHECK_EQ_INT(screen_pixel(s, 13, 20), 0);
  CHECK(screen_take_dirty(s, &r));
  CHECK(r.x == 10 && r.y == 20 && r.w == 3 && r.h == 2);
  /* clipped at the right/bottom edge: only the top-left pixel lands */
  screen_blit(s, 127, 63, 3, 2, img);
  CHECK_EQ_INT(screen_pixel(s, 127, 63), 1);
  CHECK(screen_take_dirty(s, &r));
  CHECK(r.x == 127 && r.y == 63 && r.w == 1 && r.h == 1);
  /* clipped at the left/top edge: the source offset follows */
  screen_blit(s, -2, -1, 3, 2, img);
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 6);
  CHECK(screen_take_dirty(s, &r));
  CHECK(r.x == 0 && r.y == 0 && r.w == 1 && r.h == 1);
  /* entirely off screen */
  screen_blit(s, 128, 0, 3, 2, img);
  screen_blit(s, -3, 0, 3, 2, img);
  screen_blit(s, 0, 0, 3, 2, 0);
  CHECK(!screen_take_dirty(s, 0));
  /* packed: even pixel in the high nibble */
  screen_blit4(s, 40, 30, 4, 2, packed);
  CHECK_EQ_INT(screen_pixel(s, 40, 30), 1);
  CHECK_EQ_INT(screen_pixel(s, 41, 30), 2);
  CHECK_EQ_INT(screen_pixel(s, 43, 30), 4);
  CHECK_EQ_INT(screen_pixel(s, 40, 31), 5);
  CHECK_EQ_INT(screen_pixel(s, 43, 31), 8);
  screen_blit4(s, -1, 0, 4, 2, packed); /* starts on an odd source pixel */
  CHECK_EQ_INT(screen_pixel(s, 0, 0), 2);
  CHECK_EQ_INT(screen_pixel(s, 2, 1), 8);
  free(s);
}

static void test_gfx_count(void) {
  screen_t *s = new_screen();
  CHECK(!screen_gfx_active(s));
  screen_gfx_enable(s);
  screen_gfx_enable(s);
  CHECK(screen_gfx_active(s));
  CHECK_EQ_INT(s->gfx_count, 2);
  screen_gfx_disable(s);
  CHECK(screen_gfx_active(s));
  screen_gfx_disable(s);
  CHECK(!screen_gfx_active(s));
  screen_gfx_disable(s); /* never negative */
  CHECK_EQ_INT(s->gfx_count, 0);
  screen_gfx_enable(s);
  CHECK(screen_gfx_active(s));
  screen_gfx_enable(0);
  screen_gfx_disable(0);
  CHECK(!screen_gfx_active(0));
  free(s);
}

static const char glyph_chars[] = "0123456789-";

static void test_font_glyphs(void) {
  uint8_t cell[11][SCREEN_FONT_H][SCREEN_FONT_W];
  uint32_t g, k, x, y;
  for (g = 0; g < 11; g++) {
    uint32_t ink = 0, full = 0;
    for (y = 0; y < SCREEN_FONT_H; y++)
      for (x = 0; x < SCREEN_FONT_W; x++) {
        uint8_t v = screen_font_level(glyph_chars[g], (uint8_t)x, (uint8_t)y);
        cell[g][y][x] = v;
        CHECK(v <= 15);
        ink += v != 0;
        full += v == 15;
        /* ink stays inside columns 1..8 and rows 2..17: cells abut with a 2-pixel gap */
        if (x == 0 || x == SCREEN_FONT_W - 1 || y < 2 || y > 17) CHECK_EQ_INT(v, 0);
      }
    CHECK(ink >= (g == 10 ? 12u : 30u)); /* a real shape */
    CHECK(full >= 4);                     /* with solid strokes */
    CHECK(ink < SCREEN_FONT_W * SCREEN_FONT_H / 2);
    /* anti-aliased: some intermediate levels */
    {
      uint32_t mid = 0;
      for (y = 0; y < SCREEN_FONT_H; y++)
        for (x = 0; x < SCREEN_FONT_W; x++) mid += cell[g][y][x] > 0 && cell[g][y][x] < 15;
      CHECK(mid >= 2);
    }
  }
  /* every pair of glyphs differs clearly */
  for (g = 0; g < 11; g++)
    for (k = g + 1; k < 11; k++) {
      uint32_t diff = 0;
      for (y = 0; y < SCREEN_FONT_H; y++)
        for (x = 0; x < SCREEN_FONT_W; x++)
          diff += (cell[g][y][x] > 7) != (cell[k][y][x] > 7);
      if (diff < 8) fprintf(stderr, "glyphs '%c' and '%c' differ in %u pixels\n",
                            glyph_chars[g], glyph_chars[k], (unsigned)diff);
      CHECK(diff >= 8);
    }
  /* a '-' is a horizontal stroke across the middle */
  CHECK_EQ_INT(screen_font_level('-', 5, 10), 15);
  CHECK_EQ_INT(screen_font_level('-', 5, 4), 0);
  /* spaces and unknown characters are blank, out-of-cell reads 0 */
  for (y = 0; y < SCREEN_FONT_H; y++)
    for (x = 0; x < SCREEN_FONT_W; x++) {
      CHECK_EQ_INT(screen_font_level(' ', (uint8_t)x, (uint8_t)y), 0);
      CHECK_EQ_INT(screen_font_level('A', (uint8_t)x, (uint8_t)y), 0);
    }
  CHECK_EQ_INT(screen_font_level('8', SCREEN_FONT_W, 5), 0);
  CHECK_EQ_INT(screen_font_level('8', 5, SCREEN_FONT_H), 0);
  /* pinned pixels of the table (a change to the font must be deliberate) */
  CHECK_EQ_INT(screen_font_level('1', 5, 10), 15);  /* the stem */
  CHECK_EQ_INT(screen_font_level('0', 5, 10), 0);   /* the hole */
  CHECK_EQ_INT(screen_font_level('8', 5, 9), 15);   /* the waist */
  CHECK_EQ_INT(screen_font_level('4', 1, 12), 14);  /* the crossbar */
  CHECK_EQ_INT(screen_font_level('7', 1, 2), 13);   /* top-left of the bar */
}

static void test_text_in_buffer(void) {
  enum { BW = 11 * SCREEN_FONT_W + 20, BH = SCREEN_FONT_H + 10 };
  static uint8_t buf[BH][BW];
  uint32_t x, y, g;
  int16_t end;
  memset(buf, 0xAA, sizeof buf);
  end = screen_text_buf(&buf[0][0], BW, BH, 10, 5, glyph_chars);
  CHECK_EQ_INT(end, 10 + 11 * SCREEN_FONT_W);
  for (y = 0; y < BH; y++)
    for (x = 0; x < BW; x++) {
      int inside = x >= 10 && x < 10u + 11u * SCREEN_FONT_W && y >= 5 && y < 5u + SCREEN_FONT_H;
      if (inside) {
        g = (x - 10) / SCREEN_FONT_W;
        CHECK_EQ_INT(buf[y][x], screen_font_level(glyph_chars[g], (uint8_t)((x - 10) % 10),
                                                  (uint8_t)(y - 5)));
      } else {
        CHECK_EQ_INT(buf[y][x], 0xAA); /* nothing outside the cells */
      }
    }
  /* clipped at every edge of the buffer (8 x 8, inside a guarded 10 x 10 block) */
  {
    uint8_t small[10 * 10];
    memset(small, 0xAA, sizeof small);
    screen_text_buf(small, 8, 8, -3, -4, "88");
    CHECK_EQ_INT(small[0], screen_font_level('8', 3, 4));
    CHECK_EQ_INT(small[7 * 8 + 5], screen_font_level('8', 8, 11)); /* first cell */
    CHECK_EQ_INT(small[7 * 8 + 5], 9);
    CHECK_EQ_INT(small[7 * 8 + 7], 0); /* second cell's blank column */
    for (x = 64; x < 100; x++) CHECK_EQ_INT(small[x], 0xAA);
  }
  /* a space writes its whole (blank) cell: bees' glyphs carry their background */
  memset(buf, 0xAA, sizeof buf);
  screen_text_buf(&buf[0][0], BW, BH, 0, 0, " ");
  CHECK_EQ_INT(buf[0][0], 0);
  CHECK_EQ_INT(buf[SCREEN_FONT_H - 1][SCREEN_FONT_W - 1], 0);
  CHECK_EQ_INT(buf[0][SCREEN_FONT_W], 0xAA);
}

static void test_text_on_screen(void) {
  screen_t *s = new_screen();
  screen_rect_t r;
  uint32_t x, y;
  screen_fill(s, 3);
  screen_take_dirty(s, 0);
  /* "12" at (100, 50), clipped to the box (100, 50, 15, 10) */
  screen_text(s, 100, 50, "12", 100, 50, 15, 10);
  for (y = 0; y < SCREEN_H; y++)
    for (x = 0; x < SCREEN_W; x++) {
      if (x >= 100 && x < 115 && y >= 50 && y < 60) {
        char c = x < 110 ? '1' : '2';
        CHECK_EQ_INT(screen_pixel(s, (int16_t)x, (int16_t)y),
                     screen_font_level(c, (uint8_t)((x - 100) % 10), (uint8_t)(y - 50)));
      } else {
        CHECK_EQ_INT(screen_pixel(s, (int16_t)x, (int16_t)y), 3);
      }
    }
  CHECK(screen_take_dirty(s, &r));
  CHECK(r.x == 100 && r.y == 50 && r.w == 15 && r.h == 10);
  /* off the screen's edge */
  screen_text(s, 120, 60, "888", 0, 0, SCREEN_W, SCREEN_H);
  CHECK(screen_take_dirty(s, &r));
  CHECK(r.x == 120 && r.y == 60 && r.w == 8 && r.h == 4);
  screen_text(s, -40, 0, "8", -40, 0, 300, 300); /* nothing visible */
  CHECK(!screen_take_dirty(s, 0));
  free(s);
}

static void test_format_number(void) {
  static const struct {
    int32_t v;
    const char *s;
  } cases[] = {
    {0, "     0"},      {7, "     7"},      {42, "    42"},     {100, "   100"},
    {32767, " 32767"},  {-1, "-    1"},     {-42, "-   42"},    {-32768, "-32768"},
    {-10000, "-10000"}, {9999, "  9999"},
  };
  uint32_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char out[8];
    memset(out, 'x', sizeof out);
    screen_format_number(out, cases[i].v);
    CHECK_EQ_STR(out, cases[i].s);
  }
}

int main(void) {
  RUN(test_init);
  RUN(test_pixels_and_clipping);
  RUN(test_blit);
  RUN(test_gfx_count);
  RUN(test_font_glyphs);
  RUN(test_text_in_buffer);
  RUN(test_text_on_screen);
  RUN(test_format_number);
  return check_summary("test_screen");
}
