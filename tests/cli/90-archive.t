#!/bin/sh
# bti-archive: the archival package of one case (summary, case file, history,
# manifest with SHA-256), and one commit recording that it was archived.
. "$(dirname "$0")/lib.sh"
export BTI_USER="Kari Lærer"

r="$tmp/r"
newrepo "$r" --municipality Tromsø --unit "Kvaløysletta skole"
id=$(bti-new -C "$r" --date 2026-01-10 --name "Ola Nordmann" --born 2015-06-02 \
	--service Skole --concern "Trøtt i timene" --worry 5 --guardian Mor)
bti-level -C "$r" --date 2026-01-11 --reason "Tiltak i egen tjeneste" "$id" 1 >/dev/null &&
bti-goal -C "$r" --date 2026-01-12 --text "Ola sover godt" "$id" >/dev/null &&
bti-level -C "$r" --date 2026-03-01 --reason "Målene er nådd" --cause goal-reached "$id" close >/dev/null ||
	echo "Bail out! setup failed"
p=$(cpath "$id")
before=$(commits "$r")
cd "$tmp" || exit 1

expect 0 "a closed case is archived" bti-archive -C "$r" --date 2026-06-01 --out pkg --ref "2026/1234" "$id"
is "$(out)" "$(git -C "$r" rev-parse HEAD)" "prints the commit id"
is "$(commits "$r")" $((before + 1)) "one commit"
is "$(event "$r")" archive "its event is archive"
is "$(subject "$r")" "bti-archive $id: archived" "the message names no person"
is "$(yq "$r/$p" "d['archived']")" "{'date': datetime.date(2026, 6, 1), 'ref': '2026/1234', 'by': 'Kari Lærer'}" \
	"the case records the date, the reference and who archived it"
expect 0 "the archived case is valid" bti-check -C "$r"
is "$(cd pkg && ls | tr '\n' ' ')" "case.json case.yaml history.json manifest.json summary.html summary.md " \
	"the package's files"
is "$(stat -c %a pkg)" 700 "the package is readable by its owner only"
cmp -s pkg/case.yaml "$r/$p"
is $? 0 "case.yaml is the file as committed, archived entry included"
is "$(python3 -c 'import json,sys,yaml
d = json.load(open("pkg/case.json")); y = yaml.safe_load(open("pkg/case.yaml"))
print(json.dumps(d, sort_keys=True) == json.dumps(y, sort_keys=True, default=str))')" True \
	"case.json holds what case.yaml holds"
hist() { python3 -c 'import json,sys; h = json.load(open("pkg/history.json")); exec(sys.argv[1])' "$1"; }
is "$(hist 'print(" ".join(c["event"] for c in h))')" "new level goal close" \
	"the history: every commit that changed the case, oldest first"
is "$(hist 'print(" ".join(c["commit"] for c in h))')" \
	"$(git -C "$r" log --reverse --format=%H HEAD~1 -- "$p" | tr '\n' ' ' | sed 's/ $//')" \
	"with the commit ids git gives"
is "$(hist 'print(h[2]["changes"]["added"]["goals"][0]["text"], h[2]["author"])')" "Ola sover godt Kari Lærer" \
	"each with its author and the entry it added"
is "$(hist 'print(h[0]["changes"]["set"]["child"]["name"])')" "Ola Nordmann" "the first holds the case as opened"
man() { python3 -c 'import json,sys; m = json.load(open("pkg/manifest.json")); exec(sys.argv[1])' "$1"; }
is "$(man 'print(m["case"], m["municipality"], m["model"], m["period"]["opened"], m["period"]["closed"])')" \
	"$id Tromsø three-level 2026-01-10 2026-03-01" "the manifest: case, municipality, model, period"
is "$(man 'print(m["unit"])')" "Kvaløysletta skole" "the unit bti-init --unit recorded"
is "$(yq "$r/bti.yaml" "d['unit']")" "Kvaløysletta skole" "bti-init --unit writes it into bti.yaml"
is "$(man 'print(m["archived"]["ref"], m["screening"]["authority"], m["classification"]["value"])')" \
	"2026/1234 offl. § 13 jf. fvl. § 13 barnesak" "the reference, the screening and the classification"
is "$(man 'print("\n".join(d["sha256"] + "  " + d["file"] for d in m["documents"]))' | (cd pkg && sha256sum -c --quiet - 2>&1; echo $?))" 0 \
	"the SHA-256 of every document is right"
is "$(man 'print(len(m["documents"]))')" 5 "every file but the manifest is listed"
unlike "$(man 'print(m["title"])')" "Ola" "the title holds no name"
like "$(cat pkg/summary.html)" "@page\{size:A4" "the HTML is made for print"
like "$(cat pkg/summary.html)" "Unntatt offentlighet, offl. § 13 jf. fvl. § 13" "and says it is screened"
like "$(cat pkg/summary.md)" "^# Sak $id" "the summary in bti.yaml's language"

expect 0 "an open case can be archived, in English" bti-archive -C "$r" --lang en --out pkg-en "$id"
like "$(cat pkg-en/summary.md)" "^# Case $id" "--lang en"
like "$(cat pkg-en/summary.html)" '<html lang="en">' "the page says its language"
is "$(yq "$r/$p" "len(d['archived'])")" 2 "archived twice: two entries"
is "$(man 'print(m["archived"]["ref"])')" 2026/1234 "the first package keeps its reference"
expect 0 "default directory ID.archive" bti-archive -C "$r" "$id"
[ -f "$id.archive/manifest.json" ]
is $? 0 "ID.archive/manifest.json"
unlike "$(ls -a "$tmp" | grep bti-tmp)" . "no temporary directory left"

# Refused: the directory exists; an invalid case; an unknown id.
unchanged 1 "an existing directory is refused" "$r" bti-archive -C "$r" --out pkg "$id"
golden archive-exists "names it"
id2=$(bti-new -C "$r" --date 2026-01-10 --name Kari --born 2016-01-01 --service Skole --concern X --worry 3)
p2=$(cpath "$id2")
sed -i 's/^  born: .*/  born: 2016-13-45/' "$r/$p2"
git -C "$r" -c user.name=X -c user.email=x@example.org commit -q --no-verify -am "hand edit" ||
	echo "Bail out! hand edit"
unchanged 1 "an invalid case is refused" "$r" bti-archive -C "$r" --out bad "$id2"
like "$(err)" "case/invalid" "says the case is not valid"
[ ! -e bad ]
is $? 0 "and writes no package"
unchanged 1 "an unknown case is refused" "$r" bti-archive -C "$r" --out bad 2026-AAAAAA
unchanged 1 "a date before the case was opened is refused" "$r" bti-archive -C "$r" --date 2025-12-31 --out bad "$id"
like "$(err)" "date/before-opened" "says so"
(cd "$r" && bti-archive "$id") >"$tmp/out" 2>"$tmp/err"
is $? 1 "a package inside the work tree is refused"
golden archive-inside "says so"
[ ! -e "$r/$id.archive" ]
is $? 0 "and nothing is written there"
expect 2 "--ref needs a value" bti-archive -C "$r" --ref "" "$id"
expect 2 "one case id" bti-archive -C "$r"
done_testing
