/* SPDX-License-Identifier: MIT */
/* test_scaler.c: core/scaler against values worked out from bees' formulas: the table entries at
 * every boundary (ends, the amp curve's linear/log break, each semitone and octave of the note
 * table), written here in closed form (so equal within one unit of the last place to the
 * scripts' step-by-step construction), the inputs at the edges of each table step, print_fix16's
 * text with its quirks, the inverse searches and the increments' bounds. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "scaler.h"

#define FULL 2147483647.0
#define M_PI_VALUE 3.14159265358979323846

static net_param_t param(uint8_t type, int32_t min, int32_t max, int32_t radix) {
  net_param_t p;
  memset(&p, 0, sizeof p);
  p.type = type;
  p.min = min;
  p.max = max;
  p.radix = radix;
  return p;
}

/* |got - want| <= tol, with both printed on failure */
#define CHECK_NEAR(got, want, tol)                                                   \
  do {                                                                               \
    double g_ = (double)(got), w_ = (double)(want);                                  \
    CHECK(fabs(g_ - w_) <= (tol));                                                   \
    if (fabs(g_ - w_) > (tol)) fprintf(stderr, "  got %.10g, want %.10g\n", g_, w_); \
  } while (0)

static const char *text(const net_param_t *p, io_t in) {
  static char buf[SCALER_TEXT_CAP];
  scaler_text(p, in, buf);
  return buf;
}

static void test_print_fix16(void) {
  char s[13];
  scaler_print_fix16(s, 0);
  CHECK_EQ_STR(s, "     0.00000");
  scaler_print_fix16(s, 0x10000);
  CHECK_EQ_STR(s, "     1.00000");
  /* bees' fraction digits divide by 6553, 655, 65, 7, 1 (not exact powers): 0.5 -> .50003 */
  scaler_print_fix16(s, 0x8000);
  CHECK_EQ_STR(s, "     0.50003");
  scaler_print_fix16(s, 32767 << 16);
  CHECK_EQ_STR(s, " 32767.00000");
  scaler_print_fix16(s, (12345 << 16) | 0xFFFF);
  CHECK_EQ_STR(s, " 12345.99999");
  /* negative: both halves complemented without the +1, '-' before the digits */
  scaler_print_fix16(s, -0x10000);
  CHECK_EQ_STR(s, "    -0.99999");
  scaler_print_fix16(s, -1);
  CHECK_EQ_STR(s, "    -0.00000");
  scaler_print_fix16(s, -(6 << 16) - 0x8000); /* -6.5 */
  CHECK_EQ_STR(s, "    -6.50002");
  scaler_print_fix16(s, -(12345 << 16)); /* five digits: '-' in the first column */
  CHECK_EQ_STR(s, "-12344.99999");
  scaler_print_fix16(s, -(1234 << 16)); /* four digits: the blank before them is not looked at */
  CHECK_EQ_STR(s, "- 1233.99999");
  CHECK_EQ_INT(strlen(s), 12);
}

