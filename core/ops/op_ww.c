/* SPDX-License-Identifier: MIT */
/* op_ww.c: WW, the white whale grid sequencer (bees op_ww, a port of the monome white whale
 * module): 16 patterns of up to 16 steps with four trigger rows, two CV channels (free curves or
 * values mapped from a 16-entry table), per-step probabilities, loops, forward / reverse / drunk /
 * random play, pattern series. CLOCK >= 1 advances (a value <= 0 is the clock going low, which
 * in trigger mode 0 clears the triggers); every CLOCK input fires CVA, CVB, then TR0..TR3 (1) for
 * the triggered rows, then POS. PARAM (0..4095) stands in for white whale's knob. CUT and
 * PATTERN do nothing (as in bees). The grid shows edits at the next 50 ms refresh, which also
 * times long presses (a pattern key held 0.5 s copies the current pattern there).
 *
 * 0.8.1 state: FOCUS, PARAM, then the 16 patterns, series list, mutes as bees' AVR32 struct
 * image (3976 bytes, big-endian, 4-byte aligned, enums 4 bytes; struct padding kept so hardware
 * files round-trip) written as 994 little-endian u32 words. 0.7.1 state: FOCUS, PARAM.
 *
 * Differs from bees: the random generator is per op and also serves the one place bees called
 * the C library's rand(); FOCUS with no grid connected keeps the size (bees read 0 columns and
 * ran the playhead out of its arrays); held-key bookkeeping stays within its 32 slots and never
 * goes below 0 keys; a PARAM while probability editing with a live parameter does nothing (bees
 * wrote through a pointer it never set); value edits with several values selected and random
 * choices among zero candidates do nothing (bees indexed -1 / divided by zero); keys below row 8
 * only; scene data out of range is indexed modulo the array sizes; LEDs outside the buffer are
 * not drawn.
 * Focus follows monome.h (release only by the holder; grid and arc focus separate). */
#include "monome.h"
#include "op.h"
#include "op_timer.h"

enum { IN_FOCUS, IN_CLOCK, IN_PARAM, IN_CUT, IN_PATTERN };
enum { OUT_TR0, OUT_TR1, OUT_TR2, OUT_TR3, OUT_CVA, OUT_CVB, OUT_POS };
enum { EDIT_TRIG, EDIT_MAP, EDIT_SERIES };
enum { STEP_FORWARD, STEP_REVERSE, STEP_DRUNK, STEP_RANDOM };

#define PATTERNS 16u
#define SERIES 64u
#define SET_IMAGE_BYTES 3976u
#define PATTERN_IMAGE_BYTES 240u
#define REFRESH_MS 50u
#define HOLD_POLLS 10u

typedef struct {
  uint8_t loop_start, loop_end, loop_len, loop_dir;
  uint16_t step_choice;
  uint8_t cv_mode[2];
  uint8_t tr_mode;
  uint8_t pad[3];     /* AVR32 padding before step_mode */
  uint32_t step_mode; /* an enum: 4 bytes on the AVR32 */
  uint8_t steps[16];
  uint8_t step_probs[16];
  uint16_t cv_values[16];
  uint16_t cv_steps[2][16];
  uint16_t cv_curves[2][16];
  uint8_t cv_probs[2][16];
} ww_pattern_t;

typedef struct {
  ww_pattern_t wp[PATTERNS];
  uint16_t series_list[SERIES];
  uint8_t series_start, series_end;
  uint8_t tr_mute[4];
  uint8_t cv_mute[2];
} ww_set_t;

/* the session state bees keeps beside the pattern set (not saved) */
typedef struct {
  uint8_t edit_mode, edit_cv_step, edit_cv_ch;
  int8_t edit_cv_value;
  uint8_t edit_prob, live_in, scale_select, pattern, next_pattern, pattern_jump;
  uint8_t series_pos, series_next, series_jump, series_playing, screll, screll_pos;
  uint8_t key_alt, center, key_count, keyfirst_pos;
  int8_t keycount_pos;
  uint8_t keycount_series, keycount_cv;
  int8_t pos, cut_pos, next_pos, drunk_step, triggered;
  uint8_t cv_chosen[2];
  uint16_t cv0, cv1;
  uint8_t param_accept;
  uint16_t clip;
  uint16_t *param_dest;
  uint8_t series_step, size, length, vari, dirty;
  uint8_t tr[4];
  uint16_t param;
  uint8_t held_keys[32];
  uint8_t key_times[256];
} ww_session_t;

typedef struct {
  op_t super;
  io_t in[5];
  op_target_t out[7];
  monome_client_t mon;
  op_timer_t refresh;
  uint32_t rng[2];
  ww_set_t w;
  ww_session_t x;
  uint8_t leds[MONOME_GRID_LEDS];
} op_ww_t;

