/* compare_lint.c: findings inside one policy that need no taxonomy (with compare_repeat.c
 * and compare_outline.c), and the helpers they share (compare_internal.h).
 *
 * - placeholder (medium): template text left unfilled: "[Company Name]", "[insert date here]",
 *   "[If you use ..., please supplement this section]", "{{company}}", "<<NAME>>", "XXXX",
 *   "TBD", "TODO", "[●]", "____", "Lorem ipsum". A bracketed text counts when it reads like a
 *   slot or an instruction (see lint_placeholder_rx), not "[1]", "[a]", "[sic]", "[PDF]" or a
 *   Markdown link "[here](url)". One finding per distinct text, resting on every clause (or
 *   section heading) that holds it.
 * - vague (low): a commitment hedged away, found by the cue table lint_cues. One finding per
 *   distinct clause text (a sentence repeated is one finding citing its places), naming every
 *   cue it holds with the reason a reviewer should care. A cue about a law or another document
 *   ("the Act, as amended from time to time", "the Terms may change without notice") is not the
 *   policy's own hedge.
 * Texts are read with whitespace runs collapsed to one space, so a phrase broken by a hard wrap
 * still matches and quotes in messages stay on one line.
 */
#include "compare/compare_internal.h"

#include "util/words.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- patterns ---- */

/* Bullets and marks that stand for a blank: "[●]", "[___]", "[***]". */
#define LINT_MARK "_*\\x{25CF}\\x{2022}\\x{25CB}\\x{25A0}\\x{25AA}"
/* A bracketed text that is not a Markdown link leftover ("[here](url)"). */
#define LINT_BR(body) "\\[" body "\\](?!\\()"
/* Unfilled template text, one alternative a line (UTF, case-sensitive unless (?i:)). A
 * bracketed text counts when it is only blank marks, starts with an instruction, holds one
 * addressed to whoever fills the template ("please supplement", "complete this section"),
 * names a slot word (company, name, date...), or is ALL CAPS (four letters or more, not a file
 * type); so "[1]", "[a]", "[sic]", "[citation]" and "[PDF]" do not. An XXX word takes in its
 * whole token ("XX/XX/XXXX", "$XXX"). */
/* clang-format off */
static const char lint_placeholder_rx[] =
    LINT_BR("[\\s" LINT_MARK "]*[" LINT_MARK "][\\s" LINT_MARK "]*") "|"
    LINT_BR("\\s*(?i:insert|add|enter|please|fill|specify)\\b[^\\[\\]]{0,160}") "|"
    LINT_BR("[^\\[\\]]{0,160}?\\b(?i:please (?:supplement|fill|insert|add|complete|provide|"
          "specify|replace|delete|remove|update|edit|describe|list|enter|state|indicate|adapt|"
          "adjust|modify|amend|review)|(?:supplement|complete|fill in|adapt|adjust|customi[sz]e|"
          "edit|update) this (?:section|paragraph|clause|part))\\b[^\\[\\]]{0,160}") "|"
    LINT_BR("[^\\[\\]]{0,160}?\\b(?i:company|name|insert|date|address|e-?mail|phone|"
          "telephone|your|here|website|url|country|state|city|amount|number)s?\\b"
          "[^\\[\\]]{0,160}") "|"
    LINT_BR("(?!(?:HTML|JSON|LINK|EDIT|NOTE)\\])(?=(?:[A-Z] ?){4})[A-Z][A-Z ]*") "|"
    "\\{\\{[^{}]{1,80}\\}\\}|<<[^<>]{1,80}>>|_{4,}|"
    "(?<![\\w$#])[$#]?(?:\\w+[/.:-])*(?:X{3,}|x{3,})(?:[/.:-]\\w+)*\\b|"
    "\\b(?:TBD|TODO)\\b|(?i:\\blorem ipsum\\b)";
/* clang-format on */

enum { LINT_NEG = 1, LINT_CONSENT = 2, LINT_OTHER = 4 };

/* The hedges looked for (caseless, UTF), each with the reason shown to the reviewer. Flags:
 * LINT_NEG skips a cue with a negation among the few words before it ("we will not use it for
 * other purposes" is a promise), LINT_CONSENT one followed shortly by "consent" ("for other
 * purposes with your consent"), LINT_OTHER one about a law or another document (lint_other).
 * "including but not limited to" is left out: too common. */
