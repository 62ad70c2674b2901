#!/bin/sh
# bti-check: the work tree, the index, a commit (also in a bare clone) and
# the audit of the whole history; silent and exit 0 when all is well.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

# outgolden NAME DESC: like golden, for what the last run printed on stdout
# (bti-check's problems are its output), with commit ids replaced by COMMIT.
outgolden() {
	sed -E 's/^[0-9a-f]{40}:/COMMIT:/' "$tmp/out" >"$tmp/err"
	golden "$@"
}
# quiet DESC: the last run printed nothing at all.
quiet() {     # no problems: overdue obligations (due/ warnings, bti-due) may be noted
	is "$(out)$(err | grep -v ': warning: due/')" "" "$1"
}
open_case() {       # open_case REPO DATE NAME
	bti-new -C "$1" --date "$2" --name "$3" --born 2015-06-02 \
		--service Skole --concern Bekymring --worry 5 --guardian Mor
}
hand_commit() {     # hand_commit REPO NAME EMAIL MESSAGE [git commit options]: a commit by hand
	hr=$1 hn=$2 he=$3 hm=$4
	shift 4
	git -C "$hr" -c user.name="$hn" -c user.email="$he" commit -q --no-verify "$@" -m "$hm"
}
# addentry FILE LIST TEXT: appends TEXT (block YAML) to the end of the
# top-level list LIST, as an editor would.
addentry() {
	python3 - "$@" <<'EOF'
import sys
p, key, text = sys.argv[1:4]
lines = open(p, encoding="utf-8").read().split("\n")
i = lines.index(key + ":") + 1
while i < len(lines) and lines[i] and lines[i][0] in " -":
    i += 1
lines[i:i] = text.rstrip("\n").split("\n")
open(p, "w", encoding="utf-8").write("\n".join(lines))
EOF
}

r="$tmp/r"
newrepo "$r"
a=$(open_case "$r" 2025-11-03 Ola)     # cases/2025/: sorts first
b=$(open_case "$r" 2026-01-10 Kari)
c=$(open_case "$r" 2026-01-10 Per)
pa="$(cpath $a)" pb="$(cpath $b)" pc="$(cpath $c)"
bti-level -C "$r" --date 2026-01-20 --reason "Tiltak i egen tjeneste" "$b" 1 >/dev/null
bti-measure -C "$r" --date 2026-01-20 --what Samtaler --responsible Lærer --evaluate-by 2026-03-01 "$b" >/dev/null

# --- a valid repository --------------------------------------------------------
expect 0 "a valid repository passes" bti-check -C "$r"
quiet "and nothing is printed"
expect 0 "named cases pass" bti-check -C "$r" "$a" "$b"
quiet "and nothing is printed"
expect 0 "cases named by path pass" bti-check -C "$r" "$pa" "$pb"
quiet "and nothing is printed"
expect 1 "a path with no file is an unknown case" bti-check -C "$r" cases/2026/Q/2026-QQQQQQ.yaml
like "$(out)" '^case/unknown: 1 of the named cases' "it says so"
expect 1 "a path outside cases/ is refused, as a malformed id" bti-check -C "$r" bti.yaml
like "$(err)" "^bti-check: 'bti.yaml' is not a case id or a path under cases/" "the error names it"
(cd "$r/cases" && bti-check >"$tmp/out" 2>"$tmp/err") && pass "finds the repository from a subdirectory" ||
	fail "finds the repository from a subdirectory"

# --- hand edits in the work tree ---------------------------------------------------
sed -i 's/worry: 5/worry: 12/' "$r/$pa"
sed -i 's/^service: Skole$/service: Skole\ncolour: blue/' "$r/$pb"
cp "$r/$pc" "$r/cases/2026/notes.yaml"
unchanged 1 "invalid hand edits are found" "$r" bti-check -C "$r"
cp "$tmp/out" "$tmp/full"
is "$(err)" "" "problems go to stdout, nothing to stderr"
outgolden check-worktree "one FILE:LINE:COL: rule: message line per problem, in path order"
is "$(out | grep -cvE '^cases/[0-9]{4}/[^:]+\.yaml(:[0-9]+:[0-9]+)?: [a-z-]+/[a-z-]+: ')" "0" \
	"every line has the form path:line:col: rule: message"
