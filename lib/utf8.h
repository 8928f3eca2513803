/* SPDX-License-Identifier: MIT */
/* utf8.h: checking that text is UTF-8 before it goes into JSON (which must be UTF-8: strict
 * parsers refuse anything else). Names from .scn files and file names are bytes, not text. */
#ifndef ALEPH_UTF8_H
#define ALEPH_UTF8_H

#include <stddef.h>

/* The offset of the first byte of s (NUL-terminated) that does not belong to well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), or (size_t)-1 if all of
 * it is UTF-8. */
size_t utf8_invalid_at(const char *s);

#endif
