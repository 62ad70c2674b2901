/* t_fnr.c: check digits (old and 2032 rule), kinds, dates and centuries of id numbers. */
#include <string.h>

#include "fnr.h"
#include "tap.h"

/*
 * Appends K1 and K2 to nine digits so that the weighted ten-digit sum leaves
 * r mod 11 and the eleven-digit sum 0. It searches for the digits rather than
 * using the K = 11 - sum formula, so it shares no code path with fnr.c.
 */
static int
build(const char *nine, int r, char out[12])
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2, 1 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 };
	int found = 0;

	memcpy(out, nine, 9);
	out[11] = '\0';
	for (char k1 = '0'; k1 <= '9' && found < 1; k1++) {
		int sum = 0;
		out[9] = k1;
		for (int i = 0; i < 10; i++)
			sum += (out[i] - '0') * w1[i];
		found += sum % 11 == r;
	}
	for (char k2 = '0'; k2 <= '9' && found == 1; k2++) {
		int sum = 0;
		out[10] = k2;
		for (int i = 0; i < 11; i++)
			sum += (out[i] - '0') * w2[i];
		found += sum % 11 == 0;
	}
	return found == 2 ? 0 : -1;
}

/* fnr_check on nine digits completed by build, -1 when no digits fit. */
static int
check(const char *nine, int r, struct fnr_info *fi)
{
	char s[12];
	memset(fi, 0, sizeof *fi);
	return build(nine, r, s) < 0 ? -1 : (int)fnr_check(s, fi);
}

/* A valid old-rule number of the given kind with the given decoded date. */
static void
is_kind(const char *nine, int kind, int day, int month, const char *name)
{
	struct fnr_info fi;
	int st = check(nine, 0, &fi);
	ok(st == FNR_OK && fi.kind == kind && fi.day == day && fi.month == month,
	    "%s (%s): kind %c, %02d.%02d", name, nine, kind, day, month);
}

/* The year decoded from a valid old-rule number; -1 when it is not valid. */
static int
year_of(const char *nine)
{
	struct fnr_info fi;
	return check(nine, 0, &fi) == FNR_OK ? fi.year : -1;
}

