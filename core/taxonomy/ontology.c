/* ontology.c: the `ontology:` section of a taxonomy (ontology.h): reading, the subsumption
 * closure, and the term index. */
#include "taxonomy/ontology.h"
#include "taxonomy/tax_yaml.h"
#include "util/word_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const on_keys[PC_ONTO_DIMS] = {"actions", "data", "recipients", "purposes"};
static const char *const on_fields[PC_ONTO_DIMS] = {"action", "data", "recipient", "purpose"};

const char *pc_onto_dim_key(pc_onto_dim d)
{
    return (unsigned)d < PC_ONTO_DIMS ? on_keys[d] : "?";
}

const char *pc_onto_dim_field(pc_onto_dim d)
{
    return (unsigned)d < PC_ONTO_DIMS ? on_fields[d] : "?";
}

int pc_onto_under(const pc_ontology *o, pc_onto_dim d, int a, int b)
{
    size_t n = o->n[d];
    return a >= 0 && b >= 0 && (size_t)a < n && (size_t)b < n &&
           o->under[d][(size_t)a * n + (size_t)b];
}

int pc_onto_find(const pc_ontology *o, pc_onto_dim d, const char *id)
{
    for (size_t i = 0; i < o->n[d]; i++)
        if (!strcmp(o->e[d][i].id, id))
            return (int)i;
    return -1;
}

/* ---- terms ---------------------------------------------------------------------------- */

/* A term as util/words.h splits text: lower case, separators made single spaces, "*" kept at
 * the end of a word. NULL when memory runs out; "" when nothing is left. */
static char *on_norm_term(const char *s)
{
    pc_buf b = {0};
    int gap = 0;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '*' ||
                   c >= 0x80 || (c >= 'A' && c <= 'Z');
        if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
            word = 1;
        }
        if (!word) {
            gap = 1;
            continue;
        }
        if (gap && b.len)
            pc_buf_addc(&b, ' ');
        gap = 0;
        pc_buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    if (pc_buf_addc(&b, '\0') < 0)
        return NULL;
    return pc_buf_steal(&b);
}

static size_t on_count_words(const char *t)
{
    size_t n = *t ? 1 : 0;
    for (; *t; t++)
        n += *t == ' ';
    return n;
}

/* The first word of a term (length), and whether it is a prefix ("advertis*"). */
static size_t on_first_len(const char *t, int *prefix)
{
    size_t k = strcspn(t, " ");
    *prefix = k > 0 && t[k - 1] == '*';
    return k - (size_t)*prefix;
}

/* Terms by first word: exact ones first, then byte order of the word. */
static int on_term_cmp_first(const pc_onto_term *a, const pc_onto_term *b)
{
    int pa_ = 0, pb_ = 0;
    size_t ka = on_first_len(a->words, &pa_), kb = on_first_len(b->words, &pb_);
    if (pa_ != pb_)
        return pa_ - pb_;
    int r = strncmp(a->words, b->words, ka < kb ? ka : kb);
    if (r || ka != kb)
        return r ? r : (ka < kb ? -1 : 1);
    return 0;
}

static int on_term_cmp(const void *pa, const void *pb)
{
    const pc_onto_term *a = pa, *b = pb;
    int r = on_term_cmp_first(a, b);
    if (r)
        return r;
    /* the same first word: file order (dimension, entry, term) decides ties */
    if (a->dim != b->dim)
        return (int)a->dim - (int)b->dim;
    if (a->entry != b->entry)
        return a->entry - b->entry;
    return a->words < b->words ? -1 : a->words > b->words;
}

/* Whether term word tw (len k, maybe "x*") matches word w. */
static int on_word_eq(const char *tw, size_t k, const pc_word *w)
{
    if (k > 0 && tw[k - 1] == '*')
        return w->len >= k - 1 && !memcmp(w->w, tw, k - 1);
    return w->len == k && !memcmp(w->w, tw, k);
}

/* Whether term t matches the words of ws from i. */
static int on_term_at(const pc_onto_term *t, const pc_words *ws, size_t i)
{
    const char *p = t->words;
    for (size_t k = 0; k < t->nwords; k++) {
        size_t len = 0;
        while (p[len] && p[len] != ' ')
            len++;
        if (i + k >= ws->n || (k > 0 && ws->v[i + k].stop_before) ||
            !on_word_eq(p, len, &ws->v[i + k]))
            return 0;
        p += len + (p[len] == ' ');
    }
    return 1;
}

