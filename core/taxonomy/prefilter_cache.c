/* prefilter_cache.c: see prefilter_cache.h. */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "taxonomy/prefilter_cache.h"

#include "util/atomic.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/util.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PFC_MAGIC    "PCLITDB3"
#define PFC_HEADER   32           /* magic, key, payload length, checksum */
#define PFC_MAX_FILE (64u << 20) /* a cache larger than this is not one of ours */
#define PFC_MAX_STR  4096        /* longest literal accepted */


/* ---- the key ------------------------------------------------------------------------------ */

/* dl_iterate_phdr callback: the GNU build id of the first object (the program). */
static int pfc_build_id_of(struct dl_phdr_info *info, size_t size, void *out)
{
    (void)size;
    uint64_t *h = out;
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE)
            continue;
        const char *p = (const char *)(info->dlpi_addr + ph->p_vaddr), *end = p + ph->p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)(const void *)p;
            size_t name = (nh->n_namesz + 3u) & ~3u, desc = (nh->n_descsz + 3u) & ~3u;
            const char *d = p + sizeof *nh + name;
            if (d + nh->n_descsz > end)
                break;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && !memcmp(p + sizeof *nh, "GNU", 4)) {
                *h = pc_fnv64(PC_FNV_SEED, d, nh->n_descsz);
                return 1;
            }
            p = d + desc;
        }
    }
    return 1; /* only the program itself */
}

/* Without a build id (a linker that adds none): the program file's identity, which any
 * rebuild changes (inode, size, modification time). */
