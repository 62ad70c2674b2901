#!/bin/sh
# bti-batch killed with SIGKILL at every kill point, on the first, a middle
# and the last change, and at random times: every commit it printed is in
# the repository, and the next command leaves it consistent (status clean,
# every case file = HEAD, bti-check silent, nothing left behind).
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
open_case() {
	bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor 2>/dev/null
}
a=$(open_case) b=$(open_case) c=$(open_case)
# lines N: six changes over three cases, two on each, always allowed: a
# goal (prints its id) and a guardian (prints the commit id).
lines() {
	for id in $a $b $c; do
		printf 'goal %s --date 2026-01-20 --text "Mål %s"\n' "$id" "$1"
	done
	for id in $a $b $c; do
		printf 'guardian %s --date 2026-01-20 --name "Verge %s"\n' "$id" "$1"
	done
}
leftovers() {
	find "$r" \( -name '*.bti-tmp.*' -o -name '*.lock' -o -name bti-journal -o -name 'index.bti-*' \) \
		! -name bti.lock | sed "s|^$r/||"
}
consistent() {
	s=$(git -C "$r" status --porcelain --untracked-files=all)
	[ -z "$s" ] || echo "git status: $s"
	s=$(git -C "$r" fsck --strict --no-dangling 2>&1) || echo "git fsck: $s"
	for id in $a $b $c; do
		git -C "$r" show "HEAD:$(cpath "$id")" | cmp -s - "$r/$(cpath "$id")" || echo "$id: the file differs from HEAD"
	done
	s=$(bti-check -C "$r" 2>&1) || echo "bti-check: $s"
	s=$(leftovers)
	[ -z "$s" ] || echo "left behind: $s"
}
# printed_in_head FILE: every commit id in FILE is HEAD or an ancestor.
printed_in_head() {
	grep -E '^[0-9a-f]{40}$' "$1" | while read -r cm; do
		git -C "$r" merge-base --is-ancestor "$cm" HEAD 2>/dev/null || echo "printed $cm is not in HEAD"
	done
}
# after KILLED-WHAT: the next command (a batch of one) finishes the work.
next=0
after() {
	next=$((next + 1))
	printf 'goal %s --date 2026-01-20 --text "Neste %s"\n' "$a" "$next" >"$tmp/next"
	bti-batch -C "$r" <"$tmp/next" >/dev/null 2>"$tmp/next.err"
	nrc=$?
	[ "$nrc" -eq 0 ] || echo "$1: the next command exited $nrc: $(cat "$tmp/next.err")"
	s=$(consistent)
	[ -z "$s" ] || printf '%s:\n%s\n' "$1" "$s"
}

# --- every kill point ---------------------------------------------------------------------
# journal comes once, before the first change (the batch's journal names the
# commit the work tree and the index are at); branch-locked and branch each
# time the commits made so far are written and the branch moved (once here:
# every line is at hand; with the lines one at a time, after each, below);
# file, index, renamed and released once, at the end.
: >"$tmp/steps"
run=0
# killed SPEC WANT FEED: a batch fed by FEED (cat, or slow: a line every
# 0.2 s) killed at SPEC (POINT:COUNT) has made WANT commits.
slow() { while IFS= read -r l; do printf '%s\n' "$l"; sleep 0.2; done; }
killed() {
	step=${1%:*} count=${1#*:} want=$2 feed=$3
	run=$((run + 1))
	old=$(git -C "$r" rev-parse HEAD)
	(lines "$run" | $feed | BTI_CRASH_AT=$step BTI_CRASH_COUNT=$count bti-batch -C "$r" >"$tmp/out.$run"; exit $?) 2>/dev/null
	krc=$?
	[ "$krc" -eq 137 ] || echo "$1 ($feed): not killed there (exit $krc)"
	made=$(git -C "$r" rev-list --count "$old..HEAD")
	printed=$(grep -cE "^[0-9a-f]{40}$|^g[0-9]+$" "$tmp/out.$run")
	[ "$made" -eq "$want" ] || echo "$1 ($feed): $made commits, wanted $want"
	[ "$printed" -le "$made" ] || echo "$1 ($feed): $printed printed but $made made"
	printed_in_head "$tmp/out.$run"
	after "$1 ($feed)"
}
{
	killed locked:1 0 cat
	killed journal:1 0 cat
	killed branch-locked:1 0 cat
	killed branch:1 6 cat
	killed file:1 6 cat
	killed index:1 6 cat
	killed renamed:1 6 cat
	killed released:1 6 cat
	killed branch-locked:3 2 slow
	killed branch:3 3 slow
	killed file:1 6 slow
} >>"$tmp/steps"
is "$(cat "$tmp/steps")" "" "killed at each point: every printed commit is in HEAD, the next command makes all consistent"
is "$(tr '\n' ' ' <"$tmp/out.10" | sed 's/g[0-9]*/g/g')" "g g " \
	"killed at the third write with the lines one at a time: the results of the two lines written were printed"

# --- kills at random times --------------------------------------------------------------
t0=$(date +%s%N)
lines 0 | bti-batch -C "$r" >/dev/null
span=$((($(date +%s%N) - t0) / 1000000))
[ "$span" -ge 20 ] || span=20
[ "$span" -le 1000 ] || span=1000
: >"$tmp/random"
killed=0 finished=0
i=1
while [ "$i" -le 25 ]; do
	old=$(git -C "$r" rev-parse HEAD)
	ms=$((1 + $(od -An -N2 -tu2 /dev/urandom) % span))
	lines "r$i" >"$tmp/in"
	(timeout -s KILL "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))" bti-batch -C "$r" <"$tmp/in" >"$tmp/rout"; exit $?) 2>/dev/null
	krc=$?
	if [ "$krc" -eq 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
	[ "$krc" -eq 137 ] || [ "$krc" -eq 0 ] || echo "kill $i after $ms ms: exit $krc" >>"$tmp/random"
	git -C "$r" merge-base --is-ancestor "$old" HEAD || echo "kill $i: HEAD lost $old" >>"$tmp/random"
	printed_in_head "$tmp/rout" | sed "s/^/kill $i after $ms ms: /" >>"$tmp/random"
	after "kill $i after $ms ms" >>"$tmp/random"
	i=$((i + 1))
done
echo "# 25 kills within $span ms: $killed killed, $finished finished first"
is "$(cat "$tmp/random")" "" "killed at random times: every printed commit is in HEAD, the next command makes all consistent"
done_testing
