/* SPDX-License-Identifier: MIT */
/* test_net.c: the network: system ops, add/insert/remove at every position with the invariant
 * checker, connections and propagation, feedback and fan-out bounds, params, presets, timers,
 * exhaustion, and a seeded random sequence against a reference model. */
#include "op_harness.h"
#include "services.h"

static void test_system_ops(void) {
  harness_t *h = harness_new(0, 0);
  static const char *const names[12] = {"ENC", "ENC", "ENC", "ENC", "SW1",   "SW2",
                                        "SW3", "SW4", "FS1", "FS2", "CV-IN", "PRESET"};
  uint16_t i;
  CHECK_EQ_INT(net_add_system_ops(h->net), NET_OK);
  CHECK_EQ_INT(net_op_count(h->net), 12);
  for (i = 0; i < 12; i++) CHECK_EQ_STR(net_op_name(h->net, i), names[i]);
  /* bees: the first user op's first input is 33, first output 18 */
  CHECK_EQ_INT(net_in_count(h->net), 33);
  CHECK_EQ_INT(net_out_count(h->net), 18);
  CHECK_EQ_STR(net_in_name(h->net, 0), "MIN");
  CHECK_EQ_STR(net_in_name(h->net, 3), "VAL");
  CHECK_EQ_STR(net_out_name(h->net, 1), "DELTA");
  CHECK_EQ_INT(net_get_value(h->net, 1), 32767); /* ENC MAX */
  CHECK_EQ_INT(net_remove_op(h->net, 0), NET_ERR_SYSTEM_OP);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h);
}

static void test_encoder_and_switch(void) {
  harness_t *h = harness_new(0, 0);
  net_add_system_ops(h->net);
  harness_clear_log(h);
  CHECK_EQ_INT(net_encoder(h->net, 0, 3), NET_OK);
  HARNESS_EXPECT(h, 0, 0, 3, 1, 3);
  harness_in(h, 0, 2, 10); /* STEP 10 */
  net_encoder(h->net, 0, -1);
  HARNESS_EXPECT(h, 0, 0, 0, 1, -10); /* clamped at MIN 0 */
  harness_in(h, 0, 1, 15);            /* MAX 15 */
  net_encoder(h->net, 0, 2);
  HARNESS_EXPECT(h, 0, 0, 15, 1, 20);
  CHECK_EQ_INT(net_encoder(h->net, 4, 1), NET_ERR_BAD_INDEX);
  /* momentary switch: press MUL, release 0 */
  CHECK_EQ_INT(net_switch(h->net, 0, true), NET_OK);
  CHECK_EQ_INT(net_switch(h->net, 0, false), NET_OK);
  HARNESS_EXPECT(h, 4, 0, 1, 0, 0);
  /* toggle switch on FS2: releases ignored */
  harness_in(h, 9, 0, 1);
  harness_in(h, 9, 1, 7);
  net_switch(h->net, 5, true);
  net_switch(h->net, 5, false);
  net_switch(h->net, 5, true);
  HARNESS_EXPECT(h, 9, 0, 7, 0, 0);
  CHECK_EQ_INT(net_switch(h->net, 6, true), NET_ERR_BAD_INDEX);
  harness_free(h);
}

static void test_connect_and_propagate(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a, b;
  net_add_system_ops(h->net);
  a = harness_add(h, OP_ADD);
  b = harness_add(h, OP_MUL);
  /* ENC0 VAL -> ADD.A; ADD.SUM -> MUL.A; MUL.B = 3 */
  CHECK_EQ_INT(net_connect(h->net, 0, net_op_first_in(h->net, a)), NET_OK);
  CHECK_EQ_INT(net_connect(h->net, net_op_first_out(h->net, a), net_op_first_in(h->net, b)),
               NET_OK);
  harness_in(h, b, 1, 3);
  harness_in(h, a, 1, 100);
  harness_clear_log(h);
  net_encoder(h->net, 0, 5);
  CHECK_EQ_INT(h->n, 4); /* ENC VAL, ADD SUM, MUL VAL, ENC DELTA */
  CHECK_EQ_INT(h->log[1].value, 105);
  CHECK_EQ_INT(h->log[2].value, 315);
  CHECK_EQ_INT(net_target(h->net, 0), net_op_first_in(h->net, a));
  CHECK_EQ_INT(net_connect(h->net, net_op_first_out(h->net, a), net_op_first_in(h->net, a)),
               NET_ERR_SELF_CONNECT);
  CHECK_EQ_INT(net_connect(h->net, 0, 9999), NET_ERR_BAD_INDEX);
  CHECK_EQ_INT(net_connect(h->net, 999, 0), NET_ERR_BAD_INDEX);
  CHECK_EQ_INT(net_disconnect(h->net, 0), NET_OK);
  CHECK_EQ_INT(net_target(h->net, 0), -1);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  /* removing MUL disconnects ADD's output */
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  CHECK_EQ_INT(net_target(h->net, net_op_first_out(h->net, a)), -1);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h);
}

