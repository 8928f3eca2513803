/* scene_file.c: scene files on a host: whole-file reads, safe saves (temp file, fsync, rename;
 * the temp file locked while in use, and the stale ones a killed save left removed by the next
 * save), a pool and slot to load into, loading by content, and the names the text forms use. */
#define _DEFAULT_SOURCE /* flock, realpath */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "pool.h"
#include "scene_io.h"
#include "scene_io_internal.h"

void sio_fail(sio_error_t *err, const char *fmt, ...) {
  va_list ap;
  if (!err) return;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

void sio_clear(sio_error_t *err) {
  if (!err) return;
  err->message[0] = '\0';
  memset(&err->scene, 0, sizeof err->scene);
  err->scene.status = SCENE_OK;
  err->scene.offset = SCENE_NO_OFFSET;
}

void sio_fail_scene(sio_error_t *err, const char *path, const scene_error_t *se) {
  if (!err) return;
  err->scene = *se;
  if (se->offset != SCENE_NO_OFFSET)
    sio_fail(err, "%s: offset %u (0x%x): %s (as bees %s)", path ? path : "scene", se->offset,
             se->offset, se->message, scene_layout_name(se->layout));
  else
    sio_fail(err, "%s: %s", path ? path : "scene", se->message);
}

/* ---- files ---- */

bool sio_read_file(const char *path, uint8_t **data, size_t *len, sio_error_t *err) {
  FILE *f;
  uint8_t *buf = 0;
  size_t cap = 0, n = 0;
  sio_clear(err);
  *data = 0;
  *len = 0;
  f = fopen(path, "rb");
  if (!f) {
    sio_fail(err, "%s: cannot open: %s", path, strerror(errno));
    return false;
  }
  for (;;) {
    size_t got;
    if (n + 1 >= cap) {
      uint8_t *nb;
      cap = cap ? cap * 2 : 65536;
      nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        sio_fail(err, "%s: out of memory", path);
        return false;
      }
      buf = nb;
    }
    got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  if (ferror(f)) {
    sio_fail(err, "%s: read error: %s", path, strerror(errno));
    free(buf);
    fclose(f);
    return false;
  }
  fclose(f);
  buf[n] = 0;
  *data = buf;
  *len = n;
  return true;
}

/* ---- temporary siblings ----
 * A save writes ".NAME.XXXXXX" (mkstemp) beside NAME and holds an exclusive flock on it until it
 * is renamed or removed. A save killed in between leaves it behind, unlocked (the kernel drops
 * the locks of a dead process). So a sibling that matches the pattern exactly, is a regular
 * file of ours, and can be locked at once is stale and is removed; one a live save is writing
 * (in this process or another) cannot be locked and stays. */

#define TEMP_SUFFIX 6u /* mkstemp's XXXXXX */

static bool temp_name_of(const char *entry, const char *base) {
  size_t bl = strlen(base), el = strlen(entry), i;
  if (el != bl + 2u + TEMP_SUFFIX || entry[0] != '.' || strncmp(entry + 1, base, bl) != 0 ||
      entry[bl + 1u] != '.')
    return false;
  for (i = bl + 2u; i < el; i++) {
    char c = entry[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

uint32_t sio_remove_stale_temps(const char *path) {
  const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
  size_t dl = slash ? (size_t)(slash - path) : 0;
  char *dir, *full;
  DIR *d;
  struct dirent *e;
  uint32_t removed = 0;
  if (!*base) return 0;
  dir = malloc(dl + 2u);
  full = malloc(dl + strlen(base) + TEMP_SUFFIX + 4u);
  if (!dir || !full) {
    free(dir);
    free(full);
    return 0;
  }
  if (slash) {
    memcpy(dir, path, dl ? dl : 1u);
    dir[dl ? dl : 1u] = '\0';
  } else {
    strcpy(dir, ".");
  }
  d = opendir(dir);
  while (d && (e = readdir(d))) {
    struct stat st, now;
    int fd;
    if (!temp_name_of(e->d_name, base)) continue;
    sprintf(full, "%.*s%s%s", (int)dl, path, slash ? "/" : "", e->d_name);
    fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
        flock(fd, LOCK_EX | LOCK_NB) == 0 && lstat(full, &now) == 0 && now.st_ino == st.st_ino &&
        now.st_dev == st.st_dev && unlink(full) == 0)
      removed++;
    close(fd); /* drops the lock */
  }
  if (d) closedir(d);
  free(dir);
  free(full);
  return removed;
}

/* mkstemp, then the lock. A stale-temp sweep in another process could remove the new file
 * between the two; then the name no longer leads to our file, and we try again. */
static int make_temp(char *tmp) {
  int tries;
  for (tries = 0; tries < 8; tries++) {
    struct stat a, b;
    int fd = mkstemp(tmp);
    if (fd < 0) return -1;
    if (flock(fd, LOCK_EX) != 0) {
      int e = errno;
      close(fd);
      unlink(tmp);
      errno = e;
      return -1;
    }
    if (fstat(fd, &a) == 0 && lstat(tmp, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev)
      return fd;
    close(fd);
    memcpy(tmp + strlen(tmp) - TEMP_SUFFIX, "XXXXXX", TEMP_SUFFIX);
  }
  errno = EAGAIN;
  return -1;
}

/* write() until all of it is out; false with errno set on failure */
static bool write_all(int fd, const uint8_t *p, size_t len) {
  while (len) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return false;
    if (w == 0) {
      errno = EIO; /* a device that takes nothing and says no more */
      return false;
    }
    p += w;
    len -= (size_t)w;
  }
  return true;
}

/* The safe save of a regular file (or of one not there yet): target is the file itself (links
 * already resolved), name what messages call it (the path the caller gave), mode the
 * permissions the saved file gets (those of the file it replaces). */
static bool save_replacing(const char *name, const char *target, mode_t mode, const void *data,
                           size_t len, sio_error_t *err) {
  const char *slash = strrchr(target, '/');
  size_t plen = strlen(target);
  char *tmp = malloc(plen + 16), *dir = malloc(plen + 2);
  const char *failed = NULL; /* which step failed, for the message */
  int fd, dfd, e = 0;
  bool ok = false;
  if (!tmp || !dir) {
    sio_fail(err, "%s: out of memory", name);
    goto done;
  }
  /* the temporary file is a hidden sibling, so rename() never crosses file systems */
  if (slash) {
    size_t d = (size_t)(slash - target);
    memcpy(dir, target, d ? d : 1);
    dir[d ? d : 1] = '\0';
    snprintf(tmp, plen + 16, "%.*s/.%s.XXXXXX", (int)d, target, slash + 1);
  } else {
    strcpy(dir, ".");
    snprintf(tmp, plen + 16, ".%s.XXXXXX", target);
  }
  fd = make_temp(tmp);
  if (fd < 0) {
    sio_fail(err, "%s: cannot create a temporary file in %s: %s", name, dir, strerror(errno));
    goto done;
  }
  if (!write_all(fd, data, len))
    failed = "write error";
  else if (fchmod(fd, mode) != 0 || fsync(fd) != 0)
    failed = "cannot flush to disk";
  e = errno;
  if (close(fd) != 0 && !failed) {
    failed = "cannot replace the file";
    e = errno;
  }
  if (!failed && rename(tmp, target) != 0) {
    failed = "cannot replace the file";
    e = errno;
  }
  if (failed) {
    sio_fail(err, "%s: %s: %s", name, failed, strerror(e));
    unlink(tmp);
    goto done;
  }
  dfd = open(dir, O_RDONLY);
  if (dfd >= 0) {
    fsync(dfd); /* makes the rename durable; some file systems refuse, which is harmless */
    close(dfd);
  }
  sio_remove_stale_temps(target); /* what earlier, killed saves of this file left */
  ok = true;
done:
  free(tmp);
  free(dir);
  return ok;
}

/* A FIFO, a device or a socket (or a link to one): written in place, never replaced. Opening a
 * FIFO waits for a reader, as a shell's redirection does. */
static bool save_in_place(const char *path, const void *data, size_t len, sio_error_t *err) {
  struct stat st;
  int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    sio_fail(err, "%s: cannot open for writing: %s", path, strerror(errno));
    return false;
  }
  if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode)) { /* replaced since we looked */
    sio_fail(err, "%s: changed while being saved; nothing written", path);
    close(fd);
    return false;
  }
  if (!write_all(fd, data, len)) {
    sio_fail(err, "%s: write error: %s", path, strerror(errno));
    close(fd);
    return false;
  }
  if ((S_ISBLK(st.st_mode) && fsync(fd) != 0) || close(fd) != 0) {
    sio_fail(err, "%s: write error: %s", path, strerror(errno));
    return false;
  }
  return true;
}

