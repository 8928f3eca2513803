/* SPDX-License-Identifier: MIT */
/* net_devices.h: the simulated hardware a net's ops can reach, attached by whoever runs the net
 * (the simulator, a test, the firmware): the screen framebuffer graphics ops draw into, the
 * monome grid/arc state, the MIDI and HID input hubs. Each is defined by its own module
 * (screen.h, monome.h, midi.h, hid.h); unattached, ops behave as bees does with nothing plugged
 * in. The net does not own them. */
#ifndef ALEPH_NET_DEVICES_H
#define ALEPH_NET_DEVICES_H

#include "net.h"

struct screen;
struct monome;
struct midi_hub;
struct hid_hub;

void net_attach_screen(net_t *net, struct screen *screen);
struct screen *net_screen(const net_t *net);
void net_attach_monome(net_t *net, struct monome *monome);
struct monome *net_monome(const net_t *net);
void net_attach_midi(net_t *net, struct midi_hub *midi);
struct midi_hub *net_midi(const net_t *net);
void net_attach_hid(net_t *net, struct hid_hub *hid);
struct hid_hub *net_hid(const net_t *net);

#endif
