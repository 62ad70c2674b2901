#!/bin/sh
# bti-report: the rows of issue 14 item 1 (reports by receiver, guardians
# told, concern kinds, worry, age bands, unique children, reopenings,
# durations, time at each level, services joining, coordinators, meetings
# with the child heard, measure outcomes), computed by hand from the
# definitions in bti-report(1) on tests/cli/fixture-report.sh's
# fixture_rows, in every format, with suppression.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

figures() {
	want=$(cat)
	got=$(awk -F '[\t,]' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out")
	is "$got" "$want" "$2"
}

r="$tmp/rows"
fixture_rows "$r"
expect 0 "--year 2026 --format tsv" bti-report -C "$r" --year 2026 --format tsv
# Reports dated 2026: P1 to barnevern 02-15 (told), P2 to politi 03-02
# about violence (not told).
figures reports_by_receiver "reports to child welfare and to the police, apart" <<'EOF2'
barnevern 1
politi 1
total 2
EOF2
figures reports_guardians_told "whether the guardians were told" <<'EOF2'
told 1
not-told 1
total 2
EOF2
# Opened in 2026: P6 (other), P3 (none), P2 (violence, neglect); P1 was
# opened in 2025 and its neglect is not counted.
figures concern_kinds "concern kinds of the cases opened, each kind named" <<'EOF2'
violence 1
sexual-abuse 0
neglect 1
illness 0
disability 0
behaviour 0
trafficking 0
other 1
no-kind 1
total 4
EOF2
# Worry: P6 5, P3 8, P2 4.
figures worry_score "the worry scores of the cases opened" <<'EOF2'
1 0
2 0
3 0
4 1
5 1
6 0
7 0
8 1
9 0
10 0
total 3
EOF2
# 4 5 8: median 5, lower half 4, upper half 8.
figures worry_quartiles "worry: quartiles and median" <<'EOF2'
q1 4
median 5
q3 8
EOF2
# Active in 2026: P1, P2, P3, P6. Age on 2026-12-31: P1 and P2 11, P3 10
# (born 2016-04-04, from the fnr), P6 23 (born 2003-12-31, 23 that day).
figures active_by_age "active cases by age band on the last day" <<'EOF2'
0-5 0
6-12 3
13-15 0
16-17 0
18-23 1
total 4
EOF2
# P1 and P2 are the same child (name and birth date): three children.
figures active_children "unique children: two cases of one child count once" <<'EOF2'
total 3
EOF2
figures reopenings "P3 reopened on 04-01" <<'EOF2'
total 1
EOF2
# Closings in 2026: P3 on 03-01 after 45 days (opened 01-15), P1 on 05-01
# after 181 days (opened 2025-11-01). Median (45 + 181) / 2 = 113.
figures case_duration_days "case duration of the cases closed: quartiles" <<'EOF2'
q1 45
median 113
q3 181
EOF2
# Stays that ended in 2026: level 0: P3 01-15..02-01 17, P6 01-05..02-05
# 31 (median 24); level 1: P1 2025-11-20..2026-01-10 51, P3 02-01..03-01 28
# (median 39); level 2: P1 01-10..05-01 111.
figures days_at_level "median days at each level" <<'EOF2'
0 24
1 39
2 111
EOF2
figures services_joined "services joining, by service" <<'EOF2'
BUP 1
PPT 1
total 2
EOF2
figures coordinators_by_service "coordinators appointed, by their service" <<'EOF2'
NAV 1
Skole 1
total 2
EOF2
figures meetings_child_heard "meetings: the child present, the child's view" <<'EOF2'
child-present 1
child-view 1
child-not-heard 0
total 2
EOF2
# Evaluations in 2026: P1 02-20 m1 continue, P3 04-20 m1 stop.
figures measure_outcomes "measure outcomes" <<'EOF2'
reached 0
continue 1
change 0
stop 1
total 2
EOF2

# The same figures in CSV and JSON.
expect 0 "--format csv" bti-report -C "$r" --year 2026 --format csv
figures reports_by_receiver "csv: reports by receiver" <<'EOF2'
barnevern 1
politi 1
total 2
EOF2
expect 0 "--format json" bti-report -C "$r" --year 2026 --format json
python3 -c 'import json, sys; json.load(sys.stdin)' <"$tmp/out" && pass "json: well-formed" ||
	fail "json: well-formed"
like "$(out)" '\{"table": "worry_quartiles", "rows": \[\{"row": "q1", "value": 4, "cases": 3\}, \{"row": "median", "value": 5, "cases": 3\}, \{"row": "q3", "value": 8, "cases": 3\}\]\}' \
	"json: quartiles with the number of cases"
like "$(out)" '\{"table": "active_children", "rows": \[\], "total": 3\}' "json: unique children"
like "$(out)" '\{"table": "days_at_level", "rows": \[\{"row": "0", "value": 24, "cases": 2\}' "json: days at a level"

# Markdown and HTML, in nb and en.
expect 0 "--format md" bti-report -C "$r" --year 2026
is "$(sed -n '/^## Meldinger etter mottaker$/,/^- \*\*Totalt/p' "$tmp/out")" "## Meldinger etter mottaker

- barnevernet: 1
- politiet: 1
- **Totalt: 2**" "md: reports by receiver in words"
is "$(sed -n '/^## Median antall dager på et nivå$/,/^- Nivå 2/p' "$tmp/out")" "## Median antall dager på et nivå

- Nivå 0: 24 (2 saker)
- Nivå 1: 39 (2 saker)
- Nivå 2: 111 (1 saker)" "md: days at a level"
like "$(out)" '^- nedre kvartil: 45 \(2 saker\)$' "md: a quartile with its number of cases"
like "$(out)" '^- barnets syn skrevet ned: 1$' "md: the child's view"
expect 0 "--lang en" bti-report -C "$r" --year 2026 --lang en
like "$(out)" '^## Reports by receiver$' "en: heading"
like "$(out)" '^- the police: 1$' "en: the police"
like "$(out)" '^## Children and young people with active cases$' "en: unique children"
like "$(out)" '^- 18-23 years: 1$' "en: age band"
expect 0 "--lang nn" bti-report -C "$r" --year 2026 --lang nn
like "$(out)" '^## Meldingar etter mottakar$' "nn: heading"
like "$(out)" '^- føresette ikkje informerte: 1$' "nn: guardians not told"
expect 0 "--html" bti-report -C "$r" --year 2026 --html
like "$(out)" '<h2>Gjenåpnede saker</h2>' "html: a new table's heading"
unlike "$(out)" 'Per Pil|Jonas|04041650236|Ola Ung' "html: no child's name or fnr"

# --bands ssb: 0-5, 6-12, 13-17, 18-22, 23.
expect 0 "--bands ssb" bti-report -C "$r" --year 2026 --bands ssb --format tsv
figures active_by_age "ssb bands: the 23-year-old in the band 23" <<'EOF2'
0-5 0
6-12 3
13-17 0
18-22 0
23 1
total 4
EOF2
# Opened in 2026: P6 22 on 2026-01-05, P3 9, P2 10.
figures opened_by_age "ssb bands for the cases opened too" <<'EOF2'
0-5 0
6-12 2
13-17 0
18-22 1
23 0
total 3
EOF2
expect 2 "--bands with an unknown set" bti-report -C "$r" --year 2026 --bands kostra
golden report-bands "--bands: the usage error names the sets"

# --tables: only the tables named, in their own order; a name that is no
# table is a usage error.
expect 0 "--tables" bti-report -C "$r" --year 2026 --tables reopenings,opened,closed_by_level_and_cause --format tsv
is "$(cut -f1 "$tmp/out" | uniq | tr '\n' ' ')" "table opened reopenings closed_by_level_and_cause " \
	"tsv: the tables named, in the report's order"
expect 0 "--tables, a cross-table alone as JSON" bti-report -C "$r" --year 2026 --tables closed_by_level_and_cause --format json
python3 -c 'import json, sys; d = json.load(sys.stdin); assert [t["table"] for t in d["tables"]] == ["closed_by_level_and_cause"]' \
	<"$tmp/out" && pass "json: well-formed, the one table" || fail "json: well-formed, the one table"
expect 0 "--tables with --years, Markdown" bti-report -C "$r" --years 2025-2026 --tables reopenings
is "$(grep -c '^## ' "$tmp/out")" 1 "md: one table"
expect 2 "--tables with an unknown name" bti-report -C "$r" --year 2026 --tables opened,reopened
golden report-tables "--tables: the usage error names what is not a table"

# Several repositories: the same child in both counts once.
r2="$tmp/rows2"
newrepo "$r2"
suppress_below "$r2" 1
fxnew P4 bti-new -C "$r2" --date 2026-02-01 --name "Jonas J." --fnr 04041650236 \
	--service Skole --concern "Vekt" --worry 2 --guardian Far
expect 0 "two repositories" bti-report --year 2026 --format tsv "$r" "$r2"
figures active_children "two repositories: P3 and P4 have one fnr, one child" <<'EOF2'
total 3
EOF2
is "$(awk -F '\t' '$1 == "active_by_highest_level" && $2 == "total" { print $3 }' "$tmp/out")" 5 \
	"two repositories: five cases"
# Beside the total, each repository: opened 3 (P6, P3, P2) and 1 (P4).
byrepo() { awk -F '\t' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out" | sed "s#$r2#R2#g; s#$r#R1#g"; }
is "$(byrepo opened_by_repository)" "count|R1 3
count|R2 1
count|total 4
total|R1 3
total|R2 1
total|total 4" "by repository: the cases opened in each and in all"
is "$(byrepo opened_by_service_by_repository | grep '^Skole')" "Skole|R1 1
Skole|R2 1
Skole|total 2" "by repository: a service in both"
# A repository with a unit (bti-init --unit) is named by it (#13.5).
r3="$tmp/rows3"
newrepo "$r3" --unit "Helsestasjonen"
suppress_below "$r3" 1
fxnew P5 bti-new -C "$r3" --date 2026-02-01 --name "Ida I." --born 2014-01-01 \
	--service Helsestasjon --concern "Vekt" --worry 2 --guardian Far
expect 0 "two repositories, one with a unit" bti-report --year 2026 --format tsv "$r2" "$r3"
is "$(byrepo opened_by_repository)" "count|R2 1
count|Helsestasjonen 1
count|total 2
total|R2 1
total|Helsestasjonen 1
total|total 2" "by repository: the unit's name, else the path"
expect 0 "two repositories, Markdown" bti-report --year 2026 "$r" "$r2"
like "$(out)" '^## Nye saker etter tjeneste – etter saksregister$' "md: a table by repository"

# Meetings at the levels of cooperation (three-level: level 2, 2 a year):
# P1 at 2 from 01-10 to its closing 05-01, 111 days, asks for 2 x 111 / 365,
# one meeting; it had two. No other case was at 2.
expect 0 "--year 2026 again" bti-report -C "$r" --year 2026 --format tsv
figures meetings_at_cooperation_levels "meetings as the model asks, at level 2" <<'EOF2'
enough 1
too-few 0
total 1
EOF2
# P1's meetings at level 2: 02-01 the child present, 03-01 the child's view.
figures cooperation_child_heard "at level 2, the child heard in a meeting" <<'EOF2'
heard 1
meetings-not-heard 0
no-meeting 0
total 1
EOF2
# P1's PPT joined with a consent given the same day.
figures cooperation_consents "at level 2 with a consent in force" <<'EOF2'
consent-in-force 1
without-consent 0
total 1
EOF2
# Decisions within the model's deadline: three-level sets none, so nothing
# is counted; a four-level model of our own gives 3 days.
expect 0 "three-level: --year 2026" bti-report -C "$r" --year 2026 --format tsv
figures decisions_within_deadline "three-level: no deadline, nothing counted" <<'EOF2'
on-time 0
late 0
overdue 0
waiting 0
total 0
EOF2
r4="$tmp/four"
# The generic four-level model with a deadline of three days (as Jevnaker).
sed 's/^name: four-level$/name: four-level-3d\ndecision_days: 3/' "$top/schema/models/four-level.yaml" >"$tmp/four-level-3d.yaml"
newrepo "$r4" --model "$tmp/four-level-3d.yaml"
suppress_below "$r4" 1
for q in Q1 Q2 Q3; do
	fxnew $q bti-new -C "$r4" --date 2026-06-01 --name "Barn $q" --born 2015-01-01 --service Skole \
		--concern Uro --worry 3 --guardian Mor
done
fxnew Q4 bti-new -C "$r4" --date 2026-06-14 --name "Barn Q4" --born 2015-01-01 --service Skole \
	--concern Uro --worry 3 --guardian Mor
fx bti-coordinator -C "$r4" --date 2026-06-03 --name "Sara Stafett" --service Skole "$Q1"
fx bti-level -C "$r4" --date 2026-06-03 --reason Tiltak "$Q1" 1
fx bti-coordinator -C "$r4" --date 2026-06-10 --name "Sara Stafett" --service Skole "$Q2"
fx bti-level -C "$r4" --date 2026-06-10 --reason Tiltak "$Q2" 1
expect 0 "four-level: --year 2026" bti-report -C "$r4" --year 2026 --format tsv
# Due 06-04: Q1 decided 06-03 (on time), Q2 06-10 (late), Q3 not at all and
# the day has passed (today 06-15); Q4 opened 06-14 is due 06-17.
figures decisions_within_deadline "four-level: decisions against 3 days" <<'EOF2'
on-time 1
late 1
overdue 1
waiting 1
total 4
EOF2
bti-report -C "$r4" --year 2026 --format tsv >"$tmp/c.tsv"
python3 "$top/tests/bench/stats.py" "$r4" 2026 >"$tmp/py.tsv" 2>&1
is "$(diff "$tmp/c.tsv" "$tmp/py.tsv")" "" "stats.py agrees on a four-level repository"

# tests/bench/stats.py, written from the man page apart from the C code,
# gives the same figures, every table and cross-table.
for y in 2025 2026; do
	for b in default ssb; do
		bti-report -C "$r" --year $y --bands $b --format tsv >"$tmp/c.tsv"
		python3 "$top/tests/bench/stats.py" "$r" $y --bands=$b >"$tmp/py.tsv" 2>&1
		is "$(diff "$tmp/c.tsv" "$tmp/py.tsv")" "" "stats.py agrees: $y, $b bands"
	done
done

# Suppression (the default threshold, 5): every new count of 1 to 4 is
# hidden, and a quartile over fewer than 5 values.
suppress_below "$r" 5
expect 0 "suppress_below 5" bti-report -C "$r" --year 2026 --format tsv
figures reports_by_receiver "suppressed: reports" <<'EOF2'
barnevern :
politi :
total :
EOF2
figures worry_quartiles "suppressed: quartiles over 3 cases" <<'EOF2'
q1 :
median :
q3 :
EOF2
figures active_children "suppressed: children" <<'EOF2'
total :
EOF2
expect 0 "suppress_below 5, Markdown" bti-report -C "$r" --year 2026
like "$(out)" '^- median: <5 saker$' "md: a hidden quartile says <5 cases"
like "$(out)" '^- vold: <5$' "md: a hidden kind"
bti-report -C "$r" --year 2026 --format tsv >"$tmp/c.tsv"
python3 "$top/tests/bench/stats.py" "$r" 2026 >"$tmp/py.tsv" 2>&1
is "$(diff "$tmp/c.tsv" "$tmp/py.tsv")" "" "stats.py agrees on the suppression"
done_testing
