# fixture-report.sh: the case repositories behind tests/cli/08-report.t,
# built with the real commands and explicit dates, in date order. Sourced
# after lib.sh (it uses $tmp and newrepo). Every function leaves the case ids
# it made in shell variables named after the cases, for the tests to use.

# fx CMD...: a fixture step that must work; a failure stops the whole test.
fx() {
	"$@" >/dev/null 2>"$tmp/fx.err" || {
		echo "Bail out! fixture step failed: $* ($(tr '\n' ' ' <"$tmp/fx.err"))"
		exit 1
	}
}

# fxnew VAR bti-new OPTIONS...: opens a case and keeps its id in VAR.
fxnew() {
	_var=$1
	shift
	_id=$("$@" 2>"$tmp/fx.err") || {
		echo "Bail out! fixture step failed: $* ($(tr '\n' ' ' <"$tmp/fx.err"))"
		exit 1
	}
	eval "$_var=\$_id"
}

# suppress_below REPO K: sets bti.yaml's threshold by hand and commits it.
suppress_below() {
	sed -i "s/^suppress_below: .*/suppress_below: $2/" "$1/bti.yaml"
	git -C "$1" -c user.name=Admin -c user.email=admin@bti.invalid \
		commit -qam "suppress_below: $2" || echo "Bail out! cannot commit bti.yaml"
}

