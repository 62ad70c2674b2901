/* crash.c: test kill points (crash.h). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash.h"

void
crash_point(const char *name)
{
	static long seen;
	const char *at = getenv("BTI_CRASH_AT"), *count = getenv("BTI_CRASH_COUNT");
	if (at && !strcmp(at, name) && ++seen >= (count ? atol(count) : 1))
		kill(getpid(), SIGKILL);
}
