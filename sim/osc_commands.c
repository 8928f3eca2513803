/* SPDX-License-Identifier: MIT */
/* osc_commands.c: running one OSC message on the simulation thread: names resolved against the
 * running net, everything checked before anything changes, changes pushed as engine events at
 * the current virtual time and applied at once (so they are recorded), replies sent. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file_io.h"
#include "op_catalog.h"
#include "osc_apply.h"
#include "scaler.h"
#include "osc_internal.h"
#include "scene_io.h"
#include "utf8.h"

#define ERRLEN 300

static const struct {
  const char *name;
  uint32_t bits;
} TOPICS[] = {{"outputs", OSC_T_OUTPUTS}, {"inputs", OSC_T_INPUTS}, {"params", OSC_T_PARAMS},
              {"screen", OSC_T_SCREEN},   {"grid", OSC_T_GRID},     {"arc", OSC_T_ARC},
              {"midi", OSC_T_MIDI},       {"stats", OSC_T_STATS},   {"cv", OSC_T_CV},
              {"all", OSC_T_ALL},         {"replies", OSC_T_REPLIES}};

static const char *path_of(const osc_cmd_t *c) { return OSC_ADDRS[c->addr].path; }

/* Pushes one event stamped now and applies it at once. false (with an error reply) if refused. */
static bool apply(osc_server_t *s, const osc_cmd_t *c, uint8_t kind, uint16_t index,
                  int32_t value) {
  engine_t *e = s->e;
  sim_event_t ev;
  uint32_t before = e->applied;
  net_status_t st;
  ev.t = e->now;
  ev.kind = kind;
  ev.index = index;
  ev.value = (int16_t)value;
  if (!engine_push(e, &ev)) {
    osc_error(s, &c->from, "%s: the simulator's event queue refused it", path_of(c));
    return false;
  }
  engine_tick(e, e->now);
  if (e->applied != before) return true;
  st = osc_apply_last_status();
  osc_error(s, &c->from, "%s: the network refused it%s%s", path_of(c), st ? ": " : "",
            st ? net_strerror(st) : "");
  return false;
}

static bool in_range(osc_server_t *s, const osc_cmd_t *c, const char *what, int32_t v, int32_t lo,
                     int32_t hi) {
  if (v >= lo && v <= hi) return true;
  osc_error(s, &c->from, "%s: %s %d is out of range %d..%d", path_of(c), what, (int)v, (int)lo,
            (int)hi);
  return false;
}

/* Op named by argument k (string handle or int index). */
static int arg_op(osc_server_t *s, const osc_cmd_t *c, int k) {
  net_t *net = engine_net(s->e);
  char err[ERRLEN];
  int op;
  if (c->types[k] == 'i') {
    if (!in_range(s, c, "op index", c->i[k], 0, (int32_t)net_op_count(net) - 1)) return -1;
    return c->i[k];
  }
  op = net_ref_op(&s->e->names, net, c->s[k], err, sizeof err);
  if (op < 0) osc_error(s, &c->from, "%s: %s", path_of(c), err);
  return op;
}

static int arg_port(osc_server_t *s, const osc_cmd_t *c, int op, bool input, int k) {
  char err[ERRLEN];
  int p = net_ref_port(&s->e->names, engine_net(s->e), (uint16_t)op, input, c->s[k], err,
                        sizeof err);
  if (p < 0) osc_error(s, &c->from, "%s: %s", path_of(c), err);
  return p;
}

static int arg_param(osc_server_t *s, const osc_cmd_t *c, int k) {
  net_t *net = engine_net(s->e);
  char err[ERRLEN];
  int p;
  if (c->types[k] == 'i') {
    if (!in_range(s, c, "param index", c->i[k], 0, (int32_t)net_param_count(net) - 1)) return -1;
    return c->i[k];
  }
  p = net_ref_param(net, c->s[k], err, sizeof err);
  if (p < 0) osc_error(s, &c->from, "%s: %s", path_of(c), err);
  return p;
}

static void port_names(const op_names_t *names, const net_t *net, uint16_t g, bool input,
                       char *op, size_t opcap, char *port, size_t portcap) {
  uint16_t o;
  uint8_t sub;
  op[0] = port[0] = '\0';
  if (input ? !net_in_owner(net, g, &o, &sub) : !net_out_owner(net, g, &o, &sub)) return;
  net_ref_op_name(names, net, o, op, opcap);
  snprintf(port, portcap, "%s",
           input ? net_op(net, o)->cls->in_names[sub] : net_op(net, o)->cls->out_names[sub]);
}

