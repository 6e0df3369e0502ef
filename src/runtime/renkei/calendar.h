/*
 * renkei/calendar.h: Gregorian dates and Japanese eras (和暦) for the date
 * item types (date, date8, yearmonth, wareki).
 *
 * Dates are proleptic Gregorian with the four-century leap year rule and a
 * year between 1 and 9999, the range the formats YYYY... can write.  An era
 * year is mapped onto the Gregorian calendar as (first Gregorian year of the
 * era) + (year of era) - 1, and the month and day are taken as they are.
 *
 * The era boundaries are the days each era was proclaimed:
 *
 *   1 明治 Meiji   1868-10-23 .. 1912-07-29
 *   2 大正 Taisho  1912-07-30 .. 1926-12-24
 *   3 昭和 Showa   1926-12-25 .. 1989-01-07
 *   4 平成 Heisei  1989-01-08 .. 2019-04-30
 *   5 令和 Reiwa   2019-05-01 .. (open)
 *
 * Meiji needs a choice.  Its proclamation (明治元年9月8日 of the old lunar
 * calendar) fell on 1868-10-23, but it was made retroactive to the first
 * day of that lunar year (1868-01-25), and Japan kept the lunar calendar
 * until 明治5年 (1872); months and days written in 明治1..5 are really lunar
 * ones.  Like every data system, renkei reads GYYMMDD as a Gregorian month
 * and day, with 明治元年 = 1868, and accepts Meiji dates from the
 * proclamation day 1868-10-23, the same way the later eras start on the day
 * they were proclaimed: so 1011023 is valid and 1011022 is not.
 */
#ifndef RENKEI_CALENDAR_H
#define RENKEI_CALENDAR_H

#ifdef __cplusplus
extern "C" {
#endif

/* What rk_date_valid returns. */
enum rk_date_status {
	RK_DATE_OK = 0,
	RK_DATE_YEAR = -1,	/* year not in 1..9999 */
	RK_DATE_MONTH = -2,	/* month not in 1..12 */
	RK_DATE_DAY = -3	/* no such day in that month of that year */
};

/*
 * Returns RK_DATE_OK (0) when y-m-d is a real Gregorian date with y in
 * 1..9999, otherwise the negative enum rk_date_status of the first field
 * (year, then month, then day) that is wrong.  Note: 0 means valid.
 */
int rk_date_valid(int y, int m, int d);

/* One era of the Japanese calendar; the table is static and read-only. */
struct rk_era {
	int code;		/* the G of GYYMMDD: 1 明治 .. 5 令和 */
	const char *name;	/* romanised, e.g. "Heisei" */
	const char *kanji;	/* e.g. "平成" (UTF-8) */
	int start_year, start_month, start_day;	/* first day of the era */
	int end_year, end_month, end_day;	/* last day; all 0 while current */
};

/* The era with that code (1..5), or NULL. */
const struct rk_era *rk_era_find(int code);

/* What rk_wareki_check returns. */
enum rk_wareki_status {
	RK_WAREKI_OK = 0,
	RK_WAREKI_ERA = -1,	/* no era has that code */
	RK_WAREKI_YEAR = -2,	/* year of era below 1 (元年 is 1) */
	RK_WAREKI_DATE = -3,	/* the mapped Gregorian date does not exist */
	RK_WAREKI_BEFORE = -4,	/* the date is before the era began */
	RK_WAREKI_AFTER = -5	/* the date is after the era ended */
};

/*
 * Checks the era date (era code, year of era, month, day) and, when it is
 * valid and gregorian_year is not NULL, stores its Gregorian year there.
 * Returns RK_WAREKI_OK (0) or the first negative enum rk_wareki_status that
 * applies, in the order the enum lists them.  Example: (4, 31, 4, 30) is
 * 2019-04-30 and valid; (4, 31, 5, 1) is RK_WAREKI_AFTER.
 */
int rk_wareki_check(int era, int year_of_era, int m, int d, int *gregorian_year);

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_CALENDAR_H */
