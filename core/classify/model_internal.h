/* model_internal.h: what the model's files share (model.c, model_score.c, model_io.c,
 * model_train.c, model_cv.c). */
#ifndef POLCMP_MODEL_INTERNAL_H
#define POLCMP_MODEL_INTERNAL_H

#include "classify/model.h"

/* A slot of the lookup table: a key and its row + 1 (0: empty). Plain value. */
typedef struct pc_model_slot {
    uint32_t key;
    uint32_t row1;
} pc_model_slot;

/* The slot a key hashes to first. */
static inline size_t pc_model_slot_of(const pc_model *m, uint32_t key)
{
    return (size_t)(key * 0x9e3779b1u) & m->slot_mask;
}

/* The row of a feature key, or -1 (also before pc_model_bind). */
static inline long pc_model_row_of(const pc_model *m, uint32_t key)
{
    if (!m->slots)
        return -1;
    for (size_t i = pc_model_slot_of(m, key);; i = (i + 1) & m->slot_mask) {
        const pc_model_slot *s = &m->slots[i];
        if (s->row1 == 0)
            return -1;
        if (s->key == key)
            return (long)s->row1 - 1;
    }
}

/* The classes given by cuts: d[k] at or above cut[k], or rule_cut[k] for the classes in rules,
 * and, for the classes in margined, no more than margin below the highest d; plus strong. */
unsigned pc_model_given(const double cut[PC_MODEL_CLASSES], const double rule_cut[PC_MODEL_CLASSES],
                        double margin, unsigned margined, const double d[PC_MODEL_CLASSES],
                        unsigned rules, unsigned strong);

#endif
