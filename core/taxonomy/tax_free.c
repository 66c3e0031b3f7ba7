/* tax_free.c: releasing a loaded taxonomy and everything it owns (taxonomy.h), including its
 * prefilter. */
#include "taxonomy/prefilter.h"
#include "taxonomy/tax_yaml.h"
#include "taxonomy/taxonomy.h"

#include <stdlib.h>

/* ---- freeing -------------------------------------------------------------------------- */

static void tx_free_category(pc_category *c)
{
    free(c->id);
    free(c->name);
    free(c->opp115);
    free(c->description);
    for (size_t i = 0; i < c->nrequired; i++)
        free(c->required_by[i]);
    free(c->required_by);
    pc_tax_free_rules(c->rules, c->nrules);
    pc_tax_free_rules(c->excludes, c->nexcludes);
}

void pc_tax_free(pc_taxonomy *tax)
{
    if (!tax)
        return;
    for (size_t i = 0; i < tax->ncats; i++)
        tx_free_category(&tax->cats[i]);
    free(tax->cats);
    for (size_t i = 0; i < tax->nattrs; i++) {
        free(tax->attrs[i].id);
        free(tax->attrs[i].name);
        pc_tax_free_rules(tax->attrs[i].rules, tax->attrs[i].nrules);
    }
    free(tax->attrs);
    for (size_t i = 0; i < tax->ntopics; i++) {
        free(tax->topics[i].id);
        free(tax->topics[i].name);
        pc_tax_free_rules(tax->topics[i].rules, tax->topics[i].nrules);
    }
    free(tax->topics);
    for (int d = 0; d < PC_DIM_COUNT; d++)
        pc_tax_free_rules(tax->scopes[d], tax->nscopes[d]);
    free(tax->path);
    free(tax->id);
    free(tax->name);
    free(tax->version);
    pc_onto_free(tax->onto);
    pc_tax_free_requirements(tax->reqs, tax->nreqs);
    pc_prefilter_free(tax->prefilter);
    free(tax);
}