/* white whale's CV tables (12-bit DAC units) */
static const uint16_t scales[24][16] = {
  {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
  {0, 68, 136, 170, 238, 306, 375, 409, 477, 545, 579, 647, 715, 784, 818, 886},
  {0, 68, 102, 170, 238, 306, 340, 409, 477, 511, 579, 647, 715, 750, 818, 886},
  {0, 34, 102, 170, 238, 272, 340, 409, 443, 511, 579, 647, 681, 750, 818, 852},
  {0, 68, 136, 204, 238, 306, 375, 409, 477, 545, 613, 647, 715, 784, 818, 886},
  {0, 68, 136, 170, 238, 306, 340, 409, 477, 545, 579, 647, 715, 750, 818, 886},
  {0, 68, 136, 170, 238, 306, 340, 409, 477, 545, 579, 647, 715, 750, 818, 886},
  {0, 34, 102, 170, 204, 272, 340, 409, 443, 511, 579, 613, 681, 750, 818, 852},
  {0, 34, 68, 102, 136, 170, 204, 238, 272, 306, 341, 375, 409, 443, 477, 511},
  {0, 68, 136, 204, 272, 341, 409, 477, 545, 613, 682, 750, 818, 886, 954, 1022},
  {0, 170, 340, 511, 681, 852, 1022, 1193, 1363, 1534, 1704, 1875, 2045, 2215, 2386, 2556},
  {0, 238, 477, 715, 954, 1193, 1431, 1670, 1909, 2147, 2386, 2625, 2863, 3102, 3340, 3579},
  {0, 17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187, 204, 221, 238, 255},
  {0, 8, 17, 25, 34, 42, 51, 59, 68, 76, 85, 93, 102, 110, 119, 127},
  {0, 61, 122, 163, 245, 327, 429, 491, 552, 613, 654, 736, 818, 920, 982, 1105},
  {0, 61, 130, 163, 245, 337, 441, 491, 552, 621, 654, 736, 828, 932, 982, 1105},
  {0, 272, 545, 818, 1090, 1363, 1636, 1909, 2181, 2454, 2727, 3000, 3272, 3545, 3818, 4091},
  {0, 136, 272, 409, 545, 682, 818, 955, 1091, 1228, 1364, 1501, 1637, 1774, 1910, 2047},
  {0, 68, 136, 204, 272, 341, 409, 477, 545, 613, 682, 750, 818, 886, 954, 1023},
  {0, 34, 68, 102, 136, 170, 204, 238, 272, 306, 340, 374, 408, 442, 476, 511},
  {0, 53, 118, 196, 291, 405, 542, 708, 908, 1149, 1441, 1792, 2216, 2728, 3345, 4091},
  {0, 136, 272, 409, 545, 682, 818, 955, 1091, 1228, 1364, 1501, 1637, 1774, 1910, 2047},
  {0, 745, 1362, 1874, 2298, 2649, 2941, 3182, 3382, 3548, 3685, 3799, 3894, 3972, 4037, 4091},
  {0, 372, 681, 937, 1150, 1325, 1471, 1592, 1692, 1775, 1844, 1901, 1948, 1987, 2020, 2047},
};

static uint32_t rnd(op_ww_t *ww) {
  ww->rng[0] = ww->rng[0] * 0x3c6ef35fu + 0x19660du;
  ww->rng[1] = ww->rng[1] * 0x3c6ef35fu + 0x19660du;
  return (ww->rng[0] >> 16) | (ww->rng[1] >> 16);
}

static ww_pattern_t *cur(op_ww_t *ww) { return &ww->w.wp[ww->x.pattern & 15u]; }
static uint8_t at(int32_t v) { return (uint8_t)((uint32_t)v & 15u); }

static void led(op_ww_t *ww, int32_t i, uint8_t level) {
  if (i >= 0 && i < (int32_t)MONOME_GRID_LEDS) ww->leds[i] = level;
}
static void led_add(op_ww_t *ww, int32_t i, uint8_t inc) {
  if (i >= 0 && i < (int32_t)MONOME_GRID_LEDS) ww->leds[i] = (uint8_t)(ww->leds[i] + inc);
}

/* ---------------------------------------------------------------- grid display */

static void draw_probs_page(op_ww_t *ww, const uint8_t *probs, uint8_t hi, uint8_t mid,
                            uint8_t bg, uint8_t mark) {
  uint8_t i;
  for (i = 0; i < ww->x.size; i++) {
    led(ww, 64 + i, bg);
    led(ww, 80 + i, bg);
    led(ww, 96 + i, bg);
    led(ww, 112 + i, bg);
    if (probs[i] == 255) {
      led(ww, 48 + i, hi);
    } else if (probs[i] == 0) {
      led(ww, 48 + i, 0);
      led(ww, 112 + i, mark);
    } else {
      led(ww, 48 + i, mid);
      led(ww, 64 + 16 * (3 - (probs[i] >> 6)) + i, mark);
    }
  }
}

static void refresh_vari(op_ww_t *ww) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t ch = (uint8_t)(x->edit_cv_ch & 1u), i, j;
  for (i = 0; i < 16; i++) {
    ww->leds[i] = 0;
    ww->leds[16 + i] = 0;
    ww->leds[32 + i] = 4;
    ww->leds[48 + i] = 0;
  }
  if (x->edit_mode == EDIT_TRIG) {
    for (i = 0; i < 4; i++) ww->leds[i] = 4;
  } else if (x->edit_mode == EDIT_MAP) {
    if (x->size == 16)
      for (i = 0; i < 4; i++) led(ww, 4 + i + ch * 4, 4);
    else
      led(ww, 4 + ch, 4);
  } else if (x->edit_mode == EDIT_SERIES) {
    led(ww, x->length - 1, 7);
  }
  led(ww, x->length, x->key_alt ? 11 : 4);
  if (x->screll) {
    for (i = 0; i < 4; i++)
      if (ww->w.tr_mute[i]) ww->leds[i] = 11;
  } else if (x->triggered) {
    for (i = 0; i < 4; i++)
      if ((x->triggered & (1 << i)) && ww->w.tr_mute[i])
        ww->leds[i] = (uint8_t)(11 - 4 * p->tr_mode);
  }
  if (x->screll) {
    if (x->size == 16) {
      for (i = 0; i < 4; i++) {
        if (ww->w.cv_mute[0]) ww->leds[4 + i] = 11;
        if (ww->w.cv_mute[1]) ww->leds[8 + i] = 11;
      }
    } else {
      if (ww->w.cv_mute[0]) ww->leds[4] = 11;
      if (ww->w.cv_mute[1]) ww->leds[5] = 11;
    }
  } else if (x->size == 16) {
    led(ww, x->cv0 / 1024 + 4, 11);
    led(ww, x->cv1 / 1024 + 8, 11);
  }
  if (p->loop_dir)
    for (i = 0; i < x->size; i++) {
      if (p->loop_dir == 1 && i >= p->loop_start && i <= p->loop_end)
        ww->leds[16 + i] = 4;
      else if (p->loop_dir == 2 && (i <= p->loop_end || i >= p->loop_start))
        ww->leds[16 + i] = 4;
    }
  if (x->cut_pos) led(ww, 16 + x->next_pos, 7);
  led(ww, 16 + x->pos, 15);
  led(ww, 32 + x->pattern, 11);
  if (x->pattern != x->next_pattern) led(ww, 32 + x->next_pattern, 7);

  if (x->edit_mode == EDIT_TRIG) {
    if (x->edit_prob == 0) {
      for (i = 0; i < x->size; i++) {
        for (j = 0; j < 4; j++) {
          uint8_t *l = &ww->leds[(j + 4) * 16 + i];
          bool on = (p->steps[i] & (1 << j)) != 0;
          if (on && i == x->pos && (x->triggered & (1 << j)) && ww->w.tr_mute[j])
            *l = 11;
          else if (on && (p->step_choice & (1u << i)))
            *l = 4;
          else if (on)
            *l = 7;
          else if (i == x->pos)
            *l = 4;
          else
            *l = 0;
        }
        if (p->step_probs[i] == 255)
          ww->leds[48 + i] = 11;
        else if (p->step_probs[i] > 0)
          ww->leds[48 + i] = 4;
      }
    } else if (x->edit_prob == 1) {
      draw_probs_page(ww, p->step_probs, 11, 4, 4, 7);
    }
  } else if (x->edit_mode == EDIT_MAP) {
    if (x->edit_prob == 0) {
      if (p->cv_mode[ch] == 0) { /* curves */
        for (i = 0; i < x->size; i++) {
          uint16_t c = p->cv_curves[ch][i];
          if (p->cv_probs[ch][i] == 255)
            ww->leds[48 + i] = 11;
          else if (p->cv_probs[ch][i] > 0)
            ww->leds[48 + i] = 7;
          ww->leds[112 + i] = c > 1023 ? 7 : 0;
          ww->leds[96 + i] = c > 2047 ? 7 : 0;
          ww->leds[80 + i] = c > 3071 ? 7 : 0;
          ww->leds[64 + i] = 0;
          led(ww, 64 + 16 * (3 - (c >> 10)) + i, (uint8_t)((c >> 7) & 7u));
        }
        led_add(ww, 64 + x->pos, 4);
        led_add(ww, 80 + x->pos, 4);
        led_add(ww, 96 + x->pos, 4);
        led_add(ww, 112 + x->pos, 4);
      } else if (!x->scale_select) { /* values */
        for (i = 0; i < x->size; i++) {
          if (p->cv_probs[ch][i] == 255)
            ww->leds[48 + i] = 11;
          else if (p->cv_probs[ch][i] > 0)
            ww->leds[48 + i] = 7;
          ww->leds[64 + i] = 4;
          if (x->edit_cv_value != -1) {
            uint16_t v = p->cv_values[at(x->edit_cv_value)];
            ww->leds[80 + i] = (v >> 8) >= i ? 7 : 0;
            ww->leds[96 + i] = ((v >> 4) & 15u) >= i ? 4 : 0;
          } else {
            ww->leds[80 + i] = 0;
            ww->leds[96 + i] = 0;
          }
          ww->leds[112 + i] = (p->cv_steps[ch][at(x->edit_cv_step)] & (1u << i)) ? 7 : 0;
        }
        led(ww, 64 + x->pos, 7);
        led(ww, 64 + x->edit_cv_step, 11);
        led(ww, 112 + x->cv_chosen[ch], 11);
      } else { /* choosing a scale */
        for (i = 0; i < x->size; i++) {
          if (p->cv_probs[ch][i] == 255)
            ww->leds[48 + i] = 11;
          else if (p->cv_probs[ch][i] > 0)
            ww->leds[48 + i] = 7;
          ww->leds[64 + i] = i < 8 ? 4 : 0;
          ww->leds[80 + i] = i < 8 ? 4 : 0;
          ww->leds[96 + i] = i < 8 ? 4 : 0;
          ww->leds[112 + i] = 0;
        }
        ww->leds[112] = 7;
      }
    } else if (x->edit_prob == 1) {
      draw_probs_page(ww, p->cv_probs[ch], 11, 4, 4, 7);
    }
  } else if (x->edit_mode == EDIT_SERIES) {
    for (i = 0; i < 6; i++) {
      uint8_t row = (uint8_t)(i + x->screll_pos);
      for (j = 0; j < x->size; j++)
        ww->leds[32 + i * 16 + j] =
            (row == ww->w.series_start || row == ww->w.series_end) ? 4 : 0;
      led(ww, 32 + i * 16 + (x->screll_pos + i) / (64 / x->size), 4);
      if (row > ww->w.series_start && row < ww->w.series_end) {
        ww->leds[32 + i * 16] = 4;
        led(ww, 32 + i * 16 + x->length, 4);
      }
      for (j = 0; j < x->size; j++)
        if ((ww->w.series_list[row & 63u] >> j) & 1u) ww->leds[32 + i * 16 + j] = 7;
    }
    if (x->series_pos >= x->screll_pos && x->series_pos < x->screll_pos + 6)
      led(ww, 32 + (x->series_pos - x->screll_pos) * 16 + x->series_playing, 11);
  }
  monome_mark_quadrant(&ww->mon, 0);
  monome_mark_quadrant(&ww->mon, 1);
}

