/* SPDX-License-Identifier: MIT */
/* options.h: aleph-sim's command line: what to load, window or headless, how long to run, what
 * to write at exit (screenshots, statistics, recordings), and the usage text. */
#ifndef ALEPH_SIM_OPTIONS_H
#define ALEPH_SIM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit codes. */
#define SIM_EXIT_OK 0
#define SIM_EXIT_FAIL 1   /* a run-time failure: scene, files, replay divergence, faults */
#define SIM_EXIT_USAGE 2  /* a bad command line */

typedef struct {
  const char *scene;       /* NULL: the demo network */
  bool headless;
  bool duration_set;
  uint32_t duration_ms;    /* --run-for / --ticks */
  const char *screenshot;  /* the OLED, grey PNG */
  const char *panel_shot;  /* the whole panel, RGB PNG */
  int scale;               /* 0: default (screenshot 1, panel 3, window fits the display) */
  bool stats;
  bool arena_set;
  size_t arena_bytes;
  const char *record, *replay;
  bool overlay;            /* statistics overlay shown from the start (window, panel shot) */
  const char *inject;      /* window only: synthesized SDL input, for tests */
  int osc_port;            /* -1: no OSC server; 0: a free port (printed) */
  const char *osc_host;    /* NULL: 127.0.0.1 */
  bool osc_remote;         /* osc_host is beyond loopback (127.0.0.0/8) */
  bool osc_allow_remote;   /* --osc-allow-remote: and that is meant */
  const char *profile;     /* --profile: write a pool usage profile (JSON) */
  const char *pool_plan;   /* --pool-plan: lay the pools out by this plan file's "host" plan */
  const char *scene_dir;   /* --scene-dir: the SCENES page's folder (NULL: the default) */
  const char *audio_out;   /* --audio-out: the DSP's four outputs as a WAV file, at exit */
  const char *audio_in;    /* --audio-in: a WAV file fed to the DSP's inputs */
  bool no_audio;           /* --no-audio: params only, nothing rendered or played */
  /* real devices (devices.h) */
  bool grid, arc;          /* --grid[=ID], --arc[=ID]: claim a grid / an arc through serialosc */
  const char *grid_id, *arc_id; /* NULL: the first one serialosc lists */
  int serialosc_port;      /* --serialosc-port: serialoscd's port (0: 12002) */
  bool midi;               /* --midi, --midi-in, --midi-out: MIDI ports (midi_ports.h) */
  const char *midi_in, *midi_out; /* NULL: a virtual port "aleph-sim" */
  bool midi_list;          /* --midi-list: print the ports and exit */
  bool gamepad;            /* --gamepad: game controllers drive the HID ops (gamepad.h) */
  bool trace;              /* --trace[=OPS]: net events on stdout (trace.h) */
  const char *trace_ops;   /* NULL: every op */
  int send_argc;           /* --send ADDRESS ARGS...: a one-shot OSC client (send.h) */
  char **send_argv;        /* the address and its arguments (0: no --send) */
} sim_options_t;

/* Parses argv. Returns -1 to go on, or an exit code (0 after --help, 2 on a bad argument, with
 * a message on stderr). */
int options_parse(sim_options_t *o, int argc, char **argv);
/* No output may name an input (the scene, --replay, --pool-plan) or another output (the same
 * file once links are followed, or the same new name): -1 if none does, else SIM_EXIT_USAGE
 * with a message on stderr. Call it once the scene is known (a replay names its own). */
int options_check_files(const sim_options_t *o);
void options_usage(FILE *to);

#endif
