/* SPDX-License-Identifier: MIT */
/* scaler.c: bees' parameter scalers, per type: DSP value, text, inverse, increment (scaler.h).
 * Integer arithmetic only; signed shifts go through asr()/shl() so that they mean on every
 * compiler what they mean on the AVR32 (arithmetic right shift, two's complement wrap). */
#include "scaler.h"

#include "scaler_tables.h"
#include "strbuf.h"

static int32_t asr(int32_t v, uint32_t n) { return v >= 0 ? v >> n : ~(~v >> n); }
static int32_t shl(int32_t v, uint32_t n) { return (int32_t)((uint32_t)v << n); }
static io_t to_io(int32_t v) { return (io_t)(uint16_t)(uint32_t)v; } /* bees' s32 -> io_t */
static io_t sadd(io_t a, io_t b) { return op_sat((int32_t)a + (int32_t)b); }

static const int32_t *table_of(uint8_t type) {
  switch (type) {
  case SCALER_AMP: return scaler_table_amp;
  case SCALER_INTEGRATOR: return scaler_table_integrator;
  case SCALER_INTEGRATOR_SHORT: return scaler_table_integrator_short;
  case SCALER_NOTE: return scaler_table_note;
  case SCALER_SVF_FC: return scaler_table_svf_fc;
  default: return 0;
  }
}

/* ---- the linear types: fix (radix), short, fract ---- */

/* fix: the value as the top 16 bits of 32, shifted down to leave `radix` integer bits when
 * radix < 16 (bees' scaler_fix_val; the text is the same number as 16.16) */
static int32_t fix_value(const net_param_t *p, io_t in) {
  uint8_t r = (uint8_t)p->radix;
  int32_t norm = shl(in, 16);
  return r < 16 ? asr(norm, 16u - r) : norm;
}

static io_t fix_in(const net_param_t *p, int32_t v) {
  uint8_t r = (uint8_t)p->radix;
  if (r < 16) v = shl(v, 16u - r);
  return to_io(asr(v, 16));
}

static int32_t linear_value(const net_param_t *p, io_t in) {
  switch (p->type) {
  case SCALER_FIX: return fix_value(p, in);
  case SCALER_FRACT: return shl(in, 16);
  default: return in; /* short */
  }
}

static io_t linear_in(const net_param_t *p, int32_t v) {
  switch (p->type) {
  case SCALER_FIX: return fix_in(p, v);
  case SCALER_FRACT: return to_io(asr(v, 16));
  default: return to_io(v); /* short */
  }
}

/* ---- the table types ---- */

static uint16_t index_of(io_t in) {
  return in < 0 ? 0 : (uint16_t)((uint16_t)in >> SCALER_TABLE_SHIFT);
}

/* note: linear interpolation between the two entries around in, each pre-shifted by 5 (bees'
 * scaler_note_val; the top 32 values stay on the last entry) */
static int32_t note_value(io_t in) {
  const int32_t *t = scaler_table_note;
  const uint16_t mask = (1u << SCALER_TABLE_SHIFT) - 1u;
  uint16_t i1, i2;
  int32_t pan = (uint16_t)in & mask;
  if (in < 0) {
    i1 = i2 = 0;
    pan = 0;
  } else if (in >= (io_t)(0x7FFF & ~mask)) {
    i1 = i2 = 0x7FFF >> SCALER_TABLE_SHIFT;
  } else {
    i1 = (uint16_t)in >> SCALER_TABLE_SHIFT;
    i2 = (uint16_t)(i1 + 1u);
  }
  return asr(t[i2], SCALER_TABLE_SHIFT) * pan +
         asr(t[i1], SCALER_TABLE_SHIFT) * ((int32_t)(1u << SCALER_TABLE_SHIFT) - pan);
}

/* bees' binary search of an ascending table: the last midpoint looked at (so often one below
 * the closest entry, as bees' own comment says); amp and the integrators answer 0 for 0 first */
static io_t table_in(uint8_t type, int32_t x) {
  const int32_t *t = table_of(type);
  int32_t lo = 0, hi = (int32_t)SCALER_TABLE_SIZE - 1, mid = 0;
  if (x == 0 && type != SCALER_NOTE && type != SCALER_SVF_FC) return 0;
  while (hi - lo > 1) {
    mid = (hi + lo) >> 1;
    if (x >= t[mid])
      lo = mid;
    else
      hi = mid;
  }
  return (io_t)((uint16_t)mid << SCALER_TABLE_SHIFT);
}

/* ---- the interface ---- */

int32_t scaler_value(const net_param_t *p, io_t in) {
  switch (p->type) {
  case SCALER_BOOL: return in > 0;
  case SCALER_LABEL: return in;
  case SCALER_FIX:
  case SCALER_FRACT:
  case SCALER_SHORT: return linear_value(p, in);
  case SCALER_NOTE: return note_value(in);
  case SCALER_AMP:
  case SCALER_INTEGRATOR:
  case SCALER_INTEGRATOR_SHORT:
  case SCALER_SVF_FC: return table_of(p->type)[index_of(in)];
  default: return 0;
  }
}

