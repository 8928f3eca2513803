/* SPDX-License-Identifier: MIT */
/* render_png.h: screenshots as PNG files (libpng): the OLED as 8-bit grey at an integer scale
 * (exact levels: level * 17), or a rendered ARGB image such as the whole panel as RGB. */
#ifndef ALEPH_SIM_RENDER_PNG_H
#define ALEPH_SIM_RENDER_PNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "render_font.h"

/* The 128x64 levels, each pixel a scale x scale square. false with a sentence in err. */
bool png_write_levels(const char *path, const uint8_t *levels, int w, int h, int scale,
                      char *err, size_t errlen);
bool png_write_rgba(const char *path, const rgba_img_t *img, char *err, size_t errlen);

#endif
