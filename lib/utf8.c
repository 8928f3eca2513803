/* SPDX-License-Identifier: MIT */
/* utf8.c: the first byte of a string that is not well-formed UTF-8 (utf8.h). */
#include "utf8.h"

#include <stdint.h>

size_t utf8_invalid_at(const char *s) {
  const uint8_t *p = (const uint8_t *)s, *start = p;
  while (*p) {
    uint8_t c = *p;
    uint32_t n, k, cp, min;
    if (c < 0x80u) {
      p++;
      continue;
    }
    if (c >= 0xC2u && c <= 0xDFu) {
      n = 1;
      cp = c & 0x1Fu;
      min = 0x80u;
    } else if (c >= 0xE0u && c <= 0xEFu) {
      n = 2;
      cp = c & 0x0Fu;
      min = 0x800u;
    } else if (c >= 0xF0u && c <= 0xF4u) {
      n = 3;
      cp = c & 0x07u;
      min = 0x10000u;
    } else {
      return (size_t)(p - start);
    }
    for (k = 1; k <= n; k++) {
      if ((p[k] & 0xC0u) != 0x80u) return (size_t)(p - start);
      cp = cp << 6 | (p[k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu))
      return (size_t)(p - start);
    p += n + 1u;
  }
  return (size_t)-1;
}