static void test_linear(void) {
  net_param_t b = param(SCALER_BOOL, 0, 1, 2), sh = param(SCALER_SHORT, 0, 480000, 16);
  net_param_t fr = param(SCALER_FRACT, 0, 0x7fffffff, 1);
  net_param_t tune = param(SCALER_FIX, 0x4000, 0x40000, 3), rq = param(SCALER_FIX, 0, 0xffff, 2);
  net_param_t cv = param(SCALER_FIX, 0, 0x7fffffff, 16), sec = param(SCALER_FIX, 0, 0x7fffffff, 32);
  int32_t v;
  /* bool: > 0 */
  CHECK_EQ_INT(scaler_value(&b, 1), 1);
  CHECK_EQ_INT(scaler_value(&b, 321), 1);
  CHECK_EQ_INT(scaler_value(&b, 0), 0);
  CHECK_EQ_INT(scaler_value(&b, -32768), 0);
  CHECK_EQ_STR(text(&b, 5), "     1.00000");
  CHECK_EQ_STR(text(&b, -5), "     0.00000");
  CHECK_EQ_INT(scaler_in(&b, 7), 1);
  CHECK_EQ_INT(scaler_increment(&b, 0, 3, &v), 1); /* bees: the increment's sign sets it */
  CHECK_EQ_INT(v, 1);
  CHECK_EQ_INT(scaler_increment(&b, 1, -1, &v), 0);
  /* short: the value itself, shown as an integer; bounded by the descriptor */
  CHECK_EQ_INT(scaler_value(&sh, 4800), 4800);
  CHECK_EQ_INT(scaler_value(&sh, -2), -2);
  CHECK_EQ_STR(text(&sh, 4800), "  4800.00000");
  CHECK_EQ_INT(scaler_increment(&sh, 3, -10, &v), 0);
  CHECK_EQ_INT(v, 0);
  CHECK_EQ_INT(scaler_increment(&sh, 32000, 32000, &v), 32767);
  /* fract: the top 16 bits of a fract32, shown as in / 65536 */
  CHECK_EQ_INT(scaler_value(&fr, 16384), 16384 << 16);
  CHECK_EQ_INT(scaler_value(&fr, -1), -65536);
  CHECK_EQ_INT(scaler_in(&fr, 0x40000000), 16384);
  CHECK_EQ_STR(text(&fr, 0x4000), "     0.25003");
  /* fix: in << 16 >> (16 - radix) when radix < 16 */
  CHECK_EQ_INT(scaler_value(&tune, 8192), 0x10000); /* waves' tune 1.0 */
  CHECK_EQ_STR(text(&tune, 8192), "     1.00000");
  CHECK_EQ_INT(scaler_value(&tune, -8192), -0x10000);
  CHECK_EQ_INT(scaler_in(&tune, 0x10000), 8192);
  CHECK_EQ_INT(scaler_value(&rq, 16383), 65532);
  CHECK_EQ_INT(scaler_value(&cv, 16383), 16383 << 16);
  CHECK_EQ_INT(scaler_value(&sec, 1000), 1000 << 16); /* radix >= 16: not shifted back */
  CHECK_EQ_INT(scaler_in(&sec, 1000 << 16), 1000);
  /* the descriptor bounds the knob: past max the 16-bit value becomes max's, and so on */
  CHECK_EQ_INT(scaler_increment(&rq, 16383, 1, &v), 16383);
  CHECK_EQ_INT(v, 0xffff);
  CHECK_EQ_INT(scaler_increment(&tune, 2048, -1, &v), 2048); /* min 0x4000 is 2048 */
  CHECK_EQ_INT(v, 0x4000);
  CHECK_EQ_INT(scaler_increment(&tune, 8192, 100, &v), 8292);
  CHECK_EQ_INT(v, 8292 * 8);
}

/* amp in closed form: -60 dB at index 1 to 0 dB at 1023 by 60/1022 dB; linear below b */
static double amp_log(int j) { return pow(10.0, (-60.0 + 60.0 * (j - 1) / 1022.0) / 20.0); }

