/* policy.c: see policy.h. */
#include "classify/policy.h"

#include "text/title.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PC_TITLE_MAX 120    /* bytes: longer is a sentence, not a title */
#define PC_TITLE_HEADINGS 4 /* the first top-level headings that may be the policy's title */

/* Whether s[0..n) can be a title, and names the policy when `naming` is set. */
static int pc_policy_title_ok(const char *s, size_t n, int naming)
{
    return s && n > 0 && n < PC_TITLE_MAX && !pc_title_is_date(s, n) &&
           (!naming || pc_title_names_policy(s, n));
}

/* A heading shaped as the policy's title: no number, and it ends with what it is ("SpinX
 * Games Privacy Policy", not "1. Scope of this policy" or "What does this policy cover"). */
static int pc_policy_title_heading(const char *s, size_t n)
{
    static const char *const ends[] = {"policy", "policies", "notice", "statement", "privacy"};
    if (!pc_policy_title_ok(s, n, 1) || (*s >= '0' && *s <= '9'))
        return 0;
    size_t w = n;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (n - w == strlen(ends[i]) && strncasecmp(s + w, ends[i], n - w) == 0)
            return 1;
    return 0;
}

/* The document's title. The first of: the outline's title line when it names the policy, the
 * title the file names (HTML <title>, PDF or Word metadata) when it does, one of the first
 * top-level headings shaped as the policy's title; else the title line, else the file's
 * title. A site's menu or banner line that opens the page ("All Contracts", "Skip
 * Navigation") thus gives way to "Privacy Policy - Allstate". Sets *n; NULL when none. */
static const char *pc_policy_title(const pc_doc *doc, const pc_outline *o, size_t *n)
{
    const char *top = o->title.end > o->title.start ? doc->text + o->title.start : NULL;
    size_t ntop = o->title.end - o->title.start, nfile = doc->title ? strlen(doc->title) : 0;
    for (int naming = 1; naming >= 0; naming--) {
        if (pc_policy_title_ok(top, ntop, naming)) {
            *n = ntop;
            return top;
        }
        if (pc_policy_title_ok(doc->title, nfile, naming)) {
            *n = nfile;
            return doc->title;
        }
        for (size_t i = 0, tops = 0; naming && i < o->nsections && tops < PC_TITLE_HEADINGS; i++) {
            const pc_section *sec = &o->sections[i];
            if (sec->parent >= 0)
                continue;
            tops++;
            *n = sec->title_end - sec->title_start;
            if (pc_policy_title_heading(doc->text + sec->title_start, *n))
                return doc->text + sec->title_start;
        }
    }
    *n = 0;
    return NULL;
}

static char *pc_policy_display_name(const pc_doc *doc, const pc_outline *o)
{
    pc_buf b = {0};
    size_t n;
    const char *title = pc_policy_title(doc, o, &n);
    pc_buf_adds(&b, doc->name);
    if (title) {
        pc_buf_adds(&b, ": ");
        pc_buf_add(&b, title, n);
    }
    return pc_buf_steal(&b);
}

/* The company or site name in the title, else in the file's title, else in the title line
 * ("Privacy Policy" above "CreArt"), else the shortened file stem. */
static char *pc_policy_short_label(const pc_doc *doc, const pc_outline *o)
{
    size_t n, ntop = o->title.end - o->title.start;
    const char *title = pc_policy_title(doc, o, &n);
    char *label = title ? pc_title_label(title, n) : NULL;
    if (!label && doc->title && title != doc->title)
        label = pc_title_label(doc->title, strlen(doc->title));
    if (!label && ntop > 0 && ntop < PC_TITLE_MAX && title != doc->text + o->title.start)
        label = pc_title_label(doc->text + o->title.start, ntop);
    return label ? label : pc_title_stem_label(doc->name);
}

pc_policy *pc_policy_from_doc_with(pc_doc *doc, const pc_taxonomy *tax,
                                   const pc_classify_opts *copts, pc_error *err)
{
    pc_policy *p = calloc(1, sizeof *p);
    if (!p) {
        pc_error_set(err, "%s: out of memory", doc->path);
        pc_doc_free(doc);
        return NULL;
    }
    p->doc = doc;
    p->outline = pc_segment(doc, err);
    if (!p->outline)
        goto fail;
    pc_outline_check(p->outline, doc); /* an empty or thin extraction is said, not hidden */
    p->cls = pc_classify_with(tax, p->outline, copts, err);
    if (!p->cls)
        goto fail;
    p->frames = pc_frames_build(tax->onto, p->outline, err);
    if (!p->frames)
        goto fail;
    p->id = pc_strdup(doc->name);
    p->name = pc_policy_display_name(doc, p->outline);
    p->label = pc_policy_short_label(doc, p->outline);
    if (!p->id || !p->name || !p->label) {
        pc_error_set(err, "%s: out of memory", doc->path);
        goto fail;
    }
    return p;
fail:
    pc_policy_free(p);
    return NULL;
}

