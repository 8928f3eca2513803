/* SPDX-License-Identifier: MIT */
/* version.c: the version string of lib/version.h, from the configured version_info.h. */
#include "version.h"

#include "version_info.h"

const char *aleph_version(void) { return ALEPH_VERSION " (git " ALEPH_GIT_REVISION ")"; }