static void run_connect(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  int32_t out, target;
  int op, port;
  char a[40], b[24], d[40], f[24];
  if (c->addr == OSC_A_CONNECT && c->types[0] == 'i') {
    if (!in_range(s, c, "output", c->i[0], 0, (int32_t)net_out_count(net) - 1) ||
        !in_range(s, c, "target", c->i[1], 0,
                  (int32_t)net_in_count(net) + net_param_count(net) - 1))
      return;
    out = c->i[0];
    target = c->i[1];
  } else {
    op = arg_op(s, c, 0);
    if (op < 0) return;
    port = arg_port(s, c, op, false, 1);
    if (port < 0) return;
    out = net_op_first_out(net, (uint16_t)op) + port;
    if (c->addr == OSC_A_CONNECT_PARAM) {
      int p = arg_param(s, c, 2);
      if (p < 0) return;
      target = net_in_count(net) + p;
    } else {
      int top = arg_op(s, c, 2), tin;
      if (top < 0) return;
      tin = arg_port(s, c, top, true, 3);
      if (tin < 0) return;
      target = net_op_first_in(net, (uint16_t)top) + tin;
    }
  }
  if (target < net_in_count(net)) {
    uint16_t so, to;
    uint8_t sub;
    net_out_owner(net, (uint16_t)out, &so, &sub);
    net_in_owner(net, (uint16_t)target, &to, &sub);
    if (so == to) {
      osc_error(s, &c->from, "%s: an op's output cannot feed its own input", path_of(c));
      return;
    }
  }
  if (!apply(s, c, SIM_EV_CONNECT, (uint16_t)out, target)) return;
  port_names(&s->e->names, net, (uint16_t)out, false, a, sizeof a, b, sizeof b);
  net_ref_target_names(&s->e->names, net, target, d, sizeof d, f, sizeof f);
  osc_reply(s, &c->from, "/aleph/connected", "ssss", a, b, d, f);
}

static void run_disconnect(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  int32_t out;
  char a[40], b[24];
  if (c->types[0] == 'i') {
    if (!in_range(s, c, "output", c->i[0], 0, (int32_t)net_out_count(net) - 1)) return;
    out = c->i[0];
  } else {
    int op = arg_op(s, c, 0), port;
    if (op < 0) return;
    port = arg_port(s, c, op, false, 1);
    if (port < 0) return;
    out = net_op_first_out(net, (uint16_t)op) + port;
  }
  if (!apply(s, c, SIM_EV_CONNECT, (uint16_t)out, -1)) return;
  port_names(&s->e->names, net, (uint16_t)out, false, a, sizeof a, b, sizeof b);
  osc_reply(s, &c->from, "/aleph/disconnected", "ss", a, b);
}

/* The global input (or param) argument 0 (and 1) name; -1 after an error reply. */
static int32_t arg_input(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  int op, port;
  if (c->types[0] == 'i') {
    if (!in_range(s, c, "input", c->i[0], 0, (int32_t)net_in_count(net) - 1)) return -1;
    return c->i[0];
  }
  op = arg_op(s, c, 0);
  if (op < 0) return -1;
  port = arg_port(s, c, op, true, 1);
  if (port < 0) return -1;
  return net_op_first_in(net, (uint16_t)op) + port;
}

static void run_ops(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  uint16_t i, n = net_op_count(net);
  char h[40];
  for (i = 0; i < n; i++) {
    const op_class_t *cls = net_op(net, i)->cls;
    net_ref_op_name(&s->e->names, net, i, h, sizeof h);
    osc_reply(s, &c->from, "/aleph/op", "issii", (int32_t)i, h, cls->name, (int32_t)cls->num_ins,
             (int32_t)cls->num_outs);
  }
  osc_reply(s, &c->from, "/aleph/ops/end", "i", (int32_t)n);
}

static void run_ports(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  int op = arg_op(s, c, 0);
  const op_t *o;
  uint8_t k;
  char h[40], d[40], f[24];
  if (op < 0) return;
  o = net_op(net, (uint16_t)op);
  net_ref_op_name(&s->e->names, net, (uint16_t)op, h, sizeof h);
  for (k = 0; k < o->cls->num_ins; k++)
    osc_reply(s, &c->from, "/aleph/op/in", "ssii", h, o->cls->in_names[k], (int32_t)o->in[k],
             (int32_t)(o->first_in + k));
  for (k = 0; k < o->cls->num_outs; k++) {
    uint16_t g = (uint16_t)(o->first_out + k);
    net_ref_target_names(&s->e->names, net, net_target(net, g), d, sizeof d, f, sizeof f);
    osc_reply(s, &c->from, "/aleph/op/out", "ssssi", h, o->cls->out_names[k], d, f, (int32_t)g);
  }
  osc_reply(s, &c->from, "/aleph/op/ports/end", "s", h);
}

