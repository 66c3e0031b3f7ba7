/* opp12.h: the twelve OPP-115 classes, the level published results are reported at.
 *
 * The nine top-level categories other than Other, then the three kinds of Other:
 * Introductory/Generic, Practice not covered, Privacy contact information. Class i < 9 is
 * top-level category i (taxonomy.h); the three kinds all belong to PC_OPP_OTHER. A taxonomy
 * category maps to a class through its `opp115` field: "Other" without a kind maps to none.
 */
#ifndef POLCMP_OPP12_H
#define POLCMP_OPP12_H

#include "taxonomy/taxonomy.h"

enum {
    PC_OPP12_INTRO = PC_OPP_OTHER, /* Introductory/Generic */
    PC_OPP12_NOT_COVERED,          /* Practice not covered */
    PC_OPP12_CONTACT,              /* Privacy contact information */
    PC_OPP12_COUNT
};

/* The name of class i, NULL out of range. */
const char *pc_opp12_name(int i);
/* The class of a 12-class label name ("Practice not covered"), of an `opp115` value with a
 * kind ("Other: Practice not covered") or of one of the nine other top-level names; -1 for
 * plain "Other" and for unknown names. */
int pc_opp12_index(const char *name);
/* The top-level category (0..PC_OPP_COUNT) of class i. */
int pc_opp12_to10(int i);
/* The ten-category set (bit per top-level category) of a twelve-class set. */
unsigned pc_opp12_mask_to10(unsigned mask12);

#endif