static void test_amp(void) {
  net_param_t a = param(SCALER_AMP, 0, 0x7fffffff, 1);
  int j, b = 0;
  int32_t prev = -1;
  /* the break: the first index after which the log curve rises more than 1/4096 per step */
  for (j = 1; j < 1022 && !b; j++)
    if (amp_log(j + 1) - amp_log(j) > 0.25 / 1024.0) b = j + 1;
  CHECK(b > 1 && b < 1023);
  CHECK_EQ_INT(scaler_value(&a, 0), 0);
  CHECK_EQ_INT(scaler_value(&a, 31), 0);   /* the top 10 bits index the table */
  CHECK_EQ_INT(scaler_value(&a, -1), 0);   /* negative: index 0 */
  CHECK_EQ_INT(scaler_value(&a, 32767), 0x7fffffff); /* unity */
  CHECK_EQ_INT(scaler_value(&a, 32736), 0x7fffffff);
  for (j = 1; j < 1023; j++) {
    double want = (j < b ? amp_log(b) * j / b : amp_log(j)) * FULL;
    int32_t got = scaler_value(&a, (io_t)(j << 5));
    if (j == 1 || j == b - 1 || j == b || j == b + 1 || j == 1022) CHECK_NEAR(got, want, 1.0);
    CHECK(got > prev); /* ascending */
    CHECK_EQ_INT(scaler_value(&a, (io_t)((j << 5) + 31)), got);
    prev = got;
  }
  /* the text: dB, "-inf" at the bottom, 0 at the top */
  CHECK_EQ_STR(text(&a, 0), "   -inf");
  CHECK_EQ_STR(text(&a, 31), "   -inf");
  CHECK_EQ_STR(text(&a, -9), "   -inf");
  CHECK_EQ_STR(text(&a, 32767), "     0.00000");
  for (j = 1; j < 1023; j += 73) {
    double db = 20.0 * log10(scaler_value(&a, (io_t)(j << 5)) / (FULL + 1.0));
    CHECK_NEAR(atof(text(&a, (io_t)(j << 5))), db, 3e-4);
  }
  CHECK_NEAR(atof(text(&a, 32 << 5)), 20.0 * log10(scaler_value(&a, 32 << 5) / (FULL + 1.0)), 3e-4);
  /* back: bees' search answers its last midpoint, the entry or the one above it */
  CHECK_EQ_INT(scaler_in(&a, 0), 0);
  for (j = 2; j < 1022; j += 31) {
    io_t in = scaler_in(&a, scaler_value(&a, (io_t)(j << 5)));
    CHECK(in == (j << 5) || in == ((j + 1) << 5));
  }
  /* the knob stays within the table */
  CHECK_EQ_INT(scaler_increment(&a, 32700, 1000, 0), 32736);
  CHECK_EQ_INT(scaler_increment(&a, 10, -100, 0), 0);
}

/* the integrators: t = max * (1000^(j/1023) - 1) / 999, coefficient 0.01^(1 / (t * 48000)) */
static double integ_coef(int j, double max_t) {
  double t = max_t * (pow(1000.0, j / 1023.0) - 1.0) / 999.0;
  return t > 0 ? pow(0.01, 1.0 / (t * 48000.0)) * FULL : 0.0;
}

static void test_integrators(void) {
  net_param_t i = param(SCALER_INTEGRATOR, 0x2000, 0x400000, 7);
  net_param_t s = param(SCALER_INTEGRATOR_SHORT, 0, 0x7fffffff, 32);
  double short_max = log(0.01) / (log(32767.0 / 32768.0) * 48000.0);
  int j;
  CHECK_NEAR(short_max, 3.14375, 1e-5);
  CHECK_EQ_INT(scaler_value(&i, 0), 0);
  CHECK_EQ_INT(scaler_value(&s, 0), 0);
  for (j = 1; j < 1024; j++) {
    if (j > 2 && j < 1020 && j % 100) continue;
    CHECK_NEAR(scaler_value(&i, (io_t)(j << 5)), integ_coef(j, 64.0), 1.0);
    CHECK_NEAR(scaler_value(&s, (io_t)(j << 5)), integ_coef(j, short_max), 1.0);
  }
  CHECK_EQ_INT(scaler_value(&s, 32767), 0x7ffeffff); /* 0x7fff/0x8000 at 3.14 s */
  CHECK_EQ_INT(scaler_value(&i, -4), 0);
  /* text: in / 512 seconds (bees' shortcut) */
  CHECK_EQ_STR(text(&i, 512), "     1.00000");
  CHECK_EQ_STR(text(&i, 32736), "    63.93761"); /* 63.9375 in bees' digits */
  CHECK_EQ_STR(text(&s, -3), "     0.00000");
  CHECK_EQ_INT(scaler_in(&i, 0), 0);
  CHECK_EQ_INT(scaler_in(&i, scaler_value(&i, 32736)), 1022 << 5); /* the search stops below */
  CHECK_EQ_INT(scaler_increment(&i, 32736, 1, 0), 32736);
}

/* sin by its series (qemu-ppc cannot run glibc's sin): |x| <= pi/4 here, 1e-16 relative */
static double sin_series(double x) {
  double term = x, sum = x;
  int k;
  for (k = 1; k < 12; k++) {
    term *= -x * x / ((2 * k) * (2 * k + 1));
    sum += term;
  }
  return sum;
}

/* MIDI note m in Hz, 16.16 */
static double note_hz(double m) { return 440.0 * pow(2.0, (m - 69.0) / 12.0) * 65536.0; }

