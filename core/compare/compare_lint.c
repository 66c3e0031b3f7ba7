/* compare_lint.c: findings inside one policy that need no taxonomy.
 *
 * - placeholder (medium): template text left unfilled: "[Company Name]", "[insert date here]",
 *   "{{company}}", "<<NAME>>", "XXXX", "TBD", "TODO", "[●]", "____", "Lorem ipsum". A bracketed
 *   text counts when it reads like a slot or an instruction (see lint_placeholder_rx), not "[1]",
 *   "[a]", "[sic]", "[PDF]" or a Markdown link "[here](url)". One finding per distinct text,
 *   resting on every clause (or section heading) that holds it.
 * - empty-section (low): a titled section with no clause of its own or in any subsection
 *   (not the untitled preamble, not the document's own title).
 * - duplicate (low): a sentence of at least six words stated more than once. Texts compare
 *   ASCII case-folded, whitespace collapsed, trailing punctuation dropped. A list item compares
 *   together with its lead-in, so one item under "We collect:" and under "We share:" is not a
 *   repetition. Sorted, not compared in pairs: O(n log n) in the number of clauses.
 * - vague (low): a commitment hedged away, found by the cue table lint_cues. One finding per
 *   clause, naming every cue it holds with the reason a reviewer should care.
 * Texts are read with whitespace runs collapsed to one space, so a phrase broken by a hard wrap
 * still matches and quotes in messages stay on one line.
 */
#include "compare/compare_internal.h"

#include "util/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINT_QUOTE_MAX     80 /* bytes of quoted text in a message */
#define LINT_DUP_MIN_WORDS 6  /* shorter clauses ("Yes.") may repeat */

/* ---- text helpers ---- */

static char lint_lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

/* Whether s[0..n) equals the lowercase word w, ignoring ASCII case. */
static int lint_ieq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (lint_lower(s[i]) != w[i])
            return 0;
    return i == n && !w[i];
}

