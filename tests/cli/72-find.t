#!/bin/sh
# bti-find: by id number (never printed back, nor kept as text), by name in
# any letter case, without accents only with --fuzzy, with a birth date.
. "$(dirname "$0")/lib.sh"

r="$tmp/r"
newrepo "$r"
export BTI_USER="Kari Lærer"
cd "$r" || exit 1
new() { bti-new --date 2026-01-12 --service S --concern c --worry 2 "$@"; }
aase=$(new --name "Åse Sæther" --born 2015-06-02)
ase=$(new --name "Ase Berg" --born 2014-01-01)
soren=$(new --name "Søren Ødegård" --fnr 04041650236)
anne=$(new --name "Anne-Marie Olsen" --born 2015-06-02)
bti-level --date 2026-02-01 --reason r --cause unfounded "$soren" close >/dev/null
[ -n "$aase" ] && [ -n "$ase" ] && [ -n "$soren" ] && [ -n "$anne" ] || echo "Bail out! fixture failed"
sorted() { printf '%s\n' "$@" | sort | tr '\n' ' ' | sed 's/ $//'; }
ids() { out | tr '\n' ' ' | sed 's/ $//'; }
# found DESC IDS OPTIONS...
found() {
	fd_desc=$1 fd_want=$2
	shift 2
	expect 0 "$fd_desc" bti-find "$@"
	is "$(ids)" "$fd_want" "$fd_desc: the cases"
}

found "--name Ase: not Åse" "$ase" --name Ase
found "--name åse: Åse" "$aase" --name åse
found "--name ÅSE SÆTHER: any letter case" "$aase" --name "ÅSE SÆTHER"
found "--fuzzy --name ase: both" "$(sorted "$aase" "$ase")" --fuzzy --name ase
found "--fuzzy --name 'ase saether'" "$aase" --fuzzy --name "ase saether"
found "--fuzzy --name 'soren odegard'" "$soren" --fuzzy --name "soren odegard"
found "words in any order" "$aase" --name "sæther åse"
found "a hyphen separates words" "$anne" --name "anne marie"
found "--name with --born" "$aase" --name "Åse" --born 2015-06-02
found "--born alone" "$(sorted "$aase" "$anne")" --born 2015-06-02
found "--born from the id number" "$soren" --born 2016-04-04
expect 1 "--name with another --born: none, exit 1" bti-find --name Åse --born 2015-06-03
is "$(out)" "" "none: nothing on stdout"
expect 1 "a part of a word is not a word" bti-find --name Sæt
expect 1 "Soren without --fuzzy" bti-find --name Soren

found "--fnr" "$soren" --fnr 04041650236
found "--fnr with spaces" "$soren" --fnr "040416 50236"
expect 0 "--fnr - (standard input)" sh -c 'echo 04041650236 | bti-find --fnr -'
is "$(ids)" "$soren" "--fnr -: the case"
expect 1 "--fnr --open: the case is closed" bti-find --fnr 04041650236 --open
found "--open --name" "$(sorted "$aase" "$ase")" --open --fuzzy --name ase

# The number is never printed back or kept as text.
expect 1 "an unknown valid number" bti-find --fnr 31129956715
unlike "$(out; err)" "31129956715" "an unknown number is not printed back"
expect 2 "an invalid number: usage" bti-find --fnr 31129956716
like "$(err)" "not a valid national id number" "an invalid number: said"
unlike "$(out; err)" "3112995671" "an invalid number is not printed back"
expect 2 "letters: usage" bti-find --fnr 0404165023x
unlike "$(err)" "0404165023" "letters: not printed back"
grep -q 04041650236 "$r/.git/bti-query-cache" && fail "the cache holds no id number" ||
	pass "the cache holds no id number"
unlike "$(git log --format='%B')" "04041650236" "no id number in any commit message"

expect 2 "nothing to find" bti-find
expect 2 "--fnr with --name" bti-find --fnr 04041650236 --name x
expect 2 "an empty --name" bti-find --name ""
expect 2 "--born not a date" bti-find --born 2015-02-29
expect 2 "an argument" bti-find --name x y
git clone -q --bare "$r" "$tmp/bare.git"
found "a bare repository" "$aase" -C "$tmp/bare.git" --name åse

done_testing
