/* test_strbuf.c: core's bounded string building and byte helpers. */
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

int main(void) {
  RUN(test_numbers);
  RUN(test_truncation);
  RUN(test_little_endian);
  return check_summary("test_strbuf");
}
