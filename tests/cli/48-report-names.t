#!/bin/sh
# #12.9: a service name holding a line break, or text crafted to look like
# facts, committed by hand past the hook: the case is refused by bti-check
# (a name is one line, #12.9's input half), so bti-report names it on stderr
# and exits 1, cold and from the facts cache: no case vanishes silently and
# no closing is made up. (The cache's text form carrying any bytes is tested
# in tests/unit/t_facts.c.)
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
sed -i 's/^suppress_below: 5$/suppress_below: 1/' "$r/bti.yaml"
git -C "$r" -c user.name=A -c user.email=a@x commit -qam "show small counts"
i=0
# (sed makes \\n the two characters \n: YAML's escape for a line break.)
for svc in 'Skole' '"Skole\\n"' '"Skole\\nl 20460 2 1 moved"' '"Skole\\nl 739900 2 1 5:moved\\n"'; do
	i=$((i + 1))
	id=$(bti-new -C "$r" --date 2026-02-0$i --name "Barn $i" --born 2014-03-01 --service Skole \
		--concern Bekymring --worry 4 --guardian Mor)
	sed -i "s/^service: Skole\$/service: $svc/" "$r/$(cpath "$id")"
done
git -C "$r" -c user.name=A -c user.email=a@x commit --no-verify -qam "services by hand"
expect 1 "bti-check refuses the three names with a line break" bti-check -C "$r"
is "$(grep -c 'text/control' "$tmp/out")" 3 "three text/control findings"

# rows TABLE: the rows of TABLE in the last run's JSON, one "KEY=VALUE" a
# line, the key as JSON writes it, then "total=N".
rows() {
	python3 -c 'import json, sys
for t in json.load(open(sys.argv[1]))["tables"]:
    if t["table"] == sys.argv[2]:
        for r in t["rows"]:
            print("%s=%s" % (json.dumps(r["row"]), r["value"]))
        print("total=%s" % t.get("total"))' "$tmp/out" "$1"
}
check() {
	is "$(rows opened)" "total=1" "$1: the valid case opened"
	is "$(rows opened_by_service)" "$(printf '%s\n' '"Skole"=1' 'total=1')" \
		"$1: under its own name"
	is "$(rows active_by_highest_level)" "$(printf '"0"=1\ntotal=1')" "$1: one active at 0"
	is "$(rows open_at_end_by_level)" "$(printf '"0"=1\ntotal=1')" "$1: one open at 0"
	is "$(rows closed_by_level)" "total=0" "$1: no closing made up"
	is "$(rows closed_by_cause)" "total=0" "$1: no cause made up"
	is "$(rows level_moves)" "total=0" "$1: no move made up"
	is "$(grep -c 'cases/2026/.*text/control' "$tmp/err")" 3 "$1: the three refused cases named on stderr"
}
rm -f "$r/.git/bti-cache"
expect 1 "a report without a cache" bti-report -C "$r" --year 2026 --format json
check "cold"
test -s "$r/.git/bti-cache" && pass "the cache is written" || fail "the cache is written"
expect 1 "a report from the cache" bti-report -C "$r" --year 2026 --format json
check "cached"

done_testing