bool sio_write_file(const char *path, const void *data, size_t len, sio_error_t *err) {
  struct stat lst, st;
  char *real;
  bool ok;
  sio_clear(err);
  if (lstat(path, &lst) != 0) /* not there (or not reachable): the temp file's creation says */
    return save_replacing(path, path, 0644, data, len, err);
  if (S_ISLNK(lst.st_mode)) {
    if (stat(path, &st) != 0) {
      int e = errno;
      char to[256];
      ssize_t n = readlink(path, to, sizeof to - 1);
      if (e == ENOENT) {
        if (n > 0) {
          to[n] = '\0';
          sio_fail(err, "%s: is a symbolic link to a missing file (%s); nothing saved", path,
                   to);
        } else {
          sio_fail(err, "%s: is a symbolic link to a missing file; nothing saved", path);
        }
      } else {
        sio_fail(err, "%s: cannot follow the symbolic link: %s", path, strerror(e));
      }
      return false;
    }
  } else {
    st = lst;
  }
  if (S_ISDIR(st.st_mode)) {
    sio_fail(err, "%s: is a directory", path);
    return false;
  }
  if (!S_ISREG(st.st_mode)) return save_in_place(path, data, len, err);
  if (!S_ISLNK(lst.st_mode)) return save_replacing(path, path, st.st_mode & 07777, data, len, err);
  /* a link (or a chain of them) to a regular file: the file is saved, beside itself, and the
   * link stays */
  real = realpath(path, NULL);
  if (!real) {
    sio_fail(err, "%s: cannot resolve the symbolic link: %s", path, strerror(errno));
    return false;
  }
  ok = save_replacing(path, real, st.st_mode & 07777, data, len, err);
  free(real);
  return ok;
}

