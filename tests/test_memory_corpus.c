/* SPDX-License-Identifier: MIT */
/* test_memory_corpus.c: the memory that ships, measured on the corpus (every .scn in the folders
 * given: scenes/ and ../shared/scenes), at this build's word size (the host's 64-bit sizes; built
 * for powerpc and run under qemu, the AVR32's 32-bit ones):
 * - the shipped plan (core/arena_plan.c) is the planner's answer for the corpus;
 * - in an arena carved by that plan, every ordered pair of scenes switches, a scene replacing
 *   itself included; so does every scene after it was edited up to the editor's limit, and a
 *   long random walk of switches and edits;
 * - every scene alone: internal fragmentation under 5% and bookkeeping at most 10% of payload,
 *   at the peak (release builds: debug builds' leak records and guards count as headers);
 * - in 32-bit builds, core's memory (pool and both nets' tables, presets included) <= 64 KiB.
 * Arguments: folders, each as LABEL=PATH or PATH. Options: --markdown prints the corpus table of
 * docs/memory.md; --plan the plan's figures. */
#include <dirent.h>

#include "arena.h"
#include "pool_planner.h"
#include "scene_test_util.h"

#define MAX_SCENES 64
#define MAX_EVENTS 4096

typedef struct {
  char name[256];
  uint8_t *img;
  uint32_t len;
  planner_event_t ev[MAX_EVENTS];
  uint32_t nev;
  uint16_t ops, params;
  pool_stats_t alone; /* loaded alone into the shipped arena */
} corpus_scene_t;

static corpus_scene_t *corpus[MAX_SCENES];
static int ncorpus;

/* ---- the corpus and its traces ---- */

/* dir is LABEL=PATH (the label names its scenes in the report) or a path. */
static void collect(const char *arg) {
  const char *eq = strchr(arg, '=');
  const char *dir = eq ? eq + 1 : arg;
  int label_len = eq ? (int)(eq - arg) : 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  if (!d) {
    printf("%s: not found, skipped\n", dir);
    return;
  }
  while ((e = readdir(d)) && ncorpus < MAX_SCENES) {
    size_t l = strlen(e->d_name);
    char path[1024];
    corpus_scene_t *s;
    if (l <= 4 || strcmp(e->d_name + l - 4, ".scn") != 0) continue;
    s = calloc(1, sizeof *s);
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    snprintf(s->name, sizeof s->name, "%.*s%s%.200s", label_len > 40 ? 40 : label_len, arg,
             label_len ? "/" : "", e->d_name);
    s->img = read_whole(path, &s->len);
    CHECK(s->img != 0);
    if (!s->img) {
      free(s);
      continue;
    }
    corpus[ncorpus++] = s;
  }
  closedir(d);
}

static int by_name(const void *a, const void *b) {
  return strcmp((*(corpus_scene_t *const *)a)->name, (*(corpus_scene_t *const *)b)->name);
}

/* The trace hook: allocations and the frees that name them. */
typedef struct {
  corpus_scene_t *s;
  const void *ptr[MAX_EVENTS];
} recorder_t;

static void record(void *ctx, const pool_event_t *ev) {
  recorder_t *r = ctx;
  corpus_scene_t *s = r->s;
  uint32_t i;
  if (s->nev >= MAX_EVENTS || ev->kind == POOL_EV_FAIL) return;
  s->ev[s->nev].size = ev->requested;
  s->ev[s->nev].ref = -1;
  if (ev->kind == POOL_EV_FREE) {
    for (i = s->nev; i-- > 0;)
      if (r->ptr[i] == ev->ptr && s->ev[i].ref < 0) break;
    CHECK(i < s->nev);
    s->ev[s->nev].ref = (int32_t)i;
    r->ptr[i] = 0;
  }
  r->ptr[s->nev++] = ev->kind == POOL_EV_ALLOC ? ev->ptr : 0;
}

