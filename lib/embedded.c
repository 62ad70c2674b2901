/* embedded.c: finding a file compiled into the binary. */
#include <string.h>

#include "embedded.h"

const char *
embedded_file(const char *path, size_t *len)
{
	for (size_t i = 0; i < bti_files_n; i++)
		if (!strcmp(bti_files_path[i], path)) {
			*len = bti_files_len[i];
			return bti_files_data[i];
		}
	return NULL;
}
