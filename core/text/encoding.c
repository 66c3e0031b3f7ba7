/* encoding.c: byte-order marks, declared and detected encodings, conversion (see encoding.h). */
#include "text/encoding.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#define DETECT_BYTES ((size_t)256 << 10) /* uchardet reads this much at most */

static void set_name(pc_text_in *in, const char *name, pc_enc_source source)
{
    snprintf(in->encoding, sizeof in->encoding, "%s", name);
    in->source = source;
}

/* ---- byte-order marks and UTF-16 --------------------------------------------------------- */

static unsigned utf16_unit(const unsigned char *p, int be)
{
    return be ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]);
}

/* Convert s[0..n) (after the BOM) to UTF-8. A NUL unit sets *nul_at (offset in s) and
 * stops. Returns 0, or -1 when memory runs out. */
static int utf16_to_utf8(pc_text_in *in, const unsigned char *s, size_t n, int be,
                         size_t *nul_at)
{
    char *out = malloc(n / 2 * 3 + 4);
    size_t w = 0, i = 0;
    if (!out)
        return -1;
    for (; i + 1 < n; i += 2) {
        uint32_t cp = utf16_unit(s + i, be);
        if (cp == 0) {
            *nul_at = i;
            break;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < n) {
            unsigned lo = utf16_unit(s + i + 2, be);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
            in->invalid++;
        }
        w += pc_utf8_encode(cp, out + w);
    }
    if (i + 1 == n) { /* odd last byte */
        w += pc_utf8_encode(0xFFFD, out + w);
        in->invalid++;
    }
    out[w] = '\0';
    in->owned = out;
    in->data = out;
    in->n = w;
    return 0;
}

int pc_decode_bom(pc_text_in *in, const char *path, const char *data, size_t n, pc_error *err)
{
    const unsigned char *u = (const unsigned char *)data;
    memset(in, 0, sizeof *in);
    in->data = data;
    in->n = n;
    set_name(in, "UTF-8", PC_ENC_UTF8);
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        in->data += 3;
        in->n -= 3;
        in->source = PC_ENC_BOM;
        return 0;
    }
    if (n < 2 || !((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0;
    size_t nul_at = SIZE_MAX;
    set_name(in, u[0] == 0xFE ? "UTF-16BE" : "UTF-16LE", PC_ENC_BOM);
    if (utf16_to_utf8(in, u + 2, n - 2, u[0] == 0xFE, &nul_at) < 0) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    if (nul_at != SIZE_MAX) {
        pc_text_in_free(in);
        pc_error_set(err, "%s: binary file (NUL character at offset %zu)", path, nul_at + 2);
        return -1;
    }
    return 0;
}

/* ---- UTF-8 or not ------------------------------------------------------------------------ */

/* Whether s reads as UTF-8: no bad byte, or a few among valid multi-byte sequences (which a
 * legacy 8-bit text almost never forms). */
static int reads_as_utf8(const char *s, size_t n)
{
    size_t multi = 0, bad = 0, i = 0;
    while (i < n) {
        uint64_t eight;
        if (i + 8 <= n && (memcpy(&eight, s + i, 8), (eight & 0x8080808080808080ull) == 0)) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = pc_utf8_decode(s + i, n - i, &cp);
        if (k) {
            multi++;
            i += k;
        } else {
            bad++;
            i++;
        }
    }
    return bad == 0 || (multi > 0 && bad <= 8 * multi);
}

/* ---- names ------------------------------------------------------------------------------- */

/* The name iconv should use: ISO-8859-1 and ASCII read as windows-1252 (as browsers do). */
static const char *canonical(const char *name)
{
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
                                         "l1", "us-ascii", "ascii", "iso_8859-1", "cp819",
                                         "windows-1252", "cp1252", "x-cp1252", NULL};
    for (const char *const *l = latin1; *l; l++)
        if (strcasecmp(name, *l) == 0)
            return "windows-1252";
    return name;
}

static int is_utf8_name(const char *name)
{
    return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

int pc_encoding_check(const char *name, pc_error *err)
{
    if (is_utf8_name(name))
        return 0;
    iconv_t cd = iconv_open("UTF-8", canonical(name));
    if (cd == (iconv_t)-1) {
        pc_error_set(err, "unknown encoding '%s'", name);
        return -1;
    }
    iconv_close(cd);
    return 0;
}

/* Copy the value after `key` (charset= or encoding=) into out: up to a quote, space, ';' or
 * '>'. */
static void copy_value(const char *v, const char *end, char *out, size_t cap)
{
    while (v < end && (*v == '"' || *v == '\'' || *v == ' '))
        v++;
    size_t k = 0;
    while (v + k < end && k + 1 < cap && (isalnum((unsigned char)v[k]) || v[k] == '-' ||
                                          v[k] == '_' || v[k] == '.' || v[k] == ':'))
        k++;
    memcpy(out, v, k);
    out[k] = '\0';
}

void pc_html_declared_charset(const char *data, size_t n, char *out, size_t cap)
{
    size_t lim = n < 4096 ? n : 4096;
    out[0] = '\0';
    const char *end = data + lim;
    if (lim > 5 && strncmp(data, "<?xml", 5) == 0) {
        const char *close = memchr(data, '>', lim);
        for (const char *p = data; close && p + 9 < close; p++)
            if (strncasecmp(p, "encoding=", 9) == 0) {
                copy_value(p + 9, close, out, cap);
                return;
            }
    }
    for (const char *p = data; p + 8 < end; p++)
        if (strncasecmp(p, "charset=", 8) == 0) {
            copy_value(p + 8, end, out, cap);
            if (out[0])
                return;
        }
}

/* ---- conversion -------------------------------------------------------------------------- */

/* Convert in's bytes from `from` to UTF-8 with iconv; an undefined or cut byte becomes U+FFFD.
 * Returns 0, -1 out of memory, -2 when iconv does not know the encoding. */
static int convert(pc_text_in *in, const char *from)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -2;
    pc_buf out = {0};
    char *src = (char *)in->data;
    size_t left = in->n;
    int rc = pc_buf_reserve(&out, in->n + in->n / 2 + 16);
    while (rc == 0 && left > 0) {
        char *dst = out.data + out.len;
        size_t room = out.cap - out.len - 1, before = room;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        out.len += before - room;
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            rc = pc_buf_reserve(&out, left * 2 + 16);
        } else { /* EILSEQ, EINVAL: one byte the encoding does not define */
            rc = pc_buf_add(&out, "\xEF\xBF\xBD", 3);
            in->invalid++;
            src++;
            left--;
        }
    }
    iconv_close(cd);
    if (rc < 0) {
        pc_buf_free(&out);
        return -1;
    }
    out.data[out.len] = '\0';
    free(in->owned);
    in->owned = out.data;
    in->data = out.data;
    in->n = out.len;
    return 0;
}

