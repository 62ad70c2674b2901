/* floor.c: the raw parse floor, libyaml alone.
 *
 *   floor [-j N] FILE...        parses each file
 *   floor [-j N] DIR            parses every NAME.yaml under DIR/cases
 *
 * Reads each file whole, runs yaml_parser_parse over it and throws the
 * events away: no tree, no schema, no figures. Nothing bti-report does
 * on the work tree can be faster than this. -j N splits the files over N
 * threads. Prints "files events" on stdout; exit 1 on a parse error.
 * Built by tests/bench/run.sh: cc -O2 floor.c -lyaml -lpthread */
#define _GNU_SOURCE
#include <ftw.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "floor.h"

static char **files;
static size_t nfiles, capfiles;
static int nthreads = 1;

struct job {
	int id;
	unsigned long events;
	int bad;
};

static void
add(char *path)
{
	if (nfiles == capfiles) {
		capfiles = capfiles ? capfiles * 2 : 1024;
		files = realloc(files, capfiles * sizeof *files);
		if (!files) {
			perror("floor");
			exit(2);
		}
	}
	files[nfiles++] = path;
}

static int
found(const char *path, const struct stat *st, int type, struct FTW *f)
{
	(void)st;
	(void)f;
	if (type == FTW_F && is_yaml(path))
		add(strdup(path));
	return 0;
}

static void
scan(const char *top)
{
	char *cases;
	if (asprintf(&cases, "%s/cases", top) < 0)
		exit(2);
	if (nftw(cases, found, 16, FTW_PHYS) < 0) {
		perror(cases);
		exit(2);
	}
	free(cases);
}

static void *
work(void *arg)
{
	struct job *j = arg;
	size_t cap = 1 << 16;
	unsigned char *buf = malloc(cap);
	for (size_t i = (size_t)j->id; i < nfiles; i += (size_t)nthreads) {
		int fd = open(files[i], O_RDONLY);
		struct stat st;
		if (fd < 0 || fstat(fd, &st) < 0) {
			perror(files[i]);
			j->bad++;
			if (fd >= 0)
				close(fd);
			continue;
		}
		if ((size_t)st.st_size > cap) {
			cap = (size_t)st.st_size;
			buf = realloc(buf, cap);
		}
		size_t len = 0;
		for (ssize_t r; len < (size_t)st.st_size &&
		    (r = read(fd, buf + len, (size_t)st.st_size - len)) > 0;)
			len += (size_t)r;
		close(fd);
		if (!parse(buf, len, &j->events)) {
			fprintf(stderr, "floor: %s: not YAML\n", files[i]);
			j->bad++;
		}
	}
	free(buf);
	return NULL;
}

int
main(int argc, char **argv)
{
	int a = jobs_option(argc, argv, &nthreads);
	if (a >= argc || nthreads < 1) {
		fprintf(stderr, "usage: floor [-j N] FILE... | DIR\n");
		return 2;
	}
	struct stat st;
	if (argc - a == 1 && stat(argv[a], &st) == 0 && S_ISDIR(st.st_mode))
		scan(argv[a]);
	else
		for (; a < argc; a++)
			add(argv[a]);
	pthread_t t[64];
	struct job jobs[64];
	for (int i = 0; i < nthreads; i++) {
		jobs[i] = (struct job){ .id = i };
		pthread_create(&t[i], NULL, work, &jobs[i]);
	}
	unsigned long events = 0;
	int bad = 0;
	for (int i = 0; i < nthreads; i++) {
		pthread_join(t[i], NULL);
		events += jobs[i].events;
		bad += jobs[i].bad;
	}
	printf("%zu %lu\n", nfiles, events);
	return bad ? 1 : 0;
}