static void test_saturation_and_division(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t add = harness_add(h, OP_ADD), sub = harness_add(h, OP_SUB), mul = harness_add(h, OP_MUL),
           dv = harness_add(h, OP_DIV), md = harness_add(h, OP_MOD);
  harness_in(h, add, 1, 30000);
  harness_clear_log(h);
  harness_in(h, add, 0, 30000);
  HARNESS_EXPECT(h, add, 0, 32767);
  harness_in(h, sub, 1, 30000);
  harness_in(h, sub, 0, -30000);
  HARNESS_EXPECT(h, sub, 0, -32768);
  harness_in(h, mul, 1, 300);
  harness_in(h, mul, 0, 300); /* 90000 wraps to 24464 */
  HARNESS_EXPECT(h, mul, 0, 24464);
  harness_in(h, dv, 1, 0); /* B of 0 becomes 1 */
  CHECK_EQ_INT(harness_value(h, dv, 1), 1);
  harness_in(h, dv, 0, -7);
  HARNESS_EXPECT(h, dv, 0, -7);
  harness_in(h, dv, 1, 2);
  HARNESS_EXPECT_NONE(h); /* TRIG off: B does not fire */
  harness_in(h, dv, 2, 5);  /* TRIG on (stored as 1) */
  CHECK_EQ_INT(harness_value(h, dv, 2), 1);
  harness_in(h, dv, 1, 2);
  HARNESS_EXPECT(h, dv, 0, -3);
  harness_in(h, md, 1, 3);
  harness_in(h, md, 0, -7);
  HARNESS_EXPECT(h, md, 0, -1);
  harness_in(h, dv, 1, -1);
  harness_in(h, dv, 0, -32768);
  CHECK_EQ_INT(h->log[h->n - 1].value, -32768);
  harness_free(h);
}

static void test_feedback_is_bounded(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a = harness_add(h, OP_ADD), b = harness_add(h, OP_ADD);
  net_stats_t st;
  net_connect(h->net, net_op_first_out(h->net, a), net_op_first_in(h->net, b));
  net_connect(h->net, net_op_first_out(h->net, b), net_op_first_in(h->net, a));
  harness_in(h, a, 1, 1);
  harness_in(h, b, 1, 1);
  harness_clear_log(h);
  harness_in(h, a, 0, 0);
  net_get_stats(h->net, &st);
  CHECK_EQ_INT(st.feedback_cuts, 1);
  CHECK_EQ_INT(st.max_depth_seen, NET_DEFAULT_DEPTH);
  CHECK_EQ_INT(h->n, NET_DEFAULT_DEPTH); /* each hop fired once, then the chain was cut */
  CHECK_EQ_INT(h->log[h->n - 1].value, NET_DEFAULT_DEPTH); /* hop n fires n */
  CHECK_EQ_INT(net_check(h->net), NET_OK); /* depth back to 0 */
  harness_free(h);
}

/* A chain of SPLIT4s, every output of one feeding the next one's input: 4^k deliveries at
 * depth k, far within the depth limit. One outside event may cause NET_CASCADE_MAX deliveries;
 * the rest are cut as feedback, and the next event has its own budget. */
static uint32_t split4_chain_event(uint16_t n, net_stats_t *st) {
  harness_t *h = harness_new(0, 0);
  uint16_t ops[12], i, k;
  uint32_t before;
  for (i = 0; i < n; i++) ops[i] = harness_add(h, OP_SPLIT4);
  for (i = 0; i + 1 < n; i++)
    for (k = 0; k < 4; k++)
      CHECK_EQ_INT(net_connect(h->net, (uint16_t)(net_op_first_out(h->net, ops[i]) + k),
                               net_op_first_in(h->net, ops[i + 1])), NET_OK);
  net_get_stats(h->net, st);
  before = st->deliveries;
  harness_in(h, ops[0], 0, 5);
  net_get_stats(h->net, st);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  if (st->feedback_cuts) { /* a second event gets a budget of its own */
    uint32_t first = st->deliveries - before;
    harness_in(h, ops[0], 0, 6);
    net_get_stats(h->net, st);
    CHECK_EQ_INT(st->deliveries - before, 2u * first);
  }
  harness_free(h);
  return st->deliveries - before;
}

static void test_fan_out_is_bounded(void) {
  net_stats_t st;
  /* 7 ops: the activation of op 0, then 4 + 16 + ... + 4^6 deliveries into ops 1..6 (the last
   * op's outputs are unconnected): 5461, all made */
  CHECK_EQ_INT(split4_chain_event(7, &st), 1u + 4u + 16u + 64u + 256u + 1024u + 4096u);
  CHECK_EQ_INT(st.feedback_cuts, 0);
  /* 10 ops: 1 + 4 + ... + 4^9 = 349,525 deliveries wanted; each of two events makes its
   * budget's worth and the rest are cut */
  CHECK_EQ_INT(split4_chain_event(10, &st), 2u * NET_CASCADE_MAX);
  CHECK(st.feedback_cuts > 0);
}

/* A preset recall is one outside event: 8 entries into a fan-out chain (each would make the
 * whole budget on its own) make NET_CASCADE_MAX deliveries in all, not 8 times as many. So does
 * a timer tick, and a scope opened by a caller joins the events inside it. */
