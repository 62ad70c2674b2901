#!/bin/sh
# Commands killed with SIGKILL at random points: the next command finishes
# or forgets the dead one's work (the journal .git/bti-journal), so that
# nothing committed is lost and nothing is half-written. Then the crash
# window between the commit and the work tree, made by hand.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
p="$(cpath $id)" f="$r/$(cpath $id)"
# Level 1 with all that level 2 needs, so that the case can move 1 <-> 2.
bti-level -C "$r" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null &&
bti-service -C "$r" --date 2026-01-12 "$id" join PPT >/dev/null &&
bti-consent -C "$r" --date 2026-01-12 --from Mor --service PPT "$id" given >/dev/null &&
bti-coordinator -C "$r" --date 2026-01-12 --name "Kari Lærer" --service Skole "$id" >/dev/null ||
	echo "Bail out! setup failed"

# counts: the measures, goals and level entries in the work-tree case file
# (as bti writes it: top-level keys, block lists; bti-check parses it too).
counts() {
	awk '/^[a-z_]+:/ { key = $1 } /^- / { n[key]++ }
		END { print n["measures:"] + 0, n["goals:"] + 0, n["levels:"] + 0 }' "$f"
}
# commits: the commits on the case with BTI-Event measure, goal, and new or
# level (each of which adds a level entry), as counts() prints them.
commits() {
	git -C "$r" log --format='%(trailers:key=BTI-Event,valueonly)' -- "$p" |
		awk '$0 == "measure" { m++ } $0 == "goal" { g++ } $0 == "level" || $0 == "new" { l++ }
			END { print m + 0, g + 0, l + 0 }'
}
# other: the level to move to from the level committed last (1 or 2).
other() {
	if [ "$(git -C "$r" show "HEAD:$p" | sed -n '/^levels:/,/^[a-z]/p' | sed -n 's/^  level: //p' | tail -1)" = 1 ]; then
		echo 2
	else
		echo 1
	fi
}
# change N [LEVEL]: a changing command: a level move (to LEVEL), a measure or
# a goal; run through $pre when it is set.
pre=
change() {
	case $(($1 % 3)) in
	0) $pre bti-level -C "$r" --date 2026-02-01 --reason "Flytting $1" "$id" "$2" ;;
	1) $pre bti-measure -C "$r" --date 2026-02-01 --what "Tiltak $1" --responsible Lærer \
		--evaluate-by 2026-03-01 "$id" ;;
	2) $pre bti-goal -C "$r" --date 2026-02-01 --text "Mål $1" "$id" ;;
	esac
}
random() { echo $(($(od -An -N2 -tu2 /dev/urandom) % $1)); }
# leftovers: temporary and lock files of ours or git's that a dead command
# could leave behind (bti.lock itself stays: it is only ever flock'ed).
# index.bti-lock.PID and index.bti-new.PID are bti's hold on .git/index.lock
# (lib/ilock.h). Not checked: libgit2's .git/objects/tmp_object_git2_* of a
# command killed while writing an object (git gc prunes them).
leftovers() {
	find "$r" \( -name '*.bti-tmp.*' -o -name '*.lock' -o -name bti-journal -o -name 'index.bti-*' \) \
		! -name bti.lock | sed "s|^$r/||"
}
# consistent: everything the repository must be after a command has run;
# prints what is wrong, nothing when all is well.
consistent() {
	s=$(git -C "$r" status --porcelain --untracked-files=all)
	[ -z "$s" ] || echo "git status: $s"
	s=$(git -C "$r" fsck --strict --no-dangling 2>&1) || echo "git fsck: $s"
	git -C "$r" show "HEAD:$p" | cmp -s - "$f" || echo "the work-tree file differs from HEAD:$p"
	s=$(bti-check -C "$r" 2>&1) || echo "bti-check: $s"
	in_file=$(counts) committed=$(commits)
	[ "$in_file" = "$committed" ] ||
		echo "measures, goals, levels: $in_file in the file, but $committed committed"
	s=$(leftovers)
	[ -z "$s" ] || echo "left behind: $s"
}

# How long one command takes here: the kills fall anywhere in that time.
t0=$(date +%s%N)
bti-goal -C "$r" --date 2026-01-20 --text "Ola trives" "$id" >/dev/null
span=$((($(date +%s%N) - t0) / 1000000))
[ "$span" -ge 15 ] || span=15
[ "$span" -le 200 ] || span=200
is "$(consistent)" "" "consistent before the kills"

