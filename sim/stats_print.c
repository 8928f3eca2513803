/* SPDX-License-Identifier: MIT */
/* stats_print.c: prints the --stats report: arena layout, the op heap's figures (the design's
 * fragmentation and bookkeeping among them) and counters, net statistics, the engine's event
 * counts, the DSP module and what it played, and every DSP param as the module gets it. */
#include "stats_print.h"

#include <math.h>

#include "op_timer.h"
#include "scaler.h"
#include "scene_io.h"

/* A permille figure as a percentage with one decimal. */
static void pct(FILE *to, uint32_t permille) {
  fprintf(to, "%u.%u%%", (unsigned)(permille / 10u), (unsigned)(permille % 10u));
}

/* a level in dBFS, or -inf */
static void dbfs(FILE *to, float level) {
  if (level <= 0.0f)
    fprintf(to, "-inf");
  else
    fprintf(to, "%.1f", 20.0 * log10((double)level));
}

/* the module, what it played (deterministic on the virtual clock), then each param: its 16-bit
 * value, what the module got (bees' scaler) and bees' text for it */
static void dsp_print(FILE *to, const engine_t *e) {
  const net_t *net = engine_net(e);
  audio_info_t a;
  uint16_t i, n = net_param_count(net);
  uint32_t k;
  audio_get_info(e->audio, &a);
  fprintf(to, "dsp: module %s, %s%s%s; params %u, %u bound; %llu frames rendered, max level",
          a.module[0] ? a.module : "(none)", audio_state(e->audio), a.simulated ? " as " : "",
          a.simulated ? a.simulated : "", (unsigned)a.params, (unsigned)a.bound,
          (unsigned long long)a.frames);
  for (k = 0; k < DSP_CHANNELS; k++) {
    fprintf(to, " ");
    dbfs(to, a.max[k]);
  }
  fprintf(to, " dBFS, %u clipped; cv", (unsigned)a.clipped);
  for (k = 0; k < DSP_CV_OUTS; k++) fprintf(to, " %.3f", (double)a.cv[k]);
  fprintf(to, " V; underruns %u\n", (unsigned)a.underruns);
  for (i = 0; i < n; i++) {
    const net_param_t *p = net_param(net, i);
    char text[SCALER_TEXT_CAP];
    const char *t = text;
    scaler_text(p, p->value, text);
    while (*t == ' ') t++;
    fprintf(to, "param %u %s %s %d -> %ld %s\n", (unsigned)i, p->label,
            sio_param_type_name(p->type), (int)p->value, (long)scaler_value(p, p->value), t);
  }
}

void stats_print(FILE *to, const engine_t *e) {
  const arena_layout_t *c = &e->sys.layout;
  const net_t *net = engine_net(e);
  const net_limits_t *lim = net_get_limits(net);
  pool_stats_t ps;
  net_stats_t ns;
  pool_get_stats(e->sys.pool, &ps);
  net_get_stats(net, &ns);
  fprintf(to, "time %u ms; input events %u applied, %u rejected, %u dropped; encoder batches %u\n",
          (unsigned)e->now, (unsigned)e->applied, (unsigned)e->rejected,
          (unsigned)e->queue.dropped, (unsigned)e->batches);
  fprintf(to,
          "arena %u B: core takes %u B (op pool %u B at %u, both nets' tables %u B at %u), %u B "
          "spare%s\n",
          (unsigned)c->arena_bytes, (unsigned)c->used_bytes, (unsigned)c->pool_bytes,
          (unsigned)c->pool_offset, (unsigned)c->net_bytes, (unsigned)c->net_offset,
          (unsigned)c->spare_bytes, c->reduced ? "; the heap is under the plan's" : "");
  fprintf(to, "memory: heap %u B, %u B in %u live allocations (%u B requested), peak %u B; "
              "internal fragmentation ",
          (unsigned)ps.heap_bytes, (unsigned)ps.used_bytes, (unsigned)ps.live_allocs,
          (unsigned)ps.bytes_requested, (unsigned)ps.handed_out_peak);
  pct(to, pool_frag_permille(&ps));
  fprintf(to, " at the peak; bookkeeping ");
  pct(to, pool_bookkeeping_permille(&ps));
  fprintf(to, " of payload (control %u B, %u B headers x %u blocks at the peak)\n",
          (unsigned)ps.control_bytes, (unsigned)ps.header_bytes, (unsigned)ps.blocks_peak);
  fprintf(to,
          "pool: small ops (up to %u B) %u live, %u B; big %u live, %u B; "
          "parked %u blocks (%u B); largest free %u B; allocs %u frees %u failures %u reuses %u "
          "splits %u merges %u settles %u fragmentation events %u; bad frees %u, corruptions %u; "
          "pressure %s\n",
          (unsigned)ps.small_max, (unsigned)ps.small.live, (unsigned)ps.small.bytes_handed_out,
          (unsigned)ps.big.live, (unsigned)ps.big.bytes_handed_out, (unsigned)ps.parked_blocks,
          (unsigned)ps.parked_bytes,
          (unsigned)ps.largest_free, (unsigned)ps.allocs, (unsigned)ps.frees,
          (unsigned)ps.failures, (unsigned)ps.reuses, (unsigned)ps.splits, (unsigned)ps.merges,
          (unsigned)ps.settles, (unsigned)ps.fragmentation_events, (unsigned)ps.bad_frees,
          (unsigned)ps.corruptions, pool_pressure_name(ps.pressure));
  fprintf(to,
          "net: ops %u/%u, inputs %u/%u, outputs %u/%u, params %u/%u, timers %u; deliveries %u, "
          "feedback cuts %u, max depth %u, add failures %u; play log lines %u\n",
          (unsigned)ns.ops, (unsigned)lim->max_ops, (unsigned)ns.ins, (unsigned)lim->max_ins,
          (unsigned)ns.outs, (unsigned)lim->max_outs, (unsigned)ns.params,
          (unsigned)lim->max_params, (unsigned)net_timer_count(net), (unsigned)ns.deliveries,
          (unsigned)ns.feedback_cuts, (unsigned)ns.max_depth_seen, (unsigned)ns.add_failures,
          (unsigned)e->log.total);
  dsp_print(to, e);
  fprintf(to, "faults %u\n", (unsigned)e->sys.host.faults);
}
