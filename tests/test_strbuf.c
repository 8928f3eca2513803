/* SPDX-License-Identifier: MIT */
/* test_strbuf.c: core's bounded string building and byte helpers (moves, little-endian
 * integers, repeating patterns). */
#include <stdint.h>

#include "bytes.h"
#include "check.h"
#include "strbuf.h"

static void test_numbers(void) {
  char buf[64];
  strbuf_t sb;
  sb_init(&sb, buf, sizeof buf);
  sb_u32(&sb, 0);
  sb_char(&sb, ' ');
  sb_u32(&sb, 4294967295u);
  sb_char(&sb, ' ');
  sb_i32(&sb, -2147483647 - 1);
  sb_char(&sb, ' ');
  sb_hex(&sb, 0xDEADBEEF);
  sb_char(&sb, ' ');
  sb_hex(&sb, 0);
  sb_char(&sb, ' ');
  sb_fixed(&sb, -1234, 2);
  sb_char(&sb, ' ');
  sb_fixed(&sb, 5, 1);
  CHECK_EQ_STR(buf, "0 4294967295 -2147483648 0xdeadbeef 0x0 -12.34 0.5");
}

static void test_truncation(void) {
  char buf[6];
  strbuf_t sb;
  sb_init(&sb, buf, sizeof buf);
  sb_str(&sb, "abcdefgh");
  CHECK_EQ_STR(buf, "abcde");
  CHECK_EQ_INT(sb.len, 5);
  sb_u32(&sb, 7);
  CHECK_EQ_STR(buf, "abcde");
  str_copy(buf, "xyz", 2);
  CHECK_EQ_STR(buf, "x");
  CHECK_EQ_INT(str_nlen("hello", 3), 3);
  CHECK_EQ_INT(str_nlen("hi", 10), 2);
  CHECK(str_eq("a", "a") && !str_eq("a", "ab") && !str_eq("ab", "a"));
}

static void test_little_endian(void) {
  uint8_t b[6] = {0};
  le_put_u32(b + 1, 0x11223344u); /* unaligned on purpose */
  CHECK_EQ_INT(b[1], 0x44);
  CHECK_EQ_INT(b[4], 0x11);
  CHECK_EQ_INT(le_get_u32(b + 1), 0x11223344u);
  le_put_u16(b, 0xBEEF);
  CHECK_EQ_INT(b[0], 0xEF);
  CHECK_EQ_INT(le_get_u16(b), 0xBEEF);
  {
    uint8_t m[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    bytes_move(m + 2, m, 5);
    CHECK(bytes_equal(m, (const uint8_t[]){1, 2, 1, 2, 3, 4, 5, 8}, 8));
    bytes_move(m, m + 2, 5);
    CHECK(bytes_equal(m, (const uint8_t[]){1, 2, 3, 4, 5, 4, 5, 8}, 8));
  }
}

/* The pattern helpers from every start address mod 8 and every phase, over every length to 40
 * (both sides of the 8-byte word loop): fill writes exactly [p, p + n), and find reports a
 * changed byte at every place, and nothing past the end. */
static void test_patterns(void) {
  static const uint8_t pat[4] = {0xDE, 0xAD, 0xBE, 0xEF};
  uint8_t buf[64];
  uint32_t off, phase, n, i, bad;
  for (off = 0; off < 8; off++)
    for (phase = 0; phase < 4; phase++)
      for (n = 0; n <= 40; n++) {
        uint8_t *p = buf + 8 + off;
        bytes_fill(buf, 0x55, sizeof buf);
        bytes_fill_pattern(p, n, pat, phase);
        for (i = 0; i < sizeof buf; i++) {
          uint32_t at = (uint32_t)(buf + i - p);
          uint8_t want = (buf + i >= p && at < n) ? pat[(phase + at) & 3u] : 0x55;
          if (buf[i] != want) {
            CHECK_EQ_INT(buf[i], want);
            return;
          }
        }
        CHECK_EQ_INT(bytes_find_not_pattern(p, n, pat, phase), n);
        CHECK_EQ_INT(bytes_find_not_pattern(p, n + 1u, pat, phase), n); /* the 0x55 after it */
        for (bad = 0; bad < n; bad++) {
          p[bad] ^= 0x01u;
          CHECK_EQ_INT(bytes_find_not_pattern(p, n, pat, phase), bad);
          CHECK_EQ_INT(bytes_find_not_pattern(p, bad, pat, phase), bad);
          p[bad] ^= 0x01u;
        }
        if (n) CHECK_EQ_INT(bytes_find_not_pattern(p, n, pat, phase + 1u), 0);
      }
}

int main(void) {
  RUN(test_numbers);
  RUN(test_truncation);
  RUN(test_little_endian);
  RUN(test_patterns);
  return check_summary("test_strbuf");
}