static void refresh_mono(op_ww_t *ww) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t ch = (uint8_t)(x->edit_cv_ch & 1u), i, j;
  for (i = 0; i < 64; i++) ww->leds[i] = 0;
  if (x->edit_mode == EDIT_TRIG) {
    for (i = 0; i < 4; i++) ww->leds[i] = 11;
  } else if (x->edit_mode == EDIT_MAP) {
    if (x->size == 16)
      for (i = 0; i < 4; i++) led(ww, 4 + i + ch * 4, 11);
    else
      led(ww, 4 + ch, 11);
  } else if (x->edit_mode == EDIT_SERIES) {
    led(ww, x->length - 1, 11);
  }
  if (x->screll) {
    for (i = 0; i < 4; i++) ww->leds[i] = (uint8_t)(11 * ww->w.tr_mute[i]);
    if (x->size == 16) {
      for (i = 0; i < 4; i++) {
        ww->leds[4 + i] = (uint8_t)(11 * ww->w.cv_mute[0]);
        ww->leds[8 + i] = (uint8_t)(11 * ww->w.cv_mute[1]);
      }
    } else {
      ww->leds[4] = (uint8_t)(11 * ww->w.cv_mute[0]);
      ww->leds[5] = (uint8_t)(11 * ww->w.cv_mute[1]);
    }
  }
  if (x->key_alt) led(ww, x->length, 11);
  led(ww, 16 + x->pos, 15);
  led(ww, 32 + x->pattern, 11);

  if (x->edit_mode == EDIT_TRIG) {
    if (x->edit_prob == 0) {
      for (i = 0; i < x->size; i++) {
        for (j = 0; j < 4; j++) ww->leds[(j + 4) * 16 + i] = (p->steps[i] & (1 << j)) ? 11 : 0;
        if (p->step_probs[i] > 0) ww->leds[48 + i] = 11;
      }
    } else if (x->edit_prob == 1) {
      draw_probs_page(ww, p->step_probs, 11, 11, 0, 11);
    }
  } else if (x->edit_mode == EDIT_MAP) {
    if (x->edit_prob == 0) {
      if (p->cv_mode[ch] == 0) {
        for (i = 0; i < x->size; i++) {
          uint16_t c = p->cv_curves[ch][i];
          if (p->cv_probs[ch][i] > 0) ww->leds[48 + i] = 11;
          ww->leds[112 + i] = c > 511 ? 11 : 0;
          ww->leds[96 + i] = c > 1535 ? 11 : 0;
          ww->leds[80 + i] = c > 2559 ? 11 : 0;
          ww->leds[64 + i] = c > 3583 ? 11 : 0;
        }
      } else if (!x->scale_select) {
        for (i = 0; i < x->size; i++) {
          if (p->cv_probs[ch][i] > 0) ww->leds[48 + i] = 11;
          ww->leds[64 + i] = 0;
          if (x->edit_cv_value != -1) {
            uint16_t v = p->cv_values[at(x->edit_cv_value)];
            ww->leds[80 + i] = (v >> 8) >= i ? 11 : 0;
            ww->leds[96 + i] = ((v >> 4) & 15u) >= i ? 11 : 0;
          } else {
            ww->leds[80 + i] = 0;
            ww->leds[96 + i] = 0;
          }
          ww->leds[112 + i] = (p->cv_steps[ch][at(x->edit_cv_step)] & (1u << i)) ? 11 : 0;
        }
        led(ww, 64 + x->edit_cv_step, 11);
        led(ww, 112 + x->cv_chosen[ch], 11);
      } else {
        for (i = 0; i < x->size; i++) {
          if (p->cv_probs[ch][i] > 0) ww->leds[48 + i] = 11;
          ww->leds[64 + i] = 0;
          ww->leds[80 + i] = 0;
          ww->leds[96 + i] = 0;
          ww->leds[112 + i] = 0;
        }
        ww->leds[112] = 11;
      }
    } else if (x->edit_prob == 1) {
      draw_probs_page(ww, p->cv_probs[ch], 11, 11, 0, 11);
    }
  } else if (x->edit_mode == EDIT_SERIES) {
    bool show = x->screll || x->key_alt;
    for (i = 0; i < 6; i++) {
      uint8_t row = (uint8_t)(i + x->screll_pos);
      for (j = 0; j < x->size; j++)
        ww->leds[32 + i * 16 + j] =
            (show && (row == ww->w.series_start || row == ww->w.series_end)) ? 11 : 0;
      if (show && row > ww->w.series_start && row < ww->w.series_end) {
        ww->leds[32 + i * 16] = 11;
        led(ww, 32 + i * 16 + x->length, 11);
      }
      for (j = 0; j < x->size; j++)
        if ((ww->w.series_list[row & 63u] >> j) & 1u) ww->leds[32 + i * 16 + j] = 11;
    }
    if (x->series_pos >= x->screll_pos && x->series_pos < x->screll_pos + 6 && (x->pos & 1))
      led(ww, 32 + (x->series_pos - x->screll_pos) * 16 + x->series_playing, 0);
  }
  monome_mark_quadrant(&ww->mon, 0);
  monome_mark_quadrant(&ww->mon, 1);
}

