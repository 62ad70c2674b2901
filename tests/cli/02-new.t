#!/bin/sh
# bti-new: opening cases, and refusing bad ones without a trace.
. "$(dirname "$0")/lib.sh"
r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"

expect 0 "bti-new opens a case" bti-new -C "$r" --name "Ola Nordmann" --born 2015-06-02 \
	--service "Kvaløysletta skole" --concern "Trøtt og lei i timene" --worry 6
id=$(out)
like "$id" '^2026-[0-9A-HJKMNP-TV-Z]{6}$' "prints the new case id"
f="$r/$(cpath $id)"
test -f "$f" && pass "writes cases/YYYY/X/ID.yaml" || fail "writes cases/YYYY/X/ID.yaml"
is "$(git -C "$r" status --porcelain)" "" "the work tree is clean"
is "$(git -C "$r" rev-list --count HEAD)" "2" "exactly one commit"
is "$(git -C "$r" log -1 --format=%s)" "bti-new $id: opened at level 0" "the subject names the case and the event"
is "$(git -C "$r" log -1 --format='%(trailers:key=BTI-Case,valueonly)' | head -1)" "$id" "BTI-Case trailer"
is "$(git -C "$r" log -1 --format='%(trailers:key=BTI-Event,valueonly)' | head -1)" "new" "BTI-Event trailer"
is "$(git -C "$r" log -1 --format=%an)" "Kari Lærer" "the author is BTI_USER"
unlike "$(git -C "$r" log --format=%B)" 'Ola|Nordmann|2015' "no personal data in commit messages"
unlike "$(git -C "$r" ls-files)" 'Ola|Nordmann' "no personal data in paths"
is "$(git -C "$r" show HEAD:$(cpath $id))" "$(cat "$f")" "the committed file is the work-tree file"
like "$(cat "$f")" '^  born: 2015-06-02$' "dates are written plain"
like "$(cat "$f")" '^- date: 2026-06-15$' "the level entry is dated today"
like "$(cat "$f")" '^  level: 0$' "the case opens at level 0"

# National id numbers: valid old rule, valid only under the 2032 rule, invalid.
expect 0 "a valid fødselsnummer" bti-new -C "$r" --name A --fnr 31129956715 \
	--service S --concern C --worry 3
id2=$(out)
like "$(cat "$r/$(cpath $id2)")" '^  fnr: "31129956715"$' "the number is quoted as text"
expect 0 "a number valid only under the 2032 rule" bti-new -C "$r" --name A \
	--fnr 30108299939 --born 2082-10-30 --service S --concern C --worry 3
printf '02013299997\n' >"$tmp/fnr"
expect 0 "--fnr - reads the number from standard input" sh -c \
	'bti-new -C "$1" --name A --fnr - --service S --concern C --worry 3 <"$2"' sh "$r" "$tmp/fnr"
unchanged 1 "a wrong check digit is refused" "$r" bti-new -C "$r" --name A \
	--fnr 31129956716 --service S --concern C --worry 3
golden new-fnr "the error names the rule and the field"
unchanged 1 "a birth date that disagrees with the number is refused" "$r" bti-new -C "$r" \
	--name A --fnr 31129956715 --born 1999-12-30 --service S --concern C --worry 3
golden new-born "the error gives both dates"
unchanged 2 "a worry of 11 is a usage error" "$r" bti-new -C "$r" --name A --born 2015-01-01 \
	--service S --concern C --worry 11
golden new-worry "and says the range"
unchanged 2 "a missing birth date and number is a usage error" "$r" bti-new -C "$r" --name A \
	--service S --concern C --worry 3
unchanged 2 "an impossible birth date is a usage error" "$r" bti-new -C "$r" --name A \
	--born 2015-02-30 --service S --concern C --worry 3
unchanged 1 "an empty name is refused by the schema" "$r" bti-new -C "$r" --name "" \
	--born 2015-01-01 --service S --concern C --worry 3
golden new-empty "the error names the rule"
unchanged 1 "an unknown kind is refused by the schema" "$r" bti-new -C "$r" --name A \
	--born 2015-01-01 --service S --concern C --worry 3 --kind weather
golden new-kind "the error lists the allowed kinds"
unchanged 1 "a future date is refused" "$r" bti-new -C "$r" --date 2027-01-01 --name A \
	--born 2015-01-01 --service S --concern C --worry 3
bad=$(printf 'Ol\345')
unchanged 1 "a name that is not UTF-8 is refused" "$r" bti-new -C "$r" --name "$bad" \
	--born 2015-01-01 --service S --concern C --worry 3
golden new-utf8 "the error names the rule and the field"
# One argument may hold 128 KiB; eleven guardians of 100 kB pass 1 MiB.
big=$(python3 -c 'print("x" * 100000)')
unchanged 1 "a case that would pass 1 MiB is refused" "$r" bti-new -C "$r" --name A \
	--born 2015-01-01 --service S --concern C --worry 3 --guardian "$big" --guardian "$big" \
	--guardian "$big" --guardian "$big" --guardian "$big" --guardian "$big" --guardian "$big" \
	--guardian "$big" --guardian "$big" --guardian "$big" --guardian "$big"
like "$(err)" 'yaml/size: the case would grow to' "and says why"
unset BTI_USER
unchanged 2 "no author: refused" "$r" bti-new -C "$r" --name A --born 2015-01-01 \
	--service S --concern C --worry 3
expect 3 "outside a repository: exit 3" bti-new -C "$tmp" --by X --name A \
	--born 2015-01-01 --service S --concern C --worry 3
like "$(err)" 'not in a case repository' "and says so"

# Strings that YAML would read as something else come back as text.
expect 0 "a name that looks like a boolean" bti-new -C "$r" --by X --name no \
	--born 2015-01-01 --service 2026-01-01 --concern 12345 --worry 3 --guardian null
f3="$r/$(cpath "$(out)")"
like "$(cat "$f3")" '^  name: "no"$' "'no' is quoted"
like "$(cat "$f3")" '^service: "2026-01-01"$' "a date-like service is quoted"
like "$(cat "$f3")" '^  text: "12345"$' "a number-like text is quoted"
like "$(cat "$f3")" '^  name: "null"$' "'null' is quoted"
python3 -c 'import sys,yaml; d=yaml.safe_load(open(sys.argv[1])); assert d["child"]["name"]=="no" and d["service"]=="2026-01-01" and d["concern"]["text"]=="12345" and d["guardians"][0]["name"]=="null"' "$f3" \
	&& pass "PyYAML (YAML 1.1) reads them back as text" || fail "PyYAML (YAML 1.1) reads them back as text"

done_testing
