/* fuzz_load_pdf.c: the PDF reader (poppler-glib, then lines into blocks) and the
 * segmenter on its blocks, on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_load_and_segment("fuzz.pdf", data, size, PC_FORMAT_PDF);
    return 0;
}
