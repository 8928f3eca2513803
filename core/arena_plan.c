/* SPDX-License-Identifier: MIT */
/* arena_plan.c: the memory plan that ships, one per word size (and for debug builds, whose
 * blocks carry leak records and guards). The heap sizes are the planner's answer for the corpus
 * (every real bees scene of ../shared/scenes and scenes/, each replacing each, with editing
 * headroom for the largest op class); the test memory_corpus plans them again from the scenes in
 * every build and fails if they differ from these. */
#include "arena.h"

#define LIMITS {128, 256, 256, 256, NET_PRESETS, NET_DEFAULT_DEPTH}

#if UINTPTR_MAX > 0xFFFFFFFFu
/* 64-bit hosts, 8-byte granule: planned at this build's op sizes */
#if POOL_DEBUG
const arena_plan_t ARENA_PLAN_SHIPPED = {21784u, 15312u, LIMITS, {0, 0, 0}};
#else
const arena_plan_t ARENA_PLAN_SHIPPED = {20088u, 13648u, LIMITS, {0, 0, 0}};
#endif
#else
/* 32-bit targets (the AVR32), 4-byte granule: planned at 32-bit op sizes */
#if POOL_DEBUG
const arena_plan_t ARENA_PLAN_SHIPPED = {19464u, 13120u, LIMITS, {0, 0, 0}};
#else
const arena_plan_t ARENA_PLAN_SHIPPED = {18148u, 11832u, LIMITS, {0, 0, 0}};
#endif
#endif