# --- 40 kills at random points -------------------------------------------------------
: >"$tmp/next-fail" >"$tmp/after-kill" >"$tmp/inconsistent"
before_commit=0 after_commit=0 finished=0 recovered=0
i=1
while [ "$i" -le 40 ]; do
	to=$(other)
	old=$(git -C "$r" rev-parse HEAD)
	ms=$((1 + $(random "$span")))
	pre="timeout -s KILL $(printf '0.%03d' "$ms")"
	{ change "$i" "$to" >/dev/null; } 2>/dev/null
	krc=$?
	pre=
	new=$(git -C "$r" rev-parse HEAD)
	# Right after the kill the branch has moved by at most the one commit,
	# and every object it names is whole.
	if [ "$new" != "$old" ] && [ "$(git -C "$r" rev-parse -q --verify "$new~1")" != "$old" ]; then
		echo "kill $i after $ms ms: HEAD $new is not $old or a child of it" >>"$tmp/after-kill"
	fi
	s=$(git -C "$r" fsck --strict --no-dangling 2>&1) || echo "kill $i after $ms ms: git fsck: $s" >>"$tmp/after-kill"
	if [ "$krc" -ne 137 ]; then
		finished=$((finished + 1))
		[ "$krc" -le 1 ] || echo "kill $i after $ms ms: the command finished first with exit $krc" >>"$tmp/next-fail"
	elif [ "$new" = "$old" ]; then
		before_commit=$((before_commit + 1))
	else
		after_commit=$((after_commit + 1))
	fi
	# The next command: done or refused by the rules, never a repository error.
	to=$(other)
	change $((i + 1)) "$to" >/dev/null 2>"$tmp/next.err"
	nrc=$?
	! grep -q 'repo/recovered' "$tmp/next.err" || recovered=$((recovered + 1))
	[ "$nrc" -le 1 ] || echo "kill $i after $ms ms: the next command exited $nrc: $(cat "$tmp/next.err")" >>"$tmp/next-fail"
	s=$(consistent)
	[ -z "$s" ] || printf 'kill %s after %s ms (exit %s):\n%s\n' "$i" "$ms" "$krc" "$s" >>"$tmp/inconsistent"
	i=$((i + 1))
done
echo "# 40 kills within ${span} ms: $before_commit before the commit, $after_commit after it, $finished finished first; $recovered recovered"
is "$(cat "$tmp/next-fail")" "" "after every kill the next command exits 0 or 1, never 2 or 3 (and so did any that finished first)"
is "$(cat "$tmp/after-kill")" "" "right after every kill: the branch moved by at most one whole commit, git fsck is clean"
is "$(cat "$tmp/inconsistent")" "" \
	"after every next command: status clean, fsck clean, file = HEAD, bti-check silent, every committed entry in the file, nothing left behind"
like "$(commits)" '^[1-9][0-9]* [1-9][0-9]* [1-9][0-9]*$' \
	"measures, goals and level moves were all committed"
is "$(git -C "$r" log --format=%s -1 --grep='^BTI-Event: level$' | sed 's/.*: //')" "$(git -C "$r" show "HEAD:$p" | sed -n 's/^  level: //p' | tail -1 | sed 's/^1$/2 -> 1/; s/^2$/1 -> 2/')" \
	"the last level move is the level the file ends at"

# --- every crash window, by name (BTI_CRASH_AT, lib/crash.h) --------------------------------
# Each step of a commit in order; the command kills itself there. Before
# "branch" nothing is committed; from "branch" on the commit has landed and
# the next command brings the work tree and the index to it.
steps="locked journal branch-locked branch file index renamed released"
: >"$tmp/steps"
k=0
for step in $steps; do
	k=$((k + 1))
	old=$(git -C "$r" rev-parse HEAD) to=$(other)
	BTI_CRASH_AT=$step change $((k + 100)) "$to" >/dev/null 2>&1
	krc=$?
	new=$(git -C "$r" rev-parse HEAD)
	case $step in
	locked|journal|branch-locked) landed=no; [ "$new" = "$old" ] || echo "$step: HEAD moved" >>"$tmp/steps" ;;
	*) landed=yes; [ "$(git -C "$r" rev-parse "$new~1")" = "$old" ] || echo "$step: HEAD is not one commit on" >>"$tmp/steps" ;;
	esac
	[ "$krc" -eq 137 ] || echo "$step: the command was not killed there (exit $krc)" >>"$tmp/steps"
	to=$(other)
	change $((k + 200)) "$to" >/dev/null 2>"$tmp/next.err"
	nrc=$?
	[ "$nrc" -eq 0 ] || echo "$step: the next command exited $nrc: $(cat "$tmp/next.err")" >>"$tmp/steps"
	if [ $landed = yes ]; then
		grep -q 'warning: repo/recovered: ' "$tmp/next.err" || echo "$step: no repo/recovered warning" >>"$tmp/steps"
	else
		[ ! -s "$tmp/next.err" ] || echo "$step: the next command said: $(cat "$tmp/next.err")" >>"$tmp/steps"
	fi
	s=$(consistent)
	[ -z "$s" ] || printf '%s:\n%s\n' "$step" "$s" >>"$tmp/steps"
done
is "$(cat "$tmp/steps")" "" "killed at each of: $steps: the next command finishes or forgets the work, and all is consistent"

