/* SPDX-License-Identifier: MIT */
/* services.h: what ops reach outside the net through (DSP, MIDI, serial, monome devices, HID).
 * The platform or simulator fills it in; with none set, ops behave as bees does with nothing
 * plugged in. Owns only the interface. */
#ifndef ALEPH_SERVICES_H
#define ALEPH_SERVICES_H

#include <stdint.h>

#include "op.h"

typedef struct net_services {
  void *ctx;
  /* a DSP parameter's value changed (bees sends it to the Blackfin) */
  void (*param_changed)(void *ctx, uint16_t idx, io_t value);
  /* send a 3-byte MIDI message on a USB-MIDI cable */
  void (*midi_send)(void *ctx, uint8_t cable, uint8_t status, uint8_t data1, uint8_t data2);
  /* bees' serial host protocol: an op's (addr, data) message */
  void (*serial_send)(void *ctx, io_t addr, io_t data);
} net_services_t;

/* Installs services (NULL: none). The struct must outlive the net's use of it. */
void net_set_services(net_t *net, const net_services_t *services);
const net_services_t *net_services(const net_t *net);

#endif
