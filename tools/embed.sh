#!/bin/sh
# embed.sh NAME FILE...: prints C source defining, for each FILE, its bytes
# and length, so the commands need no data files at run time.
# NAME_N files; NAME_path[i], NAME_data[i], NAME_len[i].
set -eu
name=$1
shift
i=0
for f in "$@"; do
	printf 'static const char %s_%d[] = {\n' "$name" "$i"
	od -An -v -tx1 "$f" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
	printf '0x00};\n'
	i=$((i + 1))
done
printf '#include <stddef.h>\n'
printf 'const size_t %s_n = %d;\n' "$name" "$i"
printf 'const char *const %s_path[] = {\n' "$name"
for f in "$@"; do printf '\t"%s",\n' "$f"; done
printf '};\nconst char *const %s_data[] = {\n' "$name"
i=0
for f in "$@"; do printf '\t%s_%d,\n' "$name" "$i"; i=$((i + 1)); done
printf '};\nconst size_t %s_len[] = {\n' "$name"
i=0
for f in "$@"; do printf '\tsizeof %s_%d - 1,\n' "$name" "$i"; i=$((i + 1)); done
printf '};\n'
