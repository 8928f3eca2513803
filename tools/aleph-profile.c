/* aleph-profile: reads pool usage profiles written by aleph-sim --profile, reports peak and
 * average use per pool, internal fragmentation and failures, and recommends a pool plan for the
 * AVR32 (op sizes mapped to the classes' size32) within an SDRAM budget, beside bees 0.8's fixed
 * plan. Optionally writes the plan file aleph-sim --pool-plan applies and an SVG of usage over
 * time. Exit status: 0 ok, 1 a profile or output file could not be used, 2 bad arguments. */
#include <cjson/cJSON.h>
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
#include "scene_io.h"

#define EXIT_BAD_FILE 1
#define EXIT_USAGE 2

typedef struct {
  uint32_t t, small_used, big_used;
} sample_t;

typedef struct {
  const char *path;
  char scene[256];
  pool_plan_t plan;      /* the plan the run had */
  uint32_t duration_ms;
  planner_event_t *avr32, *host; /* one per alloc/free/fail event */
  uint32_t nev;
  sample_t *samples;
  uint32_t nsamples;
  /* as recorded (host sizes, the run's plan) */
  uint32_t peak[2], live_peak, fails, spills;
  uint64_t peak_req[2], peak_hand[2]; /* at each pool's peak of bytes handed out */
} profile_t;

static void usage(FILE *to) {
  fprintf(to,
          "usage: aleph-profile [options] PROFILE.json...\n"
          "Analyses pool profiles from aleph-sim --profile and recommends a pool plan for the\n"
          "AVR32 (op sizes as size32) that serves the observed peaks of every profile.\n"
          "\n"
          "  --budget SIZE      most bytes the op pools may take, bookkeeping included (K/M\n"
          "                     suffixes; default: what bees 0.8's 256 x 128 B + 8 x 16 KiB take)\n"
          "  --margin PCT       headroom over the observed peaks (default 10)\n"
          "  --plan-out FILE    write the recommended plan (\"avr32\", and \"host\" for aleph-sim\n"
          "                     --pool-plan, planned from this build's op sizes)\n"
          "  --svg FILE         plot blocks used over time per pool and profile\n"
          "  --markdown         print the per-scene table as Markdown\n"
          "  -h, --help         this text\n"
          "\n"
          "Exit status: 0 ok, 1 a profile or output file could not be used, 2 bad arguments.\n");
}

static int fail_file(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return 0;
}

static bool num(const cJSON *o, const char *name, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
  if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0.0) || v->valuedouble > 4294967295.0 ||
      v->valuedouble != (double)(uint32_t)v->valuedouble)
    return false;
  *out = (uint32_t)v->valuedouble;
  return true;
}

