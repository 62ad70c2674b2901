#!/bin/sh
# bti-report: the yearly figures, computed by hand from the definitions in
# lib/stats.c on small fixture repositories (tests/cli/fixture-report.sh),
# suppression of small counts, several repositories at once, privacy, and the
# case summary as Markdown and as safe, well-formed HTML.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

# figures TABLE DESC: the rows of TABLE in the last run's tsv/csv output, as
# "row value" lines, must equal standard input.
figures() {
	want=$(cat)
	got=$(awk -F '[\t,]' -v t="$1" '$1 == t { print $2, $3 }' "$tmp/out")
	is "$got" "$want" "$2"
}
# row TABLE ROW: the value of one row of the last run's tsv output.
row() { awk -F '\t' -v t="$1" -v r="$2" '$1 == t && $2 == r { print $3 }' "$tmp/out"; }

all_tables="table opened opened_by_service opened_by_age active_by_highest_level \
open_at_end_by_level level_moves closed_by_level closed_by_cause evaluations_due \
consents coordinator_handovers reports_to_child_welfare median_days"
# The tables after these, tested in 80-report-rows.t.
new_tables="reports_by_receiver reports_guardians_told concern_kinds worry_score \
worry_quartiles active_by_age active_children reopenings case_duration_days days_at_level \
services_joined coordinators_by_service meetings_child_heard measure_outcomes \
decisions_within_deadline meetings_at_cooperation_levels cooperation_consents \
cooperation_child_heard \
opened_by_service_and_age active_by_level_and_service closed_by_level_and_cause"
# old_figures: the last run's tsv without its header, the tables above only.
old_figures() { sed 1d "$tmp/out" | awk -F '\t' -v t=" $all_tables " 'index(t, " " $1 " ")'; }
tables() { cut -f1 "$tmp/out" | uniq | tr '\n' ' ' | sed 's/ $//'; }

# A strict HTML check: a doctype, and every element but the void ones closed,
# in order; nothing left open at the end.
cat >"$tmp/wellformed.py" <<'EOF'
import sys
from html.parser import HTMLParser
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.doctype = [], [], False
    def handle_decl(self, decl):
        self.doctype |= decl.lower() == "doctype html"
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.errors.append("<%s/> is not a void element" % tag)
    def handle_endtag(self, tag):
        if tag in VOID or not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> does not close %s" % (tag, self.stack[-1:] or "anything"))
        else:
            self.stack.pop()
c = Check()
c.feed(sys.stdin.read())
c.close()
if not c.doctype:
    c.errors.append("no <!DOCTYPE html>")
if c.stack:
    c.errors.append("left open: " + " ".join(c.stack))
print("\n".join(c.errors))
sys.exit(1 if c.errors else 0)
EOF
# wellformed DESC: the last run's stdout passes the check.
wellformed() {
	if python3 "$tmp/wellformed.py" <"$tmp/out" >"$tmp/wf.err"; then
		pass "$1"
	else
		fail "$1"
		diag <"$tmp/wf.err"
	fi
}
printf '<!DOCTYPE html>\n<html><body><p><b>x</p></b></body></html>\n' >"$tmp/out"
python3 "$tmp/wellformed.py" <"$tmp/out" >/dev/null && fail "the HTML check catches misnested tags" ||
	pass "the HTML check catches misnested tags"

###########################################################################
# The three-level fixture, suppress_below 1: every count is shown.
r="$tmp/main"
fixture_main "$r"

