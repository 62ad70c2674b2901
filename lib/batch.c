/* batch.c: bti-batch's loop (batch.h). */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "batch.h"
#include "op.h"
#include "progress.h"
#include "util.h"
#include "words.h"

static volatile sig_atomic_t stop_signal;
static jmp_buf trap;
static int trap_code;
static char *trap_msg;

static void
on_signal(int sig)
{
	stop_signal = sig;
}

/* cli_exit while a line runs: back to the loop with the code and message. */
static void
trapped(int code, char *msg)
{
	trap_code = code;
	trap_msg = msg;
	longjmp(trap, 1);
}

/* Runs a command's main, back here if it would exit. */
static int
call(int (*fn)(int, char **), int argc, char **argv)
{
	cli_exit = trapped;
	int rc = setjmp(trap) ? trap_code : fn(argc, argv);
	cli_exit = NULL;
	return rc;
}

static const struct batch_cmd *
find_cmd(const struct batch_cmd *cmds, const char *name)
{
	for (; cmds->name; cmds++)
		if (!strcmp(cmds->name, name) || !strcmp(cmds->name + 4, name))
			return cmds;
	return NULL;
}

/* Runs one line's words; returns its exit code, with *msg the error to
 * report (to free) when it is not 0. */
static int
run_line(const struct batch_cmd *cmds, const struct batch_cmd *cmd, const struct batch_opts *bo,
    char **w, int n, char **msg)
{
	*msg = NULL;
	if (!cmd) {
		struct buf names = { 0 };
		for (const struct batch_cmd *k = cmds; k->name; k++)
			buf_printf(&names, "%s%s", k == cmds ? "" : ", ", k->name + 4);
		*msg = xasprintf("usage: '%s' is not a command a batch runs (%s)", w[0], names.p);
		buf_free(&names);
		return EXIT_USAGE;
	}
	char **argv = xmalloc(((size_t)n + 6) * sizeof *argv);
	int argc = 0;
	argv[argc++] = (char *)cmd->name;
	if (bo->by) {
		argv[argc++] = (char *)"--by";
		argv[argc++] = (char *)bo->by;
	}
	if (bo->date) {
		argv[argc++] = (char *)"--date";
		argv[argc++] = (char *)bo->date;
	}
	for (int i = 1; i < n; i++)
		argv[argc++] = w[i];
	argv[argc] = NULL;
	optind = 0;             /* getopt starts afresh */
	trap_msg = NULL;
	int rc = call(cmd->main, argc, argv);
	if (trap_msg) {
		*msg = xasprintf("usage: %s", trap_msg);
		free(trap_msg);
	} else if (rc != EXIT_OK) {
		const char *e = op_session_error();
		*msg = xstrdup(e ? e : "refused (see standard error)");
	}
	free(argv);
	return rc;
}

/* The lines, read with read(2): a signal stops a read that waits, and
 * what is buffered is known (a batch writes its commits when no more line
 * is at hand). */
struct reader {
	int fd, eof;
	char *buf;
	size_t len, off, cap;
};

/* The next line, without its line break, into *line (valid until the next
 * call): 1, or 0 at the end, -1 on an error or a signal. */
static int
next_line(struct reader *rd, char **line)
{
	for (;;) {
		char *nl = memchr(rd->buf + rd->off, '\n', rd->len - rd->off);
		if (nl || (rd->eof && rd->off < rd->len)) {
			*line = rd->buf + rd->off;
			if (!nl)
				nl = rd->buf + rd->len;     /* the last line, without a break */
			*nl = 0;
			rd->off = (size_t)(nl - rd->buf) + (nl < rd->buf + rd->len);
			if (nl > *line && nl[-1] == '\r')
				nl[-1] = 0;
			return 1;
		}
		if (rd->eof)
			return 0;
		memmove(rd->buf, rd->buf + rd->off, rd->len - rd->off);
		rd->len -= rd->off;
		rd->off = 0;
		if (rd->cap - rd->len < 4096) {
			rd->cap *= 2;
			rd->buf = xrealloc(rd->buf, rd->cap + 1);
		}
		ssize_t got = read(rd->fd, rd->buf + rd->len, rd->cap - rd->len);
		if (got < 0)
			return -1;
		rd->len += (size_t)got;
		rd->eof = got == 0;
	}
}

