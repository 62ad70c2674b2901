/* embedded.h: schema/ files compiled into the binaries (see tools/embed.sh). */
#ifndef BTI_EMBEDDED_H
#define BTI_EMBEDDED_H

#include <stddef.h>

extern const size_t bti_files_n;
extern const char *const bti_files_path[];  /* e.g. "schema/models/three-level.yaml" */
extern const char *const bti_files_data[];
extern const size_t bti_files_len[];

/* The embedded file at path, or NULL. */
const char *embedded_file(const char *path, size_t *len);

#endif