expect 0 "--year 2026 --format tsv" bti-report -C "$r" --year 2026 --format tsv
is "$(head -1 "$tmp/out")" "$(printf 'table\trow\tvalue')" "tsv: a header line"
is "$(tables)" "$(echo $all_tables $new_tables)" "tsv: every table, in order"
# Opened in 2026: G 01-05, E 01-10, D 02-02, F 03-01, J 04-20.
figures opened "2026: cases opened" <<'EOF'
total 5
EOF
# Services: D, G Skole; E NAV; F Barnehage; J Helsestasjon (sorted by name).
figures opened_by_service "2026: opened by service" <<'EOF'
Barnehage 1
Helsestasjon 1
NAV 1
Skole 2
total 5
EOF
# Age on the opening day: F 3 (born 2023-02-02), J 10 (fnr 040416...),
# G 14 (born 2012-01-01), D 16 (born 2009-09-09), E 20 (born 2005-01-15,
# opened 2026-01-10, five days before turning 21).
figures opened_by_age "2026: opened by age group, every group" <<'EOF'
0-5 1
6-12 1
13-15 1
16-17 1
18-23 1
total 5
EOF
# Highest level held in 2026: A 2 (at 1 on 2026-01-01, then 2), C 1 (at 1
# all year, no entry in 2026), D 2, E 1, F 0, G 1 (1, closed, 0, 1), H 2 (at 2
# on 2026-01-01, then 1), J 1. B was closed in 2025 and is not active.
figures active_by_highest_level "2026: active by the highest level in the year" <<'EOF'
0 1
1 4
2 3
total 8
EOF
# On 2026-12-31: A and D closed; C, E, G, H, J at 1; F at 0.
figures open_at_end_by_level "2026: open on the last day by level" <<'EOF'
0 1
1 5
total 6
EOF
# Moves dated 2026: E 0>1, G 0>1 twice (the reopening at 0 is no move),
# J 0>1, D 0>2, A 1>2 (by bti-evaluate --decision up), H 2>1 (--decision down).
figures level_moves "2026: movements between levels" <<'EOF'
0>1 4
0>2 1
1>2 1
2>1 1
total 7
EOF
# Closings in 2026: G at 1 (moved), D at 2 (consent-withdrawn), A at 2
# (goal-reached, decided at the evaluation of 04-10).
figures closed_by_level "2026: closed by level" <<'EOF'
1 1
2 2
total 3
EOF
figures closed_by_cause "2026: closed by cause" <<'EOF'
consent-withdrawn 1
goal-reached 1
moved 1
total 3
EOF
# Evaluations due in 2026, each due date answered by the next evaluation of
# the measure: A m1 due 02-01 evaluated 01-25 (on time), due 04-01 evaluated
# 04-10 (late); H m1 due 02-10 evaluated 02-10 (on time), due 05-10 evaluated
# 05-20 (late); E m1 due 02-20 evaluated 03-01 (late), due 04-15 evaluated
# 04-10 (on time), due 06-01 evaluated 06-05 (late); D m1 due 03-10 evaluated
# 03-05 (on time), due 03-25 never; D m2 due 03-10 never; J m1 due 06-01
# never. So on time 4, late 4, not evaluated 3, total 11.
is "$(row evaluations_due on-time)" 4 "2026: measures evaluated on time"
is "$(row evaluations_due late)" 4 "2026: measures evaluated late"
is "$(row evaluations_due not-evaluated)" 3 "2026: measures never evaluated, also in a case without evaluations"
is "$(row evaluations_due total)" 11 "2026: measures due for evaluation"
# Meetings at level 2 (three-level: 2 a year): A at 2 01-25..04-10, D
# 02-05..04-02, H 01-01..02-10, none with a meeting: too few, all three.
is "$(row meetings_at_cooperation_levels too-few) $(row meetings_at_cooperation_levels total)" "3 3" \
	"2026: cases at level 2 without the model's meetings"
# The same three at level 2: A's PPT and H's Helsestasjon covered by a
# consent all the time; D's BUP not from 04-01, when the consent was
# withdrawn, to its closing on 04-02.
is "$(row cooperation_consents consent-in-force) $(row cooperation_consents without-consent)" "2 1" \
	"2026: cooperation without a consent in force"
is "$(row cooperation_child_heard no-meeting)" 3 "2026: no meeting, so the child not heard at level 2"
# Consents dated 2026: A c1 given, D c1 given, D c2 withdraws c1, J c1 refused.
figures consents "2026: consents given, refused, withdrawn" <<'EOF'
given 2
refused 1
withdrawn 1
total 4
EOF
# A hands over from Kari Lærer to Per Rådgiver on 2026-03-01; the first
# coordinators of A and D are no handovers.
figures coordinator_handovers "2026: coordinator handovers" <<'EOF'
total 1
EOF
# Reports dated 2026: C 02-14, F 03-02, H 05-25.
figures reports_to_child_welfare "2026: reports to child welfare" <<'EOF'
total 3
EOF
# Cases opened in 2026, days to the first measure: D 8 (02-02 -> 02-10),
# E 12 (01-10 -> 01-22), J 16 (04-20 -> 05-06): median 12. Days to the first
# level decision: D 3 (-> 02-05), E 10 (-> 01-20), G 11 (-> 01-16), J 14
# (-> 05-04): median (10 + 11) / 2 = 10 in whole days. F has neither.
figures median_days "2026: medians" <<'EOF'
opening-to-first-measure 12
opening-to-decision 10
EOF

# The same year as CSV and JSON.
expect 0 "--year 2026 --format csv" bti-report -C "$r" --year 2026 --format csv
is "$(head -1 "$tmp/out")" "table,row,value" "csv: a header line"
like "$(out)" '^level_moves,0>1,4$' "csv: one figure per line"
is "$(wc -l <"$tmp/out")" "$(bti-report -C "$r" --year 2026 --format tsv | wc -l)" "csv: as many lines as tsv"
expect 0 "--year 2026 --format json" bti-report -C "$r" --year 2026 --format json
is "$(python3 -c 'import json, sys
d = json.load(sys.stdin)
t = {x["table"]: x for x in d["tables"]}
print(d["from"], d["to"], d["suppress_below"], t["opened"]["total"],
      [(r["row"], r["value"]) for r in t["level_moves"]["rows"]],
      [(r["row"], r["value"], r["cases"]) for r in t["median_days"]["rows"]])' <"$tmp/out")" \
	"2026-01-01 2026-12-31 1 5 [('0>1', 4), ('0>2', 1), ('1>2', 1), ('2>1', 1)] [('opening-to-first-measure', 12, 3), ('opening-to-decision', 10, 4)]" \
	"json: valid, with the period, the threshold, figures and the cases behind each median"

