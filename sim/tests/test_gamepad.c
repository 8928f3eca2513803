/* SPDX-License-Identifier: MIT */
/* test_gamepad.c: a game controller's state as the gamepad report the HID ops read; the events
 * of what changed; a report through the engine to a HID op; and, where SDL can make a virtual
 * controller (SDL 2.24 and later), the whole path from SDL's controller to the HID op. */
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "../../tests/check.h"
#include "engine.h"
#include "gamepad.h"

static void test_report(void) {
  gamepad_state_t s;
  uint8_t r[GAMEPAD_REPORT_BYTES];
  memset(&s, 0, sizeof s);
  gamepad_report(&s, r);
  CHECK_EQ_INT(r[0], 0); /* centred sticks read 0 */
  CHECK_EQ_INT(r[6], 0);
  s.axis[0] = -32768; /* left stick fully left: -128 */
  s.axis[1] = 32767;  /* down: 127 */
  s.axis[3] = 256;
  s.axis[4] = 32767;  /* left trigger pressed */
  s.buttons = 1u << 0 | 1u << 6 | 1u << 10 | 1u << 14; /* A, start, right shoulder, right */
  gamepad_report(&s, r);
  CHECK_EQ_INT((int8_t)r[0], -128);
  CHECK_EQ_INT((int8_t)r[1], 127);
  CHECK_EQ_INT(r[3], 1);
  CHECK_EQ_INT(r[4], 127);
  CHECK_EQ_INT(r[5], 0);
  CHECK_EQ_INT(r[6], 0x01 | 0x80 | 0x20);
  CHECK_EQ_INT(r[7], 0x40);
  s.buttons = 1u << 5 | 1u << 11; /* guide, up */
  gamepad_report(&s, r);
  CHECK_EQ_INT(r[6], 0);
  CHECK_EQ_INT(r[7], 0x04 | 0x08);
}

static void test_events(void) {
  uint8_t a[GAMEPAD_REPORT_BYTES] = {0}, b[GAMEPAD_REPORT_BYTES] = {0};
  sim_event_t ev[GAMEPAD_REPORT_BYTES];
  CHECK_EQ_INT(gamepad_events(a, b, 5, ev), 0);
  b[1] = 200;
  b[6] = 1;
  CHECK_EQ_INT(gamepad_events(a, b, 5, ev), 2);
  CHECK(ev[0].kind == SIM_EV_HID && ev[0].index == 1 && ev[0].value == 200 && ev[0].t == 5);
  CHECK(ev[1].index == (6 | SIM_HID_LAST) && ev[1].value == 1);
  CHECK(sim_event_valid(&ev[0]) && sim_event_valid(&ev[1]));
  ev[0].index = 32;
  CHECK(!sim_event_valid(&ev[0]));
}

static engine_t *E;
static uint16_t sink_in; /* the input the HID op's VAL goes to */

/* The demo with a HID op reading byte 6 (SIZE 0) into an ADD op's A. */
static void start(void) {
  char err[256];
  net_t *net;
  uint16_t hid, add;
  E = calloc(1, sizeof *E);
  CHECK(engine_init(E, 8u << 20, true, err, sizeof err));
  CHECK(engine_load_demo(E, err, sizeof err));
  net = engine_net(E);
  CHECK_EQ_INT(net_add_op(net, OP_HID, NET_NONE, &hid), NET_OK);
  CHECK_EQ_INT(net_add_op(net, OP_ADD, NET_NONE, &add), NET_OK);
  CHECK_EQ_INT(net_activate(net, net_op(net, hid)->first_in + 0, 6), NET_OK);
  CHECK_EQ_INT(net_activate(net, net_op(net, hid)->first_in + 1, 0), NET_OK);
  sink_in = net_op(net, add)->first_in;
  CHECK_EQ_INT(net_connect(net, net_op(net, hid)->first_out, sink_in), NET_OK);
}

static void stop(void) {
  engine_free(E);
  free(E);
}

static void test_through_the_engine(void) {
  uint8_t a[GAMEPAD_REPORT_BYTES] = {0}, b[GAMEPAD_REPORT_BYTES] = {0};
  sim_event_t ev[GAMEPAD_REPORT_BYTES];
  uint32_t n, k;
  start();
  b[0] = 12;
  b[6] = 0x05; /* A and X */
  n = gamepad_events(a, b, 0, ev);
  for (k = 0; k < n; k++) CHECK(engine_push(E, &ev[k]));
  engine_tick(E, 1);
  CHECK_EQ_INT(net_get_value(engine_net(E), sink_in), 5);
  CHECK_EQ_INT(E->hid.frames, 1); /* one report, one frame */
  stop();
}

/* SDL's virtual controller: a button press reaches the HID op through gamepads_pump. */
static void test_virtual_controller(void) {
#if SDL_VERSION_ATLEAST(2, 24, 0)
  SDL_VirtualJoystickDesc desc;
  SDL_Joystick *joy;
  gamepads_t *g;
  char err[256];
  int dev, k;
  uint32_t t = 0;
  SDL_SetHint(SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, "1");
  start();
  g = gamepads_open(E, err, sizeof err);
  CHECK(g != NULL);
  if (!g) {
    stop();
    return;
  }
  memset(&desc, 0, sizeof desc);
  desc.version = SDL_VIRTUAL_JOYSTICK_DESC_VERSION;
  desc.type = SDL_JOYSTICK_TYPE_GAMECONTROLLER;
  desc.naxes = SDL_CONTROLLER_AXIS_MAX;
  desc.nbuttons = SDL_CONTROLLER_BUTTON_MAX;
  desc.name = "aleph-sim test pad";
  dev = SDL_JoystickAttachVirtualEx(&desc);
  CHECK(dev >= 0);
  joy = dev >= 0 ? SDL_JoystickOpen(dev) : NULL;
  CHECK(joy != NULL);
  if (joy) {
    gamepads_pump(g); /* finds and opens it */
    CHECK(gamepads_connected(g));
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_B, 1);
    SDL_JoystickSetVirtualButton(joy, SDL_CONTROLLER_BUTTON_START, 1);
    for (k = 0; k < 5; k++) {
      engine_tick(E, t += 10);
      gamepads_pump(g);
      engine_tick(E, t);
    }
    CHECK_EQ_INT(net_get_value(engine_net(E), sink_in), (int8_t)(0x02 | 0x80));
    SDL_JoystickClose(joy);
    SDL_JoystickDetachVirtual(dev);
    engine_tick(E, t += 10);
    gamepads_pump(g);
    CHECK(!gamepads_connected(g));
  }
  gamepads_close(g);
  stop();
#else
  printf("skip: SDL %d.%d.%d has no virtual controllers\n", SDL_MAJOR_VERSION, SDL_MINOR_VERSION,
         SDL_PATCHLEVEL);
#endif
}

int main(void) {
  RUN(test_report);
  RUN(test_events);
  RUN(test_through_the_engine);
  RUN(test_virtual_controller);
  return check_summary("test_gamepad");
}