static int lint_space(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* Append s[0..n) to b with whitespace runs made one space and both ends trimmed; with fold,
 * ASCII letters lowercased. */
static int lint_collapse(pc_buf *b, const char *s, size_t n, int fold)
{
    size_t first = b->len;
    int gap = 0;
    if (pc_buf_reserve(b, n + 1) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (lint_space(ch)) {
            gap = 1;
            continue;
        }
        if (gap && b->len > first)
            b->data[b->len++] = ' ';
        gap = 0;
        b->data[b->len++] = fold ? lint_lower(ch) : ch;
    }
    b->data[b->len] = '\0';
    return 0;
}

/* s[0..n) with whitespace collapsed, cut to at most LINT_QUOTE_MAX bytes at a word and a UTF-8
 * boundary ("..." when cut), into out (LINT_QUOTE_SIZE bytes). */
#define LINT_QUOTE_SIZE (LINT_QUOTE_MAX + 5)
static void lint_quote(const char *s, size_t n, char *out)
{
    size_t len = 0, i = 0;
    int gap = 0;
    for (; i < n && len <= LINT_QUOTE_MAX; i++) {
        if (lint_space(s[i])) {
            gap = len > 0;
            continue;
        }
        if (gap)
            out[len++] = ' ';
        gap = 0;
        out[len++] = s[i];
    }
    while (i < n && lint_space(s[i]))
        i++;
    if (i == n) {
        out[len] = '\0';
        return;
    }
    size_t cut = LINT_QUOTE_MAX; /* out[cut] exists: more than LINT_QUOTE_MAX bytes were copied */
    while (cut > LINT_QUOTE_MAX / 2 && out[cut] != ' ')
        cut--;
    while (cut > 0 && (((unsigned char)out[cut] & 0xC0) == 0x80 || out[cut - 1] == ' '))
        cut--;
    memcpy(out + cut, "...", 4);
}

/* ---- patterns ---- */

/* Bullets and marks that stand for a blank: "[●]", "[___]", "[***]". */
#define LINT_MARK "_*\\x{25CF}\\x{2022}\\x{25CB}\\x{25A0}\\x{25AA}"
/* A bracketed text that is not a Markdown link leftover ("[here](url)"). */
#define LINT_BR(body) "\\[" body "\\](?!\\()"
/* Unfilled template text, one alternative a line (UTF, case-sensitive unless (?i:)). A
 * bracketed text counts when it is only blank marks, starts with an instruction, names a slot
 * word (company, name, date...), or is ALL CAPS (four letters or more, not a file type); so
 * "[1]", "[a]", "[sic]", "[citation]" and "[PDF]" do not. An XXX word takes in its whole token
 * ("XX/XX/XXXX", "$XXX"). */
/* clang-format off */
static const char lint_placeholder_rx[] =
    LINT_BR("[\\s" LINT_MARK "]*[" LINT_MARK "][\\s" LINT_MARK "]*") "|"
    LINT_BR("\\s*(?i:insert|add|enter|please|fill|specify)\\b[^\\[\\]]{0,160}") "|"
    LINT_BR("[^\\[\\]]{0,160}?\\b(?i:company|name|insert|date|address|e-?mail|phone|"
          "telephone|your|here|website|url|country|state|city|amount|number)s?\\b"
          "[^\\[\\]]{0,160}") "|"
    LINT_BR("(?!(?:HTML|JSON|LINK|EDIT|NOTE)\\])(?=(?:[A-Z] ?){4})[A-Z][A-Z ]*") "|"
    "\\{\\{[^{}]{1,80}\\}\\}|<<[^<>]{1,80}>>|_{4,}|"
    "(?<![\\w$#])[$#]?(?:\\w+[/.:-])*(?:X{3,}|x{3,})(?:[/.:-]\\w+)*\\b|"
    "\\b(?:TBD|TODO)\\b|(?i:\\blorem ipsum\\b)";
/* clang-format on */

enum { LINT_NEG = 1, LINT_CONSENT = 2 };

/* The hedges looked for (caseless, UTF), each with the reason shown to the reviewer. Flags:
 * LINT_NEG skips a cue with a negation among the few words before it ("we will not use it for
 * other purposes" is a promise), LINT_CONSENT one followed shortly by "consent" ("for other
 * purposes with your consent"). "including but not limited to" is left out: too common. */
static const struct {
    const char *pattern, *reason;
    int flags;
} lint_cues[] = {
    {"\\bfrom time to time\\b", "no schedule or trigger is given", 0},
    {"\\bfor any (?:other )?purposes?\\b", "the purpose is left unlimited",
     LINT_NEG | LINT_CONSENT},
    {"\\bfor other purposes\\b", "the purposes are not named", LINT_NEG | LINT_CONSENT},
    {"\\bas (?:we|it) (?:see|sees|deem|deems) fit\\b", "left to the company's discretion", 0},
    {"\\bas (?:we|it) deems? (?:appropriate|necessary)\\b", "left to the company's discretion", 0},
    {"\\bat (?:our|its) (?:sole|absolute) discretion\\b", "left to the company's discretion", 0},
    {"\\bwithout (?:prior |advance )?notice\\b", "no notice is promised", LINT_NEG},
    {"\\b(?:certain|selected|various) (?:third[- ]part(?:y|ies)|partners)\\b",
     "the recipients are not named", 0},
    {"\\bby (?:continuing to (?:use|access|visit|browse)|(?:us|access|visit|brows)ing"
     "(?: (?:and|or) (?:us|access|visit)ing)?)"
     " (?:this|our|the) (?:[\\w-]+ ){0,2}?(?:site|website|services?|platform|app|application)\\b"
     ".{0,80}?\\byou (?:agree|consent|accept)",
     "consent inferred from use of the site is not valid consent under GDPR Art. 4(11) and 7", 0},
};
#define LINT_NCUES (sizeof lint_cues / sizeof lint_cues[0])

/* The compiled patterns and one match state, made once per pc_cmp_lint call. Owns all. */
typedef struct lint_rx {
    pcre2_code *placeholder;
    pcre2_code *cue[LINT_NCUES];
    pcre2_match_data *md;
    pcre2_match_context *mctx;
} lint_rx;

static void lint_rx_free(lint_rx *rx)
{
    pcre2_code_free(rx->placeholder);
    for (size_t i = 0; i < LINT_NCUES; i++)
        pcre2_code_free(rx->cue[i]);
    pcre2_match_data_free(rx->md);
    pcre2_match_context_free(rx->mctx);
}

static pcre2_code *lint_compile(const char *pattern, uint32_t flags)
{
    int ec;
    PCRE2_SIZE eo;
    return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags | PCRE2_UTF | PCRE2_UCP,
                         &ec, &eo, NULL);
}

