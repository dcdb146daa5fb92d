/* output.c: write a report whole or not at all. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "internal.h"
#include "plx_report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct plx_output {
  char *path;     /* the target, NULL for standard output */
  char *tmppath;  /* the temporary file, NULL when writing in place */
  int fd;
  int owns_fd;
  int failed;     /* errno of the first failure, 0 if none */
};

static char *S_dirname_template(const char *path) {
  /* The temporary file must be on the same file system as the target so
   * that rename() is atomic: put it in the same directory. */
  const char *slash = strrchr(path, '/');
  plx__buf b = {0};
  if (slash) plx__buf_put(&b, path, (size_t)(slash - path) + 1);
  plx__buf_puts(&b, ".parallax-XXXXXX");
  return plx__buf_detach(&b, NULL);
}

plx_status plx_output_open(const char *path, plx_output **out, plx_error *err) {
  *out = NULL;
  plx_output *o = plx__calloc(1, sizeof *o);
  o->fd = -1;
  if (!path || strcmp(path, "-") == 0) {
    o->fd = STDOUT_FILENO;
    *out = o;
    return PLX_OK;
  }
  /* Paths under /dev and /proc (/dev/stdout, /dev/fd/3, /proc/self/fd/1)
   * name streams, and so does anything that is not a regular file: write
   * those in place and never replace them. A symbolic link to a regular file
   * keeps the link: its target is replaced. */
  char *resolved = NULL;
  struct stat lst;
  if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) resolved = realpath(path, NULL);
  const char *target = resolved ? resolved : path;
  int stream = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0 ||
               strncmp(target, "/dev/", 5) == 0 || strncmp(target, "/proc/", 6) == 0;
  struct stat st;
  int exists = stat(path, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    free(resolved);
    free(o);
    return plx__fail(err, PLX_ERR_IO, "%s: is a directory", path);
  }
  o->path = plx__strndup(path, strlen(path));
  if (stream || (exists && !S_ISREG(st.st_mode))) {
    free(resolved);
    o->fd = open(path, O_WRONLY | O_APPEND);
    if (o->fd < 0) {
      int e = errno;
      free(o->path);
      free(o);
      return plx__fail(err, PLX_ERR_IO, "%s: %s", path, strerror(e));
    }
    o->owns_fd = 1;
    *out = o;
    return PLX_OK;
  }
  o->tmppath = S_dirname_template(target);
  if (resolved) {
    free(o->path);
    o->path = resolved;
  }
  o->fd = mkstemp(o->tmppath);
  if (o->fd < 0) {
    int e = errno;
    free(o->tmppath);
    free(o->path);
    free(o);
    return plx__fail(err, PLX_ERR_IO, "%s: cannot create a temporary file: %s",
                     path, strerror(e));
  }
  o->owns_fd = 1;
  *out = o;
  return PLX_OK;
}

plx_status plx_output_write(plx_output *o, const char *data, size_t len,
                            plx_error *err) {
  while (len > 0 && !o->failed) {
    ssize_t w = write(o->fd, data, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      o->failed = errno;
      break;
    }
    data += w;
    len -= (size_t)w;
  }
  if (o->failed)
    return plx__fail(err, PLX_ERR_IO, "%s: write error: %s",
                     o->path ? o->path : "standard output", strerror(o->failed));
  return PLX_OK;
}

static void S_free(plx_output *o) {
  free(o->path);
  free(o->tmppath);
  free(o);
}

plx_status plx_output_commit(plx_output *o, plx_error *err) {
  const char *name = o->path ? o->path : "standard output";
  if (!o->failed && o->tmppath) {
    /* The file's mode follows the umask, as a file made by open() would. */
    mode_t mask = umask(0);
    umask(mask);
    struct stat st;
    mode_t mode = (stat(o->path, &st) == 0) ? (st.st_mode & 07777) : (0666 & ~mask);
    if (fchmod(o->fd, mode) != 0) o->failed = errno;
    if (!o->failed && fsync(o->fd) != 0) o->failed = errno;
  }
  if (o->owns_fd && close(o->fd) != 0 && !o->failed) o->failed = errno;
  if (!o->owns_fd && o->fd == STDOUT_FILENO && !o->failed) {
    /* fsync fails on pipes and terminals; only a real error counts. */
    if (fsync(o->fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP)
      o->failed = errno;
  }
  if (!o->failed && o->tmppath && rename(o->tmppath, o->path) != 0) o->failed = errno;
  if (o->failed) {
    /* name may point into o: report before freeing */
    plx__fail(err, PLX_ERR_IO, "%s: write error: %s", name, strerror(o->failed));
    if (o->tmppath) unlink(o->tmppath);
    S_free(o);
    return PLX_ERR_IO;
  }
  S_free(o);
  return PLX_OK;
}

void plx_output_abort(plx_output *o) {
  if (!o) return;
  if (o->owns_fd) close(o->fd);
  if (o->tmppath) unlink(o->tmppath);
  S_free(o);
}
