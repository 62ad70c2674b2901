#!/bin/sh
# #12.3: recovery never destroys work. bti never deletes a lock it did not
# take, never overwrites a work-tree file (or an index entry) that is
# neither the version before an interrupted command nor the one it
# committed, and a change whose commit landed is never recorded twice.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
p=$(cpath "$id")
f="$r/$p"
goal() { bti-goal -C "$r" --date 2026-02-01 --text "$1" "$id"; }
# goals TEXT: how often a goal with TEXT is in the work-tree file and in HEAD.
goals() {
	printf '%s %s\n' "$(grep -c "text: $1\$" "$f")" "$(git -C "$r" show "HEAD:$p" | grep -c "text: $1\$")"
}
clean() {
	s=$(git -C "$r" status --porcelain --untracked-files=all)
	[ -z "$s" ] && [ ! -e "$r/.git/bti-journal" ] && [ -z "$(find "$r/.git" -name 'index.bti-*')" ]
}

# --- a foreign index.lock: refused before anything is committed -------------------------------
: >"$r/.git/index.lock"
unchanged 3 "another process's .git/index.lock: the command is refused before committing" "$r" goal "Ola trives"
like "$(err)" "^bti-goal: $r/.git/index.lock: repo/locked: the index is locked: another git process is running, or one was killed; when no git process is running, remove the lock \(rm '$r/.git/index.lock'\) and run the command again; nothing was changed\$" \
	"it says the index is locked and what to do"
[ -e "$r/.git/index.lock" ] && pass "the lock is left alone" || fail "the lock is left alone"
rm "$r/.git/index.lock"
expect 0 "run again once the lock is gone" goal "Ola trives"
is "$(goals "Ola trives")" "1 1" "the goal is recorded once"
clean && pass "all clean" || fail "all clean"

# The issue's sequence: a command with another process's index.lock, a hand
# edit, the next command. Before, the first committed and exited 3, and the
# second deleted the lock and overwrote the edit.
: >"$r/.git/index.lock"
run goal "Ola hopper"
is "$rc $(goals "Ola hopper")" "3 0 0" "the command with a foreign index.lock commits nothing"
printf '# min merknad\n' >>"$f"
run goal "Ola hopper"
is "$rc" 3 "the next one is refused too"
is "$(grep -c '^# min merknad$' "$f")" 1 "#12.3: the hand edit is still there"
[ -e "$r/.git/index.lock" ] && pass "#12.3: the lock is still there" || fail "#12.3: the lock is still there"
rm "$r/.git/index.lock"
git -C "$r" checkout -q HEAD -- "$p"
expect 0 "once the lock is gone and the edit dropped, the command runs" goal "Ola hopper"
is "$(goals "Ola hopper")" "1 1" "#12.3: and records its goal once"

# --- a foreign lock on the branch: refused, and never removed ------------------------------------
: >"$r/.git/refs/heads/main.lock"
unchanged 3 "another process's lock on the branch: refused" "$r" goal "Ola leser"
like "$(err)" "repo/locked: the branch is locked \($r/.git/refs/heads/main.lock\): another git process is updating it, or one was killed; when no git process is running, remove that file" \
	"it says the branch is locked and what to do (not 'the branch moved')"
[ -e "$r/.git/refs/heads/main.lock" ] && pass "the branch lock is left alone" || fail "the branch lock is left alone"
unchanged 3 "and again: the next command does not remove it either" "$r" goal "Ola leser"
rm "$r/.git/refs/heads/main.lock"
expect 0 "run again once the lock is gone" goal "Ola leser"
is "$(goals "Ola leser")" "1 1" "the goal is recorded once"
clean && pass "all clean" || fail "all clean"

