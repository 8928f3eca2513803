/* SPDX-License-Identifier: MIT */
/* scene.c: the scene codec's shared parts: headers and their descriptor, error reporting,
 * layout names. Reading is in scene_read.c, writing in scene_write.c, the slot in
 * scene_slot.c, per-class layout facts in scene_layout.c. */
#include "scene.h"

#include "bytes.h"
#include "scene_internal.h"
#include "strbuf.h"

void scene_err_begin(scene_error_t *err, scene_status_t status, uint32_t offset,
                     scene_layout_t layout, strbuf_t *sb) {
  err->status = status;
  err->offset = offset;
  err->layout = layout;
  sb_init(sb, err->message, sizeof err->message);
}

void scene_err_ok(scene_error_t *err) {
  if (!err) return;
  err->status = SCENE_OK;
  err->offset = SCENE_NO_OFFSET;
  err->layout = SCENE_LAYOUT_AUTO;
  err->message[0] = '\0';
}

/* The filler from a file offset whose phase is 0 (the pickle starts at 56, a multiple of 4). */
static const uint8_t FILLER[4] = {0xDE, 0xAD, 0xBE, 0xEF};

uint8_t scene_filler_byte(uint32_t file_offset) {
  return FILLER[(file_offset - SCENE_DESC_SIZE) & 3u];
}

/* Walks and encodes cover ~60 KB of filler: both go a word at a time (core/bytes.h). */
uint32_t scene_filler_diff(const uint8_t *img, uint32_t from, uint32_t to) {
  if (from >= to) return to;
  return from + bytes_find_not_pattern(img + from, to - from, FILLER, from - SCENE_DESC_SIZE);
}

void scene_filler_fill(uint8_t *img, uint32_t from, uint32_t to) {
  if (from < to) bytes_fill_pattern(img + from, to - from, FILLER, from - SCENE_DESC_SIZE);
}

/* Whether field's text (up to its first NUL, which it must have) is text. */
static bool field_holds(const uint8_t *field, const char *text) {
  uint32_t i;
  for (i = 0; i < SCENE_NAME_LEN; i++) {
    if (field[i] != (uint8_t)text[i]) return false;
    if (!text[i]) return true;
  }
  return false;
}

bool scene_name_field_has_tail(const uint8_t field[SCENE_NAME_LEN], const char *text) {
  uint32_t i;
  if (!field_holds(field, text)) return false;
  for (i = str_nlen(text, SCENE_NAME_LEN); i < SCENE_NAME_LEN; i++)
    if (field[i]) return true;
  return false;
}

void scene_name_field_put(uint8_t dst[SCENE_NAME_LEN], const uint8_t field[SCENE_NAME_LEN],
                          const char *text) {
  uint32_t i = 0;
  if (field && field_holds(field, text)) {
    bytes_copy(dst, field, SCENE_NAME_LEN);
    return;
  }
  for (; i < SCENE_NAME_LEN && text[i]; i++) dst[i] = (uint8_t)text[i];
  for (; i < SCENE_NAME_LEN; i++) dst[i] = 0;
}

static void derive(const scene_header_t *hdr, uint8_t *d) {
  scene_name_field_put(d, hdr->name_field, hdr->name);
  scene_name_field_put(d + 24, hdr->module_field, hdr->module);
  d[48] = hdr->module_version.maj;
  d[49] = hdr->module_version.min;
  d[50] = (uint8_t)(hdr->module_version.rev >> 8);
  d[51] = (uint8_t)hdr->module_version.rev;
  d[52] = hdr->bees.maj;
  d[53] = hdr->bees.min;
  d[54] = (uint8_t)(hdr->bees.rev >> 8);
  d[55] = (uint8_t)hdr->bees.rev;
}

void scene_header_init(scene_header_t *hdr) {
  if (!hdr) return;
  bytes_fill(hdr, 0, sizeof *hdr);
  hdr->bees.maj = 0;
  hdr->bees.min = 8;
  hdr->bees.rev = 1;
  hdr->layout = SCENE_LAYOUT_0_8_1;
  derive(hdr, hdr->descriptor);
}

void scene_header_derive_descriptor(scene_header_t *hdr) {
  if (hdr) derive(hdr, hdr->descriptor);
}

bool scene_header_descriptor_derived(const scene_header_t *hdr) {
  uint8_t d[SCENE_DESC_SIZE];
  if (!hdr) return false;
  derive(hdr, d);
  return bytes_equal(d, hdr->descriptor, SCENE_DESC_SIZE) != 0;
}

const char *scene_strerror(scene_status_t s) {
  switch (s) {
  case SCENE_OK: return "ok";
  case SCENE_ERR_NULL_ARG: return "a required argument was NULL";
  case SCENE_ERR_WRONG_SIZE: return "wrong file size";
  case SCENE_ERR_TRUNCATED: return "truncated file";
  case SCENE_ERR_NAME: return "name without terminator";
  case SCENE_ERR_UNKNOWN_CLASS: return "unknown operator class";
  case SCENE_ERR_CLASS_MISSING: return "operator class not built in";
  case SCENE_ERR_TOO_MANY_OPS: return "too many operators";
  case SCENE_ERR_TOO_MANY_INS: return "too many inputs";
  case SCENE_ERR_TOO_MANY_OUTS: return "too many outputs";
  case SCENE_ERR_TOO_MANY_PARAMS: return "too many parameters";
  case SCENE_ERR_TARGET: return "connection target out of range";
  case SCENE_ERR_PRESET: return "bad preset entry";
  case SCENE_ERR_OP_STATE: return "bad operator state";
  case SCENE_ERR_NO_MEMORY: return "operator memory exhausted";
  case SCENE_ERR_NET: return "network refused the scene";
  case SCENE_ERR_BUFFER: return "output buffer too small";
  case SCENE_ERR_TOO_LARGE: return "scene too large for a scene file";
  case SCENE_ERR_UNREPRESENTABLE: return "not representable in this layout";
  }
  return "unknown scene status";
}

const char *scene_layout_name(scene_layout_t layout) {
  switch (layout) {
  case SCENE_LAYOUT_0_7_1: return "0.7.1";
  case SCENE_LAYOUT_0_8_1: return "0.8.1";
  case SCENE_LAYOUT_AUTO: break;
  }
  return "auto";
}

bool scene_layout_parse(const char *text, scene_layout_t *out) {
  scene_layout_t l;
  if (!text) return false;
  if (str_eq(text, "0.7.1") || str_eq(text, "0.7"))
    l = SCENE_LAYOUT_0_7_1;
  else if (str_eq(text, "0.8.1") || str_eq(text, "0.8"))
    l = SCENE_LAYOUT_0_8_1;
  else if (str_eq(text, "auto"))
    l = SCENE_LAYOUT_AUTO;
  else
    return false;
  if (out) *out = l;
  return true;
}

op_format_t scene_layout_format(scene_layout_t layout) {
  return layout == SCENE_LAYOUT_0_7_1 ? OP_FORMAT_0_7_1 : OP_FORMAT_0_8_1;
}