like "$(out)" "^$pa:10:10: schema/range: " "the worry is reported at its line and column"
expect 1 "a named case: only its problems" bti-check -C "$r" "$a"
is "$(out)" "$(grep "^$pa:" "$tmp/full")" "the same line as in the whole check"
is "$(out | grep -vc "^$pa:")" "0" "no line about other files"
expect 0 "a named valid case passes although others do not" bti-check -C "$r" "$c"
quiet "and nothing is printed"
expect 1 "two named cases" bti-check -C "$r" "$b" "$c"
is "$(out | cut -d: -f1 | sort -u)" "$pb" "only the invalid one of them is reported"
expect 1 "an unknown case id is a problem" bti-check -C "$r" 2026-ZZZZZZ
outgolden check-unknown "it says how many named cases do not exist"
expect 1 "a known and an unknown case" bti-check -C "$r" "$c" 2026-ZZZZZZ
like "$(out)" '^case/unknown: 1 of the named cases' "one of them does not exist"
expect 1 "a name that is not a case id is refused, as in every command" bti-check -C "$r" notes
like "$(err)" "^bti-check: 'notes' is not a case id" "the error names it"
expect 1 "a YAML syntax error" sh -c 'sed -i "s/^  born: 2015-06-02$/  born: [2015/" "$1/$2" && bti-check -C "$1" "$3"' _ "$r" "$pc" "$c"
like "$(out)" "^$pc:7:8: yaml/syntax: " "is reported with its position"

# --- --staged: the index, not the work tree ---------------------------------------------
git -C "$r" checkout -q HEAD -- "$pb" "$pc"
rm "$r/cases/2026/notes.yaml"
cp "$r/$pc" "$r/cases/2026/$c.yaml"       # outside its letter directory
expect 1 "a case file outside its letter directory is found" bti-check -C "$r"
like "$(out)" "^cases/2026/$c.yaml: case/path: case files are cases/YYYY/X/ID.yaml" \
	"with the rule for where case files go"
rm "$r/cases/2026/$c.yaml"
expect 0 "--staged: an unstaged invalid edit is not looked at" bti-check -C "$r" --staged
quiet "and nothing is printed"
git -C "$r" add "$pa"
expect 1 "--staged: the staged invalid version is found" bti-check -C "$r" --staged
like "$(out)" "^$pa:10:10: schema/range: " "with the index version's position"
git -C "$r" show "HEAD:$pa" >"$r/$pa"       # the work tree is valid again, the index is not
expect 0 "the work tree is valid" bti-check -C "$r"
expect 1 "--staged still checks the index" bti-check -C "$r" --staged
expect 0 "--staged with a named valid case" bti-check -C "$r" --staged "$b"
git -C "$r" reset -q
expect 0 "--staged after unstaging" bti-check -C "$r" --staged
quiet "and nothing is printed"

