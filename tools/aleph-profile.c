/* SPDX-License-Identifier: MIT */
/* aleph-profile: reads heap usage profiles written by aleph-sim --profile, reports each run's
 * peak, internal fragmentation and failures, and plans the op heap in which every profiled scene
 * can replace every other (both live during a switch) with editing headroom, for the AVR32
 * (32-bit op sizes) and for this host, beside bees 0.8's fixed pools. Optionally writes the plan
 * file aleph-sim --pool-plan applies and an SVG of heap use over time. Exit status: 0 ok, 1 a
 * profile or output file (standard output included) could not be used, 2 bad arguments.
 * Reading and checking a profile is lib/profile_read.c. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "host_platform.h"
#include "op_catalog.h"
#include "pool.h"
#include "pool_plan_json.h"
#include "pool_planner.h"
#include "profile_read.h"
#include "scene_io.h"
#include "text_out.h"
#include "version.h"

#define EXIT_BAD_FILE 1
#define EXIT_USAGE 2

/* the report: standard output (main sets it), a failed write kept for close_stdout */
static text_out_t report;

TEXT_OUT_PRINTF(1, 2) static void out(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  text_out_vprintf(&report, fmt, ap);
  va_end(ap);
}

/* The whole report must reach standard output: a failed write is exit status 1 (or rc, when
 * that is already an error) and a message. */
static int close_stdout(int rc) {
  if (text_out_close(&report)) return rc;
  fprintf(stderr, "aleph-profile: standard output: %s\n", text_out_error(&report));
  return rc ? rc : EXIT_BAD_FILE;
}

static void usage(void) {
  out("usage: aleph-profile [options] PROFILE.json...\n"
      "Analyses heap profiles from aleph-sim --profile and plans the op heap in which every\n"
      "profiled scene can replace every other (the old and the new scene live at once during a\n"
      "switch), with editing headroom, for the AVR32 (32-bit op sizes) and for this host.\n"
      "\n"
      "  --headroom SIZE    bytes an edit may add beside the old scene (K/M suffixes; default:\n"
      "                     the largest op class at each target's size)\n"
      "  --plan-out FILE    write the plan (\"avr32\", and \"host\" for aleph-sim --pool-plan)\n"
      "  --svg FILE         plot heap bytes in use over time, a panel per profile, each scaled\n"
      "                     to its own peak (both files saved safely: temp file, fsync, rename)\n"
      "  --markdown         print the per-scene table as Markdown\n"
      "  -h, --help         this text\n"
      "      --version      the version and the git revision it was built from\n"
      "\n"
      "Exit status: 0 ok, 1 a profile or output file (standard output included) could not\n"
      "be used, 2 bad arguments.\n");
}

static double pct_of(uint64_t part, uint64_t whole) {
  return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* s as XML character data or attribute text: the markup characters as entities, and what XML
 * 1.0 cannot hold (control characters, bytes that are not UTF-8, U+FFFE, U+FFFF) as U+FFFD */
static void put_xml(text_out_t *o, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  while (*u) {
    unsigned c = *u;
    if (c >= 0x80) {
      /* one UTF-8 sequence: its length from the lead byte (none for C0, C1, F5..FF) */
      static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
      unsigned len = c >= 0xC2 && c <= 0xDF ? 2u
                     : c >= 0xE0 && c <= 0xEF ? 3u
                     : c >= 0xF0 && c <= 0xF4 ? 4u
                                              : 0u;
      unsigned k = 1;
      uint32_t cp = len ? c & (0x3Fu >> (len - 1u)) : 0;
      for (; k < len && (u[k] & 0xC0u) == 0x80u; k++) cp = cp << 6 | (u[k] & 0x3Fu);
      if (len && k == len && cp >= least[len] && cp <= 0x10FFFFu &&
          (cp < 0xD800u || cp > 0xDFFFu) && cp != 0xFFFEu && cp != 0xFFFFu)
        text_out_printf(o, "%.*s", (int)len, (const char *)u);
      else
        text_out_printf(o, "&#xFFFD;");
      u += k; /* a broken sequence: its lead byte and the continuation bytes it had */
      continue;
    }
    if (c == '&')
      text_out_printf(o, "&amp;");
    else if (c == '<')
      text_out_printf(o, "&lt;");
    else if (c == '>')
      text_out_printf(o, "&gt;");
    else if (c == '"')
      text_out_printf(o, "&quot;");
    else if (c == '\'')
      text_out_printf(o, "&apos;");
    else if (c < 0x20)
      text_out_printf(o, c == '\t' || c == '\n' || c == '\r' ? " " : "&#xFFFD;");
    else
      text_out_printf(o, "%c", (int)c);
    u++;
  }
}

/* s as the text of a Markdown table cell: | and backslash escaped (\| and \\), line breaks and
 * other control characters (which would end the row) as spaces */
static void out_md_cell(const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '|' || c == '\\')
      out("\\%c", c);
    else
      out("%c", c < 0x20 ? ' ' : c);
  }
}

