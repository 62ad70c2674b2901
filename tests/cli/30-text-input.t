#!/bin/sh
# Issue #12.1 and #12.9 (input): no control character reaches a commit
# header, a commit message or a case file. Names, e-mail addresses and every
# value that identifies something are one line; free text (reasons, the
# concern, minutes, ...) may hold line breaks and tabs, nothing else of the
# kind. A value from an option is refused with exit 2 naming the option,
# before anything is written; a hand edit is refused by bti-check.
. "$(dirname "$0")/lib.sh"
r="$tmp/r"
newrepo "$r"
id=$(BTI_USER="Kari Lærer" bti-new -C "$r" --date 2026-01-10 --name Ola --born 2015-06-02 \
	--service Skole --concern Bekymring --worry 5)
path=$(cpath "$id")

# A line break at the end of a value ($(...) would drop it).
eol=$(printf '\n.')
eol=${eol%.}

# fsck_clean: git fsck finds nothing wrong with any commit.
fsck_clean() {
	git -C "$r" fsck --no-dangling >"$tmp/fsck" 2>&1
	fsck_rc=$?
	is "$fsck_rc $(grep -c -i -E 'missingEmail|badName|error|warning' "$tmp/fsck")" "0 0" "$1: git fsck is clean"
}

# --- #12.1: the author -------------------------------------------------------
BTI_USER=$(printf 'Kari\nLærer') unchanged 2 "BTI_USER with a newline is refused before anything is written" \
	"$r" bti-level -C "$r" --reason r "$id" 1
golden text-bti-user "the error names BTI_USER and shows the newline escaped"
fsck_clean "BTI_USER with a newline"

BTI_USER=$(printf 'Kari\nauthor Evil <e@x> 1 +0000') unchanged 2 "BTI_USER with a forged author line is refused" \
	"$r" bti-level -C "$r" --reason r "$id" 1
is "$(git -C "$r" cat-file commit HEAD | grep -c '^author ')" 1 "every commit has one author line"
fsck_clean "a forged author line"

BTI_USER=$(printf 'Kari\tLærer') unchanged 2 "BTI_USER with a tab is refused" \
	"$r" bti-level -C "$r" --reason r "$id" 1
BTI_USER=$(printf 'Kari <k@x\r>') unchanged 2 "an e-mail address in BTI_USER with a carriage return is refused" \
	"$r" bti-level -C "$r" --reason r "$id" 1
like "$(err)" '^bti-level: author: BTI_USER: holds a control character \(\\r\)' "the error names BTI_USER and shows the carriage return escaped"

unchanged 2 "--by with an escape character is refused" \
	"$r" bti-level -C "$r" --by "$(printf 'Kari\033[31m')" --reason r "$id" 1
golden text-by "the error names --by and shows ESC escaped"

git -C "$r" config user.name "$(printf 'Kari\nLærer')"
unchanged 2 "git config user.name with a newline is refused" "$r" bti-level -C "$r" --reason r "$id" 1
golden text-user-name "the error names git config user.name"
git -C "$r" config user.name "Kari Lærer"
git -C "$r" config user.email "$(printf 'kari@x\nauthor Evil <e@x> 1 +0000')"
unchanged 2 "git config user.email with a newline is refused" "$r" bti-level -C "$r" --reason r "$id" 1
like "$(err)" 'author: git config user.email: holds a control character \(\\n\)' "the error names git config user.email"
git -C "$r" config user.email "kari@example.org"
expect 0 "git config user.name and user.email on one line are used" bti-level -C "$r" --date 2026-01-12 \
	--reason r "$id" 1
is "$(git -C "$r" log -1 --format='%an <%ae>')" "Kari Lærer <kari@example.org>" "the author is git's user"
git -C "$r" config --unset user.name
git -C "$r" config --unset user.email
fsck_clean "after the refusals"

d="$tmp/new-repo"
BTI_USER=$(printf 'Admin\nX') expect 2 "bti-init: BTI_USER with a newline is refused" bti-init "$d"
is "$(test -e "$d" && echo exists)" "" "bti-init: no repository is created"
expect 2 "bti-init: --municipality with a newline is refused" bti-init --by A \
	--municipality "Tromsø$eol" "$d"
