/* tax_lookup.c: finding categories in a loaded taxonomy (taxonomy.h). Kept apart from the
 * loader so that the section readers (tax_yaml.c, requirement.c) can resolve category ids
 * without depending on the loader that calls them. */
#include "taxonomy/taxonomy.h"

#include <string.h>

int pc_tax_find_category(const pc_taxonomy *tax, const char *id)
{
    for (size_t i = 0; i < tax->ncats; i++)
        if (tax->cats[i].id && !strcmp(tax->cats[i].id, id))
            return (int)i;
    return -1;
}

int pc_tax_is_under(const pc_taxonomy *tax, int cat, int anc)
{
    for (; cat >= 0; cat = tax->cats[cat].parent)
        if (cat == anc)
            return 1;
    return 0;
}

int pc_tax_is_catch_all(const pc_taxonomy *tax, int cat)
{
    const pc_category *cc = &tax->cats[cat];
    return cc->opp10 == PC_OPP_OTHER &&
           (cc->parent < 0 || strstr(cc->opp115, "Introductory") != NULL ||
            strstr(cc->opp115, "Practice not covered") != NULL);
}
