/* SPDX-License-Identifier: MIT */
/* aleph-scene: inspect, check and convert bees scene files (.scn) and their JSON forms.
 * Exit status: 0 success, 1 bad input (unreadable, malformed or unconvertible file, or an output
 * that could not be written, standard output included), 2 usage error (an option that does not
 * apply to the command included). */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "preset.h"
#include "scene.h"
#include "scene_io.h"
#include "text_out.h"
#include "version.h"

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

static const char usage_text[] =
  "usage: aleph-scene COMMAND [OPTIONS] FILE...\n"
  "\n"
  "Inspect, check and convert bees scene files (.scn, bees 0.7.1 and 0.8.1 layouts) and their\n"
  "JSON forms (aleph-scene JSON, docs/scene-json.md; beekeep's native JSON on input).\n"
  "Input files are recognised by content.\n"
  "\n"
  "commands:\n"
  "  info FILE           header, detected layout, sections, operators and connections\n"
  "  to-json FILE        the network as aleph-scene JSON (--native: beekeep's form)\n"
  "  from-json FILE      a JSON file (or any scene) as a .scn file; needs -o\n"
  "  dot FILE            a Graphviz DOT graph of the network\n"
  "  check FILE...       validate each file; prints \"ok\" or the error and its offset\n"
  "  upgrade FILE        rewrite a scene in the bees 0.8.1 layout; needs -o\n"
  "\n"
  "options (one that does not apply to the command is refused as a usage error):\n"
  "  -o, --output FILE   write the command's output here, saved safely (temp file, fsync,\n"
  "                      rename; never one of the input files); default: standard output\n"
  "                      for text (info, to-json, dot,\n"
  "                      check), required for .scn output (from-json, upgrade)\n"
  "  -l, --layout L      .scn input: read as L (0.7.1, 0.8.1 or auto, the default);\n"
  "                      from-json: the .scn layout to write (default: the JSON's \"layout\")\n"
  "      --native        to-json only: write beekeep's native JSON\n"
  "  -q, --quiet         check only: print failures only\n"
  "  -h, --help          this text\n"
  "      --version       the version and the git revision it was built from\n"
  "\n"
  "exit status: 0 ok, 1 bad input or output error (standard output included), 2 usage error\n";

typedef struct {
  const char *command;
  const char *output;
  scene_layout_t layout;
  bool layout_given;
  bool native;
  bool quiet;
  bool help;
  bool version;
  const char **files;
  int nfiles;
} args_t;

static int usage_error(const char *fmt, const char *what) {
  fprintf(stderr, "aleph-scene: ");
  fprintf(stderr, fmt, what);
  fprintf(stderr, "\ntry 'aleph-scene --help'\n");
  return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, args_t *a) {
  int i;
  memset(a, 0, sizeof *a);
  a->layout = SCENE_LAYOUT_AUTO;
  a->files = calloc((size_t)argc, sizeof *a->files);
  for (i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
      a->help = true;
      return 0;
    } else if (!strcmp(s, "--version")) {
      a->version = true;
      return 0;
    } else if (!strcmp(s, "-o") || !strcmp(s, "--output")) {
      if (++i >= argc) return usage_error("%s needs a file name", s);
      a->output = argv[i];
    } else if (!strcmp(s, "-l") || !strcmp(s, "--layout")) {
      if (++i >= argc) return usage_error("%s needs 0.7.1, 0.8.1 or auto", s);
      if (!scene_layout_parse(argv[i], &a->layout))
        return usage_error("unknown layout '%s' (use 0.7.1, 0.8.1 or auto)", argv[i]);
      a->layout_given = a->layout != SCENE_LAYOUT_AUTO;
    } else if (!strcmp(s, "--native")) {
      a->native = true;
    } else if (!strcmp(s, "-q") || !strcmp(s, "--quiet")) {
      a->quiet = true;
    } else if (s[0] == '-' && s[1]) {
      return usage_error("unknown option '%s'", s);
    } else if (!a->command) {
      a->command = s;
    } else {
      a->files[a->nfiles++] = s;
    }
  }
  if (!a->command) return usage_error("%s", "no command given");
  return 0;
}

/* Where say() prints: standard output, or a report collected for -o (open_text). */
static text_out_t std_out; /* main sets its stream */
static text_out_t collected;
static text_out_t *out = &std_out;

TEXT_OUT_PRINTF(1, 2) static void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  text_out_vprintf(out, fmt, ap);
  va_end(ap);
}

