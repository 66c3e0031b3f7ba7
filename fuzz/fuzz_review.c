/* fuzz_review.c: the review-file parser on arbitrary bytes. A review that loads must dump, and
 * its dump must load again to the same bytes (saving never writes what reading refuses). */
#include "review/review.h"
#include "util/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                         \
    do {                                                                                         \
        if (!(cond))                                                                             \
            __builtin_trap();                                                                    \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load_mem("fuzz.yaml", (const char *)data, size, &err);
    if (!r) {
        FUZZ_CHECK(err.msg[0] != '\0');
        return 0;
    }
    size_t n1 = 0, n2 = 0;
    char *d1 = pc_review_dump(r, &n1, &err);
    if (d1) {
        pc_review *again = pc_review_load_mem("fuzz.yaml", d1, n1, &err);
        FUZZ_CHECK(again != NULL);
        FUZZ_CHECK(again->n == r->n);
        char *d2 = pc_review_dump(again, &n2, &err);
        FUZZ_CHECK(d2 != NULL && n1 == n2 && memcmp(d1, d2, n1) == 0);
        free(d2);
        pc_review_free(again);
    }
    free(d1);
    pc_review_free(r);
    return 0;
}
