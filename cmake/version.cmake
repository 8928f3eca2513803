# SPDX-License-Identifier: MIT
# aleph-sim's version number, written once: the top-level project and fuzz/ both include this.
set(ALEPH_VERSION 0.1.0)
# The git revision --version prints: found at every build (cmake/git-revision.cmake); a build
# from a tarball without .git may name it (-DALEPH_GIT_REVISION=...), else it says "unknown".
set(ALEPH_GIT_REVISION "" CACHE STRING "Git revision to report when the source is not a git checkout")
