/* cmd_taxonomy.c: `polcmp taxonomy check FILE` loads a taxonomy with every check the loader
 * makes and prints a one-line summary, or the one-line error (exit 2). */
#include "cli.h"
#include "taxonomy.h"

#include <stdio.h>
#include <string.h>

static void taxonomy_summary(const pc_taxonomy *t)
{
    size_t scopes = 0;
    for (int d = 0; d < PC_DIM_COUNT; d++)
        scopes += t->nscopes[d];
    printf("%s: ok: %zu categor%s, %zu rules, %zu attribute%s, %zu stance%s, %zu scope%s%s\n",
           t->path, t->ncats, t->ncats == 1 ? "y" : "ies", t->nrules, t->nattrs,
           t->nattrs == 1 ? "" : "s", t->ntopics, t->ntopics == 1 ? "" : "s", scopes,
           scopes == 1 ? "" : "s", t->jit ? " (JIT)" : "");
}

int cmd_taxonomy(int argc, char **argv)
{
    if (argc != 3 || strcmp(argv[1], "check")) {
        fprintf(stderr, "usage: polcmp taxonomy check FILE\n");
        return CLI_ERROR;
    }
    pc_error err;
    pc_taxonomy *t = pc_tax_load(argv[2], &err);
    if (!t) {
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    taxonomy_summary(t);
    pc_tax_free(t);
    return CLI_OK;
}
