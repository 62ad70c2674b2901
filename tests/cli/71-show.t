#!/bin/sh
# bti-show: a case as its YAML bytes, as JSON with YAML's types resolved as
# bti reads them, as the Markdown and HTML summary; bti-report CASE --format
# json gives the same JSON, never Markdown.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1
a=$(bti-new --date 2026-01-12 --name "Åse \"Nordmann\"" --fnr 04041650236 \
	--service "1.0" --concern "no" --worry 5 --guardian Mor --kind neglect)
bti-level --date 2026-01-19 --reason "yes" "$a" 1 >/dev/null
bti-measure --date 2026-02-09 --what "2026-01-01" --responsible H --evaluate-by 2026-04-15 "$a" >/dev/null 2>&1
[ -n "$a" ] || echo "Bail out! fixture failed"
p=$(cpath "$a")

expect 0 "yaml (the default)" bti-show "$a"
git show "HEAD:$p" >"$tmp/file"
cmp -s "$tmp/out" "$tmp/file" && pass "yaml: the committed bytes" || fail "yaml: the committed bytes"
expect 0 "--format yaml, id in lower case" bti-show --format yaml "$(echo "$a" | tr 'A-Z' 'a-z')"
cmp -s "$tmp/out" "$tmp/file" && pass "yaml: lower case id" || fail "yaml: lower case id"

expect 0 "--format json" bti-show --format json "$a"
cp "$tmp/out" "$tmp/show.json"
cat >"$tmp/cmp.py" <<'PY'
import datetime, json, sys, yaml
j = json.load(open(sys.argv[1], encoding="utf-8"))
def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v
y = plain(yaml.safe_load(open(sys.argv[2], encoding="utf-8")))
assert j == y, (j, y)
assert list(j) == list(y), "key order"
assert j["opened"] == "2026-01-12" and j["levels"][1]["level"] == 1
assert j["child"]["fnr"] == "04041650236" and j["service"] == "1.0" and j["concern"]["text"] == "no"
print("ok")
PY
is "$(python3 "$tmp/cmp.py" "$tmp/show.json" "$tmp/file" 2>&1)" ok \
	"json: the file's data, dates and quoted text as strings, integers as numbers, keys in order"

expect 0 "--format md" bti-show --format md "$a"
cp "$tmp/out" "$tmp/show.md"
expect 0 "bti-report CASE" bti-report "$a"
cmp -s "$tmp/out" "$tmp/show.md" && pass "md: the summary bti-report prints" || fail "md: the summary bti-report prints"
expect 0 "--format html --lang en" bti-show --format html --lang en "$a"
cp "$tmp/out" "$tmp/show.html"
expect 0 "bti-report --html --lang en CASE" bti-report --html --lang en "$a"
cmp -s "$tmp/out" "$tmp/show.html" && pass "html: the page bti-report prints" || fail "html: the page bti-report prints"

# bti-report CASE --format json: the JSON, never Markdown.
expect 0 "bti-report --format json CASE" bti-report --format json "$a"
cmp -s "$tmp/out" "$tmp/show.json" && pass "bti-report --format json CASE: bti-show's JSON" ||
	fail "bti-report --format json CASE: bti-show's JSON"
for f in csv tsv; do
	expect 2 "bti-report --format $f CASE: usage error" bti-report --format "$f" "$a"
	is "$(out)" "" "bti-report --format $f CASE: nothing on stdout"
done

git clone -q --bare "$r" "$tmp/bare.git"
expect 0 "a bare repository" bti-show -C "$tmp/bare.git" "$a"
cmp -s "$tmp/out" "$tmp/file" && pass "bare: the same bytes" || fail "bare: the same bytes"

expect 1 "no such case" bti-show 2026-AAAAAA
like "$(err)" "case/unknown" "no such case: said"
expect 1 "a malformed id is a refusal" bti-show 2026-IIIIII
like "$(err)" "case/id" "a malformed id: said"
expect 2 "no id" bti-show
expect 2 "two ids" bti-show "$a" "$a"
expect 2 "--format xml" bti-show --format xml "$a"
expect 2 "--lang de" bti-show --lang de "$a"

# An invalid committed case: refused with its position, nothing printed.
sed -i 's/^opened: .*/opened: 2026-02-30/' "$p"
git -c user.name=X -c user.email=x@x commit -qam "hand edit" --no-verify
expect 1 "an invalid case" bti-show --format json "$a"
is "$(out)" "" "invalid: nothing on stdout"
like "$(err)" "^bti-show: $p:[0-9]+:[0-9]+: " "invalid: FILE:LINE:COL"

done_testing
