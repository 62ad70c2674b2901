#!/bin/sh
# bti-purge killed with SIGKILL at random points: the branch is the old
# history or the whole new one, never a mix; the next bti-purge finishes
# the work tree or does the erasure. Then the window between moving the
# branch and the work tree, made by hand.
. "$(dirname "$0")/lib.sh"
. "$top/tests/cli/fixture-purge.sh"
branch=$(git -C "$r" symbolic-ref HEAD)
old=$(git -C "$r" rev-parse HEAD)
cp -a "$r" "$tmp/template"

# The reference: an erasure that is not disturbed. The rewritten commits
# keep their dates, so every run makes the same ones (HEAD~1); only the
# erasure's own commit carries the time it ran.
t0=$(date +%s%N)
bti-purge -C "$r" >/dev/null || echo "Bail out! reference purge"
span=$((($(date +%s%N) - t0) / 1000000))
[ "$span" -ge 10 ] || span=10
[ "$span" -le 400 ] || span=400
tip=$(git -C "$r" rev-parse HEAD~1) tree=$(git -C "$r" rev-parse HEAD^{tree})
random() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); }

# where REPO: "old", "new", or what is wrong.
where() {
	h=$(git -C "$1" rev-parse "$branch")
	if [ "$h" = "$old" ]; then
		echo old
	elif [ "$(git -C "$1" rev-parse "$h~1")" = "$tip" ] && [ "$(git -C "$1" rev-parse "$h^{tree}")" = "$tree" ]; then
		echo new
	else
		echo "a mix: $h"
	fi
}
# finished REPO: what is wrong after the next bti-purge, nothing when all is well.
finished() {
	[ "$(where "$1")" = new ] || echo "not the new history: $(where "$1")"
	s=$(git -C "$1" status --porcelain --untracked-files=all)
	[ -z "$s" ] || echo "git status: $s"
	s=$(git -C "$1" fsck --strict --no-dangling 2>&1) || echo "git fsck: $s"
	[ ! -e "$1/$pa" ] || echo "the erased file is in the work tree"
	# (bti-cache.bti-tmp.*: the statistics cache's, written while the
	# figures are frozen; the cache's own code owns it.)
	s=$(find "$1" \( -name '*.bti-tmp.*' -o -name '*.lock' -o -name bti-journal -o -name 'index.bti-*' \) \
		! -name bti.lock ! -name 'bti-cache.bti-tmp.*')
	[ -z "$s" ] || echo "left behind: $s"
	s=$(bti-check -C "$1" --history 2>&1) || echo "bti-check --history: $s"
}

: >"$tmp/bad"
olds=0 news=0 i=1
while [ "$i" -le 25 ]; do
	k="$tmp/k$i"
	cp -a "$tmp/template" "$k"
	ms=$((1 + $(random $((2 * span)))))
	timeout -s KILL "$(printf '0.%03d' "$ms")" bti-purge -C "$k" >/dev/null 2>&1
	w=$(where "$k")
	case $w in
	old) olds=$((olds + 1)) ;;
	new) news=$((news + 1)) ;;
	*) echo "kill $i after $ms ms: $w" >>"$tmp/bad" ;;
	esac
	s=$(git -C "$k" fsck --strict --no-dangling 2>&1) || echo "kill $i after $ms ms: git fsck: $s" >>"$tmp/bad"
	bti-purge -C "$k" >/dev/null 2>"$tmp/next.err" ||
		echo "kill $i after $ms ms: the next bti-purge failed: $(cat "$tmp/next.err")" >>"$tmp/bad"
	s=$(finished "$k")
	[ -z "$s" ] || printf 'kill %s after %s ms:\n%s\n' "$i" "$ms" "$s" >>"$tmp/bad"
	rm -rf "$k"
	i=$((i + 1))
done
is "$(cat "$tmp/bad")" "" "25 kills: the old history or the new one, and the next bti-purge finishes"
echo "# killed before the swap or finished: $olds; after it: $news" >&2

