/* load.c: reading a policy file into a pc_doc (contract in load.h).
 *
 * pc_doc_load: open + fstat (refuse directories and files over the limit before reading) ->
 * read the whole file -> doc_build. pc_doc_from_memory goes straight to doc_build, which
 * sends PDF and ZIP containers (by their leading bytes) to their readers; for the rest it
 * handles the byte-order mark, refuses binary and empty input, picks the format, decides the
 * encoding (encoding.h) and hands UTF-8 to the normalizer (text, Markdown) or the HTML reader.
 * At most three copies of the text are alive at once: the file, a conversion to UTF-8, and
 * the normalized output (the HTML reader adds libxml2's tree).
 */
#include "text/load.h"

#include "text/encoding.h"
#include "text/html.h"
#include "text/normalize.h"
#include "text/office.h"
#include "text/pdf.h"
#include "util/file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
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
    case PC_FORMAT_PDF: return "pdf";
    case PC_FORMAT_DOCX: return "docx";
    case PC_FORMAT_ODT: return "odt";
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
        {"xhtml", PC_FORMAT_HTML},    {"shtml", PC_FORMAT_HTML},     {"pdf", PC_FORMAT_PDF},
        {"docx", PC_FORMAT_DOCX},     {"odt", PC_FORMAT_ODT},
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

/* ---- refusing what is not a policy -------------------------------------------------------- */

static const char *binary_magic(const char *data, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } table[] = {
        {"\x7f" "ELF", 4, "ELF executable"},  {"\x89PNG", 4, "PNG image"},
        {"PK\x03\x04", 4, "ZIP archive that is not a Word or OpenDocument text"},
        {"\x1f\x8b", 2, "gzip data"},         {"\xff\xd8\xff", 3, "JPEG image"},
        {"GIF8", 4, "GIF image"},
        {"\xd0\xcf\x11\xe0", 4, "old Word or Excel document; save it as .docx, PDF or text"},
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

static int is_control_byte(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
            c != 0x1B) || c == 0x7F;
}

/* Whether any of eight bytes is below 0x20 or is 0x7F (exact: no word with one is missed). */
static int word_may_hold_control(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t del = w ^ (ones * 0x7F);
    return (((w - ones * 0x20) & ~w) | ((del - ones) & ~del)) & highs ? 1 : 0;
}

/* Control bytes other than white space and ESC in the first SNIFF_BYTES, per thousand (0
 * when there are too few to judge). Eight bytes at a time where none is below 0x20 or DEL. */