/* -1 when memory runs out (or a pattern above does not compile: the unit tests catch that). */
static int lint_rx_init(lint_rx *rx)
{
    memset(rx, 0, sizeof *rx);
    rx->placeholder = lint_compile(lint_placeholder_rx, 0);
    for (size_t i = 0; i < LINT_NCUES; i++)
        if (!(rx->cue[i] = lint_compile(lint_cues[i].pattern, PCRE2_CASELESS)))
            return -1;
    rx->md = pcre2_match_data_create(4, NULL);
    rx->mctx = pcre2_match_context_create(NULL);
    if (!rx->placeholder || !rx->md || !rx->mctx)
        return -1;
    pcre2_set_match_limit(rx->mctx, PC_MATCH_LIMIT);
    pcre2_set_depth_limit(rx->mctx, PC_DEPTH_LIMIT);
    return 0;
}

/* Whether re matches s[0..n) from offset `from`; the match in *a, *b. */
static int lint_match(lint_rx *rx, const pcre2_code *re, const char *s, size_t n, size_t from,
                      size_t *a, size_t *b)
{
    if (pcre2_match(re, (PCRE2_SPTR)s, n, from, 0, rx->md, rx->mctx) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
    *a = ov[0];
    *b = ov[1];
    return 1;
}

/* ---- texts found, grouped ---- */

/* A text found in a clause or a heading (a placeholder, a sentence's comparison key) and where.
 * The text lives NUL-terminated in the lint_bag's arena. Plain value. */
typedef struct lint_item {
    size_t off;       /* into lint_bag.arena */
    const char *text; /* set by lint_bag_sort, once the arena stops growing */
    pc_ref ref;
} lint_item;

/* Texts of one policy, sorted by text then place so equal texts form runs. Owns arena and v. */
typedef struct lint_bag {
    pc_buf arena;
    lint_item *v;
    size_t n, cap;
} lint_bag;

/* Start an item at ref; its text is what is appended to the arena until lint_bag_end. */
static int lint_bag_begin(lint_bag *b, pc_ref ref)
{
    if (pc_grow(&b->v, &b->cap, b->n + 1, sizeof *b->v) < 0)
        return -1;
    b->v[b->n++] = (lint_item){b->arena.len, NULL, ref};
    return 0;
}

static int lint_bag_end(lint_bag *b)
{
    return pc_buf_addc(&b->arena, '\0');
}

static void lint_bag_free(lint_bag *b)
{
    free(b->v);
    pc_buf_free(&b->arena);
}

static int lint_ref_cmp(const pc_ref *a, const pc_ref *b)
{
    if (a->clause != b->clause)
        return a->clause < b->clause ? -1 : 1;
    return (a->section > b->section) - (a->section < b->section);
}

static int lint_item_cmp(const void *pa, const void *pb)
{
    const lint_item *a = pa, *b = pb;
    int r = strcmp(a->text, b->text);
    return r ? r : lint_ref_cmp(&a->ref, &b->ref);
}

static void lint_bag_sort(lint_bag *b)
{
    for (size_t i = 0; i < b->n; i++)
        b->v[i].text = b->arena.data + b->v[i].off;
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, lint_item_cmp);
}

/* The end of the run of items equal in text to v[lo]. */
static size_t lint_bag_run(const lint_bag *b, size_t lo)
{
    size_t hi = lo + 1;
    while (hi < b->n && !strcmp(b->v[hi].text, b->v[lo].text))
        hi++;
    return hi;
}

/* The distinct places of items v[0..n), in order, into a new array (caller frees). */
static pc_ref *lint_refs(const lint_item *v, size_t n, size_t *nr)
{
    pc_ref *refs = malloc(n * sizeof *refs);
    *nr = 0;
    for (size_t i = 0; refs && i < n; i++)
        if (*nr == 0 || lint_ref_cmp(&refs[*nr - 1], &v[i].ref) != 0)
            refs[(*nr)++] = v[i].ref;
    return refs;
}

/* ---- placeholder ---- */

/* The placeholders of text[0..n) (collapsed into t first) into b, at ref. */
static int lint_scan(lint_rx *rx, lint_bag *b, pc_buf *t, const char *text, size_t n, pc_ref ref)
{
    size_t a, e;
    t->len = 0;
    if (lint_collapse(t, text, n, 0) < 0)
        return -1;
    for (size_t from = 0;
         from < t->len && lint_match(rx, rx->placeholder, t->data, t->len, from, &a, &e);
         from = e > a ? e : a + 1)
        if (lint_bag_begin(b, ref) < 0 || pc_buf_add(&b->arena, t->data + a, e - a) < 0 ||
            lint_bag_end(b) < 0)
            return -1;
    return 0;
}

