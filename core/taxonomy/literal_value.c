/* literal_value.c: a rule's literal set as a value: a declared literal, freeing one, and how
 * rare a literal is in English text (the choice of a rule's key, see literal.c). */
#include "taxonomy/literal.h"

#include "util/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How likely a literal is to occur at a given place in English text (lower is rarer). */
static double lit_char_prob(unsigned char c)
{
    static const double letters[26] = {.066,  .012,  .022, .034,  .102, .018,  .016, .049,  .056,
                                       .0012, .0062, .032, .019,  .054, .060,  .015, .0008, .048,
                                       .051,  .073,  .022, .0078, .019, .0012, .016, .0006};
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z')
        return letters[c - 'a'];
    if (c == ' ')
        return .18;
    if (c >= '0' && c <= '9')
        return .004;
    return .01;
}

/* Words so common in privacy policies that a literal made of one says little. */
static int lit_common_word(const char *s)
{
    static const char *const words[] = {
        "a",   "an", "and",  "are",         "as",   "be",   "by",   "can", "data",
        "for", "if", "in",   "information", "is",   "it",   "may",  "not", "of",
        "on",  "or", "our",  "personal",    "that", "the",  "this", "to",  "us",
        "use", "we", "will", "with",        "you",  "your", NULL};
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], s, n))
            return 1;
    return 0;
}

double pc_lit_rarity(const char *s)
{
    double p = 1;
    for (const char *c = s; *c; c++)
        p *= lit_char_prob((unsigned char)*c);
    if (strlen(s) < 3)
        p *= 1000; /* one or two bytes: found nearly everywhere */
    return lit_common_word(s) ? p * 100 : p;
}

int pc_lit_declare(const char *literal, int caseless, pc_rule_lits *out)
{
    out->lits = calloc(1, sizeof *out->lits);
    if (!out->lits || !(out->lits[0] = pc_strdup(literal))) {
        free(out->lits);
        out->lits = NULL;
        return -1;
    }
    out->nlits = 1;
    out->caseless = caseless;
    out->source = PC_LIT_DECLARED;
    for (char *c = out->lits[0]; *c; c++) {
        if (caseless && (unsigned char)*c >= 0x80) {
            pc_lit_free(out); /* non-ASCII folds beyond what the scan knows: no literal */
            out->source = PC_LIT_NONE;
            return 0;
        }
        if (caseless && *c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    }
    return 0;
}

void pc_lit_free(pc_rule_lits *l)
{
    for (size_t i = 0; !l->block && i < l->form.nlits; i++)
        free(l->form.lits[i]);
    if (!l->block)
        free(l->form.lits);
    free(l->form.gend);
    free(l->form.tend);
    memset(&l->form, 0, sizeof l->form);
    for (size_t i = 0; !l->block && i < l->nlits; i++)
        free(l->lits[i]);
    if (!l->block)
        free(l->lits);
    free(l->block);
    l->block = NULL;
    l->lits = NULL;
    l->nlits = 0;
}
