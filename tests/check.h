/* SPDX-License-Identifier: MIT */
/* check.h: the tests' assertion macros. A failed CHECK prints where and what, counts, and the
 * test program exits non-zero at the end (so one run reports every failure). */
#ifndef ALEPH_CHECK_H
#define ALEPH_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                          \
  do {                                                                       \
    check_count++;                                                           \
    if (!(cond)) {                                                           \
      check_failures++;                                                      \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                         \
  do {                                                                             \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b);                \
    check_count++;                                                                 \
    if (check_a_ != check_b_) {                                                    \
      check_failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__, \
              __LINE__, #a, #b, check_a_, check_b_);                               \
    }                                                                              \
  } while (0)

#define CHECK_EQ_STR(a, b)                                                           \
  do {                                                                               \
    const char *check_a_ = (a), *check_b_ = (b);                                     \
    check_count++;                                                                   \
    if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {                 \
      check_failures++;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s == %s (\"%s\" != \"%s\")\n", __FILE__, \
              __LINE__, #a, #b, check_a_ ? check_a_ : "(null)",                      \
              check_b_ ? check_b_ : "(null)");                                       \
    }                                                                                \
  } while (0)

/* Runs one test function, naming it on failure. */
#define RUN(fn)                                           \
  do {                                                    \
    int check_before_ = check_failures;                   \
    fn();                                                 \
    if (check_failures != check_before_)                  \
      fprintf(stderr, "  ... in %s\n", #fn);              \
  } while (0)

static inline int check_summary(const char *name) {
  printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
  return check_failures ? 1 : 0;
}

#endif