/* Standard output is flushed and closed, and every failed write to it is an error: the message
 * names it, the exit status is 1 (or rc if that is already an error). */
static int close_stdout(int rc) {
  if (text_out_close(&std_out)) return rc;
  fprintf(stderr, "aleph-scene: standard output: %s\n", text_out_error(&std_out));
  return rc ? rc : EXIT_BAD_INPUT;
}

/* Writes text to the output file (safely) or to stdout. */
static int emit_text(const char *output, const char *text) {
  sio_error_t err;
  if (!output) {
    say("%s", text);
    return 0; /* a failure is reported by close_stdout */
  }
  if (!sio_write_file(output, text, strlen(text), &err)) {
    fprintf(stderr, "aleph-scene: %s\n", err.message);
    return EXIT_BAD_INPUT;
  }
  return 0;
}

/* A report printed piece by piece (info, check): with -o, say() collects it for close_text to
 * save; otherwise it goes to standard output as it is made. */
static char *text_buf;
static size_t text_len;

static bool open_text(const args_t *a) {
  if (!a->output) return true;
  collected.f = open_memstream(&text_buf, &text_len);
  collected.err = 0;
  if (!collected.f) {
    fprintf(stderr, "aleph-scene: out of memory\n");
    return false;
  }
  out = &collected;
  return true;
}

/* Saves the collected report where -o says (rc: the command's status so far). */
static int close_text(const args_t *a, int rc) {
  bool bad;
  if (!a->output || out != &collected) return rc;
  bad = !text_out_close(&collected);
  out = &std_out;
  if (bad || !text_buf) {
    fprintf(stderr, "aleph-scene: out of memory\n");
    rc = EXIT_BAD_INPUT;
  } else if (emit_text(a->output, text_buf)) {
    rc = EXIT_BAD_INPUT;
  }
  free(text_buf);
  text_buf = 0;
  return rc;
}

static bool load(sio_world_t *w, const char *path, scene_layout_t layout, scene_header_t *hdr,
                 sio_kind_t *kind) {
  sio_error_t err;
  if (!sio_load(sio_world_slot(w), path, layout, hdr, kind, &err)) {
    fprintf(stderr, "aleph-scene: %s\n", err.message);
    return false;
  }
  return true;
}

static void print_target(const net_t *net, int32_t t) {
  char h[40];
  if (t < 0) {
    say("-");
  } else if (t < net_in_count(net)) {
    uint16_t op;
    uint8_t sub;
    net_in_owner(net, (uint16_t)t, &op, &sub);
    sio_op_handle(net, op, h, sizeof h);
    say("%s.%s", h, net_in_name(net, (uint16_t)t));
  } else {
    say("param %s", net_param(net, (uint16_t)(t - net_in_count(net)))->label);
  }
}