/* Reads and checks one profile. 0 with a sentence in err on any problem. */
static int load(profile_t *p, const char *path, char *err, size_t errlen) {
  sio_error_t se;
  uint8_t *data;
  size_t len;
  cJSON *root;
  const cJSON *fmt, *ver, *scene, *plan, *events, *samples, *e;
  uint32_t i, n, live[2] = {0, 0}, lives = 0;
  uint64_t req[2] = {0, 0}, hand[2] = {0, 0}, hpeak[2] = {0, 0};
  int ok = 0;
  memset(p, 0, sizeof *p);
  p->path = path;
  if (!sio_read_file(path, &data, &len, &se)) return fail_file(err, errlen, "%s", se.message);
  root = cJSON_ParseWithLength((const char *)data, len);
  free(data);
  if (!root) return fail_file(err, errlen, "%s: not valid JSON", path);
  fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
  ver = cJSON_GetObjectItemCaseSensitive(root, "version");
  scene = cJSON_GetObjectItemCaseSensitive(root, "scene");
  plan = cJSON_GetObjectItemCaseSensitive(root, "plan");
  events = cJSON_GetObjectItemCaseSensitive(root, "events");
  samples = cJSON_GetObjectItemCaseSensitive(root, "samples");
  if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "aleph-sim profile") != 0) {
    fail_file(err, errlen, "%s: not an aleph-sim profile (\"format\" should be \"aleph-sim profile\")",
              path);
    goto out;
  }
  if (!cJSON_IsNumber(ver) || ver->valueint != 1) {
    fail_file(err, errlen, "%s: profile version %s is not supported (this tool reads version 1)",
              path, cJSON_IsNumber(ver) ? "other than 1" : "missing");
    goto out;
  }
  if (!cJSON_IsObject(plan) || !num(plan, "small_block_size", &p->plan.small_block_size) ||
      !num(plan, "small_count", &p->plan.small_count) ||
      !num(plan, "big_block_size", &p->plan.big_block_size) ||
      !num(plan, "big_count", &p->plan.big_count) || p->plan.big_block_size == 0) {
    fail_file(err, errlen, "%s: \"plan\" needs small_block_size, small_count, big_block_size and "
              "big_count as whole numbers", path);
    goto out;
  }
  if (!cJSON_IsArray(events) || !cJSON_IsArray(samples)) {
    fail_file(err, errlen, "%s: \"events\" and \"samples\" must be arrays", path);
    goto out;
  }
  snprintf(p->scene, sizeof p->scene, "%s", cJSON_IsString(scene) ? scene->valuestring : path);
  if (!num(root, "duration_ms", &p->duration_ms)) p->duration_ms = 0;
  n = (uint32_t)cJSON_GetArraySize(events);
  p->avr32 = calloc(n ? n : 1u, sizeof *p->avr32);
  p->host = calloc(n ? n : 1u, sizeof *p->host);
  i = 0;
  cJSON_ArrayForEach(e, events) {
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(e, "ev");
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(e, "pool");
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(e, "class");
    uint32_t t, rq, cap, size32;
    int kind, k;
    if (!cJSON_IsObject(e) || !num(e, "t", &t) || !num(e, "req", &rq) || !num(e, "cap", &cap) ||
        !cJSON_IsString(ev) || !cJSON_IsString(pl) || !cJSON_IsNumber(cl)) {
      fail_file(err, errlen, "%s: event %u needs t, ev, pool, req, cap and class", path,
                (unsigned)i);
      goto out;
    }
    kind = !strcmp(ev->valuestring, "alloc") ? 0 : !strcmp(ev->valuestring, "free") ? 1
           : !strcmp(ev->valuestring, "fail") ? 2 : -1;
    k = !strcmp(pl->valuestring, "small") ? 0 : !strcmp(pl->valuestring, "big") ? 1 : -1;
    if (kind < 0 || k < 0 || rq == 0) {
      fail_file(err, errlen, "%s: event %u: ev must be alloc, free or fail, pool small or big, "
                "req above 0", path, (unsigned)i);
      goto out;
    }
    size32 = rq;
    if (cl->valuedouble >= 0.0) {
      const op_class_t *c = op_class_by_id((uint32_t)cl->valuedouble);
      if (!c || cl->valuedouble != (double)(uint32_t)cl->valuedouble) {
        fail_file(err, errlen, "%s: event %u: class %g is not an op class this build knows", path,
                  (unsigned)i, cl->valuedouble);
        goto out;
      }
      size32 = c->size32;
    }
    p->avr32[i].size = size32;
    p->host[i].size = rq;
    p->avr32[i].delta = p->host[i].delta = kind == 1 ? -1 : 1;
    /* as recorded: levels per pool */
    if (kind == 0) {
      uint32_t blocks = k == 0 ? 1u : (cap + p->plan.big_block_size - 1u) / p->plan.big_block_size;
      live[k] += blocks;
      req[k] += rq;
      hand[k] += cap;
      lives++;
      if (live[k] > p->peak[k]) p->peak[k] = live[k];
      if (lives > p->live_peak) p->live_peak = lives;
      if (hand[k] > hpeak[k]) {
        hpeak[k] = hand[k];
        p->peak_req[k] = req[k];
        p->peak_hand[k] = hand[k];
      }
    } else if (kind == 1) {
      uint32_t blocks = k == 0 ? 1u : (cap + p->plan.big_block_size - 1u) / p->plan.big_block_size;
      live[k] -= live[k] >= blocks ? blocks : live[k];
      req[k] -= req[k] >= rq ? rq : req[k];
      hand[k] -= hand[k] >= cap ? cap : hand[k];
      if (lives) lives--;
    } else {
      p->fails++;
    }
    i++;
  }
  p->nev = n;
  n = (uint32_t)cJSON_GetArraySize(samples);
  p->samples = calloc(n ? n : 1u, sizeof *p->samples);
  i = 0;
  cJSON_ArrayForEach(e, samples) {
    sample_t *s = &p->samples[i];
    if (!num(e, "t", &s->t) || !num(e, "small_used", &s->small_used) ||
        !num(e, "big_used", &s->big_used)) {
      fail_file(err, errlen, "%s: sample %u needs t, small_used and big_used", path, (unsigned)i);
      goto out;
    }
    i++;
  }
  p->nsamples = n;
  {
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(root, "final");
    if (!cJSON_IsObject(fin) || !num(fin, "spills", &p->spills)) p->spills = 0;
  }
  ok = 1;
out:
  cJSON_Delete(root);
  return ok;
}

