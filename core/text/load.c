/* load.c: reading a policy file into a pc_doc (contract in load.h).
 *
 * pc_doc_load: open + fstat (refuse directories and files over the limit before reading) ->
 * read the whole file -> doc_build. pc_doc_from_memory goes straight to doc_build, which
 * handles the byte-order mark (UTF-16 is converted to UTF-8), refuses binary and empty input,
 * picks the format and hands the bytes to the normalizer (text, Markdown) or the HTML reader.
 * At most three copies of the text are alive at once: the file, a UTF-16 conversion, and the
 * normalized output (the HTML reader adds libxml2's tree).
 */
#include "text/load.h"

#include "text/html.h"
#include "text/normalize.h"
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define SNIFF_BYTES ((size_t)64 << 10)

const char *pc_format_name(pc_format f)
{
    switch (f) {
    case PC_FORMAT_TEXT: return "text";
    case PC_FORMAT_MARKDOWN: return "markdown";
    case PC_FORMAT_HTML: return "html";
    default: return "auto";
    }
}

/* ---- names and formats ------------------------------------------------------------------ */

/* The extension of path's base name, without the dot ("" if none). */
static const char *path_ext(const char *path)
{
    const char *base = pc_basename(path);
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

static char *doc_short_name(const char *path)
{
    const char *base = pc_basename(path);
    const char *ext = path_ext(path);
    return *ext ? pc_strndup(base, (size_t)(ext - 1 - base)) : pc_strdup(base);
}

pc_format pc_format_from_path(const char *path)
{
    static const struct {
        const char *ext;
        pc_format format;
    } table[] = {
        {"txt", PC_FORMAT_TEXT},      {"text", PC_FORMAT_TEXT},     {"md", PC_FORMAT_MARKDOWN},
        {"markdown", PC_FORMAT_MARKDOWN}, {"mdown", PC_FORMAT_MARKDOWN},
        {"mkd", PC_FORMAT_MARKDOWN},  {"html", PC_FORMAT_HTML},     {"htm", PC_FORMAT_HTML},
        {"xhtml", PC_FORMAT_HTML},    {"shtml", PC_FORMAT_HTML},
    };
    const char *ext = path_ext(path);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcasecmp(ext, table[i].ext) == 0)
            return table[i].format;
    return PC_FORMAT_AUTO;
}

static int starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && strncasecmp(s, prefix, k) == 0;
}

/* Known HTML tags ("<p>", "</div", "<br"...) in the sample. */
static size_t count_html_tags(const char *s, size_t n)
{
    static const char *const tags[] = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3",
                                       "h4", "span", "a", "table", "td", "tr", "body", "head",
                                       "meta", "section", "strong", "script", NULL};
    size_t count = 0;
    for (const char *p = s; (p = memchr(p, '<', (size_t)(s + n - p))) != NULL; p++) {
        const char *q = p + 1;
        if (q < s + n && *q == '/')
            q++;
        for (const char *const *t = tags; *t; t++) {
            size_t k = strlen(*t);
            if ((size_t)(s + n - q) > k && strncasecmp(q, *t, k) == 0 &&
                (q[k] == '>' || q[k] == ' ' || q[k] == '/' || q[k] == '\n')) {
                count++;
                break;
            }
        }
    }
    return count;
}

/* Markdown evidence: "#" headings, "**" pairs and "[text](" links. */
static size_t markdown_score(const char *s, size_t n)
{
    size_t score = 0;
    for (size_t i = 0; i < n; i++) {
        if ((i == 0 || s[i - 1] == '\n') && s[i] == '#') {
            size_t j = i;
            while (j < n && s[j] == '#')
                j++;
            score += (j - i <= 6 && j < n && s[j] == ' ') ? 2 : 0;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            score++;
            i++;
        } else if (s[i] == ']' && i + 1 < n && s[i + 1] == '(') {
            score += 2;
        }
    }
    return score;
}

