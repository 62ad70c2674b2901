#!/bin/sh
# #12.7: the hooks keep the append-only rule of bti-check --history on every
# commit: the pre-commit hook compares the staged case with the last commit
# (type changes too), the pre-receive hook checks each commit of a push and
# refuses non-fast-forward updates and deleting the main branch.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

hand() {            # hand REPO GIT-ARGS...: git as a person editing by hand
	hr=$1
	shift
	git -C "$hr" -c user.name="Hans Hand" -c user.email=hans@example.no "$@"
}
head_of() { git -C "$1" rev-parse HEAD; }
setworry() { sed -i "s/^  worry: [0-9]*\$/  worry: $2/" "$1"; }
# refused DESC CMD...: CMD fails.
refused() {
	d=$1
	shift
	run "$@"
	[ "$rc" -ne 0 ] && pass "$d" || fail "$d"
}
# commits only: drop the commit ids from the last run's stderr for golden files.
nocommit() { sed -E 's/[0-9a-f]{40}/COMMIT/g; s/[[:space:]]*$//' "$tmp/err" >"$tmp/err.x" && mv "$tmp/err.x" "$tmp/err"; }

r="$tmp/r"
newrepo "$r"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
p=$(cpath "$id") f="$r/$(cpath "$id")"
bti-level -C "$r" --date 2026-01-12 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null
bti-goal -C "$r" --date 2026-01-13 --text "Sover godt" "$id" >/dev/null

# --- pre-commit ----------------------------------------------------------------------------
# A case file replaced by a symlink to an identical copy: a type change.
before=$(head_of "$r")
cp "$f" "$r/copy.yaml"
rm "$f"
ln -s ../../../../copy.yaml "$f"
hand "$r" add -A
refused "a case file replaced by a symlink is refused by the pre-commit hook" hand "$r" commit -q -m "symlink"
is "$(head_of "$r")" "$before" "HEAD did not move"
like "$(err)" "^$p: case/type: a case file must be a regular file, not a symbolic link" "the hook says why"
hand "$r" reset -q --hard
rm -f "$r/copy.yaml"
is "$(git -C "$r" ls-files -s "$p" | cut -c1-6)" "100644" "the case file is a file again"

# A hand edit that deletes the last level entry: valid on its own.
python3 - "$f" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index("- date: 2026-01-12")
j = t.index("\n", t.index("by:", i))
open(sys.argv[1], "w", encoding="utf-8").write(t[:i].rstrip(" ") + t[j + 1:])
PY
expect 0 "the edited case alone passes bti-check" bti-check -C "$r" "$id"
is "$(yq "$f" 'len(d["levels"])')" "1" "the level entry is gone from the file"
refused "a hand edit that deletes a level entry is refused" hand "$r" commit -q -am "drop a level"
is "$(head_of "$r")" "$before" "HEAD did not move"
like "$(err)" "^$p:[0-9]+:[0-9]+: history/rewrite: levels\\[1\\]: an earlier entry was changed or removed" "history/rewrite names the list"
hand "$r" add "$p"
expect 1 "bti-check --staged reports the same" bti-check -C "$r" --staged
like "$(out)" "history/rewrite: levels\\[1\\]" "on stdout"
hand "$r" reset -q --hard

sed -i 's/Sover godt/Sover bedre/' "$f"
refused "a hand edit that rewrites a goal is refused" hand "$r" commit -q -am "rewrite a goal"
is "$(head_of "$r")" "$before" "HEAD did not move"
like "$(err)" "history/rewrite: goals\\[0\\]" "the goal is named"
golden hook-rewrite-goal "the message"
hand "$r" reset -q --hard

setworry "$f" 6
expect 0 "a hand edit that changes no entry still commits" hand "$r" commit -q -am "worry 6"

# Committing a merge: the other side's entries may come between ours (by date).
git -C "$r" switch -q -c side
bti-meeting -C "$r" --date 2026-01-14 --kind plan --participant Mor --child-present --minutes A "$id" >/dev/null
git -C "$r" switch -q main
bti-meeting -C "$r" --date 2026-01-15 --kind plan --participant Mor --child-present --minutes B "$id" >/dev/null
hand "$r" merge -q --no-commit side >/dev/null 2>&1
is "$(yq "$f" '[m["minutes"] for m in d["meetings"]]')" "A, B" "the merged meetings in date order, theirs first"
expect 0 "the hook lets a merge commit through" hand "$r" commit -q -m "merge side"
git -C "$r" branch -q -D side

# An earlier version of the bti hook (the ACMR filter) is brought up to date.
sed 's/--diff-filter=d/--diff-filter=ACMR/g' "$top/hooks/pre-commit" >"$r/.git/hooks/pre-commit"
expect 0 "bti-init --hooks over an earlier bti hook" bti-init --hooks "$r"
is "$(err)" "" "without a warning"
cmp -s "$r/.git/hooks/pre-commit" "$top/hooks/pre-commit" && pass "the hook is the new one" || fail "the hook is the new one"
[ -x "$r/.git/hooks/pre-commit" ] && pass "and executable" || fail "and executable"