static void redraw(op_ww_t *ww) {
  if (ww->x.vari)
    refresh_vari(ww);
  else
    refresh_mono(ww);
}

/* ---------------------------------------------------------------- refresh timer */

static void copy_pattern(op_ww_t *ww, uint8_t to) {
  ww_pattern_t *d = &ww->w.wp[to & 15u];
  const ww_pattern_t *s = cur(ww);
  uint8_t n;
  for (n = 0; n < 16; n++) {
    d->steps[n] = s->steps[n];
    d->step_probs[n] = s->step_probs[n];
    d->cv_values[n] = s->cv_values[n];
    d->cv_steps[0][n] = s->cv_steps[0][n];
    d->cv_curves[0][n] = s->cv_curves[0][n];
    d->cv_probs[0][n] = s->cv_probs[0][n];
    d->cv_steps[1][n] = s->cv_steps[1][n];
    d->cv_curves[1][n] = s->cv_curves[1][n];
    d->cv_probs[1][n] = s->cv_probs[1][n];
  }
  d->cv_mode[0] = s->cv_mode[0];
  d->cv_mode[1] = s->cv_mode[1];
  d->loop_start = s->loop_start;
  d->loop_end = s->loop_end;
  d->loop_len = s->loop_len;
  d->loop_dir = s->loop_dir;
}

static void poll(op_t *op, op_timer_t *t) {
  op_ww_t *ww = (op_ww_t *)op;
  ww_session_t *x = &ww->x;
  uint8_t i;
  (void)t;
  if (op->in[IN_FOCUS] == 0) return;
  for (i = 0; i < x->key_count && i < 32; i++) {
    uint8_t k = x->held_keys[i];
    if (x->key_times[k] && --x->key_times[k] == 0) {
      if (x->edit_mode != EDIT_SERIES && k / 16 == 2) { /* long press on the pattern row */
        copy_pattern(ww, k % 16);
        x->pattern = k % 16;
        x->next_pattern = k % 16;
        x->dirty++;
      }
    }
  }
  if (x->dirty) redraw(ww);
  x->dirty = 0;
}

/* ---------------------------------------------------------------- inputs */

static void in_focus(op_t *op, io_t v) {
  op_ww_t *ww = (op_ww_t *)op;
  ww_session_t *x = &ww->x;
  uint8_t cols = monome_grid_cols(op->net), i;
  x->keycount_pos = 0;
  x->keycount_series = 0;
  x->keycount_cv = 0;
  x->key_count = 0;
  if (cols) {
    x->size = cols;
    x->length = (uint8_t)(cols - 1u);
    x->vari = monome_is_vari(op->net) ? 1 : 0;
  }
  for (i = 0; i < PATTERNS; i++)
    if (ww->w.wp[i].loop_end > x->length) ww->w.wp[i].loop_end = x->length;
  monome_focus(&ww->mon, v > 0);
}

static uint8_t bits_of(uint32_t word, uint8_t n, uint8_t found[16]) {
  uint8_t i, count = 0;
  for (i = 0; i < n; i++)
    if ((word >> i) & 1u) found[count++] = i;
  return count;
}

static void next_step(op_ww_t *ww) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  switch (p->step_mode) {
  case STEP_FORWARD:
    if (x->pos == p->loop_end)
      x->next_pos = (int8_t)p->loop_start;
    else if (x->pos >= x->length)
      x->next_pos = 0;
    else
      x->next_pos++;
    x->cut_pos = 0;
    break;
  case STEP_REVERSE:
    if (x->pos == p->loop_start)
      x->next_pos = (int8_t)p->loop_end;
    else if (x->pos <= 0)
      x->next_pos = (int8_t)x->length;
    else
      x->next_pos--;
    x->cut_pos = 0;
    break;
  case STEP_DRUNK:
    x->drunk_step = (int8_t)(x->drunk_step + (int8_t)(rnd(ww) % 3u) - 1);
    if (x->drunk_step < -1) x->drunk_step = -1;
    if (x->drunk_step > 1) x->drunk_step = 1;
    x->next_pos = (int8_t)(x->next_pos + x->drunk_step);
    if (x->next_pos < 0)
      x->next_pos = (int8_t)x->length;
    else if (x->next_pos > x->length)
      x->next_pos = 0;
    else if (p->loop_dir == 1 && x->next_pos < p->loop_start)
      x->next_pos = (int8_t)p->loop_end;
    else if (p->loop_dir == 1 && x->next_pos > p->loop_end)
      x->next_pos = (int8_t)p->loop_start;
    else if (p->loop_dir == 2 && x->next_pos < p->loop_start && x->next_pos > p->loop_end)
      x->next_pos = (int8_t)(x->drunk_step == 1 ? p->loop_start : p->loop_end);
    x->cut_pos = 1;
    break;
  case STEP_RANDOM:
    x->next_pos = (int8_t)((rnd(ww) % (p->loop_len + 1u)) + p->loop_start);
    if (x->next_pos > x->length) x->next_pos = (int8_t)(x->next_pos - (x->length + 1));
    x->cut_pos = 1;
    break;
  default:
    break;
  }
}