# --- killed after its commit, then another process takes the index lock ---------------------------
head=$(git -C "$r" rev-parse HEAD)
BTI_CRASH_AT=branch goal "Ola sykler" >/dev/null 2>&1
landed=$(git -C "$r" rev-parse HEAD)
is "$(git -C "$r" rev-parse "$landed~1")" "$head" "killed after its commit landed"
# A killed command leaves .git/index.lock, as a killed git does; someone
# removes it (as git advises) and another git process takes the lock.
[ -e "$r/.git/index.lock" ] && pass "the killed command left its index.lock" || fail "the killed command left its index.lock"
rm "$r/.git/index.lock"
: >"$r/.git/index.lock"
unchanged 3 "the next command with another process's index.lock: refused" "$r" goal "Ola tegner"
like "$(err)" "repo/locked: the index is locked" "the index is locked"
[ -e "$r/.git/index.lock" ] && pass "#12.3: recovery leaves another process's index.lock alone" ||
	fail "#12.3: recovery leaves another process's index.lock alone"
[ -e "$r/.git/bti-journal" ] && pass "the journal stays for later" || fail "the journal stays for later"
rm "$r/.git/index.lock"
expect 0 "once the lock is gone, the next command finishes the killed one and runs" goal "Ola tegner"
like "$(err)" "warning: repo/recovered: " "repo/recovered"
is "$(goals "Ola sykler")" "1 1" "the killed command's goal: once"
is "$(goals "Ola tegner")" "1 1" "the new goal: once"
clean && pass "all clean" || fail "all clean"

# --- a hand edit made while a command was unfinished is never overwritten ------------------------
# Killed after the commit (file and index still the old version), or after
# the file was written (the index still old); then the file is edited.
for step in branch file; do
	BTI_CRASH_AT=$step goal "Ola svømmer $step" >/dev/null 2>&1
	landed=$(git -C "$r" rev-parse HEAD)
	printf '# min merknad\n' >>"$f"
	cp "$f" "$tmp/edited"
	state "$r" >"$tmp/s0"
	expect 3 "#12.3 ($step): a hand edit in the file: the next command stops" goal "Ola danser $step"
	like "$(err)" "^bti-goal: $p: repo/edited: the file was changed by hand while the command that committed [0-9a-f]{7} was unfinished, and was left as it is; see how it differs from that commit with 'git diff HEAD -- $p', then keep it \(git commit\) or drop it \(git checkout HEAD -- $p\); nothing else was done: run the command again\$" \
		"it says the file was left as it is and exactly what to do"
	cmp -s "$f" "$tmp/edited" && pass "#12.3 ($step): the hand edit is still there" ||
		fail "#12.3 ($step): the hand edit is still there"
	is "$(git -C "$r" rev-parse HEAD)" "$landed" "no new commit"
	is "$(git -C "$r" diff --cached --name-only)" "" "the index is the commit's"
	like "$(git -C "$r" diff HEAD -- "$p")" '^\+# min merknad' "git diff shows the hand edit"
	[ ! -e "$r/.git/bti-journal" ] && pass "the journal is done" || fail "the journal is done"
	unchanged 1 "the next command: refused as an uncommitted change" "$r" goal "Ola danser $step"
	like "$(err)" "repo/uncommitted" "repo/uncommitted"
	git -C "$r" checkout -q HEAD -- "$p"
	expect 0 "after dropping the edit, the command runs" goal "Ola danser $step"
	is "$(goals "Ola svømmer $step")" "1 1" "the killed command's goal: once"
	clean && pass "all clean" || fail "all clean"
done

# A staged edit (git add) is left alone too. git add needs the index lock
# the killed command left: the user removes it, as git says.
BTI_CRASH_AT=branch goal "Ola maler" >/dev/null 2>&1
printf '# staged\n' >>"$f"
rm "$r/.git/index.lock"
git -C "$r" add "$p"
staged=$(git -C "$r" rev-parse ":$p")
expect 3 "#12.3: a staged hand edit: the next command stops" goal "Ola synger"
like "$(err)" "repo/edited: the file was changed by hand" "repo/edited"
is "$(git -C "$r" rev-parse ":$p")" "$staged" "the staged version is left as it is"
git -C "$r" reset -q -- "$p"
git -C "$r" checkout -q HEAD -- "$p"
expect 0 "after dropping it, the command runs" goal "Ola synger"
is "$(goals "Ola maler")" "1 1" "the killed command's goal: once"
clean && pass "all clean" || fail "all clean"

done_testing
