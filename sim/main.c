/* main.c: the aleph-sim program: parses the command line, sets up the host platform and the
 * core, and runs. (This first version lays out the operator pools for the arena and prints
 * their plan and statistics; the network, scenes and the front panel come in later issues.) */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "host_platform.h"
#include "pool.h"

static void usage(FILE *to) {
  fprintf(to,
          "usage: aleph-sim [options]\n"
          "  --arena-size SIZE  simulated SDRAM for core (default 32M; K/M/G suffixes)\n"
          "  --stats            print the pool plan and statistics\n"
          "  -h, --help         this text\n");
}

int main(int argc, char **argv) {
  size_t arena = HOST_DEFAULT_ARENA_BYTES;
  host_platform_t host;
  pool_plan_t plan;
  pool_plan_status_t ps;
  pool_status_t st;
  pool_t *pool;
  pool_stats_t stats;
  int i;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--arena-size")) {
      if (i + 1 >= argc || !host_parse_size(argv[++i], &arena)) {
        fprintf(stderr, "aleph-sim: --arena-size needs a size such as 32M or 65536\n");
        return 2;
      }
    } else if (!strcmp(argv[i], "--stats")) {
      /* the only output this version has */
    } else {
      fprintf(stderr, "aleph-sim: unknown argument '%s' (try --help)\n", argv[i]);
      return 2;
    }
  }
  if (!host_platform_init(&host, arena, false)) return 1;
  ps = pool_plan_for_arena((uint32_t)arena, &POOL_SPLIT_BEES08, &plan);
  if (ps != POOL_PLAN_OK) {
    fprintf(stderr, "aleph-sim: arena of %zu bytes: %s\n", arena, pool_plan_strerror(ps));
    host_platform_free(&host);
    return 1;
  }
  st = pool_init(host.platform.arena, (uint32_t)arena, &plan, &host.platform, &pool);
  if (st != POOL_OK) {
    fprintf(stderr, "aleph-sim: %s\n", pool_strerror(st));
    host_platform_free(&host);
    return 1;
  }
  pool_get_stats(pool, &stats);
  printf("arena %zu bytes; op pools %u bytes\n", arena, pool_region_size(&plan));
  printf("small pool: %u x %u B, %u used\n", plan.small_count, plan.small_block_size,
         stats.small.blocks_used);
  printf("big pool:   %u x %u B, %u used\n", plan.big_count, plan.big_block_size,
         stats.big.blocks_used);
  host_platform_free(&host);
  return 0;
}