# fixture_main REPO: the three-level repository with every kind of figure,
# suppress_below 1 so that every count is visible. Nine cases:
#   A Skole, born 2014-03-01, opened 2025-10-01 (11: 6-12): 0>1 in 2025, 1>2
#     and a coordinator handover in 2026, closed at 2 (goal-reached) 2026-04-10
#     by bti-evaluate --decision close;
#     measure m1 due 2025-12-01 (late), 2026-02-01 (on time), 2026-04-01 (late).
#   B Barnehage, born 2021-05-05, opened 2025-03-03 (3: 0-5): closed at 0
#     (unfounded) 2025-03-20; nothing in 2026.
#   C Helsestasjon, born 2010-08-01, opened 2025-06-01 (14: 13-15): 0>1 in
#     2025, consent refused 2025; a report in 2026; open at 1 all of 2026.
#   H Barnehage, born 2020-12-20, opened 2025-12-15 (4: 0-5): 0>2 in 2025,
#     first measure 2026-01-10, 2>1 in 2026; m1 due 2026-02-10 (on time),
#     2026-05-10 (late); a report in 2026.
#   G Skole, born 2012-01-01, opened 2026-01-05 (14: 13-15): 0>1, closed at 1
#     (moved), reopened at 0 (not a move), 0>1 again.
#   E NAV, born 2005-01-15, opened 2026-01-10 (20: 18-23), no guardians: 0>1;
#     m1 due 2026-02-20 (late), 2026-04-15 (on time), 2026-06-01 (late).
#   D Skole, born 2009-09-09, opened 2026-02-02 (16: 16-17): 0>2, consent
#     given then withdrawn, closed at 2 (consent-withdrawn) 2026-04-02;
#     m1 due 2026-03-10 (on time), then 2026-03-25 (never); m2 due 2026-03-10
#     (never).
#   F Barnehage, born 2023-02-02, opened 2026-03-01 (3: 0-5): stays at 0;
#     a report about violence.
#   J Helsestasjon, fnr only (born 2016-04-04), opened 2026-04-20 (10: 6-12):
#     0>1, consent refused; m1 due 2026-06-01, never evaluated, and the case
#     has no evaluations at all.
fixture_main() {
	_r=$1
	newrepo "$_r"
	suppress_below "$_r" 1
	export BTI_USER="Kari Lærer"
	fxnew B bti-new -C "$_r" --date 2025-03-03 --name "Berit Bakken" --born 2021-05-05 \
		--service Barnehage --concern "Sover dårlig" --worry 3 --guardian Mor
	fx bti-level -C "$_r" --date 2025-03-20 --reason "Ubegrunnet" --cause unfounded "$B" close
	fxnew C bti-new -C "$_r" --date 2025-06-01 --name "Carl Carlsen" --born 2010-08-01 \
		--service Helsestasjon --concern "Mye fravær" --worry 5 --guardian Mor --guardian Far
	fx bti-level -C "$_r" --date 2025-06-10 --reason "Oppfølging" "$C" 1
	fx bti-consent -C "$_r" --date 2025-06-12 --from Mor --from Far --service PPT "$C" refused
	fxnew A bti-new -C "$_r" --date 2025-10-01 --name "Anna Aas" --born 2014-03-01 \
		--service Skole --concern "Lei seg" --worry 6 --guardian Mor --guardian Far
	fx bti-level -C "$_r" --date 2025-10-15 --reason "Tiltak i egen tjeneste" "$A" 1
	fx bti-measure -C "$_r" --date 2025-10-20 --what "Samtaler" --responsible "Kari Lærer" \
		--evaluate-by 2025-12-01 "$A"
	fx bti-evaluate -C "$_r" --date 2025-12-10 --measure m1=continue --next 2026-02-01 \
		--decision continue "$A"
	fxnew H bti-new -C "$_r" --date 2025-12-15 --name "Hedda Holm" --born 2020-12-20 \
		--service Barnehage --concern "Sen språkutvikling" --worry 4 --guardian Mor
	fx bti-service -C "$_r" --date 2025-12-20 "$H" join Helsestasjon
	fx bti-consent -C "$_r" --date 2025-12-20 --from Mor --service Helsestasjon "$H" given
	fx bti-coordinator -C "$_r" --date 2025-12-20 --name "Anne Ansvarlig" --service Barnehage "$H"
	fx bti-level -C "$_r" --date 2025-12-20 --reason "Tverrfaglig" "$H" 2
	fxnew G bti-new -C "$_r" --date 2026-01-05 --name "Gustav Gran" --born 2012-01-01 \
		--service Skole --concern "Konflikter" --worry 4 --guardian Mor --guardian Far
	fxnew E bti-new -C "$_r" --date 2026-01-10 --name "Emil Eng" --born 2005-01-15 \
		--service NAV --concern "Faller ut av skolen" --worry 7
	fx bti-measure -C "$_r" --date 2026-01-10 --what "Språkgruppe" --responsible "Anne Ansvarlig" \
		--evaluate-by 2026-02-10 "$H"
	fx bti-level -C "$_r" --date 2026-01-16 --reason "Tiltak" "$G" 1
	fx bti-service -C "$_r" --date 2026-01-20 "$A" join PPT
	fx bti-consent -C "$_r" --date 2026-01-20 --from Mor --from Far --service PPT "$A" given
	fx bti-coordinator -C "$_r" --date 2026-01-20 --name "Kari Lærer" --service Skole "$A"
	fx bti-level -C "$_r" --date 2026-01-20 --reason "Tiltak" "$E" 1
	fx bti-measure -C "$_r" --date 2026-01-22 --what "Arbeidstrening" --responsible "Ola Veileder" \
		--evaluate-by 2026-02-20 "$E"
	fx bti-evaluate -C "$_r" --date 2026-01-25 --measure m1=continue --next 2026-04-01 \
		--decision up "$A"
	fx bti-level -C "$_r" --date 2026-02-01 --reason "Flyttet" --cause moved "$G" close
	fxnew D bti-new -C "$_r" --date 2026-02-02 --name "Dina Dahl" --born 2009-09-09 \
		--service Skole --concern "Rus" --worry 8 --guardian Mor
	fx bti-service -C "$_r" --date 2026-02-05 "$D" join BUP
	fx bti-consent -C "$_r" --date 2026-02-05 --from Mor --from "Dina Dahl" --service BUP "$D" given
	fx bti-coordinator -C "$_r" --date 2026-02-05 --name "Lise Helsesøster" --service Skole "$D"
	fx bti-level -C "$_r" --date 2026-02-05 --reason "Tverrfaglig" "$D" 2
	fx bti-measure -C "$_r" --date 2026-02-10 --what "Samtaler BUP" --responsible "Lise Helsesøster" \
		--evaluate-by 2026-03-10 "$D"
	fx bti-measure -C "$_r" --date 2026-02-10 --what "Mentor" --responsible "Lise Helsesøster" \
		--evaluate-by 2026-03-10 "$D"
	fx bti-evaluate -C "$_r" --date 2026-02-10 --measure m1=continue --next 2026-05-10 \
		--decision down "$H"
	fx bti-notify -C "$_r" --date 2026-02-14 --reason "Omsorgssvikt" --kind neglect "$C"
	fx bti-coordinator -C "$_r" --date 2026-03-01 --name "Per Rådgiver" --service PPT "$A"
	fx bti-evaluate -C "$_r" --date 2026-03-01 --measure m1=continue --next 2026-04-15 \
		--decision continue "$E"
	fxnew F bti-new -C "$_r" --date 2026-03-01 --name "Frida Foss" --born 2023-02-02 \
		--service Barnehage --concern "Blåmerker" --worry 9 --guardian Mor
	fx bti-level -C "$_r" --date 2026-03-01 --reason "Ny bekymring" "$G" 0
	fx bti-notify -C "$_r" --date 2026-03-02 --reason "Mistanke om vold" --kind violence "$F"
	fx bti-evaluate -C "$_r" --date 2026-03-05 --measure m1=continue --next 2026-03-25 \
		--decision continue "$D"
	fx bti-level -C "$_r" --date 2026-03-15 --reason "Tiltak" "$G" 1
	fx bti-consent -C "$_r" --date 2026-04-01 --from Mor --from "Dina Dahl" --withdraws c1 "$D" withdrawn
	fx bti-level -C "$_r" --date 2026-04-02 --reason "Samtykke trukket" --cause consent-withdrawn "$D" close
	fx bti-evaluate -C "$_r" --date 2026-04-10 --measure m1=reached --decision close \
		--cause goal-reached "$A"
	fx bti-evaluate -C "$_r" --date 2026-04-10 --measure m1=change --next 2026-06-01 \
		--decision continue "$E"
	fxnew J bti-new -C "$_r" --date 2026-04-20 --name "Jonas Jensen" --fnr 04041650236 \
		--service Helsestasjon --concern "Vekt" --worry 3 --guardian Mor --guardian Far
	fx bti-level -C "$_r" --date 2026-05-04 --reason "Tiltak" "$J" 1
	fx bti-consent -C "$_r" --date 2026-05-05 --from Mor --from Far --service BUP "$J" refused
	fx bti-measure -C "$_r" --date 2026-05-06 --what "Kostholdsveiledning" --responsible "Helsesøster" \
		--evaluate-by 2026-06-01 "$J"
	fx bti-evaluate -C "$_r" --date 2026-05-20 --measure m1=stop --decision continue "$H"
	fx bti-notify -C "$_r" --date 2026-05-25 --reason "Bekymring for omsorgen" "$H"
	fx bti-evaluate -C "$_r" --date 2026-06-05 --measure m1=reached --decision continue "$E"
	main_names="Berit Bakken|Carl Carlsen|Anna Aas|Hedda Holm|Gustav Gran|Emil Eng|Dina Dahl|Frida Foss|Jonas Jensen"
	main_ids="$A $B $C $D $E $F $G $H $J"
}

