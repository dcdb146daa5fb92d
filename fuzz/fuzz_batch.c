/* fuzz_batch.c: the JSON Lines job input of parallax batch. Each line goes
 * through plx_batch_job_parse, as plx_batch_run does; jobs are not run (a
 * fuzzed path could name any file, /dev/zero included). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "plx_batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t p = 0;
  while (p <= size) {
    const char *nl = p < size ? memchr(s + p, '\n', size - p) : NULL;
    size_t e = nl ? (size_t)(nl - s) : size;
    plx_batch_job *job = NULL;
    plx_error err = {0};
    if (plx_batch_job_parse(s + p, e - p, &job, &err) == PLX_OK) {
      /* a parsed job has its two paths, non-empty */
      if (!job || !job->a[0] || !job->b[0]) __builtin_trap();
      plx_batch_job_free(job);
    } else if (job || !err.message[0]) {
      __builtin_trap();
    }
    p = e + 1;
  }
  return 0;
}