static void run_op_add(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  const op_class_t *cls = op_class_by_name(c->s[0]);
  uint16_t n = net_op_count(net), at = NET_NONE;
  char h[40];
  if (!cls) {
    osc_error(s, &c->from, "%s: no op class is named \"%s\"", path_of(c), c->s[0]);
    return;
  }
  if (cls->flags & OP_FLAG_SYSTEM) {
    osc_error(s, &c->from, "%s: %s is a system op class", path_of(c), cls->name);
    return;
  }
  if (c->types[1] == 'i') {
    if (!in_range(s, c, "position", c->i[1], 0, n)) return;
    at = (uint16_t)c->i[1];
  }
  if (n >= net_get_limits(net)->max_ops) {
    osc_error(s, &c->from, "%s: the net is full (%u ops)", path_of(c), n);
    return;
  }
  if (!apply(s, c, SIM_EV_OP_ADD, at, (int32_t)cls->id)) return;
  if (at == NET_NONE) at = (uint16_t)(net_op_count(net) - 1u);
  net_ref_op_name(&s->e->names, net, at, h, sizeof h);
  osc_reply(s, &c->from, "/aleph/op/added", "is", (int32_t)at, h);
}

static void run_op_remove(osc_server_t *s, const osc_cmd_t *c) {
  net_t *net = engine_net(s->e);
  int op = arg_op(s, c, 0);
  char h[40];
  if (op < 0) return;
  if (net_op(net, (uint16_t)op)->cls->flags & OP_FLAG_SYSTEM) {
    osc_error(s, &c->from, "%s: op %d is a system op", path_of(c), op);
    return;
  }
  net_ref_op_name(&s->e->names, net, (uint16_t)op, h, sizeof h);
  if (apply(s, c, SIM_EV_OP_REMOVE, (uint16_t)op, 0))
    osc_reply(s, &c->from, "/aleph/op/removed", "is", (int32_t)op, h);
}

/* The union of the subscribers' topics and the "replies" copies, after a change. */
static void update_topics(osc_server_t *s) {
  uint32_t i;
  s->topics = 0;
  pthread_mutex_lock(&s->lock); /* the receive thread's errors read the reply copies too */
  s->n_mirror = 0;
  for (i = 0; i < OSC_SUBSCRIBERS; i++) {
    s->topics |= s->subs[i].topics;
    if (s->subs[i].topics & OSC_T_REPLIES) s->mirror[s->n_mirror++] = s->subs[i].addr;
  }
  pthread_mutex_unlock(&s->lock);
}

static void run_subscribe(osc_server_t *s, const osc_cmd_t *c, bool on) {
  struct sockaddr_in to = c->from;
  uint32_t bits = 0, i;
  osc_sub_t *slot = NULL;
  for (i = 0; i < sizeof TOPICS / sizeof TOPICS[0]; i++)
    if (!strcmp(TOPICS[i].name, c->s[0])) bits = TOPICS[i].bits;
  if (!bits) {
    osc_error(s, &c->from, "%s: no topic \"%s\" (outputs, inputs, params, screen, grid, arc, "
              "midi, stats, cv, all, replies)", path_of(c), c->s[0]);
    return;
  }
  if (c->types[1] == 'i') {
    if (!in_range(s, c, "port", c->i[1], 1, 65535)) return;
    to.sin_port = htons((uint16_t)c->i[1]);
  }
  for (i = 0; i < OSC_SUBSCRIBERS; i++)
    if (s->subs[i].topics && s->subs[i].addr.sin_port == to.sin_port &&
        s->subs[i].addr.sin_addr.s_addr == to.sin_addr.s_addr)
      slot = &s->subs[i];
  if (on && !slot)
    for (i = 0; i < OSC_SUBSCRIBERS && !slot; i++)
      if (!s->subs[i].topics) slot = &s->subs[i];
  if (on && !slot) {
    osc_error(s, &c->from, "%s: %u subscribers already", path_of(c), OSC_SUBSCRIBERS);
    return;
  }
  if (slot) {
    slot->addr = to;
    slot->topics = on ? slot->topics | bits : slot->topics & ~bits;
  }
  update_topics(s);
  if (on && (bits & OSC_T_SCREEN)) s->screen_valid = false; /* a newcomer gets the whole screen */
  if (on && (bits & OSC_T_GRID)) s->grid_valid = false;
  if (on && (bits & OSC_T_ARC)) s->arc_valid = false;
  if (on && (bits & OSC_T_CV)) s->cv_valid = false;
  osc_reply(s, &c->from, on ? "/aleph/subscribed" : "/aleph/unsubscribed", "si", c->s[0],
           (int32_t)ntohs(to.sin_port));
}

