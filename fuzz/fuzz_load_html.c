/* fuzz_load_html.c: the HTML reader (libxml2 and the tree walk) and the segmenter on its
 * blocks, on arbitrary bytes; also content sniffing (PC_FORMAT_AUTO). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_load_and_segment("fuzz.html", data, size, PC_FORMAT_HTML);
    fuzz_load_and_segment("fuzz", data, size, PC_FORMAT_AUTO);
    return 0;
}