# fixture_four REPO: a four-level repository (suppress_below 1).
#   K Skole, born 2013-05-05, opened 2026-01-12 (12: 6-12): coordinator from
#     the start, 0>1, 1>2, 2>3, 3>2, closed at 2 (individual-plan).
#   L Barnehage, born 2022-06-06, opened 2026-02-09 (3: 0-5): 0>1, 1>2, 2>3,
#     open at 3; m1 due 2026-04-20, evaluated that day (on time).
#   M Skole, born 2010-10-10, opened 2026-03-03 (15: 13-15): stays at 0.
fixture_four() {
	_r=$1
	newrepo "$_r" --model four-level
	suppress_below "$_r" 1
	export BTI_USER="Sara Stafett"
	fxnew K bti-new -C "$_r" --date 2026-01-12 --name "Knut Kvam" --born 2013-05-05 \
		--service Skole --concern "Uro" --worry 5 --guardian Mor
	fx bti-coordinator -C "$_r" --date 2026-01-12 --name "Sara Stafett" --service Skole "$K"
	fx bti-level -C "$_r" --date 2026-01-19 --reason "Tiltak" "$K" 1
	fx bti-service -C "$_r" --date 2026-02-02 "$K" join PPT
	fx bti-consent -C "$_r" --date 2026-02-02 --from Mor --service PPT --service BUP "$K" given
	fx bti-level -C "$_r" --date 2026-02-02 --reason "Samarbeid" "$K" 2
	fxnew L bti-new -C "$_r" --date 2026-02-09 --name "Lea Lund" --born 2022-06-06 \
		--service Barnehage --concern "Uro" --worry 5 --guardian Far
	fx bti-coordinator -C "$_r" --date 2026-02-09 --name "Sara Stafett" --service Barnehage "$L"
	fx bti-level -C "$_r" --date 2026-02-16 --reason "Tiltak" "$L" 1
	fx bti-service -C "$_r" --date 2026-03-02 "$K" join BUP
	fx bti-level -C "$_r" --date 2026-03-02 --reason "Komplekst" "$K" 3
	fx bti-service -C "$_r" --date 2026-03-02 "$L" join Helsestasjon
	fx bti-consent -C "$_r" --date 2026-03-02 --from Far --service Helsestasjon "$L" given
	fx bti-level -C "$_r" --date 2026-03-02 --reason "Samarbeid" "$L" 2
	fxnew M bti-new -C "$_r" --date 2026-03-03 --name "Mons Moe" --born 2010-10-10 \
		--service Skole --concern "Uro" --worry 2 --guardian Mor --guardian Far
	fx bti-level -C "$_r" --date 2026-03-16 --reason "Komplekst" "$L" 3
	fx bti-measure -C "$_r" --date 2026-03-20 --what "Spesialpedagog" --responsible "Sara Stafett" \
		--evaluate-by 2026-04-20 "$L"
	fx bti-level -C "$_r" --date 2026-04-06 --reason "Mindre behov" "$K" 2
	fx bti-evaluate -C "$_r" --date 2026-04-20 --measure m1=reached --decision continue "$L"
	fx bti-level -C "$_r" --date 2026-05-04 --reason "Individuell plan" --cause individual-plan "$K" close
}

