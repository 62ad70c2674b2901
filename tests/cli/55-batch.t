#!/bin/sh
# bti-batch: changes from standard input, one commit each, the same rules
# and results as the commands one by one; quoting; refusals in the middle;
# --stop-on-error; the index written once; SIGTERM.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
open_case() {
	bti-new -C "$1" --date 2026-01-10 --name "Ola" --born 2015-06-02 \
		--service Skole --concern Bekymring --worry 5 --guardian Mor
}
a=$(open_case "$r") b=$(open_case "$r" 2>/dev/null)
fa="$r/$(cpath "$a")"
c0=$(commits "$r")

# --- quoting ----------------------------------------------------------------------------
cat >"$tmp/quoting" <<EOF
# a comment, then a blank line: no result lines

goal $a --date 2026-01-11 --text "Ola sier \"hei\" og \\\\ og \\\$HOME"
goal $a --date 2026-01-11 --text 'enkle "sitat" \$x \\n'
goal $a --date 2026-01-11 --text \$'to\\nlinjer\\tog tab'
goal $a --date 2026-01-11 --text Ola\\ leser  # a comment after the words
bti-goal   $a	--date 2026-01-11 --text  Mor" og "'far'
goal $a --date 2026-01-11 --text ""
EOF
cd "$r" || exit 1
expect 1 "quoting: the last line (an empty text) is refused, the rest done" sh -c 'bti-batch <"$1"' sh "$tmp/quoting"
is "$(out | sed 's/^\(error [0-9]*: [^:]*\):.*/\1/' | tr '\n' ' ')" "g1 g2 g3 g4 g5 error 8: schema/empty " \
	"one result line per line with words, numbered by input line, the error with its rule"
is "$(yq "$fa" '"|".join(g["text"] for g in d["goals"])')" \
	"$(printf 'Ola sier "hei" og \\ og $HOME|enkle "sitat" $x \\n|to\nlinjer\tog tab|Ola leser|Mor og far')" \
	"double, single and \$'...' quotes, backslashes, as sh reads them"
cd "$top" || exit 1
is "$(git -C "$r" status --porcelain)" "" "the work tree and the index match HEAD"
is "$(commits "$r")" "$((c0 + 5))" "one commit per change, none for the refusal"

bad() {
	printf '%s\n' "$1" >"$tmp/bad"
	unchanged 1 "$2" "$r" sh -c 'bti-batch -C "$1" <"$2"' sh "$r" "$tmp/bad"
	like "$(out)" "^error 1: $3" "$2: the result line says why"
}
bad "goal $a --text 'not closed" "an unterminated quote" "usage: a single quote .'. is not closed on the line"
bad "goal $a --text \"not closed" "an unterminated double quote" "usage: a double quote"
bad "goal $a --text x\\" "a backslash at the end" "usage: a backslash at the end of the line"
bad "levle $a 1 --reason x" "an unknown command" "usage: 'levle' is not a command a batch runs \\(new, level,"
bad "level $a --reason x" "a usage error of the command" "usage: give a case id and a level"
bad "level $a 1 --no-such" "an unknown option" "usage: an unknown option"
bad "level $a 1 --reason x -C /" "-C on a line" "usage: -C goes to bti-batch, not on a line"
bad "level $a --help" "--help on a line" "usage: --help and --version are not for a batch line"
bad "new --fnr - --name Ola --service Skole --concern x --worry 3" "new --fnr - (standard input is the lines)" \
	"usage: --fnr -: nothing on standard input"
bad "level 2026-ZZZZZZ 1 --reason x" "an unknown case" "case/unknown: no case 2026-ZZZZZZ"
expect 2 "an argument to bti-batch is a usage error" bti-batch -C "$r" level
expect 2 "a malformed --date of bti-batch is a usage error" bti-batch -C "$r" --date 2026-13-01

# --- refusals in the middle, --stop-on-error ----------------------------------------------
cat >"$tmp/lines" <<EOF
level $a 1 --date 2026-02-01 --reason "Tiltak"
level $b 1 --date 2026-02-01 --reason "Tiltak"
level $a 2 --date 2026-02-02 --reason "Samarbeid"
measure $a --date 2026-02-03 --what Samtaler --responsible Lærer --evaluate-by 2026-04-01
level $b close --date 2026-02-04 --cause goal-reached --reason "Mål nådd"
EOF
for c in c1 c2 c3 c4 c5; do git clone -q "$r" "$tmp/$c" || echo "Bail out! clone"; done
c0=$(commits "$r")
expect 1 "a refusal in the middle: exit 1" sh -c 'bti-batch -C "$1" <"$2"' sh "$tmp/c1" "$tmp/lines"
is "$(out | sed 's/^[0-9a-f]\{40\}$/COMMIT/; s/^\(error [0-9]*\): .*/\1/' | tr '\n' ' ')" \
	"COMMIT COMMIT error 3 m1 COMMIT " "the refused line has its error, the lines after it are done"
like "$(out)" "error 3: (level|coordinator)/[a-z]+: levels\[2\]: level 2 " "the error names the rule and the entry"
like "$(err)" "bti-level: cases/.*: level/services: " "the command's own messages on standard error"
is "$(commits "$tmp/c1")" "$((c0 + 4))" "four commits, none for the refused line"
out | sed -n '1p;2p;5p' >"$tmp/printed"
is "$(git -C "$tmp/c1" log --format=%H -4 | grep -c -F -f "$tmp/printed")" "3" "the printed commit ids are the commits made"
is "$(git -C "$tmp/c1" status --porcelain)" "" "status clean after the batch"
expect 0 "bti-check is silent after the batch" bti-check -C "$tmp/c1"