static uint64_t pfc_exe_id(void)
{
    struct stat st;
    if (stat("/proc/self/exe", &st) < 0)
        return 0;
    uint64_t v[5] = {(uint64_t)st.st_dev, (uint64_t)st.st_ino, (uint64_t)st.st_size,
                     (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec};
    return pc_fnv64(PC_FNV_SEED ^ 1, v, sizeof v);
}

/* This build: its GNU build id, else its program file; 0 when neither is known. */
static uint64_t pfc_build_id(void)
{
    static _Atomic uint64_t id; /* 0: not looked up yet; 1: none */
    uint64_t v = id;
    if (!v) {
        uint64_t h = 0;
        dl_iterate_phdr(pfc_build_id_of, &h);
        if (!h)
            h = pfc_exe_id();
        v = h ? h : 1;
        id = v;
    }
    return v == 1 ? 0 : v;
}

uint64_t pc_pfcache_build(void)
{
    const char *off = getenv("POLCMP_NO_CACHE");
    return off && *off && strcmp(off, "0") ? 0 : pfc_build_id();
}

uint64_t pc_pfcache_key(const pc_rule *const *rules, size_t n)
{
    uint64_t build = pc_pfcache_build();
    if (!build)
        return 0;
    uint64_t h = pc_fnv64(PC_FNV_SEED, &build, sizeof build);
    const char *hv = hs_version();
    h = pc_fnv64(h, hv, strlen(hv) + 1);
    for (size_t i = 0; i < n; i++) {
        const pc_rule *r = rules[i];
        unsigned char c = (unsigned char)r->caseless;
        h = pc_fnv64(h, &c, 1);
        h = pc_fnv64(h, r->pattern, strlen(r->pattern) + 1);
        h = pc_fnv64(h, r->literal ? r->literal : "", r->literal ? strlen(r->literal) + 1 : 1);
        h = pc_fnv64(h, r->literal ? "\1" : "\0", 1);
    }
    return h ? h : 1;
}

/* DIR/.NAME.cache beside the taxonomy file `path`. */
static char *pfc_beside(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    pc_buf b = {0};
    if (pc_buf_add(&b, path, dir) < 0 || pc_buf_printf(&b, ".%s.cache", path + dir) < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

/* The user's cache directory for polcmp: $XDG_CACHE_HOME/polcmp, else ~/.cache/polcmp; NULL
 * when neither is set (or out of memory). Caller frees. */
static char *pfc_user_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    pc_buf b = {0};
    int rc = xdg && *xdg == '/' ? pc_buf_printf(&b, "%s/polcmp", xdg)
             : home && *home  ? pc_buf_printf(&b, "%s/.cache/polcmp", home)
                              : -1;
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

/* DIR/NAME-HASH.cache in the user's cache directory, HASH naming the taxonomy's absolute
 * path (two taxonomies of one name in two places never share a file). */
static char *pc_rd_user_dir(const char *path)
{
    char *dir = pfc_user_dir(), *abs = realpath(path, NULL);
    const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
    pc_buf b = {0};
    const char *key = abs ? abs : path;
    if (!dir || pc_buf_printf(&b, "%s/%s-%016llx.cache", dir, name,
                              (unsigned long long)pc_fnv64(PC_FNV_SEED, key, strlen(key))) < 0)
        pc_buf_free(&b);
    free(dir);
    free(abs);
    return b.data ? pc_buf_steal(&b) : NULL;
}

int pc_pfcache_paths(const char *path, char *out[PC_PFCACHE_PLACES])
{
    out[0] = pfc_beside(path);
    out[1] = out[0] ? pc_rd_user_dir(path) : NULL;
    out[2] = NULL;
    return out[0] ? 0 : -1;
}

int pc_pfcache_open(pc_pfcache_ctx *c, const char *path)
{
    memset(c, 0, sizeof *c);
    if (pc_pfcache_paths(path, c->paths) < 0)
        return -1;
    uint64_t rkey = pc_recache_key(pc_pfcache_build());
    for (c->place = 0; rkey && c->paths[c->place] && !c->data; c->place++)
        if (pc_pfcache_read(c->paths[c->place], &c->file) == 0) {
            c->data = c->file.p;
            c->len = c->file.len;
        }
    if (!c->data)
        return 0;
    c->place--;
    pc_pfcache_blob codes;
    if (pc_pfcache_codes(c->data, c->len, &codes, &c->doc, 0) == 0)
        pc_recache_decode(&c->re, codes.p, codes.len, rkey);
    return 0;
}

void pc_pfcache_close(pc_pfcache_ctx *c)
{
    pc_recache_free(&c->re);
    free(c->doc_made);
    pc_file_unmap(&c->file);
    for (size_t i = 0; i < PC_PFCACHE_PLACES; i++)
        free(c->paths[i]);
    memset(c, 0, sizeof *c);
}

/* ---- decoding ----------------------------------------------------------------------------- */

/* The size of a count of u32-length strings (each at most PFC_MAX_STR bytes) at *in, which is
 * moved past them: *n strings of *bytes bytes in all. -1 when they do not fit the input. */
static int pfc_strs_size(pc_rd *in, size_t *n, size_t *bytes)
{
    uint64_t k = pc_rd_u(in, 4);
    if (!in->ok || k > (size_t)(in->end - in->p) / 4)
        return -1; /* every string takes at least its length */
    *bytes = 0;
    for (*n = 0; *n < k; (*n)++) {
        uint64_t len = pc_rd_u(in, 4);
        if (len > PFC_MAX_STR || !pc_rd_take(in, (size_t)len))
            return -1;
        *bytes += (size_t)len;
    }
    return 0;
}

/* The strings counted by pfc_strs_size into out[0..n), NUL-terminated one after another from
 * *text (moved past them), each without NUL bytes. */
static int pfc_strs(pc_rd *in, char **out, size_t n, char **text)
{
    pc_rd_u(in, 4);
    for (size_t i = 0; i < n; i++) {
        size_t len = (size_t)pc_rd_u(in, 4);
        const char *s = pc_rd_take(in, len);
        if (!s || memchr(s, '\0', len))
            return -1;
        out[i] = memcpy(*text, s, len);
        out[i][len] = '\0';
        *text += len + 1;
    }
    return 0;
}

/* A rule's key literals and its conjunction's into l, in one block (l->block): the two
 * pointer arrays, then the strings. */
static int pfc_rule_strs(pc_rd *in, pc_rule_lits *l)
{
    pc_rd ahead = *in;
    size_t n1, b1, n2, b2;
    if (pfc_strs_size(&ahead, &n1, &b1) < 0 || pfc_strs_size(&ahead, &n2, &b2) < 0)
        return -1;
    char **ptrs = malloc((n1 + n2) * sizeof *ptrs + b1 + b2 + n1 + n2 + 1);
    if (!ptrs)
        return -1;
    char *text = (char *)(ptrs + n1 + n2);
    l->block = ptrs;
    l->lits = ptrs;
    l->form.lits = ptrs + n1;
    if (pfc_strs(in, l->lits, n1, &text) < 0)
        return -1;
    l->nlits = n1;
    if (pfc_strs(in, l->form.lits, n2, &text) < 0)
        return -1;
    l->form.nlits = n2;
    return 0;
}

/* A count of u32 ends into *out (owned): non-decreasing, none past `limit`. */
static int pfc_ends(pc_rd *in, size_t **out, size_t *n, size_t limit)
{
    uint64_t k = pc_rd_u(in, 4);
    if (!in->ok || k > (size_t)(in->end - in->p) / 4)
        return -1;
    *out = calloc(k ? k : 1, sizeof **out);
    if (!*out)
        return -1;
    for (*n = 0; *n < k; (*n)++) {
        uint64_t v = pc_rd_u(in, 4);
        if (!in->ok || v > limit || (*n && v < (*out)[*n - 1]))
            return -1;
        (*out)[*n] = (size_t)v;
    }
    return 0;
}

static int pfc_rule(pc_rd *in, pc_rule_lits *l)
{
    uint64_t caseless = pc_rd_u(in, 1), source = pc_rd_u(in, 1), flags = pc_rd_u(in, 4);
    if (!in->ok || caseless > 1 || source > PC_LIT_DECLARED)
        return -1;
    l->caseless = (int)caseless;
    l->source = (pc_lit_source)source;
    l->flags = (unsigned)flags;
    pc_lit_form *f = &l->form;
    if (pfc_rule_strs(in, l) < 0 || pfc_ends(in, &f->gend, &f->ngroups, f->nlits) < 0 ||
        pfc_ends(in, &f->tend, &f->nterms, f->ngroups) < 0)
        return -1;
    return 0;
}

/* A section carried for others (u64 length and its bytes) into *b, borrowed. */
static int pfc_blob(pc_rd *in, pc_pfcache_blob *b)
{
    uint64_t n = pc_rd_u(in, 8);
    if (!in->ok || n > (uint64_t)(in->end - in->p))
        return -1;
    b->len = (size_t)n;
    b->p = pc_rd_take(in, (size_t)n);
    return b->p ? 0 : -1;
}

static int pfc_payload(pc_rd *in, size_t nrules, pc_rule_lits *lits, pc_pfcache_parts *parts)
{
    if (pfc_blob(in, &parts->codes) < 0 || pfc_blob(in, &parts->doc) < 0 ||
        pfc_blob(in, &parts->tables) < 0 ||
        pc_rd_u(in, 4) != nrules || !in->ok)
        return -1;
    for (size_t i = 0; i < nrules; i++)
        if (pfc_rule(in, &lits[i]) < 0)
            return -1;
    if (pfc_blob(in, &parts->db) < 0 || parts->db.len == 0 || in->p != in->end)
        return -1;
    return 0;
}

/* The header: the magic, the payload's length and (when check_sum) checksum; *key is the
 * file's key. 0, or -1 when these bytes are not a whole cache file. */
static int pfc_header(pc_rd *in, size_t len, uint64_t *key, int check_sum)
{
    const char *magic = pc_rd_take(in, 8);
    uint64_t k = pc_rd_u(in, 8), plen = pc_rd_u(in, 8), sum = pc_rd_u(in, 8);
    *key = k;
    return in->ok && !memcmp(magic, PFC_MAGIC, 8) && plen == len - PFC_HEADER &&
                   (!check_sum || pc_sum64(in->p, (size_t)plen) == sum)
               ? 0
               : -1;
}

int pc_pfcache_codes(const char *data, size_t len, pc_pfcache_blob *codes, pc_pfcache_blob *doc,
                     int check_sum)
{
    pc_rd in = {data, data + len, 1};
    uint64_t k;
    int rc = pfc_header(&in, len, &k, check_sum) < 0 || pfc_blob(&in, codes) < 0 ||
                     pfc_blob(&in, doc) < 0
                 ? -1
                 : 0;
    if (rc < 0)
        *doc = (pc_pfcache_blob){0};
    return rc;
}

int pc_pfcache_decode(const char *data, size_t len, uint64_t key, size_t nrules,
                      pc_rule_lits *lits, pc_pfcache_parts *parts, int check_sum)
{
    pc_rd in = {data, data + len, 1};
    uint64_t k;
    int rc = -1;
    if (pfc_header(&in, len, &k, check_sum) == 0 && k == key)
        rc = pfc_payload(&in, nrules, lits, parts);
    if (rc < 0)
        for (size_t i = 0; i < nrules; i++) {
            pc_lit_free(&lits[i]);
            memset(&lits[i], 0, sizeof lits[i]);
        }
    return rc;
}

/* ---- encoding ----------------------------------------------------------------------------- */

static int pfc_put(pc_buf *b, uint64_t v, size_t n)
{
    uint32_t w = (uint32_t)v;
    unsigned char c = (unsigned char)v;
    return pc_buf_add(b, n == 8 ? (const void *)&v : n == 4 ? (const void *)&w : &c, n);
}

static int pfc_put_strs(pc_buf *b, char *const *s, size_t n)
{
    int rc = pfc_put(b, n, 4);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t len = strlen(s[i]);
        rc = len > PFC_MAX_STR ? -1 : pfc_put(b, len, 4) < 0 ? -1 : pc_buf_add(b, s[i], len);
    }
    return rc;
}

static int pfc_put_ends(pc_buf *b, const size_t *v, size_t n)
{
    int rc = pfc_put(b, n, 4);
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = pfc_put(b, v[i], 4);
    return rc;
}

static int pfc_put_rule(pc_buf *b, const pc_rule_lits *l)
{
    const pc_lit_form *f = &l->form;
    return pfc_put(b, (uint64_t)l->caseless, 1) < 0 || pfc_put(b, l->source, 1) < 0 ||
                   pfc_put(b, l->flags, 4) < 0 || pfc_put_strs(b, l->lits, l->nlits) < 0 ||
                   pfc_put_strs(b, f->lits, f->nlits) < 0 ||
                   pfc_put_ends(b, f->gend, f->ngroups) < 0 ||
                   pfc_put_ends(b, f->tend, f->nterms) < 0
               ? -1
               : 0;
}

static int pfc_put_blob(pc_buf *b, const pc_pfcache_blob *v)
{
    return pfc_put(b, v->len, 8) < 0 || pc_buf_add(b, v->p, v->len) < 0 ? -1 : 0;
}

char *pc_pfcache_encode(uint64_t key, size_t nrules, const pc_rule_lits *lits,
                        const pc_pfcache_parts *parts, size_t *len)
{
    pc_buf b = {0};
    int rc = pc_buf_add(&b, PFC_MAGIC, 8) < 0 || pc_buf_add(&b, &key, 8) < 0 ||
                     pc_buf_add(&b, "\0\0\0\0\0\0\0\0", 8) < 0 ||
                     pc_buf_add(&b, "\0\0\0\0\0\0\0\0", 8) < 0 ||
                     pfc_put_blob(&b, &parts->codes) < 0 || pfc_put_blob(&b, &parts->doc) < 0 ||
                     pfc_put_blob(&b, &parts->tables) < 0 ||
                     pfc_put(&b, nrules, 4) < 0
                 ? -1
                 : 0;
    for (size_t i = 0; i < nrules && rc == 0; i++)
        rc = pfc_put_rule(&b, &lits[i]);
    if (rc == 0)
        rc = pfc_put_blob(&b, &parts->db);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    uint64_t plen = b.len - PFC_HEADER, sum = pc_sum64(b.data + PFC_HEADER, plen);
    memcpy(b.data + 16, &plen, 8);
    memcpy(b.data + 24, &sum, 8);
    *len = b.len;
    return pc_buf_steal(&b);
}

/* ---- files -------------------------------------------------------------------------------- */

int pc_pfcache_read(const char *path, pc_file_map *f)
{
    pc_error err = {{0}};
    if (pc_file_map_open(f, path, PFC_MAX_FILE, NULL, &err) < 0)
        return -1;
    pc_rd in = {f->p, f->p + f->len, 1};
    uint64_t k;
    if (pfc_header(&in, f->len, &k, 1) < 0) {
        pc_file_unmap(f);
        return -1;
    }
    return 0;
}

/* The serialized database b as a database in memory of its own (malloc'ed, as Vectorscan's
 * default allocator does, so hs_free_database frees it), its pages mapped in one call rather
 * than faulted in one by one while it is unpacked. 0, or -1. */
static int pfc_database(const pc_pfcache_blob *b, hs_database_t **db)
{
    size_t size = 0;
    if (hs_serialized_database_size(b->p, b->len, &size) != HS_SUCCESS || !size)
        return -1;
    char *mem = malloc(size);
    if (!mem)
        return -1;
    pc_prefault(mem, size);
    if (hs_deserialize_database_at(b->p, b->len, (hs_database_t *)(void *)mem) != HS_SUCCESS) {
        free(mem);
        return -1;
    }
    *db = (hs_database_t *)(void *)mem;
    return 0;
}

int pc_pfcache_load(const char *data, size_t len, uint64_t key, size_t nrules,
                    pc_rule_lits *lits, hs_database_t **db, pc_pfcache_blob *tables)
{
    pc_pfcache_parts parts;
    int rc = pc_pfcache_decode(data, len, key, nrules, lits, &parts, 0);
    *tables = rc == 0 ? parts.tables : (pc_pfcache_blob){0};
    if (rc == 0 && pfc_database(&parts.db, db) < 0) {
        for (size_t i = 0; i < nrules; i++) {
            pc_lit_free(&lits[i]);
            memset(&lits[i], 0, sizeof lits[i]);
        }
        rc = -1;
    }
    return rc;
}

/* The directory of cache file `path` and its parent, made when missing (a user's first cache:
 * ~/.cache/polcmp). Failing is left to the write that follows. */
static void pfc_make_dir(const char *path)
{
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash && slash != dir) {
        *slash = '\0';
        if (mkdir(dir, 0700) != 0 && errno == ENOENT) {
            char *up = strrchr(dir, '/');
            if (up && up != dir) {
                *up = '\0';
                mkdir(dir, 0700);
                *up = '/';
                mkdir(dir, 0700);
            }
        }
    }
    free(dir);
}

int pc_pfcache_store(const char *path, uint64_t key, size_t nrules, const pc_rule_lits *lits,
                     const pc_pfcache_blob *codes, const pc_pfcache_blob *doc,
                     const pc_pfcache_blob *tables, const hs_database_t *db)
{
    int rc = -1;
    char *bytes = NULL, *ser = NULL;
    size_t serlen = 0, len = 0;
    if (hs_serialize_database(db, &ser, &serlen) != HS_SUCCESS)
        return -1;
    pc_pfcache_parts parts = {*codes, *tables, {ser, serlen}, *doc};
    bytes = pc_pfcache_encode(key, nrules, lits, &parts, &len);
    free(ser);
    pc_outfile o;
    pc_error err = {{0}};
    pfc_make_dir(path);
    if (bytes && pc_outfile_open(&o, path, &err) == 0) {
        if (fwrite(bytes, 1, len, o.f) == len)
            rc = pc_outfile_commit(&o, &err);
        else
            pc_outfile_abort(&o);
    }
    free(bytes);
    return rc < 0 ? -1 : 0;
}
