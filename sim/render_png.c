/* SPDX-License-Identifier: MIT */
/* render_png.c: writes grey (OLED levels) and RGB (panel) PNG files with libpng, safely
 * (lib/file_io: temporary file, fsync, rename); errors come back as sentences, never as
 * aborts. */
#include "render_png.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"

typedef struct {
  int w, h, grey;
  const uint8_t *levels; /* grey: source levels and scale */
  int lw, scale;
  const rgba_img_t *img;
} png_src_t;

/* libpng writes through lib/file_io: a temporary sibling, renamed over path when complete. */
typedef struct {
  fio_out_t *out;
  char err[512]; /* the first write failure */
} png_sink_t;

static void sink_write(png_structp png, png_bytep data, size_t len) {
  png_sink_t *k = png_get_io_ptr(png);
  if (!fio_out_write(k->out, data, len, k->err, sizeof k->err)) png_error(png, "write failed");
}

static void sink_flush(png_structp png) { (void)png; }

static bool write_png(const char *path, const png_src_t *src, char *err, size_t errlen) {
  png_structp png;
  png_infop info;
  uint8_t *row;
  int y;
  size_t bpp = src->grey ? 1u : 3u;
  bool ok;
  /* on the heap: what longjmp comes back to must not change after setjmp */
  png_sink_t *sink = calloc(1, sizeof *sink);
  if (!sink) {
    snprintf(err, errlen, "cannot write %s: out of memory", path);
    return false;
  }
  sink->out = fio_out_open(path, sink->err, sizeof sink->err);
  if (!sink->out) {
    snprintf(err, errlen, "cannot write %s", sink->err);
    free(sink);
    return false;
  }
  row = malloc((size_t)src->w * bpp);
  png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png ? png_create_info_struct(png) : NULL;
  if (!row || !png || !info) {
    snprintf(err, errlen, "cannot write %s: out of memory", path);
    png_destroy_write_struct(&png, &info);
    free(row);
    fio_out_abort(sink->out);
    free(sink);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    if (sink->err[0])
      snprintf(err, errlen, "cannot write %s", sink->err);
    else
      snprintf(err, errlen, "cannot write %s: libpng error", path);
    png_destroy_write_struct(&png, &info);
    free(row);
    fio_out_abort(sink->out); /* the earlier file at path stays */
    free(sink);
    return false;
  }
  png_set_write_fn(png, sink, sink_write, sink_flush);
  png_set_IHDR(png, info, (png_uint_32)src->w, (png_uint_32)src->h, 8,
               src->grey ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (y = 0; y < src->h; y++) {
    int x;
    for (x = 0; x < src->w; x++) {
      if (src->grey) {
        uint8_t lv = src->levels[(y / src->scale) * src->lw + x / src->scale] & 0x0F;
        row[x] = (uint8_t)(lv * 17u);
      } else {
        uint32_t c = src->img->px[(size_t)y * (size_t)src->img->w + (size_t)x];
        row[3 * x] = (uint8_t)(c >> 16);
        row[3 * x + 1] = (uint8_t)(c >> 8);
        row[3 * x + 2] = (uint8_t)c;
      }
    }
    png_write_row(png, row);
  }
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(row);
  ok = fio_out_close(sink->out, sink->err, sizeof sink->err);
  if (!ok) snprintf(err, errlen, "cannot write %s", sink->err);
  free(sink);
  return ok;
}

bool png_write_levels(const char *path, const uint8_t *levels, int w, int h, int scale,
                      char *err, size_t errlen) {
  png_src_t src;
  memset(&src, 0, sizeof src);
  if (scale < 1) scale = 1;
  src.w = w * scale;
  src.h = h * scale;
  src.grey = 1;
  src.levels = levels;
  src.lw = w;
  src.scale = scale;
  return write_png(path, &src, err, errlen);
}

bool png_write_rgba(const char *path, const rgba_img_t *img, char *err, size_t errlen) {
  png_src_t src;
  memset(&src, 0, sizeof src);
  src.w = img->w;
  src.h = img->h;
  src.img = img;
  return write_png(path, &src, err, errlen);
}