static void trace_scene(corpus_scene_t *s) {
  static recorder_t rec;
  rig_t *r = rig_new(0, 0);
  scene_header_t h;
  scene_error_t err;
  rec.s = s;
  pool_set_trace(r->pool, record, &rec);
  CHECK_EQ_INT(scene_slot_load(&r->slot, s->img, s->len, SCENE_LAYOUT_AUTO, &h, &err), SCENE_OK);
  pool_set_trace(r->pool, 0, 0);
  s->ops = net_op_count(rig_net(r));
  s->params = net_param_count(rig_net(r));
  CHECK(s->nev >= s->ops && s->nev < MAX_EVENTS);
  rig_free(r);
}

/* ---- the shipped arena ---- */

typedef struct {
  void *mem;
  arena_layout_t l;
  pool_t *pool;
  scene_slot_t slot;
  platform_t platform;
  uint32_t faults;
} system_t;

static void sys_fault(void *ctx, const char *what) {
  ((system_t *)ctx)->faults++;
  fprintf(stderr, "fault: %s\n", what);
}

static system_t *sys_new(void) {
  system_t *y = calloc(1, sizeof *y);
  CHECK_EQ_INT(arena_layout(arena_size_for(&ARENA_PLAN_SHIPPED), &ARENA_PLAN_SHIPPED, &y->l),
               ARENA_OK);
  y->mem = aligned_alloc(8, ((size_t)y->l.used_bytes + 7u) & ~(size_t)7u);
  y->platform.fault = sys_fault;
  y->platform.ctx = y;
  CHECK_EQ_INT(arena_init(y->mem, &y->l, &y->platform, &y->pool, &y->slot), ARENA_OK);
  return y;
}

static void sys_free(system_t *y) {
  net_clear(scene_slot_net(&y->slot));
  scene_slot_discard(&y->slot);
  CHECK_EQ_INT(pool_foreach_live(y->pool, 0, 0), 0);
  CHECK_EQ_INT(pool_check(y->pool, 0), POOL_OK);
  CHECK_EQ_INT(y->faults, 0);
  free(y->mem);
  free(y);
}

static bool load(system_t *y, const corpus_scene_t *s) {
  scene_header_t h;
  scene_error_t err;
  scene_status_t st = scene_slot_load(&y->slot, s->img, s->len, SCENE_LAYOUT_AUTO, &h, &err);
  if (st != SCENE_OK) fprintf(stderr, "%s: %s\n", s->name, err.message);
  return st == SCENE_OK && pool_invariants_hold(y->pool);
}

static unsigned rng = 12345;
static unsigned rnd(unsigned n) {
  rng = rng * 1103515245u + 12345u;
  return (rng >> 16) % n;
}

/* Adds ops of every user class in turn, as the editor lets it, until it refuses all: the scene
 * grown to what the editor allows. Returns how many were added. */
static uint32_t edit_to_limit(net_t *net, unsigned start) {
  uint16_t n = op_user_class_count(), refused = 0, k = (uint16_t)(start % n);
  uint32_t added = 0;
  while (refused < n) {
    op_id_t id = op_user_class(k)->id;
    k = (uint16_t)((k + 1u) % n);
    if (net_room_for_op(net, id) != NET_OK) {
      refused++;
      continue;
    }
    CHECK_EQ_INT(net_add_op(net, id, NET_NONE, 0), NET_OK);
    refused = 0;
    added++;
  }
  return added;
}

/* ---- the checks ---- */