static bool write_svg(const char *path, profile_t *ps, uint32_t n, char *err, size_t errlen) {
  const int W = 640, H = 140, PAD = 40;
  char *text = NULL;
  size_t len = 0;
  text_out_t svg = {open_memstream(&text, &len), 0}; /* saved safely when whole */
  sio_error_t se;
  bool ok;
  uint32_t i, j;
  if (!svg.f) {
    snprintf(err, errlen, "%s: out of memory", path);
    return false;
  }
  text_out_printf(&svg,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%u\" "
                  "font-family=\"sans-serif\" font-size=\"11\">\n",
                  W + 2 * PAD, (unsigned)(n * (H + PAD) + PAD));
  for (i = 0; i < n; i++) {
    const profile_t *p = &ps[i];
    int y0 = PAD + (int)i * (H + PAD);
    uint32_t tmax = p->nsamples ? p->samples[p->nsamples - 1].t : 0, top = 1;
    int k;
    for (j = 0; j < p->nsamples; j++)
      if (p->samples[j].used > top) top = p->samples[j].used;
    top += top / 8u; /* room above the peak */
    /* the scene name is the only text from outside (a file name, or any JSON string) */
    text_out_printf(&svg, "<text x=\"%d\" y=\"%d\">", PAD, y0 - 6);
    put_xml(&svg, base_name(p->scene));
    text_out_printf(&svg,
                    ": op heap in use (blue, headers included) and handed out (red), bytes; "
                    "heap %u B</text>\n",
                    (unsigned)p->plan.heap_bytes);
    text_out_printf(&svg,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    "stroke=\"#999\"/>\n",
                    PAD, y0, W, H);
    text_out_printf(&svg,
                    "<text x=\"%d\" y=\"%d\">%u</text><text x=\"%d\" y=\"%d\">0</text>"
                    "<text x=\"%d\" y=\"%d\">%u ms</text>\n",
                    2, y0 + 10, (unsigned)top, 2, y0 + H, PAD + W - 50, y0 + H + 14,
                    (unsigned)tmax);
    for (k = 0; k < 2; k++) {
      text_out_printf(&svg, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
                      k ? "#c03020" : "#2060c0");
      for (j = 0; j < p->nsamples; j++) {
        uint32_t v = k ? p->samples[j].handed : p->samples[j].used;
        double x = PAD + (tmax ? (double)W * p->samples[j].t / tmax : (double)W * j);
        double y = y0 + H - (double)H * v / top;
        text_out_printf(&svg, "%.1f,%.1f ", x, y);
      }
      text_out_printf(&svg, "\"/>\n");
    }
  }
  text_out_printf(&svg, "</svg>\n");
  if (!text_out_close(&svg)) {
    snprintf(err, errlen, "%s: %s", path, text_out_error(&svg));
    free(text);
    return false;
  }
  ok = sio_write_file(path, text, len, &se);
  if (!ok) snprintf(err, errlen, "%s", se.message);
  free(text);
  return ok;
}

/* bees 0.8's pools as a model: 256 blocks of 128 B, 8 of 16 KiB; a request takes one block. */
typedef struct {
  uint64_t req, hand, peak_req, peak_hand;
  uint32_t small, big, fails;
} bees08_t;

