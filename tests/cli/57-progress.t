#!/bin/sh
# Progress on standard error: a line redrawn with the count and the rate
# when standard error is a terminal (script(1) gives one), nothing else.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
a=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
# Four lines, one every 0.3 s: the batch runs past the half second after
# which progress is shown.
feed() { for k in 1 2 3 4; do printf 'goal %s --date 2026-01-20 --text "Mål %s"\n' "$a" "$k"; sleep 0.3; done; }
feed | bti-batch -C "$r" >"$tmp/out" 2>"$tmp/err"
is "$(cat "$tmp/err")" "" "standard error not a terminal: no progress"
is "$(wc -l <"$tmp/out" | tr -d ' ')" "4" "the four results"
if ! command -v script >/dev/null 2>&1; then
	pass "# SKIP script(1) is not installed: no terminal to test with"
	done_testing
	exit 0
fi
export a r
script -qc 'sh -c '"'"'for k in 5 6 7 8; do printf "goal %s --date 2026-01-20 --text M%s\n" "$a" "$k"; sleep 0.3; done | bti-batch -C "$r" 2>&1 >/dev/null'"'" /dev/null >"$tmp/tty" </dev/null
like "$(cat "$tmp/tty")" "bti-batch: lines: [0-9]+, [0-9]+/s" "standard error a terminal: the count and the rate"
like "$(cat "$tmp/tty")" "$(printf '\r')" "redrawn on one line (carriage returns)"
like "$(cat "$tmp/tty" | od -c | tr -d '\n')" '033   \[   K' "cleared at the end"
is "$(git -C "$r" log --format=%s -1)" "bti-goal $a: goal g8" "the batch under the terminal did its work"
# bti-check --history: the line shows the time per commit, over a thousand
# commits that change nothing (git fast-import); shown from the start.
base=$(git -C "$r" rev-parse HEAD)
awk -v h="$base" 'BEGIN { for (i = 1; i <= 1000; i++) {
	print "commit refs/heads/main"; print "mark :" i; print "committer A <a@example.org> " 1790000000 + i " +0000"
	print "data 4"; print "note"; print "from " (i == 1 ? h : ":" i - 1); print "" } }' |
	git -C "$r" fast-import --quiet --force
is "$(git -C "$r" rev-list --count "$base"..main)" "1000" "a history of a thousand more commits"
bti-check -C "$r" --history >"$tmp/out" 2>"$tmp/err"
is "$(cat "$tmp/err")" "" "--history, standard error not a terminal: no progress"
BTI_PROGRESS_DELAY=0 script -qc 'bti-check -C "$r" --history' /dev/null >"$tmp/tty" </dev/null
like "$(cat "$tmp/tty")" "bti-check: commits: [0-9]+/10[0-9][0-9], [0-9]+/s, [0-9]+\.[0-9]+ ms/commit" \
	"--history under a terminal: the count, the rate and the time per commit"
done_testing
