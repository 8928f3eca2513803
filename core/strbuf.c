/* SPDX-License-Identifier: MIT */
/* strbuf.c: bounded string building for core/ (which has no stdio). */
#include "strbuf.h"

void sb_init(strbuf_t *sb, char *buf, uint32_t cap) {
  sb->buf = buf;
  sb->cap = cap;
  sb->len = 0;
  if (cap) buf[0] = '\0';
}

void sb_char(strbuf_t *sb, char c) {
  if (sb->cap == 0 || sb->len + 1 >= sb->cap) return;
  sb->buf[sb->len++] = c;
  sb->buf[sb->len] = '\0';
}

void sb_str(strbuf_t *sb, const char *s) {
  if (!s) s = "(null)";
  while (*s) sb_char(sb, *s++);
}

void sb_u32(strbuf_t *sb, uint32_t v) {
  char tmp[10];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v);
  while (n) sb_char(sb, tmp[--n]);
}

void sb_i32(strbuf_t *sb, int32_t v) {
  if (v < 0) {
    sb_char(sb, '-');
    sb_u32(sb, 0u - (uint32_t)v);
  } else {
    sb_u32(sb, (uint32_t)v);
  }
}

void sb_hex(strbuf_t *sb, uint32_t v) {
  static const char digits[] = "0123456789abcdef";
  int shift = 28;
  sb_str(sb, "0x");
  while (shift > 0 && ((v >> shift) & 0xFu) == 0) shift -= 4;
  for (; shift >= 0; shift -= 4) sb_char(sb, digits[(v >> shift) & 0xFu]);
}

void sb_fixed(strbuf_t *sb, int32_t v, uint32_t decimals) {
  uint32_t scale = 1, mag, i;
  for (i = 0; i < decimals; i++) scale *= 10u;
  if (v < 0) sb_char(sb, '-');
  mag = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
  sb_u32(sb, mag / scale);
  if (decimals) {
    uint32_t frac = mag % scale;
    sb_char(sb, '.');
    for (scale /= 10u; scale; scale /= 10u) {
      sb_char(sb, (char)('0' + (frac / scale) % 10u));
    }
  }
}

uint32_t str_nlen(const char *s, uint32_t max) {
  uint32_t n = 0;
  while (n < max && s[n]) n++;
  return n;
}

int str_eq(const char *a, const char *b) {
  while (*a && *a == *b) {
    a++;
    b++;
  }
  return *a == *b;
}

void str_copy(char *dst, const char *src, uint32_t cap) {
  uint32_t i = 0;
  if (!cap) return;
  for (; i + 1 < cap && src[i]; i++) dst[i] = src[i];
  dst[i] = '\0';
}
