/* SPDX-License-Identifier: MIT */
/* scaler_tables.h: the lookup tables of bees' table scalers, as bees' SD card holds them
 * (/data/bees/scalers/, NAME.dat) but computed at build time from the formulas that made
 * those files (bees' utils/param_scaling/, NAME.scd) by tools/scaler_tables_gen.c, which
 * writes their definitions (scaler_tables.c in the build's generated folder). Read by
 * core/scaler.c only. */
#ifndef ALEPH_SCALER_TABLES_H
#define ALEPH_SCALER_TABLES_H

#include <stdint.h>

/* amp: 1.31 amplitude, 0 at index 0, -60 dB at 1 rising by 60/1022 dB per index to 1.0 (0x7fffffff)
 * at 1023, made linear from 0 up to the first index where the step exceeds 1/4096 */
extern const int32_t scaler_table_amp[1024];
/* amp's display: -dB in 16.16, one's-complement negated as bees' table has it (index 0 unused) */
extern const int32_t scaler_table_amp_db[1024];
/* integrator: coefficient exp(ln(0.01) / (t * 48000)) in 1.31 for t from 0 to 64 s on an
 * exponential curve (t = 64 * (1000^(i/1023) - 1) / 999) */
extern const int32_t scaler_table_integrator[1024];
/* integrator_short: the same for t from 0 to the time whose coefficient is 0x7fff/0x8000 */
extern const int32_t scaler_table_integrator_short[1024];
/* note: 16.16 Hz, 128 equal-tempered semitones of 8 microtones from MIDI note 0 (~8.18 Hz) */
extern const int32_t scaler_table_note[1024];
/* svf_fc: the SVF coefficient 2 sin(pi * min(1/4, f / 96000)) in 1.31 for the note table's f */
extern const int32_t scaler_table_svf_fc[1024];

#endif
