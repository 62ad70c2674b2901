#!/bin/sh
# bti-report: trends (issue 14 item 3): --years and --by put the figures of
# consecutive periods side by side with the change from the period before,
# suppressed per period; bad periods are usage errors. Figures by hand from
# fixture_main (tests/cli/fixture-report.sh, see 08-report.t).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

# line TABLE ROW: the whole line of a row in the last tsv output, tabs as
# spaces, without the table's name.
line() { awk -F '\t' -v t="$1" -v r="$2" '$1 == t && $2 == r' "$tmp/out" | cut -f2- | tr '\t' ' '; }

r="$tmp/main"
fixture_main "$r"
expect 0 "--years 2025-2026" bti-report -C "$r" --years 2025-2026 --format tsv
is "$(head -1 "$tmp/out" | tr '\t' ' ')" "table row 2025 2026 change-2026" "tsv: a column per year and the change"
# Opened: 2025 B, C, A, H; 2026 G, E, D, F, J.
is "$(line opened total)" "total 4 5 +1" "opened: 4, 5, +1"
# Active by highest level in 2025: B 0 (closed at 0 in March), C 1, A 1,
# H 2; in 2026 (08-report.t): 0 1, 1 4, 2 3.
is "$(line active_by_highest_level 0)" "0 1 1 0" "active at 0: no change"
is "$(line active_by_highest_level 1)" "1 2 4 +2" "active at 1: +2"
is "$(line active_by_highest_level total)" "total 4 8 +4" "active: 4, 8, +4"
# Services: Helsestasjon opened C in 2025 and J in 2026; NAV only in 2026.
is "$(line opened_by_service NAV)" "NAV 0 1 +1" "a row of one year only is 0 in the other"
# Closings: B at 0 (unfounded) in 2025; G, D, A in 2026.
is "$(line closed_by_cause unfounded)" "unfounded 1 0 -1" "a fall is negative"
# Medians: the first measure of cases opened in 2025 (A 19 days, H 26 days
# -> 22) and 2026 (08-report.t: 12).
is "$(line median_days opening-to-first-measure)" "opening-to-first-measure 22 12 -10" "medians and their change"

expect 0 "--year 2026 --by quarter" bti-report -C "$r" --from 2026-01-01 --to 2026-06-30 --by quarter --format tsv
is "$(head -1 "$tmp/out" | tr '\t' ' ')" "table row 2026-Q1 2026-Q2 change-2026-Q2" "quarters"
# Opened in Q1: G, E, D, F; in Q2: J.
is "$(line opened total)" "total 4 1 -3" "opened by quarter"
expect 0 "--year 2026 --by tertial" bti-report -C "$r" --year 2026 --by tertial --format tsv
is "$(head -1 "$tmp/out" | tr '\t' ' ')" "table row 2026-T1 2026-T2 change-2026-T2 2026-T3 change-2026-T3" "tertials"
is "$(line opened total)" "total 5 0 -5 0 0" "opened by tertial: all in January to April"
expect 0 "a period not on the calendar's quarters" bti-report -C "$r" --from 2026-02-15 --to 2026-05-31 --by quarter --format json
like "$(out)" '"periods": \[\{"period": "2026-Q1", "from": "2026-02-15", "to": "2026-03-31"\}, \{"period": "2026-Q2", "from": "2026-04-01", "to": "2026-05-31"\}\]' \
	"json: the first and last periods are parts of quarters"
python3 -c 'import json, sys; json.load(sys.stdin)' <"$tmp/out" && pass "json: well-formed" || fail "json: well-formed"
expect 0 "--years as JSON" bti-report -C "$r" --years 2025-2026 --format json
like "$(out)" '\{"row": "total", "values": \[4, 5\], "changes": \[null, 1\]\}' "json: values and changes"
expect 0 "--years as Markdown" bti-report -C "$r" --years 2025-2026
is "$(sed -n '/^## Avsluttede saker etter årsak$/,/^| Totalt/p' "$tmp/out")" "## Avsluttede saker etter årsak

|  | 2025 | 2026 | ± |
|---|---:|---:|---:|
| samtykke trukket | 0 | 1 | +1 |
| mål nådd | 0 | 1 | +1 |
| flyttet | 0 | 1 | +1 |
| bekymringen var ubegrunnet | 1 | 0 | -1 |
| Totalt | 1 | 3 | +2 |" "md: a table with the years and the change"
like "$(out)" '± er endringen fra perioden før\.' "md: the legend says what ± is"

# Suppression per cell: fixture_suppress, threshold 5, by quarter.
rs="$tmp/sup"
fixture_suppress "$rs"
expect 0 "suppressed trends" bti-report -C "$rs" --from 2025-10-01 --to 2026-06-30 --by quarter --format tsv
# Q4 2025: nothing; Q1 2026: 15 opened; Q2: none. Reports: 4 in Q2, hidden,
# and so are the changes next to them.
is "$(line opened total)" "total 0 15 +15 0 -15" "a shown count and its changes"
is "$(line reports_to_child_welfare total)" "total 0 0 0 : :" "a hidden count hides its change"
expect 0 "suppressed trends in HTML" bti-report -C "$rs" --from 2025-10-01 --to 2026-06-30 --by quarter --html
like "$(out)" '<svg class="chart"[^>]*aria-label="Aktive saker etter høyeste nivå i perioden"' "html: a line chart of active cases"
like "$(out)" '<th>2026-Q1</th><th>±</th>' "html: periods and changes as columns"
like "$(out)" '<td>&lt;5</td><td>:</td>' "html: a hidden count and its hidden change"
python3 - "$tmp/out" <<'PY' && pass "html: well-formed" || fail "html: well-formed"
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input"}
class C(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.bad = [], 0
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.bad += tag not in VOID
    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad += 1
c = C()
c.feed(open(sys.argv[1]).read())
sys.exit(1 if c.bad or c.stack else 0)
PY

# Bad periods: usage errors, nothing printed on stdout.
expect 2 "--years 2026-2023" bti-report -C "$r" --years 2026-2023
golden report-years-order "--years backwards: the message says what is wanted"
is "$(out)" "" "no figures"
expect 2 "--years 2026" bti-report -C "$r" --years 2026
like "$(err)" "--years: '2026' is not FIRST-LAST" "--years needs two years"
expect 2 "--by week" bti-report -C "$r" --year 2026 --by week
golden report-by "--by: an unknown period"
expect 2 "--years with --year" bti-report -C "$r" --years 2025-2026 --year 2026
like "$(err)" 'only one of them' "--years and --year: one of them"
expect 2 "an empty period: --to before --from" bti-report -C "$r" --from 2026-05-01 --to 2026-04-30 --by quarter
like "$(err)" 'in order' "the period is empty"
expect 2 "too many periods" bti-report -C "$r" --years 2000-2026 --by quarter
like "$(err)" 'more than 60 periods' "at most 60 periods"
done_testing
