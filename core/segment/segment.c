/* segment.c: building a pc_outline (sections and clauses) from classified lines.
 *
 * pc_seg_scan_lines() and pc_seg_classify() (seg_lines.c, pc_seg_classify.c) say what each line is;
 * pc_seg_mark_chrome() (seg_chrome.c) drops web chrome. Here headings open sections, nested by a
 * stack of heading styles (1. > 1.1 > (A); # > ##; a style seen before closes what was opened
 * after it), paragraphs are split into sentences (after splitting off headings glued to their
 * text), and list items become clauses whose `lead` is the sentence ending with ":" that
 * introduced their list.
 */
#include "segment/seg_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define SEG_MAX_DEPTH 32
#define SEG_LONG_ITEM 400

/* The builder's state. Borrows doc and o; owns nothing else. */
typedef struct seg_build {
    const pc_doc *doc;
    pc_outline *o;
    size_t scap, ccap;
    int st_style[SEG_MAX_DEPTH], st_sec[SEG_MAX_DEPTH];
    int depth;
    int cur;                    /* the section clauses go to, -1 before the first */
    int lead_key[SEG_MAX_DEPTH], lead_clause[SEG_MAX_DEPTH], lead_mk[SEG_MAX_DEPTH];
    int nlead;                  /* items that end with ":" introduce nested lists */
    int para_lead;              /* the paragraph clause ending with ":" before a list, or -1 */
    bool glued;                 /* the current section was opened by a glued heading */
    bool oom;
} seg_build;

static int seg_open_section(seg_build *b, int style, size_t ts, size_t te, size_t start)
{
    int fam = SEG_FAMILY(style), rank = SEG_RANK(style), cut = -1;
    bool ranked = fam == STY_DEC || fam == STY_MD || fam == STY_HTML;
    for (int k = 0; k < b->depth && cut < 0; k++)
        if (ranked ? SEG_FAMILY(b->st_style[k]) == fam && SEG_RANK(b->st_style[k]) >= rank
                   : b->st_style[k] == style)
            cut = k;
    if (cut >= 0)
        b->depth = cut;
    if (b->depth == SEG_MAX_DEPTH)
        b->depth--;
    if (pc_grow(&b->o->sections, &b->scap, b->o->nsections + 1, sizeof *b->o->sections) < 0) {
        b->oom = true;
        return -1;
    }
    int idx = (int)b->o->nsections++;
    b->o->sections[idx] = (pc_section){ts, te, start, te, b->depth + 1,
                                       b->depth ? b->st_sec[b->depth - 1] : -1,
                                       b->o->nclauses, 0};
    b->st_style[b->depth] = style;
    b->st_sec[b->depth++] = idx;
    b->cur = idx;
    b->nlead = 0;
    b->para_lead = -1;
    b->glued = false;
    return idx;
}

/* The untitled (or document-titled) preamble, opened by the first clause before any heading. */
static void seg_preamble(seg_build *b, size_t start)
{
    pc_span *title = &b->o->title;
    size_t s = title->end > title->start ? title->start : start;
    if (seg_open_section(b, 0, title->start, title->end, s) >= 0)
        b->depth = 0; /* not a parent: the first heading is top-level too */
}

static void seg_trim(const char *t, size_t *s, size_t *e)
{
    while (*s < *e && pc_seg_is_space((unsigned char)t[*s]))
        (*s)++;
    while (*e > *s && pc_seg_is_space((unsigned char)t[*e - 1]))
        (*e)--;
}

static int seg_add_clause(seg_build *b, size_t s, size_t e, pc_clause_kind kind, int lead)
{
    seg_trim(b->doc->text, &s, &e);
    if (s >= e)
        return -1;
    if (b->cur < 0)
        seg_preamble(b, s);
    if (b->oom || pc_grow(&b->o->clauses, &b->ccap, b->o->nclauses + 1, sizeof *b->o->clauses) < 0) {
        b->oom = true;
        return -1;
    }
    int idx = (int)b->o->nclauses++;
    b->o->clauses[idx] = (pc_clause){(uint32_t)s, (uint32_t)e, b->cur, lead, kind};
    pc_section *sec = &b->o->sections[b->cur];
    sec->nclauses++;
    if (e > sec->end)
        sec->end = e;
    return idx;
}

/* ---- headings glued to their paragraph ------------------------------------------------------ */