# --- --rev: a commit, also in a bare clone ---------------------------------------------
sed -i 's/worry: 5/worry: 12/' "$r/$pa"
hand_commit "$r" "Hans Hand" hans@example.no "hand edit" -a
git -C "$r" show "HEAD~1:$pa" >"$r/$pa"     # the work tree is valid, the commit is not
expect 0 "the work tree is valid" bti-check -C "$r"
expect 1 "--rev HEAD: the commit is checked" bti-check -C "$r" --rev HEAD
like "$(out)" "^$pa:10:10: schema/range: " "the problem in the commit is reported"
expect 0 "--rev HEAD~1: the commit before is valid" bti-check -C "$r" --rev HEAD~1
quiet "and nothing is printed"
expect 0 "--rev with a commit id and a named valid case" bti-check -C "$r" --rev "$(git -C "$r" rev-parse HEAD)" "$b"
expect 1 "--rev with an unknown case" bti-check -C "$r" --rev HEAD 2026-ZZZZZZ
git -C "$r" checkout -q HEAD -- "$pa"
bare="$tmp/bare.git"
git clone -q --bare "$r" "$bare"
expect 1 "bare clone: --rev HEAD is checked" bti-check -C "$bare" --rev HEAD
like "$(out)" "^$pa:10:10: schema/range: " "bare clone: the same problem"
expect 1 "bare clone: --rev main" bti-check -C "$bare" --rev main
expect 0 "bare clone: --rev HEAD~1 passes" bti-check -C "$bare" --rev HEAD~1
quiet "and nothing is printed"
expect 0 "bare clone: a named valid case at HEAD" bti-check -C "$bare" --rev HEAD "$c"
expect 3 "bare clone: without --rev there is no work tree" bti-check -C "$bare"
like "$(err)" '^bti-check: .*repo: .*bare repository' "the error says the repository is bare"
expect 3 "bare clone: --staged has no index to check" bti-check -C "$bare" --staged
expect 3 "--rev with an unknown revision is a repository error" bti-check -C "$r" --rev no-such-branch
like "$(err)" "^bti-check: .*no-such-branch" "the error names the revision"
expect 3 "not a case repository" bti-check -C "$tmp"
mkdir "$tmp/plain" && git init -q "$tmp/plain"
expect 3 "a git repository without bti.yaml" bti-check -C "$tmp/plain"

# --- usage ---------------------------------------------------------------------------
expect 2 "--staged and --rev exclude each other" bti-check -C "$r" --staged --rev HEAD
expect 2 "--rev and --history exclude each other" bti-check -C "$r" --rev HEAD --history
expect 2 "--history takes no case ids" bti-check -C "$r" --history "$a"
expect 2 "an unknown option" bti-check -C "$r" --all
expect 2 "--rev without a revision" bti-check -C "$r" --rev
expect 0 "--help" bti-check --help
like "$(out)" '^usage: bti-check ' "--help prints the usage on stdout"

# --- --history: hand commits that skipped the rules ------------------------------------
# The four-level model has no 0 -> 2, so a hand edit can really skip a level.
h="$tmp/h"
newrepo "$h" --model four-level
expect 0 "--history: a history made only by bti commands" bti-check -C "$h" --history
quiet "and nothing is printed"
ha=$(open_case "$h" 2026-01-10 Ola)
hb=$(open_case "$h" 2026-01-10 Kari)
hc=$(open_case "$h" 2026-01-10 Per)
hd=$(open_case "$h" 2026-01-10 Pål)
qa="$(cpath $ha)" qb="$(cpath $hb)" qc="$(cpath $hc)" qd="$(cpath $hd)"
# Case a has all that cooperation needs, but stays at level 0.
bti-service -C "$h" --date 2026-01-11 "$ha" join PPT >/dev/null
bti-consent -C "$h" --date 2026-01-11 --from Mor --service PPT "$ha" given >/dev/null
bti-coordinator -C "$h" --date 2026-01-11 --name "Siv Stafett" --service Skole "$ha" >/dev/null
# Case b is at level 1 with PPT joined, but no consent.
bti-coordinator -C "$h" --date 2026-01-11 --name "Siv Stafett" --service Skole "$hb" >/dev/null
bti-level -C "$h" --date 2026-01-12 --reason "Tiltak i skolen" "$hb" 1 >/dev/null
bti-service -C "$h" --date 2026-01-13 "$hb" join PPT >/dev/null
bti-measure -C "$h" --date 2026-01-14 --what Samtaler --responsible Lærer --evaluate-by 2026-03-01 "$hc" >/dev/null
expect 0 "--history: still nothing to report" bti-check -C "$h" --history
quiet "and nothing is printed"

# 1. A valid hand edit is not reported.
sed -i 's/worry: 5/worry: 6/' "$h/$qc"
hand_commit "$h" "Vera Gyldig" vera@example.no "valid hand edit" -a
ok=$(git -C "$h" rev-parse HEAD)
# 2. Level 0 -> 2, skipping level 1.
addentry "$h/$qa" levels "- date: 2026-02-01
  level: 2
  reason: Hopper over nivå 1
  by: Hans Hand"
