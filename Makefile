# bti: BTI case files as YAML in git. See README.md.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/bti
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION = 0.1

CC ?= cc
CFLAGS ?= -O2 -g
PKGS = yaml-0.1 libgit2 libcmark
DEBS = libyaml-dev libgit2-dev libcmark-dev pkg-config
# Warnings are part of the build, not a user preference: they are appended.
# A packager whose compiler warns about more can build with WERROR=.
WERROR = -Werror
WARN = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DBTI_VERSION='"$(VERSION)"' -Ilib \
	$(WARN) $(CPPFLAGS) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread

CMDS = bti-init bti-new bti-level bti-guardian bti-consent bti-service \
	bti-coordinator bti-goal bti-measure bti-meeting bti-notify bti-evaluate bti-report bti-check bti-merge \
	bti-correct bti-due
CMDS += bti-list bti-show bti-find bti-config
CMDS += bti-archive bti-purge
CMDS += bti-batch
BINS = $(CMDS:%=bin/%)
LIBSRC = $(filter-out lib/embed-data.c,$(wildcard lib/*.c))
LIBOBJ = $(LIBSRC:.c=.o) lib/embed-data.o
EMBED = schema/case.schema.json schema/model.schema.json $(wildcard schema/models/*.yaml) hooks/pre-commit
UNIT = $(patsubst tests/unit/%.c,tests/unit/%,$(wildcard tests/unit/t_*.c))
MAN1 = $(wildcard docs/bti-*.1)
MAN5 = $(wildcard docs/*.5)
MAN7 = $(wildcard docs/*.7)

all: $(BINS)

lib/embed-data.c: tools/embed.sh $(EMBED)
	sh tools/embed.sh bti_files $(EMBED) > $@.tmp && mv $@.tmp $@

lib/%.o: lib/%.c lib/*.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

lib/libbti.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/%: cmd/%.c lib/libbti.a
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< lib/libbti.a $(LIBS)

# bti-batch runs the changing commands in its own process: each is built a
# second time with its main renamed (cmd/batch-cmds.h lists them).
BATCH_CMDS = $(shell grep -o '"bti-[a-z]*"' cmd/batch-cmds.h | tr -d '"')
BATCH_OBJ = $(BATCH_CMDS:%=cmd/%.batch.o)

cmd/%.batch.o: cmd/%.c lib/*.h
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Dmain=$(subst -,_,$*)_main -c -o $@ $<

bin/bti-batch: cmd/bti-batch.c cmd/batch-cmds.h $(BATCH_OBJ) lib/libbti.a
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BATCH_OBJ) lib/libbti.a $(LIBS)

tests/unit/%: tests/unit/%.c tests/unit/tap.h lib/libbti.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< lib/libbti.a $(LIBS)

# Installs what the build needs on Debian when it is missing (as root).
deps:
	@if ! pkg-config --exists $(PKGS) 2>/dev/null || ! command -v prove >/dev/null \
	    || ! command -v git >/dev/null; then \
		echo "installing $(DEBS) git perl"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		    apt-get install -y -qq $(DEBS) git perl >/dev/null; \
	fi

check: deps
	$(MAKE) all $(UNIT)
	prove --exec '' $(UNIT) tests/cli/*.t

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer
# (any finding makes a command fail, and so its test).
SAN = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-asan: deps
	$(MAKE) clean
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(MAKE) CFLAGS="$(SAN)" LDFLAGS="-fsanitize=address,undefined" check
	$(MAKE) clean

# The suite with every command run under valgrind: an error or a definite
# leak makes the command exit 99, and so its test fail. The concurrency and
# crash tests are left out: they measure and kill by time, and valgrind's
# slowdown would only test valgrind.
VALGRIND_TESTS = $(filter-out tests/cli/12-concurrency.t tests/cli/13-crash.t tests/cli/92-purge-kill.t,$(wildcard tests/cli/*.t))
check-valgrind: deps
	$(MAKE) all $(UNIT)
	rm -rf tests/valgrind-bin && mkdir -p tests/valgrind-bin
	for c in $(CMDS); do \
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "%s/bin/%s" "$$@"\n' \
		    "$(CURDIR)" "$$c" >tests/valgrind-bin/$$c; chmod +x tests/valgrind-bin/$$c; done
	for t in $(UNIT); do valgrind -q --error-exitcode=99 --leak-check=full $$t >/dev/null || exit 1; done
	BTI_BIN="$(CURDIR)/tests/valgrind-bin" prove --exec '' $(VALGRIND_TESTS)

# Fuzzes the case reader and validator for FUZZ_SECONDS (clang, libFuzzer),
# seeded with the example cases; findings are left as crash-* files.
FUZZ_SECONDS = 60
fuzz: lib/embed-data.c
	clang -g -O1 -std=c11 -D_GNU_SOURCE -Ilib -fsanitize=fuzzer,address,undefined \
	    $(LIBSRC) lib/embed-data.c tests/fuzz/fuzz_case.c -o tests/fuzz/fuzz_case $(LIBS)
	rm -rf tests/fuzz/run && mkdir -p tests/fuzz/run && cp examples/cases/*.yaml tests/fuzz/run/
	cd tests/fuzz && ./fuzz_case -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -dict=yaml.dict run

# Benchmarks against the scripts an administrator would otherwise write;
# BENCH_SIZES="1000 10000" for a quick run. Results go to docs/bench.md.
bench: deps
	$(MAKE) all
	sh tests/bench/run.sh

demo: deps
	$(MAKE) all
	PATH="$(CURDIR)/bin:$$PATH" sh examples/demo.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/models $(DESTDIR)$(DATADIR)/hooks
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	# The pages name the installed paths: the default DATADIR becomes this one.
	for m in $(MAN1) $(MAN5) $(MAN7); do \
		s=$${m##*.}; sed 's|/usr/local/share/bti|$(DATADIR)|g' $$m >$(DESTDIR)$(MANDIR)/man$$s/$${m##*/}.tmp && \
		chmod 644 $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}.tmp && \
		mv $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}.tmp $(DESTDIR)$(MANDIR)/man$$s/$${m##*/} || exit 1; \
	done
	install -m 644 schema/case.schema.json $(DESTDIR)$(DATADIR)
	install -m 644 schema/models/*.yaml $(DESTDIR)$(DATADIR)/models
	install -m 755 hooks/pre-commit hooks/pre-receive $(DESTDIR)$(DATADIR)/hooks
	mkdir -p $(DESTDIR)$(BASHCOMPDIR)
	for c in $(CMDS); do install -m 644 contrib/bash-completion/bti $(DESTDIR)$(BASHCOMPDIR)/$$c || exit 1; done

# Removes what install put there (the same variables must be given).
uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%) $(CMDS:%=$(DESTDIR)$(BASHCOMPDIR)/%)
	rm -f $(MAN1:docs/%=$(DESTDIR)$(MANDIR)/man1/%) $(MAN5:docs/%=$(DESTDIR)$(MANDIR)/man5/%) \
	    $(MAN7:docs/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(DESTDIR)$(DATADIR)/case.schema.json $(DESTDIR)$(DATADIR)/hooks/pre-commit \
	    $(DESTDIR)$(DATADIR)/hooks/pre-receive \
	    $(patsubst schema/models/%,$(DESTDIR)$(DATADIR)/models/%,$(wildcard schema/models/*.yaml))
	-rmdir $(DESTDIR)$(DATADIR)/models $(DESTDIR)$(DATADIR)/hooks $(DESTDIR)$(DATADIR)

# A Debian package with dpkg-buildpackage (dpkg-dev alone; see debian/rules),
# left in the parent directory as bti_VERSION_ARCH.deb.
deb:
	dpkg-buildpackage -b -us -uc

clean:
	rm -rf bin lib/*.o cmd/*.o lib/libbti.a lib/embed-data.c $(UNIT) tests/valgrind-bin \
	    tests/fuzz/fuzz_case tests/fuzz/run

.PHONY: all deps check check-asan check-valgrind fuzz bench demo install uninstall deb clean
