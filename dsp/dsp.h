/* SPDX-License-Identifier: MIT */
/* dsp.h: the simulated Blackfin: aleph-sim's own implementations of the DSP modules bees scenes
 * drive (waves, dsyn, lines; written anew from what monome/aleph's modules/ do), at 48 kHz in
 * floating point, each with its parameter descriptors and defaults. A module gets parameter
 * values in its DSP unit (what bees' scalers send, core/scaler.h), processes four interleaved
 * input channels into four outputs and drives the four CV outputs. Host-side: no I/O, no
 * threads (sim/audio.c feeds it); allocation only when a module is created. */
#ifndef ALEPH_DSP_H
#define ALEPH_DSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DSP_RATE 48000u
#define DSP_CHANNELS 4u /* the Aleph's audio inputs and outputs */
#define DSP_CV_OUTS 4u  /* its 0..10 V control outputs */

/* One parameter as the module declares it (bees' ParamDesc plus the module's default). */
typedef struct {
  const char *label;
  uint8_t type;     /* bees' ParamType (scaler_type_t) */
  int32_t min, max; /* range, in the DSP unit */
  uint8_t radix;
  int32_t init;     /* the module's initial value, in the DSP unit */
  /* 0: the module's own parameter (set to init when the module starts). Otherwise an older
   * release's parameter of the same label, bound only to a scene param whose radix is `alt`
   * (a scene made with that release carries its descriptor): same role, older unit. */
  uint8_t alt;
} dsp_param_desc_t;

typedef struct dsp_class {
  const char *name;    /* bees' module name without "aleph-" and ".ldr": "waves" */
  const dsp_param_desc_t *params;
  uint16_t num_params;
  size_t size;         /* bytes of an instance's state */
  bool (*init)(void *m);   /* zeroed state -> silent module; false if out of memory */
  void (*deinit)(void *m); /* may be NULL */
  void (*set_param)(void *m, uint16_t id, int32_t value);
  /* in, out: frames x DSP_CHANNELS, interleaved, full scale +-1 */
  void (*process)(void *m, const float *in, float *out, uint32_t frames);
  /* the CV outputs now, 0..1 of 10 V */
  void (*cv)(const void *m, float cv[DSP_CV_OUTS]);
} dsp_class_t;

typedef struct dsp_module dsp_module_t;

/* The class a scene's module name names ("aleph-waves.ldr", "aleph-waves", "waves.ldr" and
 * "waves" all name waves), NULL if there is none. */
const dsp_class_t *dsp_find(const char *module_name);
/* The classes there are, NULL-terminated. */
extern const dsp_class_t *const dsp_classes[];
/* The parameter a scene's param of this label and radix binds to: the module's own one of that
 * label, unless an older release's (alt == radix) matches better. -1 if the module has none. */
int32_t dsp_param_find(const dsp_class_t *c, const char *label, int32_t radix);

/* A running module: state allocated, every own parameter at its init. NULL if out of memory. */
dsp_module_t *dsp_new(const dsp_class_t *c);
void dsp_free(dsp_module_t *m);
const dsp_class_t *dsp_class(const dsp_module_t *m);
void dsp_set(dsp_module_t *m, uint16_t id, int32_t value);
void dsp_process(dsp_module_t *m, const float *in, float *out, uint32_t frames);
void dsp_cv(const dsp_module_t *m, float cv[DSP_CV_OUTS]);

#endif