static void run_monome(osc_server_t *s, const osc_cmd_t *c) {
  int32_t cols = c->types[1] == 'i' ? c->i[1] : 0, rows = c->types[2] == 'i' ? c->i[2] : 0;
  monome_kind_t kind;
  if (!strcmp(c->s[0], "grid") && !strcmp(c->types, "sii")) {
    kind = MONOME_GRID;
    if (!((cols == 8 && rows == 8) || (cols == 16 && rows == 8) || (cols == 16 && rows == 16) ||
          (cols == 0 && rows == 0))) { /* 0 0: the grid unplugged, an arc kept */
      osc_error(s, &c->from, "%s: a grid is 8 8, 16 8 or 16 16 (0 0 unplugs it), not %d %d",
                path_of(c), (int)cols, (int)rows);
      return;
    }
  } else if (!strcmp(c->s[0], "arc") && !strcmp(c->types, "si")) {
    kind = MONOME_ARC;
    if (cols != 2 && cols != 4 && cols != 0) {
      osc_error(s, &c->from, "%s: an arc has 2 or 4 rings (0 unplugs it), not %d", path_of(c),
                (int)cols);
      return;
    }
  } else if (!strcmp(c->s[0], "none") && !strcmp(c->types, "s")) {
    kind = MONOME_NONE;
  } else {
    osc_error(s, &c->from, "%s: say grid COLS ROWS, arc RINGS or none", path_of(c));
    return;
  }
  if (apply(s, c, SIM_EV_MONOME, (uint16_t)kind, cols | rows << 8)) {
    s->grid_valid = s->arc_valid = false;
    osc_reply(s, &c->from, "/aleph/monome/connected", "sii", c->s[0], cols, rows);
  }
}

/* The file a scene message names, inside the scene folder: a name ("mine" is mine.scn) or a
 * path that resolves there, links followed. malloc'd; NULL after an error reply. */
static char *scene_file(osc_server_t *s, const osc_cmd_t *c, bool must_exist) {
  char err[ERRLEN], name[OSC_STR_MAX + 8];
  const char *base = strrchr(c->s[0], '/');
  size_t bad;
  char *file;
  if (!s->scene_dir) {
    osc_error(s, &c->from, "%s: refused: this server has no file access", path_of(c));
    return NULL;
  }
  if ((bad = utf8_invalid_at(c->s[0])) != (size_t)-1) {
    osc_error(s, &c->from, "%s: byte %zu of the name is not UTF-8 (a recording could not hold "
              "it); refused", path_of(c), bad);
    return NULL;
  }
  base = base ? base + 1 : c->s[0];
  snprintf(name, sizeof name, "%s%s", c->s[0], *base && !strchr(base, '.') ? ".scn" : "");
  file = fio_resolve_inside(s->scene_dir, name, must_exist, err, sizeof err);
  if (!file) osc_error(s, &c->from, "%s: %s", path_of(c), err);
  return file;
}

