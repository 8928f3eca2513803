/* SPDX-License-Identifier: MIT */
/* version.h: the version every program prints for --version: the project's version and the git
 * revision it was built from (a header configured at build time, lib/version_info.h.in). */
#ifndef ALEPH_LIB_VERSION_H
#define ALEPH_LIB_VERSION_H

/* "0.1.0 (git 0123456789ab)": the revision gets "-dirty" when the tree had uncommitted changes
 * and is "unknown" when the source was not a git checkout. Programs print "NAME " before it. */
const char *aleph_version(void);

#endif