# Markdown, the default, in each language.
expect 0 "--year 2026 (Markdown)" bti-report -C "$r" --year 2026
is "$(head -1 "$tmp/out")" "# BTI-statistikk" "md: the title (no municipality in bti.yaml)"
like "$(out)" '^Periode: 2026-01-01 – 2026-12-31$' "md: the period"
like "$(out)" '^Tall under 1 vises som <1\.' "md: the legend names the threshold"
is "$(sed -n '/^## Bevegelser mellom nivåer$/,/Totalt/p' "$tmp/out")" "## Bevegelser mellom nivåer

- Nivå 0 → 1: 4
- Nivå 0 → 2: 1
- Nivå 1 → 2: 1
- Nivå 2 → 1: 1
- **Totalt: 7**" "md: the moves as people read them"
is "$(sed -n '/^## Median antall dager$/,/^- fra bekymring/p' "$tmp/out")" "## Median antall dager

- fra ny sak til første tiltak: 12 (3 saker)
- fra bekymring til beslutning om nivå: 10 (4 saker)" "md: the medians with how many cases they are over"
expect 0 "--lang en" bti-report -C "$r" --year 2026 --lang en
like "$(out)" '^## Cases closed by cause$' "en: table headings"
like "$(out)" '^- consent withdrawn: 1$' "en: causes in words"
like "$(out)" '^- Level 1 → 2: 1$' "en: moves"
like "$(out)" '^- from concern to the level decision: 10 \(4 cases\)$' "en: medians"
expect 0 "--lang nn" bti-report -C "$r" --year 2026 --lang nn
like "$(out)" '^## Avslutta saker etter årsak$' "nn: table headings"
like "$(out)" '^- samtykke trekt: 1$' "nn: causes in words"
expect 0 "--year 2026 --html" bti-report -C "$r" --year 2026 --html
is "$(head -1 "$tmp/out")" "<!DOCTYPE html>" "html: starts with the doctype"
is "$(tail -1 "$tmp/out")" "</html>" "html: ends with </html>"
like "$(out)" '^<html lang="nb">$' "html: the language of the labels"
like "$(out)" '<title>BTI-statistikk 2026-01-01 – 2026-12-31</title>' "html: a title with the period"
like "$(out)" '<tr><th>Nivå 0 → 1</th><td>4</td></tr>' "html: the figures as table rows"
wellformed "html: the yearly page is well-formed"

# 2025: the cases that span the year boundary count where their dates fall.
expect 0 "--year 2025" bti-report -C "$r" --year 2025 --format tsv
is "$(tables)" "$(echo $all_tables $new_tables)" "2025: every table"
# Opened in 2025: B Barnehage (3), C Helsestasjon (14), A Skole (11),
# H Barnehage (4, opened 2025-12-15, days before turning 5).
figures opened_by_service "2025: opened by service" <<'EOF'
Barnehage 2
Helsestasjon 1
Skole 1
total 4
EOF
figures opened_by_age "2025: opened by age group" <<'EOF'
0-5 2
6-12 1
13-15 1
16-17 0
18-23 0
total 4
EOF
# B opened and closed at 0; A and C reached 1; H reached 2 on 2025-12-20.
figures active_by_highest_level "2025: active by highest level" <<'EOF'
0 1
1 2
2 1
total 4
EOF
# On 2025-12-31 A (closed in 2026) was at 1, C at 1, H at 2.
figures open_at_end_by_level "2025: open on the last day (A closes in 2026)" <<'EOF'
1 2
2 1
total 3
EOF
figures level_moves "2025: moves" <<'EOF'
0>1 2
0>2 1
total 3
EOF
figures closed_by_level "2025: closed by level" <<'EOF'
0 1
total 1
EOF
figures closed_by_cause "2025: closed by cause" <<'EOF'
unfounded 1
total 1
EOF
# A m1 was due 2025-12-01 and evaluated 2025-12-10; its later due dates are
# in 2026.
figures evaluations_due "2025: the late evaluation falls in 2025" <<'EOF'
on-time 0
late 1
not-evaluated 0
total 1
EOF
figures consents "2025: C's refusal and H's consent" <<'EOF'
given 1
refused 1
withdrawn 0
total 2
EOF
figures coordinator_handovers "2025: no handover (H's first coordinator)" <<'EOF'
total 0
EOF
figures reports_to_child_welfare "2025: no reports" <<'EOF'
total 0
EOF
# Cases opened in 2025: first measure A 19 days (10-01 -> 10-20), H 26 days
# (2025-12-15 -> 2026-01-10, counted with the year the case opened): median
# (19 + 26) / 2 = 22. Decision: A 14, B 17 (the closing), C 9, H 5: median
# (9 + 14) / 2 = 11.
figures median_days "2025: medians, with H's first measure in 2026" <<'EOF'
opening-to-first-measure 22
opening-to-decision 11
EOF

