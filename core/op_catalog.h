/* SPDX-License-Identifier: MIT */
/* op_catalog.h: the registry of op classes (bees' op_registry and userOpTypes).
 * Every file core/ops/op_NAME.c defines `const op_class_t op_class_NAME`; the build lists them
 * (generated op_list.h), so adding an op is adding its file. */
#ifndef ALEPH_OP_CATALOG_H
#define ALEPH_OP_CATALOG_H

#include <stdint.h>

#include "op.h"

/* Number of classes built in (OP_CLASS_COUNT when the catalogue is complete). */
uint16_t op_class_count(void);
/* The n-th built-in class, in no particular order (n < op_class_count()). */
const op_class_t *op_class_at(uint16_t n);
/* The class with bees id `id`, or NULL. O(1) (a table built at compile time). */
const op_class_t *op_class_by_id(uint32_t id);
/* By registry name ("HISTORY") or display name ("HIST"), case-sensitive; NULL if none. */
const op_class_t *op_class_by_name(const char *name);
/* bees' list of user-creatable classes, in its order (the OPS page cycles through it). Classes
 * not built in are skipped. */
uint16_t op_user_class_count(void);
const op_class_t *op_user_class(uint16_t n);

#endif
