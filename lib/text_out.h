/* SPDX-License-Identifier: MIT */
/* text_out.h: printing text to a stdio stream that keeps the reason of its first failed write,
 * and closing it with that reason. glibc drops a stream's buffer when a write fails, so a later
 * fflush or fclose can succeed and only the error indicator (no errno) would be left. The tools
 * print their reports (standard output) and SVG files through it. */
#ifndef ALEPH_TEXT_OUT_H
#define ALEPH_TEXT_OUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct {
  FILE *f;
  int err; /* errno of the first failure; -1: failed, errno unknown; 0: none yet */
} text_out_t;

#if defined(__GNUC__)
#define TEXT_OUT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TEXT_OUT_PRINTF(a, b)
#endif

void text_out_printf(text_out_t *o, const char *fmt, ...) TEXT_OUT_PRINTF(2, 3);
void text_out_vprintf(text_out_t *o, const char *fmt, va_list ap) TEXT_OUT_PRINTF(2, 0);
/* Flushes and closes o->f (o->f is NULL after); false if any write, the flush or the close
 * failed, with o->err set. */
bool text_out_close(text_out_t *o);
/* Why o failed, as a sentence fragment ("No space left on device", or "write error"). */
const char *text_out_error(const text_out_t *o);

#endif