# The same lines as separate commands: the same files and the same commits.
while IFS= read -r line; do
	eval "set -- $line"
	c=$1
	shift
	"bti-$c" -C "$tmp/c2" "$@" >/dev/null 2>&1
done <"$tmp/lines"
is "$(git -C "$tmp/c2" rev-parse 'HEAD^{tree}')" "$(git -C "$tmp/c1" rev-parse 'HEAD^{tree}')" \
	"the same tree as the commands one by one"
is "$(git -C "$tmp/c2" log --format='%s%n%b%an <%ae>')" "$(git -C "$tmp/c1" log --format='%s%n%b%an <%ae>')" \
	"the same commits: messages, trailers and authors, in the same order"
is "$(cd "$tmp/c2" && find cases -type f | sort | xargs sha1sum)" "$(cd "$tmp/c1" && find cases -type f | sort | xargs sha1sum)" \
	"the same work-tree files"

expect 1 "--stop-on-error stops at the refused line" sh -c 'bti-batch --stop-on-error -C "$1" <"$2"' sh "$tmp/c3" "$tmp/lines"
is "$(out | sed 's/^[0-9a-f]\{40\}$/COMMIT/' | sed 's/:.*//' | tr '\n' ' ')" "COMMIT COMMIT error 3 " \
	"the lines before it are done, no line after it is run"
is "$(commits "$tmp/c3")" "$((c0 + 2))" "two commits"
is "$(git -C "$tmp/c3" status --porcelain)" "" "status clean"

# --- the index is written once, at the end ------------------------------------------------
# A kill at the second index write would stop a batch that wrote it per change.
printf 'goal %s --date 2026-01-20 --text "Mål %s"\n' "$a" 1 "$a" 2 "$b" 3 >"$tmp/three"
BTI_CRASH_AT=index BTI_CRASH_COUNT=2 expect 0 "three changes write the index once" \
	sh -c 'bti-batch -C "$1" <"$2"' sh "$tmp/c4" "$tmp/three"
is "$(commits "$tmp/c4")" "$((c0 + 3))" "three commits"
is "$(git -C "$tmp/c4" status --porcelain)" "" "status clean"

# --- --by and --date for every line, a line's own win ------------------------------------
printf 'goal %s --text A\ngoal %s --text B --by "Per Pedersen" --date 2026-03-02\n' "$a" "$a" >"$tmp/by"
expect 0 "--by and --date of bti-batch" sh -c 'bti-batch -C "$1" --by "Lise Lund" --date 2026-03-01 <"$2"' \
	sh "$tmp/c4" "$tmp/by"
is "$(git -C "$tmp/c4" log -2 --format=%an | tr '\n' ,)" "Per Pedersen,Lise Lund," "a line's --by wins"
is "$(yq "$tmp/c4/$(cpath "$a")" '[str(g["date"]) for g in d["goals"]][-2:]')" "2026-03-01, 2026-03-02" \
	"a line's --date wins"

# --- bti-new after a change in the same batch sees the changed case -----------------------
printf 'goal %s --date 2026-03-05 --text Ny\nnew --if-new --date 2026-03-05 --name Ola --born 2015-06-02 --service Skole --concern x --worry 3\n' "$a" >"$tmp/ifnew"
expect 0 "new --if-new after a change to the child's case" sh -c 'bti-batch -C "$1" <"$2"' sh "$tmp/c4" "$tmp/ifnew"
like "$(out | tail -1)" "^($a|$b)$" "it finds the child's open cases (one the batch changed) and opens none"
is "$(git -C "$tmp/c4" log -1 --format=%s)" "bti-goal $a: goal g10" "no commit for the new line"
unlike "$(err)" "case/invalid" "every case was looked at"

# --- a bare repository ---------------------------------------------------------------------
git clone -q --bare "$r" "$tmp/bare.git" || echo "Bail out! clone"
printf 'goal %s --date 2026-01-20 --text Bar\n' "$a" >"$tmp/one"
expect 0 "a batch in a bare repository" sh -c 'bti-batch -C "$1" <"$2"' sh "$tmp/bare.git" "$tmp/one"
is "$(git -C "$tmp/bare.git" log -1 --format=%s)" "bti-goal $a: goal g6" "committed there"

# --- SIGTERM: the line being run is finished, the work tree and index written ---------------
mkfifo "$tmp/fifo"
bti-batch -C "$tmp/c5" <"$tmp/fifo" >"$tmp/sig.out" 2>"$tmp/sig.err" &
pid=$!
exec 3>"$tmp/fifo"
printf 'goal %s --date 2026-01-20 --text "Mål %s"\n' "$a" 1 "$b" 2 >&3
i=0
while [ "$(cat "$tmp/sig.out" 2>/dev/null | wc -l)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
wait $pid
src=$?
exec 3>&-
is "$src" "3" "stopped by SIGTERM: exit 3"
is "$(wc -l <"$tmp/sig.out" | tr -d ' ')" "2" "both lines sent were done"
like "$(cat "$tmp/sig.err")" "batch/interrupted: stopped by SIGTERM after line 2" "it says where it stopped"
is "$(commits "$tmp/c5")" "$((c0 + 2))" "two commits"
is "$(git -C "$tmp/c5" status --porcelain)" "" "the work tree and the index were written"
is "$(ls "$tmp/c5/.git" | grep -c -e journal -e 'lock$' -e 'bti-')" "1" "only bti.lock is left"

done_testing
