#!/bin/sh
# bti-report: the tables by service kind (issue 14), a case's service
# looked up in bti.yaml's register of services when the figures are
# counted; computed by hand on tests/cli/fixture-report.sh's fixture_rows
# (services Skole, NAV, Helsestasjon; PPT and BUP joining; coordinators
# from Skole and NAV), in every format, with suppression, and agreeing
# with tests/bench/stats.py.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

figures() {
	want=$(cat)
	got=$(awk -F '[\t,]' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out")
	is "$got" "$want" "$2"
}

r="$tmp/rows"
fixture_rows "$r"
# Without a register there are no kinds to count by: no such tables.
expect 0 "no register: --format tsv" bti-report -C "$r" --year 2026 --format tsv
unlike "$(out)" "service_kind|by_kind" "no register: no tables by service kind"
python3 "$top/tests/bench/stats.py" "$r" 2026 >"$tmp/py.tsv" 2>&1
is "$(diff "$tmp/out" "$tmp/py.tsv")" "" "stats.py agrees without a register"

# The register, made after the cases: Skole a school, NAV nav, PPT ppt,
# BUP an alias (other letter case) of a health service; Helsestasjon is
# not in it.
expect 0 "register: Skole" bti-config -C "$r" service Skole --kind school
expect 0 "register: NAV" bti-config -C "$r" service NAV --kind nav
expect 0 "register: PPT" bti-config -C "$r" service PPT --kind ppt
expect 0 "register: BUP as an alias" bti-config -C "$r" service "Psykisk helse barn" --kind health --alias bup
expect 0 "--year 2026 --format tsv" bti-report -C "$r" --year 2026 --format tsv
cp "$tmp/out" "$tmp/c.tsv"
# Opened in 2026: P6 at NAV (nav), P3 at Skole (school), P2 at
# Helsestasjon, not in the register (unknown).
figures opened_by_service_kind "cases opened by service kind" <<'EOF2'
nav 1
school 1
unknown 1
total 3
EOF2
# Joining in 2026: PPT (ppt) in P1, BUP (the alias bup: health) in P3.
figures services_joined_by_kind "services joining by kind, an alias its service's kind" <<'EOF2'
health 1
ppt 1
total 2
EOF2
# Coordinators appointed in 2026: from Skole in P1, from NAV in P6.
figures coordinators_by_service_kind "coordinators appointed by service kind" <<'EOF2'
nav 1
school 1
total 2
EOF2
# Ages at the opening: P6 22 (18-23), P3 9 and P2 10 (6-12).
figures opened_by_service_kind_and_age "cases opened by service kind and age band" <<'EOF2'
nav|0-5 0
nav|6-12 0
nav|13-15 0
nav|16-17 0
nav|18-23 1
nav|total 1
school|0-5 0
school|6-12 1
school|13-15 0
school|16-17 0
school|18-23 0
school|total 1
unknown|0-5 0
unknown|6-12 1
unknown|13-15 0
unknown|16-17 0
unknown|18-23 0
unknown|total 1
total|0-5 0
total|6-12 2
total|13-15 0
total|16-17 0
total|18-23 1
total|total 3
EOF2
# Highest level in 2026: P2 (unknown) 0, P3 (school) 1, P6 (nav) 1, P1
# (school) 2.
figures active_by_level_and_service_kind "active cases by highest level and service kind" <<'EOF2'
0|nav 0
0|school 0
0|unknown 1
0|total 1
1|nav 1
1|school 1
1|unknown 0
1|total 2
2|nav 0
2|school 1
2|unknown 0
2|total 1
total|nav 1
total|school 2
total|unknown 1
total|total 4
EOF2
python3 "$top/tests/bench/stats.py" "$r" 2026 >"$tmp/py.tsv" 2>&1
is "$(diff "$tmp/c.tsv" "$tmp/py.tsv")" "" "stats.py agrees with a register"

# Every format names the tables and the kinds.
expect 0 "--format md --lang en" bti-report -C "$r" --year 2026 --lang en
like "$(out)" "Cases opened by service kind" "md: the table by kind"
like "$(out)" "- not in the services register: 1" "md: an unregistered service's kind"
like "$(out)" "Active cases by highest level and service kind" "md: level by kind"
expect 0 "--format md --lang nn" bti-report -C "$r" --year 2026 --lang nn
like "$(out)" "Nye saker etter type teneste og alder" "nn: kind by age"
like "$(out)" "\| skule \| 0 \| 1 \|" "nn: the kind's word"
expect 0 "--html" bti-report -C "$r" --year 2026 --html --lang nb
like "$(out)" "<h2>Aktive saker etter høyeste nivå og type tjeneste</h2>" "html: level by kind"
like "$(out)" "ikke i tjenesteregisteret" "html: an unregistered service's kind"
expect 0 "--format json" bti-report -C "$r" --year 2026 --format json
like "$(out)" '"table": "opened_by_service_kind_and_age", "rows_are": "kind", "columns_are": "age"' "json: kind by age"
like "$(out)" '"services_joined_by_kind"' "json: services joining by kind"
expect 0 "--format csv" bti-report -C "$r" --year 2026 --format csv
like "$(out)" "^coordinators_by_service_kind,school,1$" "csv: coordinators by kind"

# Suppressed as their siblings by service: every kind row is 1, and the
# total of the cases opened is hidden in every table of it (opened_by_age
# hides 18-23 1, then 6-12 2 to protect it: all of the total).
suppress_below "$r" 2
expect 0 "suppress_below 2: --format tsv" bti-report -C "$r" --year 2026 --format tsv
figures opened_by_service "by service: each row hidden" <<'EOF2'
Helsestasjon :
NAV :
Skole :
total :
EOF2
figures opened_by_service_kind "by kind: each row hidden, as by service" <<'EOF2'
nav :
school :
unknown :
total :
EOF2
figures services_joined_by_kind "joining by kind: hidden" <<'EOF2'
health :
ppt :
total 2
EOF2
like "$(awk -F '\t' '$1 == "active_by_level_and_service_kind" && $2 == "1|nav"' "$tmp/out")" ":$" "level by kind: a cell of 1 hidden"
cp "$tmp/out" "$tmp/c.tsv"
python3 "$top/tests/bench/stats.py" "$r" 2026 >"$tmp/py.tsv" 2>&1
is "$(diff "$tmp/c.tsv" "$tmp/py.tsv")" "" "stats.py agrees on the suppression by kind"

# A case under a name the register does not know is counted as unknown,
# also when the register has no kind for it at all: bti-config remove-service.
expect 0 "remove NAV from the register" bti-config -C "$r" remove-service NAV
suppress_below "$r" 1
expect 0 "without NAV: --format tsv" bti-report -C "$r" --year 2026 --format tsv
figures coordinators_by_service_kind "a service taken out of the register: unknown" <<'EOF2'
school 1
unknown 1
total 2
EOF2
done_testing
