/* SPDX-License-Identifier: MIT */
/* strbuf.h: bounded string building for core/ (which has no stdio).
 * Owns nothing but a caller's char buffer; output is always NUL-terminated and truncated. */
#ifndef ALEPH_STRBUF_H
#define ALEPH_STRBUF_H

#include <stdint.h>

typedef struct {
  char *buf;
  uint32_t cap; /* bytes in buf, including room for the NUL */
  uint32_t len; /* characters written so far (not counting NUL) */
} strbuf_t;

/* Starts an empty string in buf[cap] (cap >= 1). */
void sb_init(strbuf_t *sb, char *buf, uint32_t cap);
void sb_str(strbuf_t *sb, const char *s);
void sb_char(strbuf_t *sb, char c);
void sb_u32(strbuf_t *sb, uint32_t v);
void sb_i32(strbuf_t *sb, int32_t v);
/* 0x-prefixed, digits as needed (at least one). */
void sb_hex(strbuf_t *sb, uint32_t v);
/* Fixed point: v / 10^decimals, e.g. sb_fixed(sb, 1234, 1) -> "123.4". */
void sb_fixed(strbuf_t *sb, int32_t v, uint32_t decimals);

/* Length of a NUL-terminated string, at most max. */
uint32_t str_nlen(const char *s, uint32_t max);
/* 1 if a and b are equal strings, else 0. */
int str_eq(const char *a, const char *b);
/* Copies at most cap-1 chars and terminates (cap >= 1). */
void str_copy(char *dst, const char *src, uint32_t cap);

#endif