static void test_recall_is_one_event(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t ops[10], i, k;
  net_stats_t a, b;
  for (i = 0; i < 10; i++) ops[i] = harness_add(h, OP_SPLIT4);
  for (i = 0; i + 1 < 10; i++)
    for (k = 0; k < 4; k++)
      net_connect(h->net, (uint16_t)(net_op_first_out(h->net, ops[i]) + k),
                  net_op_first_in(h->net, ops[i + 1]));
  for (i = 0; i < 8; i++) /* 8 entries: the chain's head, and the ops after it */
    CHECK_EQ_INT(preset_include_in(h->net, 2, net_op_first_in(h->net, ops[i]), true), NET_OK);
  net_get_stats(h->net, &a);
  CHECK_EQ_INT(preset_recall(h->net, 2), NET_OK);
  net_get_stats(h->net, &b);
  CHECK_EQ_INT(b.deliveries - a.deliveries, NET_CASCADE_MAX);
  CHECK(b.feedback_cuts > a.feedback_cuts);
  /* two activations inside one caller's event share one budget too */
  net_event_begin(h->net);
  harness_in(h, ops[0], 0, 1);
  harness_in(h, ops[0], 0, 2);
  net_event_end(h->net);
  net_get_stats(h->net, &a);
  CHECK_EQ_INT(a.deliveries - b.deliveries, NET_CASCADE_MAX);
  /* and outside any, each gets its own */
  harness_in(h, ops[0], 0, 3);
  harness_in(h, ops[0], 0, 4);
  net_get_stats(h->net, &b);
  CHECK_EQ_INT(b.deliveries - a.deliveries, 2u * NET_CASCADE_MAX);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h);
}

/* What a scenario left behind: the net's counters and every input's value. */
typedef struct {
  net_stats_t st;
  uint32_t values; /* a digest of every input's value */
} outcome_t;

static outcome_t outcome_of(harness_t *h) {
  outcome_t o;
  uint16_t i;
  net_get_stats(h->net, &o.st);
  o.values = 2166136261u;
  for (i = 0; i < o.st.ins; i++)
    o.values = (o.values ^ (uint16_t)net_get_value(h->net, i)) * 16777619u;
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  return o;
}

/* Scenarios for the delivery paths. 0: a 60-ADD chain run 3 times; 1: two ADDs feeding each
 * other (cut at the depth limit); 2: a 10-SPLIT4 fan-out (cut by the budget), twice; 3: a
 * preset recall of 8 entries into that fan-out; 4: a chain of 12 ADDs under a depth limit of 5;
 * 5: an op's handler run from outside any event (a delivery of its own begins one). */
static outcome_t run_scenario(int which, bool watched) {
  net_limits_t lim = NET_LIMITS_BEES08;
  harness_t *h;
  static const uint16_t count[6] = {60, 2, 10, 10, 12, 30};
  uint16_t ops[60] = {0}, i, k, n = count[which];
  op_id_t id = which == 2 || which == 3 ? OP_SPLIT4 : OP_ADD;
  outcome_t o;
  if (which == 4) lim.max_depth = 5;
  h = harness_new(0, &lim);
  if (!watched) net_set_watch(h->net, 0, 0);
  for (i = 0; i < n; i++) ops[i] = harness_add(h, id);
  for (i = 0; i + 1 < n; i++)
    for (k = 0; k < (id == OP_SPLIT4 ? 4 : 1); k++)
      CHECK_EQ_INT(net_connect(h->net, (uint16_t)(net_op_first_out(h->net, ops[i]) + k),
                               net_op_first_in(h->net, ops[i + 1])), NET_OK);
  if (which == 1) {
    net_connect(h->net, net_op_first_out(h->net, ops[1]), net_op_first_in(h->net, ops[0]));
    for (i = 0; i < 2; i++) harness_in(h, ops[i], 1, 1);
  }
  if (id == OP_ADD)
    for (i = 0; i < n; i++) harness_in(h, ops[i], 1, (io_t)(i + 1)); /* B: the sums differ */
  if (which == 3) {
    for (i = 0; i < 8; i++)
      CHECK_EQ_INT(preset_include_in(h->net, 2, net_op_first_in(h->net, ops[i]), true), NET_OK);
    CHECK_EQ_INT(preset_recall(h->net, 2), NET_OK);
  } else if (which == 5) {
    op_t *op = net_op(h->net, ops[0]);
    op->cls->in_fns[0](op, 7);
  } else {
    for (i = 0; i < (which == 0 ? 3 : which == 2 ? 2 : 1); i++)
      harness_in(h, ops[0], 0, (io_t)(5 + i));
  }
  o = outcome_of(h);
  harness_free(h);
  return o;
}

/* op_fire's inline path (no watcher) and its slow path (a watcher sees each delivery) deliver
 * the same values, count the same deliveries and cuts, and reach the same depth. */