/* Whether every byte >= 0x80 that occurs in in's bytes means the same in `name` as in
 * windows-1252: then the guess between Latin code pages made no difference, and the common
 * one is named. */
static int same_as_1252(const pc_text_in *in, const char *name)
{
    unsigned char seen[128] = {0};
    char bytes[128], a[512], b[512];
    size_t k = 0;
    for (size_t i = 0; i < in->n; i++) {
        unsigned char c = (unsigned char)in->data[i];
        if (c >= 0x80 && !seen[c - 0x80]) {
            seen[c - 0x80] = 1;
            bytes[k++] = (char)c;
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        iconv_t cd = iconv_open("UTF-8", pass ? name : "windows-1252");
        if (cd == (iconv_t)-1)
            return 0;
        for (size_t i = 0; i < k; i++) { /* one byte at a time: an undefined one is skipped */
            char *src = bytes + i, *dst = (pass ? b : a) + i * 4;
            size_t left = 1, room = 4;
            memset(dst, 0, 4);
            iconv(cd, &src, &left, &dst, &room);
        }
        iconv_close(cd);
    }
    return memcmp(a, b, k * 4) == 0;
}

/* uchardet's guess, canonical, or "" when it has none. */
static const char *detect(const pc_text_in *in, char *out, size_t cap)
{
    out[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud)
        return out;
    if (uchardet_handle_data(ud, in->data, in->n < DETECT_BYTES ? in->n : DETECT_BYTES) == 0) {
        uchardet_data_end(ud);
        const char *cs = uchardet_get_charset(ud);
        if (cs && *cs && !is_utf8_name(cs))
            snprintf(out, cap, "%s", same_as_1252(in, cs) ? "windows-1252" : canonical(cs));
        for (char *p = out; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    uchardet_delete(ud);
    return out;
}

/* Try `name` from `source`: 1 converted, 0 iconv does not know it, -1 out of memory. */
static int try_convert(pc_text_in *in, const char *name, pc_enc_source source)
{
    int rc = convert(in, name);
    if (rc == -2)
        return 0;
    if (rc < 0)
        return -1;
    set_name(in, name, source);
    return 1;
}

static int decide(pc_text_in *in, const char *forced, int html)
{
    char name[PC_ENC_NAME_MAX];
    int rc = 0;
    if (forced)
        return is_utf8_name(forced) ? 1 : try_convert(in, canonical(forced), PC_ENC_FORCED);
    if (reads_as_utf8(in->data, in->n))
        return 1;
    if (html) {
        pc_html_declared_charset(in->data, in->n, name, sizeof name);
        if (name[0] && !is_utf8_name(name))
            rc = try_convert(in, canonical(name), PC_ENC_DECLARED);
    }
    if (rc == 0 && detect(in, name, sizeof name)[0])
        rc = try_convert(in, name, PC_ENC_DETECTED);
    if (rc == 0)
        rc = try_convert(in, "windows-1252", PC_ENC_FALLBACK);
    return rc;
}

int pc_decode_charset(pc_text_in *in, const char *path, const char *forced, int html,
                      pc_error *err)
{
    if (in->source == PC_ENC_BOM)
        return 0;
    int rc = decide(in, forced, html);
    if (rc < 0)
        pc_error_set(err, "%s: out of memory", path);
    else if (rc == 0)
        pc_error_set(err, "%s: unknown encoding '%s'", path, forced ? forced : "?");
    return rc > 0 ? 0 : -1;
}

void pc_text_in_free(pc_text_in *in)
{
    free(in->owned);
    in->owned = NULL;
}
