#!/bin/sh
# The hooks: pre-commit (installed by bti-init, and by bti-init --hooks in a
# clone) refuses hand edits that break the rules; pre-receive on a central
# bare repository refuses such pushes.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

# tmpgolden NAME DESC: golden, with the test's temporary directory as TMP.
tmpgolden() {
	sed "s|$tmp|TMP|g" "$tmp/err" >"$tmp/err.tmp" && mv "$tmp/err.tmp" "$tmp/err"
	golden "$@"
}
setworry() { sed -i "s/^  worry: [0-9]*\$/  worry: $2/" "$1"; }    # setworry FILE N: a hand edit
head_of() { git -C "$1" rev-parse HEAD; }
hand() {            # hand REPO GIT-ARGS...: git as a person editing by hand
	hr=$1
	shift
	git -C "$hr" -c user.name="Hans Hand" -c user.email=hans@example.no "$@"
}

r="$tmp/r"
newrepo "$r"
hook="$r/.git/hooks/pre-commit"
id=$(bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 --service Skole \
	--concern Bekymring --worry 5 --guardian Mor)
p="$(cpath $id)" f="$r/$(cpath $id)"

# --- pre-commit --------------------------------------------------------------------
[ -x "$hook" ] && pass "bti-init installs an executable pre-commit hook" || fail "bti-init installs an executable pre-commit hook"
cmp -s "$hook" "$top/hooks/pre-commit" && pass "it is hooks/pre-commit" || fail "it is hooks/pre-commit"
setworry "$f" 6
before=$(head_of "$r")
expect 0 "a valid hand edit commits" hand "$r" commit -q -am "hand edit: worry 6"
is "$(git -C "$r" rev-parse HEAD~1)" "$before" "one new commit"
is "$(git -C "$r" status --porcelain)" "" "clean"

setworry "$f" 12
before=$(head_of "$r")
run hand "$r" commit -q -am "hand edit: worry 12"
[ "$rc" -ne 0 ] && pass "an invalid hand edit (worry: 12) is refused by git commit" ||
	fail "an invalid hand edit (worry: 12) is refused by git commit"
is "$(head_of "$r")" "$before" "HEAD did not move"
golden hook-invalid "the hook names FILE:LINE:COL and the rule"
like "$(err)" "^$p:10:10: schema/range: " "with the position of the worry"
is "$(git -C "$r" diff --cached --name-only)" "" "the index is as before"
# The hook checks what is staged, not the work tree.
git -C "$r" add "$p"
git -C "$r" show HEAD:"$p" >"$f"
run hand "$r" commit -q -m "staged is still invalid"
[ "$rc" -ne 0 ] && pass "a staged invalid version is refused though the work tree is valid" ||
	fail "a staged invalid version is refused though the work tree is valid"
is "$(head_of "$r")" "$before" "HEAD did not move"
git -C "$r" reset -q
setworry "$f" 12
echo "Notater" >"$r/NOTES.txt"
git -C "$r" add NOTES.txt
expect 0 "a commit without case files passes, whatever the work tree holds" hand "$r" commit -q -m "notes"
git -C "$r" checkout -q HEAD -- "$p"

before=$(head_of "$r")
git -C "$r" rm -q "$p"
run hand "$r" commit -q -m "delete a case"
[ "$rc" -ne 0 ] && pass "deleting a case file is refused" || fail "deleting a case file is refused"
is "$(head_of "$r")" "$before" "HEAD did not move"
golden hook-delete "the hook says case files are never deleted"
git -C "$r" reset -q --hard

cp "$f" "$r/cases/2026/notes.yaml"
git -C "$r" add cases/2026/notes.yaml
run hand "$r" commit -q -m "a case file with a wrong name"
[ "$rc" -ne 0 ] && pass "a case file whose name is not a case id is refused" || fail "a case file whose name is not a case id is refused"
like "$(err)" "notes" "the message names it"
is "$(head_of "$r")" "$before" "HEAD did not move"
git -C "$r" rm -q --cached cases/2026/notes.yaml && rm "$r/cases/2026/notes.yaml"
cp "$f" "$r/cases/2026/$id.yaml"
git -C "$r" add "cases/2026/$id.yaml"
run hand "$r" commit -q -m "a valid case file outside its letter directory"
[ "$rc" -ne 0 ] && pass "a valid case file outside its letter directory is refused" ||
	fail "a valid case file outside its letter directory is refused"
like "$(err)" "^cases/2026/$id.yaml: case/path: " "the message names the file and the rule"
is "$(head_of "$r")" "$before" "HEAD did not move"
git -C "$r" rm -q --cached "cases/2026/$id.yaml" && rm "$r/cases/2026/$id.yaml"

setworry "$f" 7
git -C "$r" add "$p"
run env PATH=/usr/local/bin:/usr/bin:/bin git -C "$r" -c user.name=H -c user.email=h@x commit -q -m "no bti-check"
[ "$rc" -ne 0 ] && pass "without bti-check in PATH a case file is not committed" ||
	fail "without bti-check in PATH a case file is not committed"
like "$(err)" 'bti-check is not in PATH' "the hook says so"
is "$(head_of "$r")" "$before" "HEAD did not move"
expect 0 "with bti-check in PATH the same commit passes" hand "$r" commit -q -m "worry 7"
expect 0 "after the hand commits the history is clean" bti-check -C "$r" --history
is "$(out)" "" "bti-check --history is silent"