/* Whether term t, whose first word is word i of ws already (a term of its run), matches the
 * words of ws from i: its other words compared as on_term_at compares them. */
static int on_rest_at(const pc_onto_term *t, const pc_words *ws, size_t i)
{
    if (t->nwords == 1)
        return 1;
    const char *p = t->words + ws->v[i].len + 1; /* the first word and its space */
    if (i + 1 >= ws->n || (p[0] != ws->v[i + 1].w[0] && p[0] != '*'))
        return 0; /* most terms: the second word differs at once */
    for (size_t k = 1; k < t->nwords; k++) {
        size_t len = 0;
        while (p[len] && p[len] != ' ')
            len++;
        if (i + k >= ws->n || ws->v[i + k].stop_before || !on_word_eq(p, len, &ws->v[i + k]))
            return 0;
        p += len + (p[len] == ' ');
    }
    return 1;
}

static void on_consider(const pc_onto_term *t, const pc_words *ws, size_t i, pc_onto_hit *best)
{
    if (t->nwords > best->nwords && (t->words[0] == ws->v[i].w[0] || t->words[0] == '*') &&
        on_term_at(t, ws, i))
        *best = (pc_onto_hit){t->dim, t->entry, i, t->nwords};
}

/* The slot of first word w[0..k), whose pc_word_hash is hash, in o->first: its run, or an
 * empty slot. */
static const pc_onto_run *on_first_slot(const pc_ontology *o, const char *w, size_t k,
                                        uint32_t hash)
{
    size_t mask = o->nfirst - 1;
    for (size_t h = hash & mask;; h = (h + 1) & mask) {
        const pc_onto_run *r = &o->first[h];
        if (!r->end || (r->len == k && !memcmp(o->terms[r->start].words, w, k)))
            return r;
    }
}

/* Whether word w may start a term of terms[0..nexact): its slot in o->first is not empty, or
 * one on the way to it holds a word as long with the same first byte. */
static int on_may_start(const pc_ontology *o, const pc_word *w)
{
    size_t mask = o->nfirst - 1;
    for (size_t h = w->hash & mask;; h = (h + 1) & mask) {
        const pc_onto_run *r = &o->first[h];
        if (!r->end)
            return 0;
        if (r->len == w->len && o->terms[r->start].words[0] == w->w[0])
            return 1;
    }
}

static int on_match(const pc_ontology *o, const pc_words *ws, size_t i, pc_onto_hit *hit);

int pc_onto_match(const pc_ontology *o, const pc_words *ws, size_t i, pc_onto_hit *hit)
{
    *hit = (pc_onto_hit){PC_ONTO_ACTION, -1, i, 0};
    if (i >= ws->n)
        return 0;
    /* most words start no term: told from their slot, without the search's setup */
    if (o->nexact == o->nterms && o->nfirst && !on_may_start(o, &ws->v[i]))
        return 0;
    return on_match(o, ws, i, hit);
}

/* pc_onto_match's search of the terms starting at word i (< ws->n). */
__attribute__((noinline)) static int on_match(const pc_ontology *o, const pc_words *ws, size_t i,
                                              pc_onto_hit *hit)
{
    const char *w = ws->v[i].w;
    const pc_onto_run *r = o->nfirst ? on_first_slot(o, w, ws->v[i].len, ws->v[i].hash) : NULL;
    for (size_t j = r ? r->start : 0; r && j < r->end; j++) {
        const pc_onto_term *t = &o->terms[j];
        if (t->nwords > hit->nwords && on_rest_at(t, ws, i))
            *hit = (pc_onto_hit){t->dim, t->entry, i, t->nwords};
    }
    for (size_t j = o->nexact; j < o->nterms; j++)
        on_consider(&o->terms[j], ws, i, hit);
    return hit->nwords > 0;
}