hand_commit "$h" "Hans Hand" hans@example.no "skip a level" -a
c1=$(git -C "$h" rev-parse HEAD)
bti-goal -C "$h" --date 2026-02-02 --text "Per trives" "$hc" >/dev/null
# 3. Level 1 -> 2 without consent.
addentry "$h/$qb" levels "- date: 2026-02-01
  level: 2
  reason: Uten samtykke
  by: Grete Hand"
hand_commit "$h" "Grete Hand" grete@example.no "level 2 without consent" -a
c2=$(git -C "$h" rev-parse HEAD)
bti-goal -C "$h" --date 2026-02-03 --text "Per sover" "$hc" >/dev/null
# 4. A past measure's text rewritten.
sed -i 's/^  what: Samtaler$/  what: Noe helt annet/' "$h/$qc"
hand_commit "$h" "Ivar Hand" ivar@example.no "rewrite a measure" -a
c3=$(git -C "$h" rev-parse HEAD)
bti-measure -C "$h" --date 2026-02-04 --what Lekser --responsible Lærer --evaluate-by 2026-03-01 "$hc" >/dev/null
# 5. A case file deleted.
git -C "$h" rm -q "$qd"
hand_commit "$h" "Jon Hand" jon@example.no "delete a case"
c4=$(git -C "$h" rev-parse HEAD)
bti-goal -C "$h" --date 2026-02-05 --text "Per leser" "$hc" >/dev/null
is "$(git -C "$h" log --format=%an | grep -c Hand)" "4" "four hand commits that broke the rules"

expect 1 "--history: problems found" bti-check -C "$h" --history
is "$(err)" "" "--history: nothing on stderr"
outgolden check-history "each as COMMIT:FILE:LINE:COL: rule: message (commit by NAME <EMAIL>)"
is "$(out | wc -l | tr -d ' ')" "4" "--history: one line for each bad commit"
like "$(out)" "^$c1:$qa:[0-9]+:[0-9]+: level/transition: .*0 -> 2.*\\(commit by Hans Hand <hans@example\\.no>\\)\$" \
	"the skipped level: its commit, file, rule and author"
like "$(out)" "^$c2:$qb:[0-9]+:[0-9]+: consent/missing: .*\\(commit by Grete Hand <grete@example\\.no>\\)\$" \
	"level 2 without consent: its commit, file, rule and author"
like "$(out)" "^$c3:$qc:[0-9]+:[0-9]+: history/rewrite: measures\\[0\\]: .*\\(commit by Ivar Hand <ivar@example\\.no>\\)\$" \
	"the rewritten measure: its commit, file, rule and author"
like "$(out)" "^$c4:$qd: history/deleted: .*\\(commit by Jon Hand <jon@example\\.no>\\)\$" \
	"the deleted case: its commit, file, rule and author"
is "$(out | cut -c1-40 | sort -u)" "$(printf '%s\n' "$c1" "$c2" "$c3" "$c4" | sort)" \
	"only the four bad hand commits are reported"
bticommits=$(git -C "$h" log --format='%H %an' | grep -v Hand | cut -d' ' -f1)
is "$(for x in $bticommits; do out | grep -c "^$x"; done | sort -u)" "0" "no commit made by a bti command is reported"
unlike "$(out)" "$ok|Vera" "the valid hand edit is not reported"
unlike "$(out)" 'Kari Lærer|Admin Adminsen' "no bti author is named"
hbare="$tmp/h.git"
git clone -q --bare "$h" "$hbare"
cp "$tmp/out" "$tmp/history"
expect 1 "--history in a bare clone" bti-check -C "$hbare" --history
is "$(out)" "$(cat "$tmp/history")" "--history in a bare clone: the same report"
expect 1 "the current files: the skipped level and the missing consent" bti-check -C "$h"
is "$(out | cut -d: -f1 | sort | tr '\n' ' ')" "$(printf '%s\n' "$qa" "$qb" | sort | tr '\n' ' ')" \
	"the rewrite and the deletion are only visible in the history"

done_testing