# --from/--to: 2026-04-01 to 2026-05-31.
expect 0 "--from 2026-04-01 --to 2026-05-31" bti-report -C "$r" --from 2026-04-01 --to 2026-05-31 --format tsv
# Opened: J only (Helsestasjon, 10). Active: on 04-01 A and D were at 2 (both
# close in the window), C, E, G, H at 1, F at 0, J opens and goes to 1. Open
# on 05-31 as at the end of the year. The only move is J 0>1 on 05-04;
# closings are D 04-02 and A 04-10, both at 2. Evaluations due in the window:
# A 04-01 (late, 04-10), E 04-15 (on time, 04-10), H 05-10 (late, 05-20);
# E's and J's 06-01 are outside. Consents: D's withdrawal 04-01 and J's
# refusal 05-05. Report: H 05-25. Medians: J alone, 16 and 14 days.
is "$(old_figures | tr '\t' ' ')" "opened total 1
opened_by_service Helsestasjon 1
opened_by_service total 1
opened_by_age 0-5 0
opened_by_age 6-12 1
opened_by_age 13-15 0
opened_by_age 16-17 0
opened_by_age 18-23 0
opened_by_age total 1
active_by_highest_level 0 1
active_by_highest_level 1 5
active_by_highest_level 2 2
active_by_highest_level total 8
open_at_end_by_level 0 1
open_at_end_by_level 1 5
open_at_end_by_level total 6
level_moves 0>1 1
level_moves total 1
closed_by_level 2 2
closed_by_level total 2
closed_by_cause consent-withdrawn 1
closed_by_cause goal-reached 1
closed_by_cause total 2
evaluations_due on-time 1
evaluations_due late 2
evaluations_due not-evaluated 0
evaluations_due total 3
consents given 0
consents refused 1
consents withdrawn 1
consents total 2
coordinator_handovers total 0
reports_to_child_welfare total 1
median_days opening-to-first-measure 16
median_days opening-to-decision 14" "--from/--to: every figure of the period"
expect 0 "--from/--to as Markdown" bti-report -C "$r" --from 2026-04-01 --to 2026-05-31
like "$(out)" '^Periode: 2026-04-01 – 2026-05-31$' "md: the period given"
# A period that starts on the day D closed at level 2: D was active in it, at
# 2, and its closing counts; D's withdrawal the day before does not.
expect 0 "--from the day a case closed" bti-report -C "$r" --from 2026-04-02 --to 2026-05-31 --format tsv
figures active_by_highest_level "a case closed on the first day is active in the period" <<'EOF'
0 1
1 5
2 2
total 8
EOF
figures closed_by_level "and its closing counts in the period" <<'EOF'
2 2
total 2
EOF
figures consents "the withdrawal the day before does not" <<'EOF'
given 0
refused 1
withdrawn 0
total 1
EOF
# A period that ends on the day a case closed: D (closed at level 2 on
# 04-02) is closed at the end of the period, so only A is open at 2.
expect 0 "--to the day a case closed" bti-report -C "$r" --from 2026-03-01 --to 2026-04-02 --format tsv
is "$(grep -P '^closed_by_level\t2\t' "$tmp/out" | cut -f3)" 1 "the case closed on the last day counts as closed"
is "$(grep -P '^open_at_end_by_level\t2\t' "$tmp/out" | cut -f3)" 1 "and not as open on the last day"

# An empty year.
expect 0 "--year 2020, a year without cases" bti-report -C "$r" --year 2020 --format tsv
is "$(old_figures | tr '\t' ' ')" "opened total 0
opened_by_service total 0
opened_by_age 0-5 0
opened_by_age 6-12 0
opened_by_age 13-15 0
opened_by_age 16-17 0
opened_by_age 18-23 0
opened_by_age total 0
active_by_highest_level total 0
open_at_end_by_level total 0
level_moves total 0
closed_by_level total 0
closed_by_cause total 0
evaluations_due on-time 0
evaluations_due late 0
evaluations_due not-evaluated 0
evaluations_due total 0
consents given 0
consents refused 0
consents withdrawn 0
consents total 0
coordinator_handovers total 0
reports_to_child_welfare total 0" "empty year: every count 0, no median rows"
expect 0 "empty year as JSON" bti-report -C "$r" --year 2020 --format json
like "$(out)" '\{"table": "median_days", "rows": \[\]\}' "json: no median rows"
expect 0 "empty year as Markdown" bti-report -C "$r" --year 2020
is "$(sed -n '/^## Median antall dager$/,/^- fra bekymring/p' "$tmp/out" | tail -2)" "- fra ny sak til første tiltak: –
- fra bekymring til beslutning om nivå: –" "md: a dash for a median without cases"

# Privacy: no name, fnr, case id or free text in any yearly output.
: >"$tmp/all"
for args in "--format md" "--format csv" "--format tsv" "--format json" "--html" \
	"--lang en" "--year 2025" "--from 2025-01-01 --to 2026-06-15"; do
	case $args in --year* | --from*) y= ;; *) y="--year 2026" ;; esac
	bti-report -C "$r" $y $args >>"$tmp/all" 2>&1