static void test_fast_path_matches_watched(void) {
  /* each ADD's B set first (the loop's twice), then the event's own deliveries */
  static const uint32_t deliveries[6] = {60 + 3 * 60, 4 + NET_DEFAULT_DEPTH, 2u * NET_CASCADE_MAX,
                                         NET_CASCADE_MAX, 12 + 5, 30 + 29};
  static const uint16_t depth[6] = {60, NET_DEFAULT_DEPTH, 10, 10, 5, 29};
  int w;
  for (w = 0; w < 6; w++) {
    outcome_t fast = run_scenario(w, false), slow = run_scenario(w, true);
    CHECK_EQ_INT(fast.values, slow.values);
    CHECK_EQ_INT(fast.st.deliveries, slow.st.deliveries);
    CHECK_EQ_INT(fast.st.feedback_cuts, slow.st.feedback_cuts);
    CHECK_EQ_INT(fast.st.max_depth_seen, slow.st.max_depth_seen);
    CHECK_EQ_INT(fast.st.max_depth_seen, depth[w]);
    CHECK_EQ_INT(fast.st.feedback_cuts > 0, w >= 1 && w <= 4);
    CHECK_EQ_INT(fast.st.deliveries, deliveries[w]);
  }
}

typedef struct {
  int calls;
  uint16_t idx;
  io_t value;
} param_sink_t;
static void on_param(void *ctx, uint16_t idx, io_t value) {
  param_sink_t *s = ctx;
  s->calls++;
  s->idx = idx;
  s->value = value;
}

static void test_params(void) {
  harness_t *h = harness_new(0, 0);
  param_sink_t sink = {0, 0, 0};
  net_services_t svc = {&sink, on_param, 0, 0};
  net_param_t p = {"cutoff", 1, 0, 0, 0, 100, 16};
  uint16_t a = harness_add(h, OP_ADD);
  net_set_services(h->net, &svc);
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  CHECK_EQ_STR(net_in_name(h->net, net_in_count(h->net)), "cutoff");
  CHECK_EQ_INT(net_connect(h->net, net_op_first_out(h->net, a), net_in_count(h->net)), NET_OK);
  CHECK_EQ_INT(net_target(h->net, net_op_first_out(h->net, a)), net_in_count(h->net));
  harness_in(h, a, 0, 42);
  CHECK_EQ_INT(sink.calls, 1);
  CHECK_EQ_INT(sink.value, 42);
  CHECK_EQ_INT(net_get_value(h->net, net_in_count(h->net)), 42);
  CHECK_EQ_INT(net_activate(h->net, net_in_count(h->net), 7), NET_OK);
  CHECK_EQ_INT(net_param(h->net, 0)->value, 7);
  CHECK_EQ_INT(net_increment(h->net, net_in_count(h->net), 32767), NET_OK);
  CHECK_EQ_INT(net_param(h->net, 0)->value, 32767); /* saturates */
  CHECK_EQ_INT(net_set_param(h->net, 1, 0), NET_ERR_BAD_INDEX);
  net_clear_params(h->net);
  CHECK_EQ_INT(net_target(h->net, net_op_first_out(h->net, a)), -1);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h);
}

/* Clearing the params clears the presets' hold on them: a stored routing to a param comes back
 * disconnected, a stored param value is dropped, and a param added afterwards is not touched by
 * either (fuzz_net found the routing restored to a param that no longer existed). */
static void test_clearing_params_clears_their_preset_entries(void) {
  harness_t *h = harness_new(0, 0);
  net_param_t p = {"cutoff", 1, 0, 0, 0, 100, 16};
  uint16_t a = harness_add(h, OP_ADD), out = net_op_first_out(h->net, a), prm;
  int32_t t;
  io_t v;
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  prm = net_in_count(h->net);
  CHECK_EQ_INT(net_connect(h->net, out, prm), NET_OK);
  CHECK_EQ_INT(net_set_param(h->net, 0, 55), NET_OK);
  CHECK_EQ_INT(preset_include_out(h->net, 0, out, true), NET_OK);
  CHECK_EQ_INT(preset_include_in(h->net, 0, prm, true), NET_OK);
  CHECK_EQ_INT(preset_store(h->net, 1), NET_OK);
  CHECK(preset_out_target(h->net, 1, out, &t));
  CHECK_EQ_INT(t, prm);
  CHECK(preset_in_value(h->net, 1, prm, &v));
  CHECK_EQ_INT(v, 55);
  net_clear_params(h->net);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  CHECK(preset_out_target(h->net, 1, out, &t)); /* still included, now disconnected */
  CHECK_EQ_INT(t, -1);
  CHECK_EQ_INT(preset_recall(h->net, 1), NET_OK);
  CHECK_EQ_INT(net_target(h->net, out), -1);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  p.value = 9;
  CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  CHECK(!preset_in_included(h->net, 1, prm));
  CHECK_EQ_INT(preset_recall(h->net, 1), NET_OK);
  CHECK_EQ_INT(net_target(h->net, out), -1);
  CHECK_EQ_INT(net_param(h->net, 0)->value, 9);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h);
}

