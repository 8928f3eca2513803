/* SPDX-License-Identifier: MIT */
/* bench_net.c: the network's op create+delete and index lookups against bees 0.8.1's
 * bookkeeping (re-implemented in bees08_net.c), and event throughput through a chain of ADDs,
 * beside bees' own code when given its benchmark (--bees PATH: the bees-bench that
 * ../shared/tools/bees-baseline builds, 32-bit: build this one -m32 to compare at one width),
 * run between our rounds. Everything is measured in this run on this machine. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bees08_net.h"
#include "bench_util.h"
#include "net.h"
#include "pool.h"

typedef struct {
  void *arena;
  pool_t *pool;
  net_t *net;
} env_t;

static int env_init(env_t *e, const net_limits_t *lim, int system_ops) {
  uint32_t psize, nsize;
  /* room for 128 ops of any size */
  psize = (pool_region_size(1u << 20, 0) + 7u) & ~7u;
  nsize = net_region_size(lim);
  e->arena = aligned_alloc(8, ((size_t)psize + nsize + 7u) & ~(size_t)7u);
  if (!e->arena || pool_init(e->arena, psize, 0, NULL, &e->pool) != POOL_OK ||
      net_init((uint8_t *)e->arena + psize, nsize, lim, e->pool, NULL, &e->net) != NET_OK) {
    fprintf(stderr, "bench_net: setup failed\n");
    return 0;
  }
  return !system_ops || net_add_system_ops(e->net) == NET_OK;
}

static void fill_ours(env_t *e, uint16_t n) {
  while (net_op_count(e->net) < n && net_add_op(e->net, OP_ADD, NET_NONE, 0) == NET_OK) {
  }
}

static void fill_bees(int n) {
  while (bees08_net_ops() < n && bees08_net_add(3, 1, 96, -1) >= 0) {
  }
}

static void bees_system_ops(void) {
  int i;
  bees08_net_init();
  for (i = 0; i < 4; i++) bees08_net_add(4, 2, 104, -1);
  for (i = 0; i < 6; i++) bees08_net_add(2, 1, 96, -1);
  bees08_net_add(3, 4, 112, -1);
  bees08_net_add(2, 0, 84, -1);
}

static env_t *g_env;
static uint16_t g_at;
static long g_reps;
static volatile uintptr_t g_sink;

static void ours_end(void *c) {
  long r;
  (void)c;
  for (r = 0; r < g_reps; r++) {
    uint16_t idx;
    net_add_op(g_env->net, OP_ADD, NET_NONE, &idx);
    net_remove_op(g_env->net, idx);
  }
}
static void ours_mid(void *c) {
  long r;
  (void)c;
  for (r = 0; r < g_reps; r++) {
    net_add_op(g_env->net, OP_ADD, g_at, 0);
    net_remove_op(g_env->net, g_at);
  }
}
static void bees_end(void *c) {
  long r;
  (void)c;
  for (r = 0; r < g_reps; r++) bees08_net_remove(bees08_net_add(3, 1, 96, -1));
}
static void bees_mid(void *c) {
  long r;
  (void)c;
  for (r = 0; r < g_reps; r++) bees08_net_remove(bees08_net_add(3, 1, 96, g_at - 1));
}
static void ours_lookup(void *c) {
  long r;
  uint16_t i, n = net_op_count(g_env->net);
  uintptr_t s = 0;
  (void)c;
  for (r = 0; r < g_reps; r++)
    for (i = 0; i < n; i++) s += net_op_first_in(g_env->net, i) + net_op_first_out(g_env->net, i);
  g_sink += s;
}
static void bees_lookup(void *c) {
  long r;
  int i, n = bees08_net_ops();
  uintptr_t s = 0;
  (void)c;
  for (r = 0; r < g_reps; r++)
    for (i = 0; i < n; i++) s += (uintptr_t)(bees08_op_in_idx(i, 0) + bees08_op_out_idx(i, 0));
  g_sink += s;
}
/* bees' own chain figure (M deliveries/s), from one run of its benchmark; < 0 if none. */
static double bees_chain(const char *path) {
  char cmd[1200], line[256];
  double v = -1.0;
  FILE *f;
  snprintf(cmd, sizeof cmd, "'%s' 2>/dev/null", path);
  f = popen(cmd, "r");
  if (!f) return -1.0;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "chain60_deliveries %lf", &v) == 1) break;
  while (fgets(line, sizeof line, f)) {
  }
  pclose(f);
  return v;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static uint16_t g_chain_head;
static void chain(void *c) {
  long r;
  (void)c;
  for (r = 0; r < g_reps; r++) net_activate(g_env->net, g_chain_head, (io_t)r);
}

