/* cli_eval_table.c: the evaluation tables people read (`polcmp eval`, `polcmp train --cv`):
 * for each classifier side by side, precision, recall and F1 per category with its support,
 * then micro P/R/F1, macro F1 and the lowest F1; at the ten top-level categories and at the
 * twelve classes. The arithmetic is core/eval/eval.c. */
#include "cli.h"
#include "eval/eval.h"

#include <stdio.h>
#include <string.h>

void cli_eval_counts(const pc_eval_set *set, int s, int nclass, pc_eval_counts *c)
{
    memset(c, 0, sizeof *c);
    c->nclass = nclass;
    for (size_t i = 0; i < set->n; i++) {
        const pc_eval_case *k = &set->cases[i];
        if (nclass == PC_OPP12_COUNT)
            pc_eval_count(c, k->gold12 & k->known12, k->pred12[s] & k->known12);
        else
            pc_eval_count(c, k->gold, k->pred10[s]);
    }
}

static const char *eval_class_name(int nclass, int k)
{
    return nclass == PC_OPP12_COUNT ? pc_opp12_name(k) : pc_opp10_name(k);
}

static void eval_table(const pc_eval_set *set, unsigned systems, int nclass)
{
    pc_eval_counts c[PC_EVAL_NSYS];
    pc_eval_scores s[PC_EVAL_NSYS];
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1) {
            cli_eval_counts(set, (pc_eval_system)y, nclass, &c[y]);
            pc_eval_score(&c[y], &s[y]);
        }
    int first = systems & 1 ? 0 : systems & 2 ? 1 : 2;
    printf("%-38s %7s", nclass == PC_OPP12_COUNT ? "twelve classes" : "ten categories", "");
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1)
            printf("   %-20s", pc_eval_system_name((pc_eval_system)y));
    printf("\n%-38s %7s", "category", "support");
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1)
            printf("   %6s %6s %6s", "P", "R", "F1");
    for (int k = 0; k < s[first].nclass; k++) {
        printf("\n%-38s %7zu", eval_class_name(nclass, k), c[first].support[k]);
        for (int y = 0; y < PC_EVAL_NSYS; y++)
            if (systems >> y & 1)
                printf("   %6.3f %6.3f %6.3f", s[y].p[k], s[y].r[k], s[y].f1[k]);
    }
    printf("\n%-38s %7s", "micro", "");
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1)
            printf("   %6.3f %6.3f %6.3f", s[y].micro_p, s[y].micro_r, s[y].micro_f1);
    printf("\n%-38s %7s", "macro", "");
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1)
            printf("   %6s %6s %6.3f", "", "", s[y].macro_f1);
    printf("\n%-38s %7s", "lowest", "");
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (systems >> y & 1)
            printf("   %6s %6s %6.3f", "", "", s[y].min_f1);
    printf("\n");
}

void cli_eval_tables(const pc_eval_set *set, unsigned systems)
{
    eval_table(set, systems, PC_OPP_COUNT);
    printf("\n");
    eval_table(set, systems, PC_OPP12_COUNT);
    printf("\nrecords %zu; macro is the mean F1 over the categories with gold or predictions\n",
           set->n);
}
