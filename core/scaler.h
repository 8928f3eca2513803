/* SPDX-License-Identifier: MIT */
/* scaler.h: bees' parameter scalers (apps/bees/src/scalers/, 0.8.1): for each parameter type, the
 * 16-bit value the net gives a DSP parameter -> the 32-bit value the module receives (its DSP
 * unit), the text bees shows for it, the way back (DSP value -> 16-bit) and the editor's
 * increment. Fixed point only; the lookup tables bees loads from its SD card are computed from
 * their defining formulas at build time (tools/scaler_tables_gen.c, core/scaler_tables.h). */
#ifndef ALEPH_SCALER_H
#define ALEPH_SCALER_H

#include <stdint.h>

#include "net.h"
#include "op.h"

/* bees' ParamType (common/param_common.h), the type byte scenes store with each param. */
typedef enum {
  SCALER_BOOL = 0,         /* 0/1 */
  SCALER_FIX,              /* 16.16-style linear, shifted by the descriptor's radix */
  SCALER_AMP,              /* amplitude 1.31 from a -60..0 dB table; shown in dB */
  SCALER_INTEGRATOR,       /* 1-pole integrator coefficient (1.31) for a 0..64 s time */
  SCALER_NOTE,             /* frequency 16.16 Hz, 128 semitones x 8 microtones, interpolated */
  SCALER_SVF_FC,           /* state-variable filter cutoff coefficient (1.31); shown in Hz */
  SCALER_FRACT,            /* signed fract32, the 16 bits as its top half */
  SCALER_SHORT,            /* 16-bit integer, as it is */
  SCALER_INTEGRATOR_SHORT, /* integrator coefficient for a 0..3.14 s time (1.15-limited) */
  SCALER_LABEL,            /* an index into the module's labels (patch matrices) */
  SCALER_TYPES
} scaler_type_t;

/* Table scalers index their table with the value's top 10 bits (value >> 5). */
#define SCALER_TABLE_SIZE 1024u
#define SCALER_TABLE_SHIFT 5u
#define SCALER_TABLE_IN_MAX ((io_t)((SCALER_TABLE_SIZE - 1u) << SCALER_TABLE_SHIFT)) /* 32736 */

/* Room for any text: bees' print_fix16 writes 12 characters (sign, 5 digits, '.', 5 digits). */
#define SCALER_TEXT_CAP 16u

/* The DSP value bees sends for 16-bit value in (scaler_get_value). Types bees does not know
 * (> SCALER_LABEL) give 0, as bees' empty function slot does. O(1). */
int32_t scaler_value(const net_param_t *p, io_t in);
/* The text bees shows for in (scaler_get_str), NUL-terminated in out. Numbers are print_fix16's
 * 12 characters, quirks included: a negative 16.16 number shows its one's complement digits
 * (-1.0 shows "    -0.99999"); the amp scaler shows "   -inf" at the bottom of its table and
 * " 0.00000"-style dB otherwise; the integrators show in / 512 seconds (bees' shortcut, not the
 * table's time); svf_fc shows the note table's Hz for the same value. A label param shows its
 * index (bees shows the module's label file's text, which none of the simulated modules has). */
void scaler_text(const net_param_t *p, io_t in, char out[SCALER_TEXT_CAP]);
/* The 16-bit value bees finds for a DSP value (scaler_get_in): exact inverses for the linear
 * types, bees' binary search (with its off-by-one) for the table types. */
io_t scaler_in(const net_param_t *p, int32_t value);
/* bees' scaler_inc (the editor's knob on a param): in + inc saturated, kept within the type's
 * input range (bool: inc > 0); returns the new 16-bit value and puts its DSP value in *value
 * (may be NULL). */
io_t scaler_increment(const net_param_t *p, io_t in, io_t inc, int32_t *value);
/* bees' print_fix16: x as 16.16 in exactly 12 characters plus NUL. */
void scaler_print_fix16(char out[13], int32_t x);

#endif
