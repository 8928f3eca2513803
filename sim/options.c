/* SPDX-License-Identifier: MIT */
/* options.c: parses aleph-sim's arguments into sim_options_t, with a sentence for every
 * mistake, and prints the usage text (with the panel's key help). */
#include "options.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "file_io.h"
#include "host_platform.h"
#include "panel_keys.h"
#include "version.h"

void options_usage(FILE *to) {
  int i;
  char examples[4096];
  if (!examples_dir(examples, sizeof examples))
    snprintf(examples, sizeof examples, "%s", "the installed share/aleph-sim/scenes (none found)");
  fprintf(to,
          "usage: aleph-sim [options] [SCENE.scn | SCENE.json]\n"
          "Runs a bees scene (or, without one, a demo network) on a simulated Aleph front panel.\n"
          "A SCENE that names no file may name an example scene (default, sequencer,\n"
          "generative) in %s.\n"
          "\n"
          "  --headless            no window (chosen automatically when no display opens)\n"
          "  --run-for SECONDS     stop after SECONDS (headless: virtual, deterministic time)\n"
          "  --ticks N             stop after N 1-ms ticks (same clock as --run-for)\n"
          "  --screenshot FILE     at exit, write the 128x64 screen as a grey PNG\n"
          "  --panel-screenshot FILE  at exit, write the whole front panel as an RGB PNG (with a\n"
          "                        window: read back from it, at its scale)\n"
          "  --scale N             pixels per screen pixel: screenshots (default 1, panel 3) and\n"
          "                        the window's first size (resizable; default fits the display)\n"
          "  --overlay             show the memory statistics overlay from the start\n"
          "  --stats               at exit, print memory and net statistics\n"
          "  --arena-size SIZE     simulated SDRAM (default 32M; K/M/G suffixes)\n"
          "  --record FILE.json    record every input event with its virtual time\n"
          "  --replay FILE.json    replay a recording (its scene and arena size are the defaults)\n"
          "  --profile FILE.json   record every op heap event and usage over time (aleph-profile)\n"
          "  --pool-plan FILE.json size the op heap by a plan file (aleph-profile --plan-out)\n"
          "  --audio-out FILE.wav  at exit, write the DSP module's four outputs (48 kHz, 16-bit),\n"
          "                        rendered on the virtual clock when headless\n"
          "  --audio-in FILE.wav   feed the module's inputs from a 48 kHz WAV file (channel k\n"
          "                        to input k; mono to inputs 0 and 1)\n"
          "  --no-audio            run the DSP module's parameters only: no sound, no rendering\n"
          "  --scene-dir DIR       the folder the editor's SCENES page lists, loads and saves,\n"
          "                        and the only one OSC may load from and save to (default:\n"
          "                        the scene's folder, else ./scenes, else the example scenes)\n"
          "  --inject SPEC         (tests) synthesized window input, comma-separated:\n"
          "                        T:wheel:ENC:N, T:drag:ENC:DY, T:click:KEY, T:key:C,\n"
          "                        T:size:W:H (T in ms)\n"
          "  --osc                 listen for OSC on 127.0.0.1:7770 (docs/osc.md)\n"
          "  --osc-port N          listen for OSC on port N (0: a free port, printed)\n"
          "  --osc-host ADDR       the IPv4 address to listen on (default 127.0.0.1; one beyond\n"
          "                        this machine needs --osc-allow-remote)\n"
          "  --osc-allow-remote    let --osc-host listen beyond loopback: anyone who reaches it\n"
          "                        can drive the simulator and load and save scenes in its\n"
          "                        --scene-dir (docs/osc.md, Security)\n"
          "  --grid[=ID]           play a real monome grid through serialosc: the first one it\n"
          "                        lists, or the one with serial number ID (docs/osc.md)\n"
          "  --arc[=ID]            likewise an arc; both may be given\n"
          "  --serialosc-port N    serialoscd's port (default 12002)\n"
          "  --midi                MIDI in and out for the MIDI ops, on virtual ports named\n"
          "                        aleph-sim that other programs connect to\n"
          "  --midi-in PORT        MIDI in from PORT instead (its number or part of its name)\n"
          "  --midi-out PORT       MIDI out to PORT instead\n"
          "  --midi-list           print the MIDI ports there are, and exit\n"
          "  --gamepad             a game controller drives the HID ops, as a USB gamepad\n"
          "                        does on the Aleph (docs/osc.md: HID)\n"
          "  --trace[=OPS]         print every output, delivery and param change on stdout,\n"
          "                        one line each (OPS: op names separated by commas, only\n"
          "                        theirs; 'param' and 'preset' add those)\n"
          "  --send ADDRESS ARGS...  send one OSC message to a running aleph-sim (--osc-port,\n"
          "                        --osc-host; default 127.0.0.1:7770), print the replies and\n"
          "                        exit (1 if it answered with an error); integer-looking\n"
          "                        ARGS are sent as ints, others as strings (s:12 forces a\n"
          "                        string, i:7 an int)\n"
          "  -h, --help            this text\n"
          "      --version         the version and the git revision it was built from\n"
          "\n"
          "MODE (m) toggles play mode and bees' editor pages (docs/editor.md).\n"
          "Headless without --run-for/--ticks runs in real time until interrupted (or, replaying,\n"
          "to the recording's end). Exit status: 0 ok, 1 run-time failure, 2 bad arguments.\n\n",
          examples);
  for (i = 0; PANEL_KEY_HELP[i]; i++) fprintf(to, "  %s\n", PANEL_KEY_HELP[i]);
}