static void test_presets(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a, b, c, ina, outa;
  net_add_system_ops(h->net);
  a = harness_add(h, OP_ADD);
  b = harness_add(h, OP_ADD);
  c = harness_add(h, OP_MUL);
  ina = net_op_first_in(h->net, a);
  outa = net_op_first_out(h->net, a);
  harness_in(h, a, 1, 5);
  net_connect(h->net, outa, net_op_first_in(h->net, b));
  CHECK_EQ_INT(preset_include_in(h->net, 0, (uint16_t)(ina + 1), true), NET_OK);
  CHECK_EQ_INT(preset_include_out(h->net, 0, outa, true), NET_OK);
  CHECK(preset_in_included(h->net, 0, (uint16_t)(ina + 1)));
  CHECK_EQ_INT(preset_store(h->net, 3), NET_OK); /* copies preset 0's inclusion */
  CHECK_EQ_INT(preset_selected(h->net), 3);
  harness_in(h, a, 1, 9);
  net_connect(h->net, outa, net_op_first_in(h->net, c));
  CHECK_EQ_INT(preset_recall(h->net, 3), NET_OK);
  CHECK_EQ_INT(harness_value(h, a, 1), 5);
  CHECK_EQ_INT(net_target(h->net, outa), net_op_first_in(h->net, b));
  CHECK_EQ_STR(preset_name(h->net, 3), "003_");
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  /* inserting an op before them keeps the entries on the same nodes */
  CHECK_EQ_INT(net_add_op(h->net, OP_SUB, 12, 0), NET_OK);
  a++, b++, c++;
  {
    io_t v = 0;
    int32_t t = 0;
    CHECK(preset_in_value(h->net, 3, (uint16_t)(net_op_first_in(h->net, a) + 1), &v));
    CHECK_EQ_INT(v, 5);
    CHECK(preset_out_target(h->net, 3, net_op_first_out(h->net, a), &t));
    CHECK_EQ_INT(t, net_op_first_in(h->net, b));
  }
  /* removing B drops preset 3's routing to it, and the check still holds */
  CHECK_EQ_INT(net_remove_op(h->net, b), NET_OK);
  CHECK(!preset_out_included(h->net, 3, net_op_first_out(h->net, a)));
  CHECK(preset_in_included(h->net, 3, (uint16_t)(net_op_first_in(h->net, a) + 1)));
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  /* the PRESET op recalls from inside the network */
  harness_in(h, a, 1, 77);
  harness_in(h, 11, 0, 3);
  CHECK_EQ_INT(harness_value(h, a, 1), 5);
  harness_in(h, 11, 0, 40); /* out of range: clamped, nothing recalled */
  CHECK_EQ_INT(harness_value(h, 11, 0), 31);
  /* WRITE out of range: nothing stored, the value kept as given (bees) */
  harness_in(h, a, 1, 66);
  harness_in(h, 11, 1, 40);
  CHECK_EQ_INT(harness_value(h, 11, 1), 40);
  harness_in(h, 11, 1, -5);
  CHECK_EQ_INT(harness_value(h, 11, 1), -5);
  harness_in(h, 11, 0, 3);
  CHECK_EQ_INT(harness_value(h, a, 1), 5); /* preset 3 unchanged */
  harness_in(h, a, 1, 66);
  harness_in(h, 11, 1, 3); /* in range: stored */
  harness_in(h, a, 1, 1);
  harness_in(h, 11, 0, 3);
  CHECK_EQ_INT(harness_value(h, a, 1), 66);
  CHECK_EQ_INT(preset_recall(h->net, 32), NET_ERR_BAD_INDEX);
  harness_free(h);
}

static int preset_events;
static uint16_t last_preset;
static void count_presets(void *ctx, net_event_kind_t kind, const op_t *op, uint16_t idx,
                          io_t value) {
  (void)ctx, (void)op, (void)value;
  if (kind == NET_EV_PRESET) {
    preset_events++;
    last_preset = idx;
  }
}

static void test_play_flags_and_preset_event(void) {
  harness_t *h = harness_new(0, 0);
  uint16_t a, b, outa;
  net_add_system_ops(h->net);
  a = harness_add(h, OP_ADD);
  b = harness_add(h, OP_MUL);
  outa = net_op_first_out(h->net, a);
  CHECK(!net_out_play(h->net, outa));
  CHECK_EQ_INT(net_set_out_play(h->net, outa, true), NET_OK);
  CHECK_EQ_INT(net_set_out_play(h->net, net_out_count(h->net), true), NET_ERR_BAD_INDEX);
  CHECK_EQ_INT(net_set_in_play(h->net, net_op_first_in(h->net, b), true), NET_OK);
  /* an op inserted before them: the flags move with their nodes */
  CHECK_EQ_INT(net_add_op(h->net, OP_SUB, 12, 0), NET_OK);
  a++, b++;
  CHECK(net_out_play(h->net, net_op_first_out(h->net, a)));
  CHECK(!net_out_play(h->net, net_op_first_out(h->net, 12)));
  CHECK(net_in_play(h->net, net_op_first_in(h->net, b)));
  CHECK(!net_in_play(h->net, net_op_first_in(h->net, 12)));
  CHECK_EQ_INT(net_remove_op(h->net, 12), NET_OK);
  CHECK(net_out_play(h->net, net_op_first_out(h->net, (uint16_t)(a - 1))));
  net_set_watch(h->net, count_presets, 0);
  CHECK_EQ_INT(preset_recall(h->net, 5), NET_OK);
  CHECK_EQ_INT(preset_events, 1);
  CHECK_EQ_INT(last_preset, 5);
  net_set_watch(h->net, harness_watch, h);
  harness_free(h);
}

