#!/bin/sh
# #12.4, #12.5 and the symlink part of #12.15: bti never follows a symbolic
# link in or under cases/, for reading or writing; a case file that is a
# link or a FIFO is reported by bti-check (which never blocks on a FIFO),
# and a case file turned into a link counts as an uncommitted change.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r"
open_case() {
	bti-new -C "$r" --date 2026-01-10 --name "$1" --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor
}
id=$(open_case Ola)
p=$(cpath "$id")
f="$r/$p"
dir=${p%/*}
head=$(git -C "$r" rev-parse HEAD)

# --- #12.4: the letter directory is a link to a directory outside -----------------------
out="$tmp/outside"
mkdir -p "$out"
cp "$f" "$out/"
rm -r "$r/${dir:?}"
ln -s "$out" "$r/$dir"
sum=$(sha1sum <"$out/${p##*/}")
unchanged 1 "#12.4: bti-notify with cases/YYYY/X a link to a directory outside: refused" "$r" \
	bti-notify -C "$r" --date 2026-02-01 --reason "Bekymring for omsorg" "$id"
like "$(err)" "^bti-notify: $p: repo/symlink: $dir is a symbolic link, not a directory; " \
	"it names the link and the rule"
is "$(sha1sum <"$out/${p##*/}")" "$sum" "the file outside is untouched"
is "$(ls "$out")" "${p##*/}" "nothing else was written outside"
is "$(git -C "$r" rev-parse HEAD)" "$head" "no commit"
unchanged 1 "bti-goal through the link: refused too" "$r" \
	bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
expect 1 "bti-check reports the linked directory" bti-check -C "$r"
like "$(out)" "^$dir: case/symlink: is a symbolic link; " "as case/symlink on the link"
expect 1 "#12.15: bti-check ID of a case behind the link says it is a link" bti-check -C "$r" "$id"
like "$(out)" "^$dir: case/symlink: " "case/symlink"
unlike "$(out)" "case/unknown" "not case/unknown"
rm "$r/$dir"
git -C "$r" checkout -q -- "$dir"

# The year directory a link: a new case would land outside.
mkdir -p "$tmp/year"
mv "$r/cases/2026" "$tmp/year/2026"
ln -s "$tmp/year/2026" "$r/cases/2026"
state "$r" >"$tmp/before"
expect 1 "#12.4: bti-new with cases/YYYY a link: refused" open_case Kari
like "$(err)" "repo/symlink: cases/2026 is a symbolic link" "it names the link"
state "$r" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && pass "nothing changed" || fail "nothing changed"
is "$(find "$tmp/year" -type f | wc -l)" 1 "nothing was written outside"
rm "$r/cases/2026"
mv "$tmp/year/2026" "$r/cases/2026"
is "$(git -C "$r" status --porcelain)" "" "back as it was"

# --- #12.5: the case file replaced by a link to an identical copy --------------------------
cp "$f" "$tmp/copy.yaml"
rm "$f"
ln -s "$tmp/copy.yaml" "$f"
unchanged 1 "#12.5: the case file a link to an identical copy: refused as an uncommitted change" "$r" \
	bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
like "$(err)" "^bti-goal: $p: repo/uncommitted: the file \(now a symbolic link\) differs from the last commit" \
	"repo/uncommitted, saying it is a link now"
[ -L "$f" ] && pass "the link is still a link" || fail "the link is still a link"
expect 1 "bti-check reports the link" bti-check -C "$r"
like "$(out)" "^$p: case/symlink: is a symbolic link; " "case/symlink on the file"
expect 1 "#12.15: bti-check ID on a linked case says it is a link" bti-check -C "$r" "$id"
like "$(out)" "^$p: case/symlink: " "case/symlink"
unlike "$(out)" "case/unknown" "not case/unknown"
git -C "$r" add "$p"
expect 1 "bti-check --staged: a link staged as a case" bti-check -C "$r" --staged "$p"
like "$(out)" "^$p: case/symlink: staged as a symbolic link" "case/symlink"
unchanged 1 "#12.5: the link staged: refused (the staged version)" "$r" \
	bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
like "$(err)" "repo/uncommitted: the staged version differs" "the staged version differs"
git -C "$r" -c user.name=A -c user.email=a@b commit -q --no-verify -m link
expect 1 "bti-check --rev: a link committed as a case" bti-check -C "$r" --rev HEAD
like "$(out)" "^$p: case/symlink: committed as a symbolic link" "case/symlink"
unchanged 1 "a command on a case committed as a link: refused" "$r" \
	bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
like "$(err)" "$p: case/symlink: a symbolic link in the last commit" "it says so"
git -C "$r" reset -q --hard "$head"

# The executable bit is a change of type too (git status shows it).
chmod +x "$f"
unchanged 1 "#12.5: the case file made executable: refused" "$r" \
	bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
like "$(err)" "repo/uncommitted: the file differs" "repo/uncommitted"
chmod -x "$f"

# --- FIFOs: bti-check never blocks on one ----------------------------------------------------
rm "$f"
mkfifo "$f"
run timeout 20 bti-check -C "$r"
is "$rc" 1 "#12.4: bti-check with a FIFO as the case file exits 1 (does not hang)"
like "$(out)" "^$p: case/not-a-file: is a FIFO, not a regular file" "case/not-a-file"
run timeout 20 bti-check -C "$r" "$id"
like "$(out)" "^$p: case/not-a-file: is a FIFO" "named: case/not-a-file, not case/unknown"
run timeout 20 bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"
is "$rc" 1 "a command on a FIFO case file is refused (does not hang)"
like "$(err)" "repo/uncommitted: the file \(now not a regular file\) differs" "as an uncommitted change"
rm "$f"
git -C "$r" checkout -q -- "$p"

# A link named like a case anywhere under cases/, and cases/ itself a link.
ln -s /etc/passwd "$r/cases/2026/Z.yaml"
expect 1 "bti-check reports a link named *.yaml" bti-check -C "$r"
like "$(out)" "^cases/2026/Z.yaml: case/symlink: " "case/symlink"
rm "$r/cases/2026/Z.yaml"
mv "$r/cases" "$tmp/cases"
ln -s "$tmp/cases" "$r/cases"
expect 1 "bti-check with cases/ a link" bti-check -C "$r"
like "$(out)" "^cases: case/symlink: " "case/symlink on cases"
rm "$r/cases"
mv "$tmp/cases" "$r/cases"
expect 0 "all well again" bti-check -C "$r"
expect 0 "and commands work" bti-goal -C "$r" --date 2026-02-01 --text "Ola trives" "$id"

done_testing
