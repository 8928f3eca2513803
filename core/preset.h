/* SPDX-License-Identifier: MIT */
/* preset.h: bees' presets: per preset, a set of input values and output routings to recall.
 * Entries name ops directly, so inserting or deleting other ops never shifts them. */
#ifndef ALEPH_PRESET_H
#define ALEPH_PRESET_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"

#define PRESET_NAME_LEN 16

/* Stores the current values/targets of the nodes included in the *selected* preset into preset
 * p (bees' semantics: inclusion follows the selected preset), then selects p. */
net_status_t preset_store(net_t *net, uint16_t p);
/* Recalls preset p: output routings first, then input values in index order (each runs its
 * op's handler, so recall cascades as in bees); then selects p. */
net_status_t preset_recall(net_t *net, uint16_t p);
uint16_t preset_selected(const net_t *net);
net_status_t preset_select(net_t *net, uint16_t p);

/* Inclusion of one node in preset p (global numbering; inputs include params). Including an
 * input captures its current value; including an output captures its current target. */
net_status_t preset_include_in(net_t *net, uint16_t p, uint16_t in, bool include);
net_status_t preset_include_out(net_t *net, uint16_t p, uint16_t out, bool include);
bool preset_in_included(const net_t *net, uint16_t p, uint16_t in);
bool preset_out_included(const net_t *net, uint16_t p, uint16_t out);
/* Stored value / target of an included node; false if not included. */
bool preset_in_value(const net_t *net, uint16_t p, uint16_t in, io_t *value);
bool preset_out_target(const net_t *net, uint16_t p, uint16_t out, int32_t *target);
/* Sets a stored entry directly (scene loading). */
net_status_t preset_set_in(net_t *net, uint16_t p, uint16_t in, io_t value);
net_status_t preset_set_out(net_t *net, uint16_t p, uint16_t out, int32_t target);

const char *preset_name(const net_t *net, uint16_t p);
net_status_t preset_set_name(net_t *net, uint16_t p, const char *name);
uint16_t preset_count(const net_t *net);

#endif
