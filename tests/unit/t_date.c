/* t_date.c: calendar arithmetic, strict date parsing, ages, case ids. */
#include <string.h>

#include "case.h"
#include "date.h"
#include "tap.h"

int
main(void)
{
	day_t d;
	char buf[11];
	ok(date_parse("1850-01-01", &d) == 0 && d > 0, "the first date bti reads is a positive day");
	ok(date_parse("1969-12-31", &d) == 0 && d != DATE_NONE, "1969-12-31 is not DATE_NONE");
	is_int(date_from_ymd(1970, 1, 1) - date_from_ymd(1969, 12, 31), 1, "days go on across 1970");
	is_int(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2, "2000 is a leap year");
	is_int(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28), 1, "1900 is not");
	ok(date_parse("2024-02-29", &d) == 0, "2024-02-29 exists");
	ok(date_parse("2023-02-29", &d) < 0, "2023-02-29 does not");
	ok(date_parse("2026-13-01", &d) < 0, "month 13 does not");
	ok(date_parse("2026-1-01", &d) < 0, "one-digit months are refused");
	ok(date_parse("2026-01-01x", &d) < 0, "trailing text is refused");
	ok(date_parse("", &d) < 0, "empty is refused");
	int fails = 0;
	for (day_t x = date_from_ymd(1899, 1, 1); x < date_from_ymd(2101, 1, 1); x++) {
		day_t back;
		if (date_parse(date_format(x, buf), &back) < 0 || back != x)
			fails++;
	}
	is_int(fails, 0, "format and parse agree on every day 1899-2100");
	date_parse("2015-06-02", &d);
	day_t on;
	date_parse("2030-06-01", &on);
	is_int(age_on(d, on), 14, "the day before the 15th birthday: 14");
	date_parse("2030-06-02", &on);
	is_int(age_on(d, on), 15, "on the 15th birthday: 15");
	date_parse("2008-02-29", &d);
	date_parse("2026-02-28", &on);
	is_int(age_on(d, on), 17, "born 29 Feb: still 17 on 28 Feb");
	date_parse("2026-03-01", &on);
	is_int(age_on(d, on), 18, "and 18 on 1 Mar");
	date_parse("1965-05-05", &d);
	date_parse("1985-05-04", &on);
	is_int(age_on(d, on), 19, "born before 1970: 19 the day before the 20th birthday");

	char id[CASE_ID_LEN + 1], norm[CASE_ID_LEN + 1], path[CASE_PATH_MAX];
	case_id_new(2026, id);
	ok(case_id_check(id, norm) == 0 && !strcmp(id, norm), "a new id is valid: %s", id);
	ok(!strncmp(id, "2026-", 5), "it starts with the year");
	ok(case_id_check("2026-k7m4qx", norm) == 0 && !strcmp(norm, "2026-K7M4QX"), "lower case is normalized");
	ok(case_id_check("2026-K7M4QI", norm) < 0, "I is not Crockford base32");
	ok(case_id_check("../../etc/p", norm) < 0, "a path is not an id");
	ok(case_id_check("2026-K7M4Q", norm) < 0, "too short");
	case_path("2026-K7M4QX", path);
	is_str(path, "cases/2026/K/2026-K7M4QX.yaml", "the path of a case: year, first letter, id");
	ok(case_path_id("cases/2026/K/2026-K7M4QX.yaml", norm) == 0 && !strcmp(norm, "2026-K7M4QX"),
	    "the id of a case path");
	ok(case_path_id("cases/2026/2026-K7M4QX.yaml", norm) < 0, "not without the letter directory");
	ok(case_path_id("cases/2026/Q/2026-K7M4QX.yaml", norm) < 0, "not in another letter directory");
	ok(case_path_id("cases/2025/K/2026-K7M4QX.yaml", norm) < 0, "not in another year");
	ok(case_path_id("cases/2026/k/2026-k7m4qx.yaml", norm) < 0, "not in lower case");
	ok(case_path_id("cases/2026/K/2026-K7M4QX.yml", norm) < 0, "not with another suffix");
	ok(case_path_id("2026-K7M4QX.yaml", norm) < 0, "not without directories");
	char other[CASE_ID_LEN + 1];
	case_id_new(2026, other);
	ok(strcmp(id, other) != 0, "two new ids differ");
	return done_testing();
}
