/* fuzz_json_escape.c: the streaming JSON writer's string escaper and real printer
 * (present/jsonw.h) on arbitrary bytes. The escaped string must parse back as JSON; for valid
 * UTF-8 it must give back the bytes it was given and be byte-identical to what jansson writes
 * for the same string (the JSON polcmp wrote before the writer streamed). The first eight bytes
 * read as a double must print exactly as jansson prints that real. */
#include "present/jsonw.h"
#include "util/util.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) | JSON_ENCODE_ANY)

static int fuzz_valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = (unsigned char)s[i] < 0x80 ? 1 : pc_utf8_decode(s + i, n - i, &cp);
        if (!len)
            return 0;
        i += len;
    }
    return 1;
}

static void fuzz_string(const char *s, size_t n)
{
    pc_buf b = {0};
    if (pc_buf_addc(&b, '"') < 0 || pc_json_escape(&b, s, n) < 0 || pc_buf_addc(&b, '"') < 0) {
        pc_buf_free(&b);
        return; /* out of memory */
    }
    json_t *back = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!json_is_string(back))
        __builtin_trap(); /* the output is not a JSON string */
    if (fuzz_valid_utf8(s, n)) {
        if (json_string_length(back) != n || memcmp(json_string_value(back), s, n) != 0)
            __builtin_trap(); /* valid text does not come back as it was */
        json_t *js = json_stringn(s, n);
        char *ref = js ? json_dumps(js, FUZZ_FLAGS) : NULL;
        if (ref && (strlen(ref) != b.len || memcmp(ref, b.data, b.len) != 0))
            __builtin_trap(); /* not what jansson writes */
        free(ref);
        json_decref(js);
    }
    json_decref(back);
    pc_buf_free(&b);
}

static void fuzz_real(const uint8_t *data)
{
    double v;
    memcpy(&v, data, sizeof v);
    if (!isfinite(v))
        return; /* jansson has no such reals; the writer writes null */
    pc_buf b = {0};
    json_t *jr = json_real(v);
    char *ref = jr ? json_dumps(jr, FUZZ_FLAGS) : NULL;
    if (pc_json_real(&b, v) == 0 && ref && strcmp(ref, b.data) != 0)
        __builtin_trap();
    free(ref);
    json_decref(jr);
    pc_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_string((const char *)data, size);
    if (size >= sizeof(double))
        fuzz_real(data);
    return 0;
}
