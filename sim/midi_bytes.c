/* SPDX-License-Identifier: MIT */
/* midi_bytes.c: MIDI messages between a port's bytes and (status, data1, data2). */
#include "midi_bytes.h"

uint32_t midi_bytes_length(uint8_t status) {
  if (status < 0x80) return 0;
  switch (status & 0xF0) {
  case 0xC0: case 0xD0: return 2; /* program change, channel pressure */
  case 0xF0: break;
  default: return 3;              /* notes, poly pressure, control change, pitch bend */
  }
  switch (status) {
  case 0xF1: case 0xF3: return 2; /* time code quarter frame, song select */
  case 0xF2: return 3;            /* song position */
  case 0xF6: case 0xF8: case 0xFA: case 0xFB: case 0xFC: case 0xFE: case 0xFF: return 1;
  default: return 0;              /* SysEx and the undefined ones */
  }
}

bool midi_bytes_parse(const uint8_t *bytes, size_t n, uint8_t *status, uint8_t *data1,
                      uint8_t *data2) {
  uint32_t len, k;
  if (!bytes || n == 0) return false;
  len = midi_bytes_length(bytes[0]);
  if (len == 0 || n != len) return false;
  for (k = 1; k < len; k++)
    if (bytes[k] >= 0x80) return false;
  *status = bytes[0];
  *data1 = len > 1 ? bytes[1] : 0;
  *data2 = len > 2 ? bytes[2] : 0;
  return true;
}

uint32_t midi_bytes_make(uint8_t status, uint8_t data1, uint8_t data2, uint8_t out[3]) {
  uint32_t len = midi_bytes_length(status);
  out[0] = status;
  out[1] = (uint8_t)(data1 & 0x7F);
  out[2] = (uint8_t)(data2 & 0x7F);
  return len;
}
