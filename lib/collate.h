/* collate.h: Norwegian alphabetical order, and names compared as a
 * register of services would (not case- or space-sensitive). */
#ifndef BTI_COLLATE_H
#define BTI_COLLATE_H

/* <0, 0, >0 as a sorts before, with or after b in Norwegian order: spaces
 * and signs, digits, then the letters A to Z, Æ (and Ä), Ø (and Ö), Å, each
 * with its small letter and its accented forms (é as e, ü as y); other
 * characters after them by code point. Where that is a tie, the bytes
 * decide, so the order is total. */
int nb_collate(const char *a, const char *b);
/* Whether a and b are one name: the same letters, small or capital, with
 * the spaces at the ends left out and runs of spaces as one. */
int nb_same_name(const char *a, const char *b);

#endif
