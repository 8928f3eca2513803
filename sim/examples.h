/* SPDX-License-Identifier: MIT */
/* examples.h: where an installed aleph-sim finds its example scenes: beside the program
 * (BINDIR/../share/aleph-sim/scenes, so an unpacked or moved install finds its own), else under
 * the prefix it was configured for. Never the source tree. */
#ifndef ALEPH_SIM_EXAMPLES_H
#define ALEPH_SIM_EXAMPLES_H

#include <stdbool.h>
#include <stddef.h>

/* The example scenes' folder into out[cap]; false (out "") when neither place has one, as for a
 * program run from its build tree. */
bool examples_dir(char *out, size_t cap);
/* A scene argument that names no file: NAME, else NAME.scn, in the examples' folder, into
 * out[cap]. false (out untouched) when name names a file, has a '/', or is not an example. */
bool examples_find(const char *name, char *out, size_t cap);

#endif
