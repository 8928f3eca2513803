/* SPDX-License-Identifier: MIT */
/* scene_test_util.h: what the scene tests share: a rig (arena, pool, a scene slot), file
 * reading, the expected-listing lines of a decoded net (format of
 * ../shared/scenes/expected/README.md) and a checksum. */
#ifndef ALEPH_SCENE_TEST_UTIL_H
#define ALEPH_SCENE_TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "net.h"
#include "op_catalog.h"
#include "pool.h"
#include "preset.h"
#include "scene.h"
#include "scene_layout.h"

#define SKIP_CODE 77

typedef struct {
  void *arena;
  pool_t *pool;
  scene_slot_t slot;
  platform_t platform;
  uint32_t faults;
} rig_t;

static inline void rig_fault(void *ctx, const char *what) {
  rig_t *r = ctx;
  r->faults++;
  fprintf(stderr, "fault: %s\n", what);
}

/* A slot on a pool with a heap of heap_bytes (0: 1 MiB, room for any scene twice over) and
 * limits (NULL: bees 0.8.1's). */
static inline rig_t *rig_new(uint32_t heap_bytes, const net_limits_t *lim_in) {
  rig_t *r = calloc(1, sizeof *r);
  net_limits_t lim = lim_in ? *lim_in : NET_LIMITS_BEES08;
  uint32_t psize, ssize;
  psize = (pool_region_size(heap_bytes ? heap_bytes : 1u << 20, 0) + 7u) & ~7u;
  ssize = scene_slot_region_size(&lim);
  r->arena = aligned_alloc(8, ((size_t)psize + ssize + 7u) & ~(size_t)7u);
  r->platform.fault = rig_fault;
  r->platform.ctx = r;
  CHECK_EQ_INT(pool_init(r->arena, psize, 0, &r->platform, &r->pool), POOL_OK);
  CHECK_EQ_INT(scene_slot_init(&r->slot, (uint8_t *)r->arena + psize, ssize, &lim, r->pool,
                               &r->platform),
               NET_OK);
  return r;
}

static inline net_t *rig_net(rig_t *r) { return scene_slot_net(&r->slot); }

/* How many entry lists the presets keep (an input list and an output list each, when used). */
static inline uint32_t preset_lists(const net_t *net) {
  uint32_t n = 0;
  uint16_t p, i;
  for (p = 0; p < preset_count(net); p++) {
    bool in = false, out = false;
    for (i = 0; i < net_in_count(net) + net_param_count(net); i++) in |= preset_in_included(net, p, i);
    for (i = 0; i < net_out_count(net); i++) out |= preset_out_included(net, p, i);
    n += (uint32_t)in + (uint32_t)out;
  }
  return n;
}


static inline void rig_free(rig_t *r) {
  CHECK_EQ_INT(net_check(rig_net(r)), NET_OK);
  net_clear(rig_net(r));
  scene_slot_discard(&r->slot);
  CHECK_EQ_INT(pool_foreach_live(r->pool, 0, 0), 0);
  CHECK_EQ_INT(pool_check(r->pool, 0), POOL_OK);
  CHECK_EQ_INT(r->faults, 0);
  free(r->arena);
  free(r);
}

/* Whole file into a malloc'd buffer; NULL if it cannot be read. */
static inline uint8_t *read_whole(const char *path, uint32_t *len) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf;
  long n;
  if (!f) return 0;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc(n > 0 ? (size_t)n : 1u);
  if (n < 0 || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return 0;
  }
  fclose(f);
  *len = (uint32_t)n;
  return buf;
}

static inline uint32_t fnv1a(const uint8_t *p, uint32_t n) {
  uint32_t h = 2166136261u;
  while (n--) {
    h ^= *p++;
    h *= 16777619u;
  }
  return h;
}

/* Appends a line to a growing text. */
typedef struct {
  char *buf;
  size_t len, cap;
} text_t;

