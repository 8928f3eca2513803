/* aleph-profile: reads pool usage profiles written by aleph-sim --profile, reports peak and
 * average use per pool, internal fragmentation and failures, and recommends a pool plan for the
 * AVR32 (op sizes mapped to the classes' size32) within an SDRAM budget, beside bees 0.8's fixed
 * plan. Optionally writes the plan file aleph-sim --pool-plan applies and an SVG of usage over
 * time. Exit status: 0 ok, 1 a profile or output file (standard output included) could not be
 * used, 2 bad arguments. Reading and checking a profile is lib/profile_read.c. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_platform.h"
#include "op_catalog.h"
#include "pool.h"
#include "pool_plan_json.h"
#include "pool_planner.h"
#include "profile_read.h"
#include "scene_io.h"
#include "text_out.h"

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
      "Analyses pool profiles from aleph-sim --profile and recommends a pool plan for the\n"
      "AVR32 (op sizes as size32) that serves the observed peaks of every profile.\n"
      "\n"
      "  --budget SIZE      most bytes the op pools may take, bookkeeping included (K/M\n"
      "                     suffixes; default: what bees 0.8's 256 x 128 B + 8 x 16 KiB take)\n"
      "  --margin PCT       headroom over the observed peaks (default 10)\n"
      "  --plan-out FILE    write the recommended plan (\"avr32\", and \"host\" for aleph-sim\n"
      "                     --pool-plan, planned from this build's op sizes)\n"
      "  --svg FILE         plot blocks used over time per pool and profile\n"
      "                     (both files saved safely: temp file, fsync, rename)\n"
      "  --markdown         print the per-scene table as Markdown\n"
      "  -h, --help         this text\n"
      "\n"
      "Exit status: 0 ok, 1 a profile or output file (standard output included) could not\n"
      "be used, 2 bad arguments.\n");
}

static double pct(uint32_t bp) { return bp / 100.0; }

static double frag_of(uint64_t req, uint64_t hand) {
  return hand ? 100.0 * (double)(hand - req) / (double)hand : 0.0;
}

static double average(const profile_t *p, int k) {
  uint64_t sum = 0;
  uint32_t i;
  if (!p->nsamples) return 0.0;
  for (i = 0; i < p->nsamples; i++) sum += k ? p->samples[i].big_used : p->samples[i].small_used;
  return (double)sum / p->nsamples;
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

static void plan_text(char *buf, size_t len, const pool_plan_t *pl) {
  if (pl->small_count)
    snprintf(buf, len, "%u x %u B + %u x %u B", (unsigned)pl->small_count,
             (unsigned)pl->small_block_size, (unsigned)pl->big_count, (unsigned)pl->big_block_size);
  else
    snprintf(buf, len, "%u x %u B", (unsigned)pl->big_count, (unsigned)pl->big_block_size);
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
    uint32_t tmax = p->nsamples ? p->samples[p->nsamples - 1].t : 0;
    int k;
    /* the scene name is the only text from outside (a file name, or any JSON string) */
    text_out_printf(&svg, "<text x=\"%d\" y=\"%d\">", PAD, y0 - 6);
    put_xml(&svg, base_name(p->scene));
    text_out_printf(&svg,
                    ": blocks used, %% of each pool (small %u x %u B, big %u x %u B)</text>\n",
                    (unsigned)p->plan.small_count, (unsigned)p->plan.small_block_size,
                    (unsigned)p->plan.big_count, (unsigned)p->plan.big_block_size);
    text_out_printf(&svg,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    "stroke=\"#999\"/>\n",
                    PAD, y0, W, H);
    text_out_printf(&svg,
                    "<text x=\"%d\" y=\"%d\">100%%</text><text x=\"%d\" y=\"%d\">0</text>"
                    "<text x=\"%d\" y=\"%d\">%u ms</text>\n",
                    2, y0 + 10, 2, y0 + H, PAD + W - 50, y0 + H + 14, (unsigned)tmax);
    for (k = 0; k < 2; k++) {
      uint32_t count = k ? p->plan.big_count : p->plan.small_count;
      text_out_printf(&svg, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
                      k ? "#c03020" : "#2060c0");
      for (j = 0; j < p->nsamples; j++) {
        uint32_t used = k ? p->samples[j].big_used : p->samples[j].small_used;
        double x = PAD + (tmax ? (double)W * p->samples[j].t / tmax : (double)W * j);
        double y = y0 + H - (count ? (double)H * used / count : 0.0);
        text_out_printf(&svg, "%.1f,%.1f ", x, y);
      }
      text_out_printf(&svg, "\"/>\n");
    }
    text_out_printf(&svg,
                    "<text x=\"%d\" y=\"%d\" fill=\"#2060c0\">small</text>"
                    "<text x=\"%d\" y=\"%d\" fill=\"#c03020\">big</text>\n",
                    PAD + W - 90, y0 + 14, PAD + W - 45, y0 + 14);
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

