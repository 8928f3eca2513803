/* SPDX-License-Identifier: MIT */
/* pngdiff.c: compares the pixels of two PNG files (any colour type, as 8-bit RGBA) for the sim
 * tests. Exit 0 if equal (or, with --differ, if different), 1 otherwise, 2 on a read error. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *load(const char *path, png_uint_32 *w, png_uint_32 *h) {
  png_image img;
  unsigned char *buf;
  memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path)) {
    fprintf(stderr, "pngdiff: %s: %s\n", path, img.message);
    return NULL;
  }
  img.format = PNG_FORMAT_RGBA;
  buf = malloc(PNG_IMAGE_SIZE(img));
  if (!buf || !png_image_finish_read(&img, NULL, buf, 0, NULL)) {
    fprintf(stderr, "pngdiff: %s: %s\n", path, buf ? img.message : "out of memory");
    free(buf);
    return NULL;
  }
  *w = img.width;
  *h = img.height;
  return buf;
}

int main(int argc, char **argv) {
  int differ = argc == 4 && !strcmp(argv[1], "--differ");
  const char *a = argv[argc - 2], *b = argv[argc - 1];
  png_uint_32 wa, ha, wb, hb, i, n = 0, first = 0;
  unsigned char *pa, *pb;
  int same;
  if (argc != 3 && !differ) {
    fprintf(stderr, "usage: pngdiff [--differ] A.png B.png\n");
    return 2;
  }
  pa = load(a, &wa, &ha);
  pb = load(b, &wb, &hb);
  if (!pa || !pb) return 2;
  if (wa != wb || ha != hb) {
    printf("pngdiff: %s is %ux%u, %s is %ux%u\n", a, (unsigned)wa, (unsigned)ha, b, (unsigned)wb,
           (unsigned)hb);
    same = 0;
  } else {
    for (i = 0; i < wa * ha; i++) {
      if (memcmp(pa + 4 * i, pb + 4 * i, 4) != 0) {
        if (n++ == 0) first = i;
      }
    }
    if (n)
      printf("pngdiff: %u pixels differ, the first at (%u, %u)\n", (unsigned)n,
             (unsigned)(first % wa), (unsigned)(first / wa));
    same = n == 0;
  }
  free(pa);
  free(pb);
  if (differ) return same ? 1 : 0;
  return same ? 0 : 1;
}