static inline void text_line(text_t *t, const char *line) {
  size_t n = strlen(line);
  if (t->len + n + 2 > t->cap) {
    t->cap = (t->len + n + 2) * 2;
    t->buf = realloc(t->buf, t->cap);
  }
  memcpy(t->buf + t->len, line, n);
  t->len += n;
  t->buf[t->len++] = '\n';
  t->buf[t->len] = '\0';
}

/* The expected-format listing of net as read in `layout`: only the ports that layout has (a
 * 0.7.1 BARS shows no output; a 0.7.1 MOUT_CC shows CHAN NUM VAL). */
static inline void listing(const net_t *net, scene_layout_t layout, text_t *t) {
  char line[128];
  uint16_t i, n = net_op_count(net);
  uint8_t k;
  op_format_t fmt = scene_layout_format(layout);
  for (i = 0; i < n; i++) {
    snprintf(line, sizeof line, "op %u %s", i, net_op_name(net, i));
    text_line(t, line);
  }
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    scene_class_layout_t cl;
    scene_class_layout(fmt, op->cls->id, &cl);
    for (k = 0; k < cl.ins; k++) {
      uint16_t g = (uint16_t)(op->first_in + k + cl.in_shift);
      snprintf(line, sizeof line, "in %u %s %d", i, net_in_name(net, g), net_get_value(net, g));
      text_line(t, line);
    }
  }
  for (i = 0; i < n; i++) {
    const op_t *op = net_op(net, i);
    scene_class_layout_t cl;
    scene_class_layout(fmt, op->cls->id, &cl);
    for (k = 0; k < cl.outs; k++) {
      uint16_t o = (uint16_t)(op->first_out + k);
      int32_t tg = net_target(net, o);
      int len = snprintf(line, sizeof line, "out %u %s -> ", i, net_out_name(net, o));
      if (tg < 0) {
        snprintf(line + len, sizeof line - (size_t)len, "-");
      } else if (tg < net_in_count(net)) {
        uint16_t top;
        uint8_t sub;
        net_in_owner(net, (uint16_t)tg, &top, &sub);
        snprintf(line + len, sizeof line - (size_t)len, "op %u %s", top,
                 net_in_name(net, (uint16_t)tg));
      } else {
        snprintf(line + len, sizeof line - (size_t)len, "param %s",
                 net_param(net, (uint16_t)(tg - net_in_count(net)))->label);
      }
      text_line(t, line);
    }
  }
  for (i = 0; i < net_param_count(net); i++) {
    const net_param_t *p = net_param(net, i);
    snprintf(line, sizeof line, "param %s %d", p->label, p->value);
    text_line(t, line);
  }
}

/* Compares a listing with an expected text line by line; a `?` word in the expected line
 * accepts any word. Prints the first few differences. Returns the number of differing lines. */
static inline int compare_listing(const char *name, const char *got, const char *exp) {
  int diffs = 0, line = 1;
  while (*got || *exp) {
    const char *ge = strchr(got, '\n'), *ee = strchr(exp, '\n');
    size_t gl = ge ? (size_t)(ge - got) : strlen(got), el = ee ? (size_t)(ee - exp) : strlen(exp);
    int same = 1;
    /* word by word */
    {
      const char *g = got, *e = exp, *gend = got + gl, *eend = exp + el;
      while (same && (g < gend || e < eend)) {
        const char *gw = g, *ew = e;
        while (g < gend && *g != ' ') g++;
        while (e < eend && *e != ' ') e++;
        if (!((e - ew == 1 && *ew == '?' && g > gw) ||
              ((g - gw) == (e - ew) && memcmp(gw, ew, (size_t)(g - gw)) == 0)))
          same = 0;
        if (g < gend) g++;
        if (e < eend) e++;
      }
    }
    if (!same) {
      if (diffs < 8)
        fprintf(stderr, "%s line %d: got \"%.*s\", expected \"%.*s\"\n", name, line, (int)gl, got,
                (int)el, exp);
      diffs++;
    }
    got += gl + (ge ? 1 : 0);
    exp += el + (ee ? 1 : 0);
    line++;
  }
  return diffs;
}

#endif
