/* plx_values.h: numbers, amounts, dates and durations as language-neutral
 * values.
 *
 * An English article and its Spanish version write the same fact in
 * different words: "$ 10 billion" and "10.000 millones de dólares",
 * "September 16" and "16 de septiembre", "four decades" and "cuatro
 * décadas". plx_values_find reads a span of text and returns the values it
 * states, each typed, with its byte span and a canonical string that is the
 * same in both languages, so that the comparison can match them (or report
 * a conflict) without knowing either language's conventions.
 *
 * Canonical strings (plx_value.value):
 *   number    the decimal value, no grouping, '.' as decimal point:
 *             "10000000000", "3.5", "1234567.89"
 *   ordinal   the integer: "3" for "3rd", "third", "3.º", "tercero"
 *   percent   the number and '%': "3%", "12.5%"
 *   amount    ISO 4217 code, a space, the number: "USD 10000000000"
 *   duration  ISO 8601: "P10Y", "P40Y" (four decades), "P2M", "P3W", "P3D",
 *             "PT5H", "PT30M" (minutes), "PT10S", "P1.5Y"
 *   date      ISO 8601, partial where the text is: "2019-09-16",
 *             "--09-16" (month and day, no year), "2019-10" (month and
 *             year), "--10" (a month alone), "2030" (a year alone)
 *
 * The word lists (number words, scales, ordinals, months, units,
 * currencies...) are data files compiled into the library:
 * lexicon/data/values/en.txt and es.txt, whose header comment describes
 * their format.
 *
 * Thread safety: every function may be called from any thread at any time;
 * the word lists are loaded once, on first use.
 */
#ifndef PLX_VALUES_H
#define PLX_VALUES_H

#include "plx_base.h"
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum plx_value_type {
  PLX_VALUE_NUMBER,
  PLX_VALUE_ORDINAL,
  PLX_VALUE_PERCENT,
  PLX_VALUE_AMOUNT,
  PLX_VALUE_DATE,
  PLX_VALUE_DURATION
} plx_value_type;

/* The type's name as used in reports: "number", "ordinal", "percent",
 * "amount", "date", "duration". A static string; "unknown" for a value out
 * of range. */
const char *plx_value_type_name(plx_value_type t);

typedef struct plx_value {
  size_t start, end; /* byte span in the text given, end exclusive */
  plx_value_type type;
  double number;  /* the magnitude: 1e10 for "$ 10 billion", 16 for
                   * "16th", 3 for "3%", 40 for "four decades" (in the
                   * unit below); for dates the year, or 0 if none */
  char unit[8];   /* amount: ISO 4217 code ("USD", "EUR", "GBP"...);
                   * duration: "Y", "M", "W", "D", "H", "MIN" or "S";
                   * otherwise "" */
  char value[48]; /* the canonical string (see above), NUL-terminated */
  int unit_guessed; /* amount: the currency is the default of a sign or
                     * word several share ("$", "dollars": USD), so it
                     * equals another dollar of the same amount */
} plx_value;

/* Find the values in text[0,len) (UTF-8) written in language lang ("en" or
 * "es"). On success *out is a newly allocated array of *n values in text
 * order, not overlapping, which the caller frees with free(); when there is
 * none, *out is NULL and *n is 0. The longest reading wins: "10 billion
 * dollars" is one amount, not a number; "16 de septiembre de 2019" one
 * date.
 *
 * The span covers the value's own words, not the preposition or article
 * that introduces it: "octubre" in "en octubre", "ten years" in "for a
 * period of ten years", "16 de septiembre" in "el 16 de septiembre" (a
 * weekday that precedes a date is included: "Monday, Sept. 16").
 *
 * Errors: PLX_ERR_USAGE (NULL arguments), PLX_ERR_LANGUAGE (lang is not
 * "en" or "es"), PLX_ERR_ENCODING (text is not valid UTF-8), PLX_ERR_DATA
 * (a built-in word list is missing or invalid). On error *out is NULL, *n
 * is 0 and err (if not NULL) says why. */
plx_status plx_values_find(const char *text, size_t len, const char *lang, plx_value **out,
                           size_t *n, plx_error *err);

/* Whether two values say the same thing: of the same type and
 *   number, ordinal, percent: numbers equal within 1e-9 (relative);
 *   amount: the same currency and number;
 *   duration: the same length, converting only where the calendar allows
 *     (years and months: 1 Y = 12 M; weeks to seconds: 1 W = 7 D, 1 D =
 *     24 H...), so "P1Y" = "P12M" but "P1M" differs from "P30D";
 *   date: every part the two give agrees and the parts of one are among
 *     the parts of the other: "--09-16" equals "2019-09-16", "2019" equals
 *     "2019-10", but "--10" and "2019" are not equal;
 * or, across types, a whole number and an ordinal or a year with the same
 * value: Spanish writes many ordinals as cardinals ("el puesto 24" for
 * "24th"), and whether a bare four-digit number is a year ("the 1958 fair",
 * "de 1958") is a guess the two phrasings make differently. Such pairs
 * are equal but not comparable: they can match, never conflict.
 * NULL arguments compare unequal. */
int plx_value_equal(const plx_value *a, const plx_value *b);

/* Whether two values are about the same kind of thing, so that unequal
 * ones conflict: the same type and, for dates, the same parts or the parts
 * of one among those of the other ("--09-16" and "2019-09-16" are
 * comparable; "--10" and "2030" are not). Amounts in different currencies
 * and durations in different units are comparable (and unequal). */
int plx_value_comparable(const plx_value *a, const plx_value *b);

#ifdef __cplusplus
}
#endif
#endif
