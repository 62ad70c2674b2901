#!/bin/sh
# bti-report: rows in Norwegian order (... X Y Z Æ Ø Å, small and capital
# letters together) and service names that differ only in case or spaces
# counted as one (issue 14 item 5), in the tables, the cross-tables and the
# trends; labels in nb, nn and en.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

r="$tmp/names"
newrepo "$r"
suppress_below "$r" 1
export BTI_USER="Kari Lærer"
i=0
for service in "Åsen skole" "Ørnes barnehage" "Ærfugl barnehage" "Zeta helse" "alta skole" \
	"Skole" "skole" "SKOLE" "Tromsø  skole" "Tromsø skole" "Ytre barnehage"; do
	i=$((i + 1))
	fxnew C$i bti-new -C "$r" --date 2026-03-0$((i % 9 + 1)) --name "Barn $i" --born 2015-01-01 \
		--service "$service" --concern Uro --worry 3 --guardian Mor
done
expect 0 "--year 2026 --format tsv" bti-report -C "$r" --year 2026 --format tsv
# Skole, skole and SKOLE are one service, shown as the spelling first by
# bytes (SKOLE); "Tromsø  skole" (two spaces) and "Tromsø skole" too.
is "$(awk -F '\t' '$1 == "opened_by_service" { print $2, $3 }' "$tmp/out")" "alta skole 1
SKOLE 3
Tromsø  skole 2
Ytre barnehage 1
Zeta helse 1
Ærfugl barnehage 1
Ørnes barnehage 1
Åsen skole 1
total 11" "tsv: Norwegian order, one row for names that differ in case or spaces"
is "$(awk -F '\t' '$1 == "opened_by_service_and_age" && $2 ~ /\|6-12$/ { print $2, $3 }' "$tmp/out")" "alta skole|6-12 1
SKOLE|6-12 3
Tromsø  skole|6-12 2
Ytre barnehage|6-12 1
Zeta helse|6-12 1
Ærfugl barnehage|6-12 1
Ørnes barnehage|6-12 1
Åsen skole|6-12 1
total|6-12 11" "the cross-table in the same order, the same rows"
is "$(python3 "$top/tests/bench/stats.py" "$r" 2026 | diff - "$tmp/out")" "" "stats.py sorts and merges the same way"
expect 0 "--years" bti-report -C "$r" --years 2025-2026 --format tsv
is "$(awk -F '\t' '$1 == "opened_by_service" { print $2 }' "$tmp/out" | tr '\n' ',')" \
	"alta skole,SKOLE,Tromsø  skole,Ytre barnehage,Zeta helse,Ærfugl barnehage,Ørnes barnehage,Åsen skole,total," \
	"trends in the same order"

# Labels in nb, nn and en: the heading of a new table and of a cross-table.
for l in "nb Nye saker etter tjeneste og alder" "nn Nye saker etter teneste og alder" \
	"en Cases opened by service and age group"; do
	expect 0 "--lang ${l%% *}" bti-report -C "$r" --year 2026 --lang "${l%% *}"
	like "$(out)" "^## ${l#* }\$" "${l%% *}: the cross-table's heading"
done
like "$(out)" '^\| Service \\ Age \|' "en: the cross-table's corner"
done_testing
