/* SPDX-License-Identifier: MIT */
/* dsp_module.c: the module registry (which class a scene's module name means), parameter
 * lookup by label, and running instances (dsp.h). */
#include <stdlib.h>
#include <string.h>

#include "dsp.h"

extern const dsp_class_t dsp_class_waves, dsp_class_dsyn, dsp_class_lines;

const dsp_class_t *const dsp_classes[] = {&dsp_class_waves, &dsp_class_dsyn, &dsp_class_lines,
                                           NULL};

struct dsp_module {
  const dsp_class_t *cls;
  void *state;
};

const dsp_class_t *dsp_find(const char *module_name) {
  const char *name = module_name;
  size_t n, i;
  if (!name) return NULL;
  if (!strncmp(name, "aleph-", 6)) name += 6; /* bees tries the name without it too */
  n = strlen(name);
  if (n > 4 && !strcmp(name + n - 4, ".ldr")) n -= 4;
  for (i = 0; dsp_classes[i]; i++)
    if (strlen(dsp_classes[i]->name) == n && !strncmp(dsp_classes[i]->name, name, n))
      return dsp_classes[i];
  return NULL;
}

int32_t dsp_param_find(const dsp_class_t *c, const char *label, int32_t radix) {
  int32_t own = -1;
  uint16_t i;
  for (i = 0; i < c->num_params; i++) {
    const dsp_param_desc_t *d = &c->params[i];
    if (strcmp(d->label, label)) continue;
    if (d->alt && d->alt == radix) return i;
    if (!d->alt && own < 0) own = i;
  }
  return own;
}

dsp_module_t *dsp_new(const dsp_class_t *c) {
  dsp_module_t *m = calloc(1, sizeof *m);
  uint16_t i;
  if (!m) return NULL;
  m->cls = c;
  m->state = calloc(1, c->size);
  if (!m->state || !c->init(m->state)) {
    if (m->state && c->deinit) c->deinit(m->state); /* what init got before it failed */
    free(m->state);
    free(m);
    return NULL;
  }
  for (i = 0; i < c->num_params; i++)
    if (!c->params[i].alt) c->set_param(m->state, i, c->params[i].init);
  return m;
}

void dsp_free(dsp_module_t *m) {
  if (!m) return;
  if (m->cls->deinit) m->cls->deinit(m->state);
  free(m->state);
  free(m);
}

const dsp_class_t *dsp_class(const dsp_module_t *m) { return m->cls; }

void dsp_set(dsp_module_t *m, uint16_t id, int32_t value) {
  if (id < m->cls->num_params) m->cls->set_param(m->state, id, value);
}

void dsp_process(dsp_module_t *m, const float *in, float *out, uint32_t frames) {
  m->cls->process(m->state, in, out, frames);
}

void dsp_cv(const dsp_module_t *m, float cv[DSP_CV_OUTS]) { m->cls->cv(m->state, cv); }
