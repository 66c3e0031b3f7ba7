/* literal.h: the literals a taxonomy rule requires of any text it matches.
 *
 * Every rule gets a set of required literals: strings such that any match of the rule's pattern
 * contains at least one of them, derived from the pattern (literal.c, with the algebra of
 * literal sets in literal_set.c) or taken from the rule's declared `literal:`
 * (literal_value.c), and a derived rule also the conjunction of every literal its pattern
 * requires (pc_lit_form). The prefilter (prefilter.h) scans a text once for every rule's
 * literals to tell which rules could match it.
 */
#ifndef POLCMP_LITERAL_H
#define POLCMP_LITERAL_H

#include <stddef.h>

typedef enum pc_lit_source {
    PC_LIT_NONE = 0, /* no literal: the rule is always confirmed with PCRE2 */
    PC_LIT_DERIVED,  /* derived from the pattern */
    PC_LIT_DECLARED, /* the rule's `literal:` field */
} pc_lit_source;

/* What the pattern analysis noticed (for `polcmp taxonomy check`). */
enum {
    PC_LITF_BACKREF = 1u << 0,              /* a back-reference */
    PC_LITF_UNBOUNDED_LOOKAROUND = 1u << 1, /* a look-around with *, + or {n,} inside */
    PC_LITF_UNPARSED = 1u << 2,             /* a construct the analysis does not follow */
};

/* pc_lit_form: everything a rule requires of the text it matches (a conjunction): for at
 * least one term, every group of the term has one of its literals in the text. Literals of
 * positive look-arounds count (they lie in the text too). No terms: nothing beyond `lits`.
 * Owns its arrays and strings. */
typedef struct pc_lit_form {
    char **lits;       /* group after group: group g is lits[g ? gend[g - 1] : 0 .. gend[g]) */
    size_t nlits;
    size_t *gend;      /* term t is groups [t ? tend[t - 1] : 0 .. tend[t]) */
    size_t ngroups;
    size_t *tend;
    size_t nterms;
} pc_lit_form;

/* pc_rule_lits: the required literals of one rule. Owns lits, its strings and form; when
 * `block` is set (a rule read back from a cache file), lits, form.lits and all their strings
 * lie in that one allocation instead. */
typedef struct pc_rule_lits {
    char **lits; /* the key: every match contains one of them (the rarest choice) */
    size_t nlits;
    int caseless; /* the literals are lowercase and match caselessly */
    pc_lit_source source;
    unsigned flags;   /* PC_LITF_* */
    pc_lit_form form; /* the whole requirement (derived literals only); lits implies a term */
    void *block;      /* NULL, or the one allocation holding the strings and their arrays */
} pc_rule_lits;

/* Derive the required literals of a pattern into out (zeroed first). Never fails for a bad or
 * unusual pattern (it then declares no literal); -1 only when memory runs out. */
int pc_lit_derive(const char *pattern, int caseless, pc_rule_lits *out);
/* The top-level branches of a pattern ("a|b(c|d)|e" has three) that can each be matched
 * alone: their start offsets into start[0..max), the branch k running to the '|' before
 * start[k + 1] (the last to the end). 0 when there are fewer than two or more than max, or
 * when a branch cannot be matched on its own (an inline option setting, \K, a
 * back-reference, recursion, a conditional, a verb, \Q). */
size_t pc_lit_branches(const char *pattern, size_t *start, size_t max);
/* n when the pattern is one group repeated at least n >= 2 times ("(?:ab\w+){3}", "(x){2,}"),
 * so that any match holds n occurrences, one after another, of the literals every match of
 * the group holds; else 0. */
unsigned pc_lit_repeat(const char *pattern);
/* Use a declared literal. -1 when memory runs out. */
int pc_lit_declare(const char *literal, int caseless, pc_rule_lits *out);
void pc_lit_free(pc_rule_lits *l);
/* How likely literal s is to occur at a given place in English text (lower is rarer): letter
 * frequencies, a penalty for one or two bytes and for words common in privacy policies. */
double pc_lit_rarity(const char *s);

#endif
