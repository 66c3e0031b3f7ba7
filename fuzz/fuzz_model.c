/* fuzz_model.c: the model file reader (classify/model_io.c) on arbitrary bytes, for the small
 * taxonomy of the model's unit tests; a model that loads is then used to classify a fixed text,
 * so whatever a file holds that the reader accepts must score without a crash. A refusal must
 * say why, in one line naming the file. */
#include "classify/classify.h"
#include "classify/model.h"
#include "taxonomy/taxonomy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_text[] =
    "We retain your email address for 30 days and protect it with encryption; auditors check.";

static pc_taxonomy *fuzz_tax(void)
{
    static pc_taxonomy *tax;
    pc_error err = {{0}};
    if (!tax)
        tax = pc_tax_load(POLCMP_FUZZ_TAXONOMY, &err);
    if (!tax)
        __builtin_trap(); /* the fixture must load */
    return tax;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = fuzz_tax();
    pc_model *m = pc_model_load_mem("fuzz.model", (const char *)data, size, tax, &err);
    if (!m) {
        if (!strstr(err.msg, "fuzz.model") || strchr(err.msg, '\n'))
            __builtin_trap();
        return 0;
    }
    pc_classify_opts opts = {.model = m};
    pc_classified *c = pc_classify_text_with(tax, fuzz_text, strlen(fuzz_text), "Storage", &opts,
                                             &err);
    pc_classified_free(c);
    size_t len;
    free(pc_model_dump(m, &len));
    pc_model_free(m);
    return 0;
}
