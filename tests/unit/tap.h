/* tap.h: a minimal header-only TAP producer for unit tests. */
#ifndef BTI_TAP_H
#define BTI_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_run, tap_failed, tap_plan = -1;

/* Optional: announces the number of tests up front. */
static inline void
plan(int n)
{
	tap_plan = n;
	printf("1..%d\n", n);
}

static inline int __attribute__((format(printf, 4, 5)))
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_run++;
	printf("%sok %d - ", pass ? "" : "not ", tap_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	/* Keeps diagnostics next to their test line when both go to a terminal. */
	fflush(stdout);
	if (!pass) {
		tap_failed++;
		fprintf(stderr, "#   Failed test at %s line %d.\n", file, line);
	}
	return pass;
}

static inline int
tap_is_int(long got, long want, const char *file, int line, const char *name)
{
	if (tap_ok(got == want, file, line, "%s", name))
		return 1;
	fprintf(stderr, "#          got: %ld\n#     expected: %ld\n", got, want);
	return 0;
}

static inline int
tap_is_str(const char *got, const char *want, const char *file, int line, const char *name)
{
	int same = got && want ? strcmp(got, want) == 0 : got == want;
	if (tap_ok(same, file, line, "%s", name))
		return 1;
	fprintf(stderr, "#          got: %s%s%s\n#     expected: %s%s%s\n",
	    got ? "'" : "", got ? got : "NULL", got ? "'" : "",
	    want ? "'" : "", want ? want : "NULL", want ? "'" : "");
	return 0;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, name) tap_is_int((long)(got), (long)(want), __FILE__, __LINE__, (name))
#define is_str(got, want, name) tap_is_str((got), (want), __FILE__, __LINE__, (name))

/* Ends the test: prints the plan if none was given; the exit status for main. */
static inline int
done_testing(void)
{
	if (tap_plan < 0)
		printf("1..%d\n", tap_run);
	else if (tap_run != tap_plan)
		fprintf(stderr, "# Planned %d tests but ran %d.\n", tap_plan, tap_run);
	fflush(stdout);
	if (tap_failed)
		fprintf(stderr, "# Looks like you failed %d test%s of %d.\n",
		    tap_failed, tap_failed == 1 ? "" : "s", tap_run);
	return tap_failed || (tap_plan >= 0 && tap_run != tap_plan);
}

#endif
