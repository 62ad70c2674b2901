/* bti-init: create or adopt a git repository as a BTI case repository. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "case.h"
#include "cli.h"
#include "embedded.h"
#include "repo.h"
#include "walk.h"
#include "util.h"
#include "yamlio.h"

static const char usage[] =
"usage: bti-init [-C DIR] [--by NAME] [--model NAME|FILE] [--municipality NAME]\n"
"                [--lang nb|nn|en] [--unit NAME] [DIR]\n"
"       bti-init [-C DIR] --hooks [DIR]\n"
"       bti-init [-C DIR] --update --model NAME|FILE [--by NAME] [DIR]\n"
"Makes DIR (default: the current directory) a case repository: creates the\n"
"git repository if there is none, and commits bti.yaml, the level model as\n"
"models/NAME.yaml and .gitattributes in one commit. Prints the commit id.\n"
"It also installs the pre-commit hook (bti-check on hand-edited case files),\n"
"registers the merge driver bti-merge in the repository's git config and\n"
"sets pull.rebase=false there (git pull merges; says so if it was set).\n"
"  --hooks               only install the hook and the merge driver and set\n"
"                        pull.rebase: for a clone of an existing case repository\n"
"  --update              in a case repository: commit the model (a new one,\n"
"                        or a new version) as the one in force, then list\n"
"                        the cases its rules refuse (bti-check lists them too)\n"
"  --model NAME|FILE     a built-in model: a municipality's own (tromso-2025,\n"
"                        tromso-2014, hoyanger, siljan, jevnaker) or a generic\n"
"                        one: three-level (default; levels 0-2), four-level\n"
"                        (0-3); or a model file of your own (bti-model(5)).\n"
"                        A model that breaks bti-model(5) is refused\n"
"  --municipality NAME   the municipality, for reports\n"
"  --lang nb|nn|en       language of reports (default nb)\n"
"  --unit NAME           the unit whose staff share this repository (a school,\n"
"                        a health station, a team; docs/access.md)\n"
"  --by NAME             who sets it up (default $BTI_USER, git user.name)\n"
"  -C DIR                the same as DIR\n"
"Exit status: 0 done, 1 refused, 2 usage, 3 repository error.\n";

#define ATTRIBUTES ".gitattributes"
#define ATTRIBUTE_LINE "cases/**/*.yaml merge=bti\n"

/* A branch.NAME.rebase that is true outranks pull.rebase: named, not
 * changed. (Matched by hand: libgit2's regex matching leaks.) */
static void
branch_rebases(git_config *cfg, struct diags *dg)
{
	git_config_iterator *it;
	git_config_entry *e;
	int yes;
	if (git_config_iterator_new(&it, cfg) < 0)
		return;
	while (git_config_next(&e, it) == 0) {
		size_t n = strlen(e->name);
		if (!strncasecmp(e->name, "branch.", 7) && n > 14 && !strcasecmp(e->name + n - 7, ".rebase") &&
		    (git_config_parse_bool(&yes, e->value) < 0 || yes))
			diag_warn(dg, NULL, 0, 0, "init/pull",
			    "%s=%s makes git pull rebase that branch all the same; unset it (git config --unset %s)",
			    e->name, e->value, e->name);
	}
	git_config_iterator_free(it);
}

/* git pull must merge: a rebase replays a local entry dated before a pulled
 * one as an ordinary commit that puts the pulled entry before it, a rewrite
 * that bti-check --history and the pre-receive hook refuse; a merge commit
 * may put entries between. */
static int
pull_by_merge(git_config *cfg, struct diags *dg)
{
	git_config_entry *e;
	int yes;
	if (git_config_get_entry(&e, cfg, "pull.rebase") == 0) {
		if (git_config_parse_bool(&yes, e->value) < 0 || yes)
			diag_warn(dg, NULL, 0, 0, "init/pull",
			    "pull.rebase was %s; set to false in this clone: a rebase replays a local entry "
			    "dated before a pulled one as a rewrite, which bti-check --history and the "
			    "pre-receive hook refuse (bti-merge(1))", e->value);
		git_config_entry_free(e);
	}
	branch_rebases(cfg, dg);
	return git_config_set_bool(cfg, "pull.rebase", 0);
}

/* The hook, the merge driver and pull by merge live in .git, which a clone
 * does not copy: every clone runs this (bti-init --hooks). */