static int cmd_info(sio_world_t *w, const args_t *a) {
  scene_header_t hdr;
  sio_kind_t kind;
  net_t *net;
  uint16_t i;
  uint32_t entries = 0;
  const char *path;
  if (a->nfiles != 1) return usage_error("%s needs one file", "info");
  path = a->files[0];
  if (!load(w, path, a->layout, &hdr, &kind)) return EXIT_BAD_INPUT;
  if (!open_text(a)) return EXIT_BAD_INPUT;
  net = sio_world_net(w);
  say("file:        %s (%s)\n", path, sio_kind_name(kind));
  say("layout:      bees %s%s\n", scene_layout_name(hdr.layout),
      kind == SIO_KIND_SCN ? (a->layout_given ? " (forced)" : " (detected)") : "");
  say("scene:       %s\n", hdr.name);
  say("module:      %s %u.%u.%u\n", hdr.module, hdr.module_version.maj, hdr.module_version.min,
      hdr.module_version.rev);
  say("bees:        %u.%u.%u (the version field of the file; it propagates between scenes)\n",
      hdr.bees.maj, hdr.bees.min, hdr.bees.rev);
  if (kind == SIO_KIND_SCN) {
    uint8_t *data;
    size_t len;
    sio_error_t err;
    scene_probe_t p;
    if (sio_read_file(path, &data, &len, &err)) {
      if (scene_probe(data, (uint32_t)len, hdr.layout, 0, &p, 0) == SCENE_OK)
        say("sections:    ops 0x%x, input nodes 0x%x, output nodes 0x%x, params 0x%x, "
            "presets 0x%x, end 0x%x; filler %s; %s\n",
            p.ops_at, p.ins_at, p.outs_at, p.params_at, p.presets_at, p.end,
            p.filler_intact ? "intact" : "NOT intact",
            p.layouts_agree ? "reads the same in both layouts" : "layout-specific");
      free(data);
    }
    if (!scene_header_descriptor_derived(&hdr))
      say("descriptor:  differs from the pickled header (kept as is)\n");
  }
  for (i = 0; i < preset_count(net); i++) {
    uint32_t g;
    for (g = 0; g < (uint32_t)net_in_count(net) + net_param_count(net); g++)
      entries += preset_in_included(net, i, (uint16_t)g);
    for (g = 0; g < net_out_count(net); g++) entries += preset_out_included(net, i, (uint16_t)g);
  }
  say("network:     %u ops, %u inputs, %u outputs, %u params, %u preset entries\n",
      net_op_count(net), net_in_count(net), net_out_count(net), net_param_count(net), entries);
  say("ops:\n");
  for (i = 0; i < net_op_count(net); i++) {
    const op_t *op = net_op(net, i);
    char h[40];
    uint8_t k;
    sio_op_handle(net, i, h, sizeof h);
    say("  %3u %-10s %-9s", i, h, op->cls->name);
    for (k = 0; k < op->cls->num_ins; k++) say(" %s=%d", op->cls->in_names[k], op->in[k]);
    say("\n");
  }
  say("connections:\n");
  for (i = 0; i < net_out_count(net); i++) {
    int32_t t = net_target(net, i);
    uint16_t op;
    uint8_t sub;
    char h[40];
    if (t < 0) continue;
    net_out_owner(net, i, &op, &sub);
    sio_op_handle(net, op, h, sizeof h);
    say("  %s.%s -> ", h, net_out_name(net, i));
    print_target(net, t);
    say("\n");
  }
  return close_text(a, 0);
}

static int cmd_to_json(sio_world_t *w, const args_t *a) {
  scene_header_t hdr;
  sio_error_t err;
  char *text;
  int rc;
  if (a->nfiles != 1) return usage_error("%s needs one file", "to-json");
  if (!load(w, a->files[0], a->layout, &hdr, 0)) return EXIT_BAD_INPUT;
  text = a->native ? scene_native_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err)
                   : scene_json_write(sio_world_net(w), &hdr, SCENE_LAYOUT_AUTO, &err);
  if (!text) {
    fprintf(stderr, "aleph-scene: %s: %s\n", a->files[0], err.message);
    return EXIT_BAD_INPUT;
  }
  rc = emit_text(a->output, text);
  free(text);
  return rc;
}

static int write_scn(sio_world_t *w, const scene_header_t *hdr, scene_layout_t layout,
                     const char *output) {
  sio_error_t err;
  if (!sio_save_scn(sio_world_net(w), hdr, layout, output, &err)) {
    fprintf(stderr, "aleph-scene: %s\n", err.message);
    return EXIT_BAD_INPUT;
  }
  return 0;
}

static int cmd_from_json(sio_world_t *w, const args_t *a) {
  scene_header_t hdr;
  if (a->nfiles != 1) return usage_error("%s needs one file", "from-json");
  if (!a->output) return usage_error("%s needs -o FILE.scn", "from-json");
  /* a JSON file names its own layout; -l picks the one to write */
  if (!load(w, a->files[0], SCENE_LAYOUT_AUTO, &hdr, 0)) return EXIT_BAD_INPUT;
  return write_scn(w, &hdr, a->layout_given ? a->layout : hdr.layout, a->output);
}

static int cmd_dot(sio_world_t *w, const args_t *a) {
  scene_header_t hdr;
  char *text;
  int rc;
  if (a->nfiles != 1) return usage_error("%s needs one file", "dot");
  if (!load(w, a->files[0], a->layout, &hdr, 0)) return EXIT_BAD_INPUT;
  text = scene_dot_write(sio_world_net(w), &hdr);
  if (!text) {
    fprintf(stderr, "aleph-scene: out of memory\n");
    return EXIT_BAD_INPUT;
  }
  rc = emit_text(a->output, text);
  free(text);
  return rc;
}

