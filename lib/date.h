/* date.h: calendar dates as day numbers, strict YYYY-MM-DD text. */
#ifndef BTI_DATE_H
#define BTI_DATE_H

/* Days since 1970-01-01. */
typedef long day_t;

int is_leap(int y);
int days_in_month(int y, int m);
/* 0 and *out on a real calendar date in strict YYYY-MM-DD form, else -1. */
int date_parse(const char *s, day_t *out);
day_t date_from_ymd(int y, int m, int d);
void date_to_ymd(day_t day, int *y, int *m, int *d);
/* Writes YYYY-MM-DD into buf (at least 11 bytes). */
char *date_format(day_t day, char *buf);
/* Today in local time; BTI_TODAY=YYYY-MM-DD overrides it (tests, replays). */
day_t date_today(void);
/* Age in whole years on a date. */
int age_on(day_t born, day_t on);

#endif