done
like "$(cat "$tmp/all")" 'level_moves' "privacy: the outputs were collected"
unlike "$(cat "$tmp/all")" "$main_names" "privacy: no child's name in the figures"
unlike "$(cat "$tmp/all")" '04041650236|0404165' "privacy: no national id number"
unlike "$(cat "$tmp/all")" '[0-9]{4}-[0-9A-HJKMNP-TV-Z]{6}' "privacy: nothing shaped like a case id"
found=
for id in $main_ids; do grep -qF "$id" "$tmp/all" && found="$found $id"; done
is "$found" "" "privacy: none of the nine case ids"
unlike "$(cat "$tmp/all")" 'Kari|Rådgiver|Ansvarlig|Helsesøster|Mor|Far|Omsorgssvikt|Mistanke om vold|Blåmerker' \
	"privacy: no staff or guardian names and no concern or report text"

###########################################################################
# The four-level model: levels 0-3, moves 2>3 and 3>2, no 0>2.
r4="$tmp/four"
fixture_four "$r4"
expect 0 "four-level: --year 2026" bti-report -C "$r4" --year 2026 --format tsv
# Opened: K Skole (12), L Barnehage (3), M Skole (15). K went 0>1>2>3>2 and
# closed at 2 (individual-plan): highest 3. L went 0>1>2>3 and stays at 3.
# M stays at 0. L m1 due 04-20 evaluated 04-20: on time. Consents: K c1 and
# L c1 given. Medians: L's measure after 39 days (02-09 -> 03-20); decisions
# K 7 (01-12 -> 01-19) and L 7 (02-09 -> 02-16).
is "$(old_figures | tr '\t' ' ')" "opened total 3
opened_by_service Barnehage 1
opened_by_service Skole 2
opened_by_service total 3
opened_by_age 0-5 1
opened_by_age 6-12 1
opened_by_age 13-15 1
opened_by_age 16-17 0
opened_by_age 18-23 0
opened_by_age total 3
active_by_highest_level 0 1
active_by_highest_level 3 2
active_by_highest_level total 3
open_at_end_by_level 0 1
open_at_end_by_level 3 1
open_at_end_by_level total 2
level_moves 0>1 2
level_moves 1>2 2
level_moves 2>3 2
level_moves 3>2 1
level_moves total 7
closed_by_level 2 1
closed_by_level total 1
closed_by_cause individual-plan 1
closed_by_cause total 1
evaluations_due on-time 1
evaluations_due late 0
evaluations_due not-evaluated 0
evaluations_due total 1
consents given 2
consents refused 0
consents withdrawn 0
consents total 2
coordinator_handovers total 0
reports_to_child_welfare total 0
median_days opening-to-first-measure 39
median_days opening-to-decision 7" "four-level: every figure"
expect 0 "four-level as Markdown in English" bti-report -C "$r4" --year 2026 --lang en
like "$(out)" '^- Level 2 → 3: 2$' "four-level: the move 2 -> 3"
like "$(out)" '^- Level 3: 2$' "four-level: level 3 in the active table"
like "$(out)" '^- individual plan: 1$' "four-level: the closing cause in words"

###########################################################################
# Several repositories at once: the figures add up.
expect 0 "two repositories" bti-report --year 2026 --format tsv "$r" "$r4"
figures opened "sum: opened 5 + 3" <<'EOF'
total 8
EOF
figures opened_by_service "sum: services merged by name" <<'EOF'
Barnehage 2
Helsestasjon 1
NAV 1
Skole 4
total 8
EOF
# The two use different level models (three-level, four-level): their
# levels are never added up, every level row says its model (issue 14).
figures active_by_highest_level "sum: active, the levels of each model apart" <<'EOF'
four-level:0 1
four-level:3 2
three-level:0 1
three-level:1 4
three-level:2 3
total 11
EOF
figures open_at_end_by_level "sum: open at the end, by model" <<'EOF'
four-level:0 1
four-level:3 1
three-level:0 1
three-level:1 5
total 8
EOF
figures level_moves "sum: moves of both models, apart" <<'EOF'
four-level:0>1 2
four-level:1>2 2
four-level:2>3 2
four-level:3>2 1
three-level:0>1 4
three-level:0>2 1
three-level:1>2 1
three-level:2>1 1
total 14
EOF
expect 0 "two models in Markdown" bti-report --year 2026 --lang en "$r" "$r4"
like "$(out)" '^- four-level: Level 2 → 3: 2$' "md: a level row names its model"
expect 0 "two repositories again" bti-report --year 2026 --format tsv "$r" "$r4"
figures closed_by_cause "sum: causes" <<'EOF'
consent-withdrawn 1
goal-reached 1
individual-plan 1
moved 1
total 4
EOF
is "$(row evaluations_due on-time) $(row evaluations_due late)" "5 4" "sum: evaluations on time and late"
figures consents "sum: consents" <<'EOF'
given 4
refused 1
withdrawn 1
total 6
EOF
# Medians over all the cases, not a median of medians: first measure
# {8, 12, 16, 39} -> (12 + 16) / 2 = 14; decision {3, 10, 11, 14, 7, 7} ->
# (7 + 10) / 2 = 8.
figures median_days "sum: medians over every case" <<'EOF'
opening-to-first-measure 14
opening-to-decision 8
EOF
expect 3 "a REPO that is not a case repository" bti-report --year 2026 "$r" "$tmp/nowhere"
like "$(err)" 'not in a case repository' "the error says so"

