#!/bin/sh
# bti-due reads the query cache (lib/query.c): each row keeps a case's
# obligations and coordinator as on the day it was made, with the days on
# which they stay so; on another day a row that does not hold is read
# again. A consent that expires and a coordinator who takes over later
# change what bti-due says from one day to the next.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Pia Pedleder"
j="$tmp/j"
newrepo "$j" --model jevnaker
k=$(bti-new -C "$j" --date 2026-04-01 --name "Kaja Moe" --born 2016-02-01 --service "Jevnaker skole" \
	--concern "Lei seg" --worry 5 --guardian "Mor Moe")
bti-coordinator -C "$j" --date 2026-04-01 --name "Pia Pedleder" --service "Jevnaker skole" "$k" >/dev/null &&
bti-consent -C "$j" --date 2026-04-01 --from "Mor Moe" --service "Jevnaker skole" --expires 2026-06-30 "$k" given >/dev/null &&
bti-level -C "$j" --date 2026-04-02 --reason "Stafettlogg" --leader-informed "$k" 1 >/dev/null &&
bti-measure -C "$j" --date 2026-04-02 --what "Samtaler" --responsible "Lærer" --evaluate-by 2026-09-01 "$k" >/dev/null &&
BTI_TODAY=2026-06-25 bti-coordinator -C "$j" --date 2026-06-20 --name "Ole Leder" --service "Jevnaker skole" "$k" >/dev/null ||
	echo "Bail out! setup"
cache="$j/.git/bti-query-cache"

# due DAY: bti-due --before 2026-12-31 on DAY, with the cache as it is
# (kept in $tmp/out), then again without it (in $tmp/fresh).
due() {
	BTI_TODAY=$1 bti-due -C "$j" --before 2026-12-31 >"$tmp/out" 2>"$tmp/err"
	rc=$?
	cp "$cache" "$tmp/kept"
	rm -f "$cache"
	BTI_TODAY=$1 bti-due -C "$j" --before 2026-12-31 >"$tmp/fresh" 2>&1
	cp "$tmp/kept" "$cache"
}
rm -f "$cache"
due 2026-06-15
is "$rc" 0 "bti-due on 2026-06-15"
test -s "$cache" && pass "leaves the query cache" || fail "leaves the query cache"
is "$(cut -f1,2,3,5 "$tmp/out")" "$k	consent	2026-06-30	Pia Pedleder
$k	evaluation	2026-09-01	Pia Pedleder" "the consent that expires and the evaluation, Pia coordinating"
is "$(cat "$tmp/out")" "$(cat "$tmp/fresh")" "the same without the cache"
due 2026-06-25
is "$(cut -f1,2,3,5 "$tmp/out")" "$k	consent	2026-06-30	Ole Leder
$k	evaluation	2026-09-01	Ole Leder" "on 2026-06-25, from the cache of 2026-06-15: Ole coordinates"
is "$(cat "$tmp/out")" "$(cat "$tmp/fresh")" "the same without the cache"
due 2026-07-01
is "$(cut -f1,2,3,5 "$tmp/out")" "$k	evaluation	2026-09-01	Ole Leder" \
	"on 2026-07-01 the consent has expired: nothing to renew"
is "$(cat "$tmp/out")" "$(cat "$tmp/fresh")" "the same without the cache"
due 2026-06-15
is "$(cut -f1,2,5 "$tmp/out" | head -1)" "$k	consent	Pia Pedleder" "back on 2026-06-15, from the cache of 2026-07-01"
is "$(cat "$tmp/out")" "$(cat "$tmp/fresh")" "the same without the cache"
expect 0 "--coordinator on 2026-06-15" env BTI_TODAY=2026-06-15 bti-due -C "$j" --coordinator "Ole Leder"
is "$(out)" "" "Ole did not coordinate yet"
expect 0 "--coordinator on 2026-06-25" env BTI_TODAY=2026-06-25 bti-due -C "$j" --coordinator "Ole Leder" --before 2026-12-31
is "$(out | cut -f1,2)" "$k	consent
$k	evaluation" "Ole's"
done_testing
