/* cmd_taxonomy.c: `polcmp taxonomy check FILE` loads a taxonomy with every check the loader
 * makes and prints a one-line summary, or the one-line error (exit 2). It also warns
 * ("polcmp: warning: FILE:LINE:COL: rule 'ID': ...") about rules without a required literal
 * (always confirmed with PCRE2), back-references and unbounded look-arounds (both slow). */
#include "cli.h"
#include "taxonomy/ontology.h"
#include "taxonomy/prefilter.h"
#include "taxonomy/taxonomy.h"

#include <stdio.h>
#include <string.h>

static void taxonomy_summary(const pc_taxonomy *t)
{
    size_t scopes = 0;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        scopes += t->nscopes[d];
    size_t onto = 0;
    for (int d = 0; t->onto && d < PC_ONTO_DIMS; d++)
        onto += t->onto->n[d];
    printf("%s: ok: %zu categor%s, %zu rules, %zu attribute%s, %zu stance%s, %zu scope%s, "
           "%zu requirement%s, %zu ontology entr%s%s\n",
           t->path, t->ncats, t->ncats == 1 ? "y" : "ies", t->nrules, t->nattrs,
           t->nattrs == 1 ? "" : "s", t->ntopics, t->ntopics == 1 ? "" : "s", scopes,
           scopes == 1 ? "" : "s", t->nreqs, t->nreqs == 1 ? "" : "s", onto,
           onto == 1 ? "y" : "ies", t->jit ? " (JIT)" : "");
}

static size_t taxonomy_warnings(const pc_taxonomy *t)
{
    const pc_prefilter *pf = t->prefilter;
    size_t n = 0;
    for (size_t i = 0; i < pc_prefilter_nrules(pf); i++) {
        const pc_rule *r = pc_prefilter_rule(pf, i);
        const pc_rule_lits *l = pc_prefilter_lits(pf, i);
        const char *what[3] = {NULL, NULL, NULL};
        if (l->source == PC_LIT_NONE)
            what[0] = "no required literal could be derived; add a 'literal:' every match "
                      "contains, or it runs on every clause";
        if (l->flags & PC_LITF_BACKREF)
            what[1] = "a back-reference (slow; consider an alternation)";
        if (l->flags & PC_LITF_UNBOUNDED_LOOKAROUND)
            what[2] = "an unbounded look-around (bound it, e.g. [^.;]{0,80})";
        for (int k = 0; k < 3; k++)
            if (what[k]) {
                cli_warn("%s:%u:%u: rule '%s': %s", t->path, r->line, r->col, r->id, what[k]);
                n++;
            }
    }
    return n;
}

int cmd_taxonomy(const cli_args *a)
{
    if (strcmp(a->args[0], "check") != 0) {
        cli_cmd_error(a, 1, "unknown action '%s'; expects check FILE", a->args[0]);
        return CLI_ERROR;
    }
    pc_taxonomy *t = cli_load_taxonomy(a->args[1]);
    if (!t)
        return CLI_ERROR;
    taxonomy_summary(t);
    size_t w = taxonomy_warnings(t);
    if (w)
        cli_warn("%s: %zu warning%s in all", t->path, w, w == 1 ? "" : "s");
    pc_tax_free(t);
    return CLI_OK;
}
