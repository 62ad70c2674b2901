/* facts.h: what the yearly statistics need of one case, small enough to
 * cache by blob id, so a repeated report reads no case file again. */
#ifndef BTI_FACTS_H
#define BTI_FACTS_H

#include <stddef.h>

#include "date.h"
#include "node.h"
#include "util.h"

/* The concern kinds of the schema, in its order: bit i of facts.kinds. */
#define FACTS_NKINDS 8
extern const char *const facts_kinds[FACTS_NKINDS];

struct facts {
	day_t opened, born;             /* born DATE_NONE when unknown */
	char *service;
	int worry;                      /* 1..10, 0 when unknown */
	int kinds;                      /* bit set of facts_kinds */
	/* Who the child is, never shown: a hash of the fnr if there is one,
	 * else of the name and birth date; 0 when unknown. */
	long child;
	struct flevel { day_t date; int level, closed; char cause[64]; } *lv;
	struct fconsent { day_t date; char status; } *cs;       /* g, r, w */
	day_t *ev;                      /* evaluation dates */
	/* A dated name: a coordinator (the coordinator's service), a service
	 * joining; the name is at pool + name, NUL-ended. */
	struct fnamed { day_t date; size_t name; } *coord, *join;
	char *pool;
	/* to: b barnevern, p politi */
	struct freport { day_t date; char to; int told; } *rep;
	struct fmeeting { day_t date; int present, view; } *mt;
	/* The days a service taking part had no consent in force covering it,
	 * as spans [from, to), to DATE_NONE when it lasts. */
	struct fspan { day_t from, to; } *unc;
	struct fmeasure { day_t date, due; } *ms;
	/* outcome: r reached, c continue, h change, s stop; measure -1 if unknown,
	 * next DATE_NONE when there is none */
	struct fitem { size_t eval; long measure; char outcome; day_t next; } *it;
	size_t nlv, ncs, ncoord, nrep, nev, nms, nit, njoin, nmt, nunc;
	/* Capacities: one struct facts is reused case after case without
	 * allocating again (facts_parse empties it first). */
	size_t clv, ccs, ccoord, crep, cev, cms, cit, cservice, cjoin, cmt, npool, cpool, cunc;
};

/* From a schema-valid case, into an empty or reused struct (zeroed once). */
void facts_from_case(struct facts *f, const struct node *root);
/* The cache's text form, and back (into an empty or reused struct).
 * facts_parse returns -1 on damage. */
void facts_text(const struct facts *f, struct buf *out);
int facts_parse(struct facts *f, const char *text, size_t len);
void facts_free(struct facts *f);

#endif