static void test_plan_in_sync(int print) {
  planner_trace_t t[MAX_SCENES];
  planner_params_t pp;
  planner_result_t r;
  uint32_t sb, i;
  void *scratch;
  memset(&pp, 0, sizeof pp);
  pp.pool = ARENA_PLAN_SHIPPED.pool;
  for (i = 0; i < op_class_count(); i++)
    if (op_class_at((uint16_t)i)->size > pp.headroom) pp.headroom = op_class_at((uint16_t)i)->size;
  for (i = 0; i < (uint32_t)ncorpus; i++) {
    t[i].ev = corpus[i]->ev;
    t[i].count = corpus[i]->nev;
  }
  sb = planner_scratch_size(t, (uint32_t)ncorpus, &pp);
  scratch = aligned_alloc(8, ((size_t)sb + 7u) & ~(size_t)7u);
  CHECK_EQ_INT(planner_plan(t, (uint32_t)ncorpus, &pp, scratch, sb, &r), PLANNER_OK);
  free(scratch);
  if (print || r.heap_bytes != ARENA_PLAN_SHIPPED.heap_bytes ||
      r.heap_min != ARENA_PLAN_SHIPPED.heap_min)
    printf("planned from %d scenes (%u-bit sizes, headroom %u B): heap_bytes %u, heap_min %u "
           "(worst pair %s -> %s, %u B; %u switches replayed); shipped %u, %u\n",
           ncorpus, (unsigned)(8u * sizeof(void *)), (unsigned)pp.headroom,
           (unsigned)r.heap_bytes, (unsigned)r.heap_min, corpus[r.worst_old]->name,
           corpus[r.worst_new]->name, (unsigned)r.worst_bytes, (unsigned)r.replays,
           (unsigned)ARENA_PLAN_SHIPPED.heap_bytes, (unsigned)ARENA_PLAN_SHIPPED.heap_min);
  CHECK_EQ_INT(ARENA_PLAN_SHIPPED.heap_bytes, r.heap_bytes);
  CHECK_EQ_INT(ARENA_PLAN_SHIPPED.heap_min, r.heap_min);
}

static void test_every_pair_switches(void) {
  int a, b, pairs = 0, edited = 0;
  uint32_t added = 0;
  for (a = 0; a < ncorpus; a++)
    for (b = 0; b < ncorpus; b++) {
      system_t *y = sys_new();
      CHECK(load(y, corpus[a]));
      CHECK(load(y, corpus[b]));
      pairs++;
      /* and back, and once more: the heap as a switch leaves it serves the next */
      CHECK(load(y, corpus[a]));
      CHECK(load(y, corpus[b]));
      sys_free(y);
    }
  /* every scene grown by editing as far as the editor lets it, then replaced by each */
  for (a = 0; a < ncorpus; a++)
    for (b = 0; b < ncorpus; b++) {
      system_t *y = sys_new();
      CHECK(load(y, corpus[a]));
      added += edit_to_limit(scene_slot_net(&y->slot), (unsigned)(a * 7 + b));
      CHECK(net_check(scene_slot_net(&y->slot)) == NET_OK);
      CHECK(load(y, corpus[b]));
      edited++;
      sys_free(y);
    }
  printf("%d ordered pairs switched; %d switches from a scene edited to the limit (%u ops "
         "added in all)\n", pairs, edited, (unsigned)added);
}

static void test_random_walk(void) {
  system_t *y = sys_new();
  int step, switches = 0, adds = 0, removes = 0;
  for (step = 0; step < 600; step++) {
    unsigned what = rnd(10);
    net_t *net = scene_slot_net(&y->slot);
    if (what < 4 || net_op_count(net) == 0) {
      CHECK(load(y, corpus[rnd((unsigned)ncorpus)]));
      switches++;
    } else if (what < 8) {
      op_id_t id = op_user_class((uint16_t)rnd(op_user_class_count()))->id;
      if (net_room_for_op(net, id) == NET_OK) {
        CHECK_EQ_INT(net_add_op(net, id, NET_NONE, 0), NET_OK);
        adds++;
      }
    } else {
      uint16_t i = (uint16_t)rnd(net_op_count(net));
      if (net_remove_op(net, i) == NET_OK) removes++;
    }
  }
  CHECK_EQ_INT(net_check(scene_slot_net(&y->slot)), NET_OK);
  printf("random walk: %d switches, %d ops added, %d removed, no failure\n", switches, adds,
         removes);
  sys_free(y);
}

