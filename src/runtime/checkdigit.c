/*
 * checkdigit.c: the check digits of 個人番号, 全国地方公共団体コード and the
 * Luhn-checked numbers (保険者番号, 公費負担者番号, 受給者番号).  The rules
 * and real examples are in renkei/checkdigit.h; each function reads its
 * digits left to right and stops at the first non-digit, so it never reads
 * beyond a shorter NUL-terminated string.
 */
#include "renkei/checkdigit.h"

/* The digit value of c, or -1 when c is not an ASCII digit. */
static int digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : -1;
}

int rk_mynumber_check_digit(const char *eleven_digits)
{
	int i, v, q, sum = 0, r;

	for (i = 0; i < 11; i++) {
		v = digit(eleven_digits[i]);
		if (v < 0)
			return -1;
		/* Position from the right k = 11 - i; Q(k) = k + 1 for
		 * k <= 6, k - 5 above: 6,5,4,3,2,7,6,5,4,3,2 left to right. */
		q = 11 - i <= 6 ? 12 - i : 6 - i;
		sum += v * q;
	}
	r = sum % 11;
	return r <= 1 ? 0 : 11 - r;
}

int rk_lgcode_check_digit(const char *five_digits)
{
	int i, v, sum = 0;

	for (i = 0; i < 5; i++) {
		v = digit(five_digits[i]);
		if (v < 0)
			return -1;
		sum += v * (6 - i);
	}
	/* "The last digit of 11 - r": r = 0 gives 11, hence 1; r = 1, 0. */
	return (11 - sum % 11) % 10;
}

int rk_luhn_check_digit(const char *digits, size_t n)
{
	size_t i;
	unsigned sum = 0;
	int v;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		v = digit(digits[i]);
		if (v < 0)
			return -1;
		/* Weight 2 on the rightmost digit, then alternating; a
		 * doubled digit above 9 counts as its digit sum, v*2 - 9. */
		if ((n - i) % 2 == 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum = (sum + (unsigned)v) % 10;	/* no overflow, any n */
	}
	return (int)((10 - sum) % 10);
}