static void profile_free(profile_t *p) {
  free(p->avr32);
  free(p->host);
  free(p->samples);
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

static void plan_text(char *buf, size_t len, const pool_plan_t *pl) {
  if (pl->small_count)
    snprintf(buf, len, "%u x %u B + %u x %u B", (unsigned)pl->small_count,
             (unsigned)pl->small_block_size, (unsigned)pl->big_count, (unsigned)pl->big_block_size);
  else
    snprintf(buf, len, "%u x %u B", (unsigned)pl->big_count, (unsigned)pl->big_block_size);
}

static bool write_svg(const char *path, profile_t *ps, uint32_t n, char *err, size_t errlen) {
  const int W = 640, H = 140, PAD = 40;
  FILE *f = fopen(path, "w");
  uint32_t i, j;
  if (!f) {
    snprintf(err, errlen, "cannot write %s", path);
    return false;
  }
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%u\" "
             "font-family=\"sans-serif\" font-size=\"11\">\n",
          W + 2 * PAD, (unsigned)(n * (H + PAD) + PAD));
  for (i = 0; i < n; i++) {
    const profile_t *p = &ps[i];
    int y0 = PAD + (int)i * (H + PAD);
    uint32_t tmax = p->nsamples ? p->samples[p->nsamples - 1].t : 0;
    int k;
    fprintf(f, "<text x=\"%d\" y=\"%d\">%s: blocks used, %% of each pool (small %u x %u B, "
               "big %u x %u B)</text>\n",
            PAD, y0 - 6, base_name(p->scene), (unsigned)p->plan.small_count,
            (unsigned)p->plan.small_block_size, (unsigned)p->plan.big_count,
            (unsigned)p->plan.big_block_size);
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
               "stroke=\"#999\"/>\n", PAD, y0, W, H);
    fprintf(f, "<text x=\"%d\" y=\"%d\">100%%</text><text x=\"%d\" y=\"%d\">0</text>"
               "<text x=\"%d\" y=\"%d\">%u ms</text>\n",
            2, y0 + 10, 2, y0 + H, PAD + W - 50, y0 + H + 14, (unsigned)tmax);
    for (k = 0; k < 2; k++) {
      uint32_t count = k ? p->plan.big_count : p->plan.small_count;
      fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
              k ? "#c03020" : "#2060c0");
      for (j = 0; j < p->nsamples; j++) {
        uint32_t used = k ? p->samples[j].big_used : p->samples[j].small_used;
        double x = PAD + (tmax ? (double)W * p->samples[j].t / tmax : (double)W * j);
        double y = y0 + H - (count ? (double)H * used / count : 0.0);
        fprintf(f, "%.1f,%.1f ", x, y);
      }
      fprintf(f, "\"/>\n");
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" fill=\"#2060c0\">small</text>"
               "<text x=\"%d\" y=\"%d\" fill=\"#c03020\">big</text>\n",
            PAD + W - 90, y0 + 14, PAD + W - 45, y0 + 14);
  }
  fprintf(f, "</svg>\n");
  if (fclose(f) != 0) {
    snprintf(err, errlen, "cannot write %s", path);
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  const char *plan_out = NULL, *svg = NULL;
  bool markdown = false;
  size_t budget = 0;
  bool budget_set = false;
  uint32_t margin = 10, n = 0, i;
  const char **paths = calloc((size_t)argc + 1u, sizeof *paths);
  profile_t *ps;
  planner_trace_t *avr, *host;
  planner_params_t params;
  planner_result_t corpus, corpus_host, bees_all;
  const pool_plan_t bees = {128u, 256u, 16384u, 8u};
  planner_status_t st;
  char err[1024], buf[96];
  uint32_t bees_fail, bees_spill;
  int rc = 0;
  for (i = 1; i < (uint32_t)argc; i++) {
    const char *a = argv[i], *v = i + 1 < (uint32_t)argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      free(paths);
      return 0;
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
    if (!load(&ps[i], paths[i], err, sizeof err)) {
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
  printf("As recorded (this build's op sizes, each run's own plan):\n");
  printf("%-22s %6s %9s %13s %13s %8s %8s %6s\n", "profile", "events", "ops peak",
         "small pk/avg", "big pk/avg", "frag sm", "frag big", "fails");
  for (i = 0; i < n; i++) {
    const profile_t *p = &ps[i];
    printf("%-22.22s %6u %9u %6u/%6.1f %6u/%6.1f %7.1f%% %7.1f%% %6u\n", base_name(p->scene),
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

  printf("\nAVR32 sizes (size32): each scene's own recommended plan vs bees 0.8 (256 x 128 B + "
         "8 x 16 KiB)\n");
  if (markdown)
    printf("\n| scene | ops | own recommended plan | util. at peak | int. frag. | util. (one plan) "
           "| bees 0.8 util. | bees 0.8 frag. | bees 0.8 failures |\n"
           "|---|---|---|---|---|---|---|---|---|\n");
  else
    printf("%-22s %4s %-24s %7s %7s %7s | %7s %7s %5s\n", "scene", "ops", "own recommended plan",
           "util", "frag", "util1", "b08util", "b08frag", "fails");
  for (i = 0; i < n; i++) {
    planner_result_t own, b, one;
    uint32_t f, s;
    if (planner_recommend(&avr[i], 1, &params, &own) != PLANNER_OK) {
      printf("%-22.22s (no plan within the budget)\n", base_name(ps[i].scene));
      continue;
    }
    planner_evaluate(&avr[i], 1, &bees, &b, &f, &s);
    planner_evaluate(&avr[i], 1, &corpus.plan, &one, NULL, NULL);
    plan_text(buf, sizeof buf, &own.plan);
    if (markdown)
      printf("| %s | %u | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %u |\n",
             base_name(ps[i].scene), (unsigned)ps[i].live_peak, buf, pct(own.util_bp),
             pct(own.frag_bp), pct(one.util_bp), pct(b.util_bp), pct(b.frag_bp), (unsigned)f);
    else
      printf("%-22.22s %4u %-24s %6.1f%% %6.1f%% %6.1f%% | %6.1f%% %6.1f%% %5u\n",
             base_name(ps[i].scene), (unsigned)ps[i].live_peak, buf, pct(own.util_bp),
             pct(own.frag_bp), pct(one.util_bp), pct(b.util_bp), pct(b.frag_bp), (unsigned)f);
  }
  plan_text(buf, sizeof buf, &corpus.plan);
  if (markdown)
    printf("| **all (one plan)** | | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %u |\n",
           buf, pct(corpus.util_bp), pct(corpus.frag_bp), pct(corpus.util_bp),
           pct(bees_all.util_bp), pct(bees_all.frag_bp), (unsigned)bees_fail);
  else
    printf("%-22s %4s %-24s %6.1f%% %6.1f%% %6.1f%% | %6.1f%% %6.1f%% %5u\n", "all (one plan)", "",
           buf, pct(corpus.util_bp), pct(corpus.frag_bp), pct(corpus.util_bp),
           pct(bees_all.util_bp), pct(bees_all.frag_bp), (unsigned)bees_fail);

  printf("\nRecommended plan for the AVR32 (serves every profile's peaks + %u.%u%% margin):\n",
         (unsigned)(corpus.margin_permille / 10u), (unsigned)(corpus.margin_permille % 10u));
  printf("  small pool: %u blocks of %u B; big pool: %u granules of %u B\n",
         (unsigned)corpus.plan.small_count, (unsigned)corpus.plan.small_block_size,
         (unsigned)corpus.plan.big_count, (unsigned)corpus.plan.big_block_size);
  printf("  payload %u B, split small:big %u:%u permille; peaks %u small blocks, %u big granules\n",
         (unsigned)corpus.payload_bytes, (unsigned)corpus.small_permille,
         (unsigned)(1000u - corpus.small_permille), (unsigned)corpus.small_peak,
         (unsigned)corpus.big_peak);
  printf("  pool_region_size %u B (bookkeeping %u B, %.0f%% of payload; this build's layout) "
         "within a budget of %zu B\n",
         (unsigned)corpus.region_bytes, (unsigned)(corpus.region_bytes - corpus.payload_bytes),
         corpus.payload_bytes ? 100.0 * (corpus.region_bytes - corpus.payload_bytes) /
                                    corpus.payload_bytes
                              : 0.0,
         budget);
  printf("  utilization at peak %.1f%%, internal fragmentation %.1f%% (%u candidate plans)\n",
         pct(corpus.util_bp), pct(corpus.frag_bp), (unsigned)corpus.candidates);
  printf("  bees 0.8: utilization at peak %.1f%%, internal fragmentation %.1f%%, %u failures, "
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
      printf("  least memory meeting the goals (frag < 5%%, util >= 90%%): %s, region %u B "
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
    printf("  wrote %s (host plan: %s)\n", plan_out, buf);
  }
  if (svg) {
    if (!write_svg(svg, ps, n, err, sizeof err)) {
      fprintf(stderr, "aleph-profile: %s\n", err);
      rc = EXIT_BAD_FILE;
      goto done;
    }
    printf("  wrote %s\n", svg);
  }
done:
  for (i = 0; i < n; i++) profile_free(&ps[i]);
  free(ps);
  free(avr);
  free(host);
  free(paths);
  return rc;
}
