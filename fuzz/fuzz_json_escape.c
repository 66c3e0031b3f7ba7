/* fuzz_json_escape.c: the streaming JSON writer's string escaper and real printer, and a
 * member and a span written in one call (present/jsonw.h), on arbitrary bytes. The escaped
 * string must parse back as JSON; for valid UTF-8 it must give back the bytes it was given and
 * be byte-identical to what jansson writes for the same string (the JSON polcmp wrote before
 * the writer streamed), alone and as a member. The first eight bytes read as a double must
 * print exactly as jansson prints that real. */
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

/* The writer's one-call members and span (pc_jsonw_member_strn, pc_jsonw_span,
 * pc_jsonw_member_real) inside an object: what jansson writes for {"k":s,"p":[a,b],"r":r} when
 * s is valid UTF-8, and JSON that parses back to s otherwise. a and b are the first sixteen
 * bytes as integers, r the first eight as a double (0 when not finite). */
static void fuzz_member(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    long long ab[2] = {0, 0};
    double r = 0;
    memcpy(ab, data, size < sizeof ab ? size : sizeof ab);
    memcpy(&r, data, size < sizeof r ? size : sizeof r);
    if (!isfinite(r))
        r = 0; /* jansson has no such reals */
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_jsonw_obj(&w);
    pc_jsonw_member_strn(&w, PC_JSONW_QUOTED("k"), s, size);
    pc_jsonw_key_lit(&w, "p");
    pc_jsonw_span(&w, ab[0], ab[1]);
    pc_jsonw_member_real(&w, PC_JSONW_QUOTED("r"), r);
    pc_jsonw_obj_end(&w);
    if (w.failed) {
        pc_buf_free(&b);
        return; /* out of memory */
    }
    json_t *back = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
    json_t *k = json_object_get(back, "k");
    if (!json_is_string(k) || json_integer_value(json_array_get(json_object_get(back, "p"), 0)) !=
                                  ab[0])
        __builtin_trap(); /* not the object written */
    if (fuzz_valid_utf8(s, size)) {
        json_t *ref = json_pack("{s:s%,s:[I,I],s:f}", "k", s, size, "p", (json_int_t)ab[0],
                                (json_int_t)ab[1], "r", r);
        char *dump = ref ? json_dumps(ref, FUZZ_FLAGS) : NULL;
        if (dump && (strlen(dump) != b.len || memcmp(dump, b.data, b.len) != 0))
            __builtin_trap(); /* not what jansson writes */
        free(dump);
        json_decref(ref);
    }
    json_decref(back);
    pc_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_string((const char *)data, size);
    fuzz_member(data, size);
    if (size >= sizeof(double))
        fuzz_real(data);
    return 0;
}