# fixture_suppress REPO: the default threshold 5 and fifteen cases opened in
# 2026, made in loops:
#   Barnehage: 6 born 2022-01-01 (4: 0-5) and 1 born 2019-06-01 (6: 6-12),
#     opened 2026-02-02; the first five (N1..N5) closed at 0 (unfounded)
#     2026-02-12, 10 days on.
#   Skole: 5 born 2015-01-01 (11: 6-12) and 1 born 2011-01-01 (15: 13-15),
#     opened 2026-02-03; the first three (S1..S3) moved 0>1 2026-02-23, 20 days
#     on; S1 and S2 get a measure 2026-03-03 due 2026-04-01, S1 evaluated
#     2026-03-30 (on time), S2 2026-04-10 (late).
#   Skolehelsetjenesten: 2 born 2009-06-01 (16: 16-17), opened 2026-02-04.
#   Four reports: N6, N7, S4 and S5.
fixture_suppress() {
	_r=$1
	newrepo "$_r"
	export BTI_USER="Kari Lærer"
	_i=0
	while [ $_i -lt 7 ]; do
		_i=$((_i + 1))
		_born=2022-01-01
		[ $_i -eq 7 ] && _born=2019-06-01
		fxnew "N$_i" bti-new -C "$_r" --date 2026-02-02 --name "Barn N$_i" --born $_born \
			--service Barnehage --concern "Uro" --worry 2 --guardian Mor
	done
	_i=0
	while [ $_i -lt 6 ]; do
		_i=$((_i + 1))
		_born=2015-01-01
		[ $_i -eq 6 ] && _born=2011-01-01
		fxnew "S$_i" bti-new -C "$_r" --date 2026-02-03 --name "Elev S$_i" --born $_born \
			--service Skole --concern "Uro" --worry 2 --guardian Mor
	done
	fxnew U1 bti-new -C "$_r" --date 2026-02-04 --name "Ungdom U1" --born 2009-06-01 \
		--service Skolehelsetjenesten --concern "Uro" --worry 2 --guardian Mor
	fxnew U2 bti-new -C "$_r" --date 2026-02-04 --name "Ungdom U2" --born 2009-06-01 \
		--service Skolehelsetjenesten --concern "Uro" --worry 2 --guardian Mor
	for _c in "$N1" "$N2" "$N3" "$N4" "$N5"; do
		fx bti-level -C "$_r" --date 2026-02-12 --reason "Ubegrunnet" --cause unfounded "$_c" close
	done
	for _c in "$S1" "$S2" "$S3"; do
		fx bti-level -C "$_r" --date 2026-02-23 --reason "Tiltak" "$_c" 1
	done
	for _c in "$S1" "$S2"; do
		fx bti-measure -C "$_r" --date 2026-03-03 --what "Leksehjelp" --responsible "Kari Lærer" \
			--evaluate-by 2026-04-01 "$_c"
	done
	fx bti-evaluate -C "$_r" --date 2026-03-30 --measure m1=reached --decision continue "$S1"
	for _c in "$N6" "$N7" "$S4" "$S5"; do
		fx bti-notify -C "$_r" --date 2026-04-07 --reason "Melding" "$_c"
	done
	fx bti-evaluate -C "$_r" --date 2026-04-10 --measure m1=reached --decision continue "$S2"
}