static int bad(const char *fmt, const char *arg) {
  fprintf(stderr, "aleph-sim: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (try --help)\n");
  return SIM_EXIT_USAGE;
}

static bool parse_u32(const char *s, uint32_t *out) {
  char *end;
  unsigned long long v;
  if (!s || !*s || *s == '-' || *s == '+') return false;
  errno = 0;
  v = strtoull(s, &end, 10);
  if (errno || *end || v > 0xFFFFFFFFull) return false;
  *out = (uint32_t)v;
  return true;
}

static bool parse_seconds(const char *s, uint32_t *ms) {
  char *end;
  double v;
  if (!s || !*s || *s == '-' || *s == '+') return false;
  errno = 0;
  v = strtod(s, &end);
  if (errno || *end || !(v >= 0.0) || v * 1000.0 > 4294967295.0) return false;
  *ms = (uint32_t)(v * 1000.0 + 0.5);
  return true;
}

int options_parse(sim_options_t *o, int argc, char **argv) {
  int i;
  memset(o, 0, sizeof *o);
  o->osc_port = -1;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    bool needs = true;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      options_usage(stdout);
      return SIM_EXIT_OK;
    } else if (!strcmp(a, "--version")) {
      printf("aleph-sim %s\n", aleph_version());
      return SIM_EXIT_OK;
    } else if (!strcmp(a, "--headless")) {
      o->headless = true;
      needs = false;
    } else if (!strcmp(a, "--stats")) {
      o->stats = true;
      needs = false;
    } else if (!strcmp(a, "--osc")) {
      if (o->osc_port < 0) o->osc_port = 7770;
      needs = false;
    } else if (!strcmp(a, "--osc-port")) {
      uint32_t p;
      if (!v || !parse_u32(v, &p) || p > 65535)
        return bad("--osc-port needs a port number from 0 to 65535, not '%s'", v ? v : "");
      o->osc_port = (int)p;
    } else if (!strcmp(a, "--osc-host")) {
      struct in_addr addr;
      if (!v || inet_pton(AF_INET, v, &addr) != 1)
        return bad("--osc-host needs an IPv4 address such as 127.0.0.1, not '%s'", v ? v : "");
      o->osc_host = v;
      o->osc_remote = (ntohl(addr.s_addr) >> 24) != 127u; /* 127.0.0.0/8 is this machine */
      if (o->osc_port < 0) o->osc_port = 7770;
    } else if (!strcmp(a, "--osc-allow-remote")) {
      o->osc_allow_remote = true;
      needs = false;
    } else if (!strncmp(a, "--grid", 6) && (a[6] == '\0' || a[6] == '=')) {
      if (a[6] == '=' && !a[7]) return bad("%s: give a serial number after '=', or none", a);
      o->grid = true;
      o->grid_id = a[6] ? a + 7 : NULL;
      needs = false;
    } else if (!strncmp(a, "--arc", 5) && (a[5] == '\0' || a[5] == '=')) {
      if (a[5] == '=' && !a[6]) return bad("%s: give a serial number after '=', or none", a);
      o->arc = true;
      o->arc_id = a[5] ? a + 6 : NULL;
      needs = false;
    } else if (!strcmp(a, "--midi")) {
      o->midi = true;
      needs = false;
    } else if (!strncmp(a, "--trace", 7) && (a[7] == '\0' || a[7] == '=')) {
      o->trace = true;
      o->trace_ops = a[7] ? a + 8 : NULL;
      needs = false;
    } else if (!strcmp(a, "--send")) {
      if (!v || v[0] != '/')
        return bad("--send needs an OSC address starting with '/', then its arguments, "
                   "not '%s'", v ? v : "");
      o->send_argc = argc - (i + 1);
      o->send_argv = argv + i + 1;
      break; /* the rest is the message */
    } else if (!strcmp(a, "--gamepad")) {
      o->gamepad = true;
      needs = false;
    } else if (!strcmp(a, "--midi-list")) {
      o->midi_list = true;
      needs = false;
    } else if (!strcmp(a, "--midi-in") || !strcmp(a, "--midi-out")) {
      if (!v || !*v) return bad("%s needs a port: its number or part of its name (--midi-list)", a);
      if (a[7] == 'i') o->midi_in = v;
      else o->midi_out = v;
      o->midi = true;
    } else if (!strcmp(a, "--serialosc-port")) {
      uint32_t p;
      if (!v || !parse_u32(v, &p) || p < 1 || p > 65535)
        return bad("--serialosc-port needs a port number from 1 to 65535, not '%s'", v ? v : "");
      o->serialosc_port = (int)p;
    } else if (!strcmp(a, "--no-audio")) {
      o->no_audio = true;
      needs = false;
    } else if (!strcmp(a, "--overlay")) {
      o->overlay = true;
      needs = false;
    } else if (!strcmp(a, "--run-for") || !strcmp(a, "--ticks")) {
      bool ticks = a[2] == 't';
      if (o->duration_set) return bad("%s: give one of --run-for and --ticks, once", a);
      if (!v) return bad("%s needs a value", a);
      if (ticks ? !parse_u32(v, &o->duration_ms) : !parse_seconds(v, &o->duration_ms))
        return bad(ticks ? "--ticks needs a whole number of 1-ms ticks, not '%s'"
                         : "--run-for needs a number of seconds such as 2.5, not '%s'",
                   v);
      o->duration_set = true;
    } else if (!strcmp(a, "--screenshot") || !strcmp(a, "--panel-screenshot") ||
               !strcmp(a, "--record") || !strcmp(a, "--replay") || !strcmp(a, "--inject") ||
               !strcmp(a, "--profile") || !strcmp(a, "--pool-plan") ||
               !strcmp(a, "--audio-out") || !strcmp(a, "--audio-in")) {
      if (!v || !*v) return bad("%s needs a file name", a);
      if (!strcmp(a, "--screenshot")) o->screenshot = v;
      else if (!strcmp(a, "--panel-screenshot")) o->panel_shot = v;
      else if (!strcmp(a, "--record")) o->record = v;
      else if (!strcmp(a, "--replay")) o->replay = v;
      else if (!strcmp(a, "--profile")) o->profile = v;
      else if (!strcmp(a, "--pool-plan")) o->pool_plan = v;
      else if (!strcmp(a, "--audio-out")) o->audio_out = v;
      else if (!strcmp(a, "--audio-in")) o->audio_in = v;
      else o->inject = v;
    } else if (!strcmp(a, "--scene-dir")) {
      if (!v || !*v) return bad("%s needs a folder", a);
      o->scene_dir = v;
    } else if (!strcmp(a, "--scale")) {
      uint32_t s;
      if (!v || !parse_u32(v, &s) || s < 1 || s > 16)
        return bad("--scale needs a whole number from 1 to 16, not '%s'", v ? v : "");
      o->scale = (int)s;
    } else if (!strcmp(a, "--arena-size")) {
      switch (host_size_parse(v, &o->arena_bytes)) {
      case HOST_SIZE_OK: break;
      case HOST_SIZE_TOO_LARGE:
        return bad("--arena-size %s is more than the core can address: at most 4G minus one "
                   "byte (4095M is the largest in megabytes)", v);
      case HOST_SIZE_ZERO: return bad("--arena-size %s: an arena needs at least one byte", v);
      default:
        return bad("--arena-size needs a size such as 32M, 512K or 1048576, not '%s'",
                   v ? v : "");
      }
      o->arena_set = true;
    } else if (a[0] == '-' && a[1] != '\0') {
      return bad("unknown option '%s'", a);
    } else {
      if (o->scene) return bad("one scene file at a time ('%s' is a second)", a);
      o->scene = a;
      needs = false;
    }
    if (needs) i++;
  }
  if (o->no_audio && (o->audio_out || o->audio_in))
    return bad("--no-audio renders nothing: it cannot go with %s",
               o->audio_out ? "--audio-out" : "--audio-in");
  if (o->osc_allow_remote && !o->osc_remote)
    return bad("%s: --osc-allow-remote goes with an --osc-host beyond this machine "
               "(such as 0.0.0.0)", "--osc-allow-remote");
  if (o->osc_remote && !o->osc_allow_remote)
    return bad("--osc-host %s listens beyond this machine, with no authentication: add "
               "--osc-allow-remote if that is what you want (docs/osc.md, Security)", o->osc_host);
  if (!o->arena_set) o->arena_bytes = HOST_DEFAULT_ARENA_BYTES;
  return -1;
}

