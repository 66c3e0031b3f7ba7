/* opp12.c: see opp12.h. */
#include "taxonomy/opp12.h"

#include <string.h>

static const char *const opp12_kinds[] = {
    "Introductory/Generic",
    "Practice not covered",
    "Privacy contact information",
};

const char *pc_opp12_name(int i)
{
    if (i >= 0 && i < PC_OPP_OTHER)
        return pc_opp10_name(i);
    if (i >= PC_OPP_OTHER && i < PC_OPP12_COUNT)
        return opp12_kinds[i - PC_OPP_OTHER];
    return NULL;
}

int pc_opp12_index(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < PC_OPP_OTHER; i++)
        if (!strcmp(name, pc_opp10_name(i)))
            return i;
    const char *kind = strncmp(name, "Other: ", 7) ? name : name + 7;
    for (int k = 0; k < PC_OPP12_COUNT - PC_OPP_OTHER; k++)
        if (!strcmp(kind, opp12_kinds[k]))
            return PC_OPP_OTHER + k;
    return -1;
}

int pc_opp12_to10(int i)
{
    return i < PC_OPP_OTHER ? i : PC_OPP_OTHER;
}

unsigned pc_opp12_mask_to10(unsigned mask12)
{
    unsigned m = mask12 & ((1u << PC_OPP_OTHER) - 1);
    if (mask12 >> PC_OPP_OTHER)
        m |= 1u << PC_OPP_OTHER;
    return m;
}