int
main(void)
{
	static const struct {
		const char *s;
		int only2032, year;
	} vec[] = {
		{ "30108299939", 1, 0 },
		{ "02013299903", 1, 0 },
		{ "31129956715", 0, 1899 },
		{ "02013299997", 0, 2032 },
		{ "30108299920", 0, 1982 },
	};
	struct fnr_info fi;

	for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
		is_int(fnr_check(vec[i].s, &fi), FNR_OK, vec[i].s);
		ok(fi.rule2032_only == vec[i].only2032 && fi.kind == 'F',
		    "%s: %s, kind F", vec[i].s, vec[i].only2032 ? "2032 rule only" : "old rule");
		is_int(fi.year, vec[i].year, "  and its year");
	}
	fnr_check("30108299939", &fi);
	ok(fi.day == 30 && fi.month == 10, "30108299939 is born 30.10");
	is_int(fnr_check("31129956715", NULL), FNR_OK, "out may be NULL");

	is_int(fnr_check("", &fi), FNR_LENGTH, "empty");
	is_int(fi.kind, 0, "an error leaves out zeroed");
	is_int(fnr_check(NULL, &fi), FNR_LENGTH, "NULL");
	is_int(fnr_check("3112995671", &fi), FNR_LENGTH, "ten digits");
	is_int(fnr_check("311299567150", &fi), FNR_LENGTH, "twelve digits");
	is_int(fnr_check("31129956715\n", &fi), FNR_LENGTH, "a trailing newline");
	is_int(fnr_check("3112995671a", &fi), FNR_LENGTH, "a letter");
	is_int(fnr_check("311299 56715", &fi), FNR_LENGTH, "a space");
	is_int(fnr_check("3112995671\xd9", &fi), FNR_LENGTH, "a non-ASCII byte");

	is_int(fnr_check("31129956716", &fi), FNR_CHECKSUM, "K2 off by one");
	is_int(fnr_check("31129956725", &fi), FNR_CHECKSUM, "K1 off by one");
	is_int(check("311299568", 3, &fi), FNR_OK, "ten-digit remainder 3 passes");
	is_int(fi.rule2032_only, 1, "  under the 2032 rule only");
	is_int(check("311299568", 4, &fi), FNR_CHECKSUM, "ten-digit remainder 4 fails");
	is_int(check("311299568", 10, &fi), FNR_CHECKSUM, "ten-digit remainder 10 fails");
	is_str(fnr_strerror(FNR_CHECKSUM), "check digits do not match", "strerror");
	ok(*fnr_strerror(FNR_OK) && *fnr_strerror(FNR_LENGTH) && *fnr_strerror(FNR_DATE),
	    "every status has a message");
	ok(strcmp(fnr_strerror(FNR_LENGTH), fnr_strerror(FNR_DATE)) != 0, "messages differ");

	is_int(fnr_check("00000000000", &fi), FNR_DATE, "all zeros: check digits fit, date does not");
	is_int(check("310215123", 0, &fi), FNR_DATE, "31 February");
	is_int(check("310415123", 0, &fi), FNR_DATE, "31 April");
	is_int(check("300415123", 0, &fi), FNR_OK, "30 April");
	is_int(check("320115123", 0, &fi), FNR_DATE, "day 32");
	is_int(check("000115124", 0, &fi), FNR_DATE, "day 0");
	is_int(check("010015123", 0, &fi), FNR_DATE, "month 0");
	is_int(check("011315124", 0, &fi), FNR_DATE, "month 13");

	is_kind("311299567", 'F', 31, 12, "fødselsnummer");
	is_kind("711299567", 'D', 31, 12, "D-number");
	is_kind("410115123", 'D', 1, 1, "D-number, first day");
	is_kind("315299568", 'H', 31, 12, "H-number (or NAV synthetic)");
	is_kind("319299567", 'S', 31, 12, "Skatteetaten synthetic");
	is_kind("418115123", 'S', 1, 1, "synthetic D-number");
	is_int(check("400115123", 0, &fi), FNR_DATE, "day 40 (D-number day 0)");
	is_int(check("721299567", 0, &fi), FNR_DATE, "day 72 (D-number day 32)");
	is_int(check("015315124", 0, &fi), FNR_DATE, "month 53");
	is_int(check("018015123", 0, &fi), FNR_DATE, "month 80");
	is_int(check("019315123", 0, &fi), FNR_DATE, "month 93");

	is_int(year_of("010100499"), 1900, "individual 499, YY 00: 1900");
	is_int(year_of("010150123"), 1950, "individual 123, YY 50: 1950");
	is_int(year_of("010154500"), 1854, "individual 500, YY 54: 1854");
	is_int(year_of("010199749"), 1899, "individual 749, YY 99: 1899");
	is_int(year_of("010110679"), 2010, "individual 679, YY 10: 2010");
	is_int(year_of("010139999"), 2039, "individual 999, YY 39: 2039");
	is_int(year_of("010140900"), 1940, "individual 900, YY 40: 1940");
	is_int(year_of("010145600"), 0, "individual 600, YY 45: unknown");
	is_int(year_of("010150800"), 0, "individual 800, YY 50: unknown");
	is_int(year_of("018150800"), 0, "  also for a synthetic number");

	is_int(year_of("290200500"), 2000, "29 Feb 2000 exists");
	is_int(check("290200123", 0, &fi), FNR_DATE, "29 Feb 1900 does not");
	is_int(year_of("290204123"), 1904, "29 Feb 1904 exists");
	is_int(check("290201124", 0, &fi), FNR_DATE, "29 Feb 1901 does not");
	is_int(year_of("290244800"), 0, "29 Feb in an unknown century is accepted");
	is_int(check("290201124", 1, &fi), FNR_OK, "29 Feb under the 2032 rule is accepted");
	is_int(fi.year, 0, "  with the year unknown");
	is_int(check("300201123", 1, &fi), FNR_DATE, "30 Feb under the 2032 rule is not");
	return done_testing();
}
