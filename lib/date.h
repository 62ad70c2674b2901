/* date.h: calendar dates as day numbers, strict YYYY-MM-DD text. */
#ifndef BTI_DATE_H
#define BTI_DATE_H

/* Days since 0000-03-01 (proleptic Gregorian): every date bti reads, from
 * 1850 on, is a positive number, so no real date is ever DATE_NONE or below
 * 0 (a date before 1970 is a date like any other). */
typedef long day_t;
#define DATE_NONE (-1L)         /* no date: absent, unknown */

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