static const struct {
    const char *pattern, *reason;
    int flags;
} lint_cues[] = {
    {"\\bfrom time to time\\b", "no schedule or trigger is given", LINT_OTHER},
    {"\\bfor any (?:other )?purposes?\\b", "the purpose is left unlimited",
     LINT_NEG | LINT_CONSENT},
    {"\\bfor other purposes\\b", "the purposes are not named", LINT_NEG | LINT_CONSENT},
    {"\\bas (?:we|it) (?:see|sees|deem|deems) fit\\b", "left to the company's discretion", 0},
    {"\\bas (?:we|it) deems? (?:appropriate|necessary)\\b", "left to the company's discretion", 0},
    {"\\bat (?:our|its) (?:sole|absolute) discretion\\b", "left to the company's discretion", 0},
    {"\\bwithout (?:prior |advance )?notice\\b", "no notice is promised", LINT_NEG | LINT_OTHER},
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
    pc_words *ws; /* the words before a cue (lint_other) */
} lint_rx;

static void lint_rx_free(lint_rx *rx)
{
    pcre2_code_free(rx->placeholder);
    for (size_t i = 0; i < LINT_NCUES; i++)
        pcre2_code_free(rx->cue[i]);
    pcre2_match_data_free(rx->md);
    pcre2_match_context_free(rx->mctx);
    free(rx->ws);
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
    rx->ws = malloc(sizeof *rx->ws);
    if (!rx->placeholder || !rx->md || !rx->mctx || !rx->ws)
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

/* ---- placeholder ---- */

/* The placeholders of text[0..n) (collapsed into t first) into b, at ref. */
static int lint_scan(lint_rx *rx, pc_cmp_bag *b, pc_buf *t, const char *text, size_t n, pc_ref ref)
{
    size_t a, e;
    t->len = 0;
    if (pc_cmp_lint_collapse(t, text, n, 0) < 0)
        return -1;
    for (size_t from = 0;
         from < t->len && lint_match(rx, rx->placeholder, t->data, t->len, from, &a, &e);
         from = e > a ? e : a + 1)
        if (pc_cmp_bag_begin(b, ref) < 0 || pc_buf_add(&b->arena, t->data + a, e - a) < 0 ||
            pc_cmp_bag_end(b) < 0)
            return -1;
    return 0;
}

/* The clauses and section titles of policy pi, scanned into b. */
static int lint_collect_placeholders(lint_rx *rx, const pc_policy *p, int pi, pc_cmp_bag *b)
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
    pc_cmp_bag b = {0};
    int rc = lint_collect_placeholders(rx, c->policies[pi], (int)pi, &b);
    pc_cmp_bag_sort(&b);
    for (size_t lo = 0, hi; rc == 0 && lo < b.n; lo = hi) {
        hi = pc_cmp_bag_run(&b, lo);
        size_t nr;
        pc_ref *refs = pc_cmp_bag_refs(b.v + lo, hi - lo, PC_LINT_MAX_PLACES, &nr);
        char q[PC_LINT_QUOTE_SIZE], times[48] = "";
        pc_cmp_lint_quote(b.v[lo].text, strlen(b.v[lo].text), q);
        if (hi - lo > 1)
            snprintf(times, sizeof times, " (%zu times in this policy)", hi - lo);
        rc = refs ? pc_cmp_add(c, PC_FIND_PLACEHOLDER, PC_SEV_MEDIUM, -1, refs, nr,
                               "unfilled template text \"%s\"%s", q, times)
                  : -1;
        free(refs);
    }
    pc_cmp_bag_free(&b);
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

/* Words that make what a cue is about a law ("the Act, as amended from time to time") or a
 * document other than the policy ("the Terms of Service may change without notice", "their
 * privacy policies"), and the verbs of "as amended". */
static const char *const lint_law_words[] = {
    "law",     "laws",     "legislation", "regulation", "regulations", "act",  "acts",
    "statute", "statutes", "directive",   "gdpr",       "ccpa",        "cpra", "coppa",
};
static const char *const lint_doc_phrases[] = {
    "terms",         "agreement",      "agreements",      "eula",
    "guidelines",    "their privacy",  "its privacy",     "their policies",
    "their policy",  "its policies",   "its policy",      "their own privacy",
    "cookie policy", "cookies policy", "code of conduct", "community standards",
};
static const char *const lint_amend_words[] = {
    "amended", "updated", "modified", "revised", "supplemented", "replaced", "changed",
};

/* Whether the cue at s[a..) is about a law or another document: among the words of its part
 * of the sentence (back to a ".", ";" or ":", at most LINT_OTHER_WINDOW words) one names a law
 * or a document, or the cue follows "as ... amended". */
#define LINT_OTHER_WINDOW 12
static int lint_other(lint_rx *rx, const char *s, size_t a)
{
    pc_words *ws = rx->ws;
    pc_words_split(s, a, ws);
    size_t lo = ws->n > LINT_OTHER_WINDOW ? ws->n - LINT_OTHER_WINDOW : 0;
    for (size_t i = ws->n; i-- > lo;) {
        if (PC_WORD_IS(&ws->v[i], lint_law_words) ||
            pc_words_find(ws, lint_doc_phrases, sizeof lint_doc_phrases / sizeof *lint_doc_phrases,
                          i) == (long)i)
            return 1;
        if (ws->n - i <= 4 && PC_WORD_IS(&ws->v[i], lint_amend_words))
            for (size_t j = i; j-- > lo && ws->n - j <= 6;)
                if (PC_WORD_EQ(&ws->v[j], "as"))
                    return 1;
        if (ws->v[i].stop_before)
            break;
    }
    return 0;
}

/* Whether the hedge s[a..e) is taken back by the cue's flags (see lint_cues). */
static int lint_excused(lint_rx *rx, const char *s, size_t n, size_t a, size_t e, int flags)
{
    if ((flags & LINT_NEG) && lint_negated(s, a))
        return 1;
    if ((flags & LINT_OTHER) && lint_other(rx, s, a))
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
            lint_excused(rx, s, n, a, e, lint_cues[i].flags))
            continue;
        char q[PC_LINT_QUOTE_SIZE];
        pc_cmp_lint_quote(s + a, e - a, q);
        if (pc_buf_printf(msg, "%s\"%s\" (%s)", msg->len ? "; " : "", q, lint_cues[i].reason) < 0)
            return -1;
    }
    return 0;
}

