/* SPDX-License-Identifier: MIT */
/* file_io.c: whole-file reads of regular files with a size limit, safe writes (a locked temporary
 * sibling, fsync, rename; stale temporary files of killed saves removed by the next save), the
 * same-file test and names resolved inside a folder (file_io.h). */
#define _DEFAULT_SOURCE /* flock, realpath */
#include "file_io.h"

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

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void say(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  if (!err || !errlen) return;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* What a file that is not regular is, for messages. */
static const char *kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a folder";
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a plain file";
}

/* ---- reading ---- */

fio_status_t fio_read_regular(const char *path, size_t limit, const char *what, uint8_t **data,
                              size_t *len, char *err, size_t errlen) {
  struct stat st;
  uint8_t *buf = NULL;
  size_t cap, n = 0;
  int fd;
  *data = NULL;
  *len = 0;
  /* looked at before opening: a device is never opened, a FIFO never waited on */
  if (stat(path, &st) != 0) {
    say(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    return FIO_ERR_OPEN;
  }
  if (!S_ISREG(st.st_mode)) {
    say(err, errlen, "%s: is %s, not a regular file; a %s is read from a regular file only", path,
        kind_of(st.st_mode), what);
    return FIO_ERR_NOT_REGULAR;
  }
  if ((uint64_t)st.st_size > (uint64_t)limit) {
    say(err, errlen, "%s: %llu bytes is more than a %s can be (at most %zu bytes)", path,
        (unsigned long long)st.st_size, what, limit);
    return FIO_ERR_TOO_LARGE;
  }
  fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    say(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    return FIO_ERR_OPEN;
  }
  /* the name may lead elsewhere by now: what counts is what was opened */
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    say(err, errlen, "%s: is %s, not a regular file; a %s is read from a regular file only", path,
        kind_of(st.st_mode), what);
    close(fd);
    return FIO_ERR_NOT_REGULAR;
  }
  if ((uint64_t)st.st_size > (uint64_t)limit) {
    say(err, errlen, "%s: %llu bytes is more than a %s can be (at most %zu bytes)", path,
        (unsigned long long)st.st_size, what, limit);
    close(fd);
    return FIO_ERR_TOO_LARGE;
  }
  /* room for the size it has plus one byte (to see it grow) and the NUL */
  cap = (size_t)st.st_size + 2u;
  buf = malloc(cap);
  while (buf) {
    ssize_t got;
    if (n + 1u >= cap) { /* it grew: up to the limit and one byte more */
      size_t want = cap < limit / 2u ? cap * 2u : limit + 2u;
      uint8_t *nb = realloc(buf, want);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap = want;
    }
    got = read(fd, buf + n, cap - n - 1u);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      say(err, errlen, "%s: read error: %s", path, strerror(errno));
      free(buf);
      close(fd);
      return FIO_ERR_READ;
    }
    if (got == 0) break;
    n += (size_t)got;
    if (n > limit) {
      say(err, errlen, "%s: grew past %zu bytes while being read, more than a %s can be", path,
          limit, what);
      free(buf);
      close(fd);
      return FIO_ERR_TOO_LARGE;
    }
  }
  close(fd);
  if (!buf) {
    say(err, errlen, "%s: out of memory", path);
    return FIO_ERR_NO_MEMORY;
  }
  buf[n] = 0;
  *data = buf;
  *len = n;
  return FIO_OK;
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

