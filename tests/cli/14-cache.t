#!/bin/sh
# bti-report's facts cache: used when present, keyed by blob id so it is
# never stale, and ignored when damaged.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"
r="$tmp/r"
newrepo "$r"
sed -i 's/^suppress_below: 5$/suppress_below: 1/' "$r/bti.yaml"
git -C "$r" -c user.name=A -c user.email=a@x commit -qam "show small counts"
for i in 1 2 3; do
	bti-new -C "$r" --date 2026-01-1$i --name "Barn $i" --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 4 >/dev/null
done
id=$(bti-new -C "$r" --date 2026-02-01 --name "Barn 4" --born 2015-06-02 --service PPT \
	--concern Bekymring --worry 4)

expect 0 "a first report" bti-report -C "$r" --year 2026 --format tsv
cp "$tmp/out" "$tmp/first"
test -s "$r/.git/bti-cache" && pass "leaves a cache in the git directory" || fail "leaves a cache in the git directory"
is "$(grep -c '^o ' "$r/.git/bti-cache")" 4 "with the facts of every case"
expect 0 "a second report" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/first")" "gives the same figures"

# Proof the cache is read: facts changed in it (not in any case) show up.
sed -i 's/^\(o [0-9-]* [0-9-]*\) PPT$/\1 BUP/' "$r/.git/bti-cache"
expect 0 "a report over tampered facts" bti-report -C "$r" --year 2026 --format tsv
like "$(out)" "$(printf 'opened_by_service\tBUP\t1')" "takes the facts from the cache"
sed -i 's/^\(o [0-9-]* [0-9-]*\) BUP$/\1 Barnehage/' "$r/.git/bti-cache"
expect 0 "a report over a cache entry of the wrong length" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/first")" "reads the damaged entries' cases again"
rm "$r/.git/bti-cache"

# A changed case is a new blob: its old facts are never used.
bti-report -C "$r" --year 2026 --format tsv >/dev/null
bti-level -C "$r" --date 2026-03-01 --reason x "$id" 1 >/dev/null
expect 0 "a report after a change" bti-report -C "$r" --year 2026 --format tsv
like "$(out)" "$(printf 'level_moves\t0>1\t1')" "counts the change"
cp "$tmp/out" "$tmp/after"
rm "$r/.git/bti-cache"
expect 0 "the same report without a cache" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/after")" "agrees with the cached run"

# A damaged cache is ignored.
printf 'bti-cache 1\nzzzz 99999\ngarbage' >"$r/.git/bti-cache"
expect 0 "a report over a damaged cache" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/after")" "gives the right figures"
printf 'something else entirely\n' >"$r/.git/bti-cache"
expect 0 "a report over a foreign file" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/after")" "gives the right figures"
is "$(git -C "$r" status --porcelain)" "" "the cache is not in the work tree"

done_testing