static void cv_step(op_ww_t *ww, uint8_t ch, uint16_t *cv) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t found[16], count, pos = at(x->pos);
  if (!((rnd(ww) % 255u) < p->cv_probs[ch][pos] && ww->w.cv_mute[ch])) return;
  if (p->cv_mode[ch] == 0) {
    *cv = p->cv_curves[ch][pos];
    return;
  }
  count = bits_of(p->cv_steps[ch][pos], 16, found);
  if (count == 1)
    x->cv_chosen[ch] = found[0];
  else if (count > 1)
    x->cv_chosen[ch] = found[rnd(ww) % count];
  *cv = p->cv_values[x->cv_chosen[ch] & 15u];
}

static void clock_high(op_ww_t *ww) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p;
  uint8_t found[16], count, pos, i;
  if (x->pattern_jump) {
    x->pattern = x->next_pattern;
    x->next_pos = (int8_t)cur(ww)->loop_start;
    x->pattern_jump = 0;
  }
  if (x->series_jump) { /* series mode: the next pattern of the series */
    x->series_pos = x->series_next;
    if (x->series_pos == ww->w.series_end)
      x->series_next = ww->w.series_start;
    else
      x->series_next++;
    count = bits_of(ww->w.series_list[x->series_pos & 63u], 16, found);
    if (count == 1)
      x->next_pattern = found[0];
    else if (count > 1)
      x->next_pattern = found[rnd(ww) % count];
    x->pattern = x->next_pattern;
    x->series_playing = x->pattern;
    x->next_pos = (int8_t)(cur(ww)->step_mode == STEP_REVERSE ? cur(ww)->loop_end
                                                               : cur(ww)->loop_start);
    x->series_jump = 0;
    x->series_step = 0;
  }
  p = cur(ww);
  x->pos = x->next_pos;
  pos = at(x->pos);
  if (x->param_accept && x->live_in) { /* live recording of PARAM into the curve */
    x->param_dest = &p->cv_curves[x->edit_cv_ch & 1u][pos];
    *x->param_dest = (uint16_t)ww->super.in[IN_PARAM];
  }
  next_step(ww);
  if (x->pos == p->loop_end && p->step_mode == STEP_FORWARD) {
    if (x->edit_mode == EDIT_SERIES)
      x->series_jump++;
    else if (x->next_pattern != x->pattern)
      x->pattern_jump++;
  } else if (x->pos == p->loop_start && p->step_mode == STEP_REVERSE) {
    if (x->edit_mode == EDIT_SERIES)
      x->series_jump++;
    else if (x->next_pattern != x->pattern)
      x->pattern_jump++;
  } else if (x->series_step == p->loop_len) {
    x->series_jump++;
  }
  if (x->edit_mode == EDIT_SERIES) x->series_step++;

  x->triggered = 0;
  if ((rnd(ww) % 255u) < p->step_probs[pos]) {
    if (p->step_choice & (1u << pos)) {
      count = bits_of(p->steps[pos], 4, found);
      if (count == 1)
        x->triggered = (int8_t)(1 << found[0]);
      else if (count > 1)
        x->triggered = (int8_t)(1 << found[rnd(ww) % count]);
    } else {
      x->triggered = (int8_t)p->steps[pos];
    }
    for (i = 0; i < 4; i++) {
      if (p->tr_mode == 0) {
        if ((x->triggered & (1 << i)) && ww->w.tr_mute[i]) x->tr[i] = 1;
      } else if (ww->w.tr_mute[i]) {
        x->tr[i] = (x->triggered & (1 << i)) ? 1 : 0;
      }
    }
  }
  x->dirty++;
  cv_step(ww, 0, &x->cv0);
  cv_step(ww, 1, &x->cv1);
}

static void in_clock(op_t *op, io_t v) {
  op_ww_t *ww = (op_ww_t *)op;
  ww_session_t *x = &ww->x;
  uint8_t i;
  op->in[IN_CLOCK] = v < 0 ? 0 : v > 1 ? 1 : v;
  if (op->in[IN_CLOCK] == 1) {
    clock_high(ww);
  } else if (cur(ww)->tr_mode == 0) {
    for (i = 0; i < 4; i++) x->tr[i] = 0;
  }
  /* CV first (continuous), then the triggers */
  op_fire(op, OUT_CVA, (io_t)x->cv0);
  op_fire(op, OUT_CVB, (io_t)x->cv1);
  for (i = 0; i < 4; i++)
    if (x->tr[i]) op_fire(op, i, 1);
  for (i = 0; i < 4; i++) x->tr[i] = 0;
  op_fire(op, OUT_POS, x->pos);
}

static void in_param(op_t *op, io_t v) {
  op_ww_t *ww = (op_ww_t *)op;
  ww_session_t *x = &ww->x;
  op->in[IN_PARAM] = op_clamp(v, 0, 4095);
  x->param = (uint16_t)op->in[IN_PARAM];
  if (x->param_accept && x->edit_prob) {
    /* bees wrote to an unset pointer here: nothing */
  } else if (x->param_accept) {
    if (x->param_dest) *x->param_dest = x->param;
    x->dirty++;
  } else if (x->screll) {
    uint8_t i = (uint8_t)(x->param >> 6);
    if (i > 58) i = 58;
    if (i != x->screll_pos) {
      x->screll_pos = i;
      x->dirty++;
    }
  }
}

static void in_cut(op_t *op, io_t v) {
  (void)op;
  (void)v;
}
static void in_pattern(op_t *op, io_t v) {
  (void)op;
  (void)v;
}

/* ---------------------------------------------------------------- keys */