uint32_t fio_remove_stale_temps(const char *path) {
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

/* ---- writing ---- */

struct fio_out {
  int fd;
  char *name;     /* as the caller gave it (messages) */
  char *target;   /* the file replaced (links resolved); NULL when written in place */
  char *tmp, *dir;
  mode_t mode;    /* the permissions the saved file gets (those of the file it replaces) */
  bool published, failed;
  char msg[512];  /* the first failure */
};

static void out_fail(fio_out_t *o, const char *step, int e) {
  if (o->failed) return;
  o->failed = true;
  snprintf(o->msg, sizeof o->msg, "%s: %s: %s", o->name, step, strerror(e));
}

static void out_free(fio_out_t *o) {
  free(o->name);
  free(o->target);
  free(o->tmp);
  free(o->dir);
  free(o);
}

/* The temporary sibling of o->target, created and locked. */
static bool open_replacing(fio_out_t *o, char *err, size_t errlen) {
  const char *slash = strrchr(o->target, '/');
  size_t plen = strlen(o->target);
  o->tmp = malloc(plen + 16);
  o->dir = malloc(plen + 2);
  if (!o->tmp || !o->dir) {
    say(err, errlen, "%s: out of memory", o->name);
    return false;
  }
  /* a hidden sibling, so rename() never crosses file systems */
  if (slash) {
    size_t d = (size_t)(slash - o->target);
    memcpy(o->dir, o->target, d ? d : 1);
    o->dir[d ? d : 1] = '\0';
    snprintf(o->tmp, plen + 16, "%.*s/.%s.XXXXXX", (int)d, o->target, slash + 1);
  } else {
    strcpy(o->dir, ".");
    snprintf(o->tmp, plen + 16, ".%s.XXXXXX", o->target);
  }
  o->fd = make_temp(o->tmp);
  if (o->fd < 0) {
    say(err, errlen, "%s: cannot create a temporary file in %s: %s", o->name, o->dir,
        strerror(errno));
    return false;
  }
  return true;
}

/* A FIFO, a device or a socket (or a link to one): written in place, never replaced. Opening a
 * FIFO waits for a reader, as a shell's redirection does. */
static bool open_in_place(fio_out_t *o, char *err, size_t errlen) {
  struct stat st;
  o->fd = open(o->name, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (o->fd < 0) {
    say(err, errlen, "%s: cannot open for writing: %s", o->name, strerror(errno));
    return false;
  }
  if (fstat(o->fd, &st) != 0 || S_ISREG(st.st_mode)) { /* replaced since we looked */
    say(err, errlen, "%s: changed while being saved; nothing written", o->name);
    return false;
  }
  o->mode = st.st_mode;
  o->published = true; /* nothing to rename */
  return true;
}

fio_out_t *fio_out_open(const char *path, char *err, size_t errlen) {
  struct stat lst, st;
  fio_out_t *o = calloc(1, sizeof *o);
  bool ok = false;
  if (!o || !(o->name = strdup(path))) {
    say(err, errlen, "%s: out of memory", path);
    free(o);
    return NULL;
  }
  o->fd = -1;
  o->mode = 0644;
  if (lstat(path, &lst) != 0) { /* not there (or not reachable): the temp file's creation says */
    o->target = strdup(path);
    ok = o->target ? open_replacing(o, err, errlen) : false;
    if (!o->target) say(err, errlen, "%s: out of memory", path);
    goto done;
  }
  if (S_ISLNK(lst.st_mode)) {
    if (stat(path, &st) != 0) {
      int e = errno;
      char to[256];
      ssize_t n = readlink(path, to, sizeof to - 1);
      if (e == ENOENT && n > 0) {
        to[n] = '\0';
        say(err, errlen, "%s: is a symbolic link to a missing file (%s); nothing saved", path, to);
      } else if (e == ENOENT) {
        say(err, errlen, "%s: is a symbolic link to a missing file; nothing saved", path);
      } else {
        say(err, errlen, "%s: cannot follow the symbolic link: %s", path, strerror(e));
      }
      goto done;
    }
  } else {
    st = lst;
  }
  if (S_ISDIR(st.st_mode)) {
    say(err, errlen, "%s: is a directory", path);
    goto done;
  }
  if (!S_ISREG(st.st_mode)) {
    ok = open_in_place(o, err, errlen);
    goto done;
  }
  o->mode = st.st_mode & 07777;
  /* a link (or a chain of them) to a regular file: the file is saved, beside itself, and the
   * link stays */
  o->target = S_ISLNK(lst.st_mode) ? realpath(path, NULL) : strdup(path);
  if (!o->target) {
    say(err, errlen, "%s: cannot resolve the symbolic link: %s", path, strerror(errno));
    goto done;
  }
  ok = open_replacing(o, err, errlen);
done:
  if (!ok) {
    if (o->fd >= 0) close(o->fd);
    if (o->tmp && o->fd >= 0) unlink(o->tmp);
    out_free(o);
    return NULL;
  }
  return o;
}

const char *fio_out_name(const fio_out_t *o) { return o->name; }

bool fio_out_write(fio_out_t *o, const void *data, size_t len, char *err, size_t errlen) {
  if (!o->failed && !write_all(o->fd, data, len)) out_fail(o, "write error", errno);
  if (o->failed) say(err, errlen, "%s", o->msg);
  return !o->failed;
}

bool fio_out_sync(fio_out_t *o, char *err, size_t errlen) {
  /* a pipe or a terminal cannot be synced, and need not be */
  if (!o->failed && (o->target || S_ISBLK(o->mode)) && fsync(o->fd) != 0)
    out_fail(o, "cannot flush to disk", errno);
  if (o->failed) say(err, errlen, "%s", o->msg);
  return !o->failed;
}

bool fio_out_publish(fio_out_t *o, char *err, size_t errlen) {
  int dfd;
  if (o->published || o->failed) {
    if (o->failed) say(err, errlen, "%s", o->msg);
    return !o->failed;
  }
  if (fchmod(o->fd, o->mode) != 0 || fsync(o->fd) != 0)
    out_fail(o, "cannot flush to disk", errno);
  else if (rename(o->tmp, o->target) != 0)
    out_fail(o, "cannot replace the file", errno);
  if (o->failed) {
    say(err, errlen, "%s", o->msg);
    return false;
  }
  o->published = true;
  dfd = open(o->dir, O_RDONLY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd); /* makes the rename durable; some file systems refuse, which is harmless */
    close(dfd);
  }
  fio_remove_stale_temps(o->target); /* what earlier, killed saves of this file left */
  return true;
}

bool fio_out_close(fio_out_t *o, char *err, size_t errlen) {
  bool ok;
  if (!o->failed && o->target && o->published && fsync(o->fd) != 0)
    out_fail(o, "cannot flush to disk", errno);
  if (!o->failed && !o->target && S_ISBLK(o->mode) && fsync(o->fd) != 0)
    out_fail(o, "write error", errno);
  if (!o->failed) fio_out_publish(o, NULL, 0);
  if (close(o->fd) != 0 && !o->failed) out_fail(o, o->published ? "write error" : "cannot replace the file", errno);
  o->fd = -1;
  ok = !o->failed;
  if (!ok) {
    say(err, errlen, "%s", o->msg);
    if (!o->published) unlink(o->tmp);
  }
  out_free(o);
  return ok;
}

void fio_out_abort(fio_out_t *o) {
  if (!o) return;
  if (o->fd >= 0) close(o->fd);
  if (!o->published && o->tmp) unlink(o->tmp);
  out_free(o);
}

bool fio_write_file(const char *path, const void *data, size_t len, char *err, size_t errlen) {
  fio_out_t *o = fio_out_open(path, err, errlen);
  if (!o) return false;
  if (!fio_out_write(o, data, len, err, errlen)) {
    fio_out_abort(o);
    return false;
  }
  return fio_out_close(o, err, errlen);
}

/* ---- names ---- */

/* The absolute name of path with its folders resolved: realpath of the whole when it exists,
 * else of its folder plus the last part. NULL if the folder cannot be resolved. */
static char *resolved_name(const char *path) {
  char *r = realpath(path, NULL), *dir, *out;
  const char *slash, *base;
  size_t dl;
  if (r) return r;
  slash = strrchr(path, '/');
  base = slash ? slash + 1 : path;
  dl = slash ? (size_t)(slash - path) : 0;
  dir = malloc(dl + 2u);
  if (!dir) return NULL;
  if (slash && dl == 0)
    strcpy(dir, "/");
  else if (slash)
    snprintf(dir, dl + 1u, "%.*s", (int)dl, path);
  else
    strcpy(dir, ".");
  r = realpath(dir, NULL);
  free(dir);
  if (!r) return NULL;
  out = malloc(strlen(r) + strlen(base) + 2u);
  if (out) sprintf(out, "%s%s%s", r, strcmp(r, "/") ? "/" : "", base);
  free(r);
  return out;
}

bool fio_same_file(const char *a, const char *b) {
  struct stat sa, sb;
  bool ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0, same;
  char *ra, *rb;
  if (ea && eb) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (ea != eb) return false;
  ra = resolved_name(a);
  rb = resolved_name(b);
  same = ra && rb ? strcmp(ra, rb) == 0 : strcmp(a, b) == 0;
  free(ra);
  free(rb);
  return same;
}

bool fio_is_char_device(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

char *fio_resolve_inside(const char *dir, const char *name, bool must_exist, char *err,
                         size_t errlen) {
  char *root, *full, *res = NULL;
  const char *base;
  size_t rl;
  struct stat lst;
  if (!name[0]) {
    say(err, errlen, "an empty file name");
    return NULL;
  }
  root = realpath(dir, NULL);
  if (!root) {
    say(err, errlen, "the scene folder %s: %s", dir, strerror(errno));
    return NULL;
  }
  rl = strlen(root);
  full = malloc(strlen(root) + strlen(name) + 2u);
  if (!full) {
    free(root);
    say(err, errlen, "out of memory");
    return NULL;
  }
  if (name[0] == '/')
    strcpy(full, name);
  else
    sprintf(full, "%s/%s", root, name);
  base = strrchr(full, '/') + 1;
  if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
    say(err, errlen, "%s: not a file name", name);
    goto out;
  }
  /* where it leads (or, not there yet, where it would be), inside or not; then whether it is
   * there: a name outside is refused as such whether it exists or not */
  if (lstat(full, &lst) == 0) {
    res = realpath(full, NULL);
    if (!res && errno == ENOENT) { /* a link to nothing: where would it lead? */
      say(err, errlen, "%s: a symbolic link to a missing file", name);
      goto out;
    }
  } else {
    res = resolved_name(full);
  }
  if (!res) {
    say(err, errlen, "%s: %s", name, strerror(errno));
    goto out;
  }
  /* inside: the folder's resolved name and a '/' start it */
  if (!strcmp(res, root)) {
    say(err, errlen, "%s: is the scene folder itself, not a file in it", name);
    free(res);
    res = NULL;
  } else if (strncmp(res, root, rl) != 0 || (rl > 1 && res[rl] != '/')) {
    say(err, errlen, "%s: outside the scene folder %s; refused", name, root);
    free(res);
    res = NULL;
  } else if (must_exist && lstat(res, &lst) != 0) {
    say(err, errlen, "%s: %s", name, strerror(errno));
    free(res);
    res = NULL;
  }
out:
  free(full);
  free(root);
  return res;
}