/* The hash of the exact first words (terms[0..nexact), sorted: each word's terms adjacent). */
static int on_first_index(pc_ontology *o)
{
    size_t runs = 0;
    int pre;
    for (size_t j = 0; j < o->nexact; j++)
        runs += j == 0 || on_term_cmp_first(&o->terms[j - 1], &o->terms[j]) != 0;
    for (o->nfirst = 16; o->nfirst < 2 * runs;)
        o->nfirst *= 2;
    if (!(o->first = calloc(o->nfirst, sizeof *o->first)))
        return -1;
    for (size_t j = 0, end; j < o->nexact; j = end) {
        for (end = j + 1; end < o->nexact && !on_term_cmp_first(&o->terms[j], &o->terms[end]);)
            end++;
        size_t k = on_first_len(o->terms[j].words, &pre);
        pc_onto_run *r = (pc_onto_run *)on_first_slot(o, o->terms[j].words, k,
                                                      pc_word_hash(o->terms[j].words, k));
        *r = (pc_onto_run){(unsigned)j, (unsigned)end, (unsigned)k};
    }
    return 0;
}

/* Every term of every entry into the sorted index. */
static int on_index(pc_ontology *o)
{
    size_t n = 0;
    for (int d = 0; d < PC_ONTO_DIMS; d++)
        for (size_t i = 0; i < o->n[d]; i++)
            n += o->e[d][i].nterms;
    o->terms = calloc(n ? n : 1, sizeof *o->terms);
    if (!o->terms)
        return -1;
    for (int d = 0; d < PC_ONTO_DIMS; d++)
        for (size_t i = 0; i < o->n[d]; i++)
            for (size_t t = 0; t < o->e[d][i].nterms; t++) {
                const char *w = o->e[d][i].terms[t];
                o->terms[o->nterms++] =
                    (pc_onto_term){(pc_onto_dim)d, (int)i, w, on_count_words(w)};
            }
    qsort(o->terms, o->nterms, sizeof *o->terms, on_term_cmp);
    int pre = 0;
    while (o->nexact < o->nterms && (on_first_len(o->terms[o->nexact].words, &pre), !pre))
        o->nexact++;
    return on_first_index(o) < 0 ? -1 : pc_onto_sieve_build(o);
}

/* ---- subsumption ---------------------------------------------------------------------- */

/* Parents come before their children, so one pass in order closes the relation. */
static int on_close(pc_ontology *o, pc_onto_dim d)
{
    size_t n = o->n[d];
    o->under[d] = calloc(n ? n * n : 1, 1);
    if (!o->under[d])
        return -1;
    for (size_t a = 0; a < n; a++) {
        unsigned char *row = o->under[d] + a * n;
        row[a] = 1;
        for (size_t p = 0; p < o->e[d][a].nparents; p++) {
            const unsigned char *prow = o->under[d] + (size_t)o->e[d][a].parents[p] * n;
            for (size_t b = 0; b < n; b++)
                row[b] |= prow[b];
        }
    }
    return 0;
}

/* ---- reading -------------------------------------------------------------------------- */

/* A string or a list of strings under `key`, each an id of dimension d defined before
 * `limit` (entries of d are read in order; limit is SIZE_MAX for another dimension). */
static int on_refs(pc_tax_ctx *c, yaml_node_t *map, const char *key, pc_ontology *o, pc_onto_dim d,
                   size_t limit, const char *where, int **out, size_t *n)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v || pc_tax_is_null(v))
        return 0;
    size_t len = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_len(v) : 1;
    if (!(*out = calloc(len ? len : 1, sizeof **out)))
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *s = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_item(c, v, i) : v;
        const char *id = s->type == YAML_SCALAR_NODE ? (const char *)s->data.scalar.value : "";
        int k = pc_onto_find(o, d, id);
        if (k < 0 || (size_t)k >= limit)
            return pc_tax_fail(c, s, "'%s' in %s: no %s entry '%s'%s", key, where, on_fields[d], id,
                               limit != (size_t)-1 ? " defined earlier" : "");
        (*out)[(*n)++] = k;
    }
    return 0;
}

