/*
 * renkei/checkdigit.h: the check digits of the identifiers the layouts carry.
 *
 * Each function takes the digits *before* the check digit and returns the
 * check digit they call for, 0..9, or a negative value when one of them is
 * not an ASCII digit.  The digits are read left to right and reading stops at
 * the first non-digit, so a short NUL-terminated string is refused safely.
 */
#ifndef RENKEI_CHECKDIGIT_H
#define RENKEI_CHECKDIGIT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * 個人番号 (individual number, 12 digits): the check digit of its first 11
 * digits.  With P(k) the k-th digit from the right, weights Q(k) = k + 1 for
 * k <= 6 and k - 5 for k >= 7; r = sum of P(k)Q(k) mod 11; 0 if r <= 1,
 * else 11 - r.  Example: "12345678901" gives 8.
 */
int rk_mynumber_check_digit(const char *eleven_digits);

/*
 * 全国地方公共団体コード (local government code, 6 digits): the check digit
 * of its first 5 digits.  Weights 6,5,4,3,2; the last digit of
 * 11 - (sum mod 11).  Examples: 13101 gives 6 (千代田区 131016), 01100
 * gives 2 (札幌市 011002), 27140 gives 3 (堺市 271403).
 */
int rk_lgcode_check_digit(const char *five_digits);

/*
 * The Luhn rule of 保険者番号 (insurer numbers), 公費負担者番号 and
 * 受給者番号: the check digit of digits[0..n), n >= 1.  Weights 2,1,2,...
 * from the right, a two-digit product counting as the sum of its digits;
 * (10 - sum mod 10) mod 10.  Examples: "3312001" gives 5 (33120015),
 * "0113001" gives 2 (01130012).
 */
int rk_luhn_check_digit(const char *digits, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* RENKEI_CHECKDIGIT_H */