# Every crash window by name (BTI_CRASH_AT, lib/crash.h): before "branch"
# the old history stays, from "branch" on the new one has landed and the
# next command brings the work tree and the index to it.
steps="locked journal branch-locked branch file index renamed released"
: >"$tmp/steps"
for step in $steps; do
	k="$tmp/s-$step"
	cp -a "$tmp/template" "$k"
	BTI_CRASH_AT=$step bti-purge -C "$k" >/dev/null 2>&1
	krc=$?
	[ "$krc" -eq 137 ] || echo "$step: bti-purge was not killed there (exit $krc)" >>"$tmp/steps"
	case $step in
	locked|journal|branch-locked) want=old ;;
	*) want=new ;;
	esac
	[ "$(where "$k")" = $want ] || echo "$step: $(where "$k"), not the $want history" >>"$tmp/steps"
	bti-purge -C "$k" >/dev/null 2>"$tmp/next.err" ||
		echo "$step: the next bti-purge failed: $(cat "$tmp/next.err")" >>"$tmp/steps"
	[ $want = old ] || grep -q 'warning: repo/recovered: ' "$tmp/next.err" ||
		echo "$step: no repo/recovered warning" >>"$tmp/steps"
	s=$(finished "$k")
	[ -z "$s" ] || printf '%s:\n%s\n' "$step" "$s" >>"$tmp/steps"
	rm -rf "$k"
done
is "$(cat "$tmp/steps")" "" "killed at each of: $steps: the old history or the new one, finished by the next bti-purge"

# Any bti command finishes an erasure killed after the branch moved.
k="$tmp/other"
cp -a "$tmp/template" "$k"
BTI_CRASH_AT=branch bti-purge -C "$k" >/dev/null 2>&1
expect 0 "a purge killed after moving the branch: the next bti-goal" \
	bti-goal -C "$k" --date 2026-06-10 --text "Kari trives" "$b"
like "$(err)" "repo/recovered: an earlier command was interrupted after its commit" "finishes it, and says so"
[ "$(git -C "$k" rev-parse HEAD~2)" = "$tip" ] && [ ! -e "$k/$pa" ] && [ -f "$k/purged/2026.yaml" ] &&
	[ -z "$(git -C "$k" status --porcelain --untracked-files=all)" ]
is $? 0 "the erased file is gone, the record is there, work tree and index match"

# By hand: the branch moved, the work tree and index still the old ones,
# the journal there: a bti-purge killed while bringing the work tree
# along, with one new file half written (its temporary file) and, once
# another process's lock is gone, its own index lock left (a hard link of
# index.bti-lock.PID).
k="$tmp/hand"
cp -a "$tmp/template" "$k"
new=$(git -C "$r" rev-parse HEAD)
git -C "$r" cat-file --batch-all-objects --batch-check='%(objectname)' |
	git -C "$r" pack-objects -q --stdout | git -C "$k" unpack-objects -q
git -C "$k" update-ref "$branch" "$new" "$old"
{
	printf 'bti-journal 2\ncommit %s\n' "$new"
	git -C "$k" diff-tree -r --no-renames --no-abbrev "$old" "$new" |
		sed 's/0\{40\}/-/g' | awk '{ print "file", $3, $4, $6 }'
} >"$k/.git/bti-journal"
mkdir -p "$k/stats" && git -C "$r" show HEAD:stats/2025.json | head -c 100 >"$k/stats/2025.json.bti-tmp.99999"
[ -n "$(git -C "$k" status --porcelain)" ]
is $? 0 "the crash window: the work tree is behind the branch"
# First with a lock bti did not take (another git process's): it is
# never removed, and nothing is done.
: >"$k/.git/index.lock"
unchanged 3 "with another process's index lock, bti-purge is refused" "$k" bti-purge -C "$k"
like "$(err)" "repo/locked: the index is locked" "says the index is locked"
[ -f "$k/.git/index.lock" ] && [ -f "$k/.git/bti-journal" ]
is $? 0 "and leaves that lock and the journal alone"
rm "$k/.git/index.lock"
: >"$k/.git/index.bti-lock.99999" && ln "$k/.git/index.bti-lock.99999" "$k/.git/index.lock"
expect 0 "the next bti-purge finishes it" bti-purge -C "$k"
like "$(err)" "repo/recovered: an earlier command was interrupted after its commit" "and says so"
is "$(finished "$k")" "" "work tree and index match the new history"
done_testing