static void test_adc_timer(void) {
  harness_t *h = harness_new(0, 0);
  net_add_system_ops(h->net);
  net_cv_in(h->net, 2, 2000);
  harness_in(h, 10, 1, 10); /* PERIOD 10 ms */
  harness_in(h, 10, 0, 1);  /* ENABLE */
  CHECK_EQ_INT(net_timer_count(h->net), 1);
  harness_clear_log(h);
  net_advance(h->net, 9);
  HARNESS_EXPECT_NONE(h);
  net_advance(h->net, 10);
  HARNESS_EXPECT(h, 10, 0, 0, 1, 0, 2, 2000, 3, 0);
  harness_in(h, 10, 2, 1); /* MODE 1: gates */
  net_advance(h->net, 30);  /* two polls: only the first reports channel 2 going high */
  HARNESS_EXPECT(h, 10, 2, 1);
  net_cv_in(h->net, 2, 10);
  net_advance(h->net, 40);
  HARNESS_EXPECT(h, 10, 2, 0);
  harness_in(h, 10, 0, 0);
  CHECK_EQ_INT(net_timer_count(h->net), 0);
  harness_free(h);
}

/* Insert and remove at every position of a net filled to capacity, checking every table. */
static void test_insert_remove_everywhere(void) {
  net_limits_t lim = NET_LIMITS_BEES08;
  harness_t *h = harness_new(0, &lim);
  uint16_t n, pos;
  net_add_system_ops(h->net);
  while (net_add_op(h->net, OP_ADD, NET_NONE, 0) == NET_OK) {
  }
  n = net_op_count(h->net);
  CHECK_EQ_INT(n, 12 + (256 - 33) / 3); /* inputs run out first, as in bees */
  CHECK_EQ_INT(net_add_op(h->net, OP_ADD, 20, 0), NET_ERR_TOO_MANY_INS);
  CHECK_EQ_INT(net_op_count(h->net), n);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  /* chain every ADD to the next so targets must survive the shifts */
  for (pos = 12; pos + 1 < n; pos++)
    net_connect(h->net, net_op_first_out(h->net, pos), net_op_first_in(h->net, pos + 1));
  for (pos = 12; pos < n; pos++) {
    op_t *victim = net_op(h->net, pos);
    op_t *before = net_op(h->net, (uint16_t)(pos - 1));
    CHECK_EQ_INT(net_remove_op(h->net, pos), NET_OK);
    CHECK_EQ_INT(net_check(h->net), NET_OK);
    CHECK(net_op(h->net, pos) != victim);
    CHECK_EQ_INT(net_add_op(h->net, OP_ADD, pos, 0), NET_OK);
    CHECK_EQ_INT(net_check(h->net), NET_OK);
    CHECK(net_op(h->net, (uint16_t)(pos - 1)) == before);
  }
  /* every global node maps back to its op and position, O(1) */
  {
    uint16_t i, op;
    uint8_t sub;
    for (i = 0; i < net_in_count(h->net); i++) {
      CHECK(net_in_owner(h->net, i, &op, &sub));
      CHECK_EQ_INT(net_op_first_in(h->net, op) + sub, i);
    }
    for (i = 0; i < net_out_count(h->net); i++) {
      CHECK(net_out_owner(h->net, i, &op, &sub));
      CHECK_EQ_INT(net_op_first_out(h->net, op) + sub, i);
    }
    CHECK(!net_in_owner(h->net, net_in_count(h->net), &op, &sub));
  }
  harness_free(h);
}

/* A heap that runs out: the op that does not fit leaves the net as it was. */
static void test_exhaustion_leaves_net_unchanged(void) {
  harness_t *h = harness_new(4096, NULL); /* the system ops and a few more */
  net_stats_t before, after;
  pool_stats_t ps;
  net_status_t st;
  uint32_t bytes;
  int added = 0;
  CHECK_EQ_INT(net_add_system_ops(h->net), NET_OK);
  while ((st = net_add_op(h->net, OP_ADD, 12, 0)) == NET_OK) added++;
  CHECK(added > 0);
  CHECK_EQ_INT(st, NET_ERR_NO_MEMORY);
  CHECK(pool_last_status(h->pool) == POOL_ERR_EXHAUSTED ||
        pool_last_status(h->pool) == POOL_ERR_FRAGMENTED);
  net_get_stats(h->net, &before);
  bytes = net_pool_bytes(h->net);
  CHECK_EQ_INT(net_add_op(h->net, OP_ADD, 13, 0), NET_ERR_NO_MEMORY);
  net_get_stats(h->net, &after);
  CHECK_EQ_INT(after.ops, before.ops);
  CHECK_EQ_INT(after.ins, before.ins);
  CHECK_EQ_INT(after.add_failures, before.add_failures + 1);
  CHECK_EQ_INT(net_pool_bytes(h->net), bytes);
  pool_get_stats(h->pool, &ps);
  CHECK(ps.pressure >= POOL_PRESSURE_CRITICAL);
  CHECK_EQ_INT(net_pool_bytes(h->net), ps.used_bytes); /* the net's count is the heap's */
  /* an editor would have been told long before: the net is over half the heap */
  CHECK_EQ_INT(net_room_for_op(h->net, OP_ADD), NET_ERR_NO_ROOM);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  CHECK_EQ_INT(net_add_op(h->net, (op_id_t)200, NET_NONE, 0), NET_ERR_UNKNOWN_CLASS);
  harness_free(h);
}

