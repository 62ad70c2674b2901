#!/bin/sh
# bti-report's facts cache: used when present, keyed by blob id so it is
# never stale, each entry checked by its checksum, and ignored when damaged.
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

# resign SED: edits the facts in the cache with sed, then writes each
# entry's length and checksum anew, as bti would: a cache that is well
# formed, with other facts than the cases'.
cat >"$tmp/resign.py" <<'EOF'
import subprocess, sys
def csum(b):  # lib/cache.c's entry checksum
    M = 0x9e3779b97f4a7c15; K = (1 << 64) - 1
    h = 0xcbf29ce484222325 ^ len(b)
    for i in range(0, len(b), 8):
        h = ((h ^ int.from_bytes(b[i:i + 8], "little")) * M) & K
        h ^= h >> 31
    h ^= h >> 29; h = (h * M) & K; h ^= h >> 32
    return b"%016x" % h
path, expr = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
head, rest = data.split(b"\n", 1)
out = [head + b"\n"]
while rest:
    line, rest = rest.split(b"\n", 1)
    oid, cid, n = line.split(b" ")
    text, rest = rest[:int(n)], rest[int(n) + 17:]
    text = subprocess.run(["sed", expr], input=text, capture_output=True, check=True).stdout
    entry = b"%s %s %d\n" % (oid, cid, len(text)) + text
    out.append(entry + csum(entry) + b"\n")
open(path, "wb").write(b"".join(out))
EOF
resign() { python3 "$tmp/resign.py" "$r/.git/bti-cache" "$1"; }

# Proof the cache is read: facts changed in it (not in any case), with
# their checksums made anew, show up.
resign 's/^\(o [0-9-]* [0-9-]*\) 3:PPT$/\1 3:BUP/'
expect 0 "a report over re-signed facts" bti-report -C "$r" --year 2026 --format tsv
like "$(out)" "$(printf 'opened_by_service\tBUP\t1')" "takes the facts from the cache"
# An edit that keeps the length, the checksum left as it was: the entry is
# left out and its case read again (#12.9).
sed -i 's/^\(o [0-9-]* [0-9-]*\) 3:BUP$/\1 3:NAV/' "$r/.git/bti-cache"
expect 0 "a report over facts edited in place" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/first")" "sees the edit and reads the case again"
is "$(grep -c ' 3:PPT$' "$r/.git/bti-cache")" 1 "and writes the case's own facts back"
resign 's/^\(o [0-9-]* [0-9-]*\) 3:PPT$/\1 3:BUP/'
sed -i 's/^\(o [0-9-]* [0-9-]*\) 3:BUP$/\1 9:Barnehage/' "$r/.git/bti-cache"
expect 0 "a report over a cache entry of the wrong length" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/first")" "reads the damaged entries' cases again"
# A cache of the first version (no checksums) is not read at all.
{
	printf 'bti-cache 1\n'
	git -C "$r" ls-tree -r HEAD cases | while read -r _ _ oid _; do
		printf '%s 18\no 20485 16588 BUP\n' "$oid"
	done
} >"$r/.git/bti-cache"
expect 0 "a report over a cache of version 1" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/first")" "ignores it"
head -c 12 "$r/.git/bti-cache" >"$tmp/magic"
is "$(cat "$tmp/magic")" "bti-cache 5 " "and writes one of version 5"
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
printf 'bti-cache 5\nzzzz 99999\ngarbage' >"$r/.git/bti-cache"
expect 0 "a report over a damaged cache" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/after")" "gives the right figures"
printf 'something else entirely\n' >"$r/.git/bti-cache"
expect 0 "a report over a foreign file" bti-report -C "$r" --year 2026 --format tsv
is "$(cat "$tmp/out")" "$(cat "$tmp/after")" "gives the right figures"
is "$(git -C "$r" status --porcelain)" "" "the cache is not in the work tree"

done_testing
