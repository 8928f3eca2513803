/* SPDX-License-Identifier: MIT */
/* scene_internal.h: helpers shared by the scene codec's files (scene.c, scene_read.c,
 * scene_write.c, scene_slot.c). Nothing outside core/ includes this. */
#ifndef ALEPH_SCENE_INTERNAL_H
#define ALEPH_SCENE_INTERNAL_H

#include "scene.h"
#include "strbuf.h"

/* Starts an error: sets status, offset and layout, and opens err->message for the sentence. */
void scene_err_begin(scene_error_t *err, scene_status_t status, uint32_t offset,
                     scene_layout_t layout, strbuf_t *sb);
/* Clears err to SCENE_OK. */
void scene_err_ok(scene_error_t *err);
/* The de ad be ef filler byte at a file offset (phase counted from the pickle start). */
uint8_t scene_filler_byte(uint32_t file_offset);
/* The first offset in [from, to) whose byte is not the filler's, or `to` (from >= 56). */
uint32_t scene_filler_diff(const uint8_t *img, uint32_t from, uint32_t to);
/* Writes the filler over [from, to) (from >= 56). */
void scene_filler_fill(uint8_t *img, uint32_t from, uint32_t to);
/* Offsets inside the pickle area (file offsets). */
#define SCENE_AT_NAME 0x38u
#define SCENE_AT_BEES_VERSION 0x50u
#define SCENE_AT_MODULE 0x54u
#define SCENE_AT_MODULE_VERSION 0x6Cu
#define SCENE_AT_NET 0x70u
#define SCENE_PRESET_NAME_LEN 16u
#define SCENE_PRESET_INS 512u /* SCENE_INS_MAX + SCENE_PARAMS_MAX entries */

#endif
