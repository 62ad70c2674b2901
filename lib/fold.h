/* fold.h: names compared the way people type them. */
#ifndef BTI_FOLD_H
#define BTI_FOLD_H

#include "util.h"

/* Appends s in lower case (ASCII and Latin letters up to U+017F), its words
 * (split at white space and hyphens) each followed by one space. With
 * fuzzy, letters also lose their accents and strokes, and æ, œ, ĳ, ß, þ
 * become ae, oe, ij, ss, th: "Åse Sæther" reads "ase saether". */
void fold_name(struct buf *b, const char *s, int fuzzy);
/* 1 when every word of text is a word of name, under fold_name. */
int fold_match(const char *name, const char *text, int fuzzy);

#endif