/* Whether a line can be had without waiting. */
static int
line_at_hand(struct reader *rd)
{
	struct pollfd p = { .fd = rd->fd, .events = POLLIN };
	return rd->eof || memchr(rd->buf + rd->off, '\n', rd->len - rd->off) || poll(&p, 1, 0) != 0;
}

/* The most lines whose results wait for their commits to be written. */
enum { BATCH_GROUP = 100 };

/* Writes the commits made so far and prints their lines' results; on a
 * failure the results waiting are dropped: their commits are in no
 * repository. Returns an exit code. */
static int
publish(struct diags *dg)
{
	if (op_session_publish(dg) != EXIT_OK) {
		__fpurge(stdout);
		return EXIT_SYSTEM;
	}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_SYSTEM;
}

int
batch_run(struct cli *c, const struct batch_cmd *cmds, int fd, const struct batch_opts *bo)
{
	struct diags dg = { 0 };
	int rc = op_session_begin(c, &dg);
	if (rc != EXIT_OK) {
		diag_print(&dg, c->prog, stderr);
		diags_free(&dg);
		return rc;
	}
	/* Results are held until their commits are written (publish). */
	static char outbuf[1 << 20];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;      /* no SA_RESTART: a read waiting for a line stops */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	struct progress pg;
	progress_start(&pg, "bti-batch: lines", 0);
	struct reader rd = { .fd = fd, .cap = 65536 };
	rd.buf = xmalloc(rd.cap + 1);
	char *line;
	size_t lineno = 0, held = 0;
	int got = 0;
	while (!stop_signal) {
		if (held && (held >= BATCH_GROUP || !line_at_hand(&rd))) {
			if (publish(&dg) != EXIT_OK) {
				rc = EXIT_SYSTEM;
				break;
			}
			held = 0;
		}
		if ((got = next_line(&rd, &line)) <= 0)
			break;
		lineno++;
		char **w, *msg = NULL;
		const char *err;
		int n = words_split(line, &w, &err), lrc;
		if (n < 0) {
			lrc = EXIT_USAGE;
			msg = xasprintf("usage: %s", err);
		} else if (n == 0) {
			words_free(w);
			continue;
		} else {
			const struct batch_cmd *cmd = find_cmd(cmds, w[0]);
			if (cmd && cmd->reads_all && held) {
				if (publish(&dg) != EXIT_OK) {
					words_free(w);
					rc = EXIT_SYSTEM;
					break;
				}
				held = 0;
			}
			lrc = run_line(cmds, cmd, bo, w, n, &msg);
			words_free(w);
		}
		if (lrc != EXIT_OK)
			printf("error %zu: %s\n", lineno, msg);
		free(msg);
		held++;
		progress_set(&pg, lineno);
		if (lrc == EXIT_SYSTEM) {
			rc = EXIT_SYSTEM;
			break;
		}
		if (lrc != EXIT_OK) {
			rc = EXIT_REFUSED;
			if (bo->stop_on_error)
				break;
		}
	}
	if (got < 0 && !stop_signal) {
		diag_add(&dg, NULL, 0, 0, "batch", "cannot read the lines: %s", strerror(errno));
		rc = EXIT_SYSTEM;
	}
	if (publish(&dg) != EXIT_OK)
		rc = EXIT_SYSTEM;
	progress_end(&pg);
	free(rd.buf);
	if (stop_signal) {
		diag_add(&dg, NULL, 0, 0, "batch/interrupted", "stopped by %s after line %zu; the lines "
		    "after it were not read", stop_signal == SIGINT ? "SIGINT" : "SIGTERM", lineno);
		rc = EXIT_SYSTEM;
	}
	op_session_end(&dg);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return rc;
}