static void bees08_replay(const planner_trace_t *t, bees08_t *b) {
  uint32_t i;
  memset(b, 0, sizeof *b);
  for (i = 0; i < t->count; i++) {
    const planner_event_t *e = &t->ev[i];
    uint32_t sz = e->ref < 0 ? e->size : t->ev[e->ref].size, blk = sz <= 128u ? 128u : 16384u;
    if (e->ref < 0) {
      if (sz > 16384u || (blk == 128u ? b->small >= 256u : b->big >= 8u)) {
        b->fails++;
        continue;
      }
      if (blk == 128u) b->small++;
      else b->big++;
      b->req += sz;
      b->hand += blk;
      if (b->hand > b->peak_hand) {
        b->peak_hand = b->hand;
        b->peak_req = b->req;
      }
    } else {
      if (blk == 128u) b->small--;
      else b->big--;
      b->req -= sz;
      b->hand -= blk;
    }
  }
}

/* A trace replayed alone in a fresh pool with a heap of heap bytes: its statistics at the end
 * (the peaks are what matter). false if an allocation failed. */
static bool replay_alone(const planner_trace_t *t, uint32_t heap, const pool_config_t *cfg,
                         pool_stats_t *st) {
  uint32_t region = pool_region_size(heap, cfg), i;
  void *mem = region ? aligned_alloc(8, ((size_t)region + 7u) & ~(size_t)7u) : NULL;
  void **ptr = calloc(t->count ? t->count : 1u, sizeof *ptr);
  pool_t *pool;
  bool ok = mem && ptr && pool_init(mem, region, cfg, NULL, &pool) == POOL_OK;
  for (i = 0; ok && i < t->count; i++) {
    const planner_event_t *e = &t->ev[i];
    if (e->ref < 0) {
      ptr[i] = pool_alloc(pool, e->size, 1);
      ok = ptr[i] != NULL;
    } else {
      pool_free(pool, ptr[e->ref]);
    }
  }
  if (mem && ptr && region && ok) pool_get_stats(pool, st);
  free(ptr);
  free(mem);
  return ok;
}

/* The largest op class at 32-bit sizes (size32) or this build's. */
static uint32_t largest_op(bool size32) {
  uint16_t i;
  uint32_t m = 0;
  for (i = 0; i < op_class_count(); i++) {
    const op_class_t *c = op_class_at(i);
    uint32_t s = size32 ? c->size32 : c->size;
    if (s > m) m = s;
  }
  return m;
}

/* Plans traces for one target; false with a message on stderr. */
static bool plan_for(const char *what, const planner_trace_t *t, uint32_t n,
                     const planner_params_t *pp, planner_result_t *r) {
  uint32_t sb = planner_scratch_size(t, n, pp);
  void *scratch = sb ? aligned_alloc(8, ((size_t)sb + 7u) & ~(size_t)7u) : NULL;
  planner_status_t st = scratch ? planner_plan(t, n, pp, scratch, sb, r) : PLANNER_ERR_SCRATCH;
  free(scratch);
  if (st != PLANNER_OK) fprintf(stderr, "aleph-profile: no %s plan: %s\n", what, planner_strerror(st));
  return st == PLANNER_OK;
}

/* Whether the outputs name no profile read and not each other (standard output and /dev/null
 * aside); says which clash if not. */