static void key_loop_row(op_ww_t *ww, uint8_t kx, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  x->keycount_pos = (int8_t)(x->keycount_pos + (z ? 1 : -1));
  if (x->keycount_pos < 0) x->keycount_pos = 0;
  if (x->keycount_pos == 1 && z) {
    if (x->key_alt == 0) { /* cut */
      x->next_pos = (int8_t)kx;
      x->cut_pos++;
      x->dirty++;
      x->keyfirst_pos = kx;
    } else if (x->key_alt == 1) {
      if (kx == x->length)
        p->step_mode = STEP_FORWARD;
      else if (kx == x->length - 1)
        p->step_mode = STEP_REVERSE;
      else if (kx == x->length - 2)
        p->step_mode = STEP_DRUNK;
      else if (kx == x->length - 3)
        p->step_mode = STEP_RANDOM;
      else if (kx == 0) { /* step back */
        if (x->pos == p->loop_start)
          x->next_pos = (int8_t)p->loop_end;
        else if (x->pos == 0)
          x->next_pos = (int8_t)x->length;
        else
          x->next_pos--;
        x->cut_pos = 1;
        x->dirty++;
      } else if (kx == 1) { /* step forward */
        if (x->pos == p->loop_end)
          x->next_pos = (int8_t)p->loop_start;
        else if (x->pos == x->length)
          x->next_pos = 0;
        else
          x->next_pos++;
        x->cut_pos = 1;
        x->dirty++;
      } else if (kx == 2) { /* random position */
        x->next_pos = (int8_t)((rnd(ww) % (p->loop_len + 1u)) + p->loop_start);
        x->cut_pos = 1;
        x->dirty++;
      }
    }
  } else if (x->keycount_pos == 2 && z) { /* second key: a loop from the first to this */
    p->loop_start = x->keyfirst_pos;
    p->loop_end = kx;
    x->dirty++;
    if (p->loop_start > p->loop_end)
      p->loop_dir = 2;
    else if (p->loop_start == 0 && p->loop_end == x->length)
      p->loop_dir = 0;
    else
      p->loop_dir = 1;
    p->loop_len = (uint8_t)(p->loop_end - p->loop_start);
    if (p->loop_dir == 2) p->loop_len = (uint8_t)((x->length - p->loop_start) + p->loop_end + 1);
  }
}

static void key_top_row(op_ww_t *ww, uint8_t kx, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  if (kx == x->length) { /* alt */
    x->key_alt = z;
    if (!z) {
      x->param_accept = 0;
      x->live_in = 0;
    }
    x->dirty++;
  } else if (kx < 4 && z) {
    if (x->key_alt)
      p->tr_mode ^= 1;
    else if (x->screll)
      ww->w.tr_mute[kx] ^= 1;
    else
      x->edit_mode = EDIT_TRIG;
    x->edit_prob = 0;
    x->param_accept = 0;
    x->dirty++;
  } else if (z && ((x->size == 16 && kx > 3 && kx < 12) || (x->size == 8 && (kx == 4 || kx == 5)))) {
    x->param_accept = 0;
    x->edit_cv_ch = x->size == 16 ? (uint8_t)((kx - 4) / 4) : (uint8_t)(kx - 4);
    x->edit_mode = EDIT_MAP;
    x->edit_prob = 0;
    if (x->key_alt)
      p->cv_mode[x->edit_cv_ch] ^= 1;
    else if (x->screll)
      ww->w.cv_mute[x->edit_cv_ch] ^= 1;
    x->dirty++;
  } else if (kx == x->length - 1 && z && x->key_alt) {
    x->edit_mode = EDIT_SERIES;
    x->dirty++;
  } else if (kx == x->length - 1) {
    x->screll = z;
  }
}

static void set_prob(uint8_t *prob, uint8_t ky) {
  *prob = ky == 4 ? 192 : ky == 5 ? 128 : ky == 6 ? 64 : 0;
}

static void key_trig(op_ww_t *ww, uint8_t kx, uint8_t ky, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  if (z && ky > 3 && x->edit_prob == 0) {
    if (x->key_alt)
      p->steps[at(x->pos)] |= (uint8_t)(1u << (ky - 4));
    else if (x->screll)
      p->step_choice ^= (uint16_t)(1u << kx);
    else
      p->steps[kx] ^= (uint8_t)(1u << (ky - 4));
    x->dirty++;
  } else if (z && ky == 3) {
    if (x->key_alt)
      x->edit_prob = 1;
    else
      p->step_probs[kx] = p->step_probs[kx] == 255 ? 0 : 255;
    x->dirty++;
  } else if (x->edit_prob == 1) {
    if (z) set_prob(&p->step_probs[kx], ky);
  }
}

static int32_t nudge(uint16_t v, int32_t delta) {
  if (v + delta > 4092) return 4092;
  if (delta < 0 && v < -delta) return 0;
  return v + delta;
}

static void key_curves(op_ww_t *ww, uint8_t kx, uint8_t ky, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t ch = (uint8_t)(x->edit_cv_ch & 1u);
  uint16_t *c = &p->cv_curves[ch][kx];
  int32_t delta = x->center ? 3 : x->key_alt ? 409 : 34;
  if (ky == 4 && z) {
    *c = (uint16_t)(*c + delta < 4092 ? *c + delta : 4092);
  } else if (ky == 6 && z) {
    *c = (uint16_t)(*c > delta ? *c - delta : 0);
  } else if (ky == 5) {
    if (z) {
      x->center = 1;
      if (x->key_alt)
        *c = x->clip;
      else
        x->clip = *c;
    } else {
      x->center = 0;
    }
  } else if (ky == 7) {
    if (x->key_alt && z) { /* live record into the playing step */
      x->param_dest = &p->cv_curves[ch][at(x->pos)];
      x->param = *x->param_dest;
      x->param_accept = 1;
      x->live_in = 1;
    } else if (x->center && z) {
      *c = (uint16_t)(rnd(ww) % 4092u);
    } else {
      x->param_accept = z;
      x->param_dest = c;
      if (z) *c = x->param;
    }
    x->dirty++;
  }
}