like "$(err)" '^bti-init: --municipality: holds a control character \(\\n\)' "the error names --municipality"
is "$(test -e "$d" && echo exists)" "" "bti-init: still no repository"

# --- #12.9: values that identify something are one line --------------------
export BTI_USER="Kari Lærer"
unchanged 2 "bti-service: a service name Skole and a line break is refused" "$r" bti-service -C "$r" "$id" join "Skole$eol"
golden text-service "the error names SERVICE"
unchanged 2 "bti-service: a crafted multi-line service name is refused" "$r" \
	bti-service -C "$r" "$id" join "$(printf 'Skole\nl 20460 2 0 -\nl 20461 2 1 moved')"
unchanged 2 "bti-service: --contact with a newline is refused" "$r" \
	bti-service -C "$r" --contact "Per$eol" "$id" join PPT
like "$(err)" '^bti-service: --contact: holds a control character \(\\n\); give one line' "the error names --contact"

# one_line DESC CMD...: CMD (whose one bad value is a line break, a C1
# control, U+2028 or DEL) exits 2 with the option named and changes nothing.
one_line() {
	desc=$1 opt=$2
	shift 2
	unchanged 2 "$desc" "$r" "$@"
	like "$(err)" "^bti-[a-z]+: $opt: holds a control character \\(\\\\(n|t|r|x[0-9a-f]{2}|u[0-9a-f]{4})\\)" \
		"$desc: the error names $opt"
}
nl=$(printf 'x\ny') del=$(printf 'x\177') nel=$(printf 'x\302\205') ls=$(printf 'x\342\200\250')
one_line "bti-new --service Skole and a line break" --service bti-new -C "$r" --name Ola --born 2015-06-02 \
	--service "Skole$eol" --concern C --worry 3
one_line "bti-new --name with a newline" --name bti-new -C "$r" --name "$nl" --born 2015-06-02 \
	--service S --concern C --worry 3
one_line "bti-new --name with NEL (U+0085)" --name bti-new -C "$r" --name "$nel" --born 2015-06-02 \
	--service S --concern C --worry 3
one_line "bti-new --guardian with U+2028" --guardian bti-new -C "$r" --name A --born 2015-06-02 \
	--service S --concern C --worry 3 --guardian "$ls"
one_line "bti-new --kind with a newline" --kind bti-new -C "$r" --name A --born 2015-06-02 \
	--service S --concern C --worry 3 --kind "violence$eol"
one_line "bti-new --concern with an escape character" --concern bti-new -C "$r" --name A \
	--born 2015-06-02 --service S --concern "$(printf 'Trøtt\033[2J')" --worry 3
one_line "bti-guardian --name with DEL" --name bti-guardian -C "$r" --name "$del" "$id"
one_line "bti-coordinator --name with a newline" --name bti-coordinator -C "$r" --name "$nl" --service Skole "$id"
one_line "bti-coordinator --service with a tab" --service bti-coordinator -C "$r" --name K \
	--service "$(printf 'Skole\tx')" "$id"
one_line "bti-consent --from with a newline" --from bti-consent -C "$r" --from "$nl" --service PPT "$id" given
one_line "bti-consent --service with a newline" --service bti-consent -C "$r" --from M --service "$nl" "$id" given
one_line "bti-consent --documented with a newline" --documented bti-consent -C "$r" --from M --service PPT \
	--form oral --documented "$nl" "$id" given
one_line "bti-measure --responsible with a newline" --responsible bti-measure -C "$r" --what W \
	--responsible "$nl" --evaluate-by 2026-09-01 "$id"
one_line "bti-measure --duration with a newline" --duration bti-measure -C "$r" --what W \
	--responsible R --duration "$nl" --evaluate-by 2026-09-01 "$id"
one_line "bti-meeting --participant with a newline" --participant bti-meeting -C "$r" --kind plan \
	--participant "$nl" --child-present --minutes M "$id"
one_line "bti-meeting --kind with a newline" --kind bti-meeting -C "$r" --kind "$nl" \
	--participant P --child-present --minutes M "$id"