static void test_figures(int markdown) {
  int i;
  uint32_t worst_frag = 0, worst_keep = 0;
  for (i = 0; i < ncorpus; i++) {
    system_t *y = sys_new();
    corpus_scene_t *s = corpus[i];
    CHECK(load(y, s));
    pool_get_stats(y->pool, &s->alone);
    if (pool_frag_permille(&s->alone) > worst_frag) worst_frag = pool_frag_permille(&s->alone);
    if (pool_bookkeeping_permille(&s->alone) > worst_keep)
      worst_keep = pool_bookkeeping_permille(&s->alone);
#if !POOL_DEBUG /* the design's targets are for what ships; debug guards count as headers */
    CHECK(pool_frag_permille(&s->alone) < 50u);
    CHECK(pool_bookkeeping_permille(&s->alone) <= 100u);
#endif
    sys_free(y);
  }
  if (markdown) {
    const arena_layout_t *l;
    system_t *y = sys_new();
    l = &y->l;
    printf("\n%u-bit sizes, granule %u B: heap %u B (%u B without the editing headroom); pool "
           "region %u B; both nets' tables %u B; core takes %u B\n\n",
           (unsigned)(8u * sizeof(void *)), (unsigned)POOL_ALIGN, (unsigned)l->plan.heap_bytes,
           (unsigned)l->plan.heap_min, (unsigned)l->pool_bytes, (unsigned)l->net_bytes,
           (unsigned)l->used_bytes);
    printf("| scene | ops | params | requested | handed out | heap in use | int. frag. | "
           "bookkeeping |\n|---|---|---|---|---|---|---|---|\n");
    for (i = 0; i < ncorpus; i++) {
      const pool_stats_t *st = &corpus[i]->alone;
      printf("| %s | %u | %u | %u B | %u B | %u B | %u.%u%% | %u.%u%% |\n", corpus[i]->name,
             (unsigned)corpus[i]->ops, (unsigned)corpus[i]->params,
             (unsigned)st->requested_at_peak, (unsigned)st->handed_out_peak,
             (unsigned)st->used_bytes, (unsigned)(pool_frag_permille(st) / 10u),
             (unsigned)(pool_frag_permille(st) % 10u),
             (unsigned)(pool_bookkeeping_permille(st) / 10u),
             (unsigned)(pool_bookkeeping_permille(st) % 10u));
    }
    sys_free(y);
  }
  printf("%d scenes alone in the shipped heap: internal fragmentation at most %u.%u%%, "
         "bookkeeping at most %u.%u%% of payload\n",
         ncorpus, (unsigned)(worst_frag / 10u), (unsigned)(worst_frag % 10u),
         (unsigned)(worst_keep / 10u), (unsigned)(worst_keep % 10u));
}

static void test_footprint(void) {
  uint32_t core = arena_size_for(&ARENA_PLAN_SHIPPED);
  printf("core's memory in this build (%u-bit): %u B (pool region %u B + both nets' tables "
         "%u B)\n",
         (unsigned)(8u * sizeof(void *)), (unsigned)core,
         (unsigned)pool_region_size(ARENA_PLAN_SHIPPED.heap_bytes, &ARENA_PLAN_SHIPPED.pool),
         (unsigned)scene_slot_region_size(&ARENA_PLAN_SHIPPED.limits));
  if (sizeof(void *) == 4) CHECK(core <= 65536u); /* the AVR32 plan: 64 KiB, presets included */
}

int main(int argc, char **argv) {
  int i, markdown = 0, plan = 0;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--markdown")) markdown = 1;
    else if (!strcmp(argv[i], "--plan")) plan = 1;
    else collect(argv[i]);
  }
  if (ncorpus < 3) {
    printf("test_memory_corpus: fewer than 3 scenes found, skipped\n");
    return SKIP_CODE;
  }
  qsort(corpus, (size_t)ncorpus, sizeof corpus[0], by_name);
  for (i = 0; i < ncorpus; i++) trace_scene(corpus[i]);
  RUN(test_footprint);
  test_plan_in_sync(plan);
  test_figures(markdown);
  RUN(test_every_pair_switches);
  RUN(test_random_walk);
  for (i = 0; i < ncorpus; i++) {
    free(corpus[i]->img);
    free(corpus[i]);
  }
  return check_summary("test_memory_corpus");
}
