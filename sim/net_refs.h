/* SPDX-License-Identifier: MIT */
/* net_refs.h: what OSC messages and replay files name, resolved against the running net: ops by
 * name (lib/op_names.h) or decimal index, ports by name, "#k" or index, params by label or
 * index; -1 and a sentence in err for a miss. And the names replies and traces give back. */
#ifndef ALEPH_SIM_NET_REFS_H
#define ALEPH_SIM_NET_REFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net.h"
#include "op_names.h"

/* Op by name (a JSON scene's names, else handles as sio_op_handle gave them at load, "METRO",
 * "ENC#2", "SW1", and NAME#k for ops added since; they stay with their ops) or decimal index. */
int net_ref_op(const op_names_t *names, const net_t *net, const char *ref, char *err,
               size_t errlen);
/* Port of op (inputs or outputs) by name, "#k" or decimal index. */
int net_ref_port(const op_names_t *names, const net_t *net, uint16_t op, bool input,
                 const char *ref, char *err, size_t errlen);
/* Param by label (unique) or decimal index. */
int net_ref_param(const net_t *net, const char *ref, char *err, size_t errlen);
/* Name of op i (out: 40 bytes). */
void net_ref_op_name(const op_names_t *names, const net_t *net, uint16_t i, char *out,
                     size_t cap);
/* Describes a global target: op name + port, or "param" + label ("" for none). */
void net_ref_target_names(const op_names_t *names, const net_t *net, int32_t target, char *op,
                          size_t opcap, char *port, size_t portcap);

#endif
