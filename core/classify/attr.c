/* attr.c: attribute normalization (see attr.h). Units: day 1, week 7, month 30, year 365;
 * hours stay hours unless they make whole days. */
#include "classify/attr.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Number words understood in a `num` capture. */
static const struct {
    const char *word;
    long value;
} number_words[] = {
    {"a", 1},          {"an", 1},        {"one", 1},       {"two", 2},        {"three", 3},
    {"four", 4},       {"five", 5},      {"six", 6},       {"seven", 7},      {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},    {"thirteen", 13},
    {"fourteen", 14},  {"fifteen", 15},  {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19},  {"twenty", 20},   {"thirty", 30},   {"forty", 40},     {"fifty", 50},
    {"sixty", 60},     {"seventy", 70},  {"eighty", 80},   {"ninety", 90},    {"hundred", 100},
};

long pc_attr_number(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return -1;
    if (isdigit((unsigned char)s[0])) {
        long v = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == ',' && i > 0)
                continue;
            if (!isdigit((unsigned char)s[i]) || v > 100000000)
                return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    }
    for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++)
        if (strlen(number_words[i].word) == n && !strncasecmp(s, number_words[i].word, n))
            return number_words[i].value;
    return -1;
}

/* Days in one unit ("days", "Weeks", "yr"...), 0 for hours, -1 when unknown. */
static long unit_days(const char *u, size_t n, int *hours)
{
    static const struct {
        const char *prefix;
        long days;
    } units[] = {{"day", 1}, {"week", 7}, {"month", 30}, {"year", 365}, {"yr", 365},
                 {"hour", 0}, {"hr", 0}};
    *hours = 0;
    /* skip "business", "working", "calendar" and the like: the unit is the last word */
    size_t start = n;
    while (start > 0 && !isspace((unsigned char)u[start - 1]))
        start--;
    u += start;
    n -= start;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t k = strlen(units[i].prefix);
        if (n >= k && !strncasecmp(u, units[i].prefix, k)) {
            *hours = units[i].days == 0;
            return units[i].days;
        }
    }
    return -1;
}

static int has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (!strncasecmp(s + i, w, k))
            return 1;
    return 0;
}

static int normalize_period(long num, const char *unit, size_t unitlen, int working,
                            pc_attr_norm *out)
{
    int hours;
    if (!unit || unitlen == 0)
        return -1;
    long per = unit_days(unit, unitlen, &hours);
    if (per < 0)
        return -1;
    if (hours && num % 24 != 0) {
        out->amount = (num + 23) / 24;
        snprintf(out->text, sizeof out->text, "%ld hours", num);
        return 0;
    }
    out->amount = hours ? num / 24 : num * per;
    working = working || has_word(unit, unitlen, "business") || has_word(unit, unitlen, "working");
    snprintf(out->text, sizeof out->text, "%ld %sday%s", out->amount, working ? "working " : "",
             out->amount == 1 ? "" : "s");
    return 0;
}

int pc_attr_normalize(pc_attr_kind kind, const char *num, size_t numlen, const char *unit,
                      size_t unitlen, int working, const char *fixed, pc_attr_norm *out)
{
    out->text[0] = '\0';
    out->amount = -1;
    if (fixed) {
        snprintf(out->text, sizeof out->text, "%s", fixed);
        return 0;
    }
    if (kind == PC_ATTR_MEASURE || kind == PC_ATTR_SAFEGUARD || !num)
        return -1;
    long v = pc_attr_number(num, numlen);
    if (v < 0)
        return -1;
    if (kind == PC_ATTR_AGE) {
        out->amount = v;
        snprintf(out->text, sizeof out->text, "%ld years", v);
        return 0;
    }
    return normalize_period(v, unit, unitlen, working, out);
}
