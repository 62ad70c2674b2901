/* words.h: a line split into words with a shell's quoting (bti-batch(1)). */
#ifndef BTI_WORDS_H
#define BTI_WORDS_H

/* Splits line into words, quoted as in sh: blanks (spaces, tabs) separate
 * words; '...' keeps everything; "..." keeps everything but \" \\ \$ and
 * \` (a backslash and the character); $'...' reads \n \t \\ \' \" as the
 * C escapes; a backslash outside quotes keeps the next character; a word
 * beginning with # begins a comment to the end of the line. Nothing is
 * expanded: $, *, ~ and the rest are themselves. Returns the number of
 * words, with *out a NULL-terminated array (words_free), or -1 with *err
 * saying what is wrong (an unterminated quote). */
int words_split(const char *line, char ***out, const char **err);
void words_free(char **w);

#endif
