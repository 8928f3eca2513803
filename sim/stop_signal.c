/* SPDX-License-Identifier: MIT */
/* stop_signal.c: a flag the stop signals set and the loops poll (stop_signal.h). */
#define _POSIX_C_SOURCE 200809L
#include "stop_signal.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t which;

static void on_signal(int sig) { which = sig; }

void stop_signal_install(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction sa;
  size_t i;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}

bool stop_signal_requested(void) { return which != 0; }

int stop_signal_which(void) { return (int)which; }
