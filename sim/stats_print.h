/* SPDX-License-Identifier: MIT */
/* stats_print.h: the --stats report at exit: arena carving, both pools' levels and counters,
 * net figures and the engine's event counts, as deterministic text (no wall-clock figures). */
#ifndef ALEPH_SIM_STATS_PRINT_H
#define ALEPH_SIM_STATS_PRINT_H

#include <stdio.h>

#include "engine.h"

void stats_print(FILE *to, const engine_t *e);

#endif