/* ---- the world ---- */

struct sio_world {
  void *arena;
  pool_t *pool;
  scene_slot_t slot;
};

sio_world_t *sio_world_new(void) {
  /* tools hold any scene the format can: 128 ops of the largest class, twice (the slot), with
   * every param and preset entry */
  static const arena_plan_t plan = {4u << 20, 4u << 20,
                                    {128, 256, 256, 256, NET_PRESETS, NET_DEFAULT_DEPTH},
                                    {0, 0, 0}};
  sio_world_t *w = calloc(1, sizeof *w);
  arena_layout_t l;
  if (!w || arena_layout(arena_size_for(&plan), &plan, &l) != ARENA_OK) {
    free(w);
    return 0;
  }
  w->arena = aligned_alloc(8, ((size_t)l.used_bytes + 7u) & ~(size_t)7u);
  if (!w->arena || arena_init(w->arena, &l, 0, &w->pool, &w->slot) != ARENA_OK) {
    free(w->arena);
    free(w);
    return 0;
  }
  return w;
}

void sio_world_free(sio_world_t *w) {
  if (!w) return;
  net_clear(scene_slot_net(&w->slot));
  scene_slot_discard(&w->slot);
  free(w->arena);
  free(w);
}

scene_slot_t *sio_world_slot(sio_world_t *w) { return w ? &w->slot : 0; }
net_t *sio_world_net(sio_world_t *w) { return w ? scene_slot_net(&w->slot) : 0; }
pool_t *sio_world_pool(sio_world_t *w) { return w ? w->pool : 0; }

/* ---- loading and saving ---- */

size_t sio_bom_len(const void *text, size_t len) {
  const uint8_t *b = text;
  return len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3u : 0u;
}

