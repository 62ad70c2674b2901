/* crash.c: test kill points (crash.h). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash.h"

void
crash_point(const char *name)
{
	const char *at = getenv("BTI_CRASH_AT");
	if (at && !strcmp(at, name))
		kill(getpid(), SIGKILL);
}
