/* SPDX-License-Identifier: MIT */
/* session.h: one run of aleph-sim as main.c sets it up: the options, the engine, and the
 * optional recorder and player hooked to it. Shared by the window and the headless loop. */
#ifndef ALEPH_SIM_SESSION_H
#define ALEPH_SIM_SESSION_H

#include <stdbool.h>

#include "engine.h"
#include "options.h"
#include "record.h"
#include "scene_store.h"

typedef struct {
  const sim_options_t *opt;
  engine_t engine;
  bool replaying, recording;
  player_t player;
  recorder_t recorder;
  const char *title; /* scene file name or "demo" */
  bool panel_shot_taken; /* the window already wrote --panel-screenshot (read back from it) */
  struct osc_server *osc; /* --osc-port: the OSC server (NULL if none) */
  scene_store_t store;    /* the editor's SCENES folder */
  struct sim_devices *devices; /* --grid, --arc, MIDI ports, controllers (NULL if none) */
} sim_session_t;

#endif
