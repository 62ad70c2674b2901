# lib.sh: TAP helpers for command-line tests; sourced by every tests/cli/*.t.
# Each test runs the real binaries in a fresh temporary directory with its own
# HOME, so no user's git config leaks in.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# BTI_BIN: where the commands are (check-valgrind puts wrappers there).
PATH="${BTI_BIN:-$top/bin}:$top/bin:$PATH"
golden="$top/tests/cli/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME"
unset BTI_USER GIT_DIR GIT_WORK_TREE
export BTI_TODAY=2026-06-15
n=0
failed=0

pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
diag() { sed 's/^/# /' >&2; }

# run CMD...: runs a command, keeping its exit code in $rc and output in
# $tmp/out and $tmp/err.
run() {
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
out() { cat "$tmp/out"; }
err() { cat "$tmp/err"; }

# expect CODE DESC CMD...: runs CMD and checks its exit code.
expect() {
	want=$1 desc=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$want" ]; then
		pass "$desc"
	else
		fail "$desc (exit $rc, wanted $want)"
		{ echo "command: $*"; cat "$tmp/err"; } | diag
	fi
}

is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		printf 'got:  %s\nwant: %s\n' "$1" "$2" | diag
	fi
}

# like TEXT ERE DESC
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		pass "$3"
	else
		fail "$3"
		printf 'got:  %s\nwant match: %s\n' "$1" "$2" | diag
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		fail "$3"
		printf 'got:  %s\nmust not match: %s\n' "$1" "$2" | diag
	else
		pass "$3"
	fi
}

# golden NAME DESC: stderr of the last run, with case ids replaced by ID
# (and the letter directory of their path by X), must equal
# tests/cli/golden/NAME.err.
golden() {
	sed -E 's#/[0-9A-HJKMNP-TV-Z]/([0-9]{4}-)#/X/\1#g; s/[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6}/ID/g' \
		"$tmp/err" >"$tmp/golden"
	if [ -n "${BTI_BLESS:-}" ]; then
		cp "$tmp/golden" "$golden/$1.err"
	fi
	if cmp -s "$tmp/golden" "$golden/$1.err"; then
		pass "$2"
	else
		fail "$2"
		diff "$golden/$1.err" "$tmp/golden" | diag
	fi
}

# state REPO: everything a refused command must leave alone: HEAD, the
# index, the status, and the bytes of every work-tree file; in a bare
# repository, the refs and every file but bti's lock.
state() {
	git -C "$1" rev-parse -q --verify HEAD
	if [ "$(git -C "$1" rev-parse --is-bare-repository)" = true ]; then
		git -C "$1" for-each-ref
		(cd "$1" && find . -type f ! -name bti.lock -print | sort | xargs -r sha1sum)
		return
	fi
	git -C "$1" ls-files -s
	git -C "$1" status --porcelain --untracked-files=all
	(cd "$1" && find . -path ./.git -prune -o -type f -print | sort | xargs -r sha1sum)
}

# unchanged CODE DESC REPO CMD...: CMD exits CODE and changes nothing in REPO.
unchanged() {
	want=$1 desc=$2 repo=$3
	shift 3
	state "$repo" >"$tmp/before"
	expect "$want" "$desc" "$@"
	state "$repo" >"$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then
		pass "$desc: nothing changed"
	else
		fail "$desc: nothing changed"
		diff "$tmp/before" "$tmp/after" | diag
	fi
}

# newrepo DIR [bti-init options]: a case repository with a known author.
newrepo() {
	d=$1
	shift
	bti-init --by "Admin Adminsen" "$@" "$d" >/dev/null || echo "Bail out! bti-init failed"
}

# yq FILE EXPR: a Python expression over the case file as d; a list is
# printed comma-separated.
yq() {
	python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
v = eval(sys.argv[2], {"d": d})
print(", ".join(map(str, v)) if isinstance(v, list) else v)' "$@"
}
# events REPO PATH: the BTI-Event trailers of the commits touching PATH,
# oldest first.
events() {
	git -C "$1" log --reverse --format='%(trailers:key=BTI-Event,valueonly)' -- "$2" |
		sed '/^$/d' | tr '\n' ' ' | sed 's/ $//'
}
# cpath ID: where a case's file is, cases/YYYY/X/ID.yaml (case_path).
cpath() {
	cp_rest=${1#*-}
	printf 'cases/%s/%.1s/%s.yaml\n' "${1%%-*}" "$cp_rest" "$1"
}
commits() { git -C "$1" rev-list --count HEAD; }
event() { git -C "$1" log -1 --format='%(trailers:key=BTI-Event,valueonly)' | sed '/^$/d'; }
subject() { git -C "$1" log -1 --format=%s; }

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