pc_format pc_format_sniff(const char *data, size_t n)
{
    size_t lim = n < SNIFF_BYTES ? n : SNIFF_BYTES;
    size_t i = 0;
    while (i < lim && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    if (starts_with_ci(data + i, lim - i, "<!doctype html") ||
        starts_with_ci(data + i, lim - i, "<html") ||
        (starts_with_ci(data + i, lim - i, "<?xml") && count_html_tags(data, lim) >= 1))
        return PC_FORMAT_HTML;
    if (count_html_tags(data, lim) >= 5)
        return PC_FORMAT_HTML;
    if (markdown_score(data, lim) >= 4)
        return PC_FORMAT_MARKDOWN;
    return PC_FORMAT_TEXT;
}

/* ---- encodings ------------------------------------------------------------------------ */

/* The input after its byte-order mark: a view of the caller's bytes (borrowed) or a UTF-8
 * conversion of UTF-16 (then `owned` holds it and this struct frees it). */
typedef struct load_input {
    const char *data;
    size_t n;
    char *owned;
    int utf16;
    size_t invalid; /* unpaired surrogates and an odd last byte, replaced by U+FFFD */
} load_input;

static unsigned utf16_unit(const unsigned char *p, int be)
{
    return be ? (unsigned)(p[0] << 8 | p[1]) : (unsigned)(p[1] << 8 | p[0]);
}

/* Convert s[0..n) (after the BOM) to UTF-8. A NUL unit sets *nul_at (offset in s) and
 * stops. Returns 0, or -1 when memory runs out. */
static int utf16_to_utf8(load_input *in, const unsigned char *s, size_t n, int be,
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

static int decode_bom(load_input *in, const char *path, const char *data, size_t n,
                      pc_error *err)
{
    const unsigned char *u = (const unsigned char *)data;
    *in = (load_input){data, n, NULL, 0, 0};
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        in->data += 3;
        in->n -= 3;
        return 0;
    }
    if (n < 2 || !((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0;
    size_t nul_at = SIZE_MAX;
    in->utf16 = 1;
    if (utf16_to_utf8(in, u + 2, n - 2, u[0] == 0xFE, &nul_at) < 0) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    if (nul_at != SIZE_MAX) {
        free(in->owned);
        in->owned = NULL;
        pc_error_set(err, "%s: binary file (NUL character at offset %zu)", path, nul_at + 2);
        return -1;
    }
    return 0;
}

/* ---- refusing what is not a policy -------------------------------------------------------- */

static const char *binary_magic(const char *data, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } table[] = {
        {"\x7f" "ELF", 4, "ELF executable"},  {"\x89PNG", 4, "PNG image"},
        {"%PDF-", 5, "PDF document; extract its text first"},
        {"PK\x03\x04", 4, "ZIP archive or office document; save it as text or HTML"},
        {"\x1f\x8b", 2, "gzip data"},         {"\xff\xd8\xff", 3, "JPEG image"},
        {"GIF8", 4, "GIF image"},             {"\xd0\xcf\x11\xe0", 4, "office document"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (n >= table[i].len && memcmp(data, table[i].magic, table[i].len) == 0)
            return table[i].what;
    return NULL;
}

/* NUL bytes alternating with text: UTF-16 that lost its byte-order mark. */
static int looks_like_utf16(const char *data, size_t n)
{
    size_t lim = n < 4096 ? n : 4096, nul[2] = {0, 0};
    for (size_t i = 0; i < lim; i++)
        nul[i & 1] += data[i] == '\0';
    size_t half = lim / 2;
    size_t hi = nul[0] > nul[1] ? nul[0] : nul[1], lo = nul[0] > nul[1] ? nul[1] : nul[0];
    return half >= 4 && hi * 10 >= half * 3 && lo * 4 < hi;
}

/* Control bytes other than white space and ESC in the first SNIFF_BYTES, per thousand (0
 * when there are too few to judge). */
static size_t control_permille(const char *data, size_t n)
{
    size_t lim = n < SNIFF_BYTES ? n : SNIFF_BYTES, bad = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)data[i];
        bad += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
                c != 0x1B) || c == 0x7F;
    }
    return bad >= 8 ? bad * 1000 / lim : 0;
}

static int check_binary(const char *path, const char *data, size_t n, pc_error *err)
{
    const char *what = binary_magic(data, n);
    if (what) {
        pc_error_set(err, "%s: binary file (%s)", path, what);
        return -1;
    }
    const char *nul = memchr(data, '\0', n);
    if (nul && looks_like_utf16(data, n)) {
        pc_error_set(err, "%s: UTF-16 without a byte-order mark; convert it to UTF-8", path);
        return -1;
    }
    if (nul) {
        pc_error_set(err, "%s: binary file (NUL bytes at offset %zu)", path,
                     (size_t)(nul - data));
        return -1;
    }
    if (control_permille(data, n) > 100) {
        pc_error_set(err, "%s: binary file (mostly non-text bytes)", path);
        return -1;
    }
    return 0;
}

/* Invalid UTF-8 bytes in the first SNIFF_BYTES, per thousand. */
static size_t invalid_utf8_permille(const char *data, size_t n)
{
    size_t lim = n < SNIFF_BYTES ? n : SNIFF_BYTES, bad = 0, i = 0;
    while (i < lim) {
        uint32_t cp;
        size_t k = pc_utf8_decode(data + i, n - i, &cp);
        bad += k == 0;
        i += k ? k : 1;
    }
    return lim ? bad * 1000 / lim : 0;
}

static int is_blank_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

/* ---- building the document ---------------------------------------------------------------- */

static int read_plain(pc_doc *d, const load_input *in, pc_error *err)
{
    if (invalid_utf8_permille(in->data, in->n) > 300) {
        pc_error_set(err, "%s: not UTF-8 text (most bytes are invalid); convert it to UTF-8",
                     d->path);
        return -1;
    }
    pc_norm nm = {.flags = PC_NORM_LINEMAP};
    if (pc_normalize(&nm, in->data, in->n) < 0) {
        pc_norm_free(&nm);
        pc_error_set(err, "%s: out of memory", d->path);
        return -1;
    }
    if (d->format == PC_FORMAT_MARKDOWN)
        pc_markdown_strip(&nm);
    d->invalid_bytes = nm.invalid_bytes + in->invalid;
    d->controls_removed = nm.controls_removed;
    d->len = nm.out.len;
    char *shrunk = realloc(nm.out.data, nm.out.len + 1); /* give back the slack */
    d->text = shrunk ? shrunk : nm.out.data;
    d->lines = nm.lines;
    d->nlines = nm.nlines;
    return 0;
}

static int doc_fill(pc_doc *d, const char *data, size_t n, pc_error *err)
{
    load_input in;
    if (decode_bom(&in, d->path, data, n, err) < 0)
        return -1;
    int r = -1;
    if (is_blank_text(in.data, in.n))
        pc_error_set(err, "%s: file is empty", d->path);
    else if (check_binary(d->path, in.data, in.n, err) == 0) {
        if (d->format == PC_FORMAT_AUTO)
            d->format = pc_format_sniff(in.data, in.n);
        if (d->format == PC_FORMAT_HTML) {
            r = pc_html_read(d, in.data, in.n, in.utf16, err);
            d->invalid_bytes += in.invalid;
        } else {
            r = read_plain(d, &in, err);
        }
    }
    free(in.owned);
    if (r == 0 && is_blank_text(d->text, d->len)) {
        pc_error_set(err, "%s: file is empty (nothing but blanks and control characters)",
                     d->path);
        r = -1;
    }
    return r;
}

static pc_doc *doc_build(const char *path, const char *data, size_t n, pc_format format,
                         pc_error *err)
{
    pc_doc *d = calloc(1, sizeof *d);
    if (d) {
        d->path = pc_strdup(path);
        d->name = doc_short_name(path);
    }
    if (!d || !d->path || !d->name) {
        pc_doc_free(d);
        pc_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    d->format = format;
    if (doc_fill(d, data, n, err) < 0) {
        pc_doc_free(d);
        return NULL;
    }
    return d;
}

pc_doc *pc_doc_from_memory(const char *name, const char *data, size_t n, pc_format format,
                           pc_error *err)
{
    return doc_build(name, data ? data : "", data ? n : 0, format, err);
}

/* ---- reading files -------------------------------------------------------------------- */

pc_doc *pc_doc_load(const char *path, const pc_load_opts *opts, pc_error *err)
{
    size_t max = opts && opts->max_bytes ? opts->max_bytes : PC_LOAD_MAX_BYTES_DEFAULT;
    pc_format format = opts ? opts->format : PC_FORMAT_AUTO;
    if (format == PC_FORMAT_AUTO)
        format = pc_format_from_path(path);
    size_t n = 0;
    char *data = pc_file_read(path, max, "POLCMP_MAX_SIZE raises it", &n, err);
    if (!data)
        return NULL;
    pc_doc *d = doc_build(path, data, n, format, err);
    free(data);
    return d;
}

unsigned pc_doc_source_line(const pc_doc *doc, size_t offset)
{
    return doc ? pc_linemap_find(doc->lines, doc->nlines, offset) : 1;
}

void pc_doc_free(pc_doc *d)
{
    if (!d)
        return;
    free(d->path);
    free(d->name);
    free(d->text);
    free(d->blocks);
    free(d->lines);
    free(d);
}
