/* plx_base.h: what every Parallax module shares.
 *
 * Status codes, the error record that carries a message back to the caller,
 * and the library version. The library never prints and never exits: every
 * function that can fail returns a plx_status and, when given a plx_error,
 * fills it with a human-readable message (no trailing newline).
 *
 * Memory: out-of-memory aborts the process in one place (plx__oom), as cmark
 * does; callers never see a NULL from an allocation.
 *
 * Ownership rule for the whole library: a function that returns a pointer
 * documents whether the caller frees it; objects made by X_new are released
 * by X_free, which accepts NULL.
 */
#ifndef PLX_BASE_H
#define PLX_BASE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLX_VERSION_STRING "0.1.0"
/* The same as numbers, for compile-time checks:
 * #if PLX_VERSION_NUMBER >= PLX_VERSION_ENCODE(0, 2, 0) */
#define PLX_VERSION_MAJOR 0
#define PLX_VERSION_MINOR 1
#define PLX_VERSION_PATCH 0
#define PLX_VERSION_ENCODE(major, minor, patch) ((major) * 10000 + (minor) * 100 + (patch))
#define PLX_VERSION_NUMBER \
  PLX_VERSION_ENCODE(PLX_VERSION_MAJOR, PLX_VERSION_MINOR, PLX_VERSION_PATCH)

typedef enum plx_status {
  PLX_OK = 0,
  PLX_ERR_USAGE,        /* a bad argument or option value */
  PLX_ERR_IO,           /* reading or writing failed */
  PLX_ERR_INPUT,        /* the input is not something Parallax can read */
  PLX_ERR_ENCODING,     /* invalid UTF-8, UTF-16, NUL bytes */
  PLX_ERR_TOO_LARGE,    /* over a configured limit */
  PLX_ERR_LANGUAGE,     /* unsupported or undetected language */
  PLX_ERR_DATA,         /* a data file (lexicon, dictionary) is invalid */
  PLX_ERR_INTERNAL      /* a library (ICU, libxml2) failed unexpectedly */
} plx_status;

/* A short, static description of a status code. Never NULL. */
const char *plx_strerror(plx_status status);

/* Where a failing function leaves its message. Zero-initialise before use. */
typedef struct plx_error {
  plx_status status;
  char message[512];
} plx_error;

/* The library's version, e.g. "0.1.0". Static string. */
const char *plx_version(void);

/* Release what the library keeps for the whole process once loaded (the
 * Hunspell dictionaries, compiled furniture patterns), so that a program
 * that frees its objects ends with no memory Valgrind calls lost (the
 * tables loaded once stay reachable, as Valgrind reports them). Call it once, at the end, when no
 * other thread uses the library; the library may be used again after,
 * and loads them anew. ICU's and libxml2's own caches are theirs to
 * release (u_cleanup, xmlCleanupParser), as the program alone knows
 * whether it still uses them. */
void plx_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
