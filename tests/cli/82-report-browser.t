#!/bin/sh
# bti-report --html looked at in a real browser (issue 14 item 6): headless
# Chromium prints the yearly page to PDF, and pdftotext and pdfinfo
# (poppler-utils) show that the headings, the numbers and the suppression
# marks are there and that the pages are A4. Skipped where chromium or
# poppler-utils are not installed (.ci/run installs them).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/fixture-report.sh"

for tool in chromium pdftotext pdfinfo; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "ok 1 # skip $tool is not installed"
		echo "1..1"
		exit 0
	fi
done

# pdf HTML PDF: Chromium prints the page, as root too (no sandbox).
pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$tmp/chromium" --print-to-pdf="$2" "file://$1" >"$tmp/chromium.log" 2>&1
}

r="$tmp/sup"
fixture_suppress "$r"
sed -i 's/^municipality: .*//' "$r/bti.yaml"
echo "municipality: Tromsø" >>"$r/bti.yaml"
git -C "$r" -c user.name=Admin -c user.email=admin@bti.invalid commit -qam municipality
expect 0 "the yearly page as HTML" bti-report -C "$r" --year 2026 --html
cp "$tmp/out" "$tmp/report.html"
if pdf "$tmp/report.html" "$tmp/report.pdf" && test -s "$tmp/report.pdf"; then
	pass "chromium prints it to PDF"
else
	fail "chromium prints it to PDF"
	diag <"$tmp/chromium.log"
fi
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
text=$(cat "$tmp/report.txt")
like "$text" 'BTI-statistikk – Tromsø' "pdf: the heading with the municipality"
like "$text" 'Periode: 2026-01-01 – 2026-12-31 · Laget: 2026-06-15' "pdf: the period and the day it was made"
like "$text" 'Nye saker etter tjeneste og alder' "pdf: a cross-table's heading"
like "$text" 'Aktive saker etter høyeste nivå i perioden' "pdf: a table's heading"
like "$text" 'Totalt +15' "pdf: a number"
like "$text" 'Skolehelsetjenesten +<5' "pdf: a count below the threshold as <5"
like "$text" 'Barnehage +:' "pdf: a value hidden to protect another as :"
# The chart draws the hidden values as hidden: "<5" and ":" in its text.
like "$(grep -c '<5' "$tmp/report.txt")" '^[3-9]|^[1-9][0-9]' "pdf: <5 in the charts and the tables"
pdfinfo "$tmp/report.pdf" >"$tmp/info"
like "$(cat "$tmp/info")" 'Page size: +59[45](\.[0-9]*)? x 84[12](\.[0-9]*)? pts \(A4\)' "pdfinfo: A4 pages"
pages=$(awk '/^Pages:/ { print $2 }' "$tmp/info")
like "$pages" '^[1-9][0-9]*$' "pdfinfo: $pages pages"
done_testing