/* ---- random sequences against a reference model ---- */

typedef struct {
  int uid;
  op_id_t cls;
  io_t a;
  int target_uid[1]; /* ADD/SUB/MUL: one output; -1 none */
  int target_in[1];
} model_op_t;

static unsigned rng_state;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 1103515245u + 12345u;
  return (rng_state >> 16) % n;
}

static void test_random_against_model(void) {
  static const op_id_t classes[3] = {OP_ADD, OP_SUB, OP_MUL};
  model_op_t model[128];
  int n = 0, next_uid = 1, step, i, j;
  harness_t *h = harness_new(0, 0);
  rng_state = 2024;
  for (step = 0; step < 4000; step++) {
    unsigned what = rnd(10);
    if (what < 3 && n < 80) { /* insert */
      uint16_t at = (uint16_t)rnd((unsigned)n + 1);
      op_id_t c = classes[rnd(3)];
      CHECK_EQ_INT(net_add_op(h->net, c, at, 0), NET_OK);
      for (i = n; i > at; i--) model[i] = model[i - 1];
      model[at].uid = next_uid++;
      model[at].cls = c;
      model[at].a = 0;
      model[at].target_uid[0] = -1;
      model[at].target_in[0] = 0;
      n++;
    } else if (what < 5 && n > 0) { /* remove */
      int at = (int)rnd((unsigned)n), uid = model[at].uid;
      CHECK_EQ_INT(net_remove_op(h->net, (uint16_t)at), NET_OK);
      for (i = at; i + 1 < n; i++) model[i] = model[i + 1];
      n--;
      for (i = 0; i < n; i++)
        if (model[i].target_uid[0] == uid) model[i].target_uid[0] = -1;
    } else if (what < 8 && n > 1) { /* connect */
      int s = (int)rnd((unsigned)n), d = (int)rnd((unsigned)n), k = (int)rnd(3);
      net_status_t st = net_connect(h->net, net_op_first_out(h->net, (uint16_t)s),
                                    net_op_first_in(h->net, (uint16_t)d) + k);
      if (s == d) {
        CHECK_EQ_INT(st, NET_ERR_SELF_CONNECT);
      } else {
        CHECK_EQ_INT(st, NET_OK);
        model[s].target_uid[0] = model[d].uid;
        model[s].target_in[0] = k;
      }
    } else if (n > 0) { /* activate A of an op with TRIG off elsewhere: value lands */
      int at = (int)rnd((unsigned)n);
      io_t v = (io_t)rnd(100);
      harness_in(h, (uint16_t)at, 0, v);
      model[at].a = v;
    }
    /* the net agrees with the model */
    CHECK_EQ_INT(net_op_count(h->net), n);
    for (i = 0; i < n; i++) {
      op_t *op = net_op(h->net, (uint16_t)i);
      int32_t t = net_target(h->net, op->first_out);
      CHECK_EQ_INT(op->cls->id, model[i].cls);
      if (model[i].target_uid[0] < 0) {
        CHECK_EQ_INT(t, -1);
      } else {
        for (j = 0; j < n; j++)
          if (model[j].uid == model[i].target_uid[0]) break;
        CHECK(j < n);
        CHECK_EQ_INT(t, net_op_first_in(h->net, (uint16_t)j) + model[i].target_in[0]);
      }
    }
    if (step % 50 == 0) CHECK_EQ_INT(net_check(h->net), NET_OK);
  }
  harness_free(h);
}

/* The tables follow the limits, computed without overflow: the largest limits an index can
 * address lay out (and work) in the size stated; one past them is refused. */
static void test_limits_and_layout(void) {
  net_limits_t lim = NET_LIMITS_BEES08;
  uint32_t size = net_region_size(&lim);
  void *region;
  pool_t *pool;
  net_t *net;
  static uint64_t heap[4096];
  CHECK(size > 0 && size < 8192u * sizeof(void *)); /* no param or preset entry tables */
  lim.max_ops = 0;
  CHECK_EQ_INT(net_region_size(&lim), 0);
  lim = NET_LIMITS_BEES08;
  lim.max_presets = 0x8000;
  CHECK_EQ_INT(net_region_size(&lim), 0);
  lim.max_ops = lim.max_ins = lim.max_outs = lim.max_presets = 0x7FFF;
  lim.max_params = 0;
  size = net_region_size(&lim);
  CHECK(size > 0);
  region = aligned_alloc(8, size);
  CHECK_EQ_INT(pool_init(heap, sizeof heap, 0, 0, &pool), POOL_OK);
  CHECK_EQ_INT(net_init(region, size, &lim, pool, 0, &net), NET_OK);
  CHECK_EQ_INT(net_add_system_ops(net), NET_OK);
  CHECK_EQ_INT(preset_set_name(net, 0x7FFE, "last"), NET_OK);
  CHECK_EQ_STR(preset_name(net, 0x7FFE), "last");
  CHECK_EQ_INT(net_check(net), NET_OK);
  net_clear(net);
  CHECK_EQ_INT(net_init(region, size - 8u, &lim, pool, 0, &net), NET_ERR_REGION_TOO_SMALL);
  free(region);
}