sio_kind_t sio_sniff(const uint8_t *data, size_t len) {
  size_t i = sio_bom_len(data, len);
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
    i++;
  if (i < len && data[i] == '[') return SIO_KIND_JSON; /* not a scene; the JSON reader says why */
  if (i < len && data[i] == '{') {
    /* beekeep's form has "operators"; ours has "ops" */
    const char *text = (const char *)data;
    if (len > 0 && data[len] == 0 && strstr(text + i, "\"operators\"") &&
        !strstr(text + i, "\"aleph-scene\""))
      return SIO_KIND_NATIVE;
    return SIO_KIND_JSON;
  }
  return SIO_KIND_SCN;
}

const char *sio_kind_name(sio_kind_t kind) {
  switch (kind) {
  case SIO_KIND_SCN: return "bees scene";
  case SIO_KIND_JSON: return "aleph-scene JSON";
  case SIO_KIND_NATIVE: return "beekeep native JSON";
  }
  return "?";
}

bool sio_load(scene_slot_t *slot, const char *path, scene_layout_t layout, scene_header_t *hdr,
              sio_kind_t *kind, sio_error_t *err) {
  uint8_t *data;
  size_t len;
  sio_kind_t k;
  scene_header_t h;
  bool ok;
  if (!sio_read_file(path, &data, &len, err)) return false;
  k = sio_sniff(data, len);
  if (kind) *kind = k;
  if (k == SIO_KIND_SCN) {
    scene_error_t se;
    ok = scene_slot_load(slot, data, len > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)len, layout, &h,
                         &se) == SCENE_OK;
    if (!ok) sio_fail_scene(err, path, &se);
  } else {
    net_t *spare = scene_slot_spare(slot);
    ok = k == SIO_KIND_JSON ? scene_json_read(spare, (const char *)data, layout, &h, path, err)
                            : scene_native_read(spare, (const char *)data, layout, &h, path, err);
    if (ok) {
      scene_error_t se;
      ok = scene_slot_commit(slot, &se) == SCENE_OK;
      if (!ok) sio_fail_scene(err, path, &se);
    } else {
      scene_slot_discard(slot);
    }
  }
  free(data);
  if (ok && hdr) *hdr = h;
  return ok;
}

bool sio_save_scn(const net_t *net, const scene_header_t *hdr, scene_layout_t layout,
                  const char *path, sio_error_t *err) {
  uint8_t *img = malloc(SCENE_FILE_SIZE);
  scene_error_t se;
  bool ok;
  sio_clear(err);
  if (!img) {
    sio_fail(err, "%s: out of memory", path);
    return false;
  }
  if (scene_encode(net, hdr, layout, img, SCENE_FILE_SIZE, &se) != SCENE_OK) {
    sio_fail_scene(err, path, &se);
    free(img);
    return false;
  }
  ok = sio_write_file(path, img, SCENE_FILE_SIZE, err);
  free(img);
  return ok;
}

/* ---- names ---- */

void sio_op_handle(const net_t *net, uint16_t i, char *out, size_t cap) {
  const char *name = net_op_name(net, i);
  uint16_t j, n = net_op_count(net), same = 0, before = 0;
  for (j = 0; j < n; j++)
    if (strcmp(net_op_name(net, j), name) == 0) {
      same++;
      if (j < i) before++;
    }
  if (same > 1)
    snprintf(out, cap, "%s#%u", name, before);
  else
    snprintf(out, cap, "%s", name);
}

static const char *const param_types[] = {"bool",  "fix",    "amp",   "integrator",
                                          "note",  "svf_freq", "fract", "short",
                                          "integrator_short", "label"};

const char *sio_param_type_name(uint8_t type) {
  return type < sizeof param_types / sizeof param_types[0] ? param_types[type] : 0;
}

bool sio_param_type_parse(const char *name, uint8_t *type) {
  uint8_t i;
  for (i = 0; i < sizeof param_types / sizeof param_types[0]; i++)
    if (strcmp(param_types[i], name) == 0) {
      *type = i;
      return true;
    }
  return false;
}