static void run_scene(osc_server_t *s, const osc_cmd_t *c) {
  char *file = scene_file(s, c, c->addr == OSC_A_SCENE_LOAD);
  if (!file) return;
  if (c->addr == OSC_A_SCENE_LOAD) {
    /* an event like every other change, so --record keeps it (with its path) for --replay */
    engine_t *e = s->e;
    int id = engine_path_id(e, file);
    sim_event_t ev;
    uint32_t before = e->applied;
    free(file);
    if (id < 0) {
      osc_error(s, &c->from, "%s: this session has loaded %u different scene files, the most "
                "one recording holds; load one of those again", path_of(c), SIM_PATHS_MAX);
      return;
    }
    memset(&ev, 0, sizeof ev);
    ev.t = e->now;
    ev.kind = SIM_EV_SCENE_LOAD;
    ev.index = (uint16_t)id;
    ev.value = 0;
    e->error[0] = '\0';
    if (!engine_push(e, &ev)) {
      engine_path_release(e, id);
      osc_error(s, &c->from, "%s: the simulator's event queue refused it", path_of(c));
      return;
    }
    engine_tick(e, e->now);
    if (e->applied == before) {
      engine_path_release(e, id); /* a failed load uses up none of the session's paths */
      osc_error(s, &c->from, "%s: %s", path_of(c), e->error[0] ? e->error : "not loaded");
      return;
    }
    s->screen_valid = s->grid_valid = s->arc_valid = false;
    osc_reply(s, &c->from, "/aleph/scene/loaded", "si", c->s[0],
             (int32_t)net_op_count(engine_net(s->e)));
  } else {
    scene_header_t hdr;
    sio_error_t serr;
    bool ok;
    size_t fl = strlen(file);
    scene_header_init(&hdr);
    if (fl > 5 && !strcmp(file + fl - 5, ".json")) { /* JSON, with the ops' names */
      char *text = scene_json_write_named(engine_net(s->e), &hdr, SCENE_LAYOUT_AUTO,
                                          &s->e->names, &serr);
      ok = text && sio_write_file(file, text, strlen(text), &serr);
      free(text);
    } else {
      ok = sio_save_scn(engine_net(s->e), &hdr, SCENE_LAYOUT_AUTO, file, &serr);
    }
    free(file);
    if (!ok) {
      osc_error(s, &c->from, "%s: %s", path_of(c), serr.message);
      return;
    }
    osc_reply(s, &c->from, "/aleph/scene/saved", "s", c->s[0]);
  }
}

/* A subscriber's port or host is unreachable: its subscriptions go, its slot is free again. */
static void run_gone(osc_server_t *s, const osc_cmd_t *c) {
  uint32_t i, dropped = 0;
  for (i = 0; i < OSC_SUBSCRIBERS; i++)
    if (s->subs[i].topics && s->subs[i].addr.sin_port == c->from.sin_port &&
        s->subs[i].addr.sin_addr.s_addr == c->from.sin_addr.s_addr) {
      s->subs[i].topics = 0;
      dropped++;
    }
  if (!dropped) return;
  update_topics(s);
  fprintf(stderr, "aleph-sim: osc: subscriber %s:%u is unreachable; unsubscribed\n",
          inet_ntoa(c->from.sin_addr), (unsigned)ntohs(c->from.sin_port));
}

