/* fuzz_taxonomy.c: the taxonomy loader (libyaml, schema checks, PCRE2 compilation) on arbitrary
 * bytes; a taxonomy that loads is then used to classify a fixed text, so patterns written by a
 * colleague (or the fuzzer) must finish within the match limits. */
#include "classify/classify.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_text[] =
    "We collect your email address and share it with partners aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! "
    "Children under 13 may not use the service. We keep logs for 30 days.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("fuzz.yaml", (const char *)data, size, &err);
    if (!tax) {
        if (err.msg[0] == '\0')
            __builtin_trap(); /* a refusal must say why */
        return 0;
    }
    pc_classified *c = pc_classify_text(tax, fuzz_text, strlen(fuzz_text), "Privacy", &err);
    pc_classified_free(c);
    pc_tax_free(tax);
    return 0;
}