# fixture_summary REPO: cases for the case summary, in Norwegian (nb).
#   SUM  Sofie Berg at level 2 with PPT, consent c1 in force, c2 withdrawn,
#        c3 the withdrawal, c4 refused; goal g1, measure m1 next due 2026-08-15.
#   SEC  a case opened about violence: "do not inform".
#   EVIL hostile text in the name, the service and a measure.
fixture_summary() {
	_r=$1
	newrepo "$_r" --municipality "Tromsø"
	export BTI_USER="Kari Lærer"
	fxnew SUM bti-new -C "$_r" --date 2026-03-01 --name "Sofie Berg" --born 2014-02-02 \
		--service Skole --concern "Trist" --worry 5 --guardian Mor --guardian Far
	fx bti-level -C "$_r" --date 2026-03-02 --reason "Tiltak" "$SUM" 1
	fx bti-service -C "$_r" --date 2026-03-10 --contact "Pål Psykolog" "$SUM" join PPT
	fx bti-consent -C "$_r" --date 2026-03-10 --from Mor --from Far --service PPT "$SUM" given
	fx bti-coordinator -C "$_r" --date 2026-03-10 --name "Kari Lærer" --service Skole "$SUM"
	fx bti-level -C "$_r" --date 2026-03-10 --reason "Tverrfaglig" "$SUM" 2
	fx bti-consent -C "$_r" --date 2026-03-11 --from Mor --from Far --service Helsestasjon "$SUM" given
	fx bti-goal -C "$_r" --date 2026-03-12 --text "Trives på skolen" "$SUM"
	fx bti-measure -C "$_r" --date 2026-03-12 --what "Leksehjelp" --responsible "Kari Lærer" \
		--evaluate-by 2026-05-01 --goal g1 "$SUM"
	fx bti-consent -C "$_r" --date 2026-04-01 --from Mor --withdraws c2 "$SUM" withdrawn
	fx bti-consent -C "$_r" --date 2026-04-02 --from Mor --from Far --service BUP "$SUM" refused
	fx bti-evaluate -C "$_r" --date 2026-04-30 --measure m1=continue --next 2026-08-15 \
		--decision continue "$SUM"
	fxnew SEC bti-new -C "$_r" --date 2026-04-01 --name "Vilde Vik" --born 2016-01-01 \
		--service Skole --concern "Forteller om slag" --worry 9 --kind violence --guardian Mor
	fxnew EVIL bti-new -C "$_r" --date 2026-04-01 --name "<script>alert(1)</script>" \
		--born 2015-01-01 --service "<img src=x onerror=alert(1)>" --concern "x" --worry 2 \
		--guardian Mor
	fx bti-level -C "$_r" --date 2026-04-02 --reason "Tiltak" "$EVIL" 1
	fx bti-measure -C "$_r" --date 2026-04-03 --what "[x](javascript:alert(1))" \
		--responsible "<b>bold</b>" --evaluate-by 2026-05-01 "$EVIL"
}

