/* tax_literal_internal.h: what tax_literal.c (the pattern reader) and tax_literal_set.c (the
 * algebra of literal sets and requirement formulas) share. Not a public API. */
#ifndef POLCMP_TAX_LITERAL_INTERNAL_H
#define POLCMP_TAX_LITERAL_INTERNAL_H

#include "taxonomy/prefilter.h"

#include <stddef.h>

#define LT_MAX_SET   64  /* members of an exact set (a cross product) */
#define LT_MAX_UNION 256 /* members of a required set (an alternation) */
#define LT_MAX_LEN   96  /* bytes of one literal */

#define LT_MAX_TERMS  16 /* terms of a requirement formula */
#define LT_MAX_GROUPS 24 /* groups of one term */
#define LT_MIN_GROUP  3  /* bytes of the shortest literal of a group */

/* lt_form: a requirement formula (see prefilter.h, pc_lit_form): any of the terms, each all
 * of its groups, each any of its strings. No terms: no requirement. Owns t. */
struct lt_term;
typedef struct lt_form {
    struct lt_term *t;
    size_t n;
} lt_form;

/* lt_set: a literal set (see above) and what the text must hold besides a member (f, from
 * look-aheads and, for a required set, every piece of the branches). Owns s, its strings
 * and f. */
typedef struct lt_set {
    char **s;
    size_t n;
    int exact;
    lt_form f;
} lt_set;

/* lt_term: all of groups g[0..n) (each an OR of its strings, f unused). Owns g. */
typedef struct lt_term {
    lt_set *g;
    size_t n;
} lt_term;

/* lt_parser: the analysis of one pattern. Borrows the pattern. */
typedef struct lt_parser {
    const char *p;
    int caseless;
    int giveup; /* a construct we do not follow: no literal for the whole pattern */
    int oom;
    unsigned flags;
} lt_parser;

void lt_free(lt_set *a);
lt_set lt_none(void);
int lt_add(lt_parser *ps, lt_set *a, const char *s, size_t n);
lt_set lt_exact1(lt_parser *ps, const char *s, size_t n);
int lt_has_empty(const lt_set *a);
void lt_form_free(lt_form *f);
lt_set lt_copy(lt_parser *ps, const lt_set *a);
int lt_groupable(const lt_set *a);
lt_form lt_form_group(lt_parser *ps, const lt_set *a);
int lt_term_join(lt_parser *ps, const lt_term *x, const lt_term *y, lt_term *out);
void lt_form_and(lt_parser *ps, lt_form *a, lt_form *b);
void lt_form_or(lt_form *a, lt_form *b);
lt_form lt_form_of(lt_parser *ps, lt_set *a);
double lt_cost(const lt_set *a);
void lt_minimize(lt_set *a);
int lt_cross(lt_parser *ps, const lt_set *a, const lt_set *b, lt_set *out);
int lt_union(lt_parser *ps, lt_set *a, lt_set *b);

#endif
