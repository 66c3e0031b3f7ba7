/* literal_internal.h: what literal.c (the pattern reader) and literal_set.c (the
 * algebra of literal sets and requirement formulas) share. Not a public API. */
#ifndef POLCMP_LITERAL_INTERNAL_H
#define POLCMP_LITERAL_INTERNAL_H

#include "taxonomy/literal.h"
#include "util/util.h"

#include <stddef.h>

#define PC_LIT_MAX_SET   64  /* members of an exact set (a cross product) */
#define PC_LIT_MAX_UNION 256 /* members of a required set (an alternation) */
#define PC_LIT_MAX_LEN   96  /* bytes of one literal */

#define PC_LIT_MAX_TERMS  16 /* terms of a requirement formula */
#define PC_LIT_MAX_GROUPS 24 /* groups of one term */
#define PC_LIT_MIN_GROUP  3  /* bytes of the shortest literal of a group */

/* pc_lit_req: a requirement formula (see prefilter.h, pc_lit_form): any of the terms, each all
 * of its groups, each any of its strings. No terms: no requirement. Owns t. */
struct pc_lit_term;
typedef struct pc_lit_req {
    struct pc_lit_term *t;
    size_t n;
} pc_lit_req;

/* pc_lit_set: a literal set (see above) and what the text must hold besides a member (f, from
 * look-aheads and, for a required set, every piece of the branches). Owns s, its strings
 * and f. */
typedef struct pc_lit_set {
    char **s;
    size_t n;
    int exact;
    pc_lit_req f;
} pc_lit_set;

/* pc_lit_term: all of groups g[0..n) (each an OR of its strings, f unused). Owns g. */
typedef struct pc_lit_term {
    pc_lit_set *g;
    size_t n;
} pc_lit_term;

/* pc_lit_parser: the analysis of one pattern. Borrows the pattern. */
typedef struct pc_lit_parser {
    const char *p;
    int caseless;
    int giveup; /* a construct we do not follow: no literal for the whole pattern */
    int oom;
    unsigned flags;
} pc_lit_parser;

void pc_lit_set_free(pc_lit_set *a);
pc_lit_set pc_lit_none(void);
int pc_lit_add(pc_lit_parser *ps, pc_lit_set *a, const char *s, size_t n);
pc_lit_set pc_lit_exact1(pc_lit_parser *ps, const char *s, size_t n);
int pc_lit_has_empty(const pc_lit_set *a);
void pc_lit_req_free(pc_lit_req *f);
pc_lit_set pc_lit_copy(pc_lit_parser *ps, const pc_lit_set *a);
int pc_lit_groupable(const pc_lit_set *a);
pc_lit_req pc_lit_req_group(pc_lit_parser *ps, const pc_lit_set *a);
int pc_lit_term_join(pc_lit_parser *ps, const pc_lit_term *x, const pc_lit_term *y,
                     pc_lit_term *out);
void pc_lit_req_and(pc_lit_parser *ps, pc_lit_req *a, pc_lit_req *b);
void pc_lit_req_or(pc_lit_req *a, pc_lit_req *b);
pc_lit_req pc_lit_req_of(pc_lit_parser *ps, pc_lit_set *a);
double pc_lit_cost(const pc_lit_set *a);
void pc_lit_minimize(pc_lit_set *a);
int pc_lit_cross(pc_lit_parser *ps, const pc_lit_set *a, const pc_lit_set *b, pc_lit_set *out);
int pc_lit_union(pc_lit_parser *ps, pc_lit_set *a, pc_lit_set *b);

#endif