###########################################################################
# Suppression with the default threshold 5 (fixture_suppress).
rs="$tmp/sup"
fixture_suppress "$rs"
expect 0 "suppression: --year 2026" bti-report -C "$rs" --year 2026 --format tsv
figures opened "suppression: 15 opened, shown" <<'EOF'
total 15
EOF
# Barnehage 7, Skole 6, Skolehelsetjenesten 2: the 2 is hidden (primary), and
# it could be recomputed as 15 - 7 - 6, so the smallest other cell, Skole's
# 6 (not the first row, Barnehage's 7), is hidden too (secondary). These are
# also the row totals of the cross-table opened_by_service_and_age, where
# Barnehage's one six-year-old is hidden and needs Barnehage's 7 hidden too
# (81-report-crosstab.t): what one table hides, the other does.
figures opened_by_service "suppression: primary 2 and secondary 6, and 7 for the cross-table" <<'EOF'
Barnehage :
Skole :
Skolehelsetjenesten :
total 15
EOF
# Ages: 0-5 6, 6-12 6 (five pupils and one six-year-old in Barnehage), 13-15 1,
# 16-17 2: two cells hidden, none recomputable, no secondary; 0 is shown.
figures opened_by_age "suppression: two hidden cells need no secondary" <<'EOF'
0-5 6
6-12 6
13-15 :
16-17 :
18-23 0
total 15
EOF
# Active: 12 at most at 0, 3 reached 1 -> 3 hidden, 12 hidden to protect it.
figures active_by_highest_level "suppression: active, 12 hidden to protect 3" <<'EOF'
0 :
1 :
total 15
EOF
# Open on the last day: 7 at 0 (five closed), 3 at 1.
figures open_at_end_by_level "suppression: open at the end" <<'EOF'
0 :
1 :
total 10
EOF
# Three moves: the total itself is below 5 and hidden; no secondary then.
figures level_moves "suppression: a hidden total" <<'EOF'
0>1 :
total :
EOF
# Exactly 5 is shown.
figures closed_by_level "suppression: 5 is not below 5" <<'EOF'
0 5
total 5
EOF
figures closed_by_cause "suppression: causes" <<'EOF'
unfounded 5
total 5
EOF
# S1 on time, S2 late: 1 and 1 hidden, and their total 2.
figures evaluations_due "suppression: evaluations" <<'EOF'
on-time :
late :
not-evaluated 0
total :
EOF
figures consents "suppression: zeros are shown" <<'EOF'
given 0
refused 0
withdrawn 0
total 0
EOF
# Four reports: 4 is hidden.
figures reports_to_child_welfare "suppression: 4 reports hidden" <<'EOF'
total :
EOF
# A median over fewer than 5 cases is hidden: the first measure of S1, S2
# (28 days each). The decision median is over 8 cases: five closings after
# 10 days and three moves after 20 -> (10 + 10) / 2 = 10.
figures median_days "suppression: a median over 2 cases is hidden" <<'EOF'
opening-to-first-measure :
opening-to-decision 10
EOF
expect 0 "suppression as CSV" bti-report -C "$rs" --year 2026 --format csv
like "$(out)" '^opened_by_service,Skole,:$' "csv: ':' for a hidden count"
expect 0 "suppression as Markdown" bti-report -C "$rs" --year 2026
like "$(out)" '^Tall under 5 vises som <5\. Tall som kunne avsløre et skjult tall, vises som «:»\.' \
	"md: the legend explains <5 and :"
is "$(sed -n '/^## Nye saker etter tjeneste$/,/Totalt/p' "$tmp/out")" "## Nye saker etter tjeneste

- Barnehage: :
- Skole: :
- Skolehelsetjenesten: <5
- **Totalt: 15**" "md: <5 for a small count, : for the one hidden to protect it"
is "$(sed -n '/^## Nye saker etter alder$/,/Totalt/p' "$tmp/out")" "## Nye saker etter alder

- 0-5 år: 6
- 6-12 år: 6
- 13-15 år: <5
- 16-17 år: <5
- 18-23 år: 0
- **Totalt: 15**" "md: age groups"
like "$(out)" '^- \*\*Totalt: <5\*\*$' "md: a hidden total"
is "$(sed -n '/^## Median antall dager$/,/^- fra bekymring/p' "$tmp/out" | tail -2)" "- fra ny sak til første tiltak: <5 saker
- fra bekymring til beslutning om nivå: 10 (8 saker)" "md: a hidden median says only <5 cases"
expect 0 "suppression as JSON" bti-report -C "$rs" --year 2026 --format json
is "$(python3 -c 'import json, sys
d = json.load(sys.stdin)
t = {x["table"]: x for x in d["tables"]}
print(d["suppress_below"], t["opened_by_service"]["rows"], t["level_moves"]["total"],
      t["median_days"]["rows"][0])' <"$tmp/out")" \
	"5 [{'row': 'Barnehage', 'value': ':'}, {'row': 'Skole', 'value': ':'}, {'row': 'Skolehelsetjenesten', 'value': ':'}] : {'row': 'opening-to-first-measure', 'value': ':', 'cases': ':'}" \
	"json: ':' for hidden values, the median and its case count"
