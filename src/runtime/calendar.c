/*
 * calendar.c: Gregorian date validity and the Japanese eras.  The era table
 * below is the one place the boundaries live; renkei/calendar.h explains the
 * choice made for the start of Meiji.
 */
#include "renkei/calendar.h"

#include <stddef.h>

static const struct rk_era eras[] = {
	{ 1, "Meiji", "明治", 1868, 10, 23, 1912, 7, 29 },
	{ 2, "Taisho", "大正", 1912, 7, 30, 1926, 12, 24 },
	{ 3, "Showa", "昭和", 1926, 12, 25, 1989, 1, 7 },
	{ 4, "Heisei", "平成", 1989, 1, 8, 2019, 4, 30 },
	{ 5, "Reiwa", "令和", 2019, 5, 1, 0, 0, 0 },
};

#define N_ERAS (sizeof eras / sizeof eras[0])

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int rk_date_valid(int y, int m, int d)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int last;

	if (y < 1 || y > 9999)
		return RK_DATE_YEAR;
	if (m < 1 || m > 12)
		return RK_DATE_MONTH;
	last = days[m - 1] + (m == 2 && is_leap(y));
	if (d < 1 || d > last)
		return RK_DATE_DAY;
	return RK_DATE_OK;
}

const struct rk_era *rk_era_find(int code)
{
	if (code < 1 || (size_t)code > N_ERAS)
		return NULL;
	return &eras[code - 1];
}

/* A date as one comparable number, YYYYMMDD. */
static long day_key(int y, int m, int d)
{
	return (long)y * 10000L + m * 100L + d;
}

int rk_wareki_check(int era, int year_of_era, int m, int d, int *gregorian_year)
{
	const struct rk_era *e = rk_era_find(era);
	long key;
	int y;

	if (!e)
		return RK_WAREKI_ERA;
	if (year_of_era < 1)
		return RK_WAREKI_YEAR;
	/* Guard the addition; such a year is past 9999 anyway. */
	if (year_of_era > 9999 - e->start_year + 1)
		return RK_WAREKI_DATE;
	y = e->start_year + year_of_era - 1;
	if (rk_date_valid(y, m, d) != RK_DATE_OK)
		return RK_WAREKI_DATE;
	key = day_key(y, m, d);
	if (key < day_key(e->start_year, e->start_month, e->start_day))
		return RK_WAREKI_BEFORE;
	if (e->end_year && key > day_key(e->end_year, e->end_month, e->end_day))
		return RK_WAREKI_AFTER;
	if (gregorian_year)
		*gregorian_year = y;
	return RK_WAREKI_OK;
}