# --- pre-receive -----------------------------------------------------------------------------
central="$tmp/central.git"
git clone -q --bare "$r" "$central"
cp "$top/hooks/pre-receive" "$central/hooks/pre-receive"
chmod +x "$central/hooks/pre-receive"
git -C "$r" remote add central "$central"
main() { git -C "$central" rev-parse main; }

# An invalid commit in the middle of a push, its fix at the tip.
bti-goal -C "$r" --date 2026-01-20 --text "Leker i friminuttene" "$id" >/dev/null
setworry "$f" 12
hand "$r" commit -q --no-verify -am "invalid, past the local hook"
bad=$(head_of "$r")
setworry "$f" 6
hand "$r" commit -q -am "fixed again"
before=$(main)
expect 0 "the tip alone passes bti-check --rev" bti-check -C "$r" --rev HEAD
refused "a push whose middle commit is invalid is refused" git -C "$r" push central main
is "$(main)" "$before" "the central main did not move"
like "$(err)" "remote: $bad:$p:10:10: schema/range: .*\\(commit by Hans Hand <hans@example.no>\\)" "the bad commit is named, with its author"
refused "the same commits on a new branch are refused" git -C "$r" push central main:refs/heads/topic
run git -C "$central" rev-parse -q --verify refs/heads/topic
is "$rc" "1" "the branch was not created"
git -C "$r" reset -q --hard HEAD~2

# A deleted level entry, committed with --no-verify.
python3 - "$f" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
i = t.index("- date: 2026-01-12")
j = t.index("\n", t.index("by:", i))
open(sys.argv[1], "w", encoding="utf-8").write(t[:i].rstrip(" ") + t[j + 1:])
PY
hand "$r" commit -q --no-verify -am "drop a level, past the hook"
refused "a push with a deleted level entry is refused" git -C "$r" push central main
is "$(main)" "$before" "the central main did not move"
like "$(err)" "remote: [0-9a-f]{40}:$p:[0-9]+:[0-9]+: history/rewrite: levels\\[1\\]" "history/rewrite"
git -C "$r" reset -q --hard HEAD~1

# A case file deleted in one commit and put back in the next.
git -C "$r" rm -q "$p"
hand "$r" commit -q --no-verify -m "delete, past the hook"
git -C "$r" checkout -q HEAD~1 -- "$p"
hand "$r" commit -q -m "and back"
is "$(git -C "$r" diff HEAD~2 HEAD --stat)" "" "the tip has the case as it was"
refused "a push that deletes a case file in a middle commit is refused" git -C "$r" push central main
like "$(err)" "remote: [0-9a-f]{40}:$p: history/deleted: a case file was deleted" "history/deleted"
is "$(main)" "$before" "the central main did not move"
git -C "$r" reset -q --hard HEAD~2

# A commit that breaks bti.yaml breaks every rule: it is refused too.
sed -i 's/^model: .*/model: nosuch/' "$r/bti.yaml"
hand "$r" commit -q -am "no model"
refused "a push of a commit whose bti.yaml names no model is refused" git -C "$r" push central main
like "$(err)" "remote: [0-9a-f]{40}:models/nosuch.yaml: repo: bti.yaml names the model 'nosuch'" "the commit and the problem are named"
is "$(main)" "$before" "the central main did not move"
git -C "$r" reset -q --hard HEAD~1

expect 0 "a push of valid commits is accepted" git -C "$r" push -q central main
is "$(main)" "$(head_of "$r")" "the central main moved"

# Rewriting the published history: a forced push.
git -C "$r" reset -q --hard HEAD~1
setworry "$f" 7
hand "$r" commit -q -am "another past"
before=$(main)
refused "a non-fast-forward push (--force) is refused" git -C "$r" push -q --force central main
is "$(main)" "$before" "the central main did not move"
like "$(err)" "remote: history/force: [0-9a-f]{40} is not an ancestor of [0-9a-f]{40}" "history/force"
nocommit
grep '^remote:' "$tmp/err" >"$tmp/err.r" && mv "$tmp/err.r" "$tmp/err"
golden hook-force "the message"
git -C "$r" reset -q --hard "$before"

refused "deleting the main branch is refused" git -C "$r" push -q central :main
is "$(main)" "$before" "the central main is still there"
like "$(err)" "remote: bti: refs/heads/main refused: the main branch is never deleted" "the hook says so"
expect 0 "another branch is deleted as before" sh -c \
	'git -C "$1" push -q central main:refs/heads/old && git -C "$1" push -q central :refs/heads/old' _ "$r"

# The same audit, by hand.
expect 0 "bti-check --range over the published commits" bti-check -C "$central" --range "$(git -C "$r" rev-list --max-parents=0 HEAD)..main"
expect 0 "bti-check --range with OLD of zeros: the commits no ref has (none)" \
	bti-check -C "$central" --range "0000000000000000000000000000000000000000..main"
expect 2 "--range without .. is a usage error" bti-check -C "$r" --range main
expect 2 "--range with --history is a usage error" bti-check -C "$r" --range main~1..main --history
expect 2 "--range with a case id is a usage error" bti-check -C "$r" --range main~1..main "$id"
expect 3 "--range with an unknown commit" bti-check -C "$r" --range main..nosuch

done_testing
