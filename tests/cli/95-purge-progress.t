#!/bin/sh
# bti-purge's progress on standard error: the commits rewritten, count/total
# and rate on one line redrawn when standard error is a terminal (script(1)
# gives one), nothing when it is not.
. "$(dirname "$0")/lib.sh"
. "$top/tests/cli/fixture-purge.sh"
# Commits after the erased case's first one are all made again: 200 of
# them (git fast-import, each touching a note); BTI_PROGRESS_DELAY=0 shows
# the line from the start.
many() {
	base=$(git -C "$1" rev-parse HEAD)
	awk -v h="$base" 'BEGIN { for (i = 1; i <= 200; i++) {
		print "commit refs/heads/main"; print "mark :" i
		print "committer A <a@example.org> " 1790000000 + i " +0000"
		print "data 4"; print "note"; print "from " (i == 1 ? h : ":" i - 1)
		print "M 644 inline notes.txt"; print "data <<EOF"; print i; print "EOF"; print "" } }' |
		git -C "$1" fast-import --quiet --force && git -C "$1" checkout -q -f main
}
many "$r"
git clone -q "$r" "$tmp/r2" && git -C "$tmp/r2" checkout -q -B main origin/main
is "$(git -C "$tmp/r2" rev-parse HEAD)" "$(git -C "$r" rev-parse HEAD)" "a second repository, the same"

expect 0 "purges with standard error not a terminal" bti-purge -C "$r"
is "$(err)" "" "nothing on standard error: no progress"
is "$(git -C "$r" log --format=%s -1)" "bti-purge: 1 case erased" "the purge was done"

export r2="$tmp/r2"
BTI_PROGRESS_DELAY=0 script -qc 'bti-purge -C "$r2" 2>&1 >/dev/null' /dev/null >"$tmp/tty" </dev/null
like "$(cat "$tmp/tty")" "bti-purge: commits: [0-9]+/[0-9]+, [0-9]+/s" \
	"standard error a terminal: the commits rewritten, count/total and the rate"
like "$(cat "$tmp/tty")" "$(printf '\r')" "redrawn on one line (carriage returns)"
like "$(cat "$tmp/tty" | od -c | tr -d '\n')" '033   \[   K' "cleared at the end"
is "$(git -C "$r2" log --format=%s -1)" "bti-purge: 1 case erased" "the purge under the terminal did its work"
is "$(git -C "$r2" rev-parse HEAD^{tree})" "$(git -C "$r" rev-parse HEAD^{tree})" \
	"the same tree as the purge without a terminal"
done_testing