static int on_terms(pc_tax_ctx *c, yaml_node_t *map, pc_onto_entry *e, const char *where)
{
    yaml_node_t *seq = pc_tax_seq(c, map, "terms", 1, where);
    if (c->failed)
        return -1;
    size_t len = pc_tax_seq_len(seq);
    if (len == 0)
        return pc_tax_fail(c, seq, "'terms' in %s must not be empty", where);
    if (!(e->terms = calloc(len, sizeof *e->terms)))
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *s = pc_tax_seq_item(c, seq, i);
        if (s->type != YAML_SCALAR_NODE)
            return pc_tax_fail(c, s, "'terms' in %s must be a list of strings", where);
        e->nterms = i + 1;
        if (!(e->terms[i] = on_norm_term((const char *)s->data.scalar.value)))
            return pc_tax_fail(c, NULL, "out of memory");
        if (!e->terms[i][0] || e->terms[i][0] == '*')
            return pc_tax_fail(c, s, "term '%s' in %s has no word to match", s->data.scalar.value,
                               where);
    }
    return 0;
}

/* `implied_by: {recipients: [...], purposes: [...]}` of an action. */
static int on_implied_by(pc_tax_ctx *c, yaml_node_t *map, pc_ontology *o, pc_onto_entry *e,
                         const char *where)
{
    static const char *const keys[] = {"recipients", "purposes", "except_recipients", NULL};
    yaml_node_t *v = pc_tax_get(c, map, "implied_by");
    if (!v || pc_tax_is_null(v))
        return 0;
    if (pc_tax_check_map(c, v, keys, "'implied_by'") < 0)
        return -1;
    if (on_refs(c, v, "recipients", o, PC_ONTO_RECIPIENT, (size_t)-1, where, &e->by_recipient,
                &e->nby_recipient) < 0 ||
        on_refs(c, v, "purposes", o, PC_ONTO_PURPOSE, (size_t)-1, where, &e->by_purpose,
                &e->nby_purpose) < 0)
        return -1;
    return on_refs(c, v, "except_recipients", o, PC_ONTO_RECIPIENT, (size_t)-1, where,
                   &e->by_except, &e->nby_except);
}

/* `through_us: ACTION` of action entry i, read once every action is known (it may name a
 * later one). */
static int on_through_us(pc_tax_ctx *c, yaml_node_t *map, pc_ontology *o, size_t i)
{
    pc_onto_entry *e = &o->e[PC_ONTO_ACTION][i];
    yaml_node_t *v = pc_tax_get(c, map, "through_us");
    if (!v || pc_tax_is_null(v))
        return 0;
    const char *id = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    if ((e->through_us = pc_onto_find(o, PC_ONTO_ACTION, id)) < 0)
        return pc_tax_fail(c, v, "'through_us' in ontology action '%s': no action entry '%s'",
                           e->id, id);
    return 0;
}

/* The keys an entry of dimension d may have. */
static const char *const *on_entry_keys(pc_onto_dim d)
{
    static const char *const action[] = {"id",         "name", "parent",     "terms", "category",
                                         "implied_by", "data", "through_us", NULL};
    static const char *const data[] = {"id",       "name",      "parent", "terms",
                                       "personal", "anaphoric", NULL};
    static const char *const recipient[] = {"id",      "name",  "parent", "terms",
                                            "implies", "agent", NULL};
    static const char *const purpose[] = {"id", "name", "parent", "terms", "narrows", NULL};
    return d == PC_ONTO_ACTION      ? action
           : d == PC_ONTO_DATA      ? data
           : d == PC_ONTO_RECIPIENT ? recipient
                                    : purpose;
}