io_t scaler_in(const net_param_t *p, int32_t value) {
  switch (p->type) {
  case SCALER_BOOL: return value > 0;
  case SCALER_LABEL: { /* clamped to the descriptor's range */
    int32_t lo = to_io(p->min), hi = to_io(p->max);
    return to_io(value < lo ? lo : value > hi ? hi : value);
  }
  case SCALER_FIX:
  case SCALER_FRACT:
  case SCALER_SHORT: return linear_in(p, value);
  case SCALER_NOTE:
  case SCALER_AMP:
  case SCALER_INTEGRATOR:
  case SCALER_INTEGRATOR_SHORT:
  case SCALER_SVF_FC: return table_in(p->type, value);
  default: return 0;
  }
}

io_t scaler_increment(const net_param_t *p, io_t in, io_t inc, int32_t *value) {
  io_t v = in;
  int32_t out;
  switch (p->type) {
  case SCALER_BOOL:
    v = inc > 0;
    break;
  case SCALER_LABEL: {
    io_t lo = to_io(p->min), hi = to_io(p->max);
    v = sadd(in, inc);
    if (v < lo) v = lo;
    if (v > hi) v = hi;
    break;
  }
  case SCALER_FIX:
  case SCALER_FRACT:
  case SCALER_SHORT:
    /* bounded by the descriptor: past max (min) the value becomes the 16-bit value bees computes
     * for max (min), whatever that is (a radix that overflows gives a wrapped one, as in bees) */
    v = sadd(in, inc);
    out = linear_value(p, v);
    if (out > p->max) {
      v = linear_in(p, p->max);
      if (value) *value = p->max;
      return v;
    }
    if (out < p->min) {
      v = linear_in(p, p->min);
      if (value) *value = p->min;
      return v;
    }
    break;
  case SCALER_NOTE:
  case SCALER_AMP:
  case SCALER_INTEGRATOR:
  case SCALER_INTEGRATOR_SHORT:
  case SCALER_SVF_FC:
    v = sadd(in, inc);
    if (v < 0) v = 0;
    if (v > SCALER_TABLE_IN_MAX) v = SCALER_TABLE_IN_MAX;
    break;
  default:
    if (value) *value = 0;
    return in;
  }
  if (value) *value = scaler_value(p, v);
  return v;
}

/* bees' itoa_whole for 0..65535: right-justified in 5 places */
static void whole_digits(char out[5], uint32_t v) {
  int i;
  for (i = 4; i >= 0; i--) {
    out[i] = (v > 0 || i == 4) ? (char)('0' + v % 10u) : ' ';
    v /= 10u;
  }
}

/* bees' itoa_fract: 5 digits of v / 65536 by its approximate place values, each at most 9 */
static void fract_digits(char out[5], uint32_t v) {
  static const uint32_t places[5] = {6553, 655, 65, 7, 1};
  int i;
  for (i = 0; i < 5; i++) {
    uint32_t a = v / places[i];
    if (a > 9) a = 9;
    v -= places[i] * a;
    out[i] = (char)('0' + a);
  }
}

void scaler_print_fix16(char out[13], int32_t x) {
  uint32_t u = (uint32_t)x;
  int i;
  out[0] = ' ';
  if (!(u & 0x80000000u)) {
    whole_digits(out + 1, u >> 16);
    fract_digits(out + 7, u & 0xFFFFu);
  } else {
    /* bees complements both halves (no +1), then puts '-' in the last blank before the digits
     * (or in front when the digits fill places 2..5) */
    whole_digits(out + 1, ~(u >> 16) & 0xFFFFu);
    fract_digits(out + 7, ~u & 0xFFFFu);
    for (i = 4; i > 0; i--) {
      if (out[1 + i] == ' ') {
        out[1 + i] = '-';
        break;
      }
      if (i == 1) out[0] = '-';
    }
  }
  out[6] = '.';
  out[12] = '\0';
}

void scaler_text(const net_param_t *p, io_t in, char out[SCALER_TEXT_CAP]) {
  io_t c = in < 0 ? 0 : in;
  switch (p->type) {
  case SCALER_BOOL: scaler_print_fix16(out, in > 0 ? 0x10000 : 0); break;
  case SCALER_FIX: scaler_print_fix16(out, fix_value(p, in)); break;
  case SCALER_FRACT: scaler_print_fix16(out, in); break;
  case SCALER_SHORT:
  case SCALER_LABEL: scaler_print_fix16(out, shl(in, 16)); break;
  case SCALER_NOTE:
  case SCALER_SVF_FC: scaler_print_fix16(out, note_value(in)); break;
  case SCALER_INTEGRATOR:
  case SCALER_INTEGRATOR_SHORT:
    /* fix16_mul(in << 1, 0x400000) = in * 2^23 / 2^16 exactly: in / 512 seconds */
    scaler_print_fix16(out, (int32_t)c * 128);
    break;
  case SCALER_AMP: {
    uint16_t i = index_of(c);
    if (i == 0)
      str_copy(out, "   -inf", SCALER_TEXT_CAP);
    else
      scaler_print_fix16(out, i == SCALER_TABLE_SIZE - 1u ? 0 : scaler_table_amp_db[i]);
    break;
  }
  default: out[0] = '\0'; break;
  }
}
