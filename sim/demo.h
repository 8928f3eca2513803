/* SPDX-License-Identifier: MIT */
/* demo.h: the network aleph-sim runs when no scene is given: the system ops plus a counter
 * clocked by the CV-IN poll, two encoder-driven chains and switch-driven params. */
#ifndef ALEPH_SIM_DEMO_H
#define ALEPH_SIM_DEMO_H

#include "net.h"

/* Replaces the net's contents with the demo. Returns NET_OK or the first failure. */
net_status_t demo_build(net_t *net);

#endif