static void test_note_svf(void) {
  net_param_t n = param(SCALER_NOTE, 0x10000, 0x40000000, 15);
  net_param_t f = param(SCALER_SVF_FC, 0, 0x7fffffff, 32);
  int s, m;
  char want[13];
  /* every semitone and microtone entry, at the top of its 32 inputs (interpolation weight 0) */
  for (s = 0; s < 128; s++)
    for (m = 0; m < 8; m++) {
      io_t in = (io_t)((s * 8 + m) << 5);
      double hz = note_hz(s + m / 8.0);
      if (s == 127 && m == 7) break; /* the last entry: below */
      /* the table holds hz in 16.16; the value is (entry >> 5) * 32 */
      CHECK_NEAR(scaler_value(&n, in), floor(hz / 32.0) * 32.0, 32.0 + 1.0);
      CHECK_NEAR(scaler_value(&f, in), 2.0 * sin_series(M_PI_VALUE * hz / 65536.0 / 96000.0) * FULL, 2.0);
    }
  /* octaves are exact doublings up to the fix16 floor */
  CHECK_NEAR(scaler_value(&n, 69 * 8 << 5) / 65536.0, 440.0, 1e-3);
  CHECK_NEAR(scaler_value(&n, 81 * 8 << 5) / 65536.0, 880.0, 1e-3);
  /* between two entries: weighted by the low 5 bits */
  {
    io_t in = (io_t)((60 * 8 << 5) + 8);
    int32_t a = scaler_value(&n, (io_t)(60 * 8 << 5)), b = scaler_value(&n, (io_t)(60 * 8 + 1) << 5);
    CHECK_EQ_INT(scaler_value(&n, in), (a / 32) * 24 + (b / 32) * 8);
  }
  /* the ends: negative on the first entry; from 0x7FE0 on the last entry, unweighted */
  CHECK_EQ_INT(scaler_value(&n, -100), scaler_value(&n, 0));
  CHECK_EQ_INT(scaler_value(&n, 32767), scaler_value(&n, 0x7FE0));
  CHECK_NEAR(scaler_value(&n, 32767), floor(note_hz(127 + 7 / 8.0) / 32.0) * 32.0, 33.0);
  CHECK_EQ_INT(scaler_value(&f, -1), scaler_value(&f, 0));
  /* text: Hz for both (svf_fc borrows the note scaler's) */
  scaler_print_fix16(want, scaler_value(&n, 69 * 8 << 5));
  CHECK_EQ_STR(text(&n, 69 * 8 << 5), want);
  CHECK_EQ_STR(text(&f, 69 * 8 << 5), want);
  CHECK_EQ_INT(strncmp(want, "   440.0", 8), 0);
  /* back: no shortcut for 0 in these two */
  {
    io_t in = scaler_in(&n, scaler_value(&n, 69 * 8 << 5));
    CHECK(in == (69 * 8 << 5) || in == (69 * 8 + 1) << 5);
  }
  CHECK_EQ_INT(scaler_in(&f, 0x7fffffff), 1022 << 5);
  CHECK_EQ_INT(scaler_increment(&n, 32000, 1000, 0), 32736);
}

static void test_label_and_unknown(void) {
  net_param_t l = param(SCALER_LABEL, 0, 15, 0), u = param(20, 0, 1, 0);
  CHECK_EQ_INT(scaler_value(&l, 7), 7);
  CHECK_EQ_INT(scaler_in(&l, 40), 15);
  CHECK_EQ_INT(scaler_in(&l, -4), 0);
  CHECK_EQ_INT(scaler_increment(&l, 14, 5, 0), 15);
  CHECK_EQ_STR(text(&l, 3), "     3.00000");
  CHECK_EQ_INT(scaler_value(&u, 5), 0);
  CHECK_EQ_STR(text(&u, 5), "");
  CHECK_EQ_INT(scaler_increment(&u, 5, 1, 0), 5);
}

int main(void) {
  RUN(test_print_fix16);
  RUN(test_linear);
  RUN(test_amp);
  RUN(test_integrators);
  RUN(test_note_svf);
  RUN(test_label_and_unknown);
  return check_summary("test_scaler");
}