int main(int argc, char **argv) {
  const char *bees_path = argc > 2 && !strcmp(argv[1], "--bees") ? argv[2] : NULL;
  net_limits_t lim = NET_LIMITS_BEES08, wide = NET_LIMITS_BEES08;
  env_t e, w;
  double t_ours_end, t_ours_mid, t_bees_end, t_bees_mid;
  uint16_t full;
  static const uint16_t sizes[] = {8, 16, 32, 64, 85, 128};
  double ours_at[6], bees_at[6];
  unsigned s;

  if (!env_init(&e, &lim, 1)) return 1;
  g_env = &e;
  /* create+delete with the net as full as ADD ops make it (inputs run out at 85 ops) */
  fill_ours(&e, 128);
  net_remove_op(e.net, (uint16_t)(net_op_count(e.net) - 1));
  full = net_op_count(e.net);
  bees_system_ops();
  fill_bees(128);
  bees08_net_remove(bees08_net_ops() - 1);
  if (bees08_net_ops() != full) {
    fprintf(stderr, "bench_net: baseline has %d ops, ours %u\n", bees08_net_ops(), full);
    return 1;
  }
  g_at = full / 2;
  g_reps = 200000;
  t_ours_end = bench_best_ns(5, (uint64_t)g_reps, ours_end, NULL);
  t_ours_mid = bench_best_ns(5, (uint64_t)g_reps, ours_mid, NULL);
  g_reps = 20000;
  t_bees_end = bench_best_ns(5, (uint64_t)g_reps, bees_end, NULL);
  t_bees_mid = bench_best_ns(5, (uint64_t)g_reps, bees_mid, NULL);
  if (net_check(e.net) != NET_OK || net_op_count(e.net) != full) {
    fprintf(stderr, "bench_net: the net is inconsistent after the run\n");
    return 1;
  }
  printf("bench_net: op create+delete (ns), ADD ops, %u ops in the net\n", full);
  printf("%-34s %10s %10s %8s\n", "", "aleph", "bees-alg", "speedup");
  printf("%-34s %10.1f %10.1f %7.1fx\n", "create+delete at the end", t_ours_end, t_bees_end,
         t_bees_end / t_ours_end);
  printf("%-34s %10.1f %10.1f %7.1fx\n", "create+delete in the middle", t_ours_mid, t_bees_mid,
         t_bees_mid / t_ours_mid);

  /* lookups: op -> first input + first output, averaged over all ops */
  wide.max_ins = 512;
  wide.max_outs = 512;
  /* no system ops here, so the net can be as small as 8 ops */
  if (!env_init(&w, &wide, 0)) return 1;
  g_env = &w;
  for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    uint16_t n = sizes[s];
    while (net_op_count(w.net) > n) net_remove_op(w.net, (uint16_t)(net_op_count(w.net) - 1));
    fill_ours(&w, n);
    g_reps = 4000000 / n;
    ours_at[s] = bench_best_ns(5, (uint64_t)g_reps * n, ours_lookup, NULL);
    bees_at[s] = -1;
    if (n <= full && n >= 12) {
      while (bees08_net_ops() > n) bees08_net_remove(bees08_net_ops() - 1);
      fill_bees(n);
      g_reps = 400000 / n;
      bees_at[s] = bench_best_ns(5, (uint64_t)g_reps * n, bees_lookup, NULL);
    }
  }
  printf("\nin+out index lookup (ns per op)    aleph  bees-alg\n");
  for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
    if (bees_at[s] >= 0)
      printf("  at %3u ops %27.2f %9.2f\n", sizes[s], ours_at[s], bees_at[s]);
    else
      printf("  at %3u ops %27.2f %9s\n", sizes[s], ours_at[s], "-");
  }
  printf("  O(1): time at 128 / time at 8 = %.2f (target <= 1.2)\n", ours_at[5] / ours_at[0]);
  printf("  speed-up over the linear scan at %u ops: %.1fx\n", sizes[4], bees_at[4] / ours_at[4]);

  /* event throughput: a chain of 60 ADDs, each SUM into the next A; 7 rounds, each followed by
   * one run of bees' own benchmark if it was given */
  {
    enum { ROUNDS = 7 };
    uint16_t i;
    double ours[ROUNDS], bees[ROUNDS];
    int r, nb = 0;
    net_clear(w.net);
    for (i = 0; i < 60; i++) net_add_op(w.net, OP_ADD, NET_NONE, 0);
    for (i = 0; i + 1u < net_op_count(w.net); i++)
      net_connect(w.net, net_op_first_out(w.net, i), net_op_first_in(w.net, (uint16_t)(i + 1)));
    g_chain_head = net_op_first_in(w.net, 0);
    g_reps = 200000;
    for (r = 0; r < ROUNDS; r++) {
      net_stats_t before, after;
      double t0, dt;
      net_get_stats(w.net, &before);
      t0 = bench_now_ns();
      chain(NULL);
      dt = bench_now_ns() - t0;
      net_get_stats(w.net, &after);
      ours[r] = (double)(after.deliveries - before.deliveries) / dt * 1e3;
      if (bees_path && (bees[nb] = bees_chain(bees_path)) > 0) nb++;
    }
    qsort(ours, ROUNDS, sizeof ours[0], cmp_double);
    printf("\nevent throughput through a 60-ADD chain, M deliveries/s, median of %d rounds "
           "[min..max], %u-bit build\n", ROUNDS, (unsigned)(8u * sizeof(void *)));
    printf("  aleph              %7.1f [%.1f..%.1f]\n", ours[ROUNDS / 2], ours[0],
           ours[ROUNDS - 1]);
    if (nb) {
      qsort(bees, (size_t)nb, sizeof bees[0], cmp_double);
      printf("  bees 0.8.1's code  %7.1f [%.1f..%.1f] (%s, %d runs between ours)\n", bees[nb / 2],
             bees[0], bees[nb - 1], bees_path, nb);
      printf("  aleph / bees       %7.2f   (target >= 3 at the same width)\n",
             ours[ROUNDS / 2] / bees[nb / 2]);
    } else if (bees_path) {
      printf("  bees 0.8.1's code: %s gave no chain60_deliveries figure\n", bees_path);
    }
  }
  return 0;
}
