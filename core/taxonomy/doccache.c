/* doccache.c: see doccache.h. */
#include "taxonomy/doccache.h"

#include "util/hash.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define DC_HEAD 10 /* type, style, line, column */

uint64_t pc_doccache_key(const char *data, size_t len, uint64_t build)
{
    if (!build)
        return 0;
    const char *ver = yaml_get_version_string();
    uint64_t h = pc_fnv64(PC_FNV_SEED, &build, sizeof build);
    h = pc_fnv64(h, ver, strlen(ver) + 1);
    uint64_t sum = pc_sum64(data, len), n = len;
    h = pc_fnv64(h, &sum, sizeof sum);
    h = pc_fnv64(h, &n, sizeof n);
    return h ? h : 1;
}

/* ---- decoding ----------------------------------------------------------------------------- */

/* One node's fixed part into n (type, style, marks); its body is read by the caller. */
static void dc_node_head(pc_rd *in, yaml_node_t *n)
{
    unsigned type = (unsigned)pc_rd_u(in, 1), style = (unsigned)pc_rd_u(in, 1);
    uint32_t line = (uint32_t)pc_rd_u(in, 4), col = (uint32_t)pc_rd_u(in, 4);
    memset(n, 0, sizeof *n);
    n->type = (yaml_node_type_t)type;
    if (type == YAML_SCALAR_NODE)
        n->data.scalar.style = (yaml_scalar_style_t)style;
    else if (type == YAML_SEQUENCE_NODE)
        n->data.sequence.style = (yaml_sequence_style_t)style;
    else if (type == YAML_MAPPING_NODE)
        n->data.mapping.style = (yaml_mapping_style_t)style;
    else
        in->ok = 0;
    n->start_mark.line = n->end_mark.line = line;
    n->start_mark.column = n->end_mark.column = col;
}

/* A scalar's text, NUL-terminated in place: borrowed into n. */
static void dc_scalar(pc_rd *in, yaml_node_t *n)
{
    uint32_t len = (uint32_t)pc_rd_u(in, 4);
    const char *s = len < UINT32_MAX ? pc_rd_take(in, (size_t)len + 1) : NULL;
    if (!s || s[len] != '\0') {
        in->ok = 0;
        return;
    }
    n->data.scalar.value = (yaml_char_t *)(uintptr_t)s;
    n->data.scalar.length = len;
}

/* A node id: 1..count. */
static int dc_id(pc_rd *in, uint32_t count)
{
    uint32_t id = (uint32_t)pc_rd_u(in, 4);
    if (id < 1 || id > count)
        in->ok = 0;
    return (int)id;
}

/* Walk the section's nodes: count their items and pairs (dc NULL), or fill dc's arrays,
 * whose sizes the counting gave. 0, or -1 when malformed. */
static int dc_walk(pc_rd in, uint32_t count, pc_doccache *dc, size_t *nitems, size_t *npairs)
{
    yaml_node_t scratch;
    size_t ni = 0, np = 0;
    for (uint32_t i = 0; i < count && in.ok; i++) {
        yaml_node_t *n = dc ? &dc->nodes[i] : &scratch;
        dc_node_head(&in, n);
        if (n->type == YAML_SCALAR_NODE) {
            dc_scalar(&in, n);
            continue;
        }
        uint32_t k = (uint32_t)pc_rd_u(&in, 4);
        size_t width = n->type == YAML_MAPPING_NODE ? 8 : 4;
        if (!in.ok || k > (size_t)(in.end - in.p) / width)
            return -1;
        if (n->type == YAML_SEQUENCE_NODE && dc) {
            n->data.sequence.items.start = dc->items + ni;
            n->data.sequence.items.end = n->data.sequence.items.top = dc->items + ni + k;
        } else if (dc) {
            n->data.mapping.pairs.start = dc->pairs + np;
            n->data.mapping.pairs.end = n->data.mapping.pairs.top = dc->pairs + np + k;
        }
        for (uint32_t j = 0; j < k; j++) {
            if (n->type == YAML_SEQUENCE_NODE) {
                int id = dc_id(&in, count);
                if (dc)
                    dc->items[ni + j] = id;
            } else {
                int key = dc_id(&in, count), value = dc_id(&in, count);
                if (dc)
                    dc->pairs[np + j] = (yaml_node_pair_t){key, value};
            }
        }
        *(n->type == YAML_SEQUENCE_NODE ? &ni : &np) += k;
    }
    *nitems = ni;
    *npairs = np;
    return in.ok && in.p == in.end ? 0 : -1;
}

