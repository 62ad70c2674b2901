#!/bin/sh
# #12.12 and "never a silent omission": bti-report counts only the files
# bti-check takes for cases, cases/YYYY/X/ID.yaml that pass every check;
# every other *.yaml under cases/ and every case that cannot be read is
# named on stderr with its path, the figures are those of the good cases,
# and the exit status says something was left out: 1 for a file that is
# not a good case, 3 for a case the repository cannot give back. The
# same, cold and with the facts cache.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

rows() { awk -F '\t' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out"; }
commit() { git -C "$r" -c user.name=A -c user.email=a@x commit --no-verify -qm "$1"; }

# A (Skole, 2026-02-01) and B (Barnehage, 2026-02-02), both at level 0.
r="$tmp/r"
newrepo "$r"
suppress_below "$r" 1
export BTI_USER="Kari Lærer"
fxnew A bti-new -C "$r" --date 2026-02-01 --name "Anna Aas" --born 2014-03-01 --service Skole \
	--concern Uro --worry 4 --guardian Mor
fxnew B bti-new -C "$r" --date 2026-02-02 --name "Bo Berg" --born 2021-05-05 --service Barnehage \
	--concern Uro --worry 4 --guardian Mor
a="$r/$(cpath "$A")"
b="$r/$(cpath "$B")"
good() {
	is "$(rows opened)" "total 2" "$1: A and B opened, no copy"
	is "$(rows opened_by_service)" "$(printf 'Barnehage 1\nSkole 1\ntotal 2')" "$1: once each"
	is "$(rows active_by_highest_level)" "$(printf '0 2\ntotal 2')" "$1: two active"
}
expect 0 "the figures of A and B" bti-report -C "$r" --year 2026 --format tsv
good "to start with"

# Files that are not case files, committed past the hook (which runs
# bti-check and would refuse them).
# 1. a backup copy of A in a subdirectory;
mkdir -p "$(dirname "$a")/backup"
cp "$a" "$(dirname "$a")/backup/"
# (its letter directory is A's: the golden file has X there, and the lines
# sorted, as A's letter may come before or after I)
backup() {
	sed "s#^bti-report: cases/2026/./backup/#bti-report: cases/2026/X/backup/#" "$tmp/err" |
		sort >"$tmp/err.sorted"
	mv "$tmp/err.sorted" "$tmp/err"
}
# 2. a copy of A in the wrong letter directory (X for "2026-XXXXXX.yaml"
#    cannot be A's own: ids have no I, so a letter directory "I" is wrong);
mkdir -p "$r/cases/2026/I"
cp "$a" "$r/cases/2026/I/"
# 3. a copy of B under an id of its own, file name and directory right, the
#    id inside B's;
mkdir -p "$r/cases/2026/Q"
cp "$b" "$r/cases/2026/Q/2026-QQQQQQ.yaml"
# 4. a file whose name is not an id;
cp "$b" "$r/cases/2026/notes.yaml"
# 5. a case file that is not YAML;
mkdir -p "$r/cases/2026/W"
printf 'id: [\n' >"$r/cases/2026/W/2026-WWWWWW.yaml"
# 6. a case that breaks the schema (no service);
mkdir -p "$r/cases/2026/S"
sed -e "s/$B/2026-SSSSSS/" -e '/^service:/d' "$b" >"$r/cases/2026/S/2026-SSSSSS.yaml"
# 7. a case the level model refuses (at level 0 twice: not a move).
mkdir -p "$r/cases/2026/M"
{ sed "s/$B/2026-MMMMMM/" "$b"; printf -- '- date: 2026-03-01\n  level: 0\n  reason: x\n  by: x\n'; } \
	>"$r/cases/2026/M/2026-MMMMMM.yaml"
git -C "$r" add -A
commit "files that are not cases"
expect 1 "bti-check refuses them" bti-check -C "$r"
sort "$tmp/out" >"$tmp/check.out"

rm -f "$r/.git/bti-cache"
expect 1 "a report leaves them out, and exits 1" bti-report -C "$r" --year 2026 --format tsv
good "cold"
is "$(sed 's/^bti-report: //' "$tmp/err" | sort)" "$(cat "$tmp/check.out")" \
	"with the same messages as bti-check"
backup
golden report-paths "names each on stderr"
expect 1 "a report from the cache" bti-report -C "$r" --year 2026 --format tsv
good "cached"
backup
golden report-paths "names each again"

# With several repositories, each path names its repository.
r2="$tmp/r2"
newrepo "$r2"
suppress_below "$r2" 1
fxnew C bti-new -C "$r2" --date 2026-03-01 --name "Cecilie Dahl" --born 2015-01-01 --service Skole \
	--concern Uro --worry 4 --guardian Mor
expect 1 "two repositories, one with files that are not cases" bti-report --year 2026 --format tsv "$r2" "$r"
is "$(rows opened_by_service)" "$(printf 'Barnehage 1\nSkole 2\ntotal 3')" "A, B and C counted, once each"
is "$(grep -c "^bti-report: $r/cases/" "$tmp/err")" 7 "the seven named with their repository"
like "$(err)" "^bti-report: $r/cases/2026/notes.yaml: case/path: " "such as notes.yaml"

# A case whose blob is gone from the object store (a damaged repository).
git -C "$r" rm -q "cases/2026/I/$A.yaml" cases/2026/Q/2026-QQQQQQ.yaml cases/2026/W/2026-WWWWWW.yaml \
	cases/2026/S/2026-SSSSSS.yaml cases/2026/M/2026-MMMMMM.yaml cases/2026/notes.yaml \
	"$(dirname "$(cpath "$A")")/backup/$A.yaml"
commit "only A and B"
expect 0 "A and B alone" bti-report -C "$r" --year 2026 --format tsv
good "A and B alone"
oid=$(git -C "$r" rev-parse "HEAD:$(cpath "$B")")
rm -f "$r/.git/objects/$(printf %.2s "$oid")/${oid#??}"
rm -f "$r/.git/bti-cache"
expect 3 "a case that cannot be read: exit 3" bti-report -C "$r" --year 2026 --format tsv
like "$(err)" "^bti-report: $(cpath "$B"): repo: cannot read the case from the repository" \
	"names it with its path"
is "$(rows opened_by_service)" "$(printf 'Skole 1\ntotal 1')" "the figures of the others are printed"
expect 3 "its summary: exit 3" bti-report -C "$r" "$B"
like "$(err)" "$(cpath "$B")" "names it with its path"

done_testing
