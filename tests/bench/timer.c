/* timer.c: runs one command and writes what it cost.
 *
 *   timer RESULT-FILE COMMAND [ARG...]
 *
 * Forks (from this small process, so that the child's peak memory is its
 * own and not its parent's, as it would be when forked from Python), execs
 * COMMAND with the inherited stdin/stdout/stderr, waits for it with wait4
 * and writes one line to RESULT-FILE:
 *     wall-seconds cpu-seconds(user+sys) max-rss-KiB exit-status
 * Wall time runs from just before fork to just after wait4. The exit status
 * of timer is the command's (127 if it could not be run). This is what
 * `/usr/bin/time -f "%e %U %S %M"` reports, without its overhead and with
 * nanosecond wall time.
 * Built by tests/bench/run.sh: cc -O2 timer.c */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: timer RESULT-FILE COMMAND [ARG...]\n");
		return 2;
	}
	struct timespec a, b;
	struct rusage ru;
	int status;
	clock_gettime(CLOCK_MONOTONIC, &a);
	pid_t pid = fork();
	if (pid < 0) {
		perror("timer: fork");
		return 127;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("timer: wait4");
		return 127;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	FILE *f = fopen(argv[1], "w");
	if (!f) {
		perror(argv[1]);
		return 127;
	}
	fprintf(f, "%.6f %.6f %ld %d\n",
	    (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9,
	    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
	    ru.ru_maxrss, code);
	fclose(f);
	return code;
}
