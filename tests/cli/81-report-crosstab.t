#!/bin/sh
# bti-report: the cross-tables (issue 14 item 2) with their row and column
# totals, computed by hand on small fixtures, and a brute-force check that
# their suppression protects every hidden value: nothing hidden in any
# table can be worked out from what the report shows (the cells, the totals,
# and the one-dimensional tables that publish the same totals).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

figures() {
	want=$(cat)
	got=$(awk -F '\t' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out")
	is "$got" "$want" "$2"
}

# The check, over the JSON report. Every value shown anywhere is known; the
# unknowns are the hidden ones, a value published twice (a cross-table's
# total and the one-dimensional table's row, the totals of tables that
# count the same cases) being one unknown. The equations: every row and
# column of a cross-table adds up to its total, every one-dimensional table
# of counts to its total. First the rule of the issue: a row or column with
# exactly one unknown gives it away, and then it is known: repeated until
# nothing changes, no unknown may be found so. Then the whole of linear
# algebra: no unknown may be fixed by any combination of the equations
# (its unit vector in the span of the equations' unknown parts).
cat >"$tmp/check.py" <<'PY'
import json, sys
from fractions import Fraction
d = json.load(sys.stdin)
tabs = {t["table"]: t for t in d["tables"]}
LINKS = {"opened_by_service_and_age": ("opened_by_service", "opened_by_age"),
         "active_by_level_and_service": ("active_by_highest_level", None),
         "closed_by_level_and_cause": ("closed_by_level", "closed_by_cause")}
SAME = [("opened", "opened_by_service", "opened_by_age"),
        ("active_by_highest_level", "active_by_age"),
        ("closed_by_level", "closed_by_cause"),
        ("reports_to_child_welfare", "reports_by_receiver", "reports_guardians_told")]
alias = {}
def find(k):
    while alias.get(k, k) != k:
        k = alias[k]
    return k
def same(a, b):
    a, b = find(a), find(b)
    if a != b:
        alias[a] = b
value = {}
def put(k, v):
    value.setdefault(k, []).append(v)
eqs = []
for t in d["tables"]:
    name = t["table"]
    if "cells" in (t["rows"][0] if t["rows"] else {}) or "columns" in t:
        # a table by repository: its rows are the table's rows
        rl, cl = LINKS.get(name, (name[:-len("_by_repository")], None))
        cols = t["columns"]
        grid = []
        for r in t["rows"]:
            keys = [(name, r["row"], c) for c in cols] + [(name, r["row"], "total")]
            for k, v in zip(keys, r["cells"] + [r["total"]]):
                put(k, v)
            if rl:
                same((name, r["row"], "total"), (rl, r["row"]))
            eqs.append((keys[:-1], keys[-1]))
            grid.append(keys)
        tot = [(name, "total", c) for c in cols] + [(name, "total", "total")]
        for k, v in zip(tot, t["column_totals"] + [t["total"]]):
            put(k, v)
        for j, c in enumerate(cols):
            if cl:
                same((name, "total", c), (cl, c))
            eqs.append(([g[j] for g in grid], tot[j]))
        eqs.append((tot[:-1], tot[-1]))
        eqs.append(([g[-1] for g in grid], tot[-1]))
        if rl:
            same(tot[-1], (rl, "total"))
        if cl:
            same(tot[-1], (cl, "total"))
    elif "total" in t:
        keys = [(name, r["row"]) for r in t["rows"] if "cases" not in r]
        for r in t["rows"]:
            if "cases" not in r:
                put((name, r["row"]), r["value"])
        put((name, "total"), t["total"])
        if keys:
            eqs.append((keys, (name, "total")))
for group in SAME:
    for other in group[1:]:
        same((group[0], "total"), (other, "total"))
        # with several repositories, each one's total too
        a, b = tabs.get(group[0] + "_by_repository"), tabs.get(other + "_by_repository")
        if a and b:
            for c in a["columns"]:
                same((a["table"], "total", c), (b["table"], "total", c))
known = set()
for k, vs in value.items():
    if any(v != ":" for v in vs):
        known.add(find(k))
unknown = {find(k) for k in value} - known
E = [[find(k) for k in parts] + [find(total)] for parts, total in eqs]
problems = []
# 1. Lines with exactly one unknown, repeated.
solved, more = set(), True
while more:
    more = False
    for line in E:
        u = {k for k in line if k in unknown and k not in solved}
        if len(u) == 1:
            solved |= u
            more = True
problems += ["found by rows and columns: %s" % (k,) for k in sorted(solved, key=str)]
# 2. Linear algebra over the unknowns.
idx = {k: i for i, k in enumerate(sorted(unknown, key=str))}  # column of each unknown
rows = []
for parts, total in eqs:
    v = [Fraction(0)] * len(idx)
    for k in parts:
        if find(k) in idx:
            v[idx[find(k)]] += 1
    if find(total) in idx:
        v[idx[find(total)]] -= 1
    if any(v):
        rows.append(v)
# The reduced row echelon form: e_i is a combination of the rows exactly
# when column i has a pivot whose row has nothing else.
m, pivots, n = [r[:] for r in rows], [], len(idx)
for col in range(n):
    rk = len(pivots)
    p = next((i for i in range(rk, len(m)) if m[i][col] != 0), None)
    if p is None:
        continue
    m[rk], m[p] = m[p], m[rk]
    m[rk] = [a / m[rk][col] for a in m[rk]]
    for i in range(len(m)):
        if i != rk and m[i][col] != 0:
            f = m[i][col]
            m[i] = [a - f * b for a, b in zip(m[i], m[rk])]
    pivots.append(col)
names = sorted(unknown, key=str)
for r, col in enumerate(pivots):
    if sum(1 for a in m[r] if a != 0) == 1 and names[col] not in solved:
        problems.append("found by algebra: %s" % (names[col],))
print("\n".join(problems))
print("hidden %d" % len(unknown), file=sys.stderr)
sys.exit(1 if problems else 0)
PY
# protected DESC: the last run's JSON passes the check, with something
# hidden.
protected() {
	if python3 "$tmp/check.py" <"$tmp/out" >"$tmp/check.out" 2>"$tmp/check.err"; then
		pass "$1 ($(cat "$tmp/check.err"))"
	else
		fail "$1"
		diag <"$tmp/check.out"
	fi
}

# The checker catches what it should: a cross-table whose one hidden cell
# is alone in its row.
cat >"$tmp/out" <<'JSON'
{"tables": [{"table": "closed_by_level", "rows": [{"row": "0", "value": 7}], "total": 7},
 {"table": "closed_by_cause", "rows": [{"row": "moved", "value": 7}], "total": 7},
 {"table": "closed_by_level_and_cause", "rows_are": "level", "columns_are": "cause",
  "columns": ["moved", "unfounded"], "rows": [{"row": "0", "cells": [":", 5], "total": 7}],
  "column_totals": [":", 5], "total": 7}]}
JSON
python3 "$tmp/check.py" <"$tmp/out" >"$tmp/check.out" 2>/dev/null &&
	fail "the check finds a cell alone in its row" || pass "the check finds a cell alone in its row"
# And a bridge between two rectangles: every row and column has two
# unknowns, but adding rows 0 and 1 and taking columns a and b gives the
# cell (0, c) away.
cat >"$tmp/out" <<'JSON'
{"tables": [{"table": "closed_by_level_and_cause", "rows_are": "level", "columns_are": "cause",
  "columns": ["a", "b", "c", "d"], "rows": [
   {"row": "0", "cells": [":", ":", ":", 9], "total": 20},
   {"row": "1", "cells": [":", ":", 9, 9], "total": 20},
   {"row": "2", "cells": [9, 9, ":", ":"], "total": 20},
   {"row": "3", "cells": [9, 9, ":", ":"], "total": 20}],
  "column_totals": [20, 20, 20, 20], "total": 80}]}
JSON
python3 "$tmp/check.py" <"$tmp/out" >"$tmp/check.out" 2>/dev/null
like "$(cat "$tmp/check.out")" "found by algebra: \('closed_by_level_and_cause', '0', 'c'\)" \
	"the check finds a value given away by a combination of rows and columns"

###########################################################################
# Hand-computed: fixture_main, every count shown (suppress_below 1).
r="$tmp/main"
fixture_main "$r"
expect 0 "fixture_main: --year 2026 --format tsv" bti-report -C "$r" --year 2026 --format tsv
# Opened in 2026: G Skole 13-15, E NAV 18-23, D Skole 16-17, F Barnehage
# 0-5, J Helsestasjon 6-12.
figures opened_by_service_and_age "opened by service and age band, with totals" <<'EOF'
Barnehage|0-5 1
Barnehage|6-12 0
Barnehage|13-15 0
Barnehage|16-17 0
Barnehage|18-23 0
Barnehage|total 1
Helsestasjon|0-5 0
Helsestasjon|6-12 1
Helsestasjon|13-15 0
Helsestasjon|16-17 0
Helsestasjon|18-23 0
Helsestasjon|total 1
NAV|0-5 0
NAV|6-12 0
NAV|13-15 0
NAV|16-17 0
NAV|18-23 1
NAV|total 1
Skole|0-5 0
Skole|6-12 0
Skole|13-15 1
Skole|16-17 1
Skole|18-23 0
Skole|total 2
total|0-5 1
total|6-12 1
total|13-15 1
total|16-17 1
total|18-23 1
total|total 5
EOF
# Active by highest level (08-report.t): A 2 Skole, C 1 Helsestasjon, D 2
# Skole, E 1 NAV, F 0 Barnehage, G 1 Skole, H 2 Barnehage, J 1 Helsestasjon.
figures active_by_level_and_service "active by highest level and service" <<'EOF'
0|Barnehage 1
0|Helsestasjon 0
0|NAV 0
0|Skole 0
0|total 1
1|Barnehage 0
1|Helsestasjon 2
1|NAV 1
1|Skole 1
1|total 4
2|Barnehage 1
2|Helsestasjon 0
2|NAV 0
2|Skole 2
2|total 3
total|Barnehage 2
total|Helsestasjon 2
total|NAV 1
total|Skole 3
total|total 8
EOF
# Closings in 2026: G at 1 (moved), D at 2 (consent-withdrawn), A at 2
# (goal-reached).
figures closed_by_level_and_cause "closings by level and cause" <<'EOF'
1|consent-withdrawn 0
1|goal-reached 0
1|moved 1
1|total 1
2|consent-withdrawn 1
2|goal-reached 1
2|moved 0
2|total 2
total|consent-withdrawn 1
total|goal-reached 1
total|moved 1
total|total 3
EOF
expect 0 "fixture_main: Markdown in English" bti-report -C "$r" --year 2026 --lang en
is "$(sed -n '/^## Cases closed by level and cause$/,/^| Total/p' "$tmp/out")" "## Cases closed by level and cause

| Level \\ Cause | consent withdrawn | goal reached | moved | Total |
|---|---:|---:|---:|---:|
| Level 1 | 0 | 0 | 1 | 1 |
| Level 2 | 1 | 1 | 0 | 2 |
| Total | 1 | 1 | 1 | 3 |" "md: a cross-table as a table with its totals"
expect 0 "fixture_main: JSON" bti-report -C "$r" --year 2026 --format json
like "$(out)" '\{"table": "closed_by_level_and_cause", "rows_are": "level", "columns_are": "cause", "columns": \["consent-withdrawn", "goal-reached", "moved"\], "rows": \[\{"row": "1", "cells": \[0, 0, 1\], "total": 1\}, \{"row": "2", "cells": \[1, 1, 0\], "total": 2\}\], "column_totals": \[1, 1, 1\], "total": 3\}' \
	"json: a cross-table with its columns, rows, totals"

###########################################################################
# Hand-computed suppression: fixture_suppress (threshold 5).
rs="$tmp/sup"
fixture_suppress "$rs"
expect 0 "fixture_suppress: --format tsv" bti-report -C "$rs" --year 2026 --format tsv
# Barnehage 6 at 0-5 and 1 at 6-12 (7); Skole 5 at 6-12 and 1 at 13-15 (6);
# Skolehelsetjenesten 2 at 16-17. Below 5: the 1s, the 2s. Barnehage's 1 is
# then alone in its row with 6 and 7 shown, and in its column with 5 and 6:
# the cheapest rectangle through it hides Skole's 5 and both row totals
# (5 + 6 + 7 = 18; a 0 is never chosen while a count will do). Skole's 1 is
# with the hidden 5 and total; the 2s and the 1 at 13-15 make a cycle with
# the totals of Skole and of the columns 13-15 and 16-17.
figures opened_by_service_and_age "opened by service and age: primary and complementary" <<'EOF'
Barnehage|0-5 6
Barnehage|6-12 :
Barnehage|13-15 0
Barnehage|16-17 0
Barnehage|18-23 0
Barnehage|total :
Skole|0-5 0
Skole|6-12 :
Skole|13-15 :
Skole|16-17 0
Skole|18-23 0
Skole|total :
Skolehelsetjenesten|0-5 0
Skolehelsetjenesten|6-12 0
Skolehelsetjenesten|13-15 0
Skolehelsetjenesten|16-17 :
Skolehelsetjenesten|18-23 0
Skolehelsetjenesten|total :
total|0-5 6
total|6-12 6
total|13-15 :
total|16-17 :
total|18-23 0
total|total 15
EOF
figures opened_by_service "the one-dimensional table hides the same totals" <<'EOF'
Barnehage :
Skole :
Skolehelsetjenesten :
total 15
EOF
expect 0 "fixture_suppress: JSON" bti-report -C "$rs" --year 2026 --format json
protected "fixture_suppress: no hidden value can be worked out"
expect 0 "fixture_suppress: Markdown" bti-report -C "$rs" --year 2026
is "$(sed -n '/^## Nye saker etter tjeneste og alder$/,/^| Totalt/p' "$tmp/out")" "## Nye saker etter tjeneste og alder

| Tjeneste \\ Alder | 0-5 år | 6-12 år | 13-15 år | 16-17 år | 18-23 år | Totalt |
|---|---:|---:|---:|---:|---:|---:|
| Barnehage | 6 | <5 | 0 | 0 | 0 | : |
| Skole | 0 | : | <5 | 0 | 0 | : |
| Skolehelsetjenesten | 0 | 0 | 0 | <5 | 0 | <5 |
| Totalt | 6 | 6 | <5 | <5 | 0 | 15 |" "md: <5 below the threshold, : to protect"

###########################################################################
# Brute force: generated repositories (tests/bench/gen.py), two seeds,
# thresholds 3, 5 and 10, two years and both band sets.
for seed in 1 2; do
	g="$tmp/gen$seed"
	python3 "$top/tests/bench/gen.py" "$g" 300 --seed $seed --bin "$top/bin" >"$tmp/gen.err" 2>&1 ||
		{ echo "Bail out! gen.py failed: $(cat "$tmp/gen.err")"; exit 1; }
	for k in 3 5 10; do
		suppress_below "$g" $k
		for y in 2025 2026; do
			bands=default
			[ $y = 2025 ] && bands=ssb
			run bti-report -C "$g" --year $y --bands $bands --format json
			protected "seed $seed, threshold $k, $y, $bands bands"
		done
	done
done
# Two generated repositories at once: the tables by repository too.
for k in 3 5; do
	suppress_below "$tmp/gen1" $k
	suppress_below "$tmp/gen2" $k
	for y in 2025 2026; do
		run bti-report --year $y --format json "$tmp/gen1" "$tmp/gen2"
		like "$(out)" '"table": "opened_by_service_by_repository"' "two repositories, threshold $k, $y: tables by repository"
		protected "two repositories, threshold $k, $y: nothing hidden can be worked out"
	done
done
done_testing
