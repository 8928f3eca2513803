/* SPDX-License-Identifier: MIT */
/* text_out.c: text to a stdio stream, keeping why its first write failed (text_out.h). */
#include "text_out.h"

#include <errno.h>
#include <string.h>

static void keep(text_out_t *o) {
  if (!o->err) o->err = errno ? errno : -1;
}

void text_out_vprintf(text_out_t *o, const char *fmt, va_list ap) {
  errno = 0;
  if (vfprintf(o->f, fmt, ap) < 0) keep(o);
}

void text_out_printf(text_out_t *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  text_out_vprintf(o, fmt, ap);
  va_end(ap);
}

bool text_out_close(text_out_t *o) {
  errno = 0;
  if (fflush(o->f) != 0) keep(o);
  if (ferror(o->f) && !o->err) o->err = -1;
  errno = 0;
  if (fclose(o->f) != 0) keep(o);
  o->f = NULL;
  return !o->err;
}

const char *text_out_error(const text_out_t *o) {
  return o->err > 0 ? strerror(o->err) : "write error";
}
