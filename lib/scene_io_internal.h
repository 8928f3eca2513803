/* SPDX-License-Identifier: MIT */
/* scene_io_internal.h: helpers shared by lib/'s files (errors, hex, version text, JSON value
 * checks). Not installed; tools use scene_io.h. */
#ifndef ALEPH_SCENE_IO_INTERNAL_H
#define ALEPH_SCENE_IO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "scene_io.h"

#if defined(__GNUC__)
#define SIO_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SIO_PRINTF(a, b)
#endif

void sio_fail(sio_error_t *err, const char *fmt, ...) SIO_PRINTF(2, 3);
void sio_clear(sio_error_t *err);
/* "PATH: offset N (0xN): message (as bees L)" */
void sio_fail_scene(sio_error_t *err, const char *path, const scene_error_t *se);

/* Every name the JSON forms write (scene and module name, param labels, preset names) is UTF-8;
 * false with a message naming the first field that is not. */
bool sio_names_utf8(const net_t *net, const scene_header_t *hdr, sio_error_t *err);

/* Lower-case hex of n bytes (malloc'd). */
char *sio_hex(const uint8_t *p, size_t n);
/* Parses hex (even length, any case) into out[cap]; returns the byte count or -1. */
long sio_unhex(const char *hex, uint8_t *out, size_t cap);
/* "maj.min.rev" */
void sio_version_text(const scene_version_t *v, char *out, size_t cap);
bool sio_version_parse(const char *text, scene_version_t *v);

/* Where a JSON reader is, for messages: "ops[3].ins.PERIOD". */
typedef struct {
  const char *file; /* may be NULL */
  sio_error_t *err;
  bool failed;
} sio_json_ctx_t;
void sio_json_fail(sio_json_ctx_t *c, const char *where, const char *fmt, ...) SIO_PRINTF(3, 4);
/* A JSON number that is an integer in [lo, hi]. */
bool sio_json_int(sio_json_ctx_t *c, const cJSON *v, const char *where, long long lo, long long hi,
                  long long *out);
/* cJSON_Print with two-space indentation (malloc'd; free()). */
char *sio_json_print(const cJSON *root);
/* Parses text; on a syntax error reports its line and column. */
cJSON *sio_json_parse(sio_json_ctx_t *c, const char *text);

#endif