static bool outputs_apart(const char *plan_out, const char *svg, const char **paths, uint32_t n) {
  const char *outs[2] = {plan_out, svg}, *opts[2] = {"--plan-out", "--svg"};
  uint32_t o, i;
  for (o = 0; o < 2; o++) {
    if (!outs[o] || fio_is_char_device(outs[o])) continue;
    for (i = 0; i < n; i++)
      if (fio_same_file(outs[o], paths[i])) {
        fprintf(stderr, "aleph-profile: %s '%s' names the profile '%s': an output may not "
                "overwrite an input (try --help)\n", opts[o], outs[o], paths[i]);
        return false;
      }
  }
  if (plan_out && svg && !fio_is_char_device(svg) && fio_same_file(plan_out, svg)) {
    fprintf(stderr, "aleph-profile: --plan-out and --svg name the same file '%s' (try --help)\n",
            svg);
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  const char *plan_out = NULL, *svg = NULL;
  bool markdown = false;
  size_t headroom = 0;
  bool headroom_set = false;
  uint32_t n = 0, i;
  const char **paths;
  profile_t *ps;
  planner_trace_t *avr, *host;
  planner_params_t pa, ph;
  planner_result_t ra, rh;
  arena_plan_t plan_avr, plan_host;
  char err[1024];
  int rc = 0;
  report.f = stdout;
  paths = calloc((size_t)argc + 1u, sizeof *paths);
  if (!paths) {
    fprintf(stderr, "aleph-profile: out of memory\n");
    return EXIT_BAD_FILE;
  }
  for (i = 1; i < (uint32_t)argc; i++) {
    const char *a = argv[i], *v = i + 1 < (uint32_t)argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage();
      free(paths);
      return close_stdout(0);
    } else if (!strcmp(a, "--version")) {
      out("aleph-profile %s\n", aleph_version());
      free(paths);
      return close_stdout(0);
    } else if (!strcmp(a, "--markdown")) {
      markdown = true;
    } else if (!strcmp(a, "--headroom")) {
      if (!v || !host_parse_size(v, &headroom) || headroom > 0xFFFFFFu) {
        fprintf(stderr, "aleph-profile: --headroom needs a size such as 6K or 0, under 16M, not "
                        "'%s'\n", v ? v : "");
        free(paths);
        return EXIT_USAGE;
      }
      headroom_set = true;
      i++;
    } else if (!strcmp(a, "--plan-out") || !strcmp(a, "--svg")) {
      if (!v || !*v) {
        fprintf(stderr, "aleph-profile: %s needs a file name\n", a);
        free(paths);
        return EXIT_USAGE;
      }
      if (a[2] == 'p') plan_out = v;
      else svg = v;
      i++;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "aleph-profile: unknown option '%s' (try --help)\n", a);
      free(paths);
      return EXIT_USAGE;
    } else {
      paths[n++] = a;
    }
  }
  if (!n) {
    fprintf(stderr, "aleph-profile: give one or more profiles (try --help)\n");
    free(paths);
    return EXIT_USAGE;
  }
  if (!outputs_apart(plan_out, svg, paths, n)) {
    free(paths);
    return EXIT_USAGE;
  }
  ps = calloc(n, sizeof *ps);
  avr = calloc(n, sizeof *avr);
  host = calloc(n, sizeof *host);
  if (!ps || !avr || !host) {
    fprintf(stderr, "aleph-profile: out of memory\n");
    rc = EXIT_BAD_FILE;
    n = 0;
    goto done;
  }
  for (i = 0; i < n; i++) {
    if (!profile_read_file(&ps[i], paths[i], err, sizeof err)) {
      fprintf(stderr, "aleph-profile: %s\n", err);
      rc = EXIT_BAD_FILE;
      n = i + 1;
      goto done;
    }
    avr[i].ev = ps[i].avr32;
    avr[i].count = ps[i].nev;
    host[i].ev = ps[i].host;
    host[i].count = ps[i].nev;
  }

  out("As recorded (this build's sizes, each run's own heap):\n");
  out("%-22s %6s %6s %10s %10s %7s %6s\n", "profile", "events", "live", "peak out",
      "in use pk", "frag", "fails");
  for (i = 0; i < n; i++) {
    const profile_t *p = &ps[i];
    out("%-22.22s %6u %6u %8u B %8u B %6.1f%% %6u\n", base_name(p->scene), (unsigned)p->nev,
        (unsigned)p->live_peak, (unsigned)p->handed_peak, (unsigned)p->used_peak,
        pct_of(p->handed_peak - p->requested_at_peak, p->handed_peak), (unsigned)p->fails);
  }

  memset(&pa, 0, sizeof pa);
  pa.pool.granule = 4;
  pa.headroom = headroom_set ? (uint32_t)headroom : largest_op(true);
  ph = pa;
  ph.pool.granule = POOL_ALIGN;
  ph.headroom = headroom_set ? (uint32_t)headroom : largest_op(false);
  if (!plan_for("AVR32", avr, n, &pa, &ra) || !plan_for("host", host, n, &ph, &rh)) {
    rc = EXIT_BAD_FILE;
    goto done;
  }
  plan_avr.heap_bytes = ra.heap_bytes;
  plan_avr.heap_min = ra.heap_min;
  plan_avr.limits = NET_LIMITS_BEES08;
  plan_avr.pool = pa.pool;
  plan_host = plan_avr;
  plan_host.heap_bytes = rh.heap_bytes;
  plan_host.heap_min = rh.heap_min;
  plan_host.pool = ph.pool;

  out("\nAVR32 sizes (32-bit ops, 4-byte granule), each scene alone in the planned heap, beside "
      "bees 0.8 (256 x 128 B + 8 x 16 KiB):\n");
  if (markdown)
    out("\n| scene | live peak | heap in use at peak | int. frag. | bookkeeping | bees 0.8 frag. "
        "| bees 0.8 failures |\n|---|---|---|---|---|---|---|\n");
  else
    out("%-22s %5s %10s %7s %7s | %8s %5s\n", "scene", "live", "in use pk", "frag", "keep",
        "b08frag", "fails");
  for (i = 0; i < n; i++) {
    pool_stats_t st;
    bees08_t b;
    bees08_replay(&avr[i], &b);
    if (!replay_alone(&avr[i], ra.heap_bytes, &pa.pool, &st)) {
      out("%-22.22s (does not fit the planned heap alone: a bug)\n", base_name(ps[i].scene));
      rc = EXIT_BAD_FILE;
      continue;
    }
    if (markdown) {
      out("| ");
      out_md_cell(base_name(ps[i].scene));
      out(" | %u | %u B | %.1f%% | %.1f%% | %.1f%% | %u |\n", (unsigned)ps[i].live_peak,
          (unsigned)(st.handed_out_peak + st.blocks_peak * st.header_bytes),
          pool_frag_permille(&st) / 10.0, pool_bookkeeping_permille(&st) / 10.0,
          pct_of(b.peak_hand - b.peak_req, b.peak_hand), (unsigned)b.fails);
    } else {
      out("%-22.22s %5u %8u B %6.1f%% %6.1f%% | %7.1f%% %5u\n", base_name(ps[i].scene),
          (unsigned)ps[i].live_peak,
          (unsigned)(st.handed_out_peak + st.blocks_peak * st.header_bytes),
          pool_frag_permille(&st) / 10.0, pool_bookkeeping_permille(&st) / 10.0,
          pct_of(b.peak_hand - b.peak_req, b.peak_hand), (unsigned)b.fails);
    }
  }
  out("\nPlanned op heap (every profile replacing every other, itself included: %u switches "
      "replayed):\n", (unsigned)ra.replays + (unsigned)rh.replays);
  out("  AVR32: %u B with %u B of editing headroom (%u B without); the pair needing most: %s "
      "-> %s\n", (unsigned)ra.heap_bytes, (unsigned)pa.headroom, (unsigned)ra.heap_min,
      base_name(ps[ra.worst_old].scene), base_name(ps[ra.worst_new].scene));
  out("  host:  %u B with %u B of editing headroom (%u B without); pool region %u B\n",
      (unsigned)rh.heap_bytes, (unsigned)ph.headroom, (unsigned)rh.heap_min,
      (unsigned)pool_region_size(rh.heap_bytes, &ph.pool));
  out("  bees 0.8 gave its op pools 163,840 B (256 x 128 B + 8 x 16 KiB) and its presets "
      "98,816 B\n");
  if (plan_out) {
    char note[256];
    snprintf(note, sizeof note,
             "from %u profile(s), headroom %u B (avr32) / %u B (host): avr32 = op sizes on the "
             "Aleph (32-bit), host = this build's (what aleph-sim --pool-plan applies)",
             (unsigned)n, (unsigned)pa.headroom, (unsigned)ph.headroom);
    if (!ppj_write(plan_out, &plan_avr, &plan_host, note, err, sizeof err)) {
      fprintf(stderr, "aleph-profile: %s\n", err);
      rc = EXIT_BAD_FILE;
      goto done;
    }
    out("  wrote %s\n", plan_out);
  }
  if (svg) {
    if (!write_svg(svg, ps, n, err, sizeof err)) {
      fprintf(stderr, "aleph-profile: %s\n", err);
      rc = EXIT_BAD_FILE;
      goto done;
    }
    out("  wrote %s\n", svg);
  }
done:
  for (i = 0; i < n; i++) profile_free(&ps[i]);
  free(ps);
  free(avr);
  free(host);
  free(paths);
  return close_stdout(rc);
}
