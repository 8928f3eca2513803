/* SPDX-License-Identifier: MIT */
/* file_io.h: what the programs do to files, done safely: reading a whole regular file up to a
 * size limit (never blocking on a FIFO, never reading a device), writing a file through a locked
 * temporary sibling that is fsync'd and renamed into place (at once, or in pieces that become
 * visible at a moment the writer chooses), telling whether two names are the same file, and
 * resolving a name inside a folder. Every failure is one sentence naming the file. */
#ifndef ALEPH_FILE_IO_H
#define ALEPH_FILE_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- reading ---- */

typedef enum {
  FIO_OK,
  FIO_ERR_OPEN,        /* missing, unreadable */
  FIO_ERR_NOT_REGULAR, /* a folder, FIFO, device or socket (or a link to one) */
  FIO_ERR_TOO_LARGE,   /* more than the caller's limit */
  FIO_ERR_READ,        /* an I/O error while reading */
  FIO_ERR_NO_MEMORY
} fio_status_t;

/* Reads the whole of path into a malloc'd buffer (NUL-terminated one byte past *len). Only a
 * regular file is read: anything else is refused before it is opened (and checked again on the
 * open descriptor, opened O_NONBLOCK, so a FIFO put in its place never blocks). A file of more
 * than limit bytes is refused without reading it (and one that grows past limit while being read
 * is refused too). what names the format in messages ("scene", "recording"): "PATH: 3 GB is more
 * than a recording can be (at most 268435456 bytes)". On failure *data is NULL and err holds the
 * sentence. */
fio_status_t fio_read_regular(const char *path, size_t limit, const char *what, uint8_t **data,
                              size_t *len, char *err, size_t errlen);

/* ---- writing ----
 * A save writes ".NAME.XXXXXX" (mkstemp) beside NAME and holds an exclusive flock on it until it
 * is renamed or removed. So path holds either the old or the new content, with the old file's
 * permissions (a new file: 0644). A symbolic link (or chain) to a regular file stays: the file
 * it leads to is saved that way, beside itself. A FIFO, device or socket (or a link to one, such
 * as /dev/stdout) is written in place, never replaced, without that guarantee (opening a FIFO
 * waits for a reader). A folder and a link to a missing file are refused, creating nothing. */

typedef struct fio_out fio_out_t;

/* Starts writing path: creates the temporary sibling (or opens a special file in place). NULL
 * with a sentence in err. */
fio_out_t *fio_out_open(const char *path, char *err, size_t errlen);
/* Appends len bytes (write(2), no buffering: after it returns the bytes survive the process
 * being killed). false with a sentence; the first failure sticks (later calls fail at once). */
bool fio_out_write(fio_out_t *o, const void *data, size_t len, char *err, size_t errlen);
/* fsync's what was written and renames the temporary file over path (then fsync's the folder
 * and removes stale temporary siblings, fio_remove_stale_temps): from here path holds the new
 * content, and later writes append to it. Does nothing for a special file or a second time. */
bool fio_out_publish(fio_out_t *o, char *err, size_t errlen);
/* fsync's what was written so far (after fio_out_publish: so that it survives a power cut). */
bool fio_out_sync(fio_out_t *o, char *err, size_t errlen);
/* Publishes (if not yet), closes and frees o. false with a sentence if anything failed, since
 * the open included; an unpublished temporary file is then removed, path left as it was. */
bool fio_out_close(fio_out_t *o, char *err, size_t errlen);
/* Gives up: an unpublished temporary file is removed (path keeps its old content); a published
 * file is closed as it is. Frees o (NULL is fine). */
void fio_out_abort(fio_out_t *o);
/* The name messages use for o (the path it was opened with). */
const char *fio_out_name(const fio_out_t *o);

/* fio_out_open + fio_out_write + fio_out_close. */
bool fio_write_file(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* Removes the temporary files killed saves of path left: siblings named exactly ".NAME.XXXXXX"
 * (six letters or digits), regular files owned by this user, that no save holds locked (a save
 * in progress, here or in another process, keeps its own). Returns how many were removed. */
uint32_t fio_remove_stale_temps(const char *path);

/* ---- names ---- */

/* Whether a and b name the same file: the same inode when both exist (links followed), else
 * the same absolute name once the folders are resolved (two outputs that do not exist yet). */
bool fio_same_file(const char *a, const char *b);
/* Whether path is a character device (/dev/null, a terminal): outputs may share one. */
bool fio_is_char_device(const char *path);

/* The file name resolves inside folder dir: name is relative to dir (or absolute), links are
 * followed, and the result must lie inside dir (itself resolved). must_exist false (a save): the
 * last part may be missing, but not a dangling link, ".", ".." or empty. Returns the resolved
 * absolute path (malloc'd), or NULL with a sentence in err naming name and dir. */
char *fio_resolve_inside(const char *dir, const char *name, bool must_exist, char *err,
                         size_t errlen);

#endif