static int on_entry(pc_tax_ctx *c, yaml_node_t *map, pc_ontology *o, pc_onto_dim d, size_t i)
{
    pc_onto_entry *e = &o->e[d][i];
    e->category = -1;
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "an entry of ontology '%s'", on_keys[d]);
    if (pc_tax_check_map(c, map, on_entry_keys(d), where) < 0 ||
        pc_tax_dup(c, &e->id, pc_tax_str(c, map, "id", 1, where)) < 0 || c->failed)
        return -1;
    if (pc_onto_find(o, d, e->id) < (int)i)
        return pc_tax_fail(c, pc_tax_get(c, map, "id"), "duplicate %s id '%s' in the ontology",
                           on_fields[d], e->id);
    snprintf(where, sizeof where, "ontology %s '%s'", on_fields[d], e->id);
    int personal = 1, narrows = 1, about_data = 1;
    if (pc_tax_dup(c, &e->name, pc_tax_str(c, map, "name", 0, where)) < 0 ||
        (!e->name && pc_tax_dup(c, &e->name, e->id) < 0) ||
        on_refs(c, map, "parent", o, d, i, where, &e->parents, &e->nparents) < 0 ||
        on_terms(c, map, e, where) < 0 || pc_tax_category_ref(c, map, where, &e->category) < 0 ||
        pc_tax_bool(c, map, "personal", where, &personal) < 0 ||
        pc_tax_bool(c, map, "narrows", where, &narrows) < 0 ||
        pc_tax_bool(c, map, "anaphoric", where, &e->anaphoric) < 0 ||
        pc_tax_bool(c, map, "data", where, &about_data) < 0 ||
        pc_tax_bool(c, map, "agent", where, &e->agent) < 0 ||
        on_refs(c, map, "implies", o, PC_ONTO_PURPOSE, (size_t)-1, where, &e->implies,
                &e->nimplies) < 0 ||
        on_implied_by(c, map, o, e, where) < 0)
        return -1;
    e->not_personal = !personal;
    e->no_narrowing = !narrows;
    e->no_data = !about_data;
    e->through_us = -1;
    return 0;
}

static int on_dim(pc_tax_ctx *c, yaml_node_t *map, pc_ontology *o, pc_onto_dim d)
{
    yaml_node_t *seq = pc_tax_seq(c, map, on_keys[d], 0, "'ontology'");
    if (c->failed)
        return -1;
    size_t len = pc_tax_seq_len(seq);
    if (len && !(o->e[d] = calloc(len, sizeof *o->e[d])))
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        o->n[d] = i + 1;
        if (on_entry(c, pc_tax_seq_item(c, seq, i), o, d, i) < 0)
            return -1;
    }
    return 0;
}

int pc_tax_ontology(pc_tax_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"actions", "data", "recipients", "purposes", NULL};
    yaml_node_t *map = pc_tax_get(c, root, "ontology");
    if (!map || pc_tax_is_null(map))
        return 0;
    if (pc_tax_check_map(c, map, keys, "'ontology'") < 0)
        return -1;
    pc_ontology *o = calloc(1, sizeof *o);
    if (!o)
        return pc_tax_fail(c, NULL, "out of memory");
    c->tax->onto = o;
    /* purposes and recipients first: actions and recipients refer to them */
    static const pc_onto_dim order[] = {PC_ONTO_PURPOSE, PC_ONTO_RECIPIENT, PC_ONTO_DATA,
                                        PC_ONTO_ACTION};
    for (size_t k = 0; k < PC_ONTO_DIMS; k++)
        if (on_dim(c, map, o, order[k]) < 0)
            return -1;
    yaml_node_t *actions = pc_tax_get(c, map, on_keys[PC_ONTO_ACTION]);
    for (size_t i = 0; i < o->n[PC_ONTO_ACTION]; i++)
        if (on_through_us(c, pc_tax_seq_item(c, actions, i), o, i) < 0)
            return -1;
    for (int d = 0; d < PC_ONTO_DIMS; d++)
        if (on_close(o, (pc_onto_dim)d) < 0)
            return pc_tax_fail(c, NULL, "out of memory");
    return on_index(o) < 0 ? pc_tax_fail(c, NULL, "out of memory") : 0;
}

void pc_onto_free(pc_ontology *o)
{
    if (!o)
        return;
    for (int d = 0; d < PC_ONTO_DIMS; d++) {
        for (size_t i = 0; i < o->n[d]; i++) {
            pc_onto_entry *e = &o->e[d][i];
            free(e->id);
            free(e->name);
            free(e->parents);
            for (size_t t = 0; t < e->nterms; t++)
                free(e->terms[t]);
            free(e->terms);
            free(e->implies);
            free(e->by_recipient);
            free(e->by_purpose);
            free(e->by_except);
        }
        free(o->e[d]);
        free(o->under[d]);
    }
    free(o->terms);
    free(o->first);
    free(o->sieve);
    free(o);
}