/* A short title at s: 1..6 words of letters, starting with a capital. */
static bool seg_short_title(const char *t, size_t s, size_t e)
{
    if (e <= s || e - s > 60 || !isupper((unsigned char)t[s]))
        return false;
    for (size_t i = s; i < e; i++)
        if (!isalpha((unsigned char)t[i]) && !strchr(" -'&", t[i]))
            return false;
    size_t w = pc_seg_count_tokens(t, s, e);
    return w >= 1 && w <= 6;
}

/* "Functional cookiesWe use ..." or "Strictly necessary cookies.These cookies ...": a title
 * glued to a sentence opener with no space. Sets the title's end and the body's start. */
static bool seg_glued_nospace(const char *t, size_t s, size_t e, size_t *te, size_t *body)
{
    for (size_t p = s + 1; p < e && p - s <= 61; p++) {
        if (!isupper((unsigned char)t[p]) || !pc_seg_starter_word(t, p, e))
            continue;
        size_t end = t[p - 1] == '.' ? p - 1 : p;
        if (end > s && islower((unsigned char)t[end - 1]) && seg_short_title(t, s, end)) {
            *te = end;
            *body = p;
            return true;
        }
    }
    return false;
}

static const char *const seg_connectors[] = {"and", "or", "of", "the", "for", "to", "in", "on",
                                             "with", "&"};
static pc_wordset seg_connector_set = PC_WORDSET(seg_connectors, true);
static const char *const seg_pronouns[] = {"We", "Our", "You", "Your", "If", "This", "These", "They"};
static pc_wordset seg_pronoun_set = PC_WORDSET(seg_pronouns, false);

static bool seg_connector(const char *t, size_t s, size_t e)
{
    return e > s && !isupper((unsigned char)t[s]) && SEG_IN(t, s, e, seg_connector_set);
}

static bool seg_pronoun(const char *t, size_t s, size_t e)
{
    size_t n = s;
    while (n < e && isalpha((unsigned char)t[n]))
        n++;
    return n < e && t[n] == ' ' && SEG_IN(t, s, n, seg_pronoun_set);
}

/* "Advertising We also use ...", "Changes to this policy We may ...": a capitalised phrase of
 * 1-6 words, then a capitalised pronoun opening a sentence (which never happens inside a
 * sentence). Sets the title's end and the body's start. */
static bool seg_glued_phrase(const char *t, size_t s, size_t e, size_t *te, size_t *body)
{
    size_t i = s, words = 0;
    while (i < e && words < 7) {
        size_t w = i;
        while (i < e && (isalpha((unsigned char)t[i]) || t[i] == '-' || t[i] == '&'))
            i++;
        if (i == w || i >= e || t[i] != ' ')
            return false;
        bool conn = seg_connector(t, w, i);
        if (words == 0 && (pc_seg_starter_word(t, w, e) || !isupper((unsigned char)t[w])))
            return false;
        if (words > 0 && !conn && seg_pronoun(t, w, e) && !seg_connector(t, *te, *te)) {
            *body = w;
            return pc_seg_count_tokens(t, w, pc_sentence_end(t, w, e)) >= 4;
        }
        *te = i;
        words++;
        i++;
    }
    return false;
}

/* ---- paragraphs and items ----------------------------------------------------------------- */

static bool seg_clause_is_lead(const seg_build *b, int c)
{
    if (c < 0)
        return false;
    const pc_clause *cl = &b->o->clauses[c];
    return b->doc->text[cl->end - 1] == ':';
}

/* "Performance or analytics cookies. These cookies ...": inside a run of glued headings, a
 * short title-like "sentence" followed by an opener is the next heading. */
static bool seg_glued_sentence(const char *t, size_t s, size_t e, size_t *te, size_t *body)
{
    size_t se = pc_sentence_end(t, s, e);
    if (se - s < 2 || t[se - 1] != '.' || !seg_short_title(t, s, se - 1) ||
        pc_seg_count_tokens(t, s, se) > 5)
        return false;
    size_t q = se;
    while (q < e && pc_seg_is_space((unsigned char)t[q]))
        q++;
    if (q >= e || !seg_pronoun(t, q, e))
        return false;
    *te = se - 1;
    *body = q;
    return true;
}

