#!/bin/sh
# #12.10: a case that moves down (or closes) on the first day of the period
# held its level that day: active_by_highest_level counts it there.
# #12.11: a child born before 1970-01-01 has an age like any other, in the
# figures, the case summary and the consent rules (a day number below 0
# meant "unknown" before).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

# rows TABLE: the rows of TABLE in the last run's tsv output, "ROW VALUE" a
# line.
rows() { awk -F '\t' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out"; }

# P: at 2 since 2025-12-10, down to 1 on 2026-01-01.
# Q: at 2 since 2025-12-10, closed at 2 on 2026-01-01.
# V: at 2 since 2025-12-10, down to 1 on 2026-03-01, the first day of the
#    second period.
# R: at 0 since 2025-12-01, up to 1 on 2026-01-01.
r="$tmp/r"
newrepo "$r"
suppress_below "$r" 1
export BTI_USER="Kari Lærer"
for v in P Q V; do
	fxnew $v bti-new -C "$r" --date 2025-12-01 --name "Barn $v" --born 2020-12-20 \
		--service Barnehage --concern "Uro" --worry 4 --guardian Mor
	eval "id=\$$v"
	fx bti-service -C "$r" --date 2025-12-10 "$id" join Helsestasjon
	fx bti-consent -C "$r" --date 2025-12-10 --from Mor --service Helsestasjon "$id" given
	fx bti-coordinator -C "$r" --date 2025-12-10 --name "Anne Ansvarlig" --service Barnehage "$id"
	fx bti-level -C "$r" --date 2025-12-10 --reason "Tverrfaglig" "$id" 2
done
fxnew R bti-new -C "$r" --date 2025-12-01 --name "Barn R" --born 2020-12-20 \
	--service Barnehage --concern "Uro" --worry 4 --guardian Mor
fx bti-level -C "$r" --date 2026-01-01 --reason "Mindre behov" "$P" 1
fx bti-level -C "$r" --date 2026-01-01 --reason "Flyttet" --cause moved "$Q" close
fx bti-level -C "$r" --date 2026-01-01 --reason "Tiltak" "$R" 1
fx bti-level -C "$r" --date 2026-03-01 --reason "Mindre behov" "$V" 1

expect 0 "the figures of 2026" bti-report -C "$r" --year 2026 --format tsv
is "$(rows active_by_highest_level)" "$(printf '1 1\n2 3\ntotal 4')" \
	"P moved down and Q closed on 1 January, both at 2 that day; V at 2; R at 1"
is "$(rows level_moves)" "$(printf '0>1 1\n2>1 2\ntotal 3')" "the moves of the year"
is "$(rows closed_by_level)" "$(printf '2 1\ntotal 1')" "Q closed at 2"
is "$(rows open_at_end_by_level)" "$(printf '1 3\ntotal 3')" "P, V and R at 1 on 31 December"
expect 0 "the figures of March to June" bti-report -C "$r" --from 2026-03-01 --to 2026-06-30 --format tsv
is "$(rows active_by_highest_level)" "$(printf '1 2\n2 1\ntotal 3')" \
	"V moved down on 1 March, at 2 that day; P and R at 1"
is "$(rows level_moves)" "$(printf '2>1 1\ntotal 1')" "V's move"
expect 0 "the figures of 2025" bti-report -C "$r" --year 2025 --format tsv
is "$(rows active_by_highest_level)" "$(printf '0 1\n2 3\ntotal 4')" "moves on 1 January 2026 are not in 2025"

# S born 1965-05-05, opened 1985-03-01 (19); T born 1969-12-31 (day -1
# once), opened 1989-06-01 (19).
r2="$tmp/r2"
newrepo "$r2"
suppress_below "$r2" 1
fxnew S bti-new -C "$r2" --date 1985-03-01 --name "Siri Sand" --born 1965-05-05 --service NAV \
	--concern "Faller ut" --worry 5
fxnew T bti-new -C "$r2" --date 1989-06-01 --name "Tor Tangen" --born 1969-12-31 --service NAV \
	--concern "Faller ut" --worry 5
expect 0 "the figures of 1985 to 1989" bti-report -C "$r2" --from 1985-01-01 --to 1989-12-31 --format tsv
is "$(rows opened_by_age)" "$(printf '0-5 0\n6-12 0\n13-15 0\n16-17 0\n18-23 2\ntotal 2')" \
	"both 19 on opening, none unknown"
expect 0 "the summary of a case born in 1965" bti-report -C "$r2" --lang en "$S"
like "$(out)" "Siri Sand, 61 " "gives the age today (2026-06-15): 61"
expect 0 "the summary of a case born 1969-12-31" bti-report -C "$r2" --lang en "$T"
like "$(out)" "Tor Tangen, 56 " "gives the age today: 56"
fx bti-service -C "$r2" --date 1985-04-01 "$S" join BUP
expect 0 "a young adult born in 1965 consents for herself" \
	bti-consent -C "$r2" --date 1985-04-01 --from "Siri Sand" --service BUP "$S" given
expect 0 "bti-check takes the cases" bti-check -C "$r2"

done_testing