# --- bti-init --hooks in a clone ---------------------------------------------------------
c="$tmp/c"
git clone -q "$r" "$c"
[ -e "$c/.git/hooks/pre-commit" ] && fail "a fresh clone has no pre-commit hook" || pass "a fresh clone has no pre-commit hook"
is "$(git -C "$c" config merge.bti.driver)" "" "nor the merge driver"
expect 0 "bti-init --hooks in the clone" bti-init --hooks "$c"
is "$(err)" "" "no message"
[ -x "$c/.git/hooks/pre-commit" ] && pass "the clone's .git/hooks/pre-commit exists and is executable" ||
	fail "the clone's .git/hooks/pre-commit exists and is executable"
cmp -s "$c/.git/hooks/pre-commit" "$top/hooks/pre-commit" && pass "it is the bti hook" || fail "it is the bti hook"
is "$(git -C "$c" config merge.bti.driver)" "bti-merge %O %A %B %P" "git config merge.bti.driver is set"
is "$(git -C "$c" log -1 --format=%H)" "$(head_of "$r")" "no commit is made"
is "$(git -C "$c" status --porcelain)" "" "and nothing is changed in the work tree"
expect 0 "bti-init --hooks again is harmless" bti-init --hooks "$c"
is "$(err)" "" "and says nothing"
setworry "$c/$p" 12
before=$(head_of "$c")
run hand "$c" commit -q -am "invalid in the clone"
[ "$rc" -ne 0 ] && pass "the clone's hook refuses an invalid hand edit" || fail "the clone's hook refuses an invalid hand edit"
is "$(head_of "$c")" "$before" "HEAD did not move"
git -C "$c" reset -q --hard
(cd "$c" && bti-init --hooks >"$tmp/out" 2>"$tmp/err") && pass "bti-init --hooks without a directory uses the current one" ||
	fail "bti-init --hooks without a directory uses the current one"

# An existing pre-commit hook of one's own is left alone.
d="$tmp/d"
git clone -q "$r" "$d"
printf '#!/bin/sh\necho my own hook\n' >"$d/.git/hooks/pre-commit"
chmod +x "$d/.git/hooks/pre-commit"
cp "$d/.git/hooks/pre-commit" "$tmp/own-hook"
expect 0 "bti-init --hooks with a different pre-commit hook" bti-init --hooks "$d"
tmpgolden hook-existing "a warning says the hook was left alone and what to call from it"
cmp -s "$d/.git/hooks/pre-commit" "$tmp/own-hook" && pass "the own hook is unchanged" || fail "the own hook is unchanged"
is "$(git -C "$d" config merge.bti.driver)" "bti-merge %O %A %B %P" "the merge driver is registered all the same"
expect 3 "bti-init --hooks outside a case repository" bti-init --hooks "$tmp/home"

# --- pre-receive on a central bare repository ---------------------------------------------
central="$tmp/central.git"
git clone -q --bare "$r" "$central"
cp "$top/hooks/pre-receive" "$central/hooks/pre-receive"
chmod +x "$central/hooks/pre-receive"
git -C "$r" remote add central "$central"
main() { git -C "$central" rev-parse main; }

expect 0 "a bti command's commit" bti-level -C "$r" --date 2026-01-20 --reason "Tiltak i egen tjeneste" "$id" 1
expect 0 "push of a valid commit is accepted" git -C "$r" push -q central main
is "$(main)" "$(head_of "$r")" "the central main moved"
setworry "$f" 8
hand "$r" commit -q -am "valid hand edit"
expect 0 "push of a valid hand commit is accepted" git -C "$r" push -q central main
is "$(main)" "$(head_of "$r")" "the central main moved"

setworry "$f" 12
hand "$r" commit -q --no-verify -am "invalid, past the local hook"
before=$(main)
run git -C "$r" push central main
[ "$rc" -ne 0 ] && pass "push of an invalid case (committed with --no-verify) is refused" ||
	fail "push of an invalid case (committed with --no-verify) is refused"
is "$(main)" "$before" "the central main did not move"
like "$(err)" 'pre-receive hook declined' "git says the pre-receive hook declined"
like "$(err)" "remote: [0-9a-f]{40}:$p:10:10: schema/range: .*\(commit by Hans Hand <hans@example.no>\)" \
	"the hook names the commit, file, position, rule and author"
grep '^remote:' "$tmp/err" | sed -E 's/[[:space:]]*$//; s/[0-9a-f]{40}/COMMIT/g' >"$tmp/err.remote"
mv "$tmp/err.remote" "$tmp/err"
golden hook-pre-receive "the hook's message"
run git -C "$r" push central main:refs/heads/topic
[ "$rc" -ne 0 ] && pass "the same commit on a new branch is refused" || fail "the same commit on a new branch is refused"
run git -C "$central" rev-parse -q --verify refs/heads/topic
is "$rc" "1" "the branch was not created"
expect 0 "bti-check --rev in the central repository finds nothing wrong at main" bti-check -C "$central" --rev main
git -C "$r" reset -q --hard HEAD~1
expect 0 "after dropping the commit the push is a no-op" git -C "$r" push -q central main
is "$(main)" "$(head_of "$r")" "the central main is the local one"
expect 0 "a branch deletion passes the hook" sh -c 'git -C "$1" push -q central main:refs/heads/old && git -C "$1" push -q central :refs/heads/old' _ "$r"

done_testing