static int cmd_check(sio_world_t *w, const args_t *a) {
  int i, bad = 0;
  uint8_t *img = malloc(SCENE_FILE_SIZE);
  if (a->nfiles < 1) {
    free(img);
    return usage_error("%s needs at least one file", "check");
  }
  if (!img || !open_text(a)) {
    free(img);
    return EXIT_BAD_INPUT;
  }
  for (i = 0; i < a->nfiles; i++) {
    const char *path = a->files[i];
    scene_header_t hdr;
    sio_kind_t kind;
    scene_error_t se;
    sio_error_t err;
    net_t *net;
    if (!sio_load(sio_world_slot(w), path, a->layout, &hdr, &kind, &err)) {
      fprintf(stderr, "aleph-scene: %s\n", err.message);
      bad++;
      continue;
    }
    net = sio_world_net(w);
    /* it must also be writable in its layout (JSON can describe what no .scn holds) */
    if (scene_encode(net, &hdr, SCENE_LAYOUT_AUTO, img, SCENE_FILE_SIZE, &se) != SCENE_OK) {
      fprintf(stderr, "aleph-scene: %s: cannot be saved as a bees %s scene: %s\n", path,
              scene_layout_name(se.layout), se.message);
      bad++;
      continue;
    }
    if (!a->quiet) {
      say("%s: ok (%s, bees %s layout, %u ops, %u params)", path, sio_kind_name(kind),
          scene_layout_name(hdr.layout), net_op_count(net), net_param_count(net));
      if (kind == SIO_KIND_SCN) {
        uint8_t *data;
        size_t len;
        if (sio_read_file(path, &data, &len, &err)) {
          size_t k;
          for (k = 0; k < len && k < SCENE_FILE_SIZE && data[k] == img[k]; k++) {
          }
          if (k == SCENE_FILE_SIZE)
            say(", re-encodes byte for byte");
          else
            say(", re-encoding differs from offset %zu (bytes bees ignores)", k);
          free(data);
        }
      }
      say("\n");
    }
  }
  free(img);
  return close_text(a, bad ? EXIT_BAD_INPUT : 0);
}

static int cmd_upgrade(sio_world_t *w, const args_t *a) {
  scene_header_t hdr;
  if (a->nfiles != 1) return usage_error("%s needs one file", "upgrade");
  if (!a->output) return usage_error("%s needs -o FILE.scn", "upgrade");
  if (!load(w, a->files[0], a->layout, &hdr, 0)) return EXIT_BAD_INPUT;
  hdr.bees.maj = 0;
  hdr.bees.min = 8;
  hdr.bees.rev = 1;
  hdr.layout = SCENE_LAYOUT_0_8_1;
  scene_header_derive_descriptor(&hdr);
  return write_scn(w, &hdr, SCENE_LAYOUT_0_8_1, a->output);
}

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    int (*fn)(sio_world_t *, const args_t *);
  } commands[] = {{"info", cmd_info},   {"to-json", cmd_to_json}, {"from-json", cmd_from_json},
                  {"dot", cmd_dot},     {"check", cmd_check},     {"upgrade", cmd_upgrade}};
  args_t a;
  sio_world_t *w;
  size_t i;
  int rc, f;
  std_out.f = stdout;
  rc = parse_args(argc, argv, &a);
  if (rc || a.help || a.version) {
    if (a.help) say("%s", usage_text);
    if (a.version) say("aleph-scene %s\n", aleph_version());
    free(a.files);
    return close_stdout(rc);
  }
  for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(a.command, commands[i].name)) break;
  if (i == sizeof commands / sizeof commands[0]) {
    rc = usage_error("unknown command '%s'", a.command);
    free(a.files);
    return rc;
  }
  /* an option the command would ignore is refused, not dropped silently */
  if (a.native && strcmp(a.command, "to-json") != 0)
    rc = usage_error("--native is for to-json only, not %s", a.command);
  else if (a.quiet && strcmp(a.command, "check") != 0)
    rc = usage_error("-q/--quiet is for check only, not %s", a.command);
  /* the output may not be one of the inputs: it would be replaced before, or while, it is read */
  for (f = 0; a.output && !rc && f < a.nfiles; f++)
    if (fio_same_file(a.output, a.files[f]))
      rc = usage_error("-o names the input file '%s': an output may not overwrite its input",
                       a.files[f]);
  if (rc) {
    free(a.files);
    return rc;
  }
  w = sio_world_new();
  if (!w) {
    fprintf(stderr, "aleph-scene: out of memory\n");
    free(a.files);
    return EXIT_BAD_INPUT;
  }
  rc = commands[i].fn(w, &a);
  sio_world_free(w);
  free(a.files);
  return close_stdout(rc);
}
