/* review.c: the reviewer's decisions in memory: keys of clauses and findings, finding and adding
 * decisions, editing them. Reading and writing the file is review_io.c; placing decisions on a
 * comparison and the overlay of relabels is review_map.c. Rules in review.h. */
#include "review/review.h"
#include "util/words.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const pc_status_names[] = {"open", "reviewed", "dismissed"};

const char *pc_review_status_name(pc_review_status s)
{
    return (unsigned)s < 3 ? pc_status_names[s] : "open";
}

int pc_review_status_parse(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, pc_status_names[i]) == 0)
            return i;
    return -1;
}

pc_review *pc_review_new(const char *path)
{
    pc_review *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->path = pc_strdup(path ? path : PC_REVIEW_DEFAULT_NAME);
    if (!r->path) {
        free(r);
        return NULL;
    }
    return r;
}

static void pc_decision_free_labels(pc_decision *d)
{
    for (size_t i = 0; i < d->nlabels; i++)
        free(d->labels[i]);
    free(d->labels);
    d->labels = NULL;
    d->nlabels = 0;
}

static void pc_decision_free(pc_decision *d)
{
    free(d->policy);
    free(d->key);
    free(d->section);
    pc_decision_free_labels(d);
    free(d->note);
    free(d->updated);
}

void pc_review_free(pc_review *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        pc_decision_free(&r->items[i]);
    free(r->items);
    free(r->path);
    free(r);
}

