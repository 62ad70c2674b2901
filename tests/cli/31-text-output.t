#!/bin/sh
# Issue #12.15: no raw control character from input reaches a message, a
# Markdown or HTML page, or a TSV/CSV/JSON line; text with bidi override,
# isolate or mark characters is shown escaped (\n, \x1b, \u202e).
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r" --municipality Tromsø
rlo=$(printf '\342\200\256')    # U+202E RIGHT-TO-LEFT OVERRIDE
id=$(bti-new -C "$r" --date 2026-01-10 --name "Ola ${rlo}nnamdroN" --born 2015-06-02 \
	--service "Skole ${rlo}1" --concern "Bekymring" --worry 5)
path=$(cpath "$id")

# raw FILE: the number of lines holding a raw C0 control (but tab), DEL, a C1
# control, U+2028/U+2029 or a bidi formatting character.
raw() {
	perl -CSD -ne 'chomp; $n++ if /[\x00-\x08\x0A-\x1F\x7F-\x9F\x{2028}\x{2029}\x{061C}\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]/; END { print $n + 0, "\n" }' "$1"
}

# --- bidi characters are allowed in names, and shown escaped -----------------
expect 0 "a name and a service with U+202E are accepted" bti-check -C "$r"
expect 0 "bti-report: the case summary" bti-report -C "$r" "$id"
like "$(out)" '^- \*\*Barn/ungdom:\*\* Ola \\u202ennamdroN, 11 år$' "Markdown: the name shows \\u202e"
like "$(out)" '^- \*\*Tjeneste:\*\* Skole \\u202e1$' "Markdown: the service shows \\u202e"
is "$(raw "$tmp/out")" 0 "Markdown: no raw bidi character"
expect 0 "bti-report --html: the case summary" bti-report -C "$r" --html "$id"
like "$(out)" '<li><strong>Barn/ungdom:</strong> Ola \\u202ennamdroN, 11 år</li>' "HTML: the name shows \\u202e"
is "$(raw "$tmp/out")" 0 "HTML: no raw bidi character"
for f in csv tsv json; do
	expect 0 "bti-report --format $f" bti-report -C "$r" --year 2026 --format $f
	like "$(out)" 'Skole \\u202e1' "$f: the service row shows \\u202e"
	is "$(raw "$tmp/out")" 0 "$f: no raw bidi character"
done
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/out" 2>/dev/null
is "$?" 0 "json: still valid JSON"
expect 0 "bti-report --year: Markdown" bti-report -C "$r" --year 2026
like "$(out)" '^- Skole \\u202e1: <5$' "statistics Markdown: the service row shows \\u202e"
is "$(raw "$tmp/out")" 0 "statistics Markdown: no raw bidi character"
bti-measure -C "$r" --date 2026-01-10 --what "$(printf 'Lese\tkurs\nhver dag')" \
	--responsible "Lærer ${rlo}x" --evaluate-by 2026-02-01 "$id" >/dev/null
expect 0 "bti-evaluate --due" bti-evaluate -C "$r" --due
tab=$(printf '\t')
is "$(out)" "2026-02-01$tab$id${tab}m1${tab}overdue${tab}Lærer \\u202ex${tab}Lese kurs hver dag" \
	"--due: bidi escaped, tab and line break of free text as spaces"

# --- messages ----------------------------------------------------------------
expect 1 "bti-check: an argument with ESC" bti-check -C "$r" "$(printf '2026-\033[2J')"
is "$(err)" "bti-check: '2026-\\x1b[2J' is not a case id or a path under cases/" \
	"the argument is shown escaped"
expect 1 "bti-report: a case id with U+202E" bti-report -C "$r" "2026-${rlo}ABCDEF"
golden text-report-bidi "the message shows \\u202e"
expect 2 "a date with BEL" bti-level -C "$r" --date "$(printf '2026-01-1\a')" --reason R "$id" 1
is "$(raw "$tmp/err")" 0 "the usage message has no raw control character"

# --- a hand-edited case with ESC in a value -----------------------------------
good=$(cat "$r/$path")
printf '%s\n' "$good" | sed -e 's/^service: .*/service: "Sko\\e[31mle"/' \
	-e 's/^  reason: case opened/  reason: case opened\n  cause: "moved\\e]0;x\\a"/' >"$r/$path"
expect 1 "bti-check: a case with ESC in two values is refused" bti-check -C "$r"
sed -E 's/[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6}/ID/g; s#/[0-9A-Z]/ID#/X/ID#' "$tmp/out" >"$tmp/err"
golden text-check-esc "bti-check shows each ESC and BEL escaped, in its own and the schema's words"
is "$(raw "$tmp/out")" 0 "bti-check: no raw control character"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit"
expect 1 "bti-report refuses the case" bti-report -C "$r" "$id"
is "$(raw "$tmp/err")" 0 "bti-report: the errors hold no raw control character"
like "$(err)" 'service: holds a control character \(\\x1b\)' "bti-report: ESC shown escaped"

git -C "$r" -c user.name="$(printf 'Evil\033[8m')" -c user.email="$(printf 'e@x\342\200\256')" \
	commit --no-verify -q --allow-empty -m "hand edit by a strange author"
git -C "$r" rm -q "$path"
git -C "$r" -c user.name="$(printf 'Evil\033[8m')" -c user.email="$(printf 'e@x\342\200\256')" \
	commit --no-verify -qm "deleted by hand"
expect 1 "bti-check --history: a deletion by an author with ESC and U+202E" bti-check -C "$r" --history
like "$(out)" 'history/deleted: a case file was deleted \(commit by Evil\\x1b\[8m <e@x\\u202e>\)$' \
	"--history shows the author's name and e-mail escaped"
is "$(raw "$tmp/out")" 0 "--history: no raw control or bidi character"
git -C "$r" reset -q --hard HEAD~1

# --- a level name from the repository's model, edited by hand ----------------
printf '%s\n' "$good" >"$r/$path"
sed -i 's/name: {nb: "Undring og bekymring"/name: {nb: "Undring\\e[31m og \\u2066bekymring"/' "$r/models/three-level.yaml"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit: the model"
expect 0 "the case summary with ESC and U+2066 in the model's level name" bti-report -C "$r" "$id"
like "$(out)" '^- \*\*Nivå:\*\* 0 – Undring\\x1b\\\[31m og \\u2066bekymring siden' \
	"Markdown: the level name is escaped"
is "$(raw "$tmp/out")" 0 "Markdown: no raw control character"
expect 0 "the same as HTML" bti-report -C "$r" --html "$id"
like "$(out)" 'Undring\\x1b\[31m og \\u2066bekymring' "HTML: the level name is escaped"
is "$(raw "$tmp/out")" 0 "HTML: no raw control character"

# --- the municipality from bti.yaml in the statistics --------------------------
sed -i 's/^municipality: .*/municipality: "Troms\\e[5mø \\u202e"/' "$r/bti.yaml"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit: bti.yaml"
expect 0 "statistics with ESC and U+202E in the municipality" bti-report -C "$r" --year 2026
like "$(out)" '^# BTI-statistikk – Troms\\x1b\\\[5mø \\u202e$' "Markdown: the heading shows \\x1b and \\u202e"
is "$(raw "$tmp/out")" 0 "Markdown: no raw control character"
expect 0 "the same as HTML" bti-report -C "$r" --year 2026 --html
is "$(sed -n '/<h1>/p' "$tmp/out")" '<h1>BTI-statistikk – Troms\x1b[5mø \u202e</h1>' "HTML: the heading shows them escaped"
is "$(raw "$tmp/out")" 0 "HTML: no raw control character"

done_testing
