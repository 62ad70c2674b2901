#!/bin/sh
# Many bti commands at once on one repository: the lock and the
# compare-and-swap on the branch make one commit per change, none lost.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

writers=8 ops=50
r="$tmp/r"
newrepo "$r"
open_case() {
	bti-new -C "$r" --date 2026-01-10 --name "$1" --born 2015-06-02 --service Skole \
		--concern Bekymring --worry 5 --guardian Mor
}
# Writers 1-4 each have a case of their own; writers 5-8 share one.
for w in 1 2 3 4; do
	eval "case$w=\$(open_case Barn$w)"
done
shared=$(open_case Felles)
for w in 5 6 7 8; do
	eval "case$w=\$shared"
done
before=$(git -C "$r" rev-list --count HEAD)
: >"$tmp/failures"

# writer N CASE: OPS measures, each its own command; a failure is written
# down with its exit code and message.
writer() {
	j=1
	while [ "$j" -le "$ops" ]; do
		bti-measure -C "$r" --date 2026-02-01 --what "w$1-$j" --responsible "Writer $1" \
			--evaluate-by 2026-03-01 "$2" >"$tmp/w$1.out" 2>"$tmp/w$1.err" ||
			echo "writer $1 op $j: exit $? $(cat "$tmp/w$1.err")" >>"$tmp/failures"
		j=$((j + 1))
	done
}
w=1
while [ "$w" -le "$writers" ]; do
	eval "writer $w \"\$case$w\"" &
	w=$((w + 1))
done
wait

is "$(cat "$tmp/failures")" "" "every command exited 0"
is "$(($(git -C "$r" rev-list --count HEAD) - before))" "$((writers * ops))" "exactly $((writers * ops)) new commits"
is "$(git -C "$r" rev-list --merges --count HEAD)" "0" "a straight line of commits, no merges"
is "$(git -C "$r" log -$((writers * ops)) --format='%(trailers:key=BTI-Event,valueonly)' | sed '/^$/d' | sort | uniq -c | sed 's/^ *//')" \
	"$((writers * ops)) measure" "each is a measure commit"

# count CASE: the measures in the case file, the distinct ids, and the
# distinct texts; prints "N N N".
count() {
	python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
m = d.get("measures") or []
print(len(m), len(set(e["id"] for e in m)), len(set(e["what"] for e in m)))' "$r/$(cpath $1)"
}
for w in 1 2 3 4; do
	eval "c=\$case$w"
	is "$(count "$c")" "$ops $ops $ops" "writer $w's case: $ops measures, ids and texts unique"
done
is "$(count "$shared")" "$((4 * ops)) $((4 * ops)) $((4 * ops))" "the shared case: $((4 * ops)) measures, ids and texts unique"
is "$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(sorted(int(e["id"][1:]) for e in d["measures"]) == list(range(1, len(d["measures"]) + 1)))' "$r/$(cpath $shared)")" \
	"True" "the shared case's ids are m1 .. m$((4 * ops)), none skipped"
all=$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(" ".join(sorted(e["what"] for e in d["measures"])))' "$r/$(cpath $shared)")
want=$(for w in 5 6 7 8; do j=1; while [ "$j" -le "$ops" ]; do echo "w$w-$j"; j=$((j + 1)); done; done | sort | tr '\n' ' ' | sed 's/ $//')
is "$all" "$want" "every measure of the four sharing writers is in the shared case"
# Each writer's own measures are in the order it made them.
for w in 5 8; do
	order=$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
n = [int(e["what"].split("-")[1]) for e in d["measures"] if e["what"].startswith(sys.argv[2] + "-")]
print(n == sorted(n))' "$r/$(cpath $shared)" "w$w")
	is "$order" "True" "writer $w's measures are in the order it made them"
done
is "$(git -C "$r" status --porcelain --untracked-files=all)" "" "git status --porcelain is empty"
run git -C "$r" fsck --strict --no-dangling
is "$rc $(out)$(err)" "0 " "git fsck --strict is clean"
expect 0 "bti-check passes" bti-check -C "$r"
is "$(out)" "" "bti-check is silent"
expect 0 "bti-check --history passes" bti-check -C "$r" --history
is "$(out)" "" "bti-check --history is silent"
[ -e "$r/.git/bti-journal" ] && fail "no journal is left behind" || pass "no journal is left behind"
is "$(find "$r" -name '*.bti-tmp.*' -o -name '*.lock' ! -name bti.lock | head -3)" "" "no temporary or lock file is left behind"
for w in 1 4; do
	eval "c=\$case$w"
	is "$(git -C "$r" show "HEAD:$(cpath $c)" | cmp - "$r/$(cpath $c)" && echo same)" "same" \
		"writer $w's case file in the work tree is the committed one"
done

done_testing