static void seg_paragraph(seg_build *b, size_t s, size_t e, size_t line_start)
{
    const char *t = b->doc->text;
    size_t pos = s;
    int last = -1;
    while (pos < e && !b->oom) {
        size_t te = 0, body = 0;
        if (seg_glued_nospace(t, pos, e, &te, &body) ||
            (pos > s && seg_glued_phrase(t, pos, e, &te, &body)) ||
            (b->glued && seg_glued_sentence(t, pos, e, &te, &body))) {
            seg_open_section(b, SEG_STYLE(STY_TITLE, 0), pos, te, pos == s ? line_start : pos);
            b->glued = true;
            pos = body;
        }
        size_t se = pc_sentence_end(t, pos, e);
        int c = seg_add_clause(b, pos, se, PC_CLAUSE_SENTENCE, -1);
        if (c >= 0)
            last = c;
        pos = se;
        while (pos < e && pc_seg_is_space((unsigned char)t[pos]))
            pos++;
    }
    b->nlead = 0;
    b->para_lead = seg_clause_is_lead(b, last) ? last : -1;
}

/* A list item from `label` (its number or letter, kept as the author wrote it; the item's text
 * when it has none) to e, its text proper starting at s: `key` is its indentation (or HTML
 * nesting), `mk` its marker; an item that ends with ":" leads the items indented deeper or
 * marked differently ("(a)" under "(A)"). */
static void seg_item(seg_build *b, size_t label, size_t s, size_t e, int key, int mk)
{
    const char *t = b->doc->text;
    while (b->nlead > 0 && (b->lead_key[b->nlead - 1] > key ||
                            (b->lead_key[b->nlead - 1] == key && b->lead_mk[b->nlead - 1] == mk)))
        b->nlead--;
    int lead = b->nlead ? b->lead_clause[b->nlead - 1] : b->para_lead;
    int last = -1;
    size_t ts = s, te = e;
    seg_trim(t, &ts, &te);
    if (ts >= te) /* a bare "1." is no item */
        label = s;
    if (e - s <= SEG_LONG_ITEM) {
        last = seg_add_clause(b, label, e, PC_CLAUSE_ITEM, lead);
    } else {
        /* sentences are cut in the text proper: "1." is no sentence of its own */
        for (size_t pos = s; pos < e && !b->oom;) {
            size_t se = pc_sentence_end(t, pos, e);
            int c = seg_add_clause(b, pos == s ? label : pos, se, PC_CLAUSE_ITEM, lead);
            last = c >= 0 ? c : last;
            for (pos = se; pos < e && pc_seg_is_space((unsigned char)t[pos]);)
                pos++;
        }
    }
    if (seg_clause_is_lead(b, last) && b->nlead < SEG_MAX_DEPTH) {
        b->lead_key[b->nlead] = key;
        b->lead_mk[b->nlead] = mk;
        b->lead_clause[b->nlead++] = last;
    }
}

/* Where a line's own text begins when its number or letter is kept: at its marker for an
 * enumerated line, else after the marker. */
static size_t seg_label_start(const char *t, const seg_line *l)
{
    if (!pc_seg_enumerated(l->marker))
        return l->text;
    size_t p = l->start;
    while (p < l->text && pc_seg_is_space((unsigned char)t[p]))
        p++;
    return p;
}

/* Index just past the lines continuing line i (wrapped paragraph or item lines). */
static size_t seg_run_end(const seg_lines *L, size_t i)
{
    size_t end = i + 1;
    for (size_t j = i + 1; j < L->n; j++) {
        if (L->v[j].cont)
            end = j + 1;
        else if (L->v[j].kind != SEG_CHROME)
            break;
    }
    return end;
}

static void seg_lines_to_outline(seg_build *b, seg_lines *L)
{
    for (size_t i = 0; i < L->n && !b->oom;) {
        seg_line *l = &L->v[i];
        if (l->kind == SEG_HEADING) {
            /* numbered headings keep their number ("1.2 Data controller"), in whatever format
             * they came (text, HTML, PDF, DOCX) */
            seg_open_section(b, l->style, seg_label_start(b->doc->text, l), l->text_end,
                             l->start);
            i++;
            continue;
        }
        if (l->kind != SEG_PARA && l->kind != SEG_ITEM) {
            i++;
            continue;
        }
        size_t j = seg_run_end(L, i);
        size_t e = L->v[j - 1].end;
        if (l->kind == SEG_ITEM)
            /* an item of a markup list (an HTML <li>, a Word list paragraph, a table row)
             * is a list by its markup: a number written into its text is the author's text
             * ("1. Introduction" in a table of contents) and stays; in plain text the number
             * is what makes the line an item and is left out of it */
            seg_item(b, l->block == PC_BLOCK_ITEM ? seg_label_start(b->doc->text, l) : l->text,
                     l->text, e,
                     l->block == PC_BLOCK_ITEM ? l->block_level * 4 : l->indent, (int)l->marker);
        else
            seg_paragraph(b, l->text, e, l->start);
        i = j;
    }
}