# #12.2: the first case in a letter directory that does not exist yet,
# killed in every window; every next command succeeds.
: >"$tmp/first"
for step in $steps; do
	q="$tmp/q-$step"
	newrepo "$q"
	BTI_CRASH_AT=$step bti-new -C "$q" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor >/dev/null 2>&1
	krc=$?
	[ "$krc" -eq 137 ] || echo "$step: bti-new was not killed there (exit $krc)" >>"$tmp/first"
	committed=$(git -C "$q" ls-tree -r --name-only HEAD -- cases)
	run bti-new -C "$q" --date 2026-01-10 --name Kari --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor
	[ "$rc" -eq 0 ] || echo "$step: the next bti-new exited $rc: $(err)" >>"$tmp/first"
	s=$(git -C "$q" status --porcelain --untracked-files=all)
	[ -z "$s" ] || echo "$step: git status: $s" >>"$tmp/first"
	s=$(bti-check -C "$q" 2>&1) || echo "$step: bti-check: $s" >>"$tmp/first"
	for cf in $committed; do
		git -C "$q" show "HEAD:$cf" | cmp -s - "$q/$cf" || echo "$step: $cf is not the committed file" >>"$tmp/first"
	done
	s=$(find "$q" \( -name '*.bti-tmp.*' -o -name '*.lock' -o -name bti-journal -o -name 'index.bti-*' \) ! -name bti.lock)
	[ -z "$s" ] || echo "$step: left behind: $s" >>"$tmp/first"
	case $step in
	locked|journal|branch-locked) [ -z "$committed" ] || echo "$step: committed $committed" >>"$tmp/first" ;;
	*) [ -n "$committed" ] || echo "$step: nothing committed" >>"$tmp/first" ;;
	esac
done
is "$(cat "$tmp/first")" "" "#12.2: the first bti-new in a new letter directory, killed at each step: the next succeeds, status clean"

# --- a journal for a commit that never landed is forgotten --------------------------------
head=$(git -C "$r" rev-parse HEAD)
blob=$(git -C "$r" rev-parse "HEAD:$p")
printf 'bti-journal 2\ncommit %s\nfile %s %s %s\n' 0123456789abcdef0123456789abcdef01234567 "$blob" "$blob" "$p" >"$r/.git/bti-journal"
printf 'bti: 1\n' >"$f.bti-tmp.99998"
expect 0 "a journal naming a commit that never landed: the next command succeeds" bti-goal -C "$r" \
	--date 2026-02-04 --text "Ola leser" "$id"
is "$(err)" "" "without a warning"
is "$(git -C "$r" rev-parse HEAD~1)" "$head" "its commit follows HEAD"
is "$(consistent)" "" "consistent: the journal and the temporary file are gone"

# A journal naming an older commit: the work tree is not rolled back to it.
head=$(git -C "$r" rev-parse HEAD)
printf 'bti-journal 2\ncommit %s\nfile %s %s %s\n' "$(git -C "$r" rev-parse HEAD~2)" "$(git -C "$r" rev-parse "HEAD~3:$p")" \
	"$(git -C "$r" rev-parse "HEAD~2:$p")" "$p" >"$r/.git/bti-journal"
expect 0 "a journal naming an older commit: the next command succeeds" bti-measure -C "$r" --date 2026-02-05 \
	--what "Lekser" --responsible Lærer --evaluate-by 2026-03-01 "$id"
is "$(err)" "" "without a warning"
is "$(git -C "$r" rev-parse HEAD~1)" "$head" "its commit follows HEAD"
like "$(cat "$f")" "text: Ola leser" "nothing was rolled back"
is "$(consistent)" "" "consistent: the journal is gone"

# A journal without a commit line is forgotten too.
printf 'bti-journal 2\n' >"$r/.git/bti-journal"
expect 0 "a journal without a commit: the next command succeeds" bti-goal -C "$r" --date 2026-02-05 --text "Ola skriver" "$id"
is "$(consistent)" "" "consistent: the journal is gone"

# Killed after everything but removing the journal: it names HEAD, and the
# work tree already matches it. bti-check only reads and leaves it alone.
printf 'bti-journal 2\ncommit %s\nfile %s %s %s\n' "$(git -C "$r" rev-parse HEAD)" "$(git -C "$r" rev-parse "HEAD~1:$p")" \
	"$(git -C "$r" rev-parse "HEAD:$p")" "$p" >"$r/.git/bti-journal"
expect 0 "bti-check with a journal of HEAD" bti-check -C "$r"
is "$(out)" "" "bti-check is silent"
[ -e "$r/.git/bti-journal" ] && pass "bti-check leaves the journal to the next changing command" ||
	fail "bti-check leaves the journal to the next changing command"
head=$(git -C "$r" rev-parse HEAD)
expect 0 "the next command with a journal of HEAD" bti-goal -C "$r" --date 2026-02-06 --text "Ola regner" "$id"
like "$(err)" 'warning: repo/recovered: ' "it finishes the journal's work again, harmlessly"
is "$(git -C "$r" rev-parse HEAD~1)" "$head" "its commit follows HEAD"
is "$(consistent)" "" "consistent: the journal is gone"

# Killed while writing the journal itself: only its temporary file is left.
printf 'bti-journal 2\ncommit ' >"$r/.git/bti-journal.bti-tmp.12345"
expect 0 "the next command after a half-written journal" bti-goal -C "$r" --date 2026-02-07 --text "Ola tegner" "$id"
is "$(consistent)" "" "consistent: the half-written journal is gone"

done_testing
