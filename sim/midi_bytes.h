/* SPDX-License-Identifier: MIT */
/* midi_bytes.h: MIDI messages as a port carries them (1 to 3 bytes, status first) and as the
 * simulation carries them (status, data1, data2: the MIDI hub's and the ops' form, and the
 * SIM_EV_MIDI event's). SysEx and undefined status bytes have no place in bees and are refused. */
#ifndef ALEPH_SIM_MIDI_BYTES_H
#define ALEPH_SIM_MIDI_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of a message with this status byte (1, 2 or 3), or 0 for a data byte, SysEx (0xF0,
 * 0xF7) and the undefined 0xF4, 0xF5, 0xF9, 0xFD. */
uint32_t midi_bytes_length(uint8_t status);
/* A port's message as (status, data1, data2), missing data bytes 0. false if it is not one
 * whole message of a known kind (length, data bytes under 0x80). */
bool midi_bytes_parse(const uint8_t *bytes, size_t n, uint8_t *status, uint8_t *data1,
                      uint8_t *data2);
/* The bytes to send for (status, data1, data2): as many as the status takes (0 if none). */
uint32_t midi_bytes_make(uint8_t status, uint8_t data1, uint8_t data2, uint8_t out[3]);

#endif
