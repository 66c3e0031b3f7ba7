/* fuzz_load_text.c: the plain-text and Markdown loaders (normalizer included) and the
 * segmenter, on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_load_and_segment("fuzz.txt", data, size, PC_FORMAT_TEXT);
    fuzz_load_and_segment("fuzz.md", data, size, PC_FORMAT_MARKDOWN);
    return 0;
}
