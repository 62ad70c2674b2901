#!/bin/sh
# Every example of README.md and of the EXAMPLES sections of the man pages
# (docs/*.1, *.5, *.7, found by glob) runs against a copy of a test
# repository and exits as it shows (0 unless an "echo $?" says otherwise),
# printing something where it shows output, and the rule of every error or
# warning it shows. An example that cannot run is marked "example: skip" in
# its source (tests/cli/examples.py extracts them; docs/design.md,
# "Examples in the docs are run").
. "$(dirname "$0")/lib.sh"

ex="$tmp/ex"
mkdir -p "$ex"
if top="$top" python3 "$top/tests/cli/examples.py" "$ex" "$top/README.md" \
	"$top"/docs/*.[157]; then
	pass "the examples are extracted"
else
	fail "the examples are extracted"
fi

# Every man page with an EXAMPLES section gives at least one example, so a
# change in the markup cannot make the extraction find nothing.
missing=""
for page in "$top"/docs/*.[157]; do
	grep -q '^\.Sh EXAMPLES' "$page" || continue
	grep -q "	docs/$(basename "$page"):" "$ex/index" || missing="$missing $(basename "$page")"
done
is "$missing" "" "every EXAMPLES section has its examples extracted"
like "$(cut -f3 "$ex/index" | sort | uniq -c | awk '$2 == "run" {print $1}')" \
	'^([4-9][0-9]|[1-9][0-9][0-9]+)$' "at least 40 examples are run"

# The fixture: a three-level repository whose cases are in the states the
# examples name ("example: case STATE"); $id is the case of that state:
#   new     level 0; Ola Nordmann, guardians Mor and Far Nordmann (default)
#   level1  level 1; PPT takes part, consent c1, coordinator Kari Lærer
#   level2  level 2; goals g1 and g2, measures m1 (due 2026-04-15) and m2
#           serving g2, a plan meeting
#   closed  closed at level 1
#   teen    Sara Berg, 16, guardians Mor and Far Berg
#   adult   Jon Lie, 19, no guardian
#   none    no case: an empty directory, not a case repository
# $fnr is the id number of another case's child, and the branch topic is
# one commit ahead of main. Today is late in 2026, after every date the
# examples record.
export BTI_TODAY=2026-09-15
fx="$tmp/fixture"
newrepo "$fx" --municipality Tromsø
export BTI_USER="Kari Lærer"
q() { (cd "$fx" && "$@") >/dev/null || echo "Bail out! fixture step failed: $*"; }
# opened BORN [bti-new options]: a new case of Ola Nordmann.
opened() {
	(cd "$fx" && bti-new --date 2026-01-12 --name "Ola Nordmann" --born "$@" \
		--service "Kvaløysletta skole" --concern "Trøtt i timene" --worry 5 \
		--guardian "Mor Nordmann" --guardian "Far Nordmann") ||
		echo "Bail out! fixture step failed: bti-new"
}
at1() {
	q bti-level --date 2026-01-19 --reason "Tiltak i egen tjeneste" "$1" 1
	q bti-service --date 2026-02-02 --contact "Per Rådgiver" "$1" join PPT
	q bti-consent --date 2026-02-02 --from "Mor Nordmann" --from "Far Nordmann" \
		--service PPT "$1" given
	q bti-coordinator --date 2026-02-02 --name "Kari Lærer" \
		--service "Kvaløysletta skole" "$1"
}
new=$(opened 2015-06-02)
level1=$(opened 2014-01-01)
at1 "$level1"
level2=$(opened 2013-01-01)
at1 "$level2"
q bti-level --date 2026-02-02 --reason "Behov for PPT" "$level2" 2
q bti-goal --date 2026-02-09 --text "Ola sover godt" "$level2"
q bti-goal --date 2026-02-09 --text "Ola trives" "$level2"
q bti-measure --date 2026-02-09 --what "Samtaler med helsesykepleier" \
	--responsible Helsesykepleier --evaluate-by 2026-04-15 --goal g1 "$level2"
q bti-measure --date 2026-02-09 --what "Leksehjelp" \
	--responsible Kontaktlærer --evaluate-by 2026-05-15 --goal g2 "$level2"
q bti-meeting --date 2026-02-09 --kind plan --participant "Mor Nordmann" \
	--participant "Kari Lærer" --child-present --minutes Samspill "$level2"
closed=$(opened 2012-01-01)
q bti-level --date 2026-01-19 --reason "Tiltak i egen tjeneste" "$closed" 1
q bti-level --date 2026-03-02 --reason "Mål nådd" --cause goal-reached "$closed" close
teen=$(cd "$fx" && bti-new --date 2026-02-01 --name "Sara Berg" --born 2010-03-01 \
	--service "Kvaløysletta skole" --concern c --worry 3 \
	--guardian "Mor Berg" --guardian "Far Berg")
adult=$(cd "$fx" && bti-new --date 2026-02-01 --name "Jon Lie" --born 2007-01-10 \
	--service NAV --concern c --worry 3)
q bti-new --date 2026-02-01 --name "Åse Sæther" --born 2015-06-02 \
	--service Helsestasjon --concern c --worry 3
fnr=04041650236
(cd "$fx" && printf '%s\n' "$fnr" | bti-new --date 2026-02-01 --name "Per Pål" \
	--fnr - --service Helsestasjon --concern c --worry 3) >/dev/null ||
	echo "Bail out! fixture step failed: bti-new --fnr"
export fnr
git -C "$fx" switch -q -c topic
q bti-level --date 2026-03-02 --reason "Tiltak i egen tjeneste" "$new" 1
git -C "$fx" switch -q main
none=none
mkdir "$tmp/none"
git -C "$fx" repack -adq

cat >"$ex/prelude" <<'EOF'
set -o pipefail
ex_check() {
	[ "$1" -eq "$2" ] && return
	{ printf 'exit %s, wanted %s:\n%s\n' "$1" "$2" "$3"; cat "$ex_out" "$ex_err"; } >&2
	exit 1
}
ex_prints() {
	[ -s "$ex_out" ] || [ -s "$ex_err" ] && return
	printf 'prints nothing:\n%s\n' "$1" >&2
	exit 1
}
ex_rule() {
	grep -qF -- "$1" "$ex_out" "$ex_err" && return
	{ printf 'does not print %s:\n%s\n' "$1" "$2"; cat "$ex_out" "$ex_err"; } >&2
	exit 1
}
EOF
# Each example runs in a copy of the fixture (or of the empty directory
# for "none"), four at a time, for at most a minute; the results are
# reported in order.
run_example() {
	cp -a "$3" "$ex/$1.d"
	(cd "$ex/$1.d" && id=$2 file=$(cpath "$2") ex_out="$ex/$1.out" \
		ex_err="$ex/$1.err" timeout 60 bash -c '. "$1"; . "$2"' sh "$ex/prelude" "$ex/$1.sh") \
		2>"$ex/$1.diag" </dev/null
	echo $? >"$ex/$1.rc"
}
jobs=0
while IFS='	' read -r nr where what arg; do
	[ "$what" = run ] || continue
	if grep -q '\bjq\b' "$ex/$nr.sh" && ! command -v jq >/dev/null; then
		continue
	elif [ "$arg" = none ]; then
		from="$tmp/none" id=
	else
		from=$fx
		eval "id=\${$arg:-}"
		[ -n "$id" ] || continue
	fi
	run_example "$nr" "$id" "$from" &
	jobs=$((jobs + 1))
	[ $((jobs % 4)) -ne 0 ] || wait
done <"$ex/index"
wait
while IFS='	' read -r nr where what arg; do
	if [ "$what" = skip ]; then
		pass "$where # skip $arg"
	elif grep -q '\bjq\b' "$ex/$nr.sh" && ! command -v jq >/dev/null; then
		pass "$where # skip needs jq"
	elif [ ! -f "$ex/$nr.rc" ]; then
		fail "$where: the fixture has a case in state $arg"
	elif [ "$(cat "$ex/$nr.rc")" = 0 ]; then
		pass "$where runs as it shows"
	else
		fail "$where runs as it shows"
		diag <"$ex/$nr.diag"
	fi
done <"$ex/index"

# The checks themselves: a page whose examples are wrong fails them.
mkdir -p "$tmp/bad/docs" "$tmp/bad/ex"
cat >"$tmp/bad/docs/bad.1" <<'EOF'
.Sh DESCRIPTION
.Bd -literal
$ false
.Ed
.Sh EXAMPLES
.Bd -literal -offset indent
$ false
$ echo $?
1
$ printf '%s\en' Troms\(/o
.Ed
.\" example: skip shown, not run
.Bd -literal
$ false
.Ed
.Bd -literal
$ false
.Ed
.Bd -literal
$ true
output
.Ed
.\" example: case level2
.Bd -literal
$ bti-check 2026-K7M4QX
cases/2026/K/2026-K7M4QX.yaml:10:10: schema/range: concern.worry: 11 is above the maximum
.Ed
.Bd -literal
$ for x in a; do
    echo "$x"
  done
a
.Ed
EOF
top="$tmp/bad" python3 "$top/tests/cli/examples.py" "$tmp/bad/ex" "$tmp/bad/docs/bad.1"
is "$(cut -f2-4 "$tmp/bad/ex/index" | tr '\t\n' ' /')" \
	"docs/bad.1:7 run new/docs/bad.1:14 skip shown, not run/docs/bad.1:17 run new/docs/bad.1:20 run new/docs/bad.1:25 run level2/docs/bad.1:29 run new/" \
	"only EXAMPLES are extracted, with their directives"
like "$(cat "$tmp/bad/ex/001.sh")" "^ex_check \\$\\? 1 'false'\$" "echo \$? gives the status wanted"
like "$(cat "$tmp/bad/ex/001.sh")" "^printf '%s\\\\n' Tromsø\$" "roff escapes are read"
like "$(cat "$tmp/bad/ex/005.sh")" '^bti-check \$\{id\}$' "a case id stands for the fixture's case"
ex="$tmp/bad/ex"
cp "$tmp/ex/prelude" "$ex/"
run_example 001 "$new" "$fx"
is "$(cat "$ex/001.rc")" 0 "an example that exits as shown passes"
run_example 003 "$new" "$fx"
like "$(cat "$ex/003.diag")" '^exit 1, wanted 0' "an example that fails is reported"
run_example 004 "$new" "$fx"
like "$(cat "$ex/004.diag")" '^prints nothing' "an example that shows output must print"
run_example 005 "$level2" "$fx"
like "$(cat "$ex/005.diag")" '^does not print schema/range' "an example must print the rule it shows"
run_example 006 "$new" "$fx"
is "$(cat "$ex/006.rc")" 0 "a loop over several lines is one command"

# What the pages say about the layout and a detached HEAD is what the
# commands do.
git -C "$fx" checkout -q --detach
expect 0 "bti-check on a detached HEAD exits 0" bti-check -C "$fx"
expect 0 "bti-check --rev HEAD on a detached HEAD exits 0" bti-check -C "$fx" --rev HEAD
unlike "$(awk '/^\.Sh /{s=($0 == ".Sh EXIT STATUS")} s' "$top/docs/bti-check.1")" detached \
	"bti-check(1) does not give a detached HEAD as an error"
unlike "$(grep -h '"description"' "$top/schema/case.schema.json")" 'cases/YYYY/ID' \
	"the schema's descriptions give the path with its letter directory"
expect 0 "the case's file is where the schema says" test -f "$fx/$(cpath "$new")"
done_testing
