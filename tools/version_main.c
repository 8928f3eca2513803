/* SPDX-License-Identifier: MIT */
/* version_main.c: --version for a tool whose argument parser does not know it yet: aleph-profile,
 * being rewritten under issue 21 (its --version then belongs in its own parser, and this file
 * goes). Answers --version, anywhere on the command line, and hands every other command line to
 * the tool's main, compiled as tool_main (tools/CMakeLists.txt). */
#include <stdio.h>
#include <string.h>

#include "version.h"

int tool_main(int argc, char **argv);

int main(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--version")) {
      printf("%s %s\n", TOOL_NAME, aleph_version());
      if (fflush(stdout) != 0 || ferror(stdout)) {
        perror(TOOL_NAME ": standard output");
        return 1;
      }
      return 0;
    }
  }
  return tool_main(argc, argv);
}
