/* attr.h: normalizing extracted attribute values (periods, deadlines, ages, measures) so that
 * policies can be compared: "two years" -> 730 days, "15 business days" -> 15 working days.
 */
#ifndef POLCMP_ATTR_H
#define POLCMP_ATTR_H

#include "taxonomy/taxonomy.h"

#include <stddef.h>

/* A number written in digits or as a word ("one".."twenty", "thirty".."ninety", "hundred",
 * "a"/"an" as one); -1 when s[0..n) is not one. Case-insensitive. */
long pc_attr_number(const char *s, size_t n);

/* A normalized value. Plain value, owns nothing. */
typedef struct pc_attr_norm {
    char text[64]; /* "90 days", "15 working days", "13 years", "72 hours", "indefinite", "tls" */
    long amount;   /* periods and deadlines: days; age: years; -1 when not numeric */
} pc_attr_norm;

/* Normalize one match. num/unit are the `num` and `unit` captures (NULL when unset), working
 * is nonzero when a `working` capture matched, fixed is the rule's `value` (it wins when set).
 * Returns 0, or -1 when the captures make no value (e.g. num is not a number). */
int pc_attr_normalize(pc_attr_kind kind, const char *num, size_t numlen, const char *unit,
                      size_t unitlen, int working, const char *fixed, pc_attr_norm *out);

#endif
