#!/bin/sh
# Every command has --help, --version and a man page that documents every
# long option its --help names and says what its exit status means.
. "$(dirname "$0")/lib.sh"
for bin in "$top"/bin/bti-*; do
	c=$(basename "$bin")
	expect 0 "$c --help exits 0" "$c" --help
	help=$(out)
	like "$help" "^usage: $c" "$c --help starts with its usage"
	expect 0 "$c --version exits 0" "$c" --version
	expect 2 "$c with an unknown option exits 2" "$c" --no-such-option
	page="$top/docs/$c.1"
	if [ -f "$page" ]; then
		pass "$c has a man page"
	else
		fail "$c has a man page"
		continue
	fi
	like "$(cat "$page")" '^\.Sh EXIT STATUS' "$c(1) has EXIT STATUS"
	missing=""
	for opt in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		# mdoc writes a long option as "Fl \-name" (or "Fl name").
		grep -Eq -- "Fl (\\\\-)?${opt#--}([^a-z-]|\$)" "$page" || missing="$missing $opt"
	done
	is "$missing" "" "$c(1) documents every option of --help"
done
done_testing