/* Params and preset entries live in the pool, as large as they are used; the net counts every
 * byte it holds there, and clearing gives it all back. */
static void test_tables_in_the_pool(void) {
  harness_t *h = harness_new(0, 0);
  net_param_t p;
  pool_stats_t ps;
  uint32_t before, i;
  net_add_system_ops(h->net);
  before = net_pool_bytes(h->net);
  memset(&p, 0, sizeof p);
  CHECK_EQ_INT(net_reserve_params(h->net, 3), NET_OK);
  CHECK(net_pool_bytes(h->net) > before);
  CHECK(net_pool_bytes(h->net) < before + 3u * sizeof p + 64u);
  for (i = 0; i < 40; i++) CHECK_EQ_INT(net_add_param(h->net, &p), NET_OK);
  CHECK_EQ_INT(net_param_count(h->net), 40);
  CHECK_EQ_INT(net_reserve_params(h->net, 300), NET_ERR_TOO_MANY_PARAMS);
  for (i = 0; i < 20; i++) CHECK_EQ_INT(preset_include_in(h->net, 3, (uint16_t)i, true), NET_OK);
  CHECK(preset_in_included(h->net, 3, 19));
  pool_get_stats(h->pool, &ps);
  CHECK_EQ_INT(net_pool_bytes(h->net), ps.used_bytes);
  for (i = 0; i < 20; i++) CHECK_EQ_INT(preset_include_in(h->net, 3, (uint16_t)i, false), NET_OK);
  pool_get_stats(h->pool, &ps);
  CHECK_EQ_INT(net_pool_bytes(h->net), ps.used_bytes); /* the emptied list went back */
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  net_clear(h->net);
  CHECK_EQ_INT(net_pool_bytes(h->net), 0);
  pool_get_stats(h->pool, &ps);
  CHECK_EQ_INT(ps.used_bytes, 0);
  CHECK_EQ_INT(ps.blocks, 1); /* cleared and settled: one free block */
  harness_free(h);
}

/* Debug builds record, with each op's memory, the file and line that asked for the op: here. */
static const char *seen_file;
static uint32_t seen_line;
static void note_block(void *ctx, const pool_block_info_t *b) {
  (void)ctx;
  if (b->tag == OP_DIV + 1u) {
    seen_file = b->file;
    seen_line = b->line;
  }
}

static void test_leak_records_name_the_caller(void) {
  harness_t *h = harness_new(0, 0);
  uint32_t line = __LINE__ + 1u;
  CHECK_EQ_INT(net_add_op(h->net, OP_DIV, NET_NONE, 0), NET_OK);
  seen_file = 0;
  seen_line = 0;
  CHECK_EQ_INT(pool_foreach_live(h->pool, note_block, 0), 1);
#if POOL_DEBUG
  CHECK(seen_file && strstr(seen_file, "test_net.c"));
  CHECK_EQ_INT(seen_line, line);
#else
  CHECK(seen_file == 0); /* release builds keep no records */
  (void)line;
#endif
  harness_free(h);
}

static void test_clear_returns_all_memory(void) {
  harness_t *h = harness_new(0, 0);
  int i;
  net_add_system_ops(h->net);
  for (i = 0; i < 20; i++) harness_add(h, OP_DIV);
  net_clear_user_ops(h->net);
  CHECK_EQ_INT(net_op_count(h->net), 12);
  CHECK_EQ_INT(pool_foreach_live(h->pool, 0, 0), 12);
  CHECK_EQ_INT(net_check(h->net), NET_OK);
  harness_free(h); /* asserts zero live blocks after net_clear */
}

int main(void) {
  RUN(test_system_ops);
  RUN(test_encoder_and_switch);
  RUN(test_connect_and_propagate);
  RUN(test_saturation_and_division);
  RUN(test_feedback_is_bounded);
  RUN(test_fan_out_is_bounded);
  RUN(test_recall_is_one_event);
  RUN(test_fast_path_matches_watched);
  RUN(test_params);
  RUN(test_clearing_params_clears_their_preset_entries);
  RUN(test_presets);
  RUN(test_play_flags_and_preset_event);
  RUN(test_adc_timer);
  RUN(test_insert_remove_everywhere);
  RUN(test_exhaustion_leaves_net_unchanged);
  RUN(test_random_against_model);
  RUN(test_limits_and_layout);
  RUN(test_tables_in_the_pool);
  RUN(test_leak_records_name_the_caller);
  RUN(test_clear_returns_all_memory);
  return check_summary("test_net");
}
