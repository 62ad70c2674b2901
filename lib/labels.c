/* labels.c: the report vocabulary. Keys are the words the case files and
 * the statistics use; a missing key is shown as it is. */
#include <string.h>

#include "labels.h"
#include "model.h"

static const char *const words[][1 + LANG_N] = {
	/* case summary */
	{ "case", "Sak", "Sak", "Case" },
	{ "secret", "IKKE INFORMER FORESATTE: meldingen gjelder vold eller seksuelle overgrep.",
	  "IKKJE INFORMER FØRESETTE: meldinga gjeld vald eller seksuelle overgrep.",
	  "DO NOT INFORM THE GUARDIANS: the report concerns violence or sexual abuse." },
	{ "child", "Barn/ungdom", "Barn/ungdom", "Child or young person" },
	{ "age", "år", "år", "years" },
	{ "level", "Nivå", "Nivå", "Level" },
	{ "since", "siden", "sidan", "since" },
	{ "closed", "Avsluttet", "Avslutta", "Closed" },
	{ "service", "Tjeneste", "Teneste", "Service" },
	{ "coordinator", "Koordinator", "Koordinator", "Coordinator" },
	{ "none", "ingen", "ingen", "none" },
	{ "services", "Tjenester som deltar", "Tenester som deltek", "Services taking part" },
	{ "contact", "kontakt", "kontakt", "contact" },
	{ "consents-in-force", "Samtykker i kraft", "Samtykke i kraft", "Consents in force" },
	{ "expires", "utløper", "går ut", "expires" },
	{ "goals", "Mål", "Mål", "Goals" },
	{ "measures", "Tiltak", "Tiltak", "Measures" },
	{ "responsible", "ansvarlig", "ansvarleg", "responsible" },
	{ "start", "start", "start", "start" },
	{ "last-evaluation", "siste evaluering", "siste evaluering", "last evaluation" },
	{ "next-evaluation", "neste evaluering", "neste evaluering", "next evaluation" },
	{ "ended", "avsluttet", "avslutta", "ended" },
	{ "meetings", "Møter", "Møte", "Meetings" },
	{ "child-present", "barnet deltok", "barnet var med", "the child took part" },
	{ "child-view", "barnets stemme", "barnet si stemme", "the child's view" },
	{ "minutes", "referat", "referat", "minutes" },
	{ "reports", "Meldinger til barnevernet", "Meldingar til barnevernet", "Reports to child welfare" },
	{ "guardians-informed", "foresatte informert", "føresette informerte", "guardians informed" },
	{ "guardians-not-informed", "foresatte ikke informert", "føresette ikkje informerte", "guardians not informed" },
	{ "history", "Nivåhistorikk", "Nivåhistorikk", "Level history" },
	{ "corrections", "Rettelser: oppføringer trukket tilbake", "Rettingar: oppføringar trekte tilbake",
	  "Corrections: entries withdrawn" },
	{ "withdrawn-on", "trukket tilbake", "trekt tilbake", "withdrawn" },
	{ "written", "skriftlig", "skriftleg", "written" },
	{ "oral", "muntlig", "munnleg", "oral" },
	{ "over-time", "over tid", "over tid", "over time" },
	{ "meeting", "ett møte", "eitt møte", "one meeting" },
	{ "due", "termin", "termin", "due" },
	{ "family", "familien ba om saken", "familien bad om saka", "the family asked for the case" },
	{ "referral", "henvist", "tilvist", "referred" },
	{ "minutes-sent", "sendt til alle", "sendt til alle", "sent to everyone" },
	{ "next-meeting", "neste møte", "neste møte", "next meeting" },
	{ "leader-informed", "ledelsen informert", "leiinga informert", "management informed" },
	/* outcomes, decisions, causes */
	{ "reached", "mål nådd", "mål nådd", "goal reached" },
	{ "continue", "fortsetter", "held fram", "continues" },
	{ "change", "endres", "blir endra", "changed" },
	{ "stop", "avsluttes", "blir avslutta", "stopped" },
	{ "goal-reached", "mål nådd", "mål nådd", "goal reached" },
	{ "unfounded", "bekymringen var ubegrunnet", "uroa var utan grunn", "concern unfounded" },
	{ "moved", "flyttet", "flytta", "moved" },
	{ "barnevern", "overført til barnevernet", "overført til barnevernet", "handed to child welfare" },
	{ "individual-plan", "individuell plan", "individuell plan", "individual plan" },
	{ "consent-withdrawn", "samtykke trukket", "samtykke trekt", "consent withdrawn" },
	{ "declined", "takket nei", "takka nei", "declined" },
	{ "other", "annet", "anna", "other" },
	/* yearly statistics */
	{ "statistics", "BTI-statistikk", "BTI-statistikk", "BTI statistics" },
	{ "period", "Periode", "Periode", "Period" },
	{ "legend", "Tall under %d vises som <%d. Tall som kunne avsløre et skjult tall, vises som «:». Ingen navn, fødselsnummer eller saksnummer er med.",
	  "Tal under %d blir viste som <%d. Tal som kunne avsløre eit skjult tal, blir viste som «:». Ingen namn, fødselsnummer eller saksnummer er med.",
	  "Counts below %d are shown as <%d. Counts that could reveal a hidden one are shown as ':'. No names, id numbers or case ids are included." },
	{ "total", "Totalt", "Totalt", "Total" },
	{ "opened", "Nye saker", "Nye saker", "Cases opened" },
	{ "opened_by_service", "Nye saker etter tjeneste", "Nye saker etter teneste", "Cases opened by service" },
	{ "opened_by_age", "Nye saker etter alder", "Nye saker etter alder", "Cases opened by age group" },
	{ "active_by_highest_level", "Aktive saker etter høyeste nivå i perioden", "Aktive saker etter høgaste nivå i perioden", "Active cases by highest level in the period" },
	{ "open_at_end_by_level", "Åpne saker ved periodens slutt etter nivå", "Opne saker ved slutten av perioden etter nivå", "Open cases on the last day by level" },
	{ "level_moves", "Bevegelser mellom nivåer", "Rørsler mellom nivå", "Movements between levels" },
	{ "closed_by_level", "Avsluttede saker etter nivå", "Avslutta saker etter nivå", "Cases closed by level" },
	{ "closed_by_cause", "Avsluttede saker etter årsak", "Avslutta saker etter årsak", "Cases closed by cause" },
	{ "evaluations_due", "Tiltak med evaluering i perioden", "Tiltak med evaluering i perioden", "Measures due for evaluation" },
	{ "on-time", "evaluert i tide", "evaluert i tide", "evaluated on time" },
	{ "late", "evaluert for sent", "evaluert for seint", "evaluated late" },
	{ "not-evaluated", "ikke evaluert", "ikkje evaluert", "not evaluated" },
	{ "consents", "Samtykker", "Samtykke", "Consents" },
	{ "given", "gitt", "gjeve", "given" },
	{ "refused", "nektet", "nekta", "refused" },
	{ "withdrawn", "trukket", "trekt", "withdrawn" },
	{ "coordinator_handovers", "Bytte av koordinator", "Byte av koordinator", "Coordinator handovers" },
	{ "reports_to_child_welfare", "Meldinger til barnevernet", "Meldingar til barnevernet", "Reports to child welfare" },
	{ "median_days", "Median antall dager", "Median tal på dagar", "Median days" },
	{ "opening-to-first-measure", "fra ny sak til første tiltak", "frå ny sak til første tiltak", "from opening to the first measure" },
	{ "opening-to-decision", "fra bekymring til beslutning om nivå", "frå uro til avgjerd om nivå", "from concern to the level decision" },
	{ "cases", "saker", "saker", "cases" },
	{ "unknown", "ukjent", "ukjend", "unknown" },
	{ "years", "år", "år", "years" },
};

const char *
label(int lang, const char *key)
{
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcmp(words[i][0], key))
			return words[i][1 + lang];
	return key;
}