pc_policy *pc_policy_from_doc(pc_doc *doc, const pc_taxonomy *tax, pc_error *err)
{
    return pc_policy_from_doc_with(doc, tax, NULL, err);
}

pc_policy *pc_policy_open_with(const char *path, const pc_load_opts *opts,
                               const pc_taxonomy *tax, const pc_classify_opts *copts,
                               pc_error *err)
{
    pc_doc *doc = pc_doc_load(path, opts, err);
    return doc ? pc_policy_from_doc_with(doc, tax, copts, err) : NULL;
}

pc_policy *pc_policy_open(const char *path, const pc_load_opts *opts, const pc_taxonomy *tax,
                          pc_error *err)
{
    return pc_policy_open_with(path, opts, tax, NULL, err);
}

void pc_policy_free(pc_policy *p)
{
    if (!p)
        return;
    pc_frames_free(p->frames);
    pc_overlay_free(p->overlay);
    pc_classified_free(p->cls);
    pc_outline_free(p->outline);
    pc_doc_free(p->doc);
    free(p->id);
    free(p->name);
    free(p->label);
    free(p);
}

const char *pc_policy_clause_text(const pc_policy *p, size_t clause, size_t *len)
{
    const pc_clause *c = &p->outline->clauses[clause];
    *len = c->end - c->start;
    return p->doc->text + c->start;
}

void pc_policy_excerpt(const pc_policy *p, size_t clause, size_t max, char *out, size_t outsz)
{
    size_t len, n = 0, last_space = 0;
    const char *s = pc_policy_clause_text(p, clause, &len);
    if (max + 4 > outsz)
        max = outsz - 4;
    /* Copy with runs of white space (hard-wrapped lines) folded into one space. */
    for (size_t i = 0; i < len && n < max; i++) {
        int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        if (space && (n == 0 || out[n - 1] == ' '))
            continue;
        if (space)
            last_space = n;
        out[n++] = space ? ' ' : s[i];
    }
    int cut = n >= max && len > 0;
    if (cut && last_space > max / 2)
        n = last_space;
    while (cut && n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80)
        n--;
    while (n > 0 && out[n - 1] == ' ')
        n--;
    snprintf(out + n, outsz - n, "%s", cut ? "..." : "");
}

void pc_policy_set_overlay(pc_policy *p, pc_overlay *o)
{
    if (p->overlay != o)
        pc_overlay_free(p->overlay);
    p->overlay = o;
}

int pc_policy_clause_relabelled(const pc_policy *p, size_t clause)
{
    const int *cats;
    size_t n;
    return pc_overlay_get(p->overlay, clause, &cats, &n);
}

size_t pc_policy_clause_nlabels(const pc_policy *p, size_t clause)
{
    const int *cats;
    size_t n;
    if (pc_overlay_get(p->overlay, clause, &cats, &n))
        return n;
    return p->cls->clauses[clause].nlabels;
}

pc_eff_label pc_policy_clause_label(const pc_policy *p, size_t clause, size_t k)
{
    const int *cats;
    size_t n;
    const pc_clause_result *r = &p->cls->clauses[clause];
    if (!pc_overlay_get(p->overlay, clause, &cats, &n))
        return (pc_eff_label){p->cls->labels[r->label_first + k].category,
                              &p->cls->labels[r->label_first + k], 0};
    return (pc_eff_label){cats[k], pc_classified_label(p->cls, clause, cats[k]), 1};
}

int pc_policy_clause_has(const pc_policy *p, size_t clause, int cat)
{
    const pc_taxonomy *tax = p->cls->tax;
    const int *cats;
    size_t n;
    if (pc_overlay_get(p->overlay, clause, &cats, &n)) {
        for (size_t k = 0; k < n; k++)
            if (pc_tax_is_under(tax, cats[k], cat))
                return 1;
        return 0;
    }
    const pc_clause_result *r = &p->cls->clauses[clause];
    for (size_t k = r->label_first; k < r->label_first + r->nlabels; k++)
        if (pc_tax_is_under(tax, p->cls->labels[k].category, cat))
            return 1;
    return 0;
}