#define LINT_NO_NEXT UINT32_MAX /* the end of a next[] chain (lint_next_same) */

/* One finding for the clauses with clause k's text (k, then next[k], next[next[k]]...). */
static int lint_vague_finding(pc_comparison *c, size_t pi, size_t k, const uint32_t *next,
                              const char *msg)
{
    const pc_policy *p = c->policies[pi];
    pc_ref refs[PC_LINT_MAX_PLACES];
    size_t nr = 0, total = 0;
    for (size_t j = k; j != LINT_NO_NEXT; j = next[j], total++)
        if (nr < PC_LINT_MAX_PLACES)
            refs[nr++] = (pc_ref){(int)pi, j, p->outline->clauses[j].section};
    char times[48] = "";
    if (total > 1)
        snprintf(times, sizeof times, " (%zu times in this policy)", total);
    return pc_cmp_add(c, PC_FIND_VAGUE, PC_SEV_LOW, -1, refs, nr, "hedged commitment: %s%s", msg,
                      times);
}

/* next[k]: the next clause with clause k's text, or LINT_NO_NEXT (from canon, in one pass;
 * 32-bit, as canon). */
static uint32_t *lint_next_same(const uint32_t *canon, size_t n)
{
    uint32_t *next = malloc((n ? n : 1) * sizeof *next);
    uint32_t *last = malloc((n ? n : 1) * sizeof *last);
    if (!next || !last) {
        free(next);
        free(last);
        return NULL;
    }
    for (size_t k = 0; k < n; k++)
        last[k] = LINT_NO_NEXT;
    for (size_t k = n; k-- > 0;) {
        next[k] = last[canon[k]];
        last[canon[k]] = (uint32_t)k;
    }
    free(last);
    return next;
}

static int lint_vague(lint_rx *rx, pc_comparison *c, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    size_t n = p->outline->nclauses;
    uint32_t *canon = pc_cmp_canon(p);
    uint32_t *next = canon ? lint_next_same(canon, n) : NULL;
    pc_buf t = {0}, msg = {0};
    int rc = next ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < n; k++) {
        const pc_clause *cl = &p->outline->clauses[k];
        if (canon[k] != k)
            continue;
        t.len = msg.len = 0;
        rc = pc_cmp_lint_collapse(&t, p->doc->text + cl->start, cl->end - cl->start, 0);
        if (rc == 0 && t.len)
            rc = lint_cues_in(rx, t.data, t.len, &msg);
        if (rc == 0 && msg.len)
            rc = lint_vague_finding(c, pi, k, next, msg.data);
    }
    free(canon);
    free(next);
    pc_buf_free(&t);
    pc_buf_free(&msg);
    return rc;
}

/* ---- the detector ---- */

int pc_cmp_lint(pc_comparison *c, size_t policy)
{
    lint_rx rx;
    int rc = lint_rx_init(&rx);
    if (rc == 0 && (lint_placeholders(&rx, c, policy) < 0 || pc_cmp_lint_outline(c, policy) < 0 ||
                    pc_cmp_lint_repeats(c, policy) < 0 || lint_vague(&rx, c, policy) < 0))
        rc = -1;
    lint_rx_free(&rx);
    return rc;
}
