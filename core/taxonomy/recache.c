/* recache.c: see recache.h. */
#include "taxonomy/recache.h"

#include "util/hash.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define RC_ENT_BYTES 16 /* options, length, hash */

uint64_t pc_recache_key(uint64_t build)
{
    char ver[64] = "";
    if (!build || pcre2_config(PCRE2_CONFIG_VERSION, ver) < 0)
        return 0;
    uint64_t h = pc_fnv64(PC_FNV_SEED ^ 2, &build, sizeof build);
    h = pc_fnv64(h, ver, strlen(ver));
    return h ? h : 1;
}

static uint64_t rc_get(const char *p, size_t n)
{
    uint64_t v = 0;
    uint32_t w = 0;
    if (n == 4) {
        memcpy(&w, p, 4);
        v = w;
    } else
        memcpy(&v, p, 8);
    return v;
}

int pc_recache_decode(pc_recache *rc, const char *data, size_t len, uint64_t key)
{
    if (!key || len < 12 || rc_get(data, 8) != key)
        return -1;
    uint64_t n = rc_get(data + 8, 4);
    if (n == 0 || n > (len - 12) / RC_ENT_BYTES || len - 12 - n * RC_ENT_BYTES < 8)
        return -1;
    const char *blob = data + 12 + n * RC_ENT_BYTES;
    uint64_t blen = rc_get(blob, 8);
    if (blen != (uint64_t)(data + len - blob - 8) ||
        pcre2_serialize_get_number_of_codes((const uint8_t *)blob + 8) != (int32_t)n)
        return -1;
    pc_recache_ent *pre = calloc(n, sizeof *pre);
    pcre2_code **codes = calloc(n, sizeof *codes);
    int got = pre && codes ? pcre2_serialize_decode(codes, (int32_t)n, (const uint8_t *)blob + 8,
                                                     NULL)
                           : -1;
    if (got != (int)n) {
        for (int i = 0; i < got; i++)
            pcre2_code_free(codes[i]);
        free(pre);
        free(codes);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const char *e = data + 12 + i * RC_ENT_BYTES;
        pre[i] = (pc_recache_ent){(uint32_t)rc_get(e, 4), (uint32_t)rc_get(e + 4, 4),
                                  rc_get(e + 8, 8), codes[i]};
    }
    free(codes);
    rc->pre = pre;
    rc->npre = n;
    rc->next = 0;
    rc->section = data;
    rc->section_len = len;
    return 0;
}

static int rc_record(pc_recache *rc, const pc_recache_ent *e)
{
    if (pc_grow(&rc->made, &rc->cap, rc->nmade + 1, sizeof *rc->made) < 0)
        return -1;
    rc->made[rc->nmade++] = *e;
    return 0;
}

/* The next decoded code when it is e's pattern under e's options (taken: rc no longer owns
 * it); else NULL, and the decoded codes left are freed (the file is out of step from here). */
static pcre2_code *rc_take(pc_recache *rc, const pc_recache_ent *e)
{
    if (rc->next >= rc->npre)
        return NULL;
    const pc_recache_ent *p = &rc->pre[rc->next];
    if (p->opts != e->opts || p->len != e->len || p->hash != e->hash) {
        for (size_t i = rc->next; i < rc->npre; i++)
            pcre2_code_free(rc->pre[i].code);
        rc->npre = rc->next;
        return NULL;
    }
    return rc->pre[rc->next++].code;
}

pcre2_code *pc_recache_compile(pc_recache *rc, const char *pattern, uint32_t opts, int *errcode,
                               PCRE2_SIZE *erroff)
{
    size_t len = strlen(pattern);
    pc_recache_ent e = {opts, (uint32_t)len, pc_sum64(pattern, len), NULL};
    e.code = len <= UINT32_MAX ? rc_take(rc, &e) : NULL;
    if (!e.code) {
        e.code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, errcode, erroff, NULL);
        rc->compiled = 1;
    }
    if (e.code && rc_record(rc, &e) < 0) {
        pcre2_code_free(e.code);
        *errcode = PCRE2_ERROR_NOMEMORY;
        *erroff = 0;
        return NULL;
    }
    return e.code;
}

static int rc_put(pc_buf *b, uint64_t v, size_t n)
{
    uint32_t w = (uint32_t)v;
    return pc_buf_add(b, n == 8 ? (const void *)&v : (const void *)&w, n);
}

/* A section with the recorded codes; count 0 when PCRE2 cannot serialize them together. */
static char *rc_build(const pc_recache *rc, uint64_t key, size_t *len)
{
    pcre2_code **codes = calloc(rc->nmade ? rc->nmade : 1, sizeof *codes);
    if (!codes)
        return NULL;
    for (size_t i = 0; i < rc->nmade; i++)
        codes[i] = rc->made[i].code;
    uint8_t *ser = NULL;
    PCRE2_SIZE serlen = 0;
    int32_t got = rc->nmade && rc->nmade <= INT32_MAX
                      ? pcre2_serialize_encode((const pcre2_code **)codes, (int32_t)rc->nmade,
                                               &ser, &serlen, NULL)
                      : -1;
    free(codes);
    size_t n = got > 0 ? rc->nmade : 0;
    pc_buf b = {0};
    int bad = rc_put(&b, key, 8) < 0 || rc_put(&b, n, 4) < 0;
    for (size_t i = 0; i < n && !bad; i++)
        bad = rc_put(&b, rc->made[i].opts, 4) < 0 || rc_put(&b, rc->made[i].len, 4) < 0 ||
              rc_put(&b, rc->made[i].hash, 8) < 0;
    if (!bad && n)
        bad = rc_put(&b, serlen, 8) < 0 || pc_buf_add(&b, ser, serlen) < 0;
    pcre2_serialize_free(ser);
    if (bad) {
        pc_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return pc_buf_steal(&b);
}

char *pc_recache_encode(const pc_recache *rc, uint64_t key, size_t *len)
{
    if (rc->section && !rc->compiled && rc->nmade == rc->npre) {
        char *copy = malloc(rc->section_len ? rc->section_len : 1);
        if (copy) {
            memcpy(copy, rc->section, rc->section_len);
            *len = rc->section_len;
        }
        return copy;
    }
    return rc_build(rc, key, len);
}

void pc_recache_free(pc_recache *rc)
{
    for (size_t i = rc->next; i < rc->npre; i++)
        pcre2_code_free(rc->pre[i].code);
    free(rc->pre);
    free(rc->made);
    memset(rc, 0, sizeof *rc);
}
