/* fuzz_load_office.c: the DOCX and ODT reader (libzip, libxml2, the paragraph walk) and the
 * segmenter on its blocks, on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_load_and_segment("fuzz.docx", data, size, PC_FORMAT_DOCX);
    fuzz_load_and_segment("fuzz.odt", data, size, PC_FORMAT_ODT);
    return 0;
}