int options_check_files(const sim_options_t *o) {
  const struct {
    const char *opt, *path;
    bool output;
  } f[] = {{"the scene", o->scene, false},           {"--replay", o->replay, false},
           {"--pool-plan", o->pool_plan, false},     {"--screenshot", o->screenshot, true},
           {"--panel-screenshot", o->panel_shot, true}, {"--record", o->record, true},
           {"--profile", o->profile, true},          {"--audio-in", o->audio_in, false},
           {"--audio-out", o->audio_out, true}};
  size_t n = sizeof f / sizeof f[0], i, j;
  for (i = 0; i < n; i++) {
    if (!f[i].path || !f[i].output) continue;
    for (j = 0; j < n; j++) {
      if (j == i || !f[j].path || (f[j].output && j < i)) continue;
      /* two outputs may share /dev/null or a terminal; nothing may share a file */
      if (f[j].output && fio_is_char_device(f[i].path)) continue;
      if (fio_same_file(f[i].path, f[j].path)) {
        fprintf(stderr, "aleph-sim: %s and %s name the same file '%s': an output may not "
                "overwrite %s (try --help)\n", f[i].opt, f[j].opt, f[i].path,
                f[j].output ? "another output" : "an input");
        return SIM_EXIT_USAGE;
      }
    }
  }
  return -1;
}
