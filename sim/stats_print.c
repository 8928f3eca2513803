/* stats_print.c: prints the --stats report: arena layout, both pools' statistics, net
 * statistics and the engine's event counts. */
#include "stats_print.h"

#include "op_timer.h"

static void side(FILE *to, const char *name, const pool_side_stats_t *s) {
  fprintf(to,
          "pool %-5s %u x %u B: used %u free %u peak %u; live %u; requested %u B, handed out "
          "%u B (%u B unused), requested peak %u B, largest %u B, largest free run %u; "
          "allocs %u frees %u failures %u",
          name, (unsigned)s->block_count, (unsigned)s->block_size, (unsigned)s->blocks_used,
          (unsigned)(s->block_count - s->blocks_used), (unsigned)s->blocks_peak,
          (unsigned)s->live_allocs, (unsigned)s->bytes_requested,
          (unsigned)s->bytes_handed_out, (unsigned)(s->bytes_handed_out - s->bytes_requested),
          (unsigned)s->bytes_requested_peak, (unsigned)s->largest_request,
          (unsigned)s->largest_free_run, (unsigned)s->allocs, (unsigned)s->frees,
          (unsigned)s->failures);
  fprintf(to, "\n");
}

void stats_print(FILE *to, const engine_t *e) {
  const host_carve_t *c = &e->sys.carve;
  const net_t *net = engine_net(e);
  const net_limits_t *lim = net_get_limits(net);
  pool_stats_t ps;
  net_stats_t ns;
  pool_get_stats(e->sys.pool, &ps);
  net_get_stats(net, &ns);
  fprintf(to, "time %u ms; input events %u applied, %u rejected, %u dropped; encoder batches %u\n",
          (unsigned)e->now, (unsigned)e->applied, (unsigned)e->rejected,
          (unsigned)e->queue.dropped, (unsigned)e->batches);
  fprintf(to, "arena %u B: pools %u B at %u, net tables %u B at %u, %u B spare\n",
          (unsigned)c->arena_bytes, (unsigned)c->pool_bytes, (unsigned)c->pool_offset,
          (unsigned)c->net_bytes, (unsigned)c->net_offset, (unsigned)c->spare_bytes);
  side(to, "small", &ps.small);
  side(to, "big", &ps.big);
  fprintf(to,
          "pool: spills %u, fragmentation events %u, splits %u, coalesces %u, failed allocs %u, "
          "bad frees %u, corruptions %u, pressure %s\n",
          (unsigned)ps.spills, (unsigned)ps.big.fragmentation_events, (unsigned)ps.big.splits,
          (unsigned)ps.big.coalesces, (unsigned)ps.failed_allocs, (unsigned)ps.bad_frees,
          (unsigned)ps.corruptions, pool_pressure_name(ps.pressure));
  fprintf(to,
          "net: ops %u/%u, inputs %u/%u, outputs %u/%u, params %u/%u, timers %u; deliveries %u, "
          "feedback cuts %u, max depth %u, add failures %u; play log lines %u\n",
          (unsigned)ns.ops, (unsigned)lim->max_ops, (unsigned)ns.ins, (unsigned)lim->max_ins,
          (unsigned)ns.outs, (unsigned)lim->max_outs, (unsigned)ns.params,
          (unsigned)lim->max_params, (unsigned)net_timer_count(net), (unsigned)ns.deliveries,
          (unsigned)ns.feedback_cuts, (unsigned)ns.max_depth_seen, (unsigned)ns.add_failures,
          (unsigned)e->log.total);
  fprintf(to, "faults %u\n", (unsigned)e->sys.host.faults);
}
