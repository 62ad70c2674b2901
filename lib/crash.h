/* crash.h: named points where a command can be made to die, for tests. */
#ifndef BTI_CRASH_H
#define BTI_CRASH_H

/* With BTI_CRASH_AT=NAME in the environment, the command kills itself with
 * SIGKILL at the point called NAME: the crash tests (tests/cli/13-crash.t)
 * stop a command in each window of its commit and check that the next
 * command finishes its work (docs/design.md, "One command, one commit").
 * With BTI_CRASH_COUNT=N as well, at the N-th time it gets there (a batch
 * passes each point once per change). */
void crash_point(const char *name);

#endif