# fixture_rows REPO: the cases behind tests/cli/80-report-rows.t, for the
# tables after median_days (suppress_below 1).
#   P1 Skole, "Per Pil" born 2015-05-05, opened 2025-11-01, worry 6, neglect:
#     0>1 2025-11-20; PPT joins, coordinator (Skole) and 1>2 2026-01-10;
#     m1 2026-01-12, evaluated 2026-02-20 (continue); meetings 2026-02-01
#     (child present) and 2026-03-01 (child's view); a report to barnevern
#     2026-02-15, guardians told; closed at 2 (goal-reached) 2026-05-01.
#   P2 Helsestasjon, the same child (same name and birth date), opened
#     2026-03-01, worry 4, violence and neglect; a report to the police
#     2026-03-02 about violence (guardians not told); stays at 0.
#   P3 Skole, fnr 04041650236 (born 2016-04-04), opened 2026-01-15, worry 8,
#     no kind: BUP joins 2026-01-20; 0>1 2026-02-01, closed at 1 (moved)
#     2026-03-01, reopened at 0 2026-04-01; m1 2026-04-02, evaluated
#     2026-04-20 (stop).
#   P6 NAV, born 2003-12-31, opened 2026-01-05, worry 5, other: coordinator
#     (NAV) and 0>1 2026-02-05.
fixture_rows() {
	_r=$1
	newrepo "$_r"
	suppress_below "$_r" 1
	export BTI_USER="Kari Lærer"
	fxnew P1 bti-new -C "$_r" --date 2025-11-01 --name "Per Pil" --born 2015-05-05 \
		--service Skole --concern "Sliten" --worry 6 --kind neglect --guardian Mor
	fx bti-level -C "$_r" --date 2025-11-20 --reason "Tiltak" "$P1" 1
	fxnew P6 bti-new -C "$_r" --date 2026-01-05 --name "Ola Ung" --born 2003-12-31 \
		--service NAV --concern "Uten arbeid" --worry 5 --kind other
	fx bti-service -C "$_r" --date 2026-01-10 "$P1" join PPT
	fx bti-consent -C "$_r" --date 2026-01-10 --from Mor --service PPT "$P1" given
	fx bti-coordinator -C "$_r" --date 2026-01-10 --name "Kari Lærer" --service Skole "$P1"
	fx bti-level -C "$_r" --date 2026-01-10 --reason "Tverrfaglig" "$P1" 2
	fx bti-measure -C "$_r" --date 2026-01-12 --what "Samtaler" --responsible "Kari Lærer" \
		--evaluate-by 2026-03-01 "$P1"
	fxnew P3 bti-new -C "$_r" --date 2026-01-15 --name "Jonas Jensen" --fnr 04041650236 \
		--service Skole --concern "Vekt" --worry 8 --guardian Far
	fx bti-service -C "$_r" --date 2026-01-20 "$P3" join BUP
	fx bti-consent -C "$_r" --date 2026-01-20 --from Far --service BUP "$P3" given
	fx bti-level -C "$_r" --date 2026-02-01 --reason "Tiltak" "$P3" 1
	fx bti-meeting -C "$_r" --date 2026-02-01 --kind plan --participant "Kari Lærer" \
		--child-present --minutes "Arkiv" "$P1"
	fx bti-coordinator -C "$_r" --date 2026-02-05 --name "Nina Nav" --service NAV "$P6"
	fx bti-level -C "$_r" --date 2026-02-05 --reason "Tiltak" "$P6" 1
	fx bti-notify -C "$_r" --date 2026-02-15 --reason "Bekymring" --inform-guardians "$P1"
	fx bti-evaluate -C "$_r" --date 2026-02-20 --measure m1=continue --next 2026-04-20 \
		--decision continue "$P1"
	fx bti-meeting -C "$_r" --date 2026-03-01 --kind evaluering --participant "Kari Lærer" \
		--child-view "Vil ha ro" --minutes "Arkiv" "$P1"
	fx bti-level -C "$_r" --date 2026-03-01 --reason "Flyttet" --cause moved "$P3" close
	fxnew P2 bti-new -C "$_r" --date 2026-03-01 --name "Per Pil" --born 2015-05-05 \
		--service Helsestasjon --concern "Skade" --worry 4 --kind violence --kind neglect --guardian Mor
	fx bti-notify -C "$_r" --date 2026-03-02 --to politi --reason "Mistanke" --kind violence "$P2"
	fx bti-level -C "$_r" --date 2026-04-01 --reason "Ny bekymring" "$P3" 0
	fx bti-measure -C "$_r" --date 2026-04-02 --what "Kost" --responsible "Far" \
		--evaluate-by 2026-05-01 "$P3"
	fx bti-evaluate -C "$_r" --date 2026-04-20 --measure m1=stop --decision continue "$P3"
	fx bti-level -C "$_r" --date 2026-05-01 --reason "Bra" --cause goal-reached "$P1" close
}