int main(int argc, char **argv) {
  const char *plan_out = NULL, *svg = NULL;
  bool markdown = false;
  size_t budget = 0;
  bool budget_set = false;
  uint32_t margin = 10, n = 0, i;
  const char **paths;
  profile_t *ps;
  planner_trace_t *avr, *host;
  planner_params_t params;
  planner_result_t corpus, corpus_host, bees_all;
  const pool_plan_t bees = {128u, 256u, 16384u, 8u};
  planner_status_t st;
  char err[1024], buf[96];
  uint32_t bees_fail, bees_spill;
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
    } else if (!strcmp(a, "--markdown")) {
      markdown = true;
    } else if (!strcmp(a, "--budget")) {
      if (!v || !host_parse_size(v, &budget) || budget == 0 || budget > 0xFFFFFFFFu) {
        fprintf(stderr, "aleph-profile: --budget needs a size such as 160K or 2M, not '%s'\n",
                v ? v : "");
        free(paths);
        return EXIT_USAGE;
      }
      budget_set = true;
      i++;
    } else if (!strcmp(a, "--margin")) {
      char *end;
      unsigned long m = v ? strtoul(v, &end, 10) : 0;
      if (!v || !*v || *end || m > 100) {
        fprintf(stderr, "aleph-profile: --margin needs a whole percentage 0..100, not '%s'\n",
                v ? v : "");
        free(paths);
        return EXIT_USAGE;
      }
      margin = (uint32_t)m;
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
  if (!budget_set) budget = pool_region_size(&bees);
  ps = calloc(n, sizeof *ps);
  avr = calloc(n, sizeof *avr);
  host = calloc(n, sizeof *host);
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

  /* as recorded */
  out("As recorded (this build's op sizes, each run's own plan):\n");
  out("%-22s %6s %9s %13s %13s %8s %8s %6s\n", "profile", "events", "ops peak",
      "small pk/avg", "big pk/avg", "frag sm", "frag big", "fails");
  for (i = 0; i < n; i++) {
    const profile_t *p = &ps[i];
    out("%-22.22s %6u %9u %6u/%6.1f %6u/%6.1f %7.1f%% %7.1f%% %6u\n", base_name(p->scene),
        (unsigned)p->nev, (unsigned)p->live_peak, (unsigned)p->peak[0], average(p, 0),
        (unsigned)p->peak[1], average(p, 1), frag_of(p->peak_req[0], p->peak_hand[0]),
        frag_of(p->peak_req[1], p->peak_hand[1]), (unsigned)p->fails);
  }

  params.region_budget = (uint32_t)budget;
  params.margin_permille = (uint16_t)(margin * 10u);
  params.max_small_block = 0;
  st = planner_recommend(avr, n, &params, &corpus);
  if (st != PLANNER_OK) {
    fprintf(stderr, "aleph-profile: no recommendation: %s (budget %zu bytes)\n",
            planner_strerror(st), budget);
    rc = EXIT_BAD_FILE;
    goto done;
  }
  planner_evaluate(avr, n, &bees, &bees_all, &bees_fail, &bees_spill);

  out("\nAVR32 sizes (size32): each scene's own recommended plan vs bees 0.8 (256 x 128 B + "
      "8 x 16 KiB)\n");
  if (markdown)
    out("\n| scene | ops | own recommended plan | util. at peak | int. frag. | util. (one plan) "
        "| bees 0.8 util. | bees 0.8 frag. | bees 0.8 failures |\n"
        "|---|---|---|---|---|---|---|---|---|\n");
  else
    out("%-22s %4s %-24s %7s %7s %7s | %7s %7s %5s\n", "scene", "ops", "own recommended plan",
        "util", "frag", "util1", "b08util", "b08frag", "fails");
  for (i = 0; i < n; i++) {
    planner_result_t own, b, one;
    uint32_t f, s;
    if (planner_recommend(&avr[i], 1, &params, &own) != PLANNER_OK) {
      if (markdown) {
        out("| ");
        out_md_cell(base_name(ps[i].scene));
        out(" | %u | (no plan within the budget) | | | | | | |\n", (unsigned)ps[i].live_peak);
      } else {
        out("%-22.22s (no plan within the budget)\n", base_name(ps[i].scene));
      }
      continue;
    }
    planner_evaluate(&avr[i], 1, &bees, &b, &f, &s);
    planner_evaluate(&avr[i], 1, &corpus.plan, &one, NULL, NULL);
    plan_text(buf, sizeof buf, &own.plan);
    if (markdown) {
      out("| ");
      out_md_cell(base_name(ps[i].scene));
      out(" | %u | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %u |\n",
          (unsigned)ps[i].live_peak, buf, pct(own.util_bp), pct(own.frag_bp), pct(one.util_bp),
          pct(b.util_bp), pct(b.frag_bp), (unsigned)f);
    } else
      out("%-22.22s %4u %-24s %6.1f%% %6.1f%% %6.1f%% | %6.1f%% %6.1f%% %5u\n",
          base_name(ps[i].scene), (unsigned)ps[i].live_peak, buf, pct(own.util_bp),
          pct(own.frag_bp), pct(one.util_bp), pct(b.util_bp), pct(b.frag_bp), (unsigned)f);
  }
  plan_text(buf, sizeof buf, &corpus.plan);
  if (markdown)
    out("| **all (one plan)** | | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %u |\n",
        buf, pct(corpus.util_bp), pct(corpus.frag_bp), pct(corpus.util_bp),
        pct(bees_all.util_bp), pct(bees_all.frag_bp), (unsigned)bees_fail);
  else
    out("%-22s %4s %-24s %6.1f%% %6.1f%% %6.1f%% | %6.1f%% %6.1f%% %5u\n", "all (one plan)", "",
        buf, pct(corpus.util_bp), pct(corpus.frag_bp), pct(corpus.util_bp),
        pct(bees_all.util_bp), pct(bees_all.frag_bp), (unsigned)bees_fail);

  out("\nRecommended plan for the AVR32 (serves every profile's peaks + %u.%u%% margin):\n",
      (unsigned)(corpus.margin_permille / 10u), (unsigned)(corpus.margin_permille % 10u));
  out("  small pool: %u blocks of %u B; big pool: %u granules of %u B\n",
      (unsigned)corpus.plan.small_count, (unsigned)corpus.plan.small_block_size,
      (unsigned)corpus.plan.big_count, (unsigned)corpus.plan.big_block_size);
  out("  payload %u B, split small:big %u:%u permille; peaks %u small blocks, %u big granules\n",
      (unsigned)corpus.payload_bytes, (unsigned)corpus.small_permille,
      (unsigned)(1000u - corpus.small_permille), (unsigned)corpus.small_peak,
      (unsigned)corpus.big_peak);
  out("  pool_region_size %u B (bookkeeping %u B, %.0f%% of payload; this build's layout) "
      "within a budget of %zu B\n",
      (unsigned)corpus.region_bytes, (unsigned)(corpus.region_bytes - corpus.payload_bytes),
      corpus.payload_bytes ? 100.0 * (corpus.region_bytes - corpus.payload_bytes) /
                                 corpus.payload_bytes
                           : 0.0,
      budget);
  out("  utilization at peak %.1f%%, internal fragmentation %.1f%% (%u candidate plans)\n",
      pct(corpus.util_bp), pct(corpus.frag_bp), (unsigned)corpus.candidates);
  out("  bees 0.8: utilization at peak %.1f%%, internal fragmentation %.1f%%, %u failures, "
      "%u spills; region %u B\n",
      pct(bees_all.util_bp), pct(bees_all.frag_bp), (unsigned)bees_fail, (unsigned)bees_spill,
      (unsigned)pool_region_size(&bees));

  {
    /* the trade-off the ranking does not make: least memory (bookkeeping included) among the
     * plans that still meet the goals (fragmentation under 5%, utilization 90% or more) */
    planner_result_t r, lean;
    bool found = false;
    uint32_t g, sb;
    for (g = 0; g < PLANNER_GRANULES; g++)
      for (sb = 0; sb <= 4096u; sb += 8u)
        if (planner_fit(avr, n, sb, PLANNER_GRANULE[g], &params, &r) && r.frag_bp < 500u &&
            r.util_bp >= 9000u && (!found || r.region_bytes < lean.region_bytes)) {
          lean = r;
          found = true;
        }
    if (found) {
      plan_text(buf, sizeof buf, &lean.plan);
      out("  least memory meeting the goals (frag < 5%%, util >= 90%%): %s, region %u B "
          "(bookkeeping %u B), util %.1f%%, frag %.1f%%\n",
          buf, (unsigned)lean.region_bytes, (unsigned)(lean.region_bytes - lean.payload_bytes),
          pct(lean.util_bp), pct(lean.frag_bp));
    }
  }
  if (plan_out) {
    planner_params_t hp = params;
    char note[256];
    hp.region_budget = 0;
    st = planner_recommend(host, n, &hp, &corpus_host);
    snprintf(note, sizeof note,
             "from %u profile(s), margin %u%%: avr32 = op sizes on the Aleph (size32), host = this "
             "build's op sizes (what aleph-sim --pool-plan applies)",
             (unsigned)n, (unsigned)margin);
    if (st != PLANNER_OK ||
        !ppj_write(plan_out, &corpus.plan, &corpus_host.plan, note, err, sizeof err)) {
      fprintf(stderr, "aleph-profile: %s\n", st != PLANNER_OK ? planner_strerror(st) : err);
      rc = EXIT_BAD_FILE;
      goto done;
    }
    plan_text(buf, sizeof buf, &corpus_host.plan);
    out("  wrote %s (host plan: %s)\n", plan_out, buf);
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
