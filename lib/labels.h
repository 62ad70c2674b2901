/* labels.h: words of the reports in Bokmål, Nynorsk and English. */
#ifndef BTI_LABELS_H
#define BTI_LABELS_H

/* The label for key in lang (enum lang), or key itself when there is none
 * (service names and other data are shown as they are). */
const char *label(int lang, const char *key);

#endif