one_line "bti-notify --kind with a newline" --kind bti-notify -C "$r" --reason R --kind "$nl" "$id"
one_line "bti-level --cause with a newline" --cause bti-level -C "$r" --reason R --cause "moved$eol" "$id" close
one_line "bti-level --date with a newline" --date bti-level -C "$r" --date "2026-01-12$eol" --reason R "$id" 1
unchanged 2 "bti-evaluate: a newline in the ID=OUTCOME of --measure is refused" "$r" \
	bti-evaluate -C "$r" --measure "$(printf 'm1\n=reached')" --decision continue "$id"
like "$(err)" "^bti-evaluate: --measure: ID=OUTCOME in 'm1\\\\n=reached' is one line" "the error shows the newline escaped"

# --- free text may span lines and hold tabs, nothing more -------------------
unchanged 2 "--reason with a control character is refused" "$r" \
	bti-level -C "$r" --reason "$(printf 'Tiltak\001\033]0;x\007')" "$id" 2
golden text-reason "the error names --reason and says what free text may hold"
unchanged 2 "--reason with a carriage return is refused" "$r" \
	bti-level -C "$r" --reason "$(printf 'a\r\nb')" "$id" 2
unchanged 2 "--reason with U+2029 is refused" "$r" \
	bti-level -C "$r" --reason "$(printf 'a\342\200\251b')" "$id" 2
unchanged 2 "bti-goal --text with an escape character is refused" "$r" \
	bti-goal -C "$r" --text "$(printf 'Sove\033[8m')" "$id"
like "$(err)" '^bti-goal: --text: holds a control character \(\\x1b\); this text may hold line breaks and tabs' \
	"the error names --text"
expect 0 "a reason over two lines with a tab is recorded" bti-notify -C "$r" --date 2026-01-13 \
	--reason "$(printf 'Første linje\n\tandre linje')" "$id"
is "$(yq "$r/$path" 'repr(d["reports"][-1]["reason"])')" "'Første linje\\n\\tandre linje'" \
	"the case holds the line break and the tab"
expect 0 "bti-evaluate: a note over two lines is recorded" sh -c 'bti-measure -C "$1" --date 2026-01-13 \
	--what W --responsible R --evaluate-by 2026-03-01 "$2" >/dev/null &&
	bti-evaluate -C "$1" --date 2026-01-14 --measure "m1=continue:Bedre
men ikke bra" --next 2026-03-01 --decision continue "$2"' sh "$r" "$id"
is "$(yq "$r/$path" 'repr(d["evaluations"][-1]["measures"][0]["note"])')" "'Bedre\\nmen ikke bra'" \
	"the note holds the line break"
is "$(git -C "$r" log --format=%B | LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')")" 0 \
	"no control character in any commit message"
fsck_clean "at the end"

# --- a hand edit is refused by the schema (bti-check, the hooks) ------------
good=$(cat "$r/$path")
printf '%s\n' "$good" | sed 's/^service: .*/service: "Skole\\n"/' >"$r/$path"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit"
expect 1 "bti-check: a service name with a newline, edited by hand, is refused" bti-check -C "$r"
like "$(out)" "^cases/[0-9]{4}/[0-9A-Z]/$id\\.yaml:[0-9]+:[0-9]+: text/control: service: holds a control character \\(\\\\n\\)" \
	"bti-check names the file, line, rule and the escaped newline"
unchanged 1 "and every command refuses the case" "$r" bti-level -C "$r" --reason r "$id" 1
printf '%s\n' "$good" | sed 's/^  text: .*/  text: "To\\nlinjer\\tog tab"/' >"$r/$path"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit 2"
expect 0 "bti-check: a concern over two lines with a tab is text" bti-check -C "$r"
printf '%s\n' "$good" | sed 's/^  text: .*/  text: "Bell\\a"/' >"$r/$path"
git -C "$r" -c user.name=H -c user.email=h@x commit --no-verify -qam "hand edit 3"
expect 1 "bti-check: a concern with BEL is refused" bti-check -C "$r"
like "$(out)" 'text/control: concern\.text: holds a control character \(\\x07\)' "the BEL is named, escaped"

done_testing