/* The clauses and section titles of policy pi, scanned into b. */
static int lint_collect_placeholders(lint_rx *rx, const pc_policy *p, int pi, lint_bag *b)
{
    const pc_outline *o = p->outline;
    const char *text = p->doc->text;
    pc_buf t = {0};
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < o->nclauses; k++) {
        const pc_clause *cl = &o->clauses[k];
        rc = lint_scan(rx, b, &t, text + cl->start, cl->end - cl->start,
                       (pc_ref){pi, k, cl->section});
    }
    for (size_t s = 0; rc == 0 && s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        rc = lint_scan(rx, b, &t, text + sec->title_start, sec->title_end - sec->title_start,
                       (pc_ref){pi, PC_NO_CLAUSE, (int)s});
    }
    pc_buf_free(&t);
    return rc;
}

/* One finding per distinct text, resting on every clause or heading that holds it. */
static int lint_placeholders(lint_rx *rx, pc_comparison *c, size_t pi)
{
    lint_bag b = {0};
    int rc = lint_collect_placeholders(rx, c->policies[pi], (int)pi, &b);
    lint_bag_sort(&b);
    for (size_t lo = 0, hi; rc == 0 && lo < b.n; lo = hi) {
        hi = lint_bag_run(&b, lo);
        size_t nr;
        pc_ref *refs = lint_refs(b.v + lo, hi - lo, &nr);
        char q[LINT_QUOTE_SIZE], times[48] = "";
        lint_quote(b.v[lo].text, strlen(b.v[lo].text), q);
        if (hi - lo > 1)
            snprintf(times, sizeof times, " (%zu times in this policy)", hi - lo);
        rc = refs ? pc_cmp_add(c, PC_FIND_PLACEHOLDER, PC_SEV_MEDIUM, -1, refs, nr,
                               "unfilled template text \"%s\"%s", q, times)
                  : -1;
        free(refs);
    }
    lint_bag_free(&b);
    return rc;
}

/* ---- empty-section ---- */

static int lint_empty_sections(pc_comparison *c, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    const pc_outline *o = p->outline;
    unsigned char *full = calloc(o->nsections + 1, 1);
    if (!full)
        return -1;
    /* children come after their parent: walking backwards, a subtree is done before its root */
    for (size_t s = o->nsections; s-- > 0;) {
        const pc_section *sec = &o->sections[s];
        full[s] |= sec->nclauses > 0;
        if (full[s] && sec->parent >= 0)
            full[sec->parent] = 1;
    }
    int rc = 0;
    for (size_t s = 0; rc == 0 && s < o->nsections; s++) {
        const pc_section *sec = &o->sections[s];
        int doc_title = o->title.end > o->title.start && sec->title_start < o->title.end &&
                        o->title.start < sec->title_end;
        if (full[s] || sec->title_end <= sec->title_start || doc_title)
            continue;
        char q[LINT_QUOTE_SIZE];
        lint_quote(p->doc->text + sec->title_start, sec->title_end - sec->title_start, q);
        pc_ref ref = {(int)pi, PC_NO_CLAUSE, (int)s};
        rc = pc_cmp_add(c, PC_FIND_EMPTY_SECTION, PC_SEV_LOW, -1, &ref, 1,
                        "section \"%s\" has no text under its heading", q);
    }
    free(full);
    return rc;
}

/* ---- duplicate ---- */

/* Append clause k normalized: folded, collapsed, trailing punctuation dropped. */
static int lint_norm_clause(pc_buf *b, const pc_policy *p, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    size_t first = b->len;
    if (lint_collapse(b, p->doc->text + cl->start, cl->end - cl->start, 1) < 0)
        return -1;
    while (b->len > first && strchr(".!?;:, ", b->data[b->len - 1]))
        b->data[--b->len] = '\0';
    return 0;
}

/* Clause k's comparison key into b (a list item's is prefixed by its lead-in's), when the
 * clause is long enough to count. */
static int lint_add_key(lint_bag *b, const pc_policy *p, int pi, size_t k)
{
    const pc_clause *cl = &p->outline->clauses[k];
    if (pc_word_count(p->doc->text + cl->start, cl->end - cl->start) < LINT_DUP_MIN_WORDS)
        return 0;
    if (lint_bag_begin(b, (pc_ref){pi, k, cl->section}) < 0)
        return -1;
    if (cl->kind == PC_CLAUSE_ITEM && cl->lead >= 0 &&
        (lint_norm_clause(&b->arena, p, (size_t)cl->lead) < 0 ||
         pc_buf_addc(&b->arena, '\x1f') < 0))
        return -1;
    return lint_norm_clause(&b->arena, p, k) < 0 ? -1 : lint_bag_end(b);
}

