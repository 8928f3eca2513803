/* SPDX-License-Identifier: MIT */
/* render_overlay.c: the statistics overlay (the op heap's levels and counters, internal
 * fragmentation and bookkeeping, pressure, sparklines of small and big op bytes over the last
 * 12 s, net figures) and the key help. */
#include "render_overlay.h"

#include <stdarg.h>
#include <stdio.h>

#include "op_timer.h"
#include "panel_keys.h"
#include "render_draw.h"

#define OV_BG RGB(0x08, 0x0A, 0x10)
#define OV_TEXT RGB(0xD8, 0xDC, 0xE2)
#define OV_HEAD RGB(0xFF, 0xC8, 0x5A)
#define OV_SMALL RGB(0x5A, 0xC8, 0xFF)
#define OV_BIG RGB(0xFF, 0x7A, 0x5A)
#define OV_WARN RGB(0xFF, 0x50, 0x50)

typedef struct {
  rgba_img_t *img;
  int x, y, line_h, t;
} pen_t;

static void say(pen_t *p, uint32_t color, const char *fmt, ...) {
  char buf[96];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  font_draw_rgba(p->img, p->x, p->y, buf, color, p->t);
  p->y += p->line_h;
}

static void panel_box(rgba_img_t *img, const panel_layout_t *l, pen_t *p) {
  draw_blend(img, l->overlay, OV_BG, 240);
  draw_frame(img, l->overlay, l->scale < 2 ? 1 : l->scale / 2, RGB(0x50, 0x58, 0x68));
  p->img = img;
  p->t = l->text;
  p->x = l->overlay.x + 2 * l->scale;
  p->y = l->overlay.y + 2 * l->scale;
  p->line_h = FONT_CELL_H * l->text + (l->scale >= 4 ? l->scale / 2 : 0);
}

/* One series of the history (small or big op bytes), scaled to its own maximum. */
static void sparkline(rgba_img_t *img, panel_rect_t r, const history_t *h, int big,
                      uint32_t color, uint32_t *max_out) {
  uint32_t n = history_count(h), i, max = 0;
  int col_w = r.w / (int)HISTORY_SAMPLES;
  if (col_w < 1) col_w = 1;
  for (i = 0; i < n; i++) {
    const history_sample_t *s = history_get(h, i);
    uint32_t v = big ? s->big_bytes : s->small_bytes;
    if (v > max) max = v;
  }
  *max_out = max;
  max = max + max / 4u + 1u; /* headroom, so a flat line is not the top edge */
  draw_rect(img, r, RGB(0x18, 0x1C, 0x26));
  for (i = 0; i < n; i++) {
    const history_sample_t *s = history_get(h, i);
    uint32_t v = big ? s->big_bytes : s->small_bytes;
    panel_rect_t c;
    c.h = (int)((uint64_t)v * (uint64_t)r.h / max);
    if (v && c.h == 0) c.h = 1;
    c.w = col_w;
    c.x = r.x + r.w - (int)(i + 1u) * col_w; /* newest at the right */
    c.y = r.y + r.h - c.h;
    if (c.x < r.x) break;
    draw_rect(img, c, color);
  }
}

void render_overlay_stats(rgba_img_t *img, const panel_layout_t *l, const engine_t *e) {
  const net_t *net = engine_net(e);
  const net_limits_t *lim = net_get_limits(net);
  pool_stats_t ps;
  net_stats_t ns;
  pen_t p;
  panel_rect_t spark;
  uint32_t max, frag, keep;
  pool_get_stats(e->sys.pool, &ps);
  net_get_stats(net, &ns);
  frag = pool_frag_permille(&ps);
  keep = pool_bookkeeping_permille(&ps);
  panel_box(img, l, &p);
  say(&p, OV_HEAD, "MEMORY          t %u.%us", (unsigned)(e->now / 1000u),
      (unsigned)(e->now / 100u % 10u));
  say(&p, OV_TEXT, "heap   %7u B  used %u%%", (unsigned)ps.heap_bytes,
      (unsigned)(((uint64_t)ps.used_bytes * 100u) / (ps.heap_bytes ? ps.heap_bytes : 1u)));
  say(&p, OV_TEXT, "in use %7u B  peak %u", (unsigned)ps.used_bytes,
      (unsigned)ps.handed_out_peak);
  say(&p, frag >= 50u ? OV_WARN : OV_TEXT, "frag %u.%u%%  bookkeeping %u.%u%%",
      (unsigned)(frag / 10u), (unsigned)(frag % 10u), (unsigned)(keep / 10u),
      (unsigned)(keep % 10u));
  say(&p, OV_TEXT, "        small     big");
  say(&p, OV_TEXT, "live  %7u %7u", (unsigned)ps.small.live, (unsigned)ps.big.live);
  say(&p, OV_TEXT, "bytes %7u %7u B", (unsigned)ps.small.bytes_handed_out,
      (unsigned)ps.big.bytes_handed_out);
  say(&p, OV_TEXT, "parked %u  free %u B", (unsigned)ps.parked_blocks, (unsigned)ps.largest_free);
  say(&p, (ps.failures || ps.bad_frees || ps.corruptions) ? OV_WARN : OV_TEXT,
      "fail %u badfree %u corrupt %u", (unsigned)ps.failures, (unsigned)ps.bad_frees,
      (unsigned)ps.corruptions);
  say(&p, ps.pressure != POOL_PRESSURE_OK ? OV_WARN : OV_TEXT, "pressure %s",
      pool_pressure_name(ps.pressure));

  spark.x = p.x;
  spark.w = l->overlay.x + l->overlay.w - 2 * l->scale - p.x;
  spark.h = 2 * p.line_h;
  spark.y = p.y;
  sparkline(img, spark, &e->history, 0, OV_SMALL, &max);
  p.y += spark.h + l->scale;
  say(&p, OV_SMALL, "small ops, 12 s (max %u B)", (unsigned)max);
  spark.y = p.y;
  sparkline(img, spark, &e->history, 1, OV_BIG, &max);
  p.y += spark.h + l->scale;
  say(&p, OV_BIG, "big ops, 12 s (max %u B)", (unsigned)max);

  say(&p, OV_HEAD, "NET");
  say(&p, OV_TEXT, "ops %u/%u ins %u/%u outs %u/%u", (unsigned)ns.ops, (unsigned)lim->max_ops,
      (unsigned)ns.ins, (unsigned)lim->max_ins, (unsigned)ns.outs, (unsigned)lim->max_outs);
  say(&p, OV_TEXT, "params %u timers %u queue %u", (unsigned)ns.params,
      (unsigned)net_timer_count(net), (unsigned)e->queue.count);
  say(&p, OV_TEXT, "deliveries %u depth %u", (unsigned)ns.deliveries,
      (unsigned)ns.max_depth_seen);
  say(&p, (ns.feedback_cuts || ns.add_failures) ? OV_WARN : OV_TEXT,
      "feedback cuts %u add fails %u", (unsigned)ns.feedback_cuts, (unsigned)ns.add_failures);
}

void render_overlay_help(rgba_img_t *img, const panel_layout_t *l) {
  pen_t p;
  int i;
  panel_box(img, l, &p);
  for (i = 0; PANEL_KEY_HELP[i]; i++)
    say(&p, i == 0 || PANEL_KEY_HELP[i][0] == 'M' ? OV_HEAD : OV_TEXT, "%s", PANEL_KEY_HELP[i]);
}
