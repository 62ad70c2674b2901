#!/bin/sh
# docs/scripting.md: every script in it (the block after a
# "<!-- script: NAME -->" line) runs against a test repository and does
# what the text says, so the examples cannot drift from the commands.
. "$(dirname "$0")/lib.sh"

doc="$top/docs/scripting.md"
# script NAME: the script's text, from the fenced block after its marker.
script() {
	awk -v name="$1" '
		$0 == "<!-- script: " name " -->" { found = 1; next }
		found && /^```sh$/ { inside = 1; next }
		inside && /^```$/ { exit }
		inside { print }' "$doc"
}
for s in overdue import close-inactive level2 find; do
	if [ -n "$(script $s)" ]; then pass "scripting.md has the script $s"; else fail "scripting.md has the script $s"; fi
done
is "$(grep -c '^<!-- script: ' "$doc")" 5 "scripting.md has five scripts, each tested here"

# date -d 'N UNIT ago' counts from BTI_TODAY, as the commands do.
realdate=$(command -v date)
mkdir -p "$tmp/fake"
cat >"$tmp/fake/date" <<EOF2
#!/bin/sh
[ "\$1" = -d ] || exec "$realdate" "\$@"
exec "$realdate" -d "\$BTI_TODAY -\$(printf '%s' "\$2" | sed 's/ ago\$//')" "\$3"
EOF2
chmod +x "$tmp/fake/date"
PATH="$tmp/fake:$PATH"
is "$(date -d '12 months ago' +%F)" 2025-06-15 "the test's date counts from BTI_TODAY"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1
q() { "$@" >/dev/null || echo "Bail out! fixture step failed: $*"; }
# level2 CASE COORDINATOR SERVICE EVALUATE-BY: moves a level-0 case to 2.
level2() {
	q bti-level --date 2026-01-19 --reason r "$1" 1
	q bti-service --date 2026-02-02 "$1" join PPT
	q bti-consent --date 2026-02-02 --from Mor --service PPT "$1" given
	q bti-coordinator --date 2026-02-02 --name "$2" --service "$3" "$1"
	q bti-level --date 2026-02-02 --reason r "$1" 2
	q bti-goal --date 2026-02-09 --text g "$1"
	q bti-measure --date 2026-02-09 --what w --responsible H --evaluate-by "$4" --goal g1 "$1"
}
new() { bti-new --service "Kvaløysletta skole" --concern c --worry 3 --guardian Mor "$@"; }
a=$(new --date 2026-01-12 --name "Åse Nordmann" --born 2015-06-02)
level2 "$a" "Kari Lærer" "Kvaløysletta skole" 2026-04-15     # overdue
e=$(new --date 2026-01-12 --name "Eli Berg" --born 2014-01-01)
level2 "$e" "Kari Lærer" "Kvaløysletta skole" 2026-06-15     # due today
c=$(new --date 2026-01-12 --name "Per Pål" --fnr 04041650236)
level2 "$c" "Per Rådgiver" PPT 2026-09-01                    # not yet due
f=$(new --date 2026-01-12 --name "Fia Dahl" --born 2013-03-03)
q bti-level --date 2026-01-19 --reason r "$f" 1
q bti-goal --date 2026-02-09 --text g "$f"
q bti-measure --date 2026-02-09 --what w --responsible H --evaluate-by 2026-05-01 --goal g1 "$f"
b=$(new --date 2025-01-10 --name "Bo Lie" --born 2012-02-02)  # inactive since
q bti-level --date 2025-02-01 --reason r "$b" 1
x=$(new --date 2026-05-01 --name "Ny Sak" --born 2020-01-01)
sorted() { printf '%s\n' "$@" | sort | tr '\n' ' ' | sed 's/ $//'; }
T=$(printf '\t')

# run_script NAME [STDIN-FILE]: runs it with sh in the repository.
run_script() {
	script "$1" >"$tmp/$1.sh"
	expect 0 "script $1 runs" sh -e "$tmp/$1.sh" <"${2:-/dev/null}"
}

run_script overdue
is "$(out)" "$(printf '%s\n' "(none)${T}1${T}$f" "Kari Lærer${T}2${T}$(sorted "$a" "$e")")" \
	"overdue: per coordinator, the count and the cases"

printf '%s\n' "Ida Moe;2016-05-05;Tromsdalen skole;Sliten;4" \
	"Åse Nordmann;2015-06-02;Helsestasjon;Ny bekymring;6" \
	"Jon Vik;2017-07-07;Barnehage;Stille;3" >intake.csv
before=$(commits "$r")
run_script import
cp "$tmp/out" "$tmp/import1"
is "$(cut -f1 "$tmp/import1" | tr '\n' ' ')" "1 2 3 " "import: a line per row"
is "$(sed -n 2p "$tmp/import1" | cut -f2)" "$a" "import: a child with an open case keeps it"
is "$(commits "$r")" $((before + 2)) "import: two new cases, one commit each"
run_script import
cmp -s "$tmp/out" "$tmp/import1" && pass "import again: the same ids" || fail "import again: the same ids"
is "$(commits "$r")" $((before + 2)) "import again: no new case"
printf '%s\n' "Bad Date;2016-02-30;S;C;4" >intake.csv
run_script import
like "$(err)" "^line 1: not imported \(exit 2\)$" "import: a bad row is named by its line"
unlike "$(err)" "Bad Date" "import: never by the child's name"
rm intake.csv

run_script close-inactive
like "$(out)" "^[0-9a-f]{40}$" "close-inactive: one commit"
is "$(bti-list --closed --format ids)" "$b" "close-inactive: the inactive case is closed"
is "$(bti-list --open --inactive-since 2025-06-15 --format ids)" "" "close-inactive: none left"
is "$(bti-list --open --format ids | wc -l)" 7 "close-inactive: the others stay open"

run_script level2
is "$(out)" "$(printf '%s\n' "id${T}coordinator${T}coordinator_service" \
	"$(printf '%s\n' "$a${T}Kari Lærer${T}Kvaløysletta skole" "$e${T}Kari Lærer${T}Kvaløysletta skole" \
		"$c${T}Per Rådgiver${T}PPT" | sort)")" "level2: the cases with their coordinator"

echo 04041650236 >"$tmp/fnr"
run_script find "$tmp/fnr"
like "$(out | head -1)" "^# Sak $c$" "find: the child's case, shown"
unlike "$(out; err)" "04041650236" "find: the number is not printed"
echo 31129956715 >"$tmp/fnr"
run_script find "$tmp/fnr"
like "$(err)" "no open case for this number" "find: none found, said"
unlike "$(out; err)" "31129956715" "find: the number is not printed"

done_testing