expect 0 "suppression as HTML" bti-report -C "$rs" --year 2026 --html
like "$(out)" '<tr><th>Skolehelsetjenesten</th><td>&lt;5</td></tr>' "html: <5 escaped"
wellformed "html: well-formed with hidden counts"

# The highest threshold of the repositories named applies to them all.
expect 0 "a threshold of 1 and one of 5 together" bti-report --year 2026 --format tsv "$r" "$rs"
# Barnehage 1 + 7, Helsestasjon 1, NAV 1, Skole 2 + 6, Skolehelsetjenesten 2:
# three cells below 5, so no secondary here; Barnehage is hidden for the
# cross-table of service and age (two of its children are 6-12 and 13-15),
# and Skole for the table by repository (its 2 in the first is hidden, and
# so, to protect it, its 6 in the second and its total).
figures opened_by_service "sum with suppression: the threshold is 5" <<'EOF'
Barnehage :
Helsestasjon :
NAV :
Skole :
Skolehelsetjenesten :
total 20
EOF

###########################################################################
# Case summaries.
rsum="$tmp/sum"
fixture_summary "$rsum"
expect 0 "summary: Markdown" bti-report -C "$rsum" "$SUM"
is "$(head -1 "$tmp/out")" "# Sak $SUM" "summary: the case id as title"
like "$(out)" '^- \*\*Barn/ungdom:\*\* Sofie Berg, 12 år$' "summary: the child's name and age today"
like "$(out)" '^- \*\*Nivå:\*\* 2 – Tverrfaglig innsats siden 2026-03-10$' "summary: the level, its name and since when"
like "$(out)" '^- \*\*Koordinator:\*\* Kari Lærer \(Skole\), siden 2026-03-10$' "summary: the coordinator"
is "$(sed -n '/^## Tjenester som deltar$/,/^## /p' "$tmp/out" | sed -n 3p)" \
	"- PPT (kontakt Pål Psykolog), siden 2026-03-10" "summary: the services taking part"
is "$(sed -n '/^## Samtykker i kraft$/,/^## /p' "$tmp/out" | grep '^- ')" \
	"- c1, 2026-03-10: PPT – Mor, Far (skriftlig, over tid)" \
	"summary: only the consent in force (not the withdrawn c2, the withdrawal or the refusal)"
like "$(out)" '^- g1: Trives på skolen$' "summary: the goal"
like "$(out)" '^- \*\*m1\*\* Leksehjelp – ansvarlig Kari Lærer; start 2026-03-12; siste evaluering 2026-04-30: fortsetter; neste evaluering 2026-08-15$' \
	"summary: the measure with its last and next evaluation"
like "$(out)" '^- 2026-03-10: Nivå 2 – Tverrfaglig \(Kari Lærer\)$' "summary: the level history"
unlike "$(out)" 'IKKE INFORMER' "summary: no secrecy warning without violence"
expect 0 "summary: --lang en" bti-report -C "$rsum" --lang en "$SUM"
like "$(out)" '^- \*\*Level:\*\* 2 – Interdisciplinary effort since 2026-03-10$' "en: the level"
like "$(out)" '^- \*\*Coordinator:\*\* Kari Lærer \(Skole\), since 2026-03-10$' "en: the coordinator"
like "$(out)" '^## Consents in force$' "en: consents in force"
like "$(out)" '^- c1, 2026-03-10: PPT – Mor, Far \(written, over time\)$' "en: the consent"
like "$(out)" 'responsible Kari Lærer; start 2026-03-12; last evaluation 2026-04-30: continues; next evaluation 2026-08-15$' \
	"en: the measure"
expect 0 "summary: --lang nn" bti-report -C "$rsum" --lang nn "$SUM"
like "$(out)" '^- \*\*Nivå:\*\* 2 – Tverrfagleg innsats sidan 2026-03-10$' "nn: the level"
like "$(out)" '^## Tenester som deltek$' "nn: services"
like "$(out)" '^## Samtykke i kraft$' "nn: consents in force"
like "$(out)" 'ansvarleg Kari Lærer; .*: held fram; neste evaluering 2026-08-15$' "nn: the measure"
expect 0 "summary: violence" bti-report -C "$rsum" "$SEC"
is "$(sed -n 3p "$tmp/out")" "> **IKKE INFORMER FORESATTE: meldingen gjelder vold eller seksuelle overgrep.**" \
	"violence: 'do not inform' right under the title"
expect 0 "summary: violence, in English" bti-report -C "$rsum" --lang en "$SEC"
is "$(sed -n 3p "$tmp/out")" "> **DO NOT INFORM THE GUARDIANS: the report concerns violence or sexual abuse.**" \
	"violence: 'do not inform' in English"
expect 0 "summary: violence as HTML" bti-report -C "$rsum" --html "$SEC"
like "$(out)" '^<blockquote>$' "html: the warning is a blockquote"
is "$(grep -n -m1 'IKKE INFORMER' "$tmp/out" | cut -d: -f1)" \
	"$(($(grep -n -m1 '<h1>' "$tmp/out" | cut -d: -f1) + 2))" "html: the warning follows the heading"
