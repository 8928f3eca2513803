/* SPDX-License-Identifier: MIT */
/* render_png.c: writes grey (OLED levels) and RGB (panel) PNG files with libpng; errors come
 * back as sentences, never as aborts. */
#include "render_png.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int w, h, grey;
  const uint8_t *levels; /* grey: source levels and scale */
  int lw, scale;
  const rgba_img_t *img;
} png_src_t;

static bool write_png(const char *path, const png_src_t *src, char *err, size_t errlen) {
  FILE *f;
  png_structp png;
  png_infop info;
  uint8_t *row;
  int y;
  size_t bpp = src->grey ? 1u : 3u;
  f = fopen(path, "wb");
  if (!f) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return false;
  }
  row = malloc((size_t)src->w * bpp);
  png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png ? png_create_info_struct(png) : NULL;
  if (!row || !png || !info) {
    snprintf(err, errlen, "cannot write %s: out of memory", path);
    png_destroy_write_struct(&png, &info);
    free(row);
    fclose(f);
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    snprintf(err, errlen, "cannot write %s: libpng error", path);
    png_destroy_write_struct(&png, &info);
    free(row);
    fclose(f);
    return false;
  }
  png_init_io(png, f);
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
  if (fclose(f) != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return false;
  }
  return true;
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
