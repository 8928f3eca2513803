/* SPDX-License-Identifier: MIT */
/* monome.c: the simulated monome device: connection, grid/arc focus, event delivery to the
 * focused op, LED buffers and dirty flags (see monome.h). */
#include "monome.h"

#include "bytes.h"

static const uint8_t all_quadrants = 0x0Fu;

void monome_init(struct monome *m) {
  if (!m) return;
  bytes_fill(m, 0, (uint32_t)sizeof *m);
  m->plugged = 0;
  m->grid_focus = 0;
  m->arc_focus = 0;
}

monome_status_t monome_connect(struct monome *m, monome_kind_t kind, uint8_t cols, uint8_t rows) {
  if (!m) return MONOME_ERR_NULL_ARG;
  switch (kind) {
  case MONOME_NONE:
    m->cols = m->rows = m->rings = 0;
    m->plugged = 0;
    break;
  case MONOME_GRID:
    if (cols == 0) {
      m->cols = m->rows = 0;
      m->plugged &= (uint8_t)~MONOME_GRID;
      break;
    }
    if (!((cols == 8 && rows == 8) || (cols == 16 && rows == 8) || (cols == 16 && rows == 16)))
      return MONOME_ERR_BAD_DEVICE;
    m->cols = cols;
    m->rows = rows;
    m->vari = true;
    m->plugged |= MONOME_GRID;
    break;
  case MONOME_ARC:
    if (cols == 0) {
      m->rings = 0;
      m->plugged &= (uint8_t)~MONOME_ARC;
      break;
    }
    if (cols != 2 && cols != 4) return MONOME_ERR_BAD_DEVICE;
    m->rings = cols;
    m->plugged |= MONOME_ARC;
    break;
  default:
    return MONOME_ERR_BAD_DEVICE;
  }
  m->grid_dirty = all_quadrants;
  m->arc_dirty = 0x0Fu;
  return MONOME_OK;
}

bool monome_has_grid(const struct monome *m) { return m && (m->plugged & MONOME_GRID); }
bool monome_has_arc(const struct monome *m) { return m && (m->plugged & MONOME_ARC); }

void monome_set_vari(struct monome *m, bool vari) {
  if (!m) return;
  m->vari = vari;
  m->grid_dirty = all_quadrants;
}

void monome_set_recalling(struct monome *m, bool recalling) {
  if (m) m->recalling = recalling;
}

monome_status_t monome_grid_key(net_t *net, uint8_t x, uint8_t y, uint8_t z) {
  struct monome *m = net_monome(net);
  monome_client_t *c;
  if (!m) return MONOME_ERR_NULL_ARG;
  if (!(m->plugged & MONOME_GRID)) {
    m->dropped++;
    return MONOME_ERR_NO_DEVICE;
  }
  if (x >= m->cols || y >= m->rows) {
    m->dropped++;
    return MONOME_ERR_RANGE;
  }
  c = m->grid_focus;
  if (!c || !c->key) {
    m->dropped++;
    return MONOME_ERR_NO_FOCUS;
  }
  m->events++;
  net_event_begin(net);
  c->key(c->op, x, y, z ? 1u : 0u);
  net_event_end(net);
  return MONOME_OK;
}

monome_status_t monome_arc_delta(net_t *net, uint8_t ring, int8_t delta) {
  struct monome *m = net_monome(net);
  monome_client_t *c;
  if (!m) return MONOME_ERR_NULL_ARG;
  if (!(m->plugged & MONOME_ARC)) {
    m->dropped++;
    return MONOME_ERR_NO_DEVICE;
  }
  if (ring >= m->rings) {
    m->dropped++;
    return MONOME_ERR_RANGE;
  }
  c = m->arc_focus;
  if (!c || !c->ring) {
    m->dropped++;
    return MONOME_ERR_NO_FOCUS;
  }
  m->events++;
  net_event_begin(net);
  c->ring(c->op, ring, delta);
  net_event_end(net);
  return MONOME_OK;
}

const uint8_t *monome_grid_leds(const struct monome *m) {
  if (!m) return 0;
  if (m->grid_focus && m->grid_focus->leds) return m->grid_focus->leds;
  return m->grid_default;
}

uint8_t monome_grid_level(const struct monome *m, uint8_t x, uint8_t y) {
  if (!m || x >= MONOME_GRID_MAX || y >= MONOME_GRID_MAX) return 0;
  return monome_grid_leds(m)[monome_xy(x, y)];
}

uint8_t monome_arc_level(const struct monome *m, uint8_t ring, uint8_t led) {
  if (!m || ring >= MONOME_ARC_RINGS || led >= MONOME_ARC_RING_LEDS) return 0;
  return m->arc[ring][led];
}

uint8_t monome_grid_dirty(const struct monome *m) { return m ? m->grid_dirty : 0; }
uint8_t monome_arc_dirty(const struct monome *m) { return m ? m->arc_dirty : 0; }