void osc_run(osc_server_t *s, const osc_cmd_t *c) {
  engine_t *e = s->e;
  net_t *net = engine_net(e);
  const int32_t *i = c->i;
  switch ((osc_addr_t)c->addr) {
  case OSC_A_ENC:
    if (in_range(s, c, "encoder", i[0], 0, 3) && in_range(s, c, "delta", i[1], -32768, 32767))
      apply(s, c, SIM_EV_ENCODER, (uint16_t)i[0], i[1]);
    break;
  case OSC_A_SW:
    if (in_range(s, c, "switch", i[0], 0, SIM_SW_COUNT - 1) &&
        in_range(s, c, "pressed", i[1], 0, 1))
      apply(s, c, SIM_EV_SWITCH, (uint16_t)i[0], i[1]);
    break;
  case OSC_A_FS:
    if (in_range(s, c, "footswitch", i[0], 0, 1) && in_range(s, c, "pressed", i[1], 0, 1))
      apply(s, c, SIM_EV_SWITCH, (uint16_t)(SIM_SW_FS1 + i[0]), i[1]);
    break;
  case OSC_A_CV:
    if (in_range(s, c, "channel", i[0], 0, 3) && in_range(s, c, "value", i[1], 0, 4095))
      apply(s, c, SIM_EV_CV, (uint16_t)i[0], i[1]);
    break;
  case OSC_A_PING:
    if (c->types[0] == 'i')
      osc_reply(s, &c->from, "/aleph/pong", "ii", i[0], (int32_t)e->now);
    else
      osc_reply(s, &c->from, "/aleph/pong", "ii", 0, (int32_t)e->now);
    break;
  case OSC_A_OPS: run_ops(s, c); break;
  case OSC_A_OP_ADD: run_op_add(s, c); break;
  case OSC_A_OP_REMOVE: run_op_remove(s, c); break;
  case OSC_A_OP_PORTS: run_ports(s, c); break;
  case OSC_A_CONNECT:
  case OSC_A_CONNECT_PARAM: run_connect(s, c); break;
  case OSC_A_DISCONNECT: run_disconnect(s, c); break;
  case OSC_A_IN: {
    int32_t g = arg_input(s, c);
    int32_t v = c->types[0] == 'i' ? i[1] : i[2];
    if (g >= 0 && in_range(s, c, "value", v, -32768, 32767)) apply(s, c, SIM_EV_INPUT, (uint16_t)g, v);
    break;
  }
  case OSC_A_IN_GET: {
    int32_t g = arg_input(s, c);
    char a[40], b[24];
    if (g < 0) break;
    port_names(&s->e->names, net, (uint16_t)g, true, a, sizeof a, b, sizeof b);
    osc_reply(s, &c->from, "/aleph/in/value", "ssi", a, b, (int32_t)net_get_value(net, (uint16_t)g));
    break;
  }
  case OSC_A_PARAM: {
    int p = arg_param(s, c, 0);
    if (p >= 0 && in_range(s, c, "value", i[1], -32768, 32767))
      apply(s, c, SIM_EV_INPUT, (uint16_t)(net_in_count(net) + p), i[1]);
    break;
  }
  case OSC_A_PARAMS: {
    uint16_t p, n = net_param_count(net);
    for (p = 0; p < n; p++) { /* and what the DSP gets, as bees' scaler shows it */
      const net_param_t *pp = net_param(net, p);
      char text[SCALER_TEXT_CAP];
      const char *t = text;
      scaler_text(pp, pp->value, text);
      while (*t == ' ') t++;
      osc_reply(s, &c->from, "/aleph/param/info", "isisis", (int32_t)p, pp->label,
                (int32_t)pp->value, sio_param_type_name(pp->type), scaler_value(pp, pp->value), t);
    }
    osc_reply(s, &c->from, "/aleph/params/end", "i", (int32_t)n);
    break;
  }
  case OSC_A_CV_OUT: osc_send_cv(s, &c->from, true); break;
  case OSC_A_DSP: {
    audio_info_t a;
    audio_get_info(e->audio, &a);
    osc_reply(s, &c->from, "/aleph/dsp", "ssiii", a.module, audio_state(e->audio),
              (int32_t)a.bound, (int32_t)a.underruns, (int32_t)a.muted);
    break;
  }
  case OSC_A_SUBSCRIBE: run_subscribe(s, c, true); break;
  case OSC_A_UNSUBSCRIBE: run_subscribe(s, c, false); break;
  case OSC_A_STATS: osc_send_stats(s, &c->from, true); break;
  case OSC_A_SCENE_LOAD:
  case OSC_A_SCENE_SAVE: run_scene(s, c); break;
  case OSC_A_MIDI:
    if (in_range(s, c, "status", i[0], 0x80, 0xFF) && in_range(s, c, "data1", i[1], 0, 127) &&
        in_range(s, c, "data2", i[2], 0, 127))
      apply(s, c, SIM_EV_MIDI, (uint16_t)(i[0] | i[1] << 8), i[2]);
    break;
  case OSC_A_HID: /* one byte of the HID frame changed: the frame goes to the HID ops */
    if (in_range(s, c, "byte", i[0], 0, 31) && in_range(s, c, "value", i[1], 0, 255))
      apply(s, c, SIM_EV_HID, (uint16_t)(i[0] | SIM_HID_LAST), i[1]);
    break;
  case OSC_A_MONOME: run_monome(s, c); break;
  case OSC_A_GONE: run_gone(s, c); break;
  case OSC_A_GRID_KEY:
    if (!monome_has_grid(&e->monome)) {
      osc_error(s, &c->from, "grid/key: no grid is connected (/aleph/monome/connect grid 16 8)");
      break;
    }
    if (in_range(s, c, "x", i[0], 0, e->monome.cols - 1) &&
        in_range(s, c, "y", i[1], 0, e->monome.rows - 1) && in_range(s, c, "state", i[2], 0, 1))
      apply(s, c, SIM_EV_GRID_KEY, (uint16_t)(i[0] + 16 * i[1]), i[2]);
    break;
  case OSC_A_ARC_DELTA:
    if (!monome_has_arc(&e->monome)) {
      osc_error(s, &c->from, "enc/delta: no arc is connected (/aleph/monome/connect arc 4)");
      break;
    }
    if (in_range(s, c, "ring", i[0], 0, e->monome.rings - 1) &&
        in_range(s, c, "delta", i[1], -128, 127))
      apply(s, c, SIM_EV_ARC, (uint16_t)i[0], i[1]);
    break;
  default:
    break;
  }
}