static void seg_find_doc_title(seg_build *b, const seg_lines *L)
{
    for (size_t i = 0; i < L->n; i++)
        if (L->v[i].kind == SEG_TITLE) {
            b->o->title = (pc_span){L->v[i].text, L->v[i].text_end};
            return;
        }
}

/* A parent's span covers its subsections. */
static void seg_close_spans(pc_outline *o)
{
    for (size_t i = o->nsections; i-- > 0;) {
        pc_section *s = &o->sections[i];
        if (s->parent >= 0 && o->sections[s->parent].end < s->end)
            o->sections[s->parent].end = s->end;
    }
}

static int seg_span_cmp(const void *a, const void *b)
{
    const pc_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

pc_outline *pc_segment(const pc_doc *doc, pc_error *err)
{
    pc_outline *o = calloc(1, sizeof *o);
    seg_lines L = {0};
    size_t chrome_cap = 0;
    if (!o)
        goto oom;
    o->doc = doc;
    if (pc_seg_scan_lines(doc, &L) < 0 ||
        pc_seg_mark_chrome(doc, &L, &o->chrome, &o->nchrome, &chrome_cap) < 0)
        goto oom;
    pc_seg_classify(doc, &L);
    seg_build b = {.doc = doc, .o = o, .cur = -1, .para_lead = -1};
    seg_find_doc_title(&b, &L);
    seg_lines_to_outline(&b, &L);
    if (b.oom)
        goto oom;
    seg_close_spans(o);
    if (o->nchrome > 1)
        qsort(o->chrome, o->nchrome, sizeof *o->chrome, seg_span_cmp);
    free(L.v);
    return o;
oom:
    pc_error_set(err, "%s: out of memory while segmenting", doc->path);
    free(L.v);
    pc_outline_free(o);
    return NULL;
}

void pc_outline_free(pc_outline *o)
{
    if (!o)
        return;
    free(o->sections);
    free(o->clauses);
    free(o->chrome);
    free(o);
}

size_t pc_seg_nonblank(const char *text, size_t start, size_t end)
{
    size_t i = start, blank = 0;
#ifdef __SSE2__
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n');
    while (end - i >= 16) { /* per byte lane a count of blanks, summed every 255 blocks */
        size_t blocks = (end - i) / 16 < 255 ? (end - i) / 16 : 255;
        __m128i acc = _mm_setzero_si128();
        for (size_t b = 0; b < blocks; b++, i += 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
            __m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, sp),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, nl)));
            acc = _mm_sub_epi8(acc, m); /* a blank's lane is -1 */
        }
        __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
        blank += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
    }
#endif
    for (; i < end; i++)
        blank += text[i] == ' ' || text[i] == '\t' || text[i] == '\n';
    return end - start - blank;
}

int pc_outline_check(const pc_outline *o, pc_doc *doc)
{
    if (o->nclauses == 0)
        return pc_doc_warn(doc, PC_WARN_EMPTY,
                           "no clause found: nothing in it can be classified or compared");
    /* kept only grows: once it is half of all, no warning (most policies stop early) */
    size_t kept = 0, all = pc_seg_nonblank(doc->text, 0, doc->len);
    for (size_t i = 0; i < o->nclauses && kept * 2 < all; i++)
        kept += pc_seg_nonblank(doc->text, o->clauses[i].start, o->clauses[i].end);
    for (size_t i = 0; i < o->nsections && kept * 2 < all; i++)
        kept += pc_seg_nonblank(doc->text, o->sections[i].title_start, o->sections[i].title_end);
    if (kept * 2 >= all)
        return 0;
    return pc_doc_warn(doc, PC_WARN_LITTLE_TEXT,
                       "only %zu%% of its text is in clauses (%zu clause%s); the rest was taken "
                       "for page chrome or could not be read",
                       all ? kept * 100 / all : 0, o->nclauses, o->nclauses == 1 ? "" : "s");
}
