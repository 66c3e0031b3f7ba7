/* compare_texts.c: what the lint detectors share (compare_internal.h): whitespace-collapsed
 * copies and quotes of a policy's texts, and bags of texts sorted so that equal ones form
 * runs (repeated sentences, titles, placeholders are found by sorting, not pair by pair). */
#include "compare/compare_internal.h"

#include <stdlib.h>
#include <string.h>

static int lint_space(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

int pc_cmp_lint_collapse(pc_buf *b, const char *s, size_t n, int fold)
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
        b->data[b->len++] = fold && ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
    }
    b->data[b->len] = '\0';
    return 0;
}

void pc_cmp_lint_quote(const char *s, size_t n, char *out)
{
    size_t len = 0, i = 0;
    int gap = 0;
    for (; i < n && len <= PC_LINT_QUOTE_MAX; i++) {
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
    /* out[cut] exists: more than PC_LINT_QUOTE_MAX bytes were copied */
    size_t cut = PC_LINT_QUOTE_MAX;
    while (cut > PC_LINT_QUOTE_MAX / 2 && out[cut] != ' ')
        cut--;
    while (cut > 0 && (((unsigned char)out[cut] & 0xC0) == 0x80 || out[cut - 1] == ' '))
        cut--;
    memcpy(out + cut, "...", 4);
}

/* ---- texts found, grouped (compare_internal.h) ---- */

int pc_cmp_bag_begin(pc_cmp_bag *b, pc_ref ref)
{
    if (pc_grow(&b->v, &b->cap, b->n + 1, sizeof *b->v) < 0)
        return -1;
    b->v[b->n++] = (pc_cmp_item){b->arena.len, NULL, ref};
    return 0;
}

int pc_cmp_bag_end(pc_cmp_bag *b)
{
    return pc_buf_addc(&b->arena, '\0');
}

void pc_cmp_bag_free(pc_cmp_bag *b)
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
    const pc_cmp_item *a = pa, *b = pb;
    int r = strcmp(a->text, b->text);
    return r ? r : lint_ref_cmp(&a->ref, &b->ref);
}

void pc_cmp_bag_sort(pc_cmp_bag *b)
{
    for (size_t i = 0; i < b->n; i++)
        b->v[i].text = b->arena.data + b->v[i].off;
    if (b->n > 1)
        qsort(b->v, b->n, sizeof *b->v, lint_item_cmp);
}

size_t pc_cmp_bag_run(const pc_cmp_bag *b, size_t lo)
{
    size_t hi = lo + 1;
    while (hi < b->n && !strcmp(b->v[hi].text, b->v[lo].text))
        hi++;
    return hi;
}

pc_ref *pc_cmp_bag_refs(const pc_cmp_item *v, size_t n, size_t max, size_t *nr)
{
    pc_ref *refs = malloc((n < max ? n : max) * sizeof *refs + 1);
    *nr = 0;
    for (size_t i = 0; refs && i < n && *nr < max; i++)
        if (*nr == 0 || lint_ref_cmp(&refs[*nr - 1], &v[i].ref) != 0)
            refs[(*nr)++] = v[i].ref;
    return refs;
}