static void key_values(op_ww_t *ww, uint8_t kx, uint8_t ky, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t ch = (uint8_t)(x->edit_cv_ch & 1u), found[16], count, i;
  uint16_t *sel = &p->cv_steps[ch][at(x->edit_cv_step)];
  if (x->scale_select && z) {
    int32_t index = (ky - 4) * 8 + kx;
    if (index >= 0 && index < 24)
      for (i = 0; i < 16; i++) p->cv_values[i] = scales[index][i];
    x->scale_select = 0;
    x->dirty++;
  } else if (z && ky == 4) { /* choose the step to edit */
    x->edit_cv_step = kx;
    sel = &p->cv_steps[ch][kx];
    count = bits_of(*sel, 16, found);
    x->edit_cv_value = count ? (int8_t)found[count - 1] : x->edit_cv_value;
    if (count > 1) x->edit_cv_value = -1;
    x->keycount_cv = 0;
    x->dirty++;
  } else if (x->key_alt && ky == 7 && kx == 0 && z) {
    x->scale_select++;
    x->dirty++;
  } else if (ky == 7 && x->key_alt && x->edit_cv_value != -1 && kx == x->length) {
    x->param_accept = z; /* the knob sets the selected value */
    x->param_dest = &p->cv_values[at(x->edit_cv_value)];
  } else if ((ky == 5 || ky == 6) && z && kx < 4) {
    static const int16_t deltas[4] = {409, 239, 34, 3};
    int32_t delta = ky == 6 ? -deltas[kx] : deltas[kx];
    if (x->key_alt) {
      for (i = 0; i < 16; i++) p->cv_values[i] = (uint16_t)nudge(p->cv_values[i], delta);
    } else if (x->edit_cv_value >= 0) {
      uint16_t *v = &p->cv_values[at(x->edit_cv_value)];
      *v = (uint16_t)nudge(*v, delta);
    }
    x->dirty++;
  } else if (ky == 7) { /* choose the values the step picks from */
    x->keycount_cv = (uint8_t)(x->keycount_cv + (z ? 1 : -1));
    if (z) {
      count = bits_of(*sel, 16, found);
      if (x->keycount_cv == 1 && count < 2) {
        *sel = (uint16_t)(1u << kx);
        x->edit_cv_value = (int8_t)kx;
      } else if (x->keycount_cv > 1 || count > 1) {
        *sel ^= (uint16_t)(1u << kx);
        if (!*sel) *sel = (uint16_t)(1u << kx);
        count = bits_of(*sel, 16, found);
        x->edit_cv_value = (int8_t)found[count - 1];
        if (count > 1) x->edit_cv_value = -1;
      }
      x->dirty++;
    }
  }
}

static void key_map(op_ww_t *ww, uint8_t kx, uint8_t ky, uint8_t z) {
  ww_session_t *x = &ww->x;
  ww_pattern_t *p = cur(ww);
  uint8_t ch = (uint8_t)(x->edit_cv_ch & 1u);
  if (z && ky == 3) {
    if (x->key_alt)
      x->edit_prob = 1;
    else
      p->cv_probs[ch][kx] = p->cv_probs[ch][kx] == 255 ? 0 : 255;
    x->dirty++;
  } else if (x->edit_prob == 0) {
    if (p->cv_mode[ch] == 0)
      key_curves(ww, kx, ky, z);
    else
      key_values(ww, kx, ky, z);
  } else if (x->edit_prob == 1) {
    if (z) set_prob(&p->cv_probs[ch][kx], ky);
  }
}

static void key_series(op_ww_t *ww, uint8_t kx, uint8_t ky, uint8_t z) {
  ww_session_t *x = &ww->x;
  uint8_t row = (uint8_t)((ky - 2 + x->screll_pos) & 63u), found[16], count;
  uint16_t *s = &ww->w.series_list[row];
  if (z && x->key_alt) {
    if (kx == 0)
      x->series_next = row;
    else if (kx == x->length - 1)
      ww->w.series_start = row;
    else if (kx == x->length)
      ww->w.series_end = row;
    if (ww->w.series_end < ww->w.series_start) ww->w.series_end = ww->w.series_start;
  } else {
    x->keycount_series = (uint8_t)(x->keycount_series + (z ? 1 : -1));
    if (z) {
      count = bits_of(*s, 16, found);
      if (x->keycount_series == 1 && count < 2) {
        *s = (uint16_t)(1u << kx);
      } else if (x->keycount_series > 1 || count > 1) {
        *s ^= (uint16_t)(1u << kx);
        if (!*s) *s = (uint16_t)(1u << kx);
      }
    }
  }
  x->dirty++;
}

static void key(op_t *op, uint8_t kx, uint8_t ky, uint8_t z) {
  op_ww_t *ww = (op_ww_t *)op;
  ww_session_t *x = &ww->x;
  uint8_t index, i, found = 0;
  if (ky > 7 || kx > 15) return;
  index = (uint8_t)(ky * 16u + kx);
  if (z) { /* long-press bookkeeping */
    if (x->key_count < 32) x->held_keys[x->key_count++] = index;
    x->key_times[index] = HOLD_POLLS;
  } else {
    for (i = 0; i < x->key_count && i < 32; i++) {
      if (x->held_keys[i] == index) found++;
      if (found) x->held_keys[i] = i + 1u < 32 ? x->held_keys[i + 1] : 0;
    }
    if (x->key_count) x->key_count--;
    if (x->key_times[index] > 0 && x->edit_mode != EDIT_SERIES && ky == 2) { /* quick press */
      if (x->key_alt) {
        x->next_pattern = kx;
      } else {
        x->pattern = kx;
        x->next_pattern = kx;
      }
    }
  }
  if (ky == 1)
    key_loop_row(ww, kx, z);
  else if (ky == 0)
    key_top_row(ww, kx, z);
  else if (x->edit_mode == EDIT_TRIG)
    key_trig(ww, kx, ky, z);
  else if (x->edit_mode == EDIT_MAP)
    key_map(ww, kx, ky, z);
  else if (x->edit_mode == EDIT_SERIES)
    key_series(ww, kx, ky, z);
}

/* ---------------------------------------------------------------- life cycle */

static void init(op_t *op) {
  op_ww_t *ww = (op_ww_t *)op;
  uint8_t i, j;
  monome_client_init(&ww->mon, op, IN_FOCUS, ww->leds, key, 0);
  ww->rng[0] = 1234567u;
  ww->rng[1] = 7654321u;
  for (i = 0; i < PATTERNS; i++) {
    ww_pattern_t *p = &ww->w.wp[i];
    for (j = 0; j < 16; j++) {
      p->step_probs[j] = 255;
      p->cv_probs[0][j] = 255;
      p->cv_probs[1][j] = 255;
      p->cv_values[j] = scales[2][j];
      p->cv_steps[0][j] = (uint16_t)(1u << j);
      p->cv_steps[1][j] = (uint16_t)(1u << j);
    }
    p->loop_end = 15;
    p->loop_len = 15;
    p->step_mode = STEP_FORWARD;
  }
  ww->w.series_start = 0;
  ww->w.series_end = 3;
  for (i = 0; i < 4; i++) ww->w.tr_mute[i] = 1;
  ww->w.cv_mute[0] = ww->w.cv_mute[1] = 1;
  for (i = 0; i < SERIES; i++) ww->w.series_list[i] = 1;
  ww->x.length = 15;
  ww->x.size = 16;
  ww->x.vari = 1;
  monome_focus_at_init(&ww->mon);
  redraw(ww);
  op_timer_start(op, &ww->refresh, REFRESH_MS, poll);
}

static void deinit(op_t *op) {
  op_ww_t *ww = (op_ww_t *)op;
  monome_release(&ww->mon);
  op_timer_stop(op, &ww->refresh);
}