static int
install_local(git_repository *git, struct diags *dg)
{
	size_t len;
	const char *hook = embedded_file("hooks/pre-commit", &len);
	char *path = xasprintf("%shooks", git_repository_path(git)), *old = NULL;
	size_t oldlen;
	mkdir(path, 0755);
	free(path);
	path = xasprintf("%shooks/pre-commit", git_repository_path(git));
	int have = read_file(path, 1 << 20, &old, &oldlen) == 0;
	/* An earlier version of bti's own hook (its first comment line says
	 * so) is brought up to date; any other hook is someone's own. */
	int same = have && oldlen == len && !memcmp(old, hook, len);
	int ours = have && oldlen > 32 && !memcmp(old, hook, 32);
	free(old);
	if (have && !ours) {
		diag_warn(dg, path, 0, 0, "init/hook",
		    "a different pre-commit hook exists and was left alone; call bti-check --staged from it");
	} else if (!same && write_file_atomic(path, hook, len, 0755) < 0) {
		diag_add(dg, path, 0, 0, "init/hook", "cannot write: %s", strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	git_config *cfg;
	if (git_repository_config(&cfg, git) < 0 ||
	    git_config_set_string(cfg, "merge.bti.name", "bti: merge case files entry by entry") < 0 ||
	    git_config_set_string(cfg, "merge.bti.driver", "bti-merge %O %A %B %P") < 0) {
		git_config_free(cfg);
		return git_fail(dg, "cannot register the merge driver");
	}
	if (pull_by_merge(cfg, dg) < 0) {
		git_config_free(cfg);
		return git_fail(dg, "cannot set pull.rebase");
	}
	git_config_free(cfg);
	return 0;
}

static int
hooks_only(struct cli *c, const char *dir)
{
	struct diags dg = { 0 };
	struct repo r;
	int status = EXIT_SYSTEM;
	if (repo_open(&r, dir, 0, &dg) == 0 && repo_load(&r, &dg) == 0 && install_local(r.git, &dg) == 0)
		status = EXIT_OK;
	repo_close(&r);
	diag_print(&dg, c->prog, stderr);
	diags_free(&dg);
	return status;
}

struct refusals {
	struct repo *r;
	const struct model *m;
	struct diags *dg;
	size_t cases, refused;
};

static int
judge(const char *path, const git_oid *oid, const char *data, size_t len, void *arg)
{
	struct refusals *f = arg;
	struct doc d;
	char id[CASE_ID_LEN + 1];
	(void)oid;
	doc_init(&d, path);
	f->cases++;
	if (yaml_read(&d, data, len, f->dg) < 0 ||
	    case_validate(&f->r->schema, f->m, d.root, path, case_path_id(path, id) ? NULL : id, f->dg))
		f->refused++;
	doc_free(&d);
	return 0;
}

/* --update: the model m becomes the one in force in one commit; then every
 * case is judged by it and what it refuses is listed. */
static int
update_model(struct cli *c, const char *dir, const struct model *m, const char *text, size_t len,
    git_signature *author, struct diags *dg)
{
	struct repo r = { .lockfd = -1 };
	struct diags would = { 0 };
	int status = EXIT_SYSTEM;
	char *mpath = xasprintf("models/%s.yaml", m->name), commit[GIT_OID_HEXSZ + 1];
	if (repo_open(&r, dir, 0, dg) < 0 || repo_lock(&r, dg) < 0 || repo_load(&r, dg) < 0)
		goto out;
	if (repo_check_clean(&r, CONFIG_FILE, dg) < 0 || repo_check_clean(&r, mpath, dg) < 0) {
		status = EXIT_REFUSED;
		goto out;
	}
	map_set(&r.cfg.d, r.cfg.d.root, "model", node_str(&r.cfg.d, m->name));
	size_t clen;
	char *ctext = yaml_write(r.cfg.d.root, &clen);
	struct buf cfg = { 0 };
	buf_puts(&cfg, "# BTI case repository settings; see bti-init(1) and bti(7).\n");
	buf_add(&cfg, ctext, clen);
	free(ctext);
	struct change ch[] = { { CONFIG_FILE, cfg.p, cfg.len }, { mpath, text, len } };
	char *msg = xasprintf("bti-init: model %s in force\n\nBTI-Event: model\n", m->name);
	int rc = repo_commit(&r, ch, 2, msg, author, commit, dg);
	free(msg);
	buf_free(&cfg);
	if (rc < 0)
		goto out;
	printf("%s\n", commit);
	struct refusals f = { .r = &r, .m = m, .dg = &would };
	if (walk_cases(r.git, r.tree, judge, &f) < 0)
		goto out;
	status = EXIT_OK;
	if (f.refused) {
		diag_print(&would, c->prog, stderr);
		fprintf(stderr, "%s: %zu of %zu cases break the rules of the model %s (bti-check lists them)\n",
		    c->prog, f.refused, f.cases, m->name);
	}
out:
	diags_free(&would);
	free(mpath);
	repo_close(&r);
	return status;
}

/* The names of the built-in models, "a, b, c", into b. */
static void
builtin_models(struct buf *b)
{
	static const char dir[] = "schema/models/";
	for (size_t i = 0; i < bti_files_n; i++) {
		const char *p = bti_files_path[i];
		if (!strncmp(p, dir, sizeof dir - 1))
			buf_printf(b, "%s%.*s", b->len ? ", " : "", (int)(strlen(p) - sizeof dir - 4),
			    p + sizeof dir - 1);
	}
}

/* The model's text: a built-in one by name, or a file; *path names it in
 * messages. */
static char *
model_text(const struct cli *c, const char *model, size_t *len, char **path)
{
	if (!strchr(model, '/') && !strstr(model, ".yaml")) {
		*path = xasprintf("schema/models/%s.yaml", model);
		const char *data = embedded_file(*path, len);
		if (!data) {
			struct buf b = { 0 };
			builtin_models(&b);
			cli_usage(c, "--model: no built-in model '%s' (%s, or a file)", model, b.p);
		}
		char *copy = xmalloc(*len + 1);
		memcpy(copy, data, *len + 1);
		return copy;
	}
	char *buf;
	*path = xstrdup(model);
	if (read_file(model, 1024 * 1024, &buf, len) < 0) {
		cli_error(c, "%s: %s", model, strerror(errno));
		exit(EXIT_USAGE);
	}
	return buf;
}

int
main(int argc, char **argv)
{
	struct cli c = { .prog = "bti-init", .usage = usage };
	static const struct option opts[] = {
		CLI_LONG,
		{ "model", required_argument, 0, 'm' },
		{ "municipality", required_argument, 0, 'M' },
		{ "lang", required_argument, 0, 'l' },
		{ "hooks", no_argument, 0, 'k' },
		{ "update", no_argument, 0, 'u' },
		{ "unit", required_argument, 0, 'U' },
		{ 0, 0, 0, 0 },
	};
	int hooks = 0, update = 0;
	const char *model = "three-level", *municipality = NULL, *lang = "nb", *unit = NULL;
	int opt;
	while ((opt = cli_getopt(&c, argc, argv, CLI_SHORT, opts)) != -1) {
		switch (opt) {
		case 'm': model = optarg; break;
		case 'M': municipality = optarg; break;
		case 'l': lang = optarg; break;
		case 'k': hooks = 1; break;
		case 'u': update = 1; break;
		case 'U': unit = optarg; break;
		default: cli_common(&c, opt, optarg);
		}
	}
	if (argc - optind > 1)
		cli_usage(&c, "give at most one directory");
	const char *dir = optind < argc ? argv[optind] : c.dir ? c.dir : ".";
	if (hooks)
		return hooks_only(&c, dir);
	if (update && (municipality || strcmp(lang, "nb")))
		cli_usage(&c, "--update changes only the model; bti.yaml keeps the municipality and language");
	if (municipality && !utf8_valid(municipality))
		cli_usage(&c, "--municipality: not valid UTF-8 text");
	if (lang_parse(lang) < 0)
		cli_usage(&c, "--lang: '%s' is not nb, nn or en", lang);
	if (unit && (!*unit || !utf8_valid(unit)))
		cli_usage(&c, "--unit: give the unit's name (UTF-8 text)");

	size_t mlen;
	char *mfile;
	char *mtext = model_text(&c, model, &mlen, &mfile);
	struct diags dg = { 0 };
	struct model m;
	struct repo r = { .lockfd = -1 };
	git_signature *author = NULL;
	int status = EXIT_SYSTEM;
	char *mpath = NULL;
	struct buf cfg = { 0 }, attrs = { 0 };

	if (model_parse(&m, mfile, mtext, mlen, &dg) < 0) {
		status = EXIT_REFUSED;
		goto out_model;
	}
	/* The name becomes models/NAME.yaml and goes into the commit message. */
	char esc[12];
	if (text_check(m.name, TEXT_LINE, esc) < 0 || strchr(m.name, '/')) {
		diag_add(&dg, model, 0, 0, "model/name",
		    "the model's name must be one line of text without '/' or control characters");
		status = EXIT_REFUSED;
		goto out_model;
	}
	git_libgit2_init();
	git_repository *g = NULL;
	int exists = git_repository_open_ext(&g, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0;
	/* Settle the author before creating anything. */
	if (repo_author(g, c.by, &author, &dg) < 0) {
		git_repository_free(g);
		status = EXIT_USAGE;
		goto out_git;
	}
	if (update) {
		git_repository_free(g);
		status = update_model(&c, dir, &m, mtext, mlen, author, &dg);
		goto out_git;
	}
	if (!exists) {
		git_repository_init_options io;
		git_repository_init_options_init(&io, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
		io.flags = GIT_REPOSITORY_INIT_MKPATH;
		io.initial_head = "main";
		if (git_repository_init_ext(&g, dir, &io) < 0) {
			git_fail(&dg, "cannot create the repository");
			goto out_git;
		}
	}
	git_repository_free(g);
	if (repo_open(&r, dir, 0, &dg) < 0 || repo_lock(&r, &dg) < 0)
		goto out;
	char *old;
	size_t oldlen;
	if (repo_read(&r, CONFIG_FILE, &old, &oldlen, &dg) == 0) {
		free(old);
		diag_add(&dg, CONFIG_FILE, 0, 0, "init", "%s is already a case repository", r.workdir);
		status = EXIT_REFUSED;
		goto out;
	}
	mpath = xasprintf("models/%s.yaml", m.name);
	if (repo_check_clean(&r, CONFIG_FILE, &dg) < 0 || repo_check_clean(&r, mpath, &dg) < 0 ||
	    repo_check_clean(&r, ATTRIBUTES, &dg) < 0) {
		status = EXIT_REFUSED;
		goto out;
	}
	struct doc d;
	doc_init(&d, CONFIG_FILE);
	d.root = node_new(&d, NT_MAP);
	map_set(&d, d.root, "bti", node_int(&d, 1));
	if (municipality)
		map_set(&d, d.root, "municipality", node_str(&d, municipality));
	if (unit)
		map_set(&d, d.root, "unit", node_str(&d, unit));
	map_set(&d, d.root, "model", node_str(&d, m.name));
	map_set(&d, d.root, "lang", node_str(&d, lang));
	map_set(&d, d.root, "suppress_below", node_int(&d, 5));
	size_t clen;
	char *ctext = yaml_write(d.root, &clen);
	doc_free(&d);
	buf_puts(&cfg, "# BTI case repository settings; see bti-init(1) and bti(7).\n");
	buf_add(&cfg, ctext, clen);
	free(ctext);
	size_t alen = 0;
	if (repo_read(&r, ATTRIBUTES, &attrs.p, &alen, &dg) == 0)
		attrs.len = attrs.cap = alen;
	if (!attrs.p || !strstr(attrs.p, ATTRIBUTE_LINE)) {
		if (attrs.len && attrs.p[attrs.len - 1] != '\n')
			buf_puts(&attrs, "\n");
		buf_puts(&attrs, ATTRIBUTE_LINE);
	}
	struct change ch[] = {
		{ CONFIG_FILE, cfg.p, cfg.len },
		{ mpath, mtext, mlen },
		{ ATTRIBUTES, attrs.p, attrs.len },
	};
	char *msg = xasprintf("bti-init: case repository, model %s\n\nBTI-Event: init\n", m.name);
	char commit[GIT_OID_HEXSZ + 1];
	int rc = repo_commit(&r, ch, 3, msg, author, commit, &dg);
	free(msg);
	if (rc == 0 && install_local(r.git, &dg) == 0) {
		printf("%s\n", commit);
		status = EXIT_OK;
	}
out:
	buf_free(&cfg);
	buf_free(&attrs);
	free(mpath);
	repo_close(&r);
out_git:
	git_signature_free(author);
	git_libgit2_shutdown();
out_model:
	model_free(&m);
	free(mtext);
	free(mfile);
	diag_print(&dg, c.prog, stderr);
	diags_free(&dg);
	return status;
}
