/* fnr.h: validation of Norwegian national id numbers (fødselsnummer and kin). */
#ifndef BTI_FNR_H
#define BTI_FNR_H

/* Result of checking an 11-digit national id number. */
enum fnr_status {
	FNR_OK = 0,
	FNR_LENGTH,      /* not exactly 11 ASCII digits */
	FNR_CHECKSUM,    /* check digits wrong under both the old and the 2032 rule */
	FNR_DATE,        /* the encoded birth date is not a real calendar date */
};

struct fnr_info {
	int rule2032_only; /* 1 when valid only under the 2032 rule */
	int kind;          /* 'F' fødselsnummer, 'D' D-number, 'H' H-number, 'S' synthetic (NAV +40 / Skatteetaten +80 month) */
	int day, month;    /* decoded (offsets removed) */
	int year;          /* full year for old-rule numbers (century from the individual number), 0 when unknown (2032-rule-only numbers: no century encoded) */
};

/*
 * Checks s (DDMMYYIIIKK) under both check-digit rules. On FNR_OK *out is
 * filled; on any error it is zeroed. Month 41-52 is reported as 'H' (NAV's
 * +40 synthetic numbers look the same), 81-92 as 'S'; a month offset wins
 * over a +40 day.
 */
enum fnr_status fnr_check(const char *s, struct fnr_info *out);  /* out may be NULL */
const char *fnr_strerror(enum fnr_status st);  /* short English message, e.g. "check digits do not match" */

#endif
