/* SPDX-License-Identifier: MIT */
/* monome_leds.c: grid and arc LED changes as the fewest serialosc messages (monome_leds.h). */
#include "monome_leds.h"

#include <stdio.h>
#include <string.h>

static bool grid_uniform(const uint8_t *now, uint8_t cols, uint8_t rows) {
  uint32_t x, y;
  for (y = 0; y < rows; y++)
    for (x = 0; x < cols; x++)
      if (now[x + 16 * y] != now[0]) return false;
  return true;
}

/* The message for quadrant (qx, qy) (its top left, multiples of 8), given what changed in it. */
static void quad_msg(const uint8_t *shown, const uint8_t *now, uint32_t qx, uint32_t qy,
                     bool whole, mled_msg_t *m) {
  uint32_t x, y, n = 0, cx = 0, cy = 0;
  bool one_row = true, one_col = true;
  for (y = qy; y < qy + 8; y++)
    for (x = qx; x < qx + 8; x++) {
      if (!whole && shown[x + 16 * y] == now[x + 16 * y]) continue;
      if (n++ == 0) {
        cx = x;
        cy = y;
      }
      if (y != cy) one_row = false;
      if (x != cx) one_col = false;
    }
  memset(m, 0, sizeof *m);
  if (n == 1 && !whole) {
    m->kind = MLED_SET;
    m->x = (uint8_t)cx;
    m->y = (uint8_t)cy;
    m->v[0] = now[cx + 16 * cy];
  } else if (one_row && !whole) {
    m->kind = MLED_ROW;
    m->x = (uint8_t)qx;
    m->y = (uint8_t)cy;
    for (x = 0; x < 8; x++) m->v[x] = now[qx + x + 16 * cy];
  } else if (one_col && !whole) {
    m->kind = MLED_COL;
    m->x = (uint8_t)cx;
    m->y = (uint8_t)qy;
    for (y = 0; y < 8; y++) m->v[y] = now[cx + 16 * (qy + y)];
  } else {
    m->kind = MLED_MAP;
    m->x = (uint8_t)qx;
    m->y = (uint8_t)qy;
    for (y = 0; y < 8; y++)
      for (x = 0; x < 8; x++) m->v[x + 8 * y] = now[qx + x + 16 * (qy + y)];
  }
}

static bool quad_changed(const uint8_t *shown, const uint8_t *now, uint32_t qx, uint32_t qy) {
  uint32_t y;
  for (y = qy; y < qy + 8; y++)
    if (memcmp(shown + qx + 16 * y, now + qx + 16 * y, 8)) return true;
  return false;
}

uint32_t mled_grid_diff(uint8_t *shown, const uint8_t *now, uint8_t cols, uint8_t rows,
                        bool valid, mled_msg_t *out) {
  uint32_t qx, qy, n = 0, changed = 0, y;
  if (cols > 16) cols = 16;
  if (rows > 16) rows = 16;
  cols &= (uint8_t)~7u;
  rows &= (uint8_t)~7u;
  if (!cols || !rows) return 0;
  for (qy = 0; qy < rows; qy += 8)
    for (qx = 0; qx < cols; qx += 8)
      if (!valid || quad_changed(shown, now, qx, qy)) changed++;
  if (!changed) return 0;
  /* the whole grid at one level, and more than one LED to change: one message */
  if (grid_uniform(now, cols, rows)) {
    uint32_t x, k = 0;
    for (y = 0; y < rows && k < 2; y++)
      for (x = 0; x < cols; x++) k += shown[x + 16 * y] != now[x + 16 * y];
    if (!valid || k > 1) {
      memset(out, 0, sizeof *out);
      out->kind = MLED_ALL;
      out->v[0] = now[0];
      n = 1;
    }
  }
  if (!n)
    for (qy = 0; qy < rows; qy += 8)
      for (qx = 0; qx < cols; qx += 8)
        if (!valid || quad_changed(shown, now, qx, qy))
          quad_msg(shown, now, qx, qy, !valid, &out[n++]);
  for (y = 0; y < rows; y++) memcpy(shown + 16 * y, now + 16 * y, cols);
  return n;
}

uint32_t mled_arc_diff(uint8_t (*shown)[64], const uint8_t (*now)[64], uint8_t rings, bool valid,
                       mled_msg_t *out) {
  uint32_t r, k, n = 0;
  if (rings > 4) rings = 4;
  for (r = 0; r < rings; r++) {
    uint32_t changes = 0, last = 0;
    bool uniform = true;
    mled_msg_t *m;
    for (k = 0; k < 64; k++) {
      if (!valid || shown[r][k] != now[r][k]) {
        changes++;
        last = k;
      }
      if (now[r][k] != now[r][0]) uniform = false;
    }
    if (!changes) continue;
    m = &out[n++];
    memset(m, 0, sizeof *m);
    m->x = (uint8_t)r;
    if (changes == 1 && valid) {
      m->kind = MLED_RING_SET;
      m->y = (uint8_t)last;
      m->v[0] = now[r][last];
    } else if (uniform) {
      m->kind = MLED_RING_ALL;
      m->v[0] = now[r][0];
    } else {
      m->kind = MLED_RING_MAP;
      memcpy(m->v, now[r], 64);
    }
    memcpy(shown[r], now[r], 64);
  }
  return n;
}

bool mled_is_grid(const mled_msg_t *m) { return m->kind <= MLED_MAP; }

/* On/off form of 8 levels: bit k for LED k. */
static int32_t mask8(const uint8_t *v, uint32_t stride) {
  int32_t mask = 0;
  uint32_t k;
  for (k = 0; k < 8; k++)
    if (v[k * stride] > 7) mask |= 1 << k;
  return mask;
}

lo_message mled_message(const mled_msg_t *m, bool level, char *path, uint32_t pathcap) {
  static const char *const names[] = {"set", "all", "row", "col", "map"};
  lo_message msg = lo_message_new();
  uint32_t k, count = 0;
  if (!msg) return NULL;
  if (mled_is_grid(m))
    snprintf(path, pathcap, "/grid/led/%s%s", level ? "level/" : "", names[m->kind]);
  else
    snprintf(path, pathcap, "/ring/%s", names[m->kind == MLED_RING_SET ? 0
                                              : m->kind == MLED_RING_ALL ? 1 : 4]);
  switch (m->kind) {
  case MLED_SET: case MLED_ROW: case MLED_COL: case MLED_MAP:
    lo_message_add_int32(msg, m->x);
    lo_message_add_int32(msg, m->y);
    break;
  case MLED_RING_SET:
    lo_message_add_int32(msg, m->x);
    lo_message_add_int32(msg, m->y);
    break;
  case MLED_RING_ALL: case MLED_RING_MAP:
    lo_message_add_int32(msg, m->x);
    break;
  default:
    break;
  }
  switch (m->kind) {
  case MLED_SET: case MLED_ALL: case MLED_RING_SET: case MLED_RING_ALL: count = 1; break;
  case MLED_ROW: case MLED_COL: count = 8; break;
  default: count = 64; break;
  }
  if (!level && mled_is_grid(m)) {
    if (count == 1)
      lo_message_add_int32(msg, m->v[0] > 7);
    else if (count == 8)
      lo_message_add_int32(msg, mask8(m->v, 1));
    else
      for (k = 0; k < 8; k++) lo_message_add_int32(msg, mask8(m->v + 8 * k, 1));
  } else {
    for (k = 0; k < count; k++) lo_message_add_int32(msg, m->v[k]);
  }
  return msg;
}
