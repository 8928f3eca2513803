/* SPDX-License-Identifier: MIT */
/* render_overlay.h: the live operator memory overlay (heap bytes in use and at the peak,
 * internal fragmentation, bookkeeping, failures, pressure, sparklines, net figures) and the
 * key help. */
#ifndef ALEPH_SIM_RENDER_OVERLAY_H
#define ALEPH_SIM_RENDER_OVERLAY_H

#include "engine.h"
#include "panel_layout.h"
#include "render_font.h"

void render_overlay_stats(rgba_img_t *img, const panel_layout_t *l, const engine_t *e);
void render_overlay_help(rgba_img_t *img, const panel_layout_t *l);

#endif