/* ---------------------------------------------------------------- scene state */

/* The set is stored as bees' AVR32 struct image (big-endian fields, 4-byte alignment) read as
 * u32 words and written little-endian: image byte i lands at file byte file_at(i). */
static uint32_t file_at(uint32_t i) { return (i & ~3u) | (3u - (i & 3u)); }
static void put8(uint8_t *f, uint32_t i, uint8_t v) { f[file_at(i)] = v; }
static void put16(uint8_t *f, uint32_t i, uint16_t v) {
  put8(f, i, (uint8_t)(v >> 8));
  put8(f, i + 1, (uint8_t)v);
}
static uint8_t get8(const uint8_t *f, uint32_t i) { return f[file_at(i)]; }
static uint16_t get16(const uint8_t *f, uint32_t i) {
  return (uint16_t)((get8(f, i) << 8) | get8(f, i + 1));
}

static void encode_set(const ww_set_t *w, uint8_t *f) {
  uint32_t i, k, c;
  for (i = 0; i < PATTERNS; i++) {
    const ww_pattern_t *p = &w->wp[i];
    uint32_t b = i * PATTERN_IMAGE_BYTES;
    put8(f, b + 0, p->loop_start);
    put8(f, b + 1, p->loop_end);
    put8(f, b + 2, p->loop_len);
    put8(f, b + 3, p->loop_dir);
    put16(f, b + 4, p->step_choice);
    put8(f, b + 6, p->cv_mode[0]);
    put8(f, b + 7, p->cv_mode[1]);
    put8(f, b + 8, p->tr_mode);
    for (k = 0; k < 3; k++) put8(f, b + 9 + k, p->pad[k]);
    put16(f, b + 12, (uint16_t)(p->step_mode >> 16));
    put16(f, b + 14, (uint16_t)p->step_mode);
    for (k = 0; k < 16; k++) {
      put8(f, b + 16 + k, p->steps[k]);
      put8(f, b + 32 + k, p->step_probs[k]);
      put16(f, b + 48 + 2 * k, p->cv_values[k]);
      for (c = 0; c < 2; c++) {
        put16(f, b + 80 + 32 * c + 2 * k, p->cv_steps[c][k]);
        put16(f, b + 144 + 32 * c + 2 * k, p->cv_curves[c][k]);
        put8(f, b + 208 + 16 * c + k, p->cv_probs[c][k]);
      }
    }
  }
  for (k = 0; k < SERIES; k++) put16(f, 3840 + 2 * k, w->series_list[k]);
  put8(f, 3968, w->series_start);
  put8(f, 3969, w->series_end);
  for (k = 0; k < 4; k++) put8(f, 3970 + k, w->tr_mute[k]);
  put8(f, 3974, w->cv_mute[0]);
  put8(f, 3975, w->cv_mute[1]);
}

static void decode_set(ww_set_t *w, const uint8_t *f) {
  uint32_t i, k, c;
  for (i = 0; i < PATTERNS; i++) {
    ww_pattern_t *p = &w->wp[i];
    uint32_t b = i * PATTERN_IMAGE_BYTES;
    p->loop_start = get8(f, b + 0);
    p->loop_end = get8(f, b + 1);
    p->loop_len = get8(f, b + 2);
    p->loop_dir = get8(f, b + 3);
    p->step_choice = get16(f, b + 4);
    p->cv_mode[0] = get8(f, b + 6);
    p->cv_mode[1] = get8(f, b + 7);
    p->tr_mode = get8(f, b + 8);
    for (k = 0; k < 3; k++) p->pad[k] = get8(f, b + 9 + k);
    p->step_mode = ((uint32_t)get16(f, b + 12) << 16) | get16(f, b + 14);
    for (k = 0; k < 16; k++) {
      p->steps[k] = get8(f, b + 16 + k);
      p->step_probs[k] = get8(f, b + 32 + k);
      p->cv_values[k] = get16(f, b + 48 + 2 * k);
      for (c = 0; c < 2; c++) {
        p->cv_steps[c][k] = get16(f, b + 80 + 32 * c + 2 * k);
        p->cv_curves[c][k] = get16(f, b + 144 + 32 * c + 2 * k);
        p->cv_probs[c][k] = get8(f, b + 208 + 16 * c + k);
      }
    }
  }
  for (k = 0; k < SERIES; k++) w->series_list[k] = get16(f, 3840 + 2 * k);
  w->series_start = get8(f, 3968);
  w->series_end = get8(f, 3969);
  for (k = 0; k < 4; k++) w->tr_mute[k] = get8(f, 3970 + k);
  w->cv_mute[0] = get8(f, 3974);
  w->cv_mute[1] = get8(f, 3975);
}

/* state: FOCUS, PARAM; 0.8.1 adds the pattern set */
static const uint8_t order[] = {IN_FOCUS, IN_PARAM};

static int32_t pickle(const op_t *op, uint8_t *dst, uint32_t cap, op_format_t fmt) {
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + SET_IMAGE_BYTES;
  if (cap < n) return -1;
  op_pickle_inputs(op, order, 2, dst, cap);
  if (fmt != OP_FORMAT_0_7_1) encode_set(&((const op_ww_t *)op)->w, dst + 4);
  return (int32_t)n;
}

static int32_t unpickle(op_t *op, const uint8_t *src, uint32_t len, op_format_t fmt) {
  op_ww_t *ww = (op_ww_t *)op;
  uint32_t n = fmt == OP_FORMAT_0_7_1 ? 4u : 4u + SET_IMAGE_BYTES;
  if (len < n) return -1;
  op_unpickle_inputs(op, order, 2, src, len);
  if (fmt != OP_FORMAT_0_7_1) decode_set(&ww->w, src + 4);
  monome_focus(&ww->mon, op->in[IN_FOCUS] > 0);
  ww->x.dirty++;
  return (int32_t)n;
}

static const char *const ins[] = {"FOCUS", "CLOCK", "PARAM", "CUT", "PATTERN"};
static const char *const outs[] = {"TR0", "TR1", "TR2", "TR3", "CVA", "CVB", "POS"};
static const op_in_fn fns[] = {in_focus, in_clock, in_param, in_cut, in_pattern};

const op_class_t op_class_ww = {
  .id = OP_WW, .name = "WW", .display = "WW", .num_ins = 5, .num_outs = 7,
  .in_names = ins, .out_names = outs, OP_LAYOUT(op_ww_t), .size32 = 4720,
  .flags = OP_FLAG_GRID, .init = init, .deinit = deinit, .in_fns = fns, .pickle = pickle,
  .unpickle = unpickle,
};