uint8_t monome_take_grid_dirty(struct monome *m) {
  uint8_t d;
  if (!m) return 0;
  d = m->grid_dirty;
  m->grid_dirty = 0;
  return d;
}

uint8_t monome_take_arc_dirty(struct monome *m) {
  uint8_t d;
  if (!m) return 0;
  d = m->arc_dirty;
  m->arc_dirty = 0;
  return d;
}

op_t *monome_grid_focus_op(const struct monome *m) {
  return (m && m->grid_focus) ? m->grid_focus->op : 0;
}
op_t *monome_arc_focus_op(const struct monome *m) {
  return (m && m->arc_focus) ? m->arc_focus->op : 0;
}

const char *monome_strerror(monome_status_t st) {
  switch (st) {
  case MONOME_OK: return "ok";
  case MONOME_ERR_NULL_ARG: return "no net, or no monome device state attached to it";
  case MONOME_ERR_BAD_DEVICE:
    return "no such monome device: grids are 8x8, 16x8 or 16x16, arcs have 2 or 4 rings";
  case MONOME_ERR_NO_DEVICE: return "no monome device of that kind is connected";
  case MONOME_ERR_RANGE: return "key or ring is outside the connected device";
  case MONOME_ERR_NO_FOCUS: return "no operator holds focus; the event was dropped";
  }
  return "unknown monome status";
}

/* ---- op side ---- */

void monome_client_init(monome_client_t *c, op_t *op, uint8_t focus_in, uint8_t *leds,
                        monome_key_fn key, monome_ring_fn ring) {
  c->op = op;
  c->key = key;
  c->ring = ring;
  c->leds = leds;
  c->focus_in = focus_in;
}

static monome_client_t **slot_of(struct monome *m, const monome_client_t *c) {
  return c->ring ? &m->arc_focus : &m->grid_focus;
}

static void mark_focus_change(struct monome *m, const monome_client_t *c) {
  if (c->ring)
    m->arc_dirty = 0x0Fu;
  else
    m->grid_dirty = all_quadrants;
}

void monome_focus(monome_client_t *c, bool on) {
  struct monome *m;
  monome_client_t **slot;
  if (!c || !c->op) return;
  c->op->in[c->focus_in] = on ? 1 : 0;
  m = net_monome(c->op->net);
  if (!m) return;
  slot = slot_of(m, c);
  if (on) {
    if (*slot && *slot != c) (*slot)->op->in[(*slot)->focus_in] = 0; /* focus stolen */
    if (*slot != c) mark_focus_change(m, c);
    *slot = c;
  } else if (*slot == c) {
    *slot = 0;
    mark_focus_change(m, c);
  }
}

void monome_focus_at_init(monome_client_t *c) {
  struct monome *m = net_monome(c->op->net);
  if (m && m->recalling) return;
  monome_focus(c, true);
}

void monome_release(monome_client_t *c) {
  struct monome *m;
  monome_client_t **slot;
  if (!c || !c->op) return;
  m = net_monome(c->op->net);
  if (!m) return;
  slot = slot_of(m, c);
  if (*slot == c) {
    *slot = 0;
    mark_focus_change(m, c);
  }
}

bool monome_has_focus(const monome_client_t *c) {
  struct monome *m;
  if (!c || !c->op) return false;
  m = net_monome(c->op->net);
  if (!m) return false;
  return (c->ring ? m->arc_focus : m->grid_focus) == c;
}

void monome_mark_xy(const monome_client_t *c, uint8_t x, uint8_t y) {
  struct monome *m;
  if (!monome_has_focus(c)) return;
  m = net_monome(c->op->net);
  m->grid_dirty |= (uint8_t)(1u << (((x & 15u) > 7u ? 1u : 0u) + ((y & 15u) > 7u ? 2u : 0u)));
}

void monome_mark_quadrant(const monome_client_t *c, uint8_t q) {
  struct monome *m;
  if (q > 3 || !monome_has_focus(c)) return;
  m = net_monome(c->op->net);
  m->grid_dirty |= (uint8_t)(1u << q);
}

void monome_arc_set(const net_t *net, uint8_t ring, uint8_t led, uint8_t level) {
  struct monome *m = net_monome(net);
  if (!m || ring >= MONOME_ARC_RINGS || led >= MONOME_ARC_RING_LEDS) return;
  m->arc[ring][led] = level;
  m->arc_dirty |= (uint8_t)(1u << ring);
}

uint8_t monome_grid_cols(const net_t *net) {
  const struct monome *m = net_monome(net);
  return (monome_has_grid(m)) ? m->cols : 0;
}

uint8_t monome_grid_rows(const net_t *net) {
  const struct monome *m = net_monome(net);
  return (monome_has_grid(m)) ? m->rows : 0;
}

bool monome_is_vari(const net_t *net) {
  const struct monome *m = net_monome(net);
  return monome_has_grid(m) && m->vari;
}
