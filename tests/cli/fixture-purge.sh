# fixture-purge.sh: sourced by the purge tests. A repository ($r) with
# retention_days: 30 and three cases: $a (Ola Nordmann, with an id number:
# closed and archived in 2025, past retention), $b (open) and $c (closed,
# archived last week: within retention).
fnr=15061550043
r="$tmp/r"
newrepo "$r" --municipality Tromsø
printf 'retention_days: 30\n' >>"$r/bti.yaml"
git -C "$r" -c user.name=Admin -c user.email=admin@example.org commit -q -am "retention" ||
	echo "Bail out! retention"
export BTI_USER="Kari Lærer"
a=$(bti-new -C "$r" --date 2025-01-10 --name "Ola Nordmann" --fnr "$fnr" --service Skole \
	--concern "Trøtt i timene" --worry 5 --guardian "Mor Nordmann")
b=$(bti-new -C "$r" --by "Per Lærer <per@example.org>" --date 2025-01-11 --name "Kari Hansen" \
	--born 2014-01-01 --service Skole --concern "Stille" --worry 3)
bti-level -C "$r" --date 2025-01-12 --reason "Tiltak i egen tjeneste" "$a" 1 >/dev/null &&
bti-level -C "$r" --by "Per Lærer <per@example.org>" --date 2025-01-13 --reason "Tiltak" "$b" 1 >/dev/null &&
bti-goal -C "$r" --date 2025-02-01 --text "Ola sover godt" "$a" >/dev/null &&
bti-level -C "$r" --date 2025-03-01 --reason "Målene er nådd" --cause goal-reached "$a" close >/dev/null &&
bti-archive -C "$r" --date 2025-04-01 --ref 2025/77 --out "$tmp/pkg-a" "$a" >/dev/null ||
	echo "Bail out! setup of $a failed"
c=$(bti-new -C "$r" --date 2026-01-05 --name "Lise Berg" --born 2013-05-05 --service Skole \
	--concern "Bekymring" --worry 2)
bti-level -C "$r" --date 2026-06-01 --reason "Ubegrunnet" --cause unfounded "$c" close >/dev/null &&
bti-archive -C "$r" --date 2026-06-08 --out "$tmp/pkg-c" "$c" >/dev/null ||
	echo "Bail out! setup of $c failed"
pa=$(cpath "$a") pb=$(cpath "$b") pc=$(cpath "$c")
