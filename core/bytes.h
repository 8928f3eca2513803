/* SPDX-License-Identifier: MIT */
/* bytes.h: byte-level helpers for core/ (no libc): fill, copy, compare, repeating 4-byte
 * patterns, and the little-endian integer encoding bees pickles use on every CPU. None makes an
 * unaligned word access (which faults on the AVR32). */
#ifndef ALEPH_BYTES_H
#define ALEPH_BYTES_H

#include <stdint.h>

/* With GCC or clang the moves use the compiler's builtins: a freestanding GCC target must
 * provide memcpy/memmove/memset (GCC's documented requirement), and they are far faster than a
 * byte loop for the net's table shifts. Other compilers get the byte loops. */
#if defined(__GNUC__)
static inline void bytes_fill(void *dst, uint8_t v, uint32_t n) { __builtin_memset(dst, v, n); }
static inline void bytes_copy(void *dst, const void *src, uint32_t n) {
  __builtin_memcpy(dst, src, n);
}
static inline void bytes_move(void *dst, const void *src, uint32_t n) {
  __builtin_memmove(dst, src, n);
}
#else
static inline void bytes_fill(void *dst, uint8_t v, uint32_t n) {
  uint8_t *d = (uint8_t *)dst;
  while (n--) *d++ = v;
}
static inline void bytes_copy(void *dst, const void *src, uint32_t n) {
  uint8_t *d = (uint8_t *)dst;
  const uint8_t *s = (const uint8_t *)src;
  while (n--) *d++ = *s++;
}
/* Like bytes_copy, but correct for overlapping regions. */
static inline void bytes_move(void *dst, const void *src, uint32_t n) {
  uint8_t *d = (uint8_t *)dst;
  const uint8_t *s = (const uint8_t *)src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else if (d > s) {
    d += n;
    s += n;
    while (n--) *--d = *--s;
  }
}
#endif
static inline int bytes_equal(const void *a, const void *b, uint32_t n) {
  const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
  while (n--)
    if (*x++ != *y++) return 0;
  return 1;
}

/* A repeating 4-byte pattern over [p, p + n): byte i is pat[(phase + i) & 3]. The pool keys the
 * phase to the address (its debug canaries and poison), the scene codec to the file offset (bees'
 * de ad be ef filler). Both go byte by byte to a phase multiple of 4, then 8 bytes at a time
 * through bytes_copy (no unaligned word access: the AVR32 faults on one), then byte by byte; the
 * 8-byte word holds pat[0..3] twice in memory order, the same on either byte order. */
static inline uint64_t bytes_pattern_word(const uint8_t pat[4]) {
  uint8_t b[8];
  uint64_t w;
  bytes_copy(b, pat, 4u);
  bytes_copy(b + 4, pat, 4u);
  bytes_copy(&w, b, 8u);
  return w;
}
static inline void bytes_fill_pattern(uint8_t *p, uint32_t n, const uint8_t pat[4],
                                      uint32_t phase) {
  uint64_t w = bytes_pattern_word(pat);
  uint32_t i = 0;
  for (; i < n && ((phase + i) & 3u); i++) p[i] = pat[(phase + i) & 3u];
  for (; n - i >= 8u; i += 8u) bytes_copy(p + i, &w, 8u);
  for (; i < n; i++) p[i] = pat[(phase + i) & 3u];
}
/* The index of the first byte of [p, p + n) that differs from the pattern, or n. */
static inline uint32_t bytes_find_not_pattern(const uint8_t *p, uint32_t n, const uint8_t pat[4],
                                              uint32_t phase) {
  uint64_t w = bytes_pattern_word(pat), v;
  uint32_t i = 0;
  for (; i < n && ((phase + i) & 3u); i++)
    if (p[i] != pat[(phase + i) & 3u]) return i;
  for (; n - i >= 8u; i += 8u) {
    bytes_copy(&v, p + i, 8u);
    if (v != w) break; /* the byte loop below finds which */
  }
  for (; i < n; i++)
    if (p[i] != pat[(phase + i) & 3u]) return i;
  return n;
}

static inline uint16_t le_get_u16(const uint8_t *p) {
  return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t le_get_u32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline void le_put_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}
static inline void le_put_u32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)(v >> 16);
  p[3] = (uint8_t)(v >> 24);
}

#endif