/* One finding per text stated more than once, resting on each occurrence. */
static int lint_duplicates(pc_comparison *c, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    lint_bag b = {0};
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < p->outline->nclauses; k++)
        rc = lint_add_key(&b, p, (int)pi, k);
    lint_bag_sort(&b);
    for (size_t lo = 0, hi; rc == 0 && lo < b.n; lo = hi) {
        hi = lint_bag_run(&b, lo);
        if (hi - lo < 2)
            continue;
        size_t nr;
        pc_ref *refs = lint_refs(b.v + lo, hi - lo, &nr);
        const pc_clause *cl = &p->outline->clauses[b.v[lo].ref.clause];
        char q[LINT_QUOTE_SIZE];
        lint_quote(p->doc->text + cl->start, cl->end - cl->start, q);
        rc = refs ? pc_cmp_add(c, PC_FIND_DUPLICATE, PC_SEV_LOW, -1, refs, nr,
                               "stated %zu times: \"%s\"", nr, q)
                  : -1;
        free(refs);
    }
    lint_bag_free(&b);
    return rc;
}

/* ---- vague ---- */

/* Whether a negation ("not", "never", "cannot", "...n't") is among the eight words before `at`,
 * in the same part of the sentence (not before a comma or semicolon). */
static int lint_negated(const char *s, size_t at)
{
    size_t j = at;
    for (int words = 0; words < 8 && j > 0; words++) {
        while (j > 0 && s[j - 1] == ' ')
            j--;
        size_t i = j;
        while (i > 0 && s[i - 1] != ' ')
            i--;
        size_t m = j - i;
        if (m == 0 || strchr(",;:", s[j - 1]))
            return 0;
        if (lint_ieq(s + i, m, "not") || lint_ieq(s + i, m, "never") ||
            lint_ieq(s + i, m, "cannot") || (m > 3 && lint_ieq(s + j - 3, 3, "n't")) ||
            (m > 5 && !memcmp(s + j - 5, "n\xe2\x80\x99t", 5)))
            return 1;
        j = i;
    }
    return 0;
}

/* Whether the hedge s[a..e) is taken back by the cue's flags (see lint_cues). */
static int lint_excused(const char *s, size_t n, size_t a, size_t e, int flags)
{
    if ((flags & LINT_NEG) && lint_negated(s, a))
        return 1;
    if (!(flags & LINT_CONSENT))
        return 0;
    for (size_t i = e; i + 7 <= n && i < e + 40; i++)
        if (lint_ieq(s + i, 7, "consent"))
            return 1;
    return 0;
}

/* The cues found in s[0..n), appended to msg as `"words" (reason)`, "; " between. */
static int lint_cues_in(lint_rx *rx, const char *s, size_t n, pc_buf *msg)
{
    for (size_t i = 0; i < LINT_NCUES; i++) {
        size_t a, e;
        if (!lint_match(rx, rx->cue[i], s, n, 0, &a, &e) ||
            lint_excused(s, n, a, e, lint_cues[i].flags))
            continue;
        char q[LINT_QUOTE_SIZE];
        lint_quote(s + a, e - a, q);
        if (pc_buf_printf(msg, "%s\"%s\" (%s)", msg->len ? "; " : "", q, lint_cues[i].reason) < 0)
            return -1;
    }
    return 0;
}

static int lint_vague(lint_rx *rx, pc_comparison *c, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    pc_buf t = {0}, msg = {0};
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < p->outline->nclauses; k++) {
        const pc_clause *cl = &p->outline->clauses[k];
        t.len = msg.len = 0;
        rc = lint_collapse(&t, p->doc->text + cl->start, cl->end - cl->start, 0);
        if (rc == 0 && t.len)
            rc = lint_cues_in(rx, t.data, t.len, &msg);
        if (rc == 0 && msg.len) {
            pc_ref ref = {(int)pi, k, cl->section};
            rc = pc_cmp_add(c, PC_FIND_VAGUE, PC_SEV_LOW, -1, &ref, 1, "hedged commitment: %s",
                            msg.data);
        }
    }
    pc_buf_free(&t);
    pc_buf_free(&msg);
    return rc;
}

/* ---- the detector ---- */

int pc_cmp_lint(pc_comparison *c, size_t policy)
{
    lint_rx rx;
    int rc = lint_rx_init(&rx);
    if (rc == 0 && (lint_placeholders(&rx, c, policy) < 0 || lint_empty_sections(c, policy) < 0 ||
                    lint_duplicates(c, policy) < 0 || lint_vague(&rx, c, policy) < 0))
        rc = -1;
    lint_rx_free(&rx);
    return rc;
}