static size_t control_permille(const char *data, size_t n)
{
    size_t lim = n < SNIFF_BYTES ? n : SNIFF_BYTES, bad = 0, i = 0;
    for (; i + 8 <= lim; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        if (word_may_hold_control(w))
            for (size_t j = i; j < i + 8; j++)
                bad += (size_t)is_control_byte((unsigned char)data[j]);
    }
    for (; i < lim; i++)
        bad += (size_t)is_control_byte((unsigned char)data[i]);
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

static int is_blank_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

/* ---- building the document ---------------------------------------------------------------- */

static int read_plain(pc_doc *d, const pc_text_in *in, pc_error *err)
{
    pc_norm nm = {.flags = PC_NORM_LINEMAP};
    if (pc_normalize(&nm, in->data, in->n) < 0) {
        pc_norm_free(&nm);
        pc_error_set(err, "%s: out of memory", d->path);
        return -1;
    }
    if (d->format == PC_FORMAT_MARKDOWN)
        pc_markdown_strip(&nm);
    pc_unwrap_lines(&nm);
    d->invalid_bytes = nm.invalid_bytes;
    d->controls_removed = nm.controls_removed;
    d->len = nm.out.len;
    char *shrunk = realloc(nm.out.data, nm.out.len + 1); /* give back the slack */
    d->text = shrunk ? shrunk : nm.out.data;
    d->lines = nm.lines;
    d->nlines = nm.nlines;
    return 0;
}

/* The format the leading bytes prove (PDF, a ZIP container's document), else AUTO. */
static pc_format container_format(const char *data, size_t n)
{
    if (n >= 5 && memcmp(data, "%PDF-", 5) == 0)
        return PC_FORMAT_PDF;
    if (n >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
        return pc_office_sniff(data, n);
    return PC_FORMAT_AUTO;
}

/* What the encoding decision means for a reviewer: a warning when it was a guess. */
static void encoding_notes(pc_doc *d, const pc_text_in *in)
{
    snprintf(d->encoding, sizeof d->encoding, "%s", in->encoding);
    if (in->source == PC_ENC_DETECTED)
        pc_doc_warn(d, PC_WARN_ENCODING, "read as %s (not UTF-8; detected)", in->encoding);
    else if (in->source == PC_ENC_FALLBACK)
        pc_doc_warn(d, PC_WARN_ENCODING, "read as %s (not UTF-8, and no better guess)",
                    in->encoding);
}

static int read_text(pc_doc *d, const char *data, size_t n, const char *encoding,
                     pc_error *err)
{
    pc_text_in in;
    if (pc_decode_bom(&in, d->path, data, n, err) < 0)
        return -1;
    int r = -1;
    if (is_blank_text(in.data, in.n))
        pc_error_set(err, "%s: file is empty", d->path);
    else if (check_binary(d->path, in.data, in.n, err) == 0) {
        if (d->format == PC_FORMAT_AUTO)
            d->format = pc_format_sniff(in.data, in.n);
        if (pc_decode_charset(&in, d->path, encoding, d->format == PC_FORMAT_HTML, err) == 0) {
            encoding_notes(d, &in);
            r = d->format == PC_FORMAT_HTML ? pc_html_read(d, in.data, in.n, err)
                                            : read_plain(d, &in, err);
            d->invalid_bytes += in.invalid;
        }
    }
    pc_text_in_free(&in);
    return r;
}

/* Warnings for what normalization replaced or removed. */
static void normalize_notes(pc_doc *d)
{
    if (d->invalid_bytes)
        pc_doc_warn(d, PC_WARN_REPLACED, "%zu invalid byte%s replaced with U+FFFD",
                    d->invalid_bytes, d->invalid_bytes == 1 ? "" : "s");
    if (d->controls_removed)
        pc_doc_warn(d, PC_WARN_CONTROLS, "%zu control character%s removed",
                    d->controls_removed, d->controls_removed == 1 ? "" : "s");
}

static int doc_fill(pc_doc *d, const char *data, size_t n, const char *encoding,
                    pc_error *err)
{
    pc_format container = container_format(data, n);
    int r;
    if (container != PC_FORMAT_AUTO)
        d->format = container;
    if (d->format == PC_FORMAT_PDF)
        r = container == PC_FORMAT_PDF ? pc_pdf_read(d, data, n, err) : -1;
    else if (d->format == PC_FORMAT_DOCX || d->format == PC_FORMAT_ODT)
        r = container != PC_FORMAT_AUTO ? pc_office_read(d, data, n, err) : -1;
    else
        r = read_text(d, data, n, encoding, err);
    if (r < 0 && container == PC_FORMAT_AUTO && d->format >= PC_FORMAT_PDF)
        pc_error_set(err, "%s: not a %s file (its first bytes say otherwise)", d->path,
                     d->format == PC_FORMAT_PDF ? "PDF" : "Word or OpenDocument");
    if (r == 0 && d->len >= PC_TEXT_MAX) {
        pc_error_set(err, "%s: text too large (%zu bytes once decoded; at most %zu)", d->path,
                     d->len, PC_TEXT_MAX - 1);
        r = -1;
    }
    if (r == 0 && is_blank_text(d->text, d->len)) {
        pc_error_set(err, "%s: file is empty (nothing but blanks and control characters)",
                     d->path);
        r = -1;
    }
    if (r == 0)
        normalize_notes(d);
    return r;
}

static pc_doc *doc_build(const char *path, const char *data, size_t n, pc_format format,
                         const char *encoding, pc_error *err)
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
    if (doc_fill(d, data, n, encoding, err) < 0) {
        pc_doc_free(d);
        return NULL;
    }
    return d;
}

pc_doc *pc_doc_from_memory(const char *name, const char *data, size_t n, pc_format format,
                           pc_error *err)
{
    return doc_build(name, data ? data : "", data ? n : 0, format, NULL, err);
}

pc_doc *pc_doc_from_memory_opts(const char *name, const char *data, size_t n,
                                const pc_load_opts *opts, pc_error *err)
{
    return doc_build(name, data ? data : "", data ? n : 0, opts ? opts->format : PC_FORMAT_AUTO,
                     opts ? opts->encoding : NULL, err);
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
    pc_doc *d = doc_build(path, data, n, format, opts ? opts->encoding : NULL, err);
    free(data);
    return d;
}
