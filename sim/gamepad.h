/* SPDX-License-Identifier: MIT */
/* gamepad.h: game controllers (through SDL2) as the USB gamepad bees' HID op reads. The first
 * controller plugged in is opened (another when it is unplugged); each change of its sticks,
 * triggers or buttons becomes HID events, and the HID ops read the 8-byte report below from
 * the HID frame as they read a gamepad's report on the Aleph:
 *
 *   byte 0..3  left stick X, Y, right stick X, Y: signed bytes, -128..127, centre 0 (right and
 *              down positive)
 *   byte 4, 5  left and right trigger, 0..127
 *   byte 6     buttons: bit 0 A, 1 B, 2 X, 3 Y, 4 left shoulder, 5 right shoulder, 6 back,
 *              7 start
 *   byte 7     bit 0 left stick press, 1 right stick press, 2 guide, 3 d-pad up, 4 down,
 *              5 left, 6 right
 *
 * (a HID op with BYTE 6 and SIZE 0 gives the first eight buttons as one value; SIZE 1 reads a
 * 16-bit word of bytes BYTE and BYTE+1). Simulation thread only. */
#ifndef ALEPH_SIM_GAMEPAD_H
#define ALEPH_SIM_GAMEPAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define GAMEPAD_REPORT_BYTES 8u
#define GAMEPAD_AXES 6u     /* SDL's order: left X, left Y, right X, right Y, triggers L, R */
#define GAMEPAD_BUTTONS 15u /* SDL's order: A B X Y back guide start lstick rstick lshoulder
                               rshoulder up down left right */

typedef struct {
  int16_t axis[GAMEPAD_AXES]; /* -32768..32767 (triggers 0..32767) */
  uint32_t buttons;           /* bit k: SDL button k down */
} gamepad_state_t;

/* The report for a controller's state. */
void gamepad_report(const gamepad_state_t *s, uint8_t out[GAMEPAD_REPORT_BYTES]);
/* The HID events that take the frame from `shown` to `now` (bytes that differ; the last one
 * carries SIM_HID_LAST, which dispatches the frame), stamped t. Returns how many (0..8). */
uint32_t gamepad_events(const uint8_t *shown, const uint8_t *now, uint32_t t,
                        sim_event_t out[GAMEPAD_REPORT_BYTES]);

typedef struct gamepads gamepads_t;
/* Starts SDL's game controller support. NULL with a sentence in err. */
gamepads_t *gamepads_open(engine_t *e, char *err, size_t errlen);
/* Opens a controller if none is open (checked every second), reads the open one and pushes the
 * HID events of what changed; a controller unplugged is closed. */
void gamepads_pump(gamepads_t *g);
void gamepads_close(gamepads_t *g);
bool gamepads_connected(const gamepads_t *g);

#endif