wellformed "html: the summary is well-formed"

# Hostile text stays text.
expect 0 "summary: hostile text as HTML" bti-report -C "$rsum" --html "$EVIL"
is "$(head -1 "$tmp/out")" "<!DOCTYPE html>" "hostile: a complete page"
is "$(tail -1 "$tmp/out")" "</html>" "hostile: ends with </html>"
unlike "$(out)" '<script' "hostile: no script element"
unlike "$(out)" '<img' "hostile: no img element"
unlike "$(out)" '<b>' "hostile: no b element from the responsible's name"
unlike "$(out)" 'href="javascript' "hostile: no javascript link"
unlike "$(out)" '<a ' "hostile: no link at all"
like "$(out)" '&lt;script&gt;alert\(1\)&lt;/script&gt;' "hostile: the name is shown, escaped"
like "$(out)" '&lt;img src=x onerror=alert\(1\)&gt;' "hostile: the service is shown, escaped"
like "$(out)" '\[x\]\(javascript:alert\(1\)\)' "hostile: the measure is shown as written"
wellformed "hostile: well-formed"
expect 0 "hostile text as Markdown" bti-report -C "$rsum" "$EVIL"
like "$(out)" '^- \*\*Barn/ungdom:\*\* \\<script\\>alert\\\(1\\\)\\</script\\>, 11 år$' "md: the name escaped for Markdown"
like "$(out)" '\\\[x\\\]\\\(javascript:alert\\\(1\\\)\\\)' "md: the measure cannot become a link"
expect 0 "the yearly page of the hostile repository" bti-report -C "$rsum" --year 2026 --html
like "$(head -1 "$tmp/out")" '^<!DOCTYPE html>$' "yearly html: a complete page"
is "$(sed -n '/<h1>/p' "$tmp/out")" "<h1>BTI-statistikk – Tromsø</h1>" "yearly html: the municipality in the title"
unlike "$(out)" '<img|<script' "yearly html: a hostile service name is no markup"
like "$(out)" '<th>&lt;img src=x onerror=alert\(1\)&gt;</th>' "yearly html: it is a row, escaped"
unlike "$(out)" 'Sofie|Vilde|script|alert\(1\)&lt;/' "yearly html: no child's name"
wellformed "yearly html: well-formed"
expect 0 "two repositories: no municipality" bti-report --year 2026 "$rsum" "$r"
is "$(head -1 "$tmp/out")" "# BTI-statistikk" "md: no municipality for several repositories"

###########################################################################
# An invalid case is skipped and named; the rest still count.
rb="$tmp/bad"
newrepo "$rb"
export BTI_USER="Kari Lærer"
fxnew OK1 bti-new -C "$rb" --date 2026-01-10 --name A --born 2015-01-01 --service Skole --concern x --worry 2
fxnew BAD bti-new -C "$rb" --date 2026-01-11 --name B --born 2015-01-01 --service Skole --concern x --worry 2
suppress_below "$rb" 1
# (--no-verify: bti-init's pre-commit hook would refuse the broken case.)
sed -i 's/^  worry: 2$/  worry: 11/' "$rb/$(cpath $BAD)"
git -C "$rb" -c user.name=H -c user.email=h@x commit -q --no-verify -am "hand edit"
expect 1 "an invalid case: exit 1" bti-report -C "$rb" --year 2026 --format tsv
like "$(err)" "$(cpath $BAD)" "the invalid case is named on stderr"
is "$(row opened total)" 1 "the valid case is still counted"

###########################################################################
# Usage errors and unknown cases.
expect 2 "--html with --format csv" bti-report -C "$r" --year 2026 --html --format csv
golden report-html-format "the error says --html goes with Markdown"
expect 2 "an unknown --format" bti-report -C "$r" --year 2026 --format xml
golden report-format "the error lists the formats"
expect 2 "--from without --to" bti-report -C "$r" --from 2026-01-01
golden report-from "the error says --from and --to go together, in order"
expect 2 "--to before --from" bti-report -C "$r" --from 2026-02-01 --to 2026-01-01
expect 2 "an impossible --from date" bti-report -C "$r" --from 2026-02-30 --to 2026-03-01
expect 2 "--year with --from" bti-report -C "$r" --year 2026 --from 2026-01-01 --to 2026-02-01
expect 2 "a year out of range" bti-report -C "$r" --year 26
expect 2 "an unknown --lang" bti-report -C "$r" --year 2026 --lang de
expect 2 "neither a case id nor a period" bti-report -C "$r"
expect 2 "two case ids" bti-report -C "$r" "$A" "$B"
expect 1 "an unknown case id" bti-report -C "$r" 2026-ZZZZZZ
golden report-unknown "the error names the case"
expect 1 "not a case id" bti-report -C "$r" ../../etc/passwd
golden report-not-id "the error says it is not a case id"
expect 0 "--help" bti-report --help
like "$(out)" '^usage: bti-report' "--help prints the usage"

done_testing