void pc_doccache_free(pc_doccache *dc)
{
    free(dc->nodes);
    free(dc->items);
    free(dc->pairs);
    memset(dc, 0, sizeof *dc);
}

int pc_doccache_decode(pc_doccache *dc, const char *bytes, size_t len, uint64_t key)
{
    memset(dc, 0, sizeof *dc);
    pc_rd in = {bytes, bytes + len, 1};
    const char *k = pc_rd_take(&in, 8);
    uint32_t count = (uint32_t)pc_rd_u(&in, 4);
    uint64_t have = 0;
    if (k)
        memcpy(&have, k, 8);
    size_t ni = 0, np = 0;
    /* every node takes at least its head and a count */
    if (!in.ok || !key || have != key || count == 0 ||
        count > (size_t)(in.end - in.p) / (DC_HEAD + 4) || dc_walk(in, count, NULL, &ni, &np) < 0)
        return -1;
    dc->nodes = malloc(count * sizeof *dc->nodes);
    dc->items = malloc((ni ? ni : 1) * sizeof *dc->items);
    dc->pairs = malloc((np ? np : 1) * sizeof *dc->pairs);
    if (!dc->nodes || !dc->items || !dc->pairs) {
        pc_doccache_free(dc);
        return -1;
    }
    pc_prefault(dc->nodes, count * sizeof *dc->nodes);
    dc_walk(in, count, dc, &ni, &np);
    dc->doc.nodes.start = dc->nodes;
    dc->doc.nodes.end = dc->doc.nodes.top = dc->nodes + count;
    return 0;
}

/* ---- encoding ----------------------------------------------------------------------------- */

static int dc_put32(pc_buf *b, size_t v)
{
    uint32_t w = (uint32_t)v;
    return v > UINT32_MAX ? -1 : pc_buf_add(b, &w, 4);
}

static int dc_put_node(pc_buf *b, const yaml_node_t *n)
{
    unsigned char head[2] = {(unsigned char)n->type, 0};
    head[1] = (unsigned char)(n->type == YAML_SCALAR_NODE     ? n->data.scalar.style
                              : n->type == YAML_SEQUENCE_NODE ? n->data.sequence.style
                                                              : n->data.mapping.style);
    if (pc_buf_add(b, head, 2) < 0 || dc_put32(b, n->start_mark.line) < 0 ||
        dc_put32(b, n->start_mark.column) < 0)
        return -1;
    if (n->type == YAML_SCALAR_NODE)
        return dc_put32(b, n->data.scalar.length) < 0 ||
                       pc_buf_add(b, n->data.scalar.value, n->data.scalar.length) < 0 ||
                       pc_buf_add(b, "", 1) < 0
                   ? -1
                   : 0;
    if (n->type == YAML_SEQUENCE_NODE) {
        const yaml_node_item_t *it = n->data.sequence.items.start;
        size_t k = (size_t)(n->data.sequence.items.top - it);
        int rc = dc_put32(b, k);
        for (size_t j = 0; j < k && rc == 0; j++)
            rc = dc_put32(b, (size_t)it[j]);
        return rc;
    }
    if (n->type != YAML_MAPPING_NODE)
        return -1;
    const yaml_node_pair_t *pr = n->data.mapping.pairs.start;
    size_t k = (size_t)(n->data.mapping.pairs.top - pr);
    int rc = dc_put32(b, k);
    for (size_t j = 0; j < k && rc == 0; j++)
        rc = dc_put32(b, (size_t)pr[j].key) < 0 ? -1 : dc_put32(b, (size_t)pr[j].value);
    return rc;
}

char *pc_doccache_encode(const yaml_document_t *doc, uint64_t key, size_t *len)
{
    pc_buf b = {0};
    size_t count = (size_t)(doc->nodes.top - doc->nodes.start);
    int rc = count && pc_buf_add(&b, &key, 8) == 0 && dc_put32(&b, count) == 0 ? 0 : -1;
    for (size_t i = 0; i < count && rc == 0; i++)
        rc = dc_put_node(&b, &doc->nodes.start[i]);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return pc_buf_steal(&b);
}