char *pc_review_default_path(const char *first_policy_path)
{
    const char *base = first_policy_path ? pc_basename(first_policy_path) : NULL;
    size_t dirlen = base ? (size_t)(base - first_policy_path) : 0;
    pc_buf b = {0};
    if (pc_buf_add(&b, first_policy_path ? first_policy_path : "", dirlen) < 0 ||
        pc_buf_adds(&b, PC_REVIEW_DEFAULT_NAME) < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

/* ---- keys ---- */

/* Length of a Unicode space at s (NBSP, the U+2000 block, ideographic space...), else 0. */
static size_t pc_uspace_len(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = pc_utf8_decode(s, n, &cp);
    if (k > 1 && (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
                  cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000))
        return k;
    return 0;
}

char *pc_review_clause_key(const char *text, size_t len)
{
    pc_buf b = {0};
    if (pc_buf_reserve(&b, len + 1) < 0)
        return NULL;
    b.data[0] = '\0'; /* reserve leaves the bytes as they were; an empty key is "" */
    int pending = 0;
    for (size_t i = 0; i < len;) {
        size_t sp = pc_is_space((unsigned char)text[i]) ? 1 : pc_uspace_len(text + i, len - i);
        if (sp) {
            pending = b.len > 0;
            i += sp;
            continue;
        }
        if (pending)
            pc_buf_addc(&b, ' ');
        pending = 0;
        pc_buf_addc(&b, text[i++]);
    }
    return pc_buf_steal(&b);
}

char *pc_review_policy_clause_key(const pc_policy *p, size_t clause)
{
    size_t len;
    const char *t = pc_policy_clause_text(p, clause, &len);
    return pc_review_clause_key(t, len);
}

static char *pc_section_key(const pc_policy *p, int section)
{
    if (section < 0 || (size_t)section >= p->outline->nsections)
        return pc_strdup("");
    const pc_section *s = &p->outline->sections[section];
    return pc_review_clause_key(p->doc->text + s->title_start, s->title_end - s->title_start);
}

char *pc_review_section_title(const pc_policy *p, size_t clause)
{
    return pc_section_key(p, p->outline->clauses[clause].section);
}

const char *pc_review_finding_policy(const pc_comparison *c, const pc_finding *f)
{
    for (size_t pi = 0; pi < c->npolicies; pi++)
        if ((f->policies >> pi) & 1)
            return c->policies[pi]->id;
    return f->nrefs ? c->policies[f->refs[0].policy]->id : "";
}

/* One PART of a finding key (review.h), appended to b. */
static int pc_finding_part(const pc_comparison *c, const pc_ref *ref, const char *home, pc_buf *b)
{
    const pc_policy *p = c->policies[ref->policy];
    char *k = ref->clause != PC_NO_CLAUSE ? pc_review_policy_clause_key(p, ref->clause)
                                          : pc_section_key(p, ref->section);
    if (!k)
        return -1;
    int rc = pc_buf_addc(b, '|');
    if (rc == 0 && strcmp(p->id, home) != 0)
        rc = pc_buf_printf(b, "%s:", p->id);
    if (rc == 0 && ref->clause == PC_NO_CLAUSE)
        rc = pc_buf_addc(b, '#');
    if (rc == 0)
        rc = pc_buf_adds(b, k);
    free(k);
    return rc;
}

char *pc_review_requirement_key(const pc_comparison *c, int requirement)
{
    const pc_requirement *req = &c->tax->reqs[requirement];
    pc_buf b = {0};
    if (pc_buf_printf(&b, "%s|%s|%s", pc_finding_kind_name(PC_FIND_MISSING),
                      req->category >= 0 ? c->tax->cats[req->category].id : "-", req->id) < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

char *pc_review_finding_key(const pc_comparison *c, const pc_finding *f)
{
    const pc_taxonomy *tax = c->tax;
    if (f->kind == PC_FIND_MISSING && f->requirement >= 0)
        return pc_review_requirement_key(c, f->requirement);
    const char *home = pc_review_finding_policy(c, f);
    pc_buf b = {0};
    int rc = pc_buf_printf(&b, "%s|%s", pc_finding_kind_name(f->kind),
                           f->category >= 0 ? tax->cats[f->category].id : "-");
    if (rc == 0 && f->attribute >= 0)
        rc = pc_buf_printf(&b, "@%s", tax->attrs[f->attribute].id);
    /* Gap and missing-required cite peers' clauses as context, not as what they rest on. */
    int parts = f->kind != PC_FIND_GAP && f->kind != PC_FIND_MISSING;
    for (size_t i = 0; rc == 0 && parts && i < f->nrefs; i++)
        if (f->refs[i].clause != PC_NO_CLAUSE || f->refs[i].section >= 0)
            rc = pc_finding_part(c, &f->refs[i], home, &b);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

/* ---- decisions ---- */

pc_decision *pc_review_find(const pc_review *r, int is_finding, const char *policy, const char *key)
{
    for (size_t i = 0; i < r->n; i++) {
        pc_decision *d = &r->items[i];
        if (!d->is_finding == !is_finding && strcmp(d->policy, policy) == 0 &&
            strcmp(d->key, key) == 0)
            return d;
    }
    return NULL;
}

static int pc_set_str(char **dst, const char *s)
{
    char *v = s ? pc_strdup(s) : NULL;
    if (s && !v)
        return -1;
    free(*dst);
    *dst = v;
    return 0;
}

pc_decision *pc_review_get(pc_review *r, int is_finding, const char *policy, const char *key,
                           const char *section)
{
    pc_decision *d = pc_review_find(r, is_finding, policy, key);
    if (d) {
        if (!is_finding && section && (!d->section || strcmp(d->section, section) != 0))
            if (pc_set_str(&d->section, section) < 0)
                return NULL;
        return d;
    }
    if (pc_grow(&r->items, &r->cap, r->n + 1, sizeof *r->items) < 0)
        return NULL;
    d = &r->items[r->n];
    memset(d, 0, sizeof *d);
    d->is_finding = is_finding != 0;
    d->policy = pc_strdup(policy);
    d->key = pc_strdup(key);
    if (!is_finding && section)
        d->section = pc_strdup(section);
    if (!d->policy || !d->key || (!is_finding && section && !d->section)) {
        pc_decision_free(d);
        return NULL;
    }
    pc_decision_touch(d);
    r->n++;
    return d;
}

int pc_review_remove(pc_review *r, const pc_decision *d)
{
    if (!d || d < r->items || d >= r->items + r->n)
        return -1;
    size_t i = (size_t)(d - r->items);
    pc_decision_free(&r->items[i]);
    memmove(&r->items[i], &r->items[i + 1], (r->n - i - 1) * sizeof *r->items);
    r->n--;
    return 0;
}

int pc_decision_set_note(pc_decision *d, const char *note)
{
    if (pc_set_str(&d->note, note && *note ? note : NULL) < 0)
        return -1;
    pc_decision_touch(d);
    return 0;
}

int pc_decision_set_labels(pc_decision *d, const char *const *ids, size_t n)
{
    char **v = n ? calloc(n, sizeof *v) : NULL;
    if (n && !v)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!(v[i] = pc_strdup(ids[i]))) {
            while (i > 0)
                free(v[--i]);
            free(v);
            return -1;
        }
    pc_decision_free_labels(d);
    d->labels = v;
    d->nlabels = n;
    d->relabelled = 1;
    pc_decision_touch(d);
    return 0;
}

void pc_decision_clear_labels(pc_decision *d)
{
    pc_decision_free_labels(d);
    d->relabelled = 0;
    pc_decision_touch(d);
}

void pc_decision_touch(pc_decision *d)
{
    char buf[32];
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm) || strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return;
    char *v = pc_strdup(buf);
    if (!v)
        return; /* keep the previous stamp rather than lose it */
    free(d->updated);
    d->updated = v;
}
