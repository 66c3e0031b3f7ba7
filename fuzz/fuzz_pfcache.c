/* fuzz_pfcache.c: the literal database cache reader (taxonomy/prefilter_cache.c) on arbitrary
 * bytes. The key and the number of rules are taken from the input itself, so the field
 * checks behind the header are reached; the checksum is checked in one call and skipped in
 * another. Whatever decodes must encode back to bytes that decode to the same literals. The
 * input is also read as a document section (taxonomy/doccache.c), its key its first 8 bytes:
 * whatever decodes must refer only to nodes that exist and encode back to the same bytes. */
#include "taxonomy/doccache.h"
#include "taxonomy/prefilter_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_RULES 64

static void fuzz_free(pc_rule_lits *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pc_lit_free(&l[i]);
}

static void fuzz_same(const pc_rule_lits *a, const pc_rule_lits *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i].nlits != b[i].nlits || a[i].form.nlits != b[i].form.nlits ||
            a[i].form.ngroups != b[i].form.ngroups || a[i].form.nterms != b[i].form.nterms ||
            a[i].caseless != b[i].caseless || a[i].flags != b[i].flags)
            __builtin_trap();
        for (size_t k = 0; k < a[i].nlits; k++)
            if (strcmp(a[i].lits[k], b[i].lits[k]))
                __builtin_trap();
        for (size_t k = 0; k < a[i].form.ngroups; k++)
            if (a[i].form.gend[k] != b[i].form.gend[k])
                __builtin_trap();
    }
}

static void fuzz_document(const char *data, size_t size)
{
    uint64_t key = 0;
    if (size >= 8)
        memcpy(&key, data, 8);
    pc_doccache dc;
    if (pc_doccache_decode(&dc, data, size, key) < 0)
        return;
    for (yaml_node_t *n = dc.doc.nodes.start; n < dc.doc.nodes.top; n++) {
        if (n->type == YAML_SEQUENCE_NODE)
            for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++)
                if (!yaml_document_get_node(&dc.doc, *i))
                    __builtin_trap();
        if (n->type == YAML_MAPPING_NODE)
            for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
                if (!yaml_document_get_node(&dc.doc, p->key) || !yaml_document_get_node(&dc.doc, p->value))
                    __builtin_trap();
        if (n->type == YAML_SCALAR_NODE && n->data.scalar.value[n->data.scalar.length])
            __builtin_trap();
    }
    size_t len = 0;
    char *again = pc_doccache_encode(&dc.doc, key, &len);
    if (again && (len != size || memcmp(again, data, size)))
        __builtin_trap();
    free(again);
    pc_doccache_free(&dc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_document((const char *)data, size);
    uint64_t key = 0;
    uint32_t nrules = 0;
    if (size >= 16)
        memcpy(&key, data + 8, 8);
    if (size >= 36)
        memcpy(&nrules, data + 32, 4);
    if (nrules > FUZZ_MAX_RULES)
        nrules = FUZZ_MAX_RULES;
    pc_rule_lits a[FUZZ_MAX_RULES] = {{0}}, b[FUZZ_MAX_RULES] = {{0}};
    pc_pfcache_parts parts;
    size_t len;
    for (int sum = 0; sum < 2; sum++) {
        if (pc_pfcache_decode((const char *)data, size, key, nrules, a, &parts, sum) < 0)
            continue;
        char *again = pc_pfcache_encode(key, nrules, a, &parts, &len);
        if (again) {
            pc_pfcache_parts back;
            if (pc_pfcache_decode(again, len, key, nrules, b, &back, 1) < 0 ||
                back.codes.len != parts.codes.len || back.tables.len != parts.tables.len ||
                back.db.len != parts.db.len || memcmp(back.db.p, parts.db.p, parts.db.len))
                __builtin_trap();
            fuzz_same(a, b, nrules);
            fuzz_free(b, nrules);
            memset(b, 0, sizeof b);
            free(again);
        }
        fuzz_free(a, nrules);
        memset(a, 0, sizeof a);
    }
    return 0;
}
